"""The registry of document kinds and the jobs of a plan: which template, which context, which output.

Adding a kind of document means a template, a context builder and a line in
:func:`plan_jobs`; the build recipe does not change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from cchc_docs.contexts import amendment as amendment_context
from cchc_docs.contexts import consolidated as consolidated_context
from cchc_docs.contexts import decision, issued_plan, report, submission
from cchc_docs.model.amend import version_at
from cchc_docs.model.paths import STATUS_FOLDER
from cchc_docs.model.periods import Calendar, Period
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.status import StatusFile


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document the build can make."""

    name: str
    template: str  # file name under the templates folder
    output: str  # file name under out/<plan>/
    build_context: Callable[[PlanFile, dt.date], dict]


DECISION = DocumentKind("quyet-dinh", "quyet-dinh.docx", "quyet-dinh.docx", decision.build)
# A plan issued on its own (plan.issue): the plan is the issued document, with its own number.
ISSUED_PLAN = DocumentKind("ke-hoach", "ke-hoach-ban-hanh.docx", "ke-hoach.docx", issued_plan.build)
# The Tờ trình that proposes the plan (submission), signed by the proposing unit before the plan.
SUBMISSION = DocumentKind("to-trinh", "to-trinh.docx", "to-trinh.docx", submission.build)


@dataclass(frozen=True)
class ReportKind:
    """A document made once per reporting period, from the plan and that period's status file."""

    name: str
    template: str  # file name under the templates folder
    build_context: Callable[[PlanFile, StatusFile, Period], dict]

    def output(self, period: Period) -> str:
        """File name under out/<plan>/, e.g. ``bao-cao-2025-q3.docx``."""
        return f"{self.name}-{period.code.lower()}.docx"


REPORT = ReportKind("bao-cao", "bao-cao-quy.docx", report.build)


# ---------------------------------------------------------------- the jobs of a plan
#
# What depends on what (issue: regeneration after amendments):
# - the decision that issued the plan, or the plan issued on its own, renders the plan *as
#   issued* (versions[0]); so does the Tờ trình that proposed it;
# - each amendment decision renders the plan before and after it;
# - the consolidated plan renders the plan after every amendment;
# - a report renders the plan as it stood at the end of its period's data window:
#   amendments signed by then apply, later ones do not.

AMENDMENT_TEMPLATE = "quyet-dinh-sua-doi.docx"
CONSOLIDATED_TEMPLATE = "ke-hoach.docx"


def templates() -> list[str]:
    """Every template a plan's jobs can use: file names under the templates folder."""
    kinds = (DECISION, ISSUED_PLAN, SUBMISSION, REPORT)
    return sorted({kind.template for kind in kinds} | {AMENDMENT_TEMPLATE, CONSOLIDATED_TEMPLATE})


@dataclass(frozen=True)
class Job:
    """One output of a plan: its template, how to build its context, whether it is issued."""

    name: str  # also the output's file stem
    kind: str  # to-trinh, quyet-dinh, ke-hoach, quyet-dinh-sua-doi, ke-hoach-hop-nhat, bao-cao
    template: str
    final: bool  # it has a number: issued, never overwritten in place
    context: Callable[[], dict]
    feeds: Callable[[str], bool] = lambda path: True  # whether a data path (fingerprint leaf) reaches it

    @property
    def output(self) -> str:
        return f"{self.name}.docx"


def plan_jobs(versions: list[PlanFile], statuses: dict[Period, StatusFile], calendar: Calendar,
              today: dt.date) -> list[Job]:
    """Every document of a plan, given its versions and its validated status files."""
    original = versions[0]
    issued = ((SUBMISSION, original.submission), (DECISION, original.decision), (ISSUED_PLAN, original.plan.issue))
    jobs = [_issued(kind, record, original, today) for kind, record in issued if record is not None]
    for k, amendment in enumerate(original.amendments):
        jobs.append(Job(f"quyet-dinh-sua-doi-{amendment.id.lower()}", "quyet-dinh-sua-doi", AMENDMENT_TEMPLATE,
                        amendment.decision.number is not None,
                        lambda k=k: amendment_context.build(versions, k, today), _plan))
    if original.amendments:
        jobs.append(Job("ke-hoach-hop-nhat", "ke-hoach-hop-nhat", CONSOLIDATED_TEMPLATE, False,
                        lambda: consolidated_context.build(versions, today), _plan))
    ends = {period: period.window(calendar)[1] for period in statuses}
    for period in sorted(statuses, key=ends.__getitem__):
        version = version_at(versions, ends[period])
        status = statuses[period]
        jobs.append(Job(f"{REPORT.name}-{period.code.lower()}", REPORT.name, REPORT.template,
                        status.report.number is not None,
                        lambda v=version, s=status, p=period: REPORT.build_context(v, s, p, original),
                        lambda path, p=period: _plan(path) or path.startswith(f"{STATUS_FOLDER}.{p.code}")))
    return jobs


def _issued(kind: DocumentKind, record, original: PlanFile, today: dt.date) -> Job:
    """The Tờ trình, the decision or the plan issued on its own (``record`` holds its number):
    each is made from the plan as issued."""
    return Job(kind.name, kind.name, kind.template, record.number is not None,
               lambda: kind.build_context(original, today), _plan_as_issued)


# Which changed data paths (pipeline/fingerprint.py) can reach which document, so a conflict
# names only the changes that feed that document.
def _plan(path: str) -> bool:
    """The plan file, amendments included; not the status files."""
    return not path.startswith(f"{STATUS_FOLDER}.")


def _plan_as_issued(path: str) -> bool:
    """The plan as the decision issued it: no amendment, no status file."""
    return _plan(path) and not path.startswith("amendments")
