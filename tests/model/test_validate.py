"""Tests for cchc_docs.validate: every problem located, worded exactly, and all at once.

Each case is the small valid plan from helpers (MINIMAL_PLAN) with one edit; the
``line:col`` in the expected messages refer to that text.
"""

from __future__ import annotations

import pytest
from helpers import MINIMAL_PLAN, edited, parse_plan

from cchc_docs.errors import DataError
from cchc_docs.model import validate


def problems(text: str) -> list[str]:
    """The lines of the DataError raised for ``text`` (fails if it validates)."""
    with pytest.raises(DataError) as e:
        parse_plan(text)
    assert str(e.value) == "\n".join(str(p) for p in e.value.problems)
    return str(e.value).split("\n")


def problems_after(old: str, new: str) -> list[str]:
    return problems(edited(MINIMAL_PLAN, old, new))


def test_minimal_plan_is_valid():
    plan_file = parse_plan(MINIMAL_PLAN)
    assert [t.id for t in plan_file.plan.tasks] == ["T01"]


# --- names --------------------------------------------------------------------------------


def test_misspelt_key_is_located_at_the_key_and_suggests_the_near_name():
    assert problems_after("    short_name: Phòng VHXH", "    shortname: Phòng VHXH") == [
        "plan.yaml:9:5: units[0].shortname: trường không được hỗ trợ 'shortname' "
        "(cần một trong code, name, short_name); có phải ý bạn là 'short_name'?"
    ]


def test_misspelt_required_key_reports_the_missing_field_and_the_unknown_key():
    assert problems_after("    name: Nguyễn Văn An", "    nmae: Nguyễn Văn An") == [
        "plan.yaml:30:5: decision.signer: thiếu trường bắt buộc 'name' "
        "(cần Họ và tên người ký, không kèm học hàm, học vị)",
        "plan.yaml:32:5: decision.signer.nmae: trường không được hỗ trợ 'nmae' "
        "(cần một trong title, name, on_behalf_of, prefix, for_title); có phải ý bạn là 'name'?",
    ]


def test_unknown_unit_code_lists_the_codes_and_suggests_the_near_one():
    assert problems_after("archive: [VHXH]", "archive: [VHX]") == [
        "plan.yaml:28:13: decision.archive[0]: không có đơn vị mã 'VHX' trong danh sách units "
        "(cần một mã trong units: VHXH, VP, nhận được 'VHX'); có phải ý bạn là 'VHXH'?"
    ]


def test_unknown_lead_unit_of_a_task_is_reported():
    assert problems_after("lead: VHXH", "lead: VHHX") == [
        "plan.yaml:58:13: plan.tasks[0].lead: không có đơn vị mã 'VHHX' trong danh sách units "
        "(cần một mã trong units: VHXH, VP, nhận được 'VHHX'); có phải ý bạn là 'VHXH'?"
    ]


def test_misspelt_choice_suggests_the_allowed_value():
    assert problems_after("area: direction", "area: directoin") == [
        "plan.yaml:56:13: plan.tasks[0].area: giá trị không hợp lệ (cần một trong 'direction', "
        "'institutions', 'procedures', 'organisation', 'civil_service', 'public_finance', "
        "'digital_government', nhận được 'directoin'); có phải ý bạn là 'direction'?"
    ]


# --- scalar values --------------------------------------------------------------------------


def test_impossible_date_says_how_many_days_the_month_has():
    assert problems_after('date: "2025-07-31"', "date: 2025-02-30") == [
        "plan.yaml:14:9: decision.date: ngày không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày "
        "(cần ngày từ 01 đến 28, nhận được '2025-02-30')"
    ]


def test_date_in_another_format_is_rejected_with_the_expected_forms():
    assert problems_after('date: "2025-07-31"', "date: 31/7/2025") == [
        "plan.yaml:14:9: decision.date: ngày ký không đúng dạng (cần ngày ký dạng YYYY-MM-DD, "
        "hoặc YYYY-MM khi chưa biết ngày (bản dự thảo), nhận được '31/7/2025')"
    ]


def test_zero_padded_decision_number_is_accepted_as_five():
    plan_file = parse_plan(edited(MINIMAL_PLAN, 'number: "39"', "number: 05"))
    assert plan_file.decision.number == 5


def test_decision_number_with_its_symbol_is_rejected_with_a_hint():
    assert problems_after('number: "39"', "number: 39/QĐ-UBND") == [
        "plan.yaml:13:11: decision.number: chỉ ghi số thứ tự (cần số thứ tự của văn bản, "
        "ví dụ '39' hoặc '05', nhận được '39/QĐ-UBND'); ký hiệu (như /QĐ-UBND) do chương trình tự tạo"
    ]


def test_recipient_no_is_kept_as_the_text_no():
    plan_file = parse_plan(edited(MINIMAL_PLAN, "    - Sở Nội vụ", "    - no"))
    assert plan_file.decision.recipients == ("Như Điều 3", "no")


def test_missing_required_field_names_the_field_and_its_meaning():
    assert problems_after("  title: Ban hành Kế hoạch cải cách hành chính năm 2025\n", "") == [
        "plan.yaml:13:3: decision: thiếu trường bắt buộc 'title' (cần Trích yếu, không có dấu chấm cuối)"
    ]


def test_list_where_text_is_expected_is_a_type_problem():
    assert problems_after("  authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", "  authority: [ỦY BAN NHÂN DÂN]") == [
        "plan.yaml:16:14: decision.authority: sai kiểu dữ liệu (cần một đoạn văn bản, nhận được một danh sách)"
    ]


def test_empty_file_is_reported_with_its_name():
    assert problems("# chỉ có chú thích\n") == [
        "plan.yaml:1:1: tệp không có nội dung (cần các trường issuing_body, units, decision, plan)"
    ]


# --- rules between fields -------------------------------------------------------------------


def test_deadline_outside_the_plan_period_is_reported_with_the_period():
    assert problems_after('deadline: "2025-08"', 'deadline: "2026-01"') == [
        "plan.yaml:60:17: plan.tasks[0].deadline: thời hạn nằm ngoài thời gian thực hiện kế hoạch "
        "(cần từ 01/7/2025 đến 31/12/2025, nhận được Tháng 01/2026)"
    ]


def test_quarter_deadline_before_the_plan_is_reported():
    assert problems_after('deadline: "2025-08"', 'deadline: "2025-Q2"') == [
        "plan.yaml:60:17: plan.tasks[0].deadline: thời hạn nằm ngoài thời gian thực hiện kế hoạch "
        "(cần từ 01/7/2025 đến 31/12/2025, nhận được Quý II/2025)"
    ]


def test_duplicate_task_id_is_reported_at_the_second_task():
    second = """\
    - id: T01
      area: procedures
      content: Rà soát thủ tục hành chính
      lead: VP
      deadline: thường xuyên
      product: Báo cáo rà soát
"""
    assert problems(MINIMAL_PLAN + second) == [
        "plan.yaml:62:11: plan.tasks[1].id: mã nhiệm vụ 'T01' bị trùng; lần đầu ở mục thứ 1"
    ]


def test_signer_prefix_without_its_dot_is_rejected():
    signer = "    title: PHÓ CHỦ TỊCH\n    prefix: KT\n    for_title: CHỦ TỊCH\n"
    assert problems_after("    title: CHỦ TỊCH\n", signer) == [
        "plan.yaml:32:13: decision.signer.prefix: giá trị không hợp lệ "
        "(cần một trong 'KT.', 'Q.', 'TL.', 'TUQ.', nhận được 'KT'); có phải ý bạn là 'KT.'?"
    ]


def test_signing_for_someone_needs_their_title():
    assert problems_after("    title: CHỦ TỊCH\n", "    title: PHÓ CHỦ TỊCH\n    prefix: KT.\n") == [
        "plan.yaml:30:5: decision.signer.for_title: ký 'KT.' cần chức vụ của người được ký thay "
        "(cần ví dụ 'CHỦ TỊCH')"
    ]


def test_lowercase_header_line_must_be_uppercase():
    assert problems_after("header: [ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]", "header: [ỦY BAN NHÂN DÂN, Xã Thượng Hồng]") == [
        "plan.yaml:3:29: issuing_body.header[1]: phải viết CHỮ IN HOA "
        "(cần 'XÃ THƯỢNG HỒNG', nhận được 'Xã Thượng Hồng')"
    ]


def test_legal_basis_written_with_can_cu_is_rejected():
    assert problems_after("    - Luật Tổ chức", "    - Căn cứ Luật Tổ chức") == [
        "plan.yaml:18:7: decision.legal_bases[0]: không ghi chữ 'Căn cứ' đầu dòng "
        "(nhận được 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025'); chương trình tự thêm 'Căn cứ'"
    ]


def test_article_written_with_its_number_is_rejected():
    assert problems_after("    - Quyết định có hiệu lực", "    - Điều 2. Quyết định có hiệu lực") == [
        "plan.yaml:23:7: decision.articles[1]: không ghi 'Điều N.' đầu nội dung "
        "(nhận được 'Điều 2. Quyết định có hiệu lực kể từ ngày ký.'); chương trình tự đánh số Điều"
    ]


def test_luu_line_in_recipients_is_rejected():
    assert problems_after("    - Sở Nội vụ\n", "    - Sở Nội vụ\n    - Lưu VT, VHXH\n") == [
        "plan.yaml:28:7: decision.recipients[2]: dòng 'Lưu' không ghi trong recipients "
        "(nhận được 'Lưu VT, VHXH'); ghi mã đơn vị soạn thảo ở trường archive"
    ]


def test_recipient_written_with_its_dash_is_rejected():
    # Otherwise the Nơi nhận line would read "- - Sở Nội vụ;".
    assert problems_after("    - Sở Nội vụ\n", "    - '- Sở Nội vụ;'\n") == [
        "plan.yaml:27:7: decision.recipients[1]: không ghi dấu '-' đầu dòng "
        "(nhận được '- Sở Nội vụ;'); chương trình tự thêm '-' đầu dòng và ';' cuối dòng"
    ]


def test_target_value_missing_from_its_text_is_reported():
    assert problems_after('value: "100"', 'value: "90"') == [
        "plan.yaml:52:14: plan.targets[0].value: giá trị không khớp với câu chỉ tiêu "
        "(cần câu chỉ tiêu có '90%', nhận được 'Hoàn thành 100% nhiệm vụ được giao.'); "
        "sửa cả value và text khi thay đổi chỉ tiêu"
    ]


def test_targets_must_be_included_in_the_plan_text():
    assert problems_after("        - include: targets\n", "        - Chưa có chỉ tiêu.\n") == [
        "plan.yaml:38:5: plan.sections: danh sách chỉ tiêu phải được in đúng một lần "
        "(cần một mục '- include: targets', nhận được 0 lần)"
    ]


def test_heading_with_a_trailing_colon_is_rejected():
    assert problems_after("- heading: Mục đích", "- heading: 'Mục đích:'") == [
        "plan.yaml:40:20: plan.sections[0].body[0].heading: tiêu đề không có dấu ':' cuối (nhận được 'Mục đích:')"
    ]


def test_numbering_written_in_plan_text_is_rejected():
    assert problems_after("- bullet: Nâng cao chất lượng phục vụ.", "- bullet: '- Nâng cao chất lượng phục vụ.'") == [
        "plan.yaml:42:15: plan.sections[0].body[0].body[0]: không ghi số thứ tự hoặc dấu đầu dòng trong nội dung "
        "(nhận được '- Nâng cao chất lượng phục vụ.'); số thứ tự và dấu '-', '+' do chương trình tạo"
    ]


# --- all at once ----------------------------------------------------------------------------


def test_every_problem_is_reported_at_once_sorted_by_line():
    text = MINIMAL_PLAN
    for old, new in [
        ('deadline: "2025-08"', 'deadline: "2026-01"'),  # line 61 (after the inserted line)
        ('value: "100"', 'value: "90"'),  # line 53
        ("    - Như Điều 3\n", "    - Như Điều 3\n    - Lưu VT\n"),  # line 27
        ('date: "2025-07-31"', 'date: "2025-02-30"'),  # line 14, found first (schema pass)
        ("header: [ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]", "header: [ỦY BAN NHÂN DÂN, Xã Thượng Hồng]"),  # line 3
    ]:
        text = edited(text, old, new)
    found = problems(text)
    assert len(found) == 5
    assert [line.split(":")[1] for line in found] == ["3", "14", "27", "53", "61"]
    assert [line.split(": ")[1] for line in found] == [
        "issuing_body.header[1]",
        "decision.date",
        "decision.recipients[1]",
        "plan.targets[0].value",
        "plan.tasks[0].deadline",
    ]


def test_a_rule_that_breaks_on_valid_data_is_not_silenced(monkeypatch):
    def broken(self):
        raise AttributeError("a bug in a rule")

    monkeypatch.setattr(validate._Rules, "tasks", broken)
    with pytest.raises(AttributeError, match="a bug in a rule"):
        parse_plan(MINIMAL_PLAN)


def test_a_rule_tripping_over_a_value_the_schema_refused_adds_nothing(monkeypatch):
    def broken(self):
        raise AttributeError("reads the refused value")

    monkeypatch.setattr(validate._Rules, "tasks", broken)
    with pytest.raises(DataError) as caught:
        parse_plan(edited(MINIMAL_PLAN, '  date: "2025-07-31"', '  date: "2025-02-30"'))
    assert caught.value.problems
