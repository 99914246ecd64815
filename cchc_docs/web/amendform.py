"""Amendments: record a new amendment as a list of changes, and preview its comparison table.

A new amendment is appended to the plan file's ``amendments`` list in round trip (the
plan as issued is never rewritten, as docs/data-format.md asks). Before it is written,
the plan with it is validated like every plan, and the comparison table is the one the
amendment decision prints (``Phụ lục I`` of :mod:`cchc_docs.contexts.amendment`), so the
preview and the document cannot disagree. Only the fields a change sets are written:
for a change, what is typed; for an addition, everything typed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cchc_docs.contexts import amendment as amendment_context
from cchc_docs.errors import DataError, Problem
from cchc_docs.model import source, validate
from cchc_docs.model.plan import AmendmentDecision
from cchc_docs.web import planform, yamlfile
from cchc_docs.web.forms import Problems, Row, clean, lines, next_id, one_line, parse_path, path_name, read_rows

DECISION_ORDER = list(AmendmentDecision.__dataclass_fields__)
DECISION_FIELDS = (
    planform.Field(("amendment", "decision", "number"), "Số", hint="bỏ trống khi là dự thảo"),
    planform.Field(("amendment", "decision", "date"), "Ngày ký",
                   hint="YYYY-MM-DD; từ ngày này báo cáo dùng kế hoạch đã sửa"),
    planform.Field(("amendment", "decision", "title"), "Trích yếu", "area", required=True),
    planform.Field(("amendment", "decision", "authority"), "Thẩm quyền ban hành, CHỮ IN HOA", required=True),
    planform.Field(("amendment", "decision", "legal_bases"), "Căn cứ", "lines",
                   "mỗi dòng một căn cứ; Quyết định ban hành Kế hoạch được tự thêm", True),
    planform.Field(("amendment", "decision", "proposal"), "Theo đề nghị của", "area"),
    planform.Field(("amendment", "decision", "executors"), "Người chịu trách nhiệm thi hành", "area", required=True),
    planform.Field(("amendment", "decision", "recipients"), "Nơi nhận", "lines", "mỗi dòng một nơi", True),
    planform.Field(("amendment", "decision", "archive"), "Lưu (đơn vị soạn thảo)", "units", required=True),
    planform.Field(("amendment", "decision", "signer", "on_behalf_of"), "Thay mặt (TM.)"),
    planform.Field(("amendment", "decision", "signer", "title"), "Chức vụ người ký", required=True),
    planform.Field(("amendment", "decision", "signer", "name"), "Họ và tên người ký", required=True),
)
ACTIONS = {"change": "Sửa đổi", "add": "Bổ sung", "remove": "Bãi bỏ"}
KINDS = {"task": "Nhiệm vụ", "target": "Chỉ tiêu", "section": "Mục của Kế hoạch"}
CHANGE_SCALARS = ("action", "kind", "item", "reason", "content", "area", "lead", "partners_other", "deadline_kind",
                  "deadline", "product", "text", "value", "unit", "title")
SETS = {"task": ("content", "area", "lead", "partners", "partners_other", "deadline", "product"),
        "target": ("text", "value", "unit"), "section": ("title",)}


@dataclass
class AmendForm:
    values: dict[str, str] = field(default_factory=dict)  # "amendment.id", "amendment.decision.title" …
    changes: list[Row] = field(default_factory=list)

    def known(self) -> set[str]:
        names = {"amendment.id", "amendment.changes"} | {f.name for f in DECISION_FIELDS}
        for row in self.changes:
            names |= {f"changes[{row.key}]"} | {f"changes[{row.key}].{n}" for n in (*CHANGE_SCALARS, "partners")}
        return names


@dataclass
class AmendPage:
    form: AmendForm
    problems: Problems
    existing: list[dict]  # each amendment of the file: id, title, number, rows of its comparison table
    units: list[tuple[str, str]]
    ids: dict[str, list[str]]  # kind → ids in the plan as it stands
    digest: str
    preview: list[dict] | None = None
    saved: bool = False


def blank_change(rows: list[Row], key: str) -> Row:
    return Row(key, dict.fromkeys(CHANGE_SCALARS, "") | {"action": "change", "kind": "task", "deadline_kind": ""},
               {"partners": []})


def defaults(tree: dict) -> AmendForm:
    """A new amendment, pre-filled from the plan's decision (authority, signer, recipients' style)."""
    decision = planform.value_at(tree, ("decision",)) or {}
    ids = [str(a.get("id")) for a in tree.get("amendments") or [] if isinstance(a, dict)]
    title = planform.value_at(tree, ("plan", "title")) or ""
    values = {"amendment.id": next_id(ids, "SD"),
              "amendment.decision.title": f"Sửa đổi, bổ sung Kế hoạch {title}".strip(),
              "amendment.decision.authority": planform.text_of(decision.get("authority")),
              "amendment.decision.legal_bases": planform.text_of(decision.get("legal_bases")),
              "amendment.decision.proposal": planform.text_of(decision.get("proposal")),
              "amendment.decision.archive": planform.text_of(decision.get("archive"))}
    signer = decision.get("signer") if isinstance(decision.get("signer"), dict) else {}
    values |= {f"amendment.decision.signer.{k}": planform.text_of(signer.get(k)) for k in ("on_behalf_of", "title",
                                                                                         "name")}
    form = AmendForm(values)
    form.changes.append(blank_change([], "n1"))
    return form


def from_input(form) -> AmendForm:
    values = {"amendment.id": clean(form.get("amendment.id"))}
    for f in DECISION_FIELDS:
        name = f.name
        values[name] = "\n".join(clean(v) for v in form.getlist(name)) if f.widget == "units" else clean(form.get(name))
    return AmendForm(values, read_rows(form, "changes", CHANGE_SCALARS, ("partners",)))


# ---------------------------------------------------------------- the new amendment in the file


def _decision(form: AmendForm) -> CommentedMap:
    decision = CommentedMap()
    for f in DECISION_FIELDS:
        text = form.values.get(f.name, "")
        value = lines(text) if f.widget in ("lines", "units") else (" ".join(lines(text)) or None)
        target = decision if len(f.path) == 3 else decision.setdefault("signer", CommentedMap())
        order = DECISION_ORDER if len(f.path) == 3 else ["on_behalf_of", "title", "name"]
        if isinstance(value, list):
            yamlfile.set_list(target, f.path[-1], value, order, keep=f.required)
        else:
            yamlfile.set_value(target, f.path[-1], value, order, keep=f.required)
    return decision


def _change(row: Row) -> CommentedMap:
    v = row.values
    change = CommentedMap(action=one_line(v.get("action")) or "change")
    kind = v.get("kind") if v.get("kind") in KINDS else "task"
    change[kind] = yamlfile.scalar(one_line(v.get("item")) or "")
    if change["action"] != "remove":
        fields = CommentedMap()
        for name in SETS[kind]:
            value = _set_value(row, name)
            if value:
                fields[name] = CommentedSeq(value) if isinstance(value, list) else yamlfile.scalar(value)
                if isinstance(value, list):
                    fields[name].fa.set_flow_style()
        change["set"] = fields
    change["reason"] = yamlfile.scalar(" ".join(lines(v.get("reason"))))
    return change


def _set_value(row: Row, name: str):
    if name == "partners":
        return [p for p in row.lists.get("partners", []) if p]
    if name == "deadline":
        return planform.deadline_value(row)[0] if row.values.get("deadline_kind") else None
    return " ".join(lines(row.values.get(name))) or None


def _amendment(form: AmendForm) -> CommentedMap:
    entry = CommentedMap(id=yamlfile.scalar(one_line(form.values.get("amendment.id")) or ""))
    entry["decision"] = _decision(form)
    entry["changes"] = CommentedSeq(_change(row) for row in form.changes)
    return entry


def candidate(plan_path: Path, form: AmendForm) -> tuple[yamlfile.Document, int]:
    """The plan file with the new amendment appended, and its index."""
    document = yamlfile.open_document(plan_path)
    data = document.data
    if not isinstance(data.get("amendments"), CommentedSeq):
        yamlfile.set_value(data, "amendments", None, planform.ORDER[()], keep=True)
        data["amendments"] = CommentedSeq()
        data.yaml_set_comment_before_after_key("amendments", before="\n" + "=" * 64 + " Sửa đổi, bổ sung Kế hoạch")
    yamlfile.append(data["amendments"], _amendment(form))
    return document, len(data["amendments"]) - 1


def check(plan_path: Path, form: AmendForm, today: dt.date) -> tuple[yamlfile.Document, list[Problem], list | None]:
    """(the document with the amendment, problems placed on the page's names, preview rows or None)."""
    document, index = candidate(plan_path, form)
    try:
        versions = validate.validate_versions(source.parse(document.text(), str(plan_path)))
    except DataError as e:
        return document, [_renamed(p, index, form) for p in e.problems], None
    return document, [], comparison(versions, index, today)


def comparison(versions, index: int, today: dt.date) -> list[dict]:
    """The rows of Phụ lục I of amendment ``index``: STT, as issued, as amended, reason."""
    return amendment_context.build(versions, index, today)["comparison"]["rows"]


def _renamed(problem: Problem, index: int, form: AmendForm) -> Problem:
    path = parse_path(problem.path)
    if path[:2] != ("amendments", index):
        return problem
    rest = path[2:]
    if len(rest) >= 2 and rest[0] == "changes" and isinstance(rest[1], int) and rest[1] < len(form.changes):
        tail = rest[2:]
        if tail and tail[0] in ("task", "target", "section", "unit"):
            tail = ("item",)
        elif tail and tail[0] == "set":
            tail = tail[1:2]
        name = f"changes[{form.changes[rest[1]].key}]" + ("." + path_name(tail) if tail else "")
    else:
        name = "amendment." + path_name(rest) if rest else "amendment.id"
    return Problem(problem.location, name, problem.message, problem.expected, problem.got, problem.hint)
