"""Recognition of the ND30 components in documents laid out with and without tables."""

from __future__ import annotations

from docx.oxml import OxmlElement

from cchc_docs.checks.components import recognise
from cchc_docs.facts.extract import extract

from .conftest import JUSTIFY, LEFT, MOTTO, NATIONAL, Built, add_para, add_rule, add_run, decision, full, letter, report


def _layout(built: Built):
    return recognise(extract(built.bytes()))


def _texts(pieces) -> list[str]:
    return [piece.text for piece in pieces]


def _drawn_line(paragraph) -> None:
    """A shape in the paragraph, as Word's "Insert > Shapes > Line" leaves it."""
    paragraph.add_run()._r.append(OxmlElement("w:pict"))


def _tabbed(built: Built, left: tuple[str, float, bool, bool] | None, right: tuple[str, float, bool, bool] | None,
            align=LEFT):
    """One paragraph holding a left and a right text separated by tabs (no table)."""
    paragraph = add_para(built.doc, align=align)
    if left:
        add_run(paragraph, *left)
    add_run(paragraph, "\t\t" if not left else "\t")
    if right:
        add_run(paragraph, *right)
    return paragraph


def _article(built: Built, number: int, text: str):
    paragraph = add_para(built.doc, align=JUSTIFY, indent=12.7, before=6)
    add_run(paragraph, f"Điều {number}.", bold=True)
    add_run(paragraph, f" {text}")
    return paragraph


def _plain_decision() -> Built:
    """A decision typed without any table: header lines one under another, the signer's
    lines centred after the body, Nơi nhận below them."""
    built = Built()
    doc = built.doc
    for line in ("ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"):
        add_para(doc, line, size=12, bold=True)
    add_rule(doc, 16.0, 165)
    add_para(doc, NATIONAL, size=12, bold=True)
    add_para(doc, MOTTO, size=13, bold=True)
    add_rule(doc, 56.1, 165)
    add_para(doc, "Số: 05/QĐ-UBND", size=13)
    add_para(doc, "Thượng Hồng, ngày 05 tháng 01 năm 2025", size=13, italic=True)
    built.title("QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính xã")
    add_para(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", bold=True, before=12, after=6)
    built.body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True)
    built.body("Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.", italic=True)
    add_para(doc, "QUYẾT ĐỊNH:", bold=True, before=12, after=6)
    _article(built, 1, "Kiện toàn Ban Chỉ đạo cải cách hành chính xã.")
    _article(built, 2, "Quyết định này có hiệu lực kể từ ngày ký./.")
    add_para(doc, "CHỦ TỊCH", bold=True, before=12)
    for _ in range(3):
        add_para(doc)
    add_para(doc, "Nguyễn Văn Bình", bold=True)
    add_para(doc, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT)
    for item in ("- Như Điều 2;", "- Lưu: VT, VHXH."):
        add_para(doc, item, size=11, align=LEFT)
    return built


def _tabbed_decision() -> Built:
    """Header and signature typed with tabs on shared lines; rules drawn as shapes."""
    built = Built()
    _tabbed(built, ("ỦY BAN NHÂN DÂN", 12, True, False), (NATIONAL, 12, True, False))
    motto = _tabbed(built, ("XÃ THƯỢNG HỒNG", 12, True, False), (MOTTO, 13, True, False))
    _drawn_line(motto)
    _tabbed(built, ("Số: 05/QĐ-UBND", 13, False, False), ("Thượng Hồng, ngày 05 tháng 01 năm 2025", 13, False, True))
    built.title("QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính xã")
    add_para(built.doc, "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", bold=True, before=12, after=6)
    built.body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025.", italic=True)
    add_para(built.doc, "QUYẾT ĐỊNH:", bold=True, before=12, after=6)
    _article(built, 1, "Kiện toàn Ban Chỉ đạo cải cách hành chính xã./.")
    _tabbed(built, ("Nơi nhận:", 12, True, True), ("TM. ỦY BAN NHÂN DÂN", 14, True, False))
    _tabbed(built, ("- Như Điều 1;", 11, False, False), ("CHỦ TỊCH", 14, True, False))
    _tabbed(built, ("- Lưu: VT, VHXH.", 11, False, False), None)
    for _ in range(2):
        add_para(built.doc, align=LEFT)
    _tabbed(built, None, ("Nguyễn Văn Bình", 14, True, False))
    return built


def test_table_layout_components_are_found():
    (part,) = _layout(decision()).parts
    assert part.kind == "decision"
    assert part.national_title.text == NATIONAL and part.motto.text == MOTTO
    assert _texts(part.issuing_body) == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]
    assert part.number.text == "Số: 05/QĐ-UBND" and part.place_date.text.startswith("Thượng Hồng")
    assert part.doc_type.text == "QUYẾT ĐỊNH"
    assert _texts(part.summary) == ["Ban hành Kế hoạch cải cách hành chính năm 2025"]
    assert part.authority.text == "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG" and len(part.bases) == 3
    assert part.decides.text == "QUYẾT ĐỊNH:"
    assert [m.label for m in part.numbered if m.level == "article"] == ["1", "2", "3"]
    assert part.recipients_label.text == "Nơi nhận:" and len(part.recipients) == 3
    assert _texts(part.signer_titles) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert part.signer_name.text == "Nguyễn Văn Bình"


def test_a_decision_typed_without_tables_is_recognised_and_clean():
    built = _plain_decision()
    (part,) = _layout(built).parts
    assert _texts(part.issuing_body) == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]
    assert part.number is not None and part.place_date is not None
    assert part.authority.text.startswith("CHỦ TỊCH") and len(part.bases) == 2
    assert _texts(part.signer_titles) == ["CHỦ TỊCH"] and part.signer_name.text == "Nguyễn Văn Bình"
    assert _texts(part.recipients) == ["- Như Điều 2;", "- Lưu: VT, VHXH."]
    assert built.findings() == []


def test_a_decision_typed_with_tabs_is_recognised_and_clean():
    built = _tabbed_decision()
    (part,) = _layout(built).parts
    assert part.national_title.text == NATIONAL and part.motto.text == MOTTO
    assert _texts(part.issuing_body) == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]
    assert part.number.text == "Số: 05/QĐ-UBND" and part.place_date.text.endswith("2025")
    assert _texts(part.recipients) == ["- Như Điều 1;", "- Lưu: VT, VHXH."]
    assert _texts(part.signer_titles) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert part.signer_name.text == "Nguyễn Văn Bình"
    assert built.findings() == []


def test_tabbed_header_pieces_keep_their_own_formatting():
    built = _tabbed_decision()
    (part,) = _layout(built).parts
    assert part.number.sizes == {13.0} and not part.number.any_italic and part.place_date.all_italic


def test_a_file_with_decision_plan_and_appendix_has_three_parts():
    layout = _layout(full())
    assert [part.kind for part in layout.parts] == ["decision", "plan", "appendix"]
    plan, appendix = layout.parts[1:]
    assert plan.attached and plan.number is None and plan.national_title is not None
    assert appendix.appendix_label.text == "Phụ lục" and appendix.attached_to is not None


def test_report_and_letter_are_recognised():
    (rep,) = _layout(report()).parts
    assert rep.kind == "report" and rep.addressee.text.startswith("Kính gửi:")
    (let,) = _layout(letter()).parts
    assert let.kind == "letter" and let.letter_summary.text.startswith("V/v")


def test_a_draft_stamp_above_the_header_does_not_make_a_part():
    built = decision()
    stamp = add_para(built.doc, "DỰ THẢO", size=13, bold=True, align=LEFT)
    built.doc.element.body.insert(0, stamp._p)
    layout = _layout(built)
    assert [part.kind for part in layout.parts] == ["decision"]
    assert _texts(layout.parts[0].issuing_body) == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]


def test_paragraphs_of_unknown_role_get_no_component_rules():
    built = Built()
    built.body("Một văn bản không có phần đầu, chỉ có nội dung.")
    built.body("KẾT LUẬN CUỘC HỌP", bold=True)
    ids = built.ids()
    assert not {i for i in ids if i.startswith(("ND30-NATIONAL", "ND30-DOC-TYPE", "ND30-SIGNER", "ND30-RECIPIENTS"))}


def test_a_document_without_header_is_reported_as_missing_its_quoc_hieu():
    built = Built()
    built.title("THÔNG BÁO", "Kết luận cuộc họp giao ban tháng 01 năm 2025")
    built.body("Nội dung thông báo./.")
    assert "ND30-NATIONAL-TITLE-MISSING" in built.ids()


def test_governing_body_is_told_from_the_issuing_body():
    (part,) = _layout(decision(governing="UBND TỈNH HẢI DƯƠNG")).parts
    assert _texts(part.governing_body) == ["UBND TỈNH HẢI DƯƠNG"]
    assert _texts(part.issuing_body) == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]


def test_number_and_date_in_a_second_table_below_the_header_are_found():
    built = Built()
    built.header(number=None, date=None)
    from .conftest import table

    grid = table(built.doc, [65.0, 100.0])
    number_cell, date_cell = grid.rows[0].cells
    add_para(number_cell, "Số: 15/UBND-VHXH", size=13)
    add_para(number_cell, "V/v triển khai kế hoạch cải cách hành chính", size=12, before=6)
    add_para(date_cell, "Thượng Hồng, ngày 05 tháng 01 năm 2025", size=13, italic=True)
    add_para(built.doc, "Kính gửi: Các phòng, đơn vị thuộc Ủy ban nhân dân xã", before=12)
    built.body("Ủy ban nhân dân xã đề nghị các phòng, đơn vị triển khai kế hoạch./.")
    built.closing(recipients=("- Như trên;", "- Lưu: VT, VHXH."))
    (part,) = _layout(built).parts
    assert part.kind == "letter" and part.number.text == "Số: 15/UBND-VHXH"
    assert part.place_date is not None and part.letter_summary is not None
    assert built.findings() == []


def test_a_contact_line_after_the_signature_is_not_the_signer():
    built = decision()
    add_para(built.doc, "Địa chỉ: thôn Đông, xã Thượng Hồng; ĐT: 0220.3123456", size=11, align=LEFT)
    (part,) = _layout(built).parts
    assert part.signer_name.text == "Nguyễn Văn Bình"


def test_a_bold_governing_body_above_a_unit_is_told_apart():
    built = decision(body_lines=("ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG", "SỞ NỘI VỤ"))
    (part,) = _layout(built).parts
    assert _texts(part.governing_body) == ["ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG"]
    assert _texts(part.issuing_body) == ["SỞ NỘI VỤ"]
    assert "ND30-GOVERNING-BODY-BOLD" in built.ids()
