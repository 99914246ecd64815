"""Issue 14.14: a task led jointly by two units (``lead: [VHXH, VP]``), wherever a lead is printed or counted."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import MINIMAL_PLAN, edited, parse_plan

from cchc_docs.contexts import reminder, report, report_figures, submission
from cchc_docs.contexts.plan import appendix_rows
from cchc_docs.contexts.report_body import task_label
from cchc_docs.errors import DataError
from cchc_docs.model import periods, source
from cchc_docs.model.validate_status import validate as validate_status
from cchc_docs.sheets.forms import LEAD, indicator_owners, unit_forms

# MINIMAL_PLAN with a second task, led jointly by Phòng VHXH and the Văn phòng, and a third led by VP alone.
JOINT = edited(MINIMAL_PLAN, "      product: Kế hoạch được ban hành\n", """\
      product: Kế hoạch được ban hành
    - id: T02
      area: direction
      content: Tuyên truyền cải cách hành chính
      lead: [VHXH, VP]
      deadline: "2025-09"
      product: Tin, bài
    - id: T03
      area: procedures
      content: Rà soát thủ tục hành chính nội bộ
      lead: VP
      deadline: "2025-08"
      product: Báo cáo
""")
Q3 = """\
period: 2025-Q3
report: {number: "52", date: "2025-09-08", recipients: [TT Đảng ủy xã]}
tasks:
  - {id: T01, status: hoàn thành, completed: "2025-08-10"}
  - {id: T02, status: hoàn thành, completed: "2025-09-05"}
  - {id: T03, status: đang thực hiện}
"""


def facts():
    plan_file = parse_plan(JOINT)
    period = periods.parse("2025-Q3")
    status = validate_status(source.parse(Q3, "2025-Q3.yaml"), plan_file, period)
    return report.report_facts(plan_file, status, period)


def test_the_single_code_form_stays_valid_and_reads_as_one_lead():
    plan_file = parse_plan(JOINT)
    assert [t.lead for t in plan_file.plan.tasks] == [("VHXH",), ("VHXH", "VP"), ("VP",)]


def test_the_lead_column_prints_both_units_in_the_plan_appendix_and_the_report():
    plan_file = parse_plan(JOINT)
    assert [r["lead"] for r in appendix_rows(plan_file) if r["kind"] == "task"] == [
        "Phòng VHXH", "Phòng VHXH, Văn phòng HĐND và UBND xã", "Văn phòng HĐND và UBND xã"]
    f = facts()
    rows = [r for r in report.task_rows(f) if r["kind"] == "task"]
    assert rows[1]["lead"] == "Phòng VHXH, Văn phòng HĐND và UBND xã"
    assert task_label(f, f.items[1]) == ("Tuyên truyền cải cách hành chính (Phòng VHXH, Văn phòng HĐND và UBND xã, "
                                         "hạn tháng 9/2025)")


def test_bieu_1_counts_a_joint_task_for_each_lead_and_its_total_row_is_the_plans_tally_not_the_sum():
    """The rule: unit rows may add up to more than the plan; the total row counts each task once."""
    f = facts()
    table = report.units_table(f)
    by_name = {row["name"]: row for row in table["rows"]}
    assert by_name["Phòng VHXH"]["total"] == "2" and by_name["Phòng VHXH"]["on_time"] == "2"
    assert by_name["Văn phòng HĐND và UBND xã"]["total"] == "2"
    assert sum(int(row["total"]) for row in table["rows"]) == 4
    assert table["total"]["total"] == "3" == report.areas_table(f)["total"]["total"]
    assert table["total"]["on_time"] == str(f.tally.on_time) == "2"
    assert "1 nhiệm vụ do nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan" in table["caption"]
    assert report_figures.tally(f.items) == f.tally


def test_the_caption_says_nothing_of_joint_tasks_when_there_are_none():
    plan_file = parse_plan(MINIMAL_PLAN)
    period = periods.parse("2025-Q3")
    status = validate_status(source.parse("period: 2025-Q3\nreport: {date: \"2025-09-08\", recipients: [A]}\n",
                                          "2025-Q3.yaml"), plan_file, period)
    table = report.units_table(report.report_facts(plan_file, status, period))
    assert table["caption"] == "Biểu 1. Kết quả thực hiện nhiệm vụ theo cơ quan chủ trì"


def test_each_lead_unit_gets_the_joint_task_in_its_workbook_as_chu_tri():
    plan_file = parse_plan(JOINT)
    period = periods.parse("2025-Q3")
    forms = {f.unit.code: f for f in unit_forms("p", plan_file, {}, period, periods.Calendar())}
    assert [(r.id, r.role) for r in forms["VHXH"].rows] == [("T01", LEAD), ("T02", LEAD)]
    assert [(r.id, r.role) for r in forms["VP"].rows] == [("T01", "phối hợp"), ("T02", LEAD), ("T03", LEAD)]
    assert indicator_owners(plan_file)["outreach"] == "VHXH"  # VHXH leads 2 direction tasks, VP one


def test_the_reminder_lists_a_joint_task_under_each_lead_and_counts_it_once():
    r = reminder.reminder(parse_plan(JOINT), None, dt.date(2025, 10, 5), 15)
    assert {code: [d.task.id for d in dues] for code, dues in r.by_unit.items()} == {
        "VHXH": ["T01", "T02"], "VP": ["T03", "T02"]}  # overdue first, then by deadline
    assert r.count(True) == 3
    body = [p["text"] for p in reminder.build(r)["letter"]["body"]]
    assert "còn 03 nhiệm vụ quá hạn chưa hoàn thành" in body[0]
    assert any("cùng chủ trì với Văn phòng HĐND và UBND xã" in line for line in body)
    assert any("cùng chủ trì với Phòng VHXH" in line for line in body)


def test_the_submission_counts_tasks_per_lead_unit_and_says_a_joint_task_counts_for_each():
    plan_file = parse_plan(JOINT + "submission: {unit: VHXH, signer: {title: TRƯỞNG PHÒNG, name: Lê Mai}}\n")
    line = submission._leads_line(plan_file)
    assert line == ("Phân công chủ trì: Phòng VHXH 2 nhiệm vụ; Văn phòng HĐND và UBND xã 2 nhiệm vụ; 1 nhiệm vụ do "
                    "nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan.")


@pytest.mark.parametrize(("lead", "message"), [
    ("[VHXH, VHXH]", "plan.tasks[1].lead[1]: cơ quan chủ trì 'VHXH' ghi hai lần"),
    ("[VHXH, VPP]", "plan.tasks[1].lead[1]: không có đơn vị mã 'VPP' trong danh sách units"),
    ("[]", "plan.tasks[1].lead: cần ít nhất một cơ quan chủ trì"),
    ("[VHXH, vp]", "plan.tasks[1].lead[1]: mã đơn vị không hợp lệ"),
])
def test_a_wrong_joint_lead_is_located_at_its_item(lead, message):
    with pytest.raises(DataError) as e:
        parse_plan(JOINT.replace("lead: [VHXH, VP]", f"lead: {lead}"))
    assert any(message in str(p) for p in e.value.problems), [str(p) for p in e.value.problems]


def test_a_lead_unit_is_not_also_a_partner_of_its_joint_task():
    text = JOINT.replace("      lead: [VHXH, VP]\n", "      lead: [VHXH, VP]\n      partners: [VP]\n")
    with pytest.raises(DataError) as e:
        parse_plan(text)
    assert [p.message for p in e.value.problems] == ["cơ quan chủ trì không đồng thời là cơ quan phối hợp"]
