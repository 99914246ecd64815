"""The plan editor: the plan file as a form, and the form written back into the file.

The form shows the values as the project's loader reads them (every scalar the text
that was written). Saving changes only what the clerk changed: each field is compared
with the file's reading, and only a different value is written, into the round-trip
document (:mod:`cchc_docs.web.yamlfile`), so the rest of the file stays byte for byte.
The new text is validated by the command line's own validator before anything is
written; with a problem, nothing is written and the page shows the clerk's input again.

Sections are edited in place: the title of each section and the text of each block
(paragraph, "-" item with its "+" sub-items, numbered item, heading) in its own box, and a
new paragraph or "-" item may be added at the end of each body. Moving or deleting blocks,
and the heading's area and units, stay with the file (or an amendment): a block tree is
easier to get wrong in a form than in the text, and the numbering is the program's anyway.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docs.errors import Problem
from cchc_docs.model.plan import (
    AREAS,
    Decision,
    IssuingBody,
    Plan,
    PlanFile,
    Signer,
    Target,
    Task,
)
from cchc_docs.web import yamlfile
from cchc_docs.web.forms import Row, clean, lines, next_id, one_line, parse_path, path_name, read_rows

# ---------------------------------------------------------------- the fields


@dataclass(frozen=True)
class Field:
    """One input of the editor, named by its path in the plan file."""

    path: tuple
    label: str
    widget: str = "text"  # text | area | lines | select | units
    hint: str = ""
    required: bool = False
    choices: tuple = ()

    @property
    def name(self) -> str:
        return path_name(self.path)


def _names(kind) -> list[str]:
    return [f.name for f in dataclasses.fields(kind)]


ORDER = {
    (): _names(PlanFile), ("issuing_body",): _names(IssuingBody), ("decision",): _names(Decision),
    ("decision", "signer"): _names(Signer), ("plan",): _names(Plan),
}
TASK_ORDER, TARGET_ORDER = _names(Task), _names(Target)
PREFIXES = (("", "(ký trực tiếp hoặc TM.)"), ("KT.", "KT. (ký thay)"), ("Q.", "Q. (quyền)"),
            ("TL.", "TL. (thừa lệnh)"), ("TUQ.", "TUQ. (thừa ủy quyền)"))

ISSUING_BODY = (
    Field(("issuing_body", "name"), "Tên cơ quan ban hành (dùng trong câu văn)", required=True),
    Field(("issuing_body", "header"), "Tên in ở góc trái, CHỮ IN HOA", "lines", "mỗi dòng một dòng", True),
    Field(("issuing_body", "abbreviation"), "Chữ viết tắt trong ký hiệu", hint="ví dụ UBND", required=True),
    Field(("issuing_body", "place"), "Địa danh", hint="không kèm chữ “xã”", required=True),
    Field(("issuing_body", "governing_body"), "Cơ quan chủ quản (nếu có)"),
)
DECISION = (
    Field(("decision", "number"), "Số", hint="bỏ trống khi là dự thảo"),
    Field(("decision", "date"), "Ngày ký", hint="YYYY-MM-DD; dự thảo: YYYY-MM hoặc bỏ trống"),
    Field(("decision", "title"), "Trích yếu", "area", "không có dấu chấm cuối", True),
    Field(("decision", "authority"), "Thẩm quyền ban hành, CHỮ IN HOA", required=True),
    Field(("decision", "legal_bases"), "Căn cứ", "lines", "mỗi dòng một căn cứ, không ghi chữ “Căn cứ”", True),
    Field(("decision", "proposal"), "Theo đề nghị của", "area"),
    Field(("decision", "articles"), "Các Điều", "lines", "mỗi dòng một Điều, không ghi “Điều 1.”", True),
    Field(("decision", "recipients"), "Nơi nhận", "lines", "mỗi dòng một nơi, không ghi “-” và dòng “Lưu”", True),
    Field(("decision", "archive"), "Lưu (đơn vị soạn thảo)", "units", required=True),
    Field(("decision", "signer", "on_behalf_of"), "Thay mặt (TM.)", hint="ví dụ ỦY BAN NHÂN DÂN"),
    Field(("decision", "signer", "prefix"), "Quyền hạn ký", "select", choices=PREFIXES),
    Field(("decision", "signer", "title"), "Chức vụ người ký", hint="ví dụ CHỦ TỊCH", required=True),
    Field(("decision", "signer", "for_title"), "Chức vụ người được ký thay", hint="với KT., TL., TUQ."),
    Field(("decision", "signer", "name"), "Họ và tên người ký", required=True),
)
PLAN = (
    Field(("plan", "title"), "Tên Kế hoạch", "area", required=True),
    Field(("plan", "start"), "Bắt đầu", hint="YYYY-MM-DD", required=True),
    Field(("plan", "end"), "Kết thúc", hint="YYYY-MM-DD", required=True),
)
FIELDS = ISSUING_BODY + DECISION + PLAN

TASK_SCALARS = ("id", "area", "content", "lead", "partners_other", "deadline_kind", "deadline", "product")
# Lists of units ticked on a task row; "co_leads" are the other lead units of a task led jointly,
# written with "lead" as one list (``lead: [VHXH, VP]``), or as the single code when there are none.
TASK_LISTS = ("partners", "co_leads")
TARGET_SCALARS = ("id", "text", "value", "unit", "comparison", "measure")
DEADLINE_KINDS = {
    "date": ("Ngày", "YYYY-MM-DD", r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"),
    "month": ("Tháng", "YYYY-MM", r"[0-9]{4}-[0-9]{1,2}"),
    "quarter": ("Quý", "YYYY-Qn", r"[0-9]{4}-[Qq][0-9]"),
    "ongoing": ("Thường xuyên", "", r"(?i)thường xuyên"),
}
ONGOING = "thường xuyên"
MEASURES = {"": "(không đánh giá)", "assigned_tasks": "Nhiệm vụ cấp trên giao",
            "self_inspection": "Tự kiểm tra CCHC", "dossiers_tracked": "Hồ sơ được theo dõi trên Hệ thống",
            "satisfaction": "Mức độ hài lòng"}
COMPARISONS = {">=": "≥ (tối thiểu)", "<=": "≤ (tối đa)", "=": "= (bằng)"}


# ---------------------------------------------------------------- the form


@dataclass
class PlanForm:
    """The editor's state: from the file, or as the clerk typed it."""

    values: dict[str, str] = field(default_factory=dict)  # field name → text (lists one item a line)
    tasks: list[Row] = field(default_factory=list)
    targets: list[Row] = field(default_factory=list)
    blocks: dict[str, str] = field(default_factory=dict)  # section title or block text, by path name
    added: dict[str, tuple[str, str]] = field(default_factory=dict)  # body path name → (kind, text)

    def known(self) -> set[str]:
        """Every field name problems can be shown beside (rows by position, as the validator counts)."""
        names = {f.name for f in FIELDS} | set(self.blocks) | {"plan.tasks", "plan.targets", "plan.sections"}
        names |= {path_name(parse_path(name)[:-1]) for name in self.blocks if not name.endswith("]")}
        for table, rows, columns in (("tasks", self.tasks, TASK_ORDER), ("targets", self.targets, TARGET_ORDER)):
            for i, _ in enumerate(rows):
                names |= {f"plan.{table}[{i}]"} | {f"plan.{table}[{i}].{c}" for c in columns}
        return names


def value_at(tree, path: tuple):
    for part in path:
        if isinstance(part, int):
            tree = tree[part] if isinstance(tree, list) and part < len(tree) else None
        else:
            tree = tree.get(part) if isinstance(tree, dict) else None
    return tree


def text_of(value) -> str:
    if isinstance(value, list):
        return "\n".join(str(v) for v in value if not isinstance(v, (dict, list)))
    return "" if value is None or isinstance(value, dict) else str(value)


def from_tree(tree: dict) -> PlanForm:
    """The form of a plan file as the project's loader read it."""
    form = PlanForm(values={f.name: text_of(value_at(tree, f.path)) for f in FIELDS})
    for i, task in enumerate(value_at(tree, ("plan", "tasks")) or []):
        task = task if isinstance(task, dict) else {}
        values = {name: text_of(task.get(name)) for name in TASK_SCALARS}
        values["deadline_kind"] = deadline_kind(values["deadline"])
        leads = _list(task.get("lead")) or [values["lead"]]
        values["lead"] = leads[0]
        form.tasks.append(Row(f"f{i}", values, {"partners": _list(task.get("partners")), "co_leads": leads[1:]}))
    for i, target in enumerate(value_at(tree, ("plan", "targets")) or []):
        target = target if isinstance(target, dict) else {}
        form.targets.append(Row(f"f{i}", {name: text_of(target.get(name)) for name in TARGET_SCALARS}))
    for i, section in enumerate(value_at(tree, ("plan", "sections")) or []):
        path = ("plan", "sections", i)
        form.blocks[path_name(path + ("title",))] = text_of(value_at(section, ("title",)))
        for block_path, _, key in walk_blocks(value_at(section, ("body",)), path + ("body",)):
            if key == "include":
                continue
            text_path = block_path + ((key,) if key else ())
            form.blocks[path_name(text_path)] = text_of(value_at(tree, text_path))
            if key == "bullet":
                form.blocks[path_name(block_path + ("sub",))] = text_of(value_at(tree, block_path + ("sub",)))
    return form


def _list(value) -> list[str]:
    return [str(v) for v in value if not isinstance(v, (dict, list))] if isinstance(value, list) else []


def walk_blocks(body, path: tuple):
    """(path, block, its text key) of every block under ``body``; the key is None for a plain paragraph."""
    for i, block in enumerate(body if isinstance(body, list) else []):
        here = path + (i,)
        if isinstance(block, str):
            yield here, block, None
            continue
        if not isinstance(block, dict):
            continue
        key = next((k for k in ("heading", "bullet", "item", "text", "include") if k in block), None)
        yield here, block, key
        if key == "heading":
            yield from walk_blocks(block.get("body"), here + ("body",))


def deadline_kind(text: str) -> str:
    for kind, (_, _, pattern) in DEADLINE_KINDS.items():
        if re.fullmatch(pattern, text.strip()):
            return kind
    return "date" if text.strip() else "month"


def from_input(form) -> PlanForm:
    """The form as the browser sent it."""
    result = PlanForm(values={f.name: _typed(form, f) for f in FIELDS})
    result.tasks = read_rows(form, "tasks", TASK_SCALARS, TASK_LISTS)
    result.targets = read_rows(form, "targets", TARGET_SCALARS)
    for name in form.getlist("blocks.name"):
        if name.startswith("plan.sections["):
            result.blocks[name] = clean(form.get(name))
    for name in form.getlist("added.name"):
        text = clean(form.get(f"added[{name}].text")).strip()
        if name.startswith("plan.sections[") and text:
            result.added[name] = (clean(form.get(f"added[{name}].kind")), text)
    return result


def _typed(form, f: Field) -> str:
    if f.widget == "units":
        return "\n".join(clean(v) for v in form.getlist(f.name))
    return clean(form.get(f.name))


def blank_task(rows: list[Row], key: str) -> Row:
    """A new task row: the next id, the area of the row above it."""
    area = rows[-1].values.get("area", "direction") if rows else "direction"
    values = dict.fromkeys(TASK_SCALARS, "") | {"id": next_id([r.values.get("id", "") for r in rows], "T"),
                                                 "area": area, "deadline_kind": "month"}
    return Row(key, values, {name: [] for name in TASK_LISTS})


def blank_target(rows: list[Row], key: str) -> Row:
    values = dict.fromkeys(TARGET_SCALARS, "") | {"id": next_id([r.values.get("id", "") for r in rows], "CT"),
                                                   "comparison": ">="}
    return Row(key, values)


# ---------------------------------------------------------------- writing the form into the file


def apply(form: PlanForm, data: CommentedMap, tree: dict) -> list[Problem]:
    """Write what changed into the round-trip document; problems only the form can have (deadline kinds)."""
    for f in FIELDS:
        _apply_field(f, form.values.get(f.name, ""), data, tree)
    problems = _apply_tasks(form.tasks, data, tree)
    _apply_rows(form.targets, data, tree, "targets", TARGET_ORDER, _target_values)
    _apply_blocks(form, data, tree)
    return problems


def _new_value(f: Field, text: str):
    if f.widget in ("lines", "units"):
        return lines(text)
    return one_line(text) if f.widget != "area" else (" ".join(lines(text)) or None)


def keep_order(old: list[str], chosen: list[str]) -> list[str]:
    """Units ticked in a list of boxes, in the order the file already gives them (new ones after)."""
    return [c for c in old if c in chosen] + [c for c in chosen if c not in old]


def _apply_field(f: Field, text: str, data: CommentedMap, tree: dict) -> None:
    new, old = _new_value(f, text), value_at(tree, f.path)
    if f.widget == "units":
        new = keep_order(_list(old), new)
    if (_list(old) if isinstance(new, list) else (None if old is None else text_of(old))) == new:
        return  # unchanged as the project reads it: the file keeps its own way of writing it
    parent = _mapping(data, f.path[:-1])
    order = ORDER.get(f.path[:-1], [])
    if isinstance(new, list):
        yamlfile.set_list(parent, f.path[-1], new, order, keep=f.required)
    else:
        yamlfile.set_value(parent, f.path[-1], new, order, keep=f.required)


def _mapping(data: CommentedMap, path: tuple) -> CommentedMap:
    """The mapping at ``path``, made (in field order) where the file has none yet."""
    for depth, key in enumerate(path):
        if not isinstance(data.get(key), CommentedMap):
            yamlfile.set_value(data, key, None, ORDER.get(path[:depth], []), keep=True)
            data[key] = CommentedMap()
        data = data[key]
    return data


def deadline_value(row: Row) -> tuple[str | None, str | None]:
    """(the deadline to write, a problem when the text is not of the kind chosen)."""
    kind = row.values.get("deadline_kind", "")
    if kind == "ongoing":
        return ONGOING, None
    text = one_line(row.values.get("deadline"))
    if text is None or kind not in DEADLINE_KINDS or re.fullmatch(DEADLINE_KINDS[kind][2], text):
        return text, None
    label, form, _ = DEADLINE_KINDS[kind]
    return text, f"{label.lower()} dạng {form}"


def _task_values(row: Row) -> dict:
    values = {name: one_line(row.values.get(name)) for name in ("id", "area", "content", "lead", "partners_other",
                                                                 "product")}
    values["deadline"] = deadline_value(row)[0]
    values["partners"] = [p for p in row.lists.get("partners", []) if p]
    co_leads = [c for c in row.lists.get("co_leads", []) if c and c != values["lead"]]
    if co_leads:  # a task led jointly: the lead chosen first, then the others
        values["lead"] = [values["lead"], *co_leads] if values["lead"] else co_leads
    return values


def _target_values(row: Row) -> dict:
    values = {name: one_line(row.values.get(name)) for name in TARGET_SCALARS}
    values["text"] = " ".join(lines(row.values.get("text"))) or None
    return values


def _apply_tasks(rows: list[Row], data: CommentedMap, tree: dict) -> list[Problem]:
    _apply_rows(rows, data, tree, "tasks", TASK_ORDER, _task_values)
    problems = []
    for i, row in enumerate(rows):
        text, wrong_kind = deadline_value(row)
        if wrong_kind:
            problems.append(Problem(None, f"plan.tasks[{i}].deadline", "thời hạn không đúng loại đã chọn",
                                    expected=wrong_kind, got=f"'{text}'"))
    return problems


DEFAULTS = {"comparison": ">="}
REQUIRED_ROW = {"tasks": {"id", "area", "content", "lead", "deadline", "product"}, "targets": {"id", "text"}}


def _apply_rows(rows: list[Row], data: CommentedMap, tree: dict, table: str, order: list[str], values_of) -> None:
    old_rows = value_at(tree, ("plan", table)) or []
    plan = _mapping(data, ("plan",))
    if not rows and table not in plan:
        return
    seq = plan.get(table)
    if not isinstance(seq, CommentedSeq):
        seq = CommentedSeq()
        yamlfile.set_value(plan, table, None, ORDER[("plan",)], keep=True)
        plan[table] = seq
    entries = []
    for row in rows:
        origin = row.origin if row.origin is not None and row.origin < len(seq) else None
        entry = seq[origin] if origin is not None and isinstance(seq[origin], CommentedMap) else CommentedMap()
        old = old_rows[origin] if origin is not None and isinstance(old_rows[origin], dict) else {}
        _apply_entry(entry, old, values_of(row), order, REQUIRED_ROW[table])
        entries.append(entry)
    yamlfile.arrange(seq, entries)


def _apply_entry(entry: CommentedMap, old: dict, values: dict, order: list[str], required: set[str]) -> None:
    for name, new in values.items():
        before = old.get(name)
        if name in DEFAULTS and before is None and new == DEFAULTS[name]:
            continue  # the page shows the default the file leaves unsaid; saying it changes nothing
        if isinstance(new, list):
            new = keep_order(_list(before), new)
            if _list(before) != new:
                yamlfile.set_list(entry, name, new, order)
        elif (None if before is None else text_of(before)) != new:
            yamlfile.set_value(entry, name, new, order, keep=name in required)


def _apply_blocks(form: PlanForm, data: CommentedMap, tree: dict) -> None:
    for name, text in form.blocks.items():
        path = parse_path(name)
        old = value_at(tree, path)
        if old is None or isinstance(old, dict):
            continue
        if path[-1] == "sub":
            if _list(old) != lines(text):
                yamlfile.set_list(_container(data, path[:-1]), "sub", lines(text), ["bullet", "sub"])
            continue
        new = " ".join(lines(text)) or None
        if text_of(old) != new:
            parent = _container(data, path[:-1])
            if isinstance(parent, CommentedSeq):
                parent[path[-1]] = yamlfile.scalar(new or "", parent[path[-1]])
            else:
                yamlfile.set_value(parent, path[-1], new, [], keep=True)
    for name, (kind, text) in form.added.items():
        body = _container(data, parse_path(name))
        if isinstance(body, CommentedSeq):
            text = " ".join(lines(text))
            yamlfile.append(body, CommentedMap(bullet=text) if kind == "bullet" else yamlfile.scalar(text))


def _container(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def units_of(tree: dict) -> list[tuple[str, str]]:
    """(code, name) of the plan's units, for the lists to choose from."""
    units = tree.get("units") if isinstance(tree, dict) else None
    return [(str(u.get("code")), str(u.get("short_name") or u.get("name") or "")) for u in units or []
            if isinstance(u, dict) and u.get("code")]


AREA_CHOICES = tuple(AREAS.items())
