"""Tests for the context of a periodic report (cchc_docs.contexts.report): pure data, no DOCX."""

from __future__ import annotations

import json
import re

from cchc_docs.contexts import report, report_figures
from cchc_docs.model import periods, source, validate
from cchc_docs.model.validate_status import validate as validate_status

PLAN = """\
issuing_body:
  name: Ủy ban nhân dân xã An Bình
  header: [ỦY BAN NHÂN DÂN, XÃ AN BÌNH]
  abbreviation: UBND
  place: An Bình
units:
  - {code: VHXH, name: Phòng Văn hóa - Xã hội, short_name: Phòng VHXH}
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
    - {id: CT02, text: Cải thiện Chỉ số cải cách hành chính.}
  tasks:
    - {id: T01, area: direction, content: Ban hành kế hoạch, lead: VHXH, deadline: "2025-08", product: Kế hoạch}
    - {id: T02, area: procedures, content: Rà soát thủ tục nội bộ, lead: VP, deadline: "2025-08-31", product: Báo cáo}
    - {id: T03, area: procedures, content: Giải quyết hồ sơ đúng hạn, lead: VP, deadline: thường xuyên, product: Hồ sơ}
    - {id: T04, area: digital_government, content: Ký số văn bản, lead: VHXH, deadline: "2025-Q4", product: Văn bản}
"""

Q3 = """\
period: 2025-Q3
report:
  number: "52"
  date: "2025-09-08"
  addressees: [Sở Nội vụ thành phố Hải Phòng]
  recipients: [TT Đảng ủy xã]
tasks:
  - {id: T01, status: hoàn thành, completed: "2025-08-05", result: Đã ban hành, evidence: [Kế hoạch số 45/KH-UBND]}
  - {id: T02, status: đang thực hiện}
  - {id: T03, status: đang thực hiện}
indicators:
  satisfaction: {evaluations: "200", satisfied: "193"}
narrative:
  strengths: [Hoàn thành kế hoạch đúng hạn.]
  proposals: [Đề nghị Sở Nội vụ tổ chức tập huấn.]
"""


def plan_file(plan: str = PLAN):
    return validate.validate(source.parse(plan, "ke-hoach.yaml"))


def context(text: str = Q3, code: str = "2025-Q3", plan: str = PLAN) -> dict:
    period = periods.parse(code)
    the_plan = plan_file(plan)
    status = validate_status(source.parse(text, f"{code}.yaml"), the_plan, period)
    return report.build(the_plan, status, period)


def body_texts(ctx: dict) -> list[str]:
    return [p["lead"] + p["text"] for part in ctx["report"]["body"] for p in part["paragraphs"]]


def headings(ctx: dict, kind: str) -> list[str]:
    return [p["lead"] + p["text"] for part in ctx["report"]["body"] for p in part["paragraphs"] if p["kind"] == kind]


# ---------------------------------------------------------------- header, title, opening


def test_a_numbered_report_carries_its_number_with_the_bc_type_code():
    ctx = context()
    assert ctx["document"]["number_line"] == "Số: 52/BC-UBND"
    assert ctx["document"]["place_date"] == "An Bình, ngày 08 tháng 9 năm 2025"
    assert ctx["document"]["final"] is True


def test_a_draft_leaves_the_number_and_day_blank():
    ctx = context(Q3.replace('  number: "52"\n', "").replace('"2025-09-08"', '"2025-09"'))
    assert ctx["document"]["number_line"] == "Số:      /BC-UBND"
    assert ctx["document"]["place_date"] == "An Bình, ngày      tháng 9 năm 2025"
    assert ctx["document"]["final"] is False


def test_the_title_names_the_period():
    assert context()["report"]["title"] == "Kết quả thực hiện công tác cải cách hành chính quý III năm 2025"
    year = Q3.replace("2025-Q3", "2025-Y").replace("2025-09-08", "2025-12-08")
    assert context(year, "2025-Y")["report"]["title"] == "Kết quả thực hiện công tác cải cách hành chính năm 2025"


def test_the_opening_cites_the_decision_and_the_window_clipped_to_the_plans_start():
    """The Q3 window opens on 15/6, but the plan only started on 01/7: no figures from before it existed."""
    assert context()["report"]["opening"] == (
        "Thực hiện Quyết định số 12/QĐ-UBND ngày 15 tháng 7 năm 2025 của Ủy ban nhân dân xã An Bình ban hành "
        "Kế hoạch cải cách hành chính 6 tháng cuối năm 2025; Ủy ban nhân dân xã An Bình báo cáo kết quả thực hiện "
        "công tác cải cách hành chính quý III năm 2025 (số liệu từ ngày 01/7/2025, ngày bắt đầu thực hiện Kế hoạch, "
        "đến ngày 14/9/2025; số liệu từ ngày 09/9/2025 đến ngày 14/9/2025 là số ước thực hiện) như sau:"
    )


def test_a_report_signed_before_its_cut_off_marks_its_figures_as_estimates_everywhere():
    ctx = context()
    assert ctx["report"]["areas_table"]["caption"].endswith("(ước thực hiện đến ngày 14/9/2025)")
    assert ctx["appendices"]["stats"]["caption"].endswith(", ước thực hiện từ ngày 09/9/2025)")
    assert any(t.startswith("Ước thực hiện đến ngày 14/9/2025, ") for t in body_texts(ctx))


def test_a_report_signed_after_the_cut_off_has_no_estimated_figures():
    opening = context(Q3.replace("2025-09-08", "2025-09-15"))["report"]["opening"]
    assert opening.endswith("(số liệu từ ngày 01/7/2025, ngày bắt đầu thực hiện Kế hoạch, đến ngày 14/9/2025) như sau:")


def test_the_request_of_the_upper_level_joins_the_basis():
    text = Q3.replace("  recipients:", "  request: Công văn số 15/SNV-CCHC ngày 20/8/2025 của Sở Nội vụ\n  recipients:")
    assert "; thực hiện Công văn số 15/SNV-CCHC ngày 20/8/2025 của Sở Nội vụ; Ủy ban nhân dân xã An Bình báo cáo" \
        in context(text)["report"]["opening"]


# ---------------------------------------------------------------- Kính gửi and Nơi nhận


def test_a_report_sent_upward_has_kinh_gui_and_nhu_tren_first():
    ctx = context()["report"]
    assert ctx["addressees"] == ["Sở Nội vụ thành phố Hải Phòng"]
    assert ctx["recipients"] == ["- Như trên;", "- TT Đảng ủy xã;", "- Lưu: VT, VHXH."]


def test_several_addressees_are_dashed_and_the_last_ends_with_a_full_stop():
    text = Q3.replace("[Sở Nội vụ thành phố Hải Phòng]", "[Sở Nội vụ, Sở Tài chính]")
    assert context(text)["report"]["addressees"] == ["- Sở Nội vụ;", "- Sở Tài chính."]


def test_without_kinh_gui_the_recipients_do_not_open_with_nhu_tren():
    ctx = context(Q3.replace("  addressees: [Sở Nội vụ thành phố Hải Phòng]\n", ""))["report"]
    assert ctx["addressees"] == []
    assert ctx["recipients"] == ["- TT Đảng ủy xã;", "- Lưu: VT, VHXH."]


def test_the_signer_defaults_to_the_plans_signer():
    assert context()["report"]["signer"] == {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Nguyễn Văn An"}


def test_a_deputy_can_sign_the_report():
    text = Q3.replace("  recipients:", "  signer: {on_behalf_of: ỦY BAN NHÂN DÂN, prefix: KT., for_title: CHỦ TỊCH, "
                      "title: PHÓ CHỦ TỊCH, name: Lê Thị Bình}\n  recipients:")
    assert context(text)["report"]["signer"]["lines"] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


# ---------------------------------------------------------------- the outline


def test_the_sections_follow_the_reporting_outline_in_order():
    assert headings(context(), "section") == [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH",
        "III. ĐÁNH GIÁ CHUNG",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2025",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]


def test_section_two_has_the_six_reform_areas():
    ctx = context()
    texts = body_texts(ctx)
    second = texts[texts.index("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"):
                   texts.index("III. ĐÁNH GIÁ CHUNG")]
    assert [t for t in second if re.match(r"\d\. ", t)] == [
        "1. Cải cách thể chế",
        "2. Cải cách thủ tục hành chính",
        "3. Cải cách tổ chức bộ máy hành chính nhà nước",
        "4. Cải cách chế độ công vụ",
        "5. Cải cách tài chính công",
        "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    ]


def test_parts_without_content_are_left_out_and_numbers_close_up():
    texts = body_texts(context())
    third = texts[texts.index("III. ĐÁNH GIÁ CHUNG"):
                  texts.index("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2025")]
    assert [t for t in third if re.match(r"\d\. ", t)] == ["1. Ưu điểm", "2. Tồn tại, hạn chế"]


def test_without_proposals_the_report_ends_at_section_four():
    ctx = context(Q3.replace("  proposals: [Đề nghị Sở Nội vụ tổ chức tập huấn.]\n", ""))
    assert headings(ctx, "section")[-1].startswith("IV. ")


def test_the_body_ends_with_the_end_mark_once():
    texts = body_texts(context())
    assert texts[-1] == "Đề nghị Sở Nội vụ tổ chức tập huấn./."
    assert sum(t.endswith("./.") for t in texts) == 1


def test_the_plan_paragraph_states_the_completion_rate_with_its_parts():
    texts = body_texts(context())
    assert ("Ước thực hiện đến ngày 14/9/2025, đã hoàn thành 1 nhiệm vụ có thời hạn, đạt 33,3% (1/3), đều đúng hạn; "
            "quá hạn chưa hoàn thành 1 nhiệm vụ; chưa đến hạn 1 nhiệm vụ; 1 nhiệm vụ thực hiện thường xuyên đã triển "
            "khai, thực hiện (Bảng 1; chi tiết tại Phụ lục I).") in texts


def test_an_overdue_task_is_named_in_its_area_and_in_the_next_period():
    texts = body_texts(context())
    label = "Rà soát thủ tục nội bộ (Văn phòng HĐND và UBND xã, hạn 31/8/2025)"
    assert f"+ Quá hạn chưa hoàn thành: {label}." in texts
    assert f"+ {label};" in texts or f"+ {label}." in texts
    assert "- Còn 1 nhiệm vụ của Kế hoạch quá hạn chưa hoàn thành (chi tiết tại Phụ lục I)." in texts


def test_satisfaction_figures_are_written_with_numerator_and_denominator():
    assert ("Tiếp nhận 200 lượt đánh giá việc giải quyết thủ tục hành chính, trong đó 193 lượt hài lòng, rất hài "
            "lòng, đạt 96,5% (193/200).") in body_texts(context())


def test_the_areas_table_follows_the_plan_paragraphs():
    parts = context()["report"]["body"]
    assert [p["table"] for p in parts] == ["areas", "targets", None]
    assert parts[0]["paragraphs"][-1]["text"].startswith("Trong kỳ báo cáo, hoàn thành 1 nhiệm vụ")


# ---------------------------------------------------------------- tables


def test_the_total_row_of_the_areas_table_is_the_sum_of_its_rows():
    table = context()["report"]["areas_table"]
    assert [r["name"] for r in table["rows"]] == [
        "Công tác chỉ đạo, điều hành", "Cải cách thủ tục hành chính",
        "Xây dựng và phát triển chính quyền điện tử, chính quyền số"]
    for key in ("total", *report_figures.CATEGORIES):
        assert sum(int(r[key]) for r in table["rows"]) == int(table["total"][key])
    assert table["total"]["total"] == "4"


def test_the_units_table_lists_lead_units_in_plan_order_with_rates():
    units = context()["appendices"]["stats"]["units"]
    assert [(r["name"], r["total"], r["rate"]) for r in units["rows"]] == [
        ("Phòng VHXH", "2", "50,0% (1/2)"), ("Văn phòng HĐND và UBND xã", "2", "0,0% (0/1)")]
    assert units["total"]["rate"] == "33,3% (1/3)"  # one number of decimals down the column


def test_every_report_compares_the_targets_and_only_the_last_says_a_target_was_missed():
    q3 = context(Q3.replace('satisfied: "193"', 'satisfied: "170"'))["report"]["targets_table"]["rows"]
    assert [(r["achieved"], r["verdict"]) for r in q3] == [("85% (170/200)", "Chưa đạt"), ("-", "Chưa đánh giá")]
    year = Q3.replace("2025-Q3", "2025-Y").replace("2025-09-08", "2025-12-08")
    ctx = context(year, "2025-Y")
    assert ctx["report"]["targets_table"]["rows"] == [
        {"number": "1", "text": "Mức độ hài lòng đạt 90% trở lên.", "required": "≥ 90%",
         "achieved": "96,5% (193/200)", "verdict": "Đạt"},
        {"number": "2", "text": "Cải thiện Chỉ số cải cách hành chính.", "required": "-", "achieved": "-",
         "verdict": "Chưa đánh giá"},
    ]
    assert [p["table"] for p in ctx["report"]["body"]] == ["areas", "targets", None]


def test_a_quarter_ending_with_the_plan_is_not_the_closing_report():
    q4 = Q3.replace("2025-Q3", "2025-Q4").replace("2025-09-08", "2025-12-08").replace('"193"', '"100"')
    assert context(q4, "2025-Q4")["report"]["targets_table"]["rows"][0]["verdict"] == "Chưa đạt"


def test_a_share_just_below_a_threshold_never_prints_as_the_threshold():
    year = Q3.replace("2025-Q3", "2025-Y").replace("2025-09-08", "2025-12-08")
    year = year.replace('evaluations: "200", satisfied: "193"', 'evaluations: "2000", satisfied: "1799"')
    (row, _) = context(year, "2025-Y")["report"]["targets_table"]["rows"]
    assert (row["achieved"], row["verdict"]) == ("89,95% (1.799/2.000)", "Không đạt")


def test_task_rows_show_status_completion_and_evidence():
    rows = context()["appendices"]["tasks"]["rows"]
    assert rows[0] == {"kind": "area", "number": "I", "text": "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"}
    assert rows[1] == {"kind": "task", "number": "1", "content": "Ban hành kế hoạch", "lead": "Phòng VHXH",
                       "deadline": "Tháng 8/2025", "status": "Hoàn thành đúng hạn", "completed": "05/8/2025",
                       "result": "Đã ban hành. Văn bản: Kế hoạch số 45/KH-UBND"}
    assert [r["status"] for r in rows if r["kind"] == "task"] == [
        "Hoàn thành đúng hạn", "Quá hạn chưa hoàn thành", "Đã triển khai, thực hiện thường xuyên", "Chưa đến hạn"]


def test_a_task_left_over_from_an_earlier_period_is_marked_carried_over():
    q4 = Q3.replace("2025-Q3", "2025-Q4").replace("2025-09-08", "2025-12-08").replace(
        "{id: T02, status: đang thực hiện}", '{id: T02, status: hoàn thành, completed: "2025-09-20"}')
    rows = context(q4, "2025-Q4")["appendices"]["tasks"]["rows"]
    (late,) = [r for r in rows if r.get("content") == "Rà soát thủ tục nội bộ"]
    assert late["status"] == "Hoàn thành quá hạn (kỳ trước chuyển sang)"
    assert "có 1 nhiệm vụ kỳ trước chuyển sang, trong đó đã hoàn thành 1 nhiệm vụ" in " ".join(
        body_texts(context(q4, "2025-Q4")))


def test_statistics_rows_appear_only_for_the_counts_given():
    rows = context()["appendices"]["stats"]["rows"]
    assert rows == [
        {"kind": "group", "number": "I", "text": "Mức độ hài lòng", "unit": "", "value": "", "share": ""},
        {"kind": "item", "number": "1", "text": "Lượt đánh giá của người dân, doanh nghiệp", "unit": "lượt",
         "value": "200", "share": ""},
        {"kind": "item", "number": "2", "text": "Lượt đánh giá hài lòng, rất hài lòng", "unit": "lượt",
         "value": "193", "share": "96,5% (193/200)"},
    ]


def test_appendices_are_numbered_and_point_to_the_report():
    apps = context()["appendices"]
    assert (apps["tasks"]["label"], apps["stats"]["label"]) == ("Phụ lục I", "Phụ lục II")
    assert apps["tasks"]["attached_to"] == \
        "(Kèm theo Báo cáo số 52/BC-UBND ngày 08 tháng 9 năm 2025 của Ủy ban nhân dân xã An Bình)"


# ---------------------------------------------------------------- determinism


def test_the_context_is_plain_data_and_deterministic():
    first, second = context(), context()
    assert (json.dumps(first, ensure_ascii=False, sort_keys=True)
            == json.dumps(second, ensure_ascii=False, sort_keys=True))
    assert set(first["rule_indents"]) == {"RuleBody", "RuleMotto", "RuleTitle", "RuleAppendix", "RuleAppendix2"}


def test_an_area_with_nothing_to_report_says_so():
    texts = body_texts(context())
    assert texts[texts.index("1. Cải cách thể chế") + 1] == "Trong kỳ không có nhiệm vụ, số liệu thuộc lĩnh vực này."


def test_a_draft_keeps_the_blank_for_its_number_where_it_is_cited():
    ctx = context(Q3.replace('  number: "52"\n', ""))
    assert ctx["appendices"]["tasks"]["attached_to"] == \
        "(Kèm theo Báo cáo số      /BC-UBND ngày 08 tháng 9 năm 2025 của Ủy ban nhân dân xã An Bình)"


def test_a_draft_plan_decision_is_cited_with_its_blank_number():
    text = PLAN.replace('  number: "12"\n', "")
    the_plan = validate.validate(source.parse(text, "ke-hoach.yaml"))
    status = validate_status(source.parse(Q3, "2025-Q3.yaml"), the_plan, periods.parse("2025-Q3"))
    opening = report.build(the_plan, status, periods.parse("2025-Q3"))["report"]["opening"]
    assert opening.startswith("Thực hiện Quyết định số      /QĐ-UBND ngày 15 tháng 7 năm 2025 của")


def test_the_window_starts_no_earlier_than_the_day_the_issuing_body_began():
    """A commune formed on 01/8/2025 (after the 2025 merger) reports no figures from before it existed."""
    plan = PLAN.replace("  place: An Bình\n", "  place: An Bình\n  established: \"2025-08-01\"\n")
    opening = context(plan=plan)["report"]["opening"]
    assert ("(số liệu từ ngày 01/8/2025, ngày Ủy ban nhân dân xã An Bình bắt đầu hoạt động, đến ngày 14/9/2025;"
            in opening)
