"""Checks across a plan's documents: each inconsistency is located at the value to fix."""

from __future__ import annotations

import pytest
from helpers import MINIMAL_PLAN, edited, plan_with, write_plan

from cchc_docs.errors import DataError
from cchc_docs.model import load

Q3 = """\
period: 2025-Q3
report: {number: "52", date: "2025-09-08", recipients: [TT Đảng ủy xã]}
tasks: [{id: T01, status: đang thực hiện}]
"""
Q4 = """\
period: 2025-Q4
report: {number: "60", date: "2025-12-08", recipients: [TT Đảng ủy xã]}
tasks: [{id: T01, status: hoàn thành, completed: "2025-10-20"}]
"""


def folder(tmp_path, plan: str = MINIMAL_PLAN, **statuses: str):
    path = write_plan(tmp_path, plan)
    reports = tmp_path / "plan" / "bao-cao"
    reports.mkdir(parents=True)
    for code, text in statuses.items():
        (reports / f"{code.replace('_', '-')}.yaml").write_text(text, encoding="utf-8")
    return path


def problems(path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load.load_all(path)
    return [str(p) for p in caught.value.problems]


def test_a_decision_signed_before_a_cau_cu_it_cites_is_an_error(tmp_path):
    plan = edited(MINIMAL_PLAN, "Luật Tổ chức chính quyền địa phương ngày 16/6/2025",
                  "Nghị quyết số 12/NQ-HĐND ngày 05 tháng 8 năm 2025 của Hội đồng nhân dân xã")
    assert problems(folder(tmp_path, plan)) == [
        f"{tmp_path / 'plan.yaml'}:18:7: decision.legal_bases[0]: văn bản được dẫn ký sau Quyết định "
        "(cần ngày ký không sau 31/7/2025 (ngày của Quyết định), nhận được 05/8/2025)"]


def test_same_as_an_article_that_is_not_the_executing_one_is_an_error(tmp_path):
    plan = edited(MINIMAL_PLAN, "- Như Điều 3", "- Như Điều 5")
    assert problems(folder(tmp_path, plan)) == [
        f"{tmp_path / 'plan.yaml'}:26:7: decision.recipients[0]: 'Như Điều 5' không phải Điều thi hành "
        "(cần 'Như Điều 3' (Quyết định có 3 Điều, Điều cuối là Điều thi hành), nhận được 'Như Điều 5')"]


def test_one_number_used_twice_in_a_year_across_the_plans_documents_is_an_error(tmp_path):
    change = "      - action: remove\n        target: CT01\n        reason: Không còn phù hợp\n"
    plan = plan_with(change).replace('number: "52"', 'number: "39"')
    (found,) = problems(folder(tmp_path, plan))
    assert found.startswith(f"{tmp_path / 'plan.yaml'}:65:15: amendments[0].decision.number: số/ký hiệu 39/QĐ đã "
                            f"dùng cho {tmp_path / 'plan.yaml'}:13 trong năm 2025")


def test_a_report_number_reused_by_the_next_report_is_an_error(tmp_path):
    (found,) = problems(folder(tmp_path, **{"2025_Q3": Q3, "2025_Q4": Q4.replace('"60"', '"52"')}))
    assert "report.number: số/ký hiệu 52/BC đã dùng cho" in found


def test_a_later_report_may_not_date_a_completion_before_an_earlier_report_said_unfinished(tmp_path):
    q4 = Q4.replace("2025-10-20", "2025-08-20")
    (found,) = problems(folder(tmp_path, **{"2025_Q3": Q3, "2025_Q4": q4}))
    assert found == (f"{tmp_path / 'plan' / 'bao-cao' / '2025-Q4.yaml'}:3:50: tasks[0].completed: ngày hoàn thành "
                     "của T01 rơi vào trước ngày 08/9/2025, nhưng báo cáo quý III năm 2025 ghi nhiệm vụ này chưa "
                     "hoàn thành (cần sau ngày 08/9/2025, hoặc sửa báo cáo quý III năm 2025, nhận được 20/8/2025)")


def test_a_completion_after_the_earlier_report_was_signed_is_consistent(tmp_path):
    q4 = Q4.replace("2025-10-20", "2025-09-10")  # after Q3 was signed (08/9), before its cut-off (14/9)
    assert load.load_all(folder(tmp_path, **{"2025_Q3": Q3, "2025_Q4": q4})).statuses


def test_a_report_signed_after_its_due_day_is_a_warning_not_an_error(tmp_path):
    loaded = load.load_all(folder(tmp_path, **{"2025_Q3": Q3.replace("2025-09-08", "2025-09-12")}))
    assert [str(w) for w in loaded.warnings] == [
        f"{tmp_path / 'plan' / 'bao-cao' / '2025-Q3.yaml'}:2:30: report.date: cảnh báo: báo cáo ký sau hạn gửi "
        "(trước ngày 10/9/2025) (nhận được 12/9/2025)"]


def test_validate_and_build_say_the_warning_and_still_succeed(tmp_path):
    from click.testing import CliRunner

    from cchc_docs.cli.app import main

    plan = folder(tmp_path, **{"2025_Q3": Q3.replace("2025-09-08", "2025-09-12")})
    for args in (["validate", str(plan)], ["build", str(plan), "-o", str(tmp_path / "out")]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
        assert "report.date: cảnh báo: báo cáo ký sau hạn gửi (trước ngày 10/9/2025)" in result.stderr
