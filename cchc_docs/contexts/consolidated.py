"""Context of ``ke-hoach.docx``: the plan as amended (consolidated), with its appendix.

The decision that issued the plan stays as issued; this document is what units work
from after amendments. Its Kèm theo line names the issuing decision and every
amending decision, so a reader knows which text this is.
"""

from __future__ import annotations

import datetime as dt

from cchc_docs.contexts import common, decision
from cchc_docs.contexts.amendment import own_reference
from cchc_docs.model.plan import PlanFile

KEYS = ("header", "plan", "appendix")
RULES = ("RuleBody", "RuleMotto", "RulePlan", "RuleAppendix")


def build(versions: list[PlanFile], today: dt.date) -> dict:
    """The plan after every amendment, with the same layout as the one issued."""
    latest = versions[-1]
    full = decision.build(latest, today, original=versions[0])
    line = f"({amended_line(versions, today)})"
    context = {key: full[key] for key in KEYS}
    context["plan"] = {**full["plan"], "attached_to": line}
    context["appendix"] = {**full["appendix"], "attached_to": line}
    context["rule_indents"] = {style: full["rule_indents"][style] for style in RULES}
    context["properties"] = properties(versions, today)
    return context


def properties(versions: list[PlanFile], today: dt.date) -> dict:
    """The plan's title; dated by the last amending decision, from which this text stands."""
    latest, original = versions[-1], versions[0]
    last = original.amendments[-1].decision if original.amendments else original.decision
    date = common.signing_date(last.date, today)
    return common.properties("Kế hoạch", latest.plan.title, latest.issuing_body, date)


def amended_line(versions: list[PlanFile], today: dt.date) -> str:
    """``Kèm theo Quyết định số 39/…, được sửa đổi, bổ sung tại Quyết định số 52/…``."""
    original = versions[0]
    issued = decision.attachment_line(original, common.signing_date(original.decision.date, today))
    amending = [
        own_reference(a, original.issuing_body, common.signing_date(a.decision.date, today)).split(" của ")[0]
        for a in original.amendments
    ]
    return f"{issued}, được sửa đổi, bổ sung tại {' và '.join(amending)}"
