"""Writing a number and a date into a plan file: every other byte kept, and put back exactly."""

from __future__ import annotations

import pytest
from helpers import MINIMAL_PLAN
from register_support import DRAFT

from cchc_docs.register.yamledit import EditError, current, edit, quoted

KEYS = ("number", "date")
NEW = {"number": quoted("05"), "date": quoted("2025-07-31")}


def issue_and_undo(text: str, mapping: tuple = ("decision",)) -> tuple[str, str]:
    before = current(text, "plan.yaml", mapping, KEYS)
    issued = edit(text, "plan.yaml", mapping, NEW)
    return issued, edit(issued, "plan.yaml", mapping, before)


def changed_lines(old: str, new: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in zip(old.splitlines(), new.splitlines(), strict=False) if a != b]


def test_the_draft_gets_one_new_line_and_its_date_changed_in_place():
    issued, undone = issue_and_undo(DRAFT)
    lines = DRAFT.splitlines()
    at = lines.index("decision:") + 1
    assert lines[at].startswith("  # Số và ngày")  # a comment above the first key stays above it
    assert issued.splitlines() == [*lines[:at + 1], '  number: "05"', '  date: "2025-07-31"   # tháng dự kiến ký',
                                   *lines[at + 2:]]
    assert undone == DRAFT


def test_a_number_typed_in_another_style_is_replaced_in_place_and_restored():
    text = MINIMAL_PLAN.replace('  number: "39"', "  number: 39  # số cũ").replace('"2025-07-31"', "'2025-07-30'")
    issued, undone = issue_and_undo(text)
    assert changed_lines(text, issued) == [("  number: 39  # số cũ", '  number: "05"  # số cũ'),
                                           ("  date: '2025-07-30'", '  date: "2025-07-31"')]
    assert undone == text


@pytest.mark.parametrize("text, mapping", [
    ("decision:\n  number:\n  title: x\n", ("decision",)),  # an empty value
    ("decision:\n  number: ~\n  date:\n    '2025-07'\n  title: x\n", ("decision",)),  # null; a value on its own line
    ("decision: {title: x, date: '2025-07'}\n", ("decision",)),  # flow style
    ("a: 1\r\ndecision:\r\n  title: x\r\n", ("decision",)),  # Windows line endings
    ("amendments:\n  - id: SD01\n    decision:\n      title: x\n", ("amendments", 0, "decision")),
    ("report:  # báo cáo\n\n  # trước trường đầu\n  date: 2025-12\n  recipients: [a]\n", ("report",)),
])
def test_layouts_people_write_are_edited_and_restored_byte_for_byte(text, mapping):
    issued, undone = issue_and_undo(text, mapping)
    assert undone == text
    assert '"05"' in issued and '"2025-07-31"' in issued
    assert ("\r\n" in issued) == ("\r\n" in text)


def test_an_edit_that_would_change_anything_else_is_refused():
    # A key written in a way the editor does not parse (a complex key): refused, never written wrong.
    text = 'decision:\n  ? number\n  : "39"\n  title: x\n'
    with pytest.raises(EditError, match="decision"):
        edit(text, "plan.yaml", ("decision",), NEW)


def test_a_mapping_that_is_not_one_is_refused_with_its_location():
    with pytest.raises(EditError, match=r"plan\.yaml:1:11: decision: cần một nhóm trường"):
        edit("decision: [a, b]\n", "plan.yaml", ("decision",), NEW)
