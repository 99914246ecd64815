"""The sample every template is rendered with when it is checked: a small plan, its Tờ trình, one
amendment, one report; and a small plan issued on its own (Kế hoạch số …/KH-UBND).

It ships inside the package (``sample/``), so ``cchc-docs templates check`` works
wherever the program is installed and gives the same result on every machine. The
plan is small on purpose: the check is about what a template does with data, and a
short document renders and checks in a fraction of a second.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc_docs.contexts import registry
from cchc_docs.contexts import reminder as letter
from cchc_docs.model.load import load_all
from cchc_docs.model.status import reporting_calendar
from cchc_docs.sheets import remind

PLAN = Path(__file__).resolve().parent / "sample" / "mau-thu.yaml"
# A plan issued on its own (Kế hoạch số …/KH-UBND), for the template only such a plan uses.
ISSUED_PLAN = PLAN.with_name("mau-thu-kh.yaml")
# The day the sample is made on: after the report and the amendment, so every document
# exists; also the công văn's day, when one task is overdue.
TODAY = dt.date(2025, 12, 20)


def contexts() -> dict[str, dict]:
    """Template file name → the context of one document the sample makes with it."""
    found = {}
    for plan in (PLAN, ISSUED_PLAN):
        loaded = load_all(plan)
        for job in registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]),
                                      TODAY):
            found.setdefault(job.template, job.context())
    found[remind.TEMPLATE] = letter.build(remind.reminder(PLAN, TODAY))
    return found
