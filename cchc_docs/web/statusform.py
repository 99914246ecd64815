"""Periodic status entry: a period's status file as a form, tasks grouped by lead unit, and the counts.

The rules are the status files' own (:mod:`cchc_docs.model.validate_status`, and the
consistency with earlier reports), run on the new text before it is written; the file
is the same ``bao-cao/<KỲ>.yaml`` that ``cchc-docs report`` reads and ``cchc-docs collect``
fills, written in round trip so that its narrative and comments stay as they are.

A task the file does not mention is shown with its status in the latest earlier report
(what ``collect`` pre-fills a workbook with): a task done in quý III is still done in
quý IV, and saving writes it so. Untouched tasks that were never started stay out of the
file, as the format allows.
"""

from __future__ import annotations

import dataclasses
import typing
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docs.errors import CchcError, DataError, Problem
from cchc_docs.model import amend, source, validate, validate_status
from cchc_docs.model.load import check_period, load_statuses_for, status_files
from cchc_docs.model.paths import status_folder
from cchc_docs.model.periods import Period
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.status import (
    DONE,
    NOT_STARTED,
    Indicators,
    ReportInfo,
    StatusFile,
    TaskStatus,
    reporting_calendar,
)
from cchc_docs.web import yamlfile
from cchc_docs.web.editor import status_problems
from cchc_docs.web.forms import Problems, clean, lines, one_line, parse_path, path_name

STATUSES = (DONE, "đang thực hiện", NOT_STARTED)
TASK_ORDER = [f.name for f in dataclasses.fields(TaskStatus)]
REPORT_ORDER = [f.name for f in dataclasses.fields(ReportInfo)]
REPORT_FIELDS = (("number", "Số báo cáo", "text", "bỏ trống khi là dự thảo"),
                 ("date", "Ngày ký", "text", "YYYY-MM-DD; dự thảo: YYYY-MM"),
                 ("addressees", "Kính gửi", "lines", "mỗi dòng một nơi"),
                 ("request", "Thực hiện văn bản (nếu có)", "area", "ghi sau chữ “Thực hiện”"),
                 ("recipients", "Nơi nhận", "lines", "mỗi dòng một nơi, không ghi “Như trên”, “Lưu”"))


def _groups() -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(group, its meaning, [(field, meaning)]) of the counts, in the order of the data format."""
    hints = typing.get_type_hints(Indicators)
    groups = []
    for group in dataclasses.fields(Indicators):
        kind = next(a for a in typing.get_args(hints[group.name]) if a is not type(None))
        groups.append((group.name, group.metadata["doc"].rstrip("."),
                       [(f.name, f.metadata["doc"].rstrip(".")) for f in dataclasses.fields(kind)]))
    return groups


@dataclass
class StatusForm:
    """The page's state for one period."""

    report: dict[str, str] = field(default_factory=dict)
    tasks: dict[str, dict[str, str]] = field(default_factory=dict)  # task id → status, completed, result, evidence
    counts: dict[str, str] = field(default_factory=dict)  # "dossiers.received_online" → text

    def known(self) -> set[str]:
        names = {f"report.{name}" for name, *_ in REPORT_FIELDS} | {"report", "tasks", "indicators", "period"}
        for task in self.tasks:
            names |= {f"tasks[{task}]"} | {f"tasks[{task}].{k}" for k in ("status", "completed", "result", "evidence")}
        for group, _, fields in GROUPS:
            names |= {f"indicators.{group}"} | {f"indicators.{group}.{name}" for name, _ in fields}
        return names


GROUPS = _groups()


@dataclass
class StatusPage:
    """What the status page shows."""

    period: Period
    version: PlanFile
    form: StatusForm
    problems: Problems
    units: list[tuple[str, str, list]]  # (code, name, tasks led by it)
    exists: bool
    digest: str
    window: tuple
    saved: bool = False
    unsaved_problems: bool = False
    carried: set[str] = field(default_factory=set)  # tasks shown with the earlier report's status
    elsewhere: list[str] = field(default_factory=list)  # problems the save causes in later reports


@dataclass(frozen=True)
class Context:
    """The plan and the reports around one period, loaded and validated."""

    plan_path: Path
    period: Period
    versions: list[PlanFile]
    version: PlanFile
    path: Path
    earlier: list[StatusFile]
    earlier_trees: list[dict]


def context(plan_path: Path, period: Period) -> Context:
    """Load the plan (it must be valid) and the status files of earlier periods."""
    versions = validate.validate_versions(source.load(plan_path))
    check_period(versions[0], period)
    calendar = reporting_calendar(versions[0])
    end = period.window(calendar)[1]
    # Every report cut off by this one's end (a half-year report follows the quarter that ends with it).
    files = {p: f for p, f in status_files(status_folder(plan_path)).items()
             if p != period and p.window(calendar)[1] <= end}
    earlier, _ = load_statuses_for(versions, files)
    ordered = sorted(earlier, key=lambda p: p.window(calendar)[1])
    trees = [source.load(files[p]).tree for p in ordered]
    return Context(plan_path, period, versions, amend.version_at(versions, end),
                   status_folder(plan_path) / f"{period.code}.yaml", [earlier[p] for p in ordered], trees)


def open_page(ctx: Context) -> StatusPage:
    tree = _tree(ctx.path)
    form, carried = from_tree(tree, ctx)
    problems = _validate(ctx, source.load(ctx.path)) if ctx.path.is_file() else []
    return _page(ctx, form, problems, carried=carried)


def _tree(path: Path) -> dict:
    if not path.is_file():
        return {}
    tree = source.load(path).tree
    return tree if isinstance(tree, dict) else {}


def _page(ctx: Context, form: StatusForm, problems: list[Problem], **more) -> StatusPage:
    by_unit = {u.code: (u.code, u.short_name or u.name, []) for u in ctx.version.units}
    for task in ctx.version.plan.tasks:
        # A task led jointly is entered once, in a group of its own named by all its lead units.
        key = ", ".join(task.lead)
        name = ", ".join(by_unit[code][1] if code in by_unit else code for code in task.lead)
        by_unit.setdefault(key, (key, name, []))[2].append(task)
    units = [entry for entry in by_unit.values() if entry[2]]
    calendar = reporting_calendar(ctx.versions[0])
    return StatusPage(ctx.period, ctx.version, form, Problems.place(problems, form.known()), units,
                      ctx.path.is_file(), yamlfile.digest(ctx.path), ctx.period.window(calendar), **more)


def _text(value) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if not isinstance(v, (dict, list)))
    return "" if value is None or isinstance(value, dict) else str(value)


def from_tree(tree: dict, ctx: Context) -> tuple[StatusForm, set[str]]:
    """The form of the file as read; tasks it does not mention carry the latest earlier report's status."""
    report = tree.get("report") if isinstance(tree.get("report"), dict) else {}
    form = StatusForm(report={name: _text(report.get(name)) for name, *_ in REPORT_FIELDS})
    form.report["archive"] = _text(report.get("archive"))
    entries = _entries(tree)
    carried = set()
    for task in ctx.version.plan.tasks:
        entry = entries.get(task.id)
        if entry is None:
            entry = next((e for t in reversed(ctx.earlier_trees) if (e := _entries(t).get(task.id))), None)
            carried |= {task.id} if entry else set()
        entry = entry or {}
        form.tasks[str(task.id)] = {"status": _text(entry.get("status")) or NOT_STARTED,
                               **{k: _text(entry.get(k)) for k in ("completed", "result", "evidence")}}
    indicators = tree.get("indicators") if isinstance(tree.get("indicators"), dict) else {}
    for group, _, fields in GROUPS:
        values = indicators.get(group) if isinstance(indicators.get(group), dict) else {}
        form.counts |= {f"{group}.{name}": _text(values.get(name)) for name, _ in fields}
    return form, carried


def _entries(tree) -> dict[str, dict]:
    tasks = tree.get("tasks") if isinstance(tree, dict) else None
    found = {}
    for entry in tasks if isinstance(tasks, list) else []:
        if isinstance(entry, dict) and entry.get("id") is not None:
            found.setdefault(str(entry["id"]), entry)
    return found


def from_input(form, ctx: Context) -> StatusForm:
    result = StatusForm(report={name: clean(form.get(f"report.{name}")) for name, *_ in REPORT_FIELDS})
    result.report["archive"] = "\n".join(clean(v) for v in form.getlist("report.archive"))
    for task in ctx.version.plan.tasks:
        result.tasks[str(task.id)] = {k: clean(form.get(f"tasks[{task.id}].{k}")) for k in
                                 ("status", "completed", "result", "evidence")}
    for group, _, fields in GROUPS:
        result.counts |= {f"{group}.{name}": clean(form.get(f"indicators.{group}.{name}")) for name, _ in fields}
    return result


# ---------------------------------------------------------------- saving


def save(ctx: Context, form: StatusForm, opened_digest: str) -> StatusPage:
    """Validate the form as the period's status file; write it when it has no problem."""
    exists = ctx.path.is_file()
    document = yamlfile.open_document(ctx.path) if exists else yamlfile.new_document(ctx.path, _new_file(ctx))
    if opened_digest != (document.digest if exists else ""):
        moved = Problem(None, "", "tệp số liệu đã được sửa ở nơi khác sau khi trang được mở; chưa lưu",
                        hint="mở lại trang để nhập trên bản mới")
        return _page(ctx, form, [moved], unsaved_problems=True)
    tree = _tree(ctx.path)
    _apply(form, document.data, tree)
    parsed = source.parse(document.text(), str(ctx.path))
    problems = _validate(ctx, parsed)
    if problems:
        return _page(ctx, form, _by_task(problems, parsed.tree), unsaved_problems=True)
    document.save()
    fresh, carried = from_tree(_tree(ctx.path), ctx)
    later = [line for line in status_problems(ctx.plan_path) if not line.startswith(str(ctx.path))]
    return _page(ctx, fresh, [], saved=True, carried=carried, elsewhere=later)


def _new_file(ctx: Context) -> CommentedMap:
    data = CommentedMap()
    data["period"] = yamlfile.scalar(ctx.period.code)
    data.yaml_set_start_comment(f"Số liệu báo cáo {ctx.period.label}, nhập từ trang web cchc-docs.\n"
                                "Ý nghĩa từng trường: docs/status-format.md.")
    data["report"] = CommentedMap()
    return data


def _validate(ctx: Context, parsed) -> list[Problem]:
    problems = []
    try:
        status = validate_status.validate(parsed, ctx.version, ctx.period)
    except DataError as e:
        return e.problems
    except CchcError as e:
        return [Problem(None, "", str(e))]
    for earlier in ctx.earlier:
        problems += validate_status.consistency(earlier, status, parsed)
    return problems


def _by_task(problems: list[Problem], tree) -> list[Problem]:
    """``tasks[3].completed`` (the file's fourth entry) → ``tasks[T07].completed`` (the page's row)."""
    entries = tree.get("tasks") if isinstance(tree, dict) else None
    renamed = []
    for problem in problems:
        path = parse_path(problem.path)
        if len(path) >= 2 and path[0] == "tasks" and isinstance(path[1], int) and isinstance(entries, list) \
                and path[1] < len(entries) and isinstance(entries[path[1]], dict):
            name = f"tasks[{entries[path[1]].get('id')}]" + (("." + path_name(path[2:])) if path[2:] else "")
            problem = dataclasses.replace(problem, path=name)
        renamed.append(problem)
    return renamed


def _apply(form: StatusForm, data: CommentedMap, tree: dict) -> None:
    report = _child(data, "report", ["period", "report", "tasks", "indicators", "narrative"])
    old_report = tree.get("report") if isinstance(tree.get("report"), dict) else {}
    for name, _, widget, _ in REPORT_FIELDS:
        _set(report, old_report, name, form.report.get(name, ""), widget, REPORT_ORDER, name in ("date", "recipients"))
    _set(report, old_report, "archive", form.report.get("archive", ""), "lines", REPORT_ORDER, False)
    _apply_tasks(form, data, tree)
    _apply_counts(form, data, tree)


def _child(data: CommentedMap, key: str, order: list[str]) -> CommentedMap:
    if not isinstance(data.get(key), CommentedMap):
        yamlfile.set_value(data, key, None, order, keep=True)
        data[key] = CommentedMap()
    return data[key]


def _set(mapping, old: dict, name: str, text: str, widget: str, order: list[str], required: bool) -> None:
    """Write one value of the form where it differs from what the file says."""
    before = old.get(name)
    if widget == "lines":
        new = lines(text)
        written = [str(v) for v in before] if isinstance(before, list) else None
        if written != new and (written is not None or new):
            yamlfile.set_list(mapping, name, new, order, keep=required)
        return
    new = (" ".join(lines(text)) or None) if widget == "area" else one_line(text)
    if (None if before is None else _text(before)) != new:
        yamlfile.set_value(mapping, name, new, order, keep=required)


def _apply_tasks(form: StatusForm, data: CommentedMap, tree: dict) -> None:
    old = _entries(tree)
    seq = data.get("tasks")
    for task_id, values in form.tasks.items():
        untouched = values.get("status") in ("", NOT_STARTED) and not any(values.get(k) for k in
                                                                           ("completed", "result", "evidence"))
        if task_id not in old and untouched:
            continue
        if not isinstance(seq, CommentedSeq):
            yamlfile.set_value(data, "tasks", None, ["period", "report", "tasks", "indicators", "narrative"], True)
            seq = data["tasks"] = CommentedSeq()
        entry = next((e for e in seq if isinstance(e, dict) and str(e.get("id")) == task_id), None)
        if entry is None:
            entry = CommentedMap(id=task_id)
            yamlfile.append(seq, entry)
        before = old.get(task_id, {})
        for name in ("status", "completed", "result"):
            _set(entry, before, name, values.get(name, ""), "text" if name != "result" else "area", TASK_ORDER,
                 name == "status")
        _set(entry, before, "evidence", values.get("evidence", ""), "lines", TASK_ORDER, False)


def _apply_counts(form: StatusForm, data: CommentedMap, tree: dict) -> None:
    old = tree.get("indicators") if isinstance(tree.get("indicators"), dict) else {}
    order = [g for g, _, _ in GROUPS]
    for group, _, fields in GROUPS:
        typed = {name: one_line(form.counts.get(f"{group}.{name}")) for name, _ in fields}
        before = old.get(group) if isinstance(old.get(group), dict) else {}
        if not any(typed.values()) and not before:
            continue
        indicators = _child(data, "indicators", ["period", "report", "tasks", "indicators", "narrative"])
        if not any(typed.values()):
            del indicators[group]
            continue
        mapping = _child(indicators, group, order)
        for name, _ in fields:
            if (None if before.get(name) is None else _text(before.get(name))) != typed[name]:
                yamlfile.set_value(mapping, name, typed[name], [n for n, _ in fields])
