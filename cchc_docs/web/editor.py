"""Open, check and save a plan from the editor: the page's half of :mod:`cchc_docs.web.planform`.

Saving is: the file must be the one the page was opened on (else the rows would be
matched with the wrong entries); the form is written into the round-trip document;
the new text is validated exactly as ``cchc-docs validate`` validates a plan, its
versions included; with no problem it is written atomically, otherwise nothing is. The
period status files are checked against the saved plan too; their problems do not stop
the save (they are in other files) but are listed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from cchc_docs.errors import CchcError, DataError, Problem
from cchc_docs.model import source, validate
from cchc_docs.model.load import load_statuses_for, status_files
from cchc_docs.model.paths import status_folder
from cchc_docs.web import planform, yamlfile
from cchc_docs.web.forms import Problems, path_name


@dataclass
class Editor:
    """What the editor page shows."""

    form: planform.PlanForm
    problems: Problems
    units: list[tuple[str, str]]
    sections: list[dict]
    digest: str
    faithful: bool = True
    saved: bool = False
    unsaved_problems: bool = False
    elsewhere: list[str] = field(default_factory=list)  # problems of the status files after a save


def open_editor(plan_path: Path) -> Editor:
    """The editor on the file as it is, with the file's own problems beside their fields."""
    tree = _tree(plan_path)  # the command line's own reading first: its messages say where a file is broken
    document = yamlfile.open_document(plan_path)
    form = planform.from_tree(tree)
    return _editor(form, tree, _problems(source.load(plan_path)), document)


def _tree(plan_path: Path) -> dict:
    tree = source.load(plan_path).tree
    if not isinstance(tree, dict):
        raise DataError([Problem(None, "", "tệp kế hoạch không có nội dung dạng nhóm trường",
                                 expected="các trường issuing_body, units, decision, plan")])
    return tree


def _editor(form, tree: dict, problems: list[Problem], document: yamlfile.Document, **more) -> Editor:
    return Editor(form, Problems.place(problems, form.known()), planform.units_of(tree), sections_view(tree),
                  document.digest, document.faithful, **more)


def _problems(parsed) -> list[Problem]:
    try:
        validate.validate_versions(parsed)
    except DataError as e:
        return e.problems
    return []


def refresh(plan_path: Path, form: planform.PlanForm) -> Editor:
    """The editor showing ``form`` as typed (after a row was added or moved), nothing saved."""
    tree = _tree(plan_path)
    return _editor(form, tree, [], yamlfile.open_document(plan_path))


def save(plan_path: Path, form: planform.PlanForm, opened_digest: str) -> Editor:
    """Validate the form as the new plan file; write it when it has no problem."""
    tree = _tree(plan_path)
    document = yamlfile.open_document(plan_path)
    if opened_digest != document.digest:
        moved = Problem(None, "", "tệp kế hoạch đã được sửa ở nơi khác sau khi trang được mở; chưa lưu",
                        hint="chép lại nội dung vừa nhập nếu cần, rồi mở lại trang để sửa trên bản mới")
        return _editor(form, tree, [moved], document, unsaved_problems=True)
    problems = planform.apply(form, document.data, tree)
    parsed = source.parse(document.text(), str(plan_path))
    problems += _problems(parsed)
    if problems:
        return _editor(form, tree, problems, document, unsaved_problems=True)
    document.save()
    saved_tree = _tree(plan_path)
    fresh = yamlfile.open_document(plan_path)
    return _editor(planform.from_tree(saved_tree), saved_tree, [], fresh, saved=True,
                   elsewhere=status_problems(plan_path))


def status_problems(plan_path: Path) -> list[str]:
    """Problems the saved plan causes in its status files (a task they report on was removed, say)."""
    try:
        versions = validate.validate_versions(source.load(plan_path))
        load_statuses_for(versions, status_files(status_folder(plan_path)))
    except DataError as e:
        return [str(p) for p in e.problems]
    except CchcError as e:
        return [str(e)]
    return []


# ---------------------------------------------------------------- sections, as the page lays them out


def sections_view(tree: dict) -> list[dict]:
    """Each section with its blocks in order: depth, kind, the field names of its text."""
    sections = planform.value_at(tree, ("plan", "sections")) or []
    view = []
    for i, section in enumerate(sections if isinstance(sections, list) else []):
        path = ("plan", "sections", i)
        body_path = path + ("body",)
        blocks = list(_blocks(planform.value_at(section, ("body",)), body_path, 0))
        view.append({"title": path_name(path + ("title",)), "path": path_name(path), "blocks": blocks})
    return view


KIND_VI = {None: "Đoạn văn", "text": "Đoạn văn", "bullet": "Ý “-”", "item": "Khoản/điểm", "heading": "Tiêu đề",
           "include": "Danh sách chỉ tiêu"}


def _blocks(body, path: tuple, depth: int):
    for i, block in enumerate(body if isinstance(body, list) else []):
        here = path + (i,)
        key = _key(block)
        entry = {"depth": depth, "kind": KIND_VI.get(key, "Đoạn văn"), "key": key, "path": path_name(here),
                 "name": path_name(here + ((key,) if key else ())), "sub": None, "note": _note(block)}
        if key == "bullet":
            entry["sub"] = path_name(here + ("sub",))
        yield entry
        if key == "heading":
            yield from _blocks(block.get("body") or [], here + ("body",), depth + 1)
            yield {"depth": depth + 1, "kind": "end", "key": "end", "path": path_name(here + ("body",))}


def _key(block) -> str | None:
    if isinstance(block, dict):
        return next((k for k in ("heading", "bullet", "item", "text", "include") if k in block), "text")
    return None


def _note(block) -> str:
    """What a heading carries besides its title (area, units): shown, edited in the file."""
    if not isinstance(block, dict):
        return ""
    parts = []
    if block.get("area"):
        parts.append(f"lĩnh vực: {planform.AREAS.get(str(block['area']), block['area'])}")
    if isinstance(block.get("units"), list):
        parts.append("đơn vị: " + ", ".join(str(u) for u in block["units"]))
    return "; ".join(parts)
