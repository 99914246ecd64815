"""Documents typed by hand (issue 12): what a reader sees is what is checked, and the rules the
decree states are checked in every document that has the part.

Each rule added for issue 12 is shown finding its fault and staying silent on the correct
form; each recognition fix is shown on the habit that used to make false alarms.
"""

from __future__ import annotations

import unicodedata

import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from cchc_docs.checks import check
from cchc_docs.checks.components import recognise
from cchc_docs.checks.pdfpages import paragraph_pages
from cchc_docs.facts.extract import extract

from .conftest import (
    JUSTIFY,
    LEFT,
    Built,
    add_para,
    add_run,
    decision,
    fired,
    for_runs,
    full,
    plan_part,
    report,
    set_text,
    table,
)


def _rules(built: Built) -> list[str]:
    return sorted(f.rule for f in built.findings())


def _after(paragraph, text: str = "", **options):
    """A new paragraph typed right after ``paragraph``, in the same cell."""
    new = add_para(paragraph._parent, text, **options)
    paragraph._p.addnext(new._p)
    return new


def _without_marks(text: str) -> str:
    stripped = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in stripped if not unicodedata.combining(ch))


def _type_without_diacritics(built: Built) -> None:
    for run in built.doc.element.body.iter(qn("w:t")):
        run.text = _without_marks(run.text)


# --- ND30-TEXT-DIACRITICS ---------------------------------------------------------------------------


def test_a_document_typed_without_diacritics_is_flagged_once_and_read_all_the_same():
    built = decision()
    _type_without_diacritics(built)
    (finding,) = built.findings()
    assert (finding.rule, finding.severity, finding.component) == ("ND30-TEXT-DIACRITICS", "error", "Toàn văn bản")
    part = recognise(extract(built.bytes())).parts[0]
    assert part.number.text == "So: 05/QD-UBND" and part.place_date.text.startswith("Thuong Hong, ngay 05")
    assert [mark.label for mark in part.numbered if mark.level == "article"] == ["1", "2", "3"]


def test_padding_is_still_checked_without_diacritics():
    built = decision()
    set_text(built["date"], "Thượng Hồng, ngày 5 tháng 01 năm 2025")
    _type_without_diacritics(built)
    assert _rules(built) == ["ND30-DATE-DAY-PADDING", "ND30-TEXT-DIACRITICS"]


def test_a_document_with_diacritics_is_not_flagged(built_decision):
    assert not fired(built_decision, "ND30-TEXT-DIACRITICS")


# --- ND30-NATIONAL-TITLE-ONE-LINE ---------------------------------------------------------------------


def test_a_national_title_typed_on_two_lines_is_one_finding():
    built = decision()
    set_text(built["national_title"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
    _after(built["national_title"], "VIỆT NAM", size=12, bold=True)
    (finding,) = built.findings()
    assert (finding.rule, finding.excerpt) == ("ND30-NATIONAL-TITLE-ONE-LINE", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")


def test_a_national_title_broken_by_a_line_break_is_one_finding():
    built = decision()
    set_text(built["national_title"], "CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
    built["national_title"].runs[0].add_break()
    add_run(built["national_title"], "VIỆT NAM", size=12, bold=True)
    assert _rules(built) == ["ND30-NATIONAL-TITLE-ONE-LINE"]


def _narrow_right_column(built: Built, width_mm: float) -> None:
    grid = built.doc.tables[0]
    grid._tbl.tblGrid.findall(qn("w:gridCol"))[1].set(qn("w:w"), str(round(width_mm * 56.6929)))
    for row in grid.rows:
        row.cells[1].width = Mm(width_mm)


@pytest.mark.parametrize("width, wraps", [(80.0, True), (95.0, False)])
def test_a_national_title_wrapped_by_a_narrow_column_is_found(width, wraps):
    built = decision()
    _narrow_right_column(built, width)
    assert bool(fired(built, "ND30-NATIONAL-TITLE-ONE-LINE")) is wraps


# --- ND30-AUTHORITY-MISSING --------------------------------------------------------------------------


def test_a_decision_without_authority_line_is_reported():
    built = decision()
    built["authority"]._p.getparent().remove(built["authority"]._p)
    (finding,) = built.findings()
    assert (finding.rule, finding.severity) == ("ND30-AUTHORITY-MISSING", "warning")
    assert finding.excerpt.startswith("Căn cứ Luật")


def test_an_authority_line_typed_in_lowercase_is_found_and_judged_by_its_look():
    built = decision()
    set_text(built["authority"], "Chủ tịch Ủy ban nhân dân xã Thượng Hồng")
    rules = set(_rules(built))
    assert "ND30-AUTHORITY-MISSING" not in rules and "ND30-AUTHORITY-CASE" in rules


# --- ND30-DATE-SAME-LINE ------------------------------------------------------------------------------


def test_a_date_a_line_below_the_number_is_reported():
    built = decision()
    built["date"]._p.addprevious(add_para(built["date"]._parent, " ", size=13)._p)
    (finding,) = built.findings()
    assert (finding.rule, finding.got) == ("ND30-DATE-SAME-LINE", "thấp hơn dòng Số khoảng 1 dòng")


def test_a_little_space_above_the_date_is_not_a_line(built_decision):
    built_decision["date"].paragraph_format.space_before = Pt(6)
    assert not fired(built_decision, "ND30-DATE-SAME-LINE")


# --- khoản and điểm: ND30-CLAUSE-TITLE-BOLD, ND30-POINT-ITALIC -----------------------------------------


def test_a_titled_clause_must_be_bold():
    built = decision()
    plan_part(built)
    assert not fired(built, "ND30-CLAUSE-TITLE-BOLD")
    for_runs(built["clauses"][1], bold=False)
    (finding,) = fired(built, "ND30-CLAUSE-TITLE-BOLD")
    assert (finding.excerpt, finding.severity) == ("2. Yêu cầu", "error")


def test_a_clause_that_is_a_sentence_may_be_regular():
    built = decision()
    plan_part(built)
    set_text(built["clauses"][1], "2. Các phòng thực hiện đúng thời hạn được giao.")
    for_runs(built["clauses"][1], bold=False)
    assert not fired(built, "ND30-CLAUSE-TITLE-BOLD")


def test_points_are_upright():
    built = decision()
    plan_part(built)
    assert not fired(built, "ND30-POINT-ITALIC")
    for_runs(built["points"][0], italic=True)
    (finding,) = fired(built, "ND30-POINT-ITALIC")
    assert finding.excerpt.startswith("a) ")


def test_a_point_quoting_a_title_in_italics_is_upright():
    built = decision()
    plan_part(built)
    add_run(built["points"][1], " “Chính quyền thân thiện”", italic=True)
    assert not fired(built, "ND30-POINT-ITALIC")


# --- ND30-CENTRED-BY-SPACES --------------------------------------------------------------------------


@pytest.mark.parametrize("lead, how", [(" " * 45, "dấu cách"), ("\t\t", "dấu tab")])
def test_a_title_centred_by_hand_is_a_warning_not_an_alignment_error(lead, how):
    built = decision()
    built["doc_type"].alignment = LEFT
    built["doc_type"].runs[0]._r.addprevious(add_run(built["doc_type"], lead)._r)
    (finding,) = built.findings()
    assert (finding.rule, finding.severity, finding.excerpt) == ("ND30-CENTRED-BY-SPACES", "warning", "QUYẾT ĐỊNH")
    assert how in finding.got


@pytest.mark.parametrize("lead", ["", "  "])
def test_a_title_left_aligned_without_enough_spaces_is_an_alignment_error(lead):
    built = decision()
    built["doc_type"].alignment = LEFT
    built["doc_type"].runs[0].text = lead + built["doc_type"].runs[0].text
    assert _rules(built) == ["ND30-DOC-TYPE-ALIGN"]


# --- recognition that reads what a reader sees ---------------------------------------------------------


def test_a_no_break_space_after_a_bold_article_label_is_a_space():
    built = decision()
    built["articles"][0].runs[1].text = "\u00a0Ban hành kèm theo Quyết định này Kế hoạch."
    assert built.findings() == []


def test_a_quoted_passage_keeps_its_own_numbers():
    built = decision()
    article = built["articles"][0]
    for text in ("2. Các phòng thực hiện.”", "“1. Văn phòng tham mưu."):
        _after(article, text, align=JUSTIFY, indent=12.7, before=6)
    assert built.findings() == []


def test_recipients_in_the_row_under_their_label_are_recipients():
    built = decision()
    grid = table(built.doc, [75.0, 90.0], rows=2)
    label_cell, title_cell = grid.rows[0].cells
    items_cell, name_cell = grid.rows[1].cells
    add_para(label_cell, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT)
    for item in ("- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, VHXH."):
        add_para(items_cell, item, size=11, align=LEFT)
    for text in ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"):
        add_para(title_cell, text, bold=True)
    add_para(name_cell, "Nguyễn Văn Bình", bold=True, before=72)
    closing = built.doc.tables[1]._tbl
    closing.getparent().remove(closing)
    assert built.findings() == []
    part = recognise(extract(built.bytes())).parts[0]
    assert [x.text for x in part.recipients] == ["- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, VHXH."]
    assert [x.text for x in part.signer_titles] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_hidden_and_white_text_in_the_signature_is_not_read():
    built = decision()
    cell = built["signer_titles"][0]._parent
    hidden = add_para(cell)
    add_run(hidden, "Người ký thay: Phó Chủ tịch", bold=True).font.hidden = True
    white = add_para(cell)
    add_run(white, "bản nháp", size=11).font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    built["signer_titles"][0]._p.addprevious(hidden._p)
    assert built.findings() == []


def test_a_summary_typed_in_a_table_cell_under_the_type_is_the_summary():
    built = report()
    summary = built["summary"]
    cell = table(built.doc, [165.0]).rows[0].cells[0]
    moved = add_para(cell, summary.text, bold=True)
    summary._p.addnext(built.doc.tables[-1]._tbl)  # the table stands where the summary stood
    summary._p.getparent().remove(summary._p)
    part = recognise(extract(built.bytes())).parts[0]
    assert [x.text for x in part.summary] == [moved.text]
    assert "ND30-SUMMARY-MISSING" not in _rules(built)


def test_a_row_of_underscores_is_the_rule_under_the_summary():
    built = decision()
    rule = built["summary_rule"]
    rule._p.getparent().remove(rule._p)
    _after(built["summary"], "_" * 18, size=14, bold=True)
    assert built.findings() == []
    assert recognise(extract(built.bytes())).parts[0].authority.text == "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"


def test_a_row_of_underscores_too_long_is_a_rule_of_the_wrong_length():
    built = decision()
    rule = built["summary_rule"]
    rule._p.getparent().remove(rule._p)
    _after(built["summary"], "_" * 60, size=14, bold=True)
    assert _rules(built) == ["ND30-SUMMARY-RULE-LENGTH"]


def test_basis_lines_of_a_plan_follow_the_decree_too():
    built = decision()
    plan_part(built)
    first = built["sections"][0]
    for text in ("Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;",
                 "Căn cứ Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2025 của Ủy ban nhân dân xã;"):
        first._p.addprevious(add_para(built.doc, text, align=JUSTIFY, indent=12.7, before=6)._p)
    assert _rules(built) == ["ND30-BASIS-ITALIC", "ND30-BASIS-ITALIC", "ND30-BASIS-PUNCTUATION"]


def test_as_above_may_say_why_it_is_sent():
    built = report()
    set_text(built["recipients"][0], "- Như trên (Báo cáo);")
    assert built.findings() == []
    set_text(built["recipients"][0], "- Sở Nội vụ;")
    assert _rules(built) == ["ND30-RECIPIENTS-AS-ABOVE"]


def test_a_left_indent_with_no_first_line_indent_is_the_body_indent(built_decision):
    fmt = built_decision["articles"][1].paragraph_format
    fmt.first_line_indent, fmt.left_indent = Mm(0), Mm(12.7)
    assert built_decision.findings() == []


def test_a_slash_date_is_padded_like_any_date(built_decision):
    set_text(built_decision["bases"][0], "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/06/2025;")
    (finding,) = built_decision.findings()
    assert (finding.rule, finding.expected, finding.got) == ("ND30-CITED-DATE-PADDING", "tháng 6", "tháng 06")


def test_the_date_example_uses_the_documents_own_place(built_decision):
    set_text(built_decision["date"], "Thượng Hồng ngày 05 tháng 01 năm 2025")
    (finding,) = fired(built_decision, "ND30-DATE-FORMAT")
    assert finding.expected == "Thượng Hồng, ngày 05 tháng 01 năm 2025"


def test_a_two_line_attached_line_is_one_attached_line():
    built = full()
    set_text(built["attached"], "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2025")
    _after(built["attached"], "của Ủy ban nhân dân xã Thượng Hồng)", italic=True)
    assert built.findings() == []


def test_captions_over_a_table_are_not_body_text():
    built = full()
    grid = built.doc.tables[-1]._tbl
    for text, align in (("Biểu mẫu 1", None), ("DANH MỤC NHIỆM VỤ", None), ("Đơn vị tính: nhiệm vụ", "right")):
        caption = add_para(built.doc, text, size=12, bold=align is None)
        if align:
            caption.alignment = 2  # right
        grid.addprevious(caption._p)
    assert built.findings() == []


# --- one finding per fact; places a reader can find ---------------------------------------------------


def test_a_margin_wrong_in_every_section_is_one_finding_naming_them():
    built = full()
    for section in built.doc.sections:
        section.left_margin = Mm(25)
    (finding,) = built.findings()
    assert (finding.rule, finding.component, finding.page) == ("ND30-MARGIN-LEFT", "Lề trang (section 1–3)", None)


def test_findings_say_where_without_guessing_a_page():
    built = full()
    built["points"][2].alignment = LEFT
    (finding,) = built.findings()
    assert finding.page is None
    assert finding.landmark == "Kế hoạch, dưới “I. MỤC ĐÍCH, YÊU CẦU”"


def test_real_pages_come_from_the_pdf_text():
    facts = extract(full().bytes())
    texts = [p.text for p in facts.paragraphs]
    split = next(i for i, text in enumerate(texts) if text.startswith("I. MỤC ĐÍCH"))
    pages = ["\n".join(texts[:split]), "\n".join(texts[split:])]
    found = paragraph_pages(facts, pages)
    assert found[split - 1] == 1 and found[split] == 2 and found[-1] == 2
    built = full()
    built["points"][2].alignment = LEFT
    (finding,) = check(extract(built.bytes()), page_texts=pages)
    assert finding.page == 2
