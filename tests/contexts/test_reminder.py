"""Which tasks a công văn đôn đốc names, and how it words them (pure: plan, last report, day in)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import SAMPLE

from cchc_docs.contexts import reminder
from cchc_docs.model.load import load_all
from cchc_docs.model.periods import parse

AS_OF = dt.date(2025, 11, 20)


@pytest.fixture(scope="module")
def last():
    return parse("2025-Q3"), load_all(SAMPLE).statuses[parse("2025-Q3")]


@pytest.fixture(scope="module")
def found(sample_plan, last):
    return reminder.reminder(sample_plan, last, AS_OF, 15)


def _ids(found, overdue):
    return {code: [d.task.id for d in dues if d.overdue == overdue] for code, dues in found.by_unit.items()}


def test_unfinished_tasks_past_their_deadline_are_overdue(found):
    assert {k: v for k, v in _ids(found, True).items() if v} == {"TTPVHCC": ["T13"], "TTVHTTTT": ["T02"]}


def test_tasks_due_within_the_days_are_due_soon_and_ongoing_tasks_never(found):
    assert {k: v for k, v in _ids(found, False).items() if v} == {"VP": ["T10"], "KT": ["T32"]}
    assert all(d.task.deadline.due is not None for dues in found.by_unit.values() for d in dues)


def test_a_task_finished_in_the_last_report_is_not_reminded_of(sample_plan, last):
    later = reminder.reminder(sample_plan, last, dt.date(2025, 12, 31), 0)
    ids = {d.task.id for dues in later.by_unit.values() for d in dues}
    assert "T01" not in ids and "T17" not in ids  # finished in quý III
    assert "T07" in ids  # due 10/12, not finished by quý III


def test_without_a_report_every_dated_task_counts_as_not_reported(sample_plan):
    found = reminder.reminder(sample_plan, None, dt.date(2025, 9, 1), 0)
    statuses = {d.status for dues in found.by_unit.values() for d in dues}
    assert statuses == {"chưa báo cáo"}


def test_the_letter_is_addressed_to_the_units_and_numbers_one_section_each(found):
    context = reminder.build(found)
    letter = context["letter"]
    assert letter["subject"].startswith("V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính")
    assert letter["addressees"] == ["- Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã;", "- Phòng Kinh tế;",
                                    "- Trung tâm Phục vụ hành chính công xã;",
                                    "- Trung tâm Văn hóa, Thể thao và Truyền thông xã."]
    headings = [p["lead"] + p["text"] for p in letter["body"] if p["kind"] == "heading"]
    assert headings == ["1. Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "2. Phòng Kinh tế",
                        "3. Trung tâm Phục vụ hành chính công xã", "4. Trung tâm Văn hóa, Thể thao và Truyền thông xã"]
    assert letter["recipients"] == ["- Như trên;", "- Lưu: VT, VHXH."]
    assert context["document"]["number_line"] == "Số:      /UBND-VHXH"
    assert letter["body"][-1]["text"].endswith("./.")


def test_each_task_line_says_its_deadline_how_late_and_its_status(found):
    lines = [p["text"] for p in reminder.build(found)["letter"]["body"] if p["lead"] == "- "]
    t02 = next(line for line in lines if line.startswith("Ban hành và tổ chức thực hiện Kế hoạch tuyên truyền"))
    assert t02.endswith("(thời hạn: Tháng 8/2025, quá hạn 81 ngày; tình trạng: đang thực hiện).")


def test_json_lists_the_same_tasks(found):
    data = reminder.as_json(found)
    assert data["last_report"] == "2025-Q3"
    assert [(u["code"], [t["id"] for t in u["overdue"]], [t["id"] for t in u["due_soon"]]) for u in data["units"]] == [
        ("VP", [], ["T10"]), ("KT", [], ["T32"]), ("TTPVHCC", ["T13"], []), ("TTVHTTTT", ["T02"], [])]
    assert data["units"][3]["overdue"][0]["days_overdue"] == 81
