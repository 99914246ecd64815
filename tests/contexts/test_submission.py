"""Issue 14.16: the Tờ trình that proposes the plan (to-trinh.docx), generated from the plan file."""

from __future__ import annotations

import pytest
from helpers import MINIMAL_PLAN, TEMPLATES, TODAY, edited, open_docx, parse_plan, stand_alone, texts, write_plan

from cchc_docs import checks
from cchc_docs.contexts import decision, registry, submission
from cchc_docs.errors import DataError
from cchc_docs.model.load import load_all
from cchc_docs.model.periods import Calendar
from cchc_docs.render import engine

SUBMISSION = """\
submission:
  number: "25"
  date: "2025-07-30"
  unit: VHXH
  signer: {prefix: KT., for_title: TRƯỞNG PHÒNG, title: PHÓ TRƯỞNG PHÒNG, name: Lê Thị Mai}
  recipients: ["CT, các PCT UBND xã"]
"""
# The decision leaves "Theo đề nghị của" to the Tờ trình.
PLAN = edited(MINIMAL_PLAN, "  proposal: Trưởng phòng Văn hóa - Xã hội\n", "") + SUBMISSION


def context(text: str = PLAN) -> dict:
    return submission.build(parse_plan(text), TODAY)


def test_the_tờ_trình_is_the_units_document_under_its_peoples_committee():
    c = context()
    assert c["header"] == {"governing_body": "UBND XÃ THƯỢNG HỒNG", "body_lines": ["PHÒNG VĂN HÓA - XÃ HỘI"]}
    assert c["document"] == {"number_line": "Số: 25/TTr-VHXH", "place_date": "Thượng Hồng, ngày 30 tháng 7 năm 2025",
                             "final": True}
    s = c["submission"]
    assert s["title"] == "Về việc ban hành Kế hoạch cải cách hành chính năm 2025"
    assert s["addressees"] == ["Ủy ban nhân dân xã Thượng Hồng"]
    assert s["grounds"] == ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
                            "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ."]
    assert s["opening"] == ("Phòng Văn hóa - Xã hội đã xây dựng dự thảo Kế hoạch cải cách hành chính năm 2025; kính "
                            "trình Ủy ban nhân dân xã Thượng Hồng như sau:")
    assert s["recipients"] == ["- Như trên;", "- CT, các PCT UBND xã;", "- Lưu: VT, VHXH."]
    assert s["signer"] == {"lines": ["KT. TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG"], "name": "Lê Thị Mai"}
    assert c["properties"]["author"] == "Phòng Văn hóa - Xã hội"
    assert c["properties"]["company"] == "Ủy ban nhân dân xã Thượng Hồng"


def test_the_body_gives_the_need_what_the_plan_contains_counted_from_it_and_the_proposal():
    body = context()["submission"]["body"]
    sections = [p["lead"] + p["text"] for p in body if p["kind"] == "section"]
    assert sections == ["I. SỰ CẦN THIẾT BAN HÀNH KẾ HOẠCH", "II. NỘI DUNG CHÍNH CỦA KẾ HOẠCH", "III. ĐỀ XUẤT"]
    lines = [p["text"] for p in body]
    assert ("Bố cục: 3 mục (I. Mục đích, yêu cầu; II. Các chỉ tiêu chủ yếu; III. Tổ chức thực hiện) và Phụ lục "
            "danh mục 1 nhiệm vụ.") in lines
    assert "Các chỉ tiêu chủ yếu: 1 chỉ tiêu, tại mục II của Kế hoạch." in lines
    assert "Nhiệm vụ: 1 nhiệm vụ theo 1 lĩnh vực (công tác chỉ đạo, điều hành 1)." in lines
    assert "Phân công chủ trì: Phòng VHXH 1 nhiệm vụ." in lines
    assert lines[-1] == ("Phòng Văn hóa - Xã hội kính trình Ủy ban nhân dân xã Thượng Hồng xem xét, ban hành Quyết "
                         "định ban hành Kế hoạch cải cách hành chính năm 2025 (dự thảo Quyết định và dự thảo Kế hoạch "
                         "kèm theo)./.")
    assert body[-1]["kind"] == "end"


def test_the_need_is_the_datas_when_given_else_a_sentence_with_the_level_word_and_the_plans_time():
    given = context(PLAN + "  need: [Xã cần kế hoạch cho 6 tháng cuối năm.]\n")["submission"]["body"]
    assert given[1]["text"] == "Xã cần kế hoạch cho 6 tháng cuối năm."
    made = context()["submission"]["body"][1]["text"]
    assert "trên địa bàn xã Thượng Hồng từ ngày 01/7/2025 đến ngày 31/12/2025" in made


def test_the_decision_cites_the_tờ_trình_when_its_proposal_is_left_out():
    bases = decision.build(parse_plan(PLAN), TODAY)["decision"]["bases"]
    assert bases[-1] == "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội tại Tờ trình số 25/TTr-VHXH ngày 30/7/2025."
    written = decision.build(parse_plan(PLAN.replace("  archive: [VHXH]\n  signer:\n",
                                                     "  proposal: Chánh Văn phòng\n  archive: [VHXH]\n  signer:\n",
                                                     1)), TODAY)
    assert written["decision"]["bases"][-1] == "Theo đề nghị của Chánh Văn phòng."


@pytest.mark.parametrize(("name", "proposer"), [
    ("Phòng Văn hóa - Xã hội", "Trưởng phòng Văn hóa - Xã hội"),
    ("Văn phòng HĐND và UBND xã", "Chánh Văn phòng HĐND và UBND xã"),
    ("Trung tâm Phục vụ hành chính công xã", "Giám đốc Trung tâm Phục vụ hành chính công xã"),
    ("Công an xã", "Thủ trưởng Công an xã"),
])
def test_the_proposer_is_the_head_of_the_unit_by_its_name(name, proposer):
    text = PLAN.replace("name: Phòng Văn hóa - Xã hội\n", f"name: {name}\n", 1)
    assert submission.proposer(parse_plan(text)) == proposer


def test_the_tờ_trình_of_a_stand_alone_plan_proposes_the_plan_itself_with_its_grounds():
    c = context(stand_alone() + SUBMISSION)["submission"]
    assert c["title"] == "Về việc ban hành Kế hoạch cải cách hành chính năm 2025"
    assert c["grounds"][1].startswith("Căn cứ Kế hoạch số 245/KH-UBND")
    assert c["body"][-1]["text"].endswith("ban hành Kế hoạch cải cách hành chính năm 2025 (dự thảo Kế hoạch kèm "
                                          "theo)./.")


def test_the_build_makes_to_trinh_docx_first_final_when_numbered():
    jobs = registry.plan_jobs([parse_plan(PLAN)], {}, Calendar(), TODAY)
    assert [(j.output, j.template, j.final) for j in jobs] == [
        ("to-trinh.docx", "to-trinh.docx", True), ("quyet-dinh.docx", "quyet-dinh.docx", True)]


def test_the_rendered_tờ_trình_passes_the_self_check_with_no_error():
    data = engine.render(TEMPLATES / "to-trinh.docx", context(), plain=True)
    assert [f for f in checks.check_bytes(data) if f.severity == "error"] == []
    lines = texts(open_docx(data))
    for line in ("UBND XÃ THƯỢNG HỒNG", "PHÒNG VĂN HÓA - XÃ HỘI", "Số: 25/TTr-VHXH", "TỜ TRÌNH", "Kính gửi:",
                 "KT. TRƯỞNG PHÒNG", "Lê Thị Mai"):
        assert line in lines


def test_a_decision_dated_before_its_tờ_trình_is_a_located_error(tmp_path):
    later = PLAN.replace('  date: "2025-07-30"\n  unit: VHXH', '  date: "2025-08-02"\n  unit: VHXH')
    plan = write_plan(tmp_path, later)
    with pytest.raises(DataError) as e:
        load_all(plan)
    (found,) = [str(p) for p in e.value.problems]
    assert found.startswith(f"{plan}:14:9: decision.date: Quyết định ký trước Tờ trình đề nghị ban hành (cần ngày ký "
                            "từ 02/8/2025 (ngày của Tờ trình, submission.date) trở đi, nhận được 31/7/2025)")


def test_a_proposal_citing_another_tờ_trình_than_the_submission_is_a_located_error(tmp_path):
    text = MINIMAL_PLAN.replace("  proposal: Trưởng phòng Văn hóa - Xã hội\n", "  proposal: Trưởng phòng Văn hóa - "
                                "Xã hội tại Tờ trình số 24/TTr-VHXH ngày 30/7/2025\n")
    with pytest.raises(DataError) as e:
        load_all(write_plan(tmp_path, text + SUBMISSION))
    (found,) = [str(p) for p in e.value.problems]
    assert "decision.proposal: dẫn Tờ trình số 24, khác số của Tờ trình trong submission (cần Tờ trình số 25" in found


def test_the_tờ_trình_is_checked_like_the_other_documents_unit_signer_and_proposer():
    text = PLAN.replace("  unit: VHXH\n", "  unit: VHX\n  proposer: Trưởng phòng tại Tờ trình số 25\n")
    text = text.replace("title: PHÓ TRƯỞNG PHÒNG", "title: Phó trưởng phòng")
    with pytest.raises(DataError) as e:
        parse_plan(text)
    found = "\n".join(str(p) for p in e.value.problems)
    for expected in ("submission.unit: không có đơn vị mã 'VHX'",
                     "submission.proposer: chỉ ghi chức danh người đề nghị",
                     "submission.signer.title: phải viết CHỮ IN HOA"):
        assert expected in found
