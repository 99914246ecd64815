"""Context of ``ke-hoach-ban-hanh.docx``: a plan issued on its own (Kế hoạch số …/KH-UBND, Mẫu 1.4).

Many communes issue their CCHC plan without a decision: the plan carries its own số
and date, opens with its căn cứ, closes with Nơi nhận and the chairman's signature, and
its appendix is "Kèm theo Kế hoạch số …". The body and the appendix are the same as a
plan attached to a decision (:mod:`cchc_docs.contexts.plan`), so both forms print a
plan alike.
"""

from __future__ import annotations

import datetime as dt

from cchc_docs import vn
from cchc_docs.contexts import common
from cchc_docs.contexts.plan import appendix_rows, plan_paragraphs
from cchc_docs.model.plan import PlanFile
from cchc_docs.typeset import layout as L

TYPE_CODE = "KH"


def build(plan_file: PlanFile, today: dt.date) -> dict:
    """The whole context; ``today`` only fills the month of an undated draft."""
    issue, body, plan = plan_file.plan.issue, plan_file.issuing_body, plan_file.plan
    date = common.signing_date(issue.date, today)
    title = common.clean(plan.title)
    appendix_title = f"DANH MỤC NHIỆM VỤ {vn.upper(title)}"
    number = common.cited_number(issue.number, TYPE_CODE, body)
    attached = f"(Kèm theo Kế hoạch số {number} {common.cited_date(date)} của {common.clean(body.name)})"
    return {
        "header": common.header(body),
        "document": common.document(common.number_line(issue.number, TYPE_CODE, body), issue.number, body, date),
        "plan": {
            "title": title,
            "grounds": opening(plan_file),
            "paragraphs": _last_kept(plan_paragraphs(plan)),
            "recipients": common.recipients(issue.recipients, issue.archive),
            "signer": {"lines": common.signer_lines(issue.signer), "name": common.clean(issue.signer.name)},
        },
        "appendix": {"label": "Phụ lục", "title": appendix_title, "attached_to": attached,
                     "rows": appendix_rows(plan_file)},
        "rule_indents": rules(plan_file, title, appendix_title),
        "properties": common.properties("Kế hoạch", plan.title, body, date),
    }


def opening(plan_file: PlanFile) -> list[str]:
    """``Căn cứ …;``, ``Thực hiện …;`` lines, then the sentence that issues the plan; nothing without them."""
    issue, body = plan_file.plan.issue, plan_file.issuing_body
    lines = common.grounds(issue.legal_bases, issue.implements)
    if not lines:
        return []
    return lines + [f"{common.clean(body.name)} ban hành Kế hoạch "
                    f"{common.lower_first(common.bare(plan_file.plan.title))} như sau:"]


def _last_kept(paragraphs: list[dict]) -> list[dict]:
    """The closing paragraph (ending ``./.``) is kind ``end``: the template keeps it with the signature."""
    if paragraphs and paragraphs[-1]["kind"] == "text":
        paragraphs[-1] = {**paragraphs[-1], "kind": "end"}
    return paragraphs


def rules(plan_file: PlanFile, title: str, appendix_title: str) -> dict[str, float]:
    lengths = common.header_rules(plan_file.issuing_body)
    lengths["RuleTitle"] = common.title_rule(title)
    lengths["RuleAppendix"] = common.title_rule(appendix_title, L.LANDSCAPE_TEXT_WIDTH_MM)
    return common.rule_indents(lengths)
