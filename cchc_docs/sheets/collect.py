"""Merge returned workbooks into the status tree of a period, validated by the status format's own rules.

Each workbook is first identified by its sealed metadata (plan, period, unit, task
list); then every filled row is read as the status format wants it. The merged tree
is the one a hand-written ``bao-cao/<KỲ>.yaml`` would give, and it goes through the
same :func:`cchc_docs.model.validate_status.validate` and ``consistency`` rules, with
every location pointing back at the cell it came from.

How the rows of a task shared by several units become one status: the workbook is
pre-filled from the last report, so a row still showing that status changed nothing.
A row that differs from it is what the unit reports; two units reporting different
changes is a conflict that names both cells. Tasks no workbook speaks of keep what
the existing status file says, or else the last report's status.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_docs.errors import DataError, Location, Problem
from cchc_docs.model import validate_status
from cchc_docs.model.source import Source
from cchc_docs.model.status import DONE
from cchc_docs.sheets import cells, read
from cchc_docs.sheets.forms import Form, Prior, seal, tasks_hash
from cchc_docs.sheets.layout import FORMAT, LEAD
from cchc_docs.sheets.read import Cell, Returned

if TYPE_CHECKING:
    from cchc_docs.sheets.files import PlanAt


@dataclass(frozen=True)
class Answer:
    """One unit's row for one task, read and checked."""

    unit: str
    role: str
    status: str
    completed: str | None
    result: str | None
    evidence: tuple[str, ...]
    note: str | None
    cells: dict[str, Cell]
    baseline: str  # the status the row was pre-filled with (Prior.key)

    @property
    def key(self) -> str:
        return f"{self.status}|{self.completed or ''}"

    def said(self) -> str:
        when = f" ({self.completed})" if self.completed else ""
        return f"{self.cells['status']}: '{self.status}'{when}"


@dataclass
class Collected:
    """The merged status tree with its locations, and what the clerk should be told."""

    tree: dict
    locations: dict
    units: list[str] = field(default_factory=list)  # units whose workbook came back
    missing: list[str] = field(default_factory=list)  # units asked for a workbook that did not return one
    notes: dict[str, list[str]] = field(default_factory=dict)  # task id → "VHXH: ghi chú"


def collect(plan: PlanAt, paths: list[Path], existing: Source | None) -> Collected:
    """Read, identify and merge the workbooks; validate the result (raises DataError with every problem)."""
    forms = {f.unit.code: f for f in plan.forms()}
    problems: list[Problem] = []
    returned = _identified(plan, forms, [read.read(p) for p in paths], problems)
    answers = _answers(returned, forms, problems)
    tasks, task_places, notes = _merge_tasks(plan, answers, existing, problems)
    counts, count_places = _counts(returned, forms, problems)
    tree, locations = _tree(plan, existing, tasks, task_places, counts, count_places)
    problems += _validate(plan, tree, locations)
    if problems:
        raise DataError([_for_clerk(p, tree) for p in problems])
    return Collected(tree, locations, sorted(returned, key=list(forms).index),
                     [u for u in forms if u not in returned], notes)


# ---------------------------------------------------------------- which workbook is it


def _identified(plan: PlanAt, forms: dict[str, Form], books: list[Returned], problems: list) -> dict[str, Returned]:
    """Workbooks by unit, each checked against the plan, period and task list it was made for."""
    by_unit: dict[str, Returned] = {}
    for book in books:
        problems += book.problems
        unit = _identify(plan, forms, book, problems) if book.meta else None
        if unit is None:
            continue
        if unit in by_unit:
            problems.append(Problem(book.meta_cell, "", f"hai phiếu của cùng đơn vị {unit}",
                                    hint=f"phiếu kia: {by_unit[unit].name}; chỉ nộp một phiếu mỗi đơn vị"))
            continue
        by_unit[unit] = book
    return by_unit


def _identify(plan: PlanAt, forms: dict[str, Form], book: Returned, problems: list) -> str | None:
    meta, where = dict(book.meta), book.meta_cell
    written_seal = meta.pop("seal", "")

    def wrong(message: str, **details) -> None:
        problems.append(Problem(where, "", message, **details))

    if written_seal != seal(meta):
        wrong("dữ liệu nhận diện của phiếu đã bị sửa (không khớp mã niêm phong)",
              hint="dùng lại tệp phiếu gốc hoặc lập lại phiếu bằng cchc-docs sheets")
        return None
    expected = {"format": FORMAT, "plan": plan.plan_id, "period": plan.period.code}
    labels = {"format": "phiên bản mẫu phiếu", "plan": "kế hoạch", "period": "kỳ báo cáo"}
    for key, value in expected.items():
        if meta.get(key) != value:
            wrong(f"phiếu lập cho {labels[key]} khác", expected=f"'{value}'", got=f"'{meta.get(key)}'")
            return None
    unit = meta.get("unit", "")
    if unit not in forms:
        wrong("phiếu của đơn vị không có nhiệm vụ, số liệu nào trong kế hoạch", got=f"'{unit}'")
        return None
    if meta.get("tasks_sha256") != tasks_hash(forms[unit].rows):
        wrong(f"danh mục nhiệm vụ trong phiếu của {unit} khác kế hoạch hiện hành (kế hoạch đã sửa đổi, bổ sung "
              "sau khi lập phiếu?)", hint="lập lại phiếu bằng cchc-docs sheets và gửi lại đơn vị")
        return None
    return unit


# ---------------------------------------------------------------- task rows


def _answers(books: dict[str, Returned], forms: dict[str, Form], problems: list) -> dict[str, list[Answer]]:
    """Task id → the rows units filled for it (rows with unreadable cells are reported and left out)."""
    found: dict[str, list[Answer]] = {}
    for unit, book in books.items():
        rows = {r.id: r for r in forms[unit].rows}
        for task, entries in book.tasks.items():
            if task not in rows:
                problems.append(Problem(entries["status"].cell, "", f"nhiệm vụ {task} không có trong phiếu của {unit}",
                                        hint="không thêm dòng, không sửa cột Mã NV"))
                continue
            prior = book.meta.get(f"prior.{task}", Prior().key)
            answer = _answer(unit, rows[task].role, entries, prior, problems)
            if answer is not None:
                found.setdefault(task, []).append(answer)
    return found


def _answer(unit: str, role: str, entries: dict, baseline: str, problems: list) -> Answer | None:
    values, broken = {}, False
    readers = {"status": cells.status, "completed": cells.date, "result": cells.text, "note": cells.text,
               "evidence": cells.evidence}
    for key, entry in entries.items():
        try:
            values[key] = readers[key](entry.value)
        except cells.CellError as e:
            problems.append(Problem(entry.cell, "", str(e)))
            broken = True
    if broken or values.get("status") is None:
        filled = [k for k in ("completed", "result", "evidence") if values.get(k)]
        if not broken and filled:
            problems.append(Problem(entries["status"].cell, "", "chưa chọn trạng thái cho dòng đã ghi nội dung"))
        return None
    completed = values.get("completed")
    return Answer(unit, role, values["status"], completed.isoformat() if completed else None, values.get("result"),
                  values.get("evidence", ()), values.get("note"), {k: e.cell for k, e in entries.items()}, baseline)


def _merge_tasks(plan: PlanAt, answers: dict[str, list[Answer]], existing: Source | None, problems: list):
    """The tasks list in plan order, where each entry came from, and the units' notes."""
    old = _existing_tasks(existing)
    priors = _last_priors(plan)
    tasks, places, notes = [], [], {}
    for task in plan.version.plan.tasks:
        rows = sorted(answers.get(task.id, []), key=lambda r: r.role != LEAD)
        if rows:
            entry, cell = _decide(task.id, rows, priors.get(task.id, Prior()), problems)
            tasks.append(entry)
            places.append(cell)
            notes[task.id] = [f"{r.unit}: {r.note}" for r in rows if r.note]
        elif task.id in old:
            tasks.append(old[task.id][0])
            places.append(old[task.id][1])
        elif task.id in priors and priors[task.id].status:
            tasks.append(_prior_entry(task.id, priors[task.id]))
            places.append(None)
    return tasks, places, {k: v for k, v in notes.items() if v}


def _decide(task: str, rows: list[Answer], prior: Prior, problems: list) -> tuple[dict, dict]:
    """One entry from the rows of several units: the changed status wins, and the text a unit rewrote."""
    changed = [r for r in rows if r.key != r.baseline]
    if len({r.key for r in changed}) > 1:
        first = changed[0]
        problems.append(Problem(first.cells["status"], "", f"nhiệm vụ {task}: các đơn vị báo trạng thái khác nhau",
                                hint="; ".join(r.said() for r in changed) + "; thống nhất giữa các đơn vị rồi nộp lại"))
    chosen = changed[0] if changed else rows[0]
    entry = {"id": task, "status": chosen.status}
    if chosen.completed:
        entry["completed"] = chosen.completed
    rewritten = [r.result for r in [chosen, *rows] if r.result and r.result != prior.result]
    result = rewritten[0] if rewritten else chosen.result
    if result:
        entry["result"] = result
    evidence = list(dict.fromkeys(e for r in ([chosen] + rows) for e in r.evidence))
    if evidence:
        entry["evidence"] = evidence
    where = {"status": chosen.cells["status"], "completed": chosen.cells["completed"],
             "result": next((r.cells["result"] for r in rows if r.result == result), chosen.cells["result"]),
             "evidence": chosen.cells["evidence"]}
    return entry, where


def _existing_tasks(existing: Source | None) -> dict[str, tuple[dict, dict]]:
    """Task id → (entry as written in the existing status file, its locations by field)."""
    tree = existing.tree if existing and isinstance(existing.tree, dict) else {}
    found = {}
    for i, entry in enumerate(tree.get("tasks") or []):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            places = {k: existing.where(("tasks", i, k)) for k in entry}
            found[entry["id"]] = (entry, {"": existing.where(("tasks", i)), **places})
    return found


def _last_priors(plan: PlanAt) -> dict[str, Prior]:
    return {row.id: row.prior for form in plan.forms() for row in form.rows}


def _prior_entry(task: str, prior: Prior) -> dict:
    entry = {"id": task, "status": prior.status}
    if prior.status == DONE and prior.completed:
        entry["completed"] = prior.completed.isoformat()
    if prior.result:
        entry["result"] = prior.result
    if prior.evidence:
        entry["evidence"] = list(prior.evidence)
    return entry


# ---------------------------------------------------------------- counts


def _counts(books: dict[str, Returned], forms: dict[str, Form], problems: list) -> tuple[dict, dict]:
    """Groups of counts from their owners' workbooks: a group with any value is given in full."""
    counts, places = {}, {}
    for unit, book in books.items():
        for group in forms[unit].groups:
            rows = [r for r in forms[unit].indicators if r.group == group]
            given = {r.field: book.counts.get(r.key) for r in rows}
            values = {}
            for name, entry in given.items():
                try:
                    values[name] = cells.count(entry.value) if entry else None
                except cells.CellError as e:
                    problems.append(Problem(entry.cell, "", str(e)))
            if not any(v is not None for v in values.values()):
                continue
            required = {r.field for r in rows if r.required}
            counts[group] = {k: v for k, v in values.items() if v is not None or k in required}
            places[group] = {k: e.cell for k, e in given.items() if e is not None}
    return counts, places


# ---------------------------------------------------------------- the tree and its checks


def _tree(plan: PlanAt, existing: Source | None, tasks: list, task_places: list, counts: dict, count_places: dict):
    """The status tree (the existing file's other parts kept, in their order) and where each value came from."""
    base = existing.tree if existing and isinstance(existing.tree, dict) else {}
    kept = dict(base.get("indicators")) if isinstance(base.get("indicators"), dict) else {}
    tree = {"period": base.get("period", plan.period.code), "report": base.get("report") or default_report(plan),
            "tasks": tasks}
    if kept or counts:
        tree["indicators"] = {**kept, **counts}
    tree.update({key: value for key, value in base.items() if key not in tree})
    locations = {(): Location(existing.file if existing else str(plan.status_path), 1, 1)}
    if existing:  # values kept from the file are located in it; tasks are renumbered and counts replaced
        locations.update({p: loc for p, loc in existing.locations.items() if p and not _replaced(p, counts)})
    locations.update(_task_locations(task_places))
    for group, cells_by_field in count_places.items():
        locations[("indicators", group)] = next(iter(cells_by_field.values()))
        locations.update({("indicators", group, k): c for k, c in cells_by_field.items()})
    return tree, locations


def _task_locations(task_places: list) -> dict:
    """Where each merged task's fields came from: a workbook's cells, or the existing file's lines."""
    locations = {}
    for i, place in enumerate(task_places):
        if not place:
            continue
        locations.update({("tasks", i) + ((key,) if key else ()): where for key, where in place.items() if where})
        locations.setdefault(("tasks", i), place.get("status") or place.get(""))
        locations.setdefault(("tasks", i, "id"), place.get("status") or place.get(""))
    return locations


def _replaced(path: tuple, counts: dict) -> bool:
    """A path of the existing file that the merge renumbers (tasks) or replaces (a group of counts)."""
    bare = path[1:] if path[0] == "@key" else path
    if not bare or (path[0] == "@key" and len(bare) == 1):
        return False
    return bare[0] == "tasks" or (bare[0] == "indicators" and len(bare) > 1 and bare[1] in counts)


def default_report(plan: PlanAt) -> dict:
    """A draft report block for a new status file: dated the month the report is due, addressed as the last one."""
    due = plan.period.due_date(plan.calendar)
    report: dict = {"date": f"{due.year}-{due.month:02d}"}
    last = max(plan.earlier.items(), key=lambda kv: kv[0].window(plan.calendar)[1], default=None)
    reporting = plan.version.plan.reporting
    if last is not None:
        info = last[1].report
        report.update({"addressees": list(info.addressees), "recipients": list(info.recipients)})
        if info.archive:
            report["archive"] = list(info.archive)
    else:
        report.update({"addressees": [reporting.recipient] if reporting else [], "recipients": []})
    return report


def _validate(plan: PlanAt, tree: dict, locations: dict) -> list[Problem]:
    """The status format's rules over the merged tree, and "finished stays finished" against earlier reports."""
    source = Source(locations[()].file, tree, locations)
    try:
        status = validate_status.validate(source, plan.version, plan.period)
    except DataError as e:
        return e.problems
    problems = []
    for earlier in plan.earlier.values():
        problems += validate_status.consistency(earlier, status, source)
    return problems


def _for_clerk(problem: Problem, tree: dict) -> Problem:
    """A problem located in a workbook, said without the status file's field paths."""
    if not isinstance(problem.location, Cell):
        return problem
    message = problem.message
    if message.startswith("thiếu trường bắt buộc"):
        message = "ô bắt buộc còn trống (nhóm số liệu đã ghi thì ghi đủ các dòng \"Bắt buộc\")"
    return replace(problem, path=_subject(problem.path, tree), message=message)


def _subject(path: str, tree: dict) -> str:
    """``tasks[3].completed`` → ``nhiệm vụ T07``; ``indicators.dossiers.tracked`` → ``số liệu dossiers.tracked``."""
    if path.startswith("tasks["):
        index = int(path[len("tasks["):path.index("]")])
        return f"nhiệm vụ {tree['tasks'][index]['id']}"
    if path.startswith("indicators."):
        return f"số liệu {path[len('indicators.'):]}"
    return path
