"""Tests for the status file of a periodic report: schema, rules against the plan, messages."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_docs.errors import DataError
from cchc_docs.model import periods, source, validate
from cchc_docs.model.status import DONE, reporting_calendar
from cchc_docs.model.validate_status import consistency
from cchc_docs.model.validate_status import validate as validate_status

PLAN = """\
issuing_body:
  name: Ủy ban nhân dân xã An Bình
  header: [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]
  abbreviation: UBND
  place: An Bình
units:
  - {code: VHXH, name: Phòng Văn hóa - Xã hội}
  - {code: VP, name: Văn phòng HĐND và UBND xã}
decision:
  number: "12"
  date: "2025-07-15"
  title: Ban hành Kế hoạch cải cách hành chính 6 tháng cuối năm 2025
  authority: ỦY BAN NHÂN DÂN XÃ AN BÌNH
  legal_bases:
    - Luật Tổ chức chính quyền địa phương ngày 16/6/2025
  articles:
    - Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính.
    - Văn phòng chịu trách nhiệm thi hành Quyết định này.
  recipients: [Như Điều 2]
  archive: [VHXH]
  signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn An}
plan:
  title: Cải cách hành chính xã An Bình 6 tháng cuối năm 2025
  start: "2025-07-01"
  end: "2025-12-31"
  reporting: {hub: VHXH, recipient: Sở Nội vụ, due_day: "10"}
  sections:
    - title: CHỈ TIÊU
      body: [{include: targets}]
  targets:
    - {id: CT01, text: Mức độ hài lòng đạt 90% trở lên., value: "90", unit: "%", measure: satisfaction}
  tasks:
    - {id: T01, area: direction, content: Ban hành kế hoạch, lead: VHXH, deadline: "2025-08", product: Kế hoạch}
    - {id: T02, area: procedures, content: Rà soát thủ tục, lead: VP, deadline: "2025-09-14", product: Báo cáo}
    - {id: T03, area: procedures, content: Giải quyết hồ sơ, lead: VP, deadline: thường xuyên, product: Hồ sơ}
"""

HEAD = """\
period: 2025-Q3
report:
  date: "2025-09-08"
  recipients: [TT Đảng ủy xã]
narrative:
  strengths: [Hoàn thành kế hoạch đúng hạn.]
"""

Q3 = periods.parse("2025-Q3")


def plan_file():
    return validate.validate(source.parse(PLAN, "ke-hoach.yaml"))


def load(text: str, period=Q3):
    return validate_status(source.parse(text, "2025-Q3.yaml"), plan_file(), period)


def problems(text: str, period=Q3) -> list[str]:
    with pytest.raises(DataError) as caught:
        load(text, period)
    return [str(p) for p in caught.value.problems]


# ---------------------------------------------------------------- a valid file


def test_a_minimal_status_file_is_read_with_defaults():
    status = load(HEAD)
    assert status.period == Q3
    assert status.report.number is None
    assert status.report.addressees == ()
    assert status.tasks == ()
    assert status.indicators.dossiers is None
    assert status.narrative.strengths[0].text == "Hoàn thành kế hoạch đúng hạn."


def test_task_statuses_and_counts_are_typed():
    status = load(HEAD + """\
tasks:
  - {id: T01, status: hoàn thành, completed: "2025-08-20", evidence: [Kế hoạch số 45/KH-UBND]}
  - {id: T02, status: đang thực hiện}
indicators:
  dossiers:
    received_in_person: "1.020"
    received_online: "227"
    resolved_early: "400"
    resolved_on_time: "790"
    resolved_late: "6"
""")
    assert status.status_of("T01").status == DONE
    assert status.status_of("T01").completed == date(2025, 8, 20)
    assert status.status_of("T03") is None
    assert status.indicators.dossiers.received_in_person == 1020
    assert status.indicators.dossiers.carried_over == 0


def test_the_nine_month_window_setting_is_read_from_the_issuing_body():
    text = PLAN.replace("  place: An Bình\n", '  place: An Bình\n  reporting_nine_month_start: "01-01"\n'
                        '  reporting_nine_month_end: "09-30"\n')
    rules = reporting_calendar(validate.validate(source.parse(text, "ke-hoach.yaml")))
    assert periods.parse("2025-9M").window(rules) == (date(2025, 1, 1), date(2025, 9, 30))
    assert rules.due_day == 10


# ---------------------------------------------------------------- located errors


def test_an_unknown_task_id_is_located_and_a_near_id_suggested():
    found = problems(HEAD + "tasks:\n  - {id: T0l, status: đang thực hiện}\n")
    assert found == ["2025-Q3.yaml:8:10: tasks[0].id: không có nhiệm vụ mã 'T0l' trong kế hoạch "
                     "(cần một mã từ T01 đến T03, nhận được 'T0l'); có phải ý bạn là 'T01'?"]


def test_a_misspelt_status_is_refused_with_the_choices():
    found = problems(HEAD + "tasks:\n  - {id: T02, status: hoan thanh}\n")
    assert len(found) == 1
    assert "tasks[0].status: giá trị không hợp lệ (cần một trong 'hoàn thành', 'đang thực hiện', " \
           "'chưa thực hiện', nhận được 'hoan thanh'); có phải ý bạn là 'hoàn thành'?" in found[0]


def test_a_completion_date_outside_the_plan_is_an_error():
    found = problems(HEAD + 'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-06-30"}\n')
    assert found == ["2025-Q3.yaml:8:46: tasks[0].completed: ngày hoàn thành nằm ngoài thời gian thực hiện "
                     "kế hoạch (cần từ 01/7/2025 đến 31/12/2025, nhận được '2025-06-30')"]


def test_a_completion_date_after_the_report_date_is_an_error():
    found = problems(HEAD + 'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-09-09"}\n')
    assert found == ["2025-Q3.yaml:8:46: tasks[0].completed: ngày hoàn thành sau ngày báo cáo "
                     "(cần không sau 08/9/2025, nhận được '2025-09-09')"]


def test_a_completion_after_the_cut_off_belongs_to_the_next_report():
    text = (HEAD.replace('"2025-09-08"', '"2025-09-20"')
            + 'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-09-15"}\n')
    (found,) = problems(text)
    assert "ngày hoàn thành sau ngày chốt số liệu của kỳ (cần không sau 14/9/2025" in found
    assert "báo cáo kỳ sau" in found


def test_a_done_task_needs_its_completion_date_and_only_a_done_task_has_one():
    found = problems(HEAD + "tasks:\n  - {id: T01, status: hoàn thành}\n"
                     '  - {id: T02, status: đang thực hiện, completed: "2025-08-01"}\n')
    assert "tasks[0].status: nhiệm vụ hoàn thành cần ngày hoàn thành" in found[0]
    assert "tasks[1].completed: chỉ ghi ngày hoàn thành khi status là 'hoàn thành'" in found[1]


def test_a_task_recorded_twice_is_an_error():
    found = problems(HEAD + "tasks:\n  - {id: T02, status: đang thực hiện}\n  - {id: T02, status: chưa thực hiện}\n")
    assert found == ["2025-Q3.yaml:9:10: tasks[1].id: nhiệm vụ 'T02' được ghi hai lần; lần đầu ở tasks[0]"]


def test_a_negative_count_is_refused():
    found = problems(HEAD + "indicators:\n  satisfaction: {evaluations: \"-5\", satisfied: \"0\"}\n")
    assert found == ["2025-Q3.yaml:8:31: indicators.satisfaction.evaluations: số lượng không được âm "
                     "(cần một số nguyên không âm, ví dụ '0', '35' hoặc '1.247', nhận được '-5')"]


def test_a_percentage_in_place_of_a_count_is_refused_with_a_hint():
    (found,) = problems(HEAD + "indicators:\n  satisfaction: {evaluations: \"200\", satisfied: \"96,5%\"}\n")
    assert "không phải một số nguyên" in found and "tỷ lệ % do chương trình tự tính" in found


def test_more_dossiers_resolved_than_received_is_an_error():
    (found,) = problems(HEAD + """\
indicators:
  dossiers:
    carried_over: "5"
    received_in_person: "10"
    received_online: "5"
    resolved_early: "10"
    resolved_on_time: "10"
    resolved_late: "1"
""")
    assert found.startswith("2025-Q3.yaml:9:5: indicators.dossiers: số hồ sơ đã giải quyết (21) lớn hơn "
                            "số hồ sơ phải giải quyết (kỳ trước chuyển sang cộng tiếp nhận mới) (20)")


def test_more_satisfied_than_evaluations_is_an_error():
    (found,) = problems(HEAD + "indicators:\n  satisfaction: {evaluations: \"10\", satisfied: \"11\"}\n")
    assert "indicators.satisfaction.satisfied: số lượt hài lòng (11) lớn hơn số lượt đánh giá (10)" in found


def test_a_computed_figure_is_not_a_field():
    (found,) = problems(HEAD + "indicators:\n  satisfaction: {evaluations: \"10\", satisfied: \"9\", rate: \"90\"}\n")
    assert "trường không được hỗ trợ 'rate'" in found


def test_a_file_for_another_period_is_refused():
    (found,) = problems(HEAD, period=periods.parse("2025-Q4"))
    assert found == ("2025-Q3.yaml:1:9: period: kỳ báo cáo trong tệp khác kỳ được yêu cầu (cần '2025-Q4', "
                     "nhận được '2025-Q3'); tên tệp số liệu phải là mã kỳ báo cáo, ví dụ 2025-Q3.yaml")


def test_a_period_the_plan_does_not_cover_is_refused_with_the_periods_it_does():
    text = HEAD.replace("2025-Q3", "2025-Q2").replace("2025-09-08", "2025-06-08")
    (found,) = problems(text, period=periods.parse("2025-Q2"))
    assert "period: quý II năm 2025 (01/4/2025–30/6/2025) không thuộc thời gian thực hiện kế hoạch" in found
    assert "2025-Q3, 2025-Q4, 2025-H2, 2025-9M, 2025-Y" in found


def test_a_report_dated_before_its_window_is_an_error():
    (found,) = problems(HEAD.replace("2025-09-08", "2025-05-30"))
    assert "report.date: ngày báo cáo trước khi bắt đầu kỳ số liệu (cần từ 15/6/2025 trở đi" in found


def test_generated_recipient_lines_are_not_written_in_data():
    found = problems(HEAD.replace("[TT Đảng ủy xã]", "[Như trên, \"Lưu: VT, VHXH\"]"))
    assert [f.split(": ", 2)[1] for f in found] == ["report.recipients[0]", "report.recipients[1]"]


def test_an_archive_unit_must_exist_in_the_plan():
    (found,) = problems(HEAD.replace("  recipients:", "  archive: [VHX]\n  recipients:"))
    assert "report.archive[0]: không có đơn vị mã 'VHX'" in found and "'VHXH'" in found


def test_numbering_written_into_the_narrative_is_refused():
    (found,) = problems(HEAD.replace("[Hoàn thành kế hoạch đúng hạn.]", '["1. Hoàn thành kế hoạch."]'))
    assert "narrative.strengths[0]: không ghi số thứ tự hoặc dấu đầu dòng trong nội dung" in found


def test_every_problem_is_reported_at_once():
    found = problems(HEAD + "tasks:\n  - {id: T09, status: đang thực hiện}\n"
                     "indicators:\n  satisfaction: {evaluations: \"-1\", satisfied: \"0\"}\n")
    assert len(found) == 2


# ---------------------------------------------------------------- across periods


def test_a_task_done_in_an_earlier_report_must_stay_done_on_the_same_day():
    q3 = load(HEAD + 'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-08-20"}\n')
    q4_text = HEAD.replace("2025-Q3", "2025-Q4").replace("2025-09-08", "2025-12-08") + \
        'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-08-21"}\n'
    q4_source = source.parse(q4_text, "2025-Q4.yaml")
    q4 = validate_status(q4_source, plan_file(), periods.parse("2025-Q4"))
    (found,) = [str(p) for p in consistency(q3, q4, q4_source)]
    assert found == ("2025-Q4.yaml:8:46: tasks[0].completed: ngày hoàn thành của T01 khác với kỳ trước "
                     "(cần 2025-08-20, nhận được '2025-08-21'); báo cáo quý III năm 2025 ghi hoàn thành ngày 20/8/2025")


def test_a_task_done_earlier_but_missing_later_is_reported():
    q3 = load(HEAD + 'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-08-20"}\n')
    q4_text = HEAD.replace("2025-Q3", "2025-Q4").replace("2025-09-08", "2025-12-08")
    q4_source = source.parse(q4_text, "2025-Q4.yaml")
    q4 = validate_status(q4_source, plan_file(), periods.parse("2025-Q4"))
    (found,) = [str(p) for p in consistency(q3, q4, q4_source)]
    assert "tasks: nhiệm vụ T01 đã hoàn thành ở kỳ trước nhưng kỳ này không ghi hoàn thành" in found


def test_every_field_of_the_status_file_is_documented():
    import dataclasses
    from pathlib import Path

    from cchc_docs.model import status as records

    text = (Path(__file__).resolve().parents[2] / "docs" / "status-format.md").read_text(encoding="utf-8")
    kinds = [records.StatusFile, records.ReportInfo, records.TaskStatus, records.Indicators, records.Narrative,
             records.AssignedTasks, records.Inspections, records.Outreach, records.Documents, records.Procedures,
             records.Dossiers, records.Feedback, records.Satisfaction, records.Staff, records.Digital]
    missing = [f"{k.__name__}.{f.name}" for k in kinds for f in dataclasses.fields(k) if f"`{f.name}`" not in text]
    assert missing == []


@pytest.mark.parametrize(("count", "message"), [
    ("1" * 30, "số lượng quá lớn (cần tối đa 9 chữ số"),
    ("²", "không phải một số nguyên (cần một số nguyên không âm"),
    ("١٢", "không phải một số nguyên (cần một số nguyên không âm"),
])
def test_a_count_that_is_not_a_plain_number_of_sane_size_is_refused_at_its_line(count, message):
    (found,) = problems(HEAD + f'indicators:\n  satisfaction: {{evaluations: "{count}", satisfied: "0"}}\n')
    assert found.startswith(f"2025-Q3.yaml:8:31: indicators.satisfaction.evaluations: {message}")


def test_a_period_in_year_zero_is_refused():
    with pytest.raises(periods.PeriodError) as caught:
        periods.parse("0000-Q3")
    assert str(caught.value) == "mã kỳ báo cáo không hợp lệ: năm 0 (cần năm từ 2000 đến 2100)"
