"""Amendments: applied in order on the plain tree, every problem located where it was written."""

import datetime as dt

import pytest
from helpers import AMENDMENT, TODAY, plan_with

from cchc_docs.contexts import amendment as amendment_context
from cchc_docs.contexts import consolidated, registry, report
from cchc_docs.errors import DataError
from cchc_docs.model import amend, periods, source, validate
from cchc_docs.model.status import reporting_calendar
from cchc_docs.model.validate_status import validate as validate_status


def versions_of(text: str):
    return validate.validate_versions(source.parse(text, "plan.yaml"))


def problems_of(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        versions_of(text)
    return [str(p) for p in caught.value.problems]


CHANGE_DEADLINE = """\
      - action: change
        task: T01
        set: {deadline: "2025-11-30"}
        reason: Lùi thời hạn
"""
ADD_TASK = """\
      - action: add
        task: T02
        set: {area: procedures, content: Số hóa hồ sơ, lead: VP, deadline: "2025-Q4", product: Hồ sơ số}
        reason: Bổ sung theo chỉ đạo của thành phố
"""
REMOVE_TARGET = """\
      - action: remove
        target: CT01
        reason: Không còn phù hợp
"""


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), start=1) if fragment in line)


def test_change_sets_only_the_given_fields():
    original, amended = versions_of(plan_with(CHANGE_DEADLINE))
    assert original.plan.tasks[0].deadline.label == "Tháng 8/2025"
    assert amended.plan.tasks[0].deadline.label == "30/11/2025"
    assert amended.plan.tasks[0].content == original.plan.tasks[0].content


def test_add_appends_a_new_task_with_its_id():
    _, amended = versions_of(plan_with(ADD_TASK))
    assert [t.id for t in amended.plan.tasks] == ["T01", "T02"]
    assert amended.plan.tasks[1].lead == ("VP",)


def test_remove_drops_the_target():
    original, amended = versions_of(plan_with(REMOVE_TARGET))
    assert [t.id for t in original.plan.targets] == ["CT01"]
    assert amended.plan.targets == ()


def test_amendments_apply_in_order_and_each_version_is_kept():
    second = AMENDMENT.replace("SD01", "SD02").replace('"52"', '"60"').replace("2025-10-15", "2025-11-20")
    second = second.replace("amendments:\n", "").replace("{changes}", """\
      - action: change
        task: T02
        set: {lead: VHXH}
        reason: Giao lại đơn vị chủ trì
""")
    versions = versions_of(plan_with(ADD_TASK, second))
    assert [len(v.plan.tasks) for v in versions] == [1, 2, 2]
    assert versions[2].plan.tasks[1].lead == ("VHXH",)


def test_changing_a_missing_task_is_located_at_the_change():
    text = plan_with(CHANGE_DEADLINE.replace("task: T01", "task: T09"))
    line = line_of(text, "task: T09")
    assert problems_of(text) == [
        f"plan.yaml:{line}:15: amendments[0].changes[0].task: không có nhiệm vụ mã 'T09' để sửa đổi "
        "(cần một mã nhiệm vụ đang có trong kế hoạch (kể cả các lần sửa đổi trước))"
    ]


def test_adding_an_existing_task_is_an_error():
    text = plan_with(ADD_TASK.replace("task: T02", "task: T01"))
    assert "nhiệm vụ mã 'T01' đã có, không bổ sung được" in problems_of(text)[0]


def test_bad_value_given_by_an_amendment_names_the_change_and_the_field_it_changes():
    text = plan_with(CHANGE_DEADLINE.replace('"2025-11-30"', '"2026-02-01"'))
    line = line_of(text, '"2026-02-01"')
    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line}:25: amendments[0].changes[0].set.deadline "
                              "(trường plan.tasks[0].deadline của kế hoạch sau sửa đổi): "
                              "thời hạn nằm ngoài thời gian thực hiện kế hoạch")


def test_new_task_with_unknown_unit_suggests_the_near_code():
    text = plan_with(ADD_TASK.replace("lead: VP", "lead: VHX"))
    [problem] = problems_of(text)
    assert problem.startswith(f"plan.yaml:{line_of(text, 'lead: VHX,')}:")
    assert "có phải ý bạn là 'VHXH'?" in problem


def test_addressing_one_item_twice_in_one_amendment_is_a_conflict():
    text = plan_with(CHANGE_DEADLINE + CHANGE_DEADLINE.replace("2025-11-30", "2025-12-15"))
    assert "đã được thay đổi ở thay đổi thứ 1 của cùng quyết định" in problems_of(text)[0]


def test_change_must_name_exactly_one_item():
    text = plan_with(CHANGE_DEADLINE.replace("task: T01", "task: T01\n        target: CT01"))
    assert any("mỗi thay đổi ghi đúng một trong task, target, section, unit" in p for p in problems_of(text))


def test_amendment_signed_before_the_plan_is_an_error():
    text = plan_with(CHANGE_DEADLINE).replace("2025-10-15", "2025-07-01")
    assert any("quyết định sửa đổi ký trước quyết định ban hành kế hoạch" in p for p in problems_of(text))


def test_report_uses_the_plan_as_it_stood_at_the_end_of_its_window():
    versions = versions_of(plan_with(ADD_TASK))
    assert amend.version_at(versions, dt.date(2025, 9, 14)) is versions[0]
    assert amend.version_at(versions, dt.date(2025, 10, 15)) is versions[1]


def test_draft_amendment_is_not_in_force_for_reports():
    versions = versions_of(plan_with(ADD_TASK).replace('date: "2025-10-15"', 'date: "2025-10"'))
    assert amend.version_at(versions, dt.date(2025, 12, 14)) is versions[0]


def test_amendment_decision_states_each_change_and_compares_both_sides():
    versions = versions_of(plan_with(CHANGE_DEADLINE + ADD_TASK + REMOVE_TARGET))
    context = amendment_context.build(versions, 0, TODAY)
    clauses = context["decision"]["articles"][0]["clauses"]
    assert clauses[0] == "1. Sửa đổi nhiệm vụ số 1 của Danh mục nhiệm vụ: “Ban hành Kế hoạch”."
    assert clauses[1] == "2. Bổ sung nhiệm vụ số 2 của Danh mục nhiệm vụ: “Số hóa hồ sơ”."
    assert clauses[2].startswith("3. Bãi bỏ chỉ tiêu số 1:")
    rows = context["comparison"]["rows"]
    assert rows[0]["before"][-1] == "Thời gian hoàn thành: Tháng 8/2025"
    assert rows[0]["after"][-1] == "Thời gian hoàn thành: 30/11/2025"
    assert rows[1]["before"] == ["Chưa có"] and rows[2]["after"] == ["Bãi bỏ"]
    assert [r["reason"] for r in rows] == ["Lùi thời hạn", "Bổ sung theo chỉ đạo của thành phố", "Không còn phù hợp"]


def test_amendment_decision_quotes_the_original_decisions_trich_yeu_and_ends_with_the_end_mark():
    context = amendment_context.build(versions_of(plan_with(CHANGE_DEADLINE)), 0, TODAY)
    assert context["decision"]["bases"][-1] == (  # decision.title, word for word; not rebuilt from plan.title
        "Căn cứ Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng "
        "ban hành Kế hoạch cải cách hành chính năm 2025."
    )
    articles = context["decision"]["articles"]
    assert [a["label"] for a in articles] == ["Điều 1.", "Điều 2.", "Điều 3.", "Điều 4."]
    assert articles[-1]["text"].endswith("chịu trách nhiệm thi hành Quyết định này./.")
    assert all(not a["text"].endswith("..") for a in articles)
    assert context["document"]["number_line"] == "Số: 52/QĐ-UBND"


def test_consolidated_plan_names_the_issuing_and_amending_decisions():
    context = consolidated.build(versions_of(plan_with(ADD_TASK)), TODAY)
    assert context["plan"]["attached_to"] == (
        "(Kèm theo Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng, "
        "được sửa đổi, bổ sung tại Quyết định số 52/QĐ-UBND ngày 15 tháng 10 năm 2025)"
    )
    assert [r["content"] for r in context["appendix"]["rows"] if r["kind"] == "task"] == [
        "Ban hành Kế hoạch", "Số hóa hồ sơ"]


def test_plan_jobs_keep_the_issued_decision_on_the_original_plan():
    versions = versions_of(plan_with(ADD_TASK))
    jobs = {job.name: job for job in registry.plan_jobs(versions, {}, None, TODAY)}
    assert list(jobs) == ["quyet-dinh", "quyet-dinh-sua-doi-sd01", "ke-hoach-hop-nhat"]
    decision_rows = jobs["quyet-dinh"].context()["appendix"]["rows"]
    assert len([r for r in decision_rows if r["kind"] == "task"]) == 1
    assert jobs["quyet-dinh"].final and jobs["quyet-dinh-sua-doi-sd01"].final
    assert not jobs["ke-hoach-hop-nhat"].final


def test_value_from_an_earlier_amendment_is_named_once_after_a_later_one_moves_its_item():
    """Amendment 1 adds T02 with a bad deadline; amendment 2 removes T01, so T02 moves from tasks[1] to tasks[0]."""
    bad_add = ADD_TASK.replace('deadline: "2025-Q4"', 'deadline: "2026-Q1"')
    remove_t01 = "      - action: remove\n        task: T01\n        reason: Không còn phù hợp\n"
    second = AMENDMENT.replace("amendments:\n", "").replace("{changes}", remove_t01).replace("SD01", "SD02")
    second = second.replace('number: "52"', 'number: "60"').replace("2025-10-15", "2025-11-01")
    problems = problems_of(plan_with(bad_add) + second)
    assert len(problems) == 1
    assert "amendments[0].changes[0].set.deadline (trường plan.tasks[1].deadline" in problems[0]


def test_a_report_on_an_amended_plan_cites_both_decisions_and_gives_each_its_own_task_count():
    versions = versions_of(plan_with(ADD_TASK))
    q4 = ("period: 2025-Q4\nreport: {date: \"2025-12-08\", recipients: [TT Đảng ủy xã]}\n"
          "tasks: [{id: T01, status: hoàn thành, completed: \"2025-08-20\"}]\n")
    period = periods.parse("2025-Q4")
    version = amend.version_at(versions, period.window(reporting_calendar(versions[0]))[1])
    status = validate_status(source.parse(q4, "2025-Q4.yaml"), version, period)
    context = report.build(version, status, period, versions[0])
    assert ("ban hành Kế hoạch cải cách hành chính năm 2025, được sửa đổi, bổ sung tại Quyết định số 52/QĐ-UBND "
            "ngày 15 tháng 10 năm 2025;") in context["report"]["opening"]
    texts = [p["text"] for part in context["report"]["body"] for p in part["paragraphs"]]
    assert ("Ủy ban nhân dân xã Thượng Hồng ban hành Kế hoạch cải cách hành chính năm 2025 kèm theo Quyết định số "
            "39/QĐ-UBND ngày 31/7/2025, gồm 1 nhiệm vụ và 1 chỉ tiêu chủ yếu; Kế hoạch được sửa đổi, bổ sung tại "
            "Quyết định số 52/QĐ-UBND ngày 15/10/2025, nay gồm 2 nhiệm vụ và 1 chỉ tiêu.") in texts


# ---------------------------------------------------------------- one numbering basis

TWO_AREAS = plan_with(
    "      - action: add\n        task: T03\n"
    "        set: {area: direction, content: Tổ chức hội nghị, lead: VHXH, deadline: \"2025-Q4\", product: Hội nghị}\n"
    "        reason: Bổ sung\n"
    "      - action: remove\n        target: CT01\n        reason: Không còn phù hợp\n",
    more="",
).replace(
    "      product: Kế hoạch được ban hành\n",
    "      product: Kế hoạch được ban hành\n"
    "    - {id: T02, area: procedures, content: Rà soát thủ tục, lead: VP, deadline: \"2025-09\", product: Báo cáo}\n",
).replace(
    "      unit: \"%\"\n",
    "      unit: \"%\"\n    - {id: CT02, text: Công khai 100% thủ tục.}\n",
)


def test_existing_tasks_keep_their_numbers_and_an_added_one_continues_after_the_last():
    versions = versions_of(TWO_AREAS)
    rows = consolidated.build(versions, TODAY)["appendix"]["rows"]
    numbered = [(r["number"], r["content"]) for r in rows if r["kind"] == "task"]
    # T03 is filed under its area (I), but takes the next number: T02 stays "nhiệm vụ số 2".
    assert numbered == [("1", "Ban hành Kế hoạch"), ("3", "Tổ chức hội nghị"), ("2", "Rà soát thủ tục")]


def test_article_one_names_every_item_by_the_numbers_of_the_plan_as_issued():
    clauses = amendment_context.build(versions_of(TWO_AREAS), 0, TODAY)["decision"]["articles"][0]["clauses"]
    assert clauses[0] == "1. Bổ sung nhiệm vụ số 3 của Danh mục nhiệm vụ: “Tổ chức hội nghị”."
    assert clauses[1].startswith("2. Bãi bỏ chỉ tiêu số 1:")


def test_a_report_on_the_amended_plan_keeps_the_numbers_of_tasks_and_targets():
    versions = versions_of(TWO_AREAS)
    q4 = "period: 2025-Q4\nreport: {date: \"2025-12-08\", recipients: [TT Đảng ủy xã]}\n"
    period = periods.parse("2025-Q4")
    version = amend.version_at(versions, period.window(reporting_calendar(versions[0]))[1])
    status = validate_status(source.parse(q4, "2025-Q4.yaml"), version, period)
    context = report.build(version, status, period, versions[0])
    rows = [(r["number"], r["content"]) for r in context["appendices"]["tasks"]["rows"] if r["kind"] == "task"]
    assert rows == [("1", "Ban hành Kế hoạch"), ("3", "Tổ chức hội nghị"), ("2", "Rà soát thủ tục")]
    assert [r["number"] for r in context["report"]["targets_table"]["rows"]] == ["2"]  # CT01 removed: CT02 stays 2
