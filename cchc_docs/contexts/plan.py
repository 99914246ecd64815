"""The plan's body as numbered paragraphs, and the appendix's task rows.

Numbering follows ND30 Phụ lục I variant B (§6.4): mục ``I.`` (Roman, uppercase
title), khoản ``1.``, điểm ``a)`` in Vietnamese alphabet order; ``-`` and ``+`` below.
Numbers are generated from the position of each block, never read from data.
"""

from __future__ import annotations

from cchc_docs import vn
from cchc_docs.contexts.common import bare, clean, lead_names, unit_label
from cchc_docs.model.plan import AREAS, Bullet, Heading, Include, Item, Plan, PlanFile, Text

END_MARK = "./."


def plan_paragraphs(plan: Plan) -> list[dict]:
    """Every paragraph of the plan body in order, as ``{kind, lead, text}``."""
    paragraphs: list[dict] = []
    for i, section in enumerate(plan.sections):
        paragraphs.append(_para("section", f"{vn.roman(i + 1)}. ", vn.upper(clean(section.title))))
        paragraphs += _body(section.body, plan, level=1)
    return _with_end_mark(paragraphs)


def _body(blocks: tuple, plan: Plan, level: int) -> list[dict]:
    """Paragraphs of one body; ``level`` 1 numbers khoản ``1.``, level 2 điểm ``a)``."""
    paragraphs: list[dict] = []
    count = 0
    for block in _expand(blocks, plan):
        if isinstance(block, (Heading, Item)):
            lead = _number(level, count)
            count += 1
            paragraphs += _numbered(block, lead, plan, level)
        else:
            paragraphs += _unnumbered(block)
    return paragraphs


def _expand(blocks: tuple, plan: Plan) -> list:
    """Blocks with ``include: targets`` replaced by one numbered item per target."""
    result = []
    for block in blocks:
        if isinstance(block, Include):
            result += [Item(item=target.text) for target in plan.targets]
        else:
            result.append(block)
    return result


def _number(level: int, index: int) -> str:
    return f"{index + 1}. " if level == 1 else f"{vn.point_letter(index)}) "


def _numbered(block, lead: str, plan: Plan, level: int) -> list[dict]:
    if isinstance(block, Item):
        return [_para("text", lead, clean(block.item))]
    kind = "heading" if level == 1 else "point_heading"
    return [_para(kind, lead, bare_heading(block.heading))] + _body(block.body, plan, level + 1)


def bare_heading(text: str) -> str:
    """A heading without a trailing colon (the seed is inconsistent about it)."""
    return clean(text).rstrip(":").rstrip()


def _unnumbered(block) -> list[dict]:
    if isinstance(block, Bullet):
        return [_para("text", "- ", clean(block.bullet))] + [_para("text", "+ ", clean(s)) for s in block.sub]
    if isinstance(block, Text):
        return [_para("text", "", clean(block.text))]
    raise TypeError(f"unexpected block {block!r}")  # validation admits no other kind


def _para(kind: str, lead: str, text: str) -> dict:
    return {"kind": kind, "lead": lead, "text": text}


def _with_end_mark(paragraphs: list[dict]) -> list[dict]:
    """The plan's last paragraph ends with ``./.`` (§6.5), whatever the data wrote."""
    if paragraphs:
        last = paragraphs[-1]
        paragraphs[-1] = {**last, "text": bare(last["text"]) + END_MARK}
    return paragraphs


def task_numbers(original: PlanFile, version: PlanFile | None = None) -> dict[str, int]:
    """The STT of every task, one numbering basis for every document of the plan.

    A task keeps the number the issued plan gave it (1, 2, … across the appendix, area
    by area); a task an amendment adds continues after the last number, in the order
    the amendments add them; a removed task's number is never given again. So
    "nhiệm vụ số 16" names one task in the decision, every amendment and every report.
    """
    ordered = [t for code in AREAS for t in original.plan.tasks if t.area == code]
    numbers = {t.id: n for n, t in enumerate(ordered, start=1)}
    for task in (version or original).plan.tasks:
        numbers.setdefault(task.id, len(numbers) + 1)
    return numbers


def target_numbers(original: PlanFile, version: PlanFile | None = None) -> dict[str, int]:
    """The number of every target, kept the same way as :func:`task_numbers`."""
    numbers = {t.id: n for n, t in enumerate(original.plan.targets, start=1)}
    for target in (version or original).plan.targets:
        numbers.setdefault(target.id, len(numbers) + 1)
    return numbers


def tasks_by_area(plan_file: PlanFile, numbers: dict[str, int]) -> list[tuple[str, list]]:
    """(area code, its tasks by number) for each area that has tasks, in the decree's order."""
    groups = [(code, [t for t in plan_file.plan.tasks if t.area == code]) for code in AREAS]
    return [(code, sorted(tasks, key=lambda t: numbers[t.id])) for code, tasks in groups if tasks]


def appendix_rows(plan_file: PlanFile, numbers: dict[str, int] | None = None) -> list[dict]:
    """Rows of the task table: a Roman-numbered row per reform area, then its tasks.

    Tasks carry their STT (:func:`task_numbers`), so a task keeps one number however
    the table breaks across pages, and whatever amendments add or remove.
    """
    numbers = numbers or task_numbers(plan_file)
    rows: list[dict] = []
    for i, (code, tasks) in enumerate(tasks_by_area(plan_file, numbers)):
        rows.append({"kind": "area", "number": vn.roman(i + 1), "text": vn.upper(AREAS[code])})
        rows += [_task_row(plan_file, task, numbers[task.id]) for task in tasks]
    return rows


def _task_row(plan_file: PlanFile, task, number: int) -> dict:
    partners = [unit_label(plan_file, code) for code in task.partners]
    if task.partners_other:
        partners.append(clean(task.partners_other))
    return {
        "kind": "task",
        "id": str(task.id),
        "number": str(number),
        "content": clean(task.content),
        "lead": lead_names(plan_file, task.lead),
        "partners": "; ".join(partners),
        "deadline": task.deadline.label,
        "product": clean(task.product),
    }
