"""Context of ``quyet-dinh.docx``: the decision (Mẫu 1.3), the attached plan and its appendix."""

from __future__ import annotations

import datetime as dt

from cchc_docs import vn
from cchc_docs.contexts import common, submission
from cchc_docs.contexts.plan import appendix_rows, plan_paragraphs, task_numbers
from cchc_docs.model.plan import Decision, PlanFile
from cchc_docs.typeset import layout as L

TYPE_CODE = "QĐ"


def build(plan_file: PlanFile, today: dt.date, original: PlanFile | None = None) -> dict:
    """The whole context; ``today`` only fills the month of an undated draft.

    ``original``: the plan as issued, when ``plan_file`` is an amended version (the
    consolidated plan): its tasks keep the numbers the issued plan gave them.
    """
    decision = plan_file.decision
    body = plan_file.issuing_body
    date = common.signing_date(decision.date, today)
    attached_to = attachment_line(plan_file, date)
    plan = plan_file.plan
    appendix_title = f"DANH MỤC NHIỆM VỤ {vn.upper(common.clean(plan.title))}"
    return {
        "header": common.header(body),
        "document": common.document(common.number_line(decision.number, TYPE_CODE, body), decision.number, body, date),
        "decision": decision_text(decision, submission.proposal(plan_file)),
        "plan": {
            "title": common.clean(plan.title),
            "attached_to": f"({attached_to})",
            "paragraphs": plan_paragraphs(plan),
        },
        "appendix": {
            "label": "Phụ lục",
            "title": appendix_title,
            # A plan issued by a decision has no number of its own: cite the decision (§9.2).
            "attached_to": f"({attached_to})",
            "rows": appendix_rows(plan_file, task_numbers(original or plan_file, plan_file)),
        },
        "rule_indents": rules(plan_file, appendix_title),
        "properties": common.properties("Quyết định", decision.title, body, date),
    }


def attachment_line(plan_file: PlanFile, date) -> str:
    """``Kèm theo Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã …``."""
    decision, body = plan_file.decision, plan_file.issuing_body
    number = common.cited_number(decision.number, TYPE_CODE, body)
    return f"Kèm theo Quyết định số {number} {common.cited_date(date)} của {common.clean(body.name)}"


def decision_text(decision: Decision, proposal: str | None) -> dict:
    """``proposal``: "Theo đề nghị của …", as written or from the Tờ trình (:func:`submission.proposal`)."""
    return {
        "title": common.clean(decision.title),
        "authority": common.clean(decision.authority),
        "bases": bases_lines(decision.legal_bases, proposal),
        "articles": articles(decision.articles),
        "recipients": common.recipients(decision.recipients, decision.archive),
        "signer": {
            "lines": common.signer_lines(decision.signer),
            "name": common.clean(decision.signer.name),
        },
    }


def bases_lines(legal_bases, proposal: str | None) -> list[str]:
    """Căn cứ lines end with ``;``, the last line (căn cứ or "Theo đề nghị") with ``.`` (§6.2)."""
    lines = [f"Căn cứ {common.bare(b)}" for b in legal_bases]
    if proposal:
        lines.append(f"Theo đề nghị của {common.bare(proposal)}")
    return [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def articles(texts: tuple[str, ...]) -> list[dict]:
    """``Điều N.`` labels; every article ends with ``.``, the last with ``./.`` (§6.3, §6.5)."""
    result = []
    for i, text in enumerate(texts, start=1):
        ending = "./." if i == len(texts) else "."
        result.append({"label": f"Điều {i}.", "text": common.bare(text) + ending, "clauses": []})
    return result


def rules(plan_file: PlanFile, appendix_title: str) -> dict[str, float]:
    plan = plan_file.plan
    lengths = common.header_rules(plan_file.issuing_body)
    lengths["RuleTitle"] = common.title_rule(plan_file.decision.title)
    lengths["RulePlan"] = common.title_rule(plan.title)
    lengths["RuleAppendix"] = common.title_rule(appendix_title, L.LANDSCAPE_TEXT_WIDTH_MM)
    return common.rule_indents(lengths)

