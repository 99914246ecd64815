"""Context of ``quyet-dinh-sua-doi.docx``: a decision amending the plan (Mẫu 1.3).

Article 1 states each change in words; Phụ lục I compares what was issued with what
replaces it (``STT | Nội dung đã ban hành | Nội dung sửa đổi, bổ sung | Lý do``);
Phụ lục II is the task list as it stands after the amendment. Everything is derived
from the plan before and after the amendment, so the tables cannot disagree with
the articles.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cchc_docs import vn
from cchc_docs.contexts import common
from cchc_docs.contexts.decision import TYPE_CODE, attachment_line, bases_lines
from cchc_docs.contexts.plan import appendix_rows, plan_paragraphs, target_numbers, task_numbers
from cchc_docs.model.amend import KIND_VI, kind_of
from cchc_docs.model.plan import AREAS, Amendment, Change, PlanFile, Task
from cchc_docs.typeset import layout as L

TASK_FIELDS = {
    "content": "Nội dung nhiệm vụ",
    "area": "Lĩnh vực",
    "lead": "Cơ quan chủ trì",
    "partners": "Cơ quan phối hợp",
    "partners_other": "Cơ quan phối hợp khác",
    "deadline": "Thời gian hoàn thành",
    "product": "Sản phẩm",
}
ACTION_VI = {"add": "Bổ sung", "change": "Sửa đổi", "remove": "Bãi bỏ"}


def build(versions: list[PlanFile], index: int, today: dt.date) -> dict:
    """Context of amendment ``index`` (0-based); ``versions[index]`` is the plan before it."""
    before, after = versions[index], versions[index + 1]
    amendment = versions[0].amendments[index]
    body = after.issuing_body
    date = common.signing_date(amendment.decision.date, today)
    issued = common.signing_date(versions[0].decision.date, today)
    plan_reference = _plan_reference(versions[0], issued)
    attached = f"(Kèm theo {own_reference(amendment, body, date)})"
    old, new = _Version.of(before, versions[0]), _Version.of(after, versions[0])
    changes = [describe(c, old, new) for c in amendment.changes]
    title_i = f"NỘI DUNG SỬA ĐỔI, BỔ SUNG KẾ HOẠCH {vn.upper(common.clean(after.plan.title))}"
    title_ii = f"DANH MỤC NHIỆM VỤ {vn.upper(common.clean(after.plan.title))} (SAU KHI SỬA ĐỔI, BỔ SUNG)"
    return {
        "header": common.header(body),
        "document": {
            "number_line": common.number_line(amendment.decision.number, TYPE_CODE, body),
            "place_date": common.place_date(body, date),
            "final": amendment.decision.number is not None and date.complete,
        },
        "decision": {
            "title": common.clean(amendment.decision.title),
            "authority": common.clean(amendment.decision.authority),
            "bases": bases_lines(
                [*amendment.decision.legal_bases, *_earlier_decisions(versions[0], index, today)],
                amendment.decision.proposal,
            ),
            "articles": articles(amendment, plan_reference, changes),
            "recipients": common.recipients(amendment.decision.recipients, amendment.decision.archive),
            "signer": {
                "lines": common.signer_lines(amendment.decision.signer),
                "name": common.clean(amendment.decision.signer.name),
            },
        },
        "comparison": {"label": "Phụ lục I", "title": title_i, "attached_to": attached, "rows": _rows(changes)},
        "appendix": {"label": "Phụ lục II", "title": title_ii, "attached_to": attached, "rows": new.rows},
        "rule_indents": _rules(after, amendment, title_i, title_ii),
        "properties": common.properties("Quyết định", amendment.decision.title, body, date),
    }


def _plan_reference(original: PlanFile, issued) -> str:
    """``Kế hoạch … ban hành kèm theo Quyết định số 39/QĐ-UBND ngày … của …``."""
    line = attachment_line(original, issued).removeprefix("Kèm theo ")
    return f"Kế hoạch {common.clean(original.plan.title)} ban hành kèm theo {line}"


def own_reference(amendment: Amendment, body, date) -> str:
    number = common.cited_number(amendment.decision.number, TYPE_CODE, body)
    return f"Quyết định số {number} {common.cited_date(date)} của {common.clean(body.name)}"


def _earlier_decisions(original: PlanFile, index: int, today) -> list[str]:
    """The original decision and every earlier amendment are căn cứ of this one."""
    issued = common.signing_date(original.decision.date, today)
    # The decision's own trích yếu, word for word: the căn cứ quotes it, it does not rebuild it.
    lines = [f"{attachment_line(original, issued).removeprefix('Kèm theo ')} "
             f"{common.lower_first(common.bare(original.decision.title))}"]
    for earlier in original.amendments[:index]:
        date = common.signing_date(earlier.decision.date, today)
        lines.append(f"{own_reference(earlier, original.issuing_body, date)} về việc "
                     f"{common.bare(earlier.decision.title)[0].lower()}{common.bare(earlier.decision.title)[1:]}")
    return lines


def articles(amendment: Amendment, plan_reference: str, changes: list[dict]) -> list[dict]:
    """Điều 1 lists the changes as khoản; then validity of the rest, effect, execution."""
    texts = [
        f"Sửa đổi, bổ sung một số nội dung của {plan_reference}, như sau:",
        f"Các nội dung khác của {plan_reference} giữ nguyên hiệu lực thi hành",
        "Quyết định này có hiệu lực kể từ ngày ký",
        f"{common.bare(amendment.decision.executors)} chịu trách nhiệm thi hành Quyết định này",
    ]
    result = []
    for i, text in enumerate(texts, start=1):
        ending = "./." if i == len(texts) else ("" if text.endswith(":") else ".")
        clauses = [f"{n}. {c['statement']}" for n, c in enumerate(changes, start=1)] if i == 1 else []
        if clauses:
            clauses.append("(Chi tiết tại Phụ lục I kèm theo Quyết định này).")
        result.append({"label": f"Điều {i}.", "text": text + ending, "clauses": clauses})
    return result


@dataclass(frozen=True)
class _Version:
    """A version of the plan with its appendix rows, laid out once (tasks are named by their STT)."""

    plan_file: PlanFile
    rows: list[dict]
    tasks: dict[str, dict]  # task id → its appendix row
    targets: dict[str, int]  # target id → its number

    @classmethod
    def of(cls, plan_file: PlanFile, original: PlanFile) -> _Version:
        """Numbered on the basis of the plan as issued: one number per item in every version."""
        rows = appendix_rows(plan_file, task_numbers(original, plan_file))
        return cls(plan_file, rows, {r["id"]: r for r in rows if r["kind"] == "task"},
                   target_numbers(original, plan_file))


def describe(change: Change, before: _Version, after: _Version) -> dict:
    """A change in words: the sentence of Điều 1 and the two sides of the comparison."""
    kind, item_id = kind_of(change)
    old, new = _item(before.plan_file, kind, item_id), _item(after.plan_file, kind, item_id)
    return {
        "statement": _statement(change.action, kind, old, new, before, after),
        "before": _lines(kind, old, before, change) if old is not None else ["Chưa có"],
        "after": _lines(kind, new, after, change) if new is not None else ["Bãi bỏ"],
        "reason": common.clean(change.reason),
    }


def _item(plan_file: PlanFile, kind: str, item_id: str):
    items = {
        "task": ((t.id, t) for t in plan_file.plan.tasks),
        "target": ((t.id, t) for t in plan_file.plan.targets),
        "section": ((s.id, s) for s in plan_file.plan.sections),
        "unit": ((u.code, u) for u in plan_file.units),
    }[kind]
    return next((item for key, item in items if key == item_id), None)


def _statement(action: str, kind: str, old, new, before: _Version, after: _Version) -> str:
    name = _name(kind, new if new is not None else old, after if new is not None else before)
    if action == "add":
        return f"Bổ sung {name}."
    if action == "remove":
        return f"Bãi bỏ {name}."
    return f"Sửa đổi {name}."


def _name(kind: str, item, version: _Version) -> str:
    """How an item is named in an article: its number where it has one, and its text."""
    plan_file = version.plan_file
    if kind == "task":
        return f"nhiệm vụ số {version.tasks[item.id]['number']} của Danh mục nhiệm vụ: “{common.clean(item.content)}”"
    if kind == "target":
        return f"chỉ tiêu số {version.targets[item.id]}: “{common.bare(item.text)}”"
    if kind == "section":
        number = [s.id for s in plan_file.plan.sections].index(item.id) + 1
        return f"mục {vn.roman(number)}. {vn.upper(common.clean(item.title))}"
    return f"{KIND_VI['unit']} {common.clean(item.name)}"


def _lines(kind: str, item, version: _Version, change: Change) -> list[str]:
    """One side of the comparison: the item's number and the fields that matter."""
    plan_file = version.plan_file
    head = _name(kind, item, version)
    head = head[0].upper() + head[1:]
    if kind == "task":
        fields = list(change.set) if change.action == "change" else [f for f in TASK_FIELDS if getattr(item, f)]
        return [head] + [f"{TASK_FIELDS[f]}: {_task_value(version.tasks[item.id], item, f)}"
                         for f in fields if f in TASK_FIELDS]
    if kind == "section":
        section = plan_file.plan.sections.index(item)
        body = plan_paragraphs(plan_file.plan)
        return [head] + _section_lines(body, section)
    if kind == "unit":
        return [head, f"Mã: {item.code}"]
    return [head]


def _task_value(row: dict, task: Task, field: str) -> str:
    values = {
        "content": row["content"], "lead": row["lead"], "partners": row["partners"] or "Không",
        "partners_other": common.clean(task.partners_other or "Không"), "deadline": row["deadline"],
        "product": row["product"], "area": AREAS[task.area],
    }
    return values[field]


def _section_lines(paragraphs: list[dict], section: int) -> list[str]:
    """The text of section number ``section`` (0-based) from the numbered plan body."""
    starts = [i for i, p in enumerate(paragraphs) if p["kind"] == "section"]
    end = starts[section + 1] if section + 1 < len(starts) else len(paragraphs)
    return [f"{p['lead']}{p['text']}" for p in paragraphs[starts[section] + 1:end]]


def _rows(changes: list[dict]) -> list[dict]:
    return [{"number": str(n), **c} for n, c in enumerate(changes, start=1)]


def _rules(after: PlanFile, amendment: Amendment, title_i: str, title_ii: str) -> dict[str, float]:
    lengths = common.header_rules(after.issuing_body)
    lengths["RuleTitle"] = common.title_rule(amendment.decision.title)
    lengths["RuleAppendix"] = common.title_rule(title_i, L.LANDSCAPE_TEXT_WIDTH_MM)
    lengths["RuleAppendix2"] = common.title_rule(title_ii, L.LANDSCAPE_TEXT_WIDTH_MM)
    return common.rule_indents(lengths)
