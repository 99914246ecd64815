"""Tests for cchc_docs.facts: every input .docx is built here with python-docx."""

from __future__ import annotations

import dataclasses
import io
import zipfile

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import OxmlElement, parse_xml
from docx.shared import Mm, Pt, RGBColor
from hypothesis import given, settings
from hypothesis import strategies as st

from cchc_docs.errors import SourceError
from cchc_docs.facts import formats
from cchc_docs.facts.extract import LIMITS, LineSpacing, extract

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
TWIPS_PER_MM = 1440 / 25.4


# --- helpers -----------------------------------------------------------------------------


def _docx_bytes(doc) -> bytes:
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def _facts(doc):
    return extract(_docx_bytes(doc))


def _fragment(xml: str) -> list:
    """Parse WordprocessingML snippets (w:, r:, mc: prefixes) into elements."""
    wrapper = parse_xml(f'<w:body {nsdecls("w", "r")} xmlns:mc="{MC}">{xml}</w:body>')
    return list(wrapper)


def _raw_paragraph(doc, inner: str, style: str | None = None):
    """A paragraph whose content is raw XML (for markup python-docx cannot write)."""
    paragraph = doc.add_paragraph(style=style)
    for element in _fragment(inner):
        paragraph._p.append(element)
    return paragraph


def _paragraph_style(doc, name: str, base: str | None = None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base:
        style.base_style = doc.styles[base]
    return style


def _char_style(doc, name: str, base: str | None = None):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
    if base:
        style.base_style = doc.styles[base]
    return style


def _bottom_border(paragraph, size: int = 6) -> None:
    border = _fragment(f'<w:pBdr><w:bottom w:val="single" w:sz="{size}" w:space="1" w:color="000000"/></w:pBdr>')[0]
    paragraph._p.get_or_add_pPr().append(border)


def _a4(section, left: float = 30, right: float = 20) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin, section.right_margin = Mm(left), Mm(right)


def _field_runs(instruction: str, result: str) -> str:
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"<w:r><w:t>{result}</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


# --- effective run formatting -----------------------------------------------------------------


def test_run_size_is_inherited_from_paragraph_style_based_on_chain():
    doc = Document()
    _paragraph_style(doc, "Base").font.size = Pt(13)
    _paragraph_style(doc, "Derived", base="Base")
    doc.add_paragraph("Điều 1", style="Derived")
    run = _facts(doc).paragraphs[0].runs[0]
    assert run.size_pt == 13.0


def test_run_size_comes_from_document_defaults_when_styles_are_silent():
    doc = Document()
    doc.add_paragraph("Nội dung")
    assert _facts(doc).paragraphs[0].runs[0].size_pt == 11.0  # w:docDefaults sz=22


def test_word_builtin_defaults_apply_when_nothing_is_said():
    doc = Document()
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    doc.styles.element.remove(defaults)
    doc.add_paragraph("Trơn")
    para = _facts(doc).paragraphs[0]
    run = para.runs[0]
    assert (run.size_pt, run.font_ascii, run.bold, run.italic) == (10.0, "Times New Roman", False, False)
    assert (para.alignment, para.space_before_pt, para.space_after_pt) == ("left", 0.0, 0.0)
    assert para.line_spacing == LineSpacing("auto", 1.0)


def test_direct_run_properties_override_styles():
    doc = Document()
    style = _paragraph_style(doc, "Big")
    style.font.size, style.font.name = Pt(16), "Arial"
    run = doc.add_paragraph(style="Big").add_run("nhỏ")
    run.font.size, run.font.name = Pt(12), "Times New Roman"
    facts = _facts(doc).paragraphs[0].runs[0]
    assert (facts.size_pt, facts.font_ascii, facts.font_hanh_ansi) == (12.0, "Times New Roman", "Times New Roman")


def test_character_style_based_on_chain_sets_size():
    doc = Document()
    _char_style(doc, "SmallBase").font.size = Pt(9)
    _char_style(doc, "SmallDerived", base="SmallBase")
    doc.add_paragraph().add_run("ghi chú", style="SmallDerived")
    run = _facts(doc).paragraphs[0].runs[0]
    assert (run.size_pt, run.style_id) == (9.0, "SmallDerived")


def test_toggle_bold_in_character_style_inverts_paragraph_style_bold():
    doc = Document()
    _paragraph_style(doc, "BoldPara").font.bold = True
    _char_style(doc, "BoldChar").font.bold = True
    paragraph = doc.add_paragraph(style="BoldPara")
    paragraph.add_run("đậm")
    paragraph.add_run("thường", style="BoldChar")
    runs = _facts(doc).paragraphs[0].runs
    assert [run.bold for run in runs] == [True, False]


def test_direct_toggle_is_absolute_over_styles():
    doc = Document()
    _paragraph_style(doc, "BoldPara").font.bold = True
    _char_style(doc, "BoldChar").font.bold = True
    paragraph = doc.add_paragraph(style="BoldPara")
    paragraph.add_run("không đậm").bold = False
    paragraph.add_run("vẫn đậm", style="BoldChar").bold = True
    runs = _facts(doc).paragraphs[0].runs
    assert [run.bold for run in runs] == [False, True]


def test_toggle_inside_one_based_on_chain_takes_nearest_value_not_xor():
    doc = Document()
    _paragraph_style(doc, "ItalicBase").font.italic = True
    _paragraph_style(doc, "ItalicAgain", base="ItalicBase").font.italic = True
    _paragraph_style(doc, "ItalicOff", base="ItalicBase").font.italic = False
    doc.add_paragraph("a", style="ItalicAgain")
    doc.add_paragraph("b", style="ItalicOff")
    paragraphs = _facts(doc).paragraphs
    assert [p.runs[0].italic for p in paragraphs] == [True, False]


def test_theme_font_is_resolved():
    doc = Document()  # docDefaults say asciiTheme="minorHAnsi"; the theme's minor latin is Cambria
    doc.add_paragraph("chữ")
    facts = _facts(doc)
    assert facts.paragraphs[0].runs[0].font_ascii == "Cambria"
    assert facts.default_font == "Cambria"


def test_theme_attribute_wins_over_explicit_font_name_on_same_element():
    doc = Document()
    run = doc.add_paragraph().add_run("tiêu đề")
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:ascii"), "Arial")
    fonts.set(qn("w:asciiTheme"), "majorHAnsi")
    assert _facts(doc).paragraphs[0].runs[0].font_ascii == "Calibri"  # major latin


def test_default_font_follows_normal_style():
    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    assert _facts(doc).default_font == "Times New Roman"


def test_fonts_report_hansi_for_vietnamese_letters_only():
    doc = Document()
    paragraph = doc.add_paragraph()
    for text in ("Viet", "Việt"):
        run = paragraph.add_run(text)
        fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
        fonts.set(qn("w:ascii"), "Times New Roman")
        fonts.set(qn("w:hAnsi"), "Arial")
    runs = _facts(doc).paragraphs[0].runs
    assert runs[0].fonts == {"Times New Roman"}
    assert runs[1].fonts == {"Times New Roman", "Arial"}


def _slot_by_character(run, ch: str) -> str:
    """Word's choice of font slot for one character (ECMA-376 §17.3.2.26), spelt out."""
    code = ord(ch)
    if code < 0x80:
        return run.font_ascii
    if 0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF:
        return run.font_east_asia
    if 0x0590 <= code <= 0x08FF or 0x0E00 <= code <= 0x0E7F:
        return run.font_cs
    return run.font_hanh_ansi


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZ9 .\u00a0\tđĐếẫ\u0301中한\u05d0\u0e01\u2003!"), max_size=12))
def test_fonts_found_by_character_class_are_those_of_each_character(text):
    doc = Document()
    run = doc.add_paragraph().add_run(text or "x")
    fonts = run._r.get_or_add_rPr().get_or_add_rFonts()
    for slot, name in (("w:ascii", "A"), ("w:hAnsi", "H"), ("w:eastAsia", "E"), ("w:cs", "C")):
        fonts.set(qn(slot), name)
    for facts in _facts(doc).paragraphs[0].runs:  # a tab is a run of its own
        assert facts.fonts == {_slot_by_character(facts, ch) for ch in facts.text if not ch.isspace()}


def test_underline_color_highlight_caps_strike_and_vertical_align():
    doc = Document()
    run = doc.add_paragraph().add_run("x")
    font = run.font
    font.underline, font.color.rgb, font.highlight_color = True, RGBColor(0xFF, 0, 0), WD_COLOR_INDEX.YELLOW
    font.all_caps, font.small_caps, font.strike, font.superscript = True, True, True, True
    facts = _facts(doc).paragraphs[0].runs[0]
    assert (facts.underline, facts.underline_style, facts.color, facts.highlight) == (
        True, "single", "FF0000", "yellow")
    assert (facts.caps, facts.small_caps, facts.strike, facts.vertical_align) == (True, True, True, "superscript")


def test_plain_run_has_no_underline_and_auto_color():
    doc = Document()
    doc.add_paragraph("x")
    run = _facts(doc).paragraphs[0].runs[0]
    assert (run.underline, run.underline_style, run.color, run.highlight, run.vertical_align) == (
        False,
        "none",
        "auto",
        None,
        "baseline",
    )


# --- effective paragraph formatting ---------------------------------------------------------------


def test_default_paragraph_style_is_used_when_none_is_named():
    doc = Document()
    doc.add_paragraph("x")
    para = _facts(doc).paragraphs[0]
    assert (para.style_id, para.style_name) == ("Normal", "Normal")


def test_alignment_comes_from_style_unless_set_directly():
    doc = Document()
    _paragraph_style(doc, "Centered").paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("a", style="Centered")
    doc.add_paragraph("b", style="Centered").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    assert [p.alignment for p in _facts(doc).paragraphs] == ["center", "both"]


def test_indents_are_millimetres_and_hanging_is_negative():
    doc = Document()
    first = doc.add_paragraph("a").paragraph_format
    first.first_line_indent, first.left_indent, first.right_indent = Mm(12.7), Mm(20), Mm(15)
    doc.add_paragraph("b").paragraph_format.first_line_indent = -Mm(5)
    a, b = _facts(doc).paragraphs
    assert (a.first_line_indent_mm, a.left_indent_mm, a.right_indent_mm) == (12.7, 20.0, 15.0)
    assert b.first_line_indent_mm == -5.0


def test_spacing_and_line_spacing_rules():
    doc = Document()
    fmt = doc.add_paragraph("a").paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(6), Pt(12), 1.5
    doc.add_paragraph("b").paragraph_format.line_spacing = Pt(15)
    at_least = doc.add_paragraph("c").paragraph_format
    at_least.line_spacing, at_least.line_spacing_rule = Pt(18), WD_LINE_SPACING.AT_LEAST
    a, b, c = _facts(doc).paragraphs
    assert (a.space_before_pt, a.space_after_pt, a.line_spacing) == (6.0, 12.0, LineSpacing("auto", 1.5))
    assert b.line_spacing == LineSpacing("exact", 15.0)
    assert c.line_spacing == LineSpacing("atLeast", 18.0)


def test_universal_measures_are_understood():
    doc = Document()
    _raw_paragraph(doc, '<w:r><w:rPr><w:sz w:val="13pt"/></w:rPr><w:t>x</w:t></w:r>')
    ppr = doc.paragraphs[0]._p.get_or_add_pPr()
    ppr.append(_fragment('<w:ind w:left="2cm" w:hanging="5mm"/>')[0])
    para = _facts(doc).paragraphs[0]
    assert (para.runs[0].size_pt, para.left_indent_mm, para.first_line_indent_mm) == (13.0, 20.0, -5.0)


def test_keep_with_next_and_page_break_before_from_style_chain():
    doc = Document()
    _paragraph_style(doc, "Keep").paragraph_format.keep_with_next = True
    doc.add_paragraph("a", style="Keep").paragraph_format.page_break_before = True
    para = _facts(doc).paragraphs[0]
    assert (para.keep_with_next, para.page_break_before) == (True, True)


def test_numbering_is_flagged_and_num_id_zero_switches_it_off():
    doc = Document()
    for num_id in ("1", "0"):
        numbering = _fragment(f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')[0]
        doc.add_paragraph("mục")._p.get_or_add_pPr().append(numbering)
    assert [p.is_numbered for p in _facts(doc).paragraphs] == [True, False]


# --- text -----------------------------------------------------------------------------------------


def test_non_nfc_text_is_kept_as_is_and_flagged():
    doc = Document()
    doc.add_paragraph("Hoa\u0300 Bi\u0300nh")  # decomposed grave accents
    doc.add_paragraph("Hoà Bình")
    decomposed, composed = _facts(doc).paragraphs
    assert decomposed.text == "Hoa\u0300 Bi\u0300nh" and not decomposed.is_nfc
    assert composed.is_nfc


def test_tab_break_carriage_return_and_no_break_hyphen_become_characters():
    doc = Document()
    _raw_paragraph(doc, "<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:noBreakHyphen/></w:r>")
    para = _facts(doc).paragraphs[0]
    assert para.text == "a\tb\nc\n-"
    assert [(run.text, run.is_tab, run.is_break) for run in para.runs[:4]] == [
        ("a", False, False),
        ("\t", True, False),
        ("b", False, False),
        ("\n", False, True),
    ]


def test_hyperlink_smarttag_content_control_and_insertions_are_text():
    doc = Document()
    _raw_paragraph(
        doc,
        '<w:hyperlink r:id="rId99"><w:r><w:t>A</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="u" w:element="e"><w:r><w:t>B</w:t></w:r></w:smartTag>'
        "<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>C</w:t></w:r></w:sdtContent></w:sdt>"
        '<w:ins w:id="1" w:author="x"><w:r><w:t>D</w:t></w:r></w:ins>'
        '<w:moveTo w:id="2" w:author="x"><w:r><w:t>E</w:t></w:r></w:moveTo>',
    )
    assert _facts(doc).paragraphs[0].text == "ABCDE"


def test_deleted_and_moved_away_text_is_not_text():
    doc = Document()
    _raw_paragraph(
        doc,
        '<w:r><w:t>giữ</w:t></w:r><w:del w:id="1" w:author="x"><w:r><w:delText>xóa</w:delText></w:r></w:del>'
        '<w:moveFrom w:id="2" w:author="x"><w:r><w:t>dời</w:t></w:r></w:moveFrom>',
    )
    assert _facts(doc).paragraphs[0].text == "giữ"


def test_complex_field_instruction_text_is_not_paragraph_text():
    doc = Document()
    _raw_paragraph(doc, '<w:r><w:t xml:space="preserve">Trang </w:t></w:r>' + _field_runs("PAGE \\* MERGEFORMAT", "3"))
    para = _facts(doc).paragraphs[0]
    assert para.text == "Trang 3"
    assert para.fields == ("PAGE",)
    assert [(run.text, run.is_field_result) for run in para.runs] == [("Trang ", False), ("3", True)]


def test_simple_field_runs_are_field_results():
    doc = Document()
    _raw_paragraph(doc, '<w:fldSimple w:instr=" numpages "><w:r><w:t>5</w:t></w:r></w:fldSimple>')
    para = _facts(doc).paragraphs[0]
    assert (para.text, para.fields, para.runs[0].is_field_result) == ("5", ("NUMPAGES",), True)


def test_alternate_content_is_not_counted_twice():
    doc = Document()
    _raw_paragraph(
        doc,
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:r><w:t>Một</w:t></w:r></mc:Choice>'
        "<mc:Fallback><w:r><w:t>Một</w:t></w:r></mc:Fallback></mc:AlternateContent>"
        "<w:r><w:drawing/></w:r>",
    )
    para = _facts(doc).paragraphs[0]
    assert (para.text, para.has_drawing) == ("Một", True)


def test_paragraph_convenience_properties_ignore_whitespace_runs():
    doc = Document()
    paragraph = doc.add_paragraph()
    title = paragraph.add_run("QUYẾT ĐỊNH")
    title.bold, title.font.size, title.font.name = True, Pt(14), "Times New Roman"
    space = paragraph.add_run("   ")
    space.font.size = Pt(8)
    doc.add_paragraph("  ")
    para, blank = _facts(doc).paragraphs
    assert (para.sizes, para.fonts, para.all_bold, para.any_bold, para.all_italic) == (
        {14.0},
        {"Times New Roman"},
        True,
        True,
        False,
    )
    assert blank.is_empty and not blank.all_bold and not para.is_empty


def test_an_empty_paragraph_carries_the_size_of_its_mark():
    doc = Document()
    _raw_paragraph(doc, "")._p.get_or_add_pPr().append(_fragment('<w:rPr><w:sz w:val="4"/></w:rPr>')[0])
    doc.add_paragraph("chữ").runs[0].font.size = Pt(13)
    empty, text = _facts(doc).paragraphs
    assert (empty.mark_size_pt, text.mark_size_pt) == (2.0, None)


def test_facts_are_immutable():
    doc = Document()
    doc.add_paragraph("x")
    para = _facts(doc).paragraphs[0]
    with pytest.raises(AttributeError):
        para.text = "y"
    with pytest.raises(AttributeError):
        para.runs[0].bold = True


# --- sections, headers and footers ------------------------------------------------------------------


def test_empty_document_has_one_section_and_no_paragraphs():
    facts = _facts(Document())
    assert facts.paragraphs == () and facts.tables == ()
    assert len(facts.sections) == 1
    assert (facts.sections[0].first_paragraph, facts.sections[0].last_paragraph) == (0, -1)


def test_landscape_section_orientation_and_margins():
    doc = Document()
    section = doc.sections[0]
    section.orientation, section.page_width, section.page_height = WD_ORIENT.LANDSCAPE, Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(20), Mm(15)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    facts = _facts(doc).sections[0]
    assert (facts.orientation, facts.page_width_mm, facts.page_height_mm) == ("landscape", 297.0, 210.0)
    assert (facts.margin_top_mm, facts.margin_bottom_mm, facts.margin_left_mm, facts.margin_right_mm) == (
        20.0,
        15.0,
        30.0,
        15.0,
    )
    assert facts.text_width_mm == 252.0


def test_orientation_falls_back_to_page_dimensions():
    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(210)  # no w:orient written
    assert _facts(doc).sections[0].orientation == "landscape"


def test_section_paragraph_ranges_title_page_and_page_number_start():
    doc = Document()
    doc.add_paragraph("một")
    doc.add_paragraph("hai")
    second = doc.add_section()  # the section break is a new (third) paragraph
    second.different_first_page_header_footer = True
    second._sectPr.append(OxmlElement("w:pgNumType", {qn("w:start"): "1"}))
    doc.add_paragraph("ba")
    first, last = _facts(doc).sections
    assert (first.first_paragraph, first.last_paragraph, last.first_paragraph, last.last_paragraph) == (0, 2, 3, 3)
    assert (first.title_page, last.title_page, last.page_number_start, first.page_number_start) == (
        False, True, 1, None)


def test_section_without_own_header_inherits_previous_header():
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Đầu trang A"
    doc.add_paragraph("x")
    doc.add_section()  # no header reference of its own
    third = doc.add_section()
    third.header.is_linked_to_previous = False
    third.header.paragraphs[0].text = "Đầu trang C"
    facts = _facts(doc)
    headers = [section.header() for section in facts.sections]
    assert headers[0] is headers[1]
    assert [h.text for h in headers] == ["Đầu trang A", "Đầu trang A", "Đầu trang C"]
    assert facts.sections[0].footer() is None
    assert len(facts.header_footers) == 2


def test_a_header_met_again_gives_the_same_facts_and_still_counts_against_the_limits():
    """The documents of one template share their header parts: the second is not walked again,
    but its paragraphs count as the first's did."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "Đầu trang"
    for number in range(4):
        doc.sections[0].header.add_paragraph(f"Dòng {number} của đầu trang")
    doc.add_paragraph("Nội dung")
    data = _docx_bytes(doc)
    formats._MEMO.clear()
    first, again = extract(data), extract(data)
    assert again == first and [p.text for p in again.header_footers[0].paragraphs][1] == "Dòng 0 của đầu trang"
    tight = dataclasses.replace(LIMITS, paragraphs=5)  # the body's paragraph and the header's five
    for _ in range(2):
        with pytest.raises(SourceError, match="số đoạn văn"):
            extract(data, tight)


def test_first_page_header_is_resolved_by_type():
    doc = Document()
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    section.first_page_header.paragraphs[0].text = "Trang đầu"
    section.header.paragraphs[0].text = "Các trang sau"
    facts = _facts(doc).sections[0]
    assert (facts.header("first").text, facts.header("first").type, facts.header().text) == (
        "Trang đầu",
        "first",
        "Các trang sau",
    )
    assert facts.header("even") is None


def test_page_field_in_header_is_reported():
    doc = Document()
    section = doc.sections[0]
    header_p = section.header.paragraphs[0]
    for element in _fragment(_field_runs("PAGE", "1")):
        header_p._p.append(element)
    footer_p = section.footer.paragraphs[0]
    footer_p._p.append(_fragment('<w:fldSimple w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')[0])
    facts = _facts(doc).sections[0]
    assert (facts.header().kind, facts.header().fields, facts.header().text) == ("header", ("PAGE",), "1")
    assert (facts.footer().kind, facts.footer().fields) == ("footer", ("PAGE",))
    assert facts.header().paragraphs[0].section_index is None


_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"


def _text_box_run(inner: str) -> str:
    """A run holding a text box as Word writes one: a DrawingML choice and a VML fallback, same text."""
    content = f"<w:txbxContent><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>{inner}</w:p></w:txbxContent>"
    return (
        f'<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="{_WP}">'
        f'<a:graphic xmlns:a="{_A}"><a:graphicData><wps:wsp xmlns:wps="{_WPS}"><wps:txbx>{content}</wps:txbx>'
        f'</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:shape xmlns:v="{_V}"><v:textbox>{content}</v:textbox></v:shape></w:pict>'
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_page_number_in_a_header_text_box_is_read_once():
    doc = Document()
    header_p = doc.sections[0].header.paragraphs[0]
    for element in _fragment(_text_box_run(_field_runs("PAGE", "2"))):
        header_p._p.append(element)
    header = _facts(doc).sections[0].header()
    assert header.fields == ("PAGE",)
    assert [(p.text, p.alignment) for p in header.paragraphs] == [("", "left"), ("2", "center")]
    assert header.paragraphs[0].has_drawing


def test_a_text_box_in_the_body_stays_a_drawing():
    doc = Document()
    _raw_paragraph(doc, _text_box_run("<w:r><w:t>DỰ THẢO</w:t></w:r>"))
    assert [(p.text, p.has_drawing) for p in _facts(doc).paragraphs] == [("", True)]


def test_hidden_and_white_text_is_left_out_but_white_on_a_fill_is_kept():
    doc = Document()
    _raw_paragraph(doc, '<w:r><w:t xml:space="preserve">Thấy </w:t></w:r>'
                        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn </w:t></w:r>'
                        '<w:r><w:rPr><w:color w:val="FFFFFF"/></w:rPr><w:t>trắng</w:t></w:r>')
    _raw_paragraph(doc, '<w:r><w:rPr><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:fill="1F3864"/></w:rPr>'
                        "<w:t>trắng trên nền</w:t></w:r>")
    shaded = doc.add_paragraph()
    shaded._p.get_or_add_pPr().append(_fragment('<w:shd w:val="clear" w:fill="000000"/>')[0])
    white = shaded.add_run("trắng trên đoạn tô")
    white.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
    assert [p.text for p in _facts(doc).paragraphs] == ["Thấy ", "trắng trên nền", "trắng trên đoạn tô"]


def test_hidden_style_hides_the_text_and_a_direct_unhide_shows_it():
    doc = Document()
    style = _char_style(doc, "An")
    style.font.hidden = True
    doc.add_paragraph().add_run("ẩn", style="An")
    shown = doc.add_paragraph().add_run("hiện", style="An")
    shown.font.hidden = False
    assert [p.text for p in _facts(doc).paragraphs] == ["", "hiện"]


def test_even_and_odd_headers_setting_is_reported():
    doc = Document()
    assert _facts(doc).even_and_odd_headers is False
    doc.settings.odd_and_even_pages_header_footer = True
    assert _facts(doc).even_and_odd_headers is True


# --- tables ----------------------------------------------------------------------------------------


def test_table_cells_text_grid_and_paragraph_positions():
    doc = Document()
    doc.add_paragraph("trước")
    table = doc.add_table(rows=2, cols=3)
    table.cell(0, 0).text, table.cell(1, 2).text = "STT", "Ghi chú"
    facts = _facts(doc)
    assert facts.tables[0].cells == (("STT", "", ""), ("", "", "Ghi chú"))
    assert (facts.tables[0].rows, facts.tables[0].cols, facts.tables[0].nested_in) == (2, 3, None)
    last = facts.paragraphs[6]
    assert (last.text, last.in_table, last.table_index, last.row, last.cell) == ("Ghi chú", True, 0, 1, 2)
    assert facts.paragraphs[0].in_table is False and facts.paragraphs[0].cell is None


def test_a_cell_paragraph_knows_the_width_its_lines_may_fill():
    doc = Document()
    grid = doc.add_table(rows=1, cols=1)
    grid._tbl.tblGrid.find(qn("w:gridCol")).set(qn("w:w"), str(round(100 * TWIPS_PER_MM)))
    margins = _fragment('<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>')
    grid.cell(0, 0).text = "chữ"
    plain = _facts(doc).paragraphs[0]
    grid._tbl.tblPr.append(margins[0])
    tight = _facts(doc).paragraphs[0]
    doc.add_paragraph("ngoài bảng")
    assert (plain.cell_text_mm, tight.cell_text_mm, _facts(doc).paragraphs[-1].cell_text_mm) == (96.2, 100.0, None)


def test_nested_table_paragraphs_come_in_document_order():
    doc = Document()
    outer = doc.add_table(rows=1, cols=2)
    cell = outer.cell(0, 0)
    cell.text = "ngoài"
    cell.add_table(rows=1, cols=1).cell(0, 0).text = "trong"
    outer.cell(0, 1).text = "bên phải"
    facts = _facts(doc)
    assert [p.text for p in facts.paragraphs] == ["ngoài", "trong", "", "bên phải"]
    assert [p.table_index for p in facts.paragraphs] == [0, 1, 0, 0]
    assert facts.tables[1].nested_in == 0
    assert facts.tables[0].cells == (("ngoài\n", "bên phải"),)


def test_table_header_row_repeat_and_cant_split():
    doc = Document()
    table = doc.add_table(rows=4, cols=1)
    for index in (0, 1, 3):  # row 3 is a header flag after a normal row: not repeated
        table.rows[index]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    table.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    facts = _facts(doc).tables[0]
    assert facts.header_rows_repeat == 2
    assert facts.rows_cant_split == (False, False, True, False)


def test_table_borders_visible_from_style_or_cell_and_not_for_plain_table():
    doc = Document()
    doc.add_table(rows=1, cols=1, style="Table Grid")
    doc.add_table(rows=1, cols=1)
    marked = doc.add_table(rows=1, cols=1)
    borders = _fragment('<w:tcBorders><w:bottom w:val="single" w:sz="4"/></w:tcBorders>')[0]
    marked.cell(0, 0)._tc.get_or_add_tcPr().append(borders)
    hidden = doc.add_table(rows=1, cols=1, style="Table Grid")
    sides = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    hidden._tbl.tblPr.append(_fragment(f"<w:tblBorders>{sides}</w:tblBorders>")[0])
    assert [t.borders_visible for t in _facts(doc).tables] == [True, False, True, False]


def test_table_style_run_properties_layer_under_paragraph_style_with_first_row():
    doc = Document()
    style = doc.styles.add_style("Bảng", WD_STYLE_TYPE.TABLE)
    style.font.size, style.font.italic = Pt(12), True
    style.element.append(_fragment('<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr>')[0])
    _paragraph_style(doc, "Lớn").font.size = Pt(14)
    _paragraph_style(doc, "Nghiêng").font.italic = True
    table = doc.add_table(rows=2, cols=2, style="Bảng")  # python-docx writes tblLook firstRow=1
    table.cell(0, 0).text, table.cell(1, 0).text = "đầu", "thân"
    table.cell(1, 1).paragraphs[0].style = "Lớn"
    table.cell(1, 1).paragraphs[0].add_run("to")
    table.cell(0, 1).paragraphs[0].style = "Nghiêng"
    table.cell(0, 1).paragraphs[0].add_run("đứng")
    runs = {p.text: p.runs[0] for p in _facts(doc).paragraphs if p.runs}
    assert (runs["đầu"].bold, runs["đầu"].size_pt, runs["đầu"].italic) == (True, 12.0, True)
    assert (runs["thân"].bold, runs["thân"].size_pt) == (False, 12.0)
    assert runs["to"].size_pt == 14.0
    assert runs["đứng"].italic is False  # table-style italic XOR paragraph-style italic


def test_first_row_formatting_needs_table_look_first_row():
    doc = Document()
    style = doc.styles.add_style("Bảng đầu", WD_STYLE_TYPE.TABLE)
    style.element.append(_fragment('<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr>')[0])
    table = doc.add_table(rows=1, cols=1, style="Bảng đầu")
    table._tbl.tblPr.remove(table._tbl.tblPr.find(qn("w:tblLook")))
    table.cell(0, 0).text = "đầu"
    assert _facts(doc).paragraphs[0].runs[0].bold is False


def test_bottom_border_extent_in_table_cell():
    doc = Document()
    table = doc.add_table(rows=1, cols=2)
    table.columns[0].width = Mm(60)
    paragraph = table.cell(0, 0).paragraphs[0]
    paragraph.add_run("Độc lập - Tự do - Hạnh phúc")
    paragraph.paragraph_format.left_indent, paragraph.paragraph_format.right_indent = Mm(10), Mm(5)
    _bottom_border(paragraph)
    para = _facts(doc).paragraphs[0]
    margins = 2 * 108 / TWIPS_PER_MM  # Word's default cell margins, left and right
    assert para.cell_width_mm == 60.0
    assert para.border_bottom.extent_mm == pytest.approx(60 - margins - 15, abs=0.1)
    assert (para.border_bottom.style, para.border_bottom.size, para.border_top) == ("single", 6, None)


def test_bottom_border_extent_in_body_uses_section_text_width():
    doc = Document()
    _a4(doc.sections[0])
    paragraph = doc.add_paragraph("Kính gửi")
    paragraph.paragraph_format.left_indent = Mm(40)
    _bottom_border(paragraph, size=4)
    assert _facts(doc).paragraphs[0].border_bottom.extent_mm == 120.0  # 210 - 30 - 20 - 40


def test_paragraphs_in_tables_belong_to_surrounding_section():
    doc = Document()
    doc.add_paragraph("mở")
    doc.add_section()
    doc.add_table(rows=1, cols=1).cell(0, 0).text = "ô"
    facts = _facts(doc)
    cell_para = next(p for p in facts.paragraphs if p.in_table)
    assert (cell_para.section_index, facts.tables[0].section_index) == (1, 1)
    assert facts.paragraphs[0].section_index == 0


# --- input handling ------------------------------------------------------------------------------------


def test_extract_accepts_path_str_and_bytes(tmp_path):
    doc = Document()
    doc.add_paragraph("x")
    path = tmp_path / "vb.docx"
    doc.save(path)
    assert extract(path).paragraphs[0].text == extract(str(path)).paragraphs[0].text == "x"
    assert extract(path.read_bytes()).paragraphs[0].text == "x"


def test_missing_file_gives_clear_error(tmp_path):
    with pytest.raises(SourceError, match="không tìm thấy tệp"):
        extract(tmp_path / "khong-co.docx")


OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def test_doc_file_is_named_as_word_97_2003_with_how_to_convert_it(tmp_path):
    path = tmp_path / "cu.doc"
    path.write_bytes(OLE2 + b"\0" * 504 + "WordDocument".encode("utf-16-le"))
    with pytest.raises(SourceError) as caught:
        extract(path)
    assert str(caught.value) == (f"{path}: đây là tệp .doc (Word 97-2003), không phải tệp .docx; "
                                 "hãy mở bằng Word và lưu lại dưới dạng .docx (Word Document)")


def test_xls_file_is_named_as_excel_97_2003():
    data = OLE2 + b"\0" * 504 + "Workbook".encode("utf-16-le")
    with pytest.raises(SourceError, match=r"^<bytes>: đây là tệp \.xls \(Excel 97-2003\), không phải tệp \.docx$"):
        extract(data)


def test_encrypted_docx_asks_to_remove_the_password():
    data = OLE2 + b"\0" * 504 + "EncryptedPackage".encode("utf-16-le")
    with pytest.raises(SourceError) as caught:
        extract(data)
    assert str(caught.value) == ("<bytes>: tệp được đặt mật khẩu (mã hóa), không đọc được; "
                                 "hãy mở bằng Word, gỡ mật khẩu rồi lưu lại")


def test_truncated_docx_is_called_a_damaged_docx():
    data = _docx_bytes(Document())
    with pytest.raises(SourceError) as caught:
        extract(data[: len(data) // 2])
    assert str(caught.value) == "<bytes>: tệp .docx bị hỏng, không đọc được (gói ZIP không trọn vẹn)"


def test_unrecognisable_bytes_are_not_a_docx():
    with pytest.raises(SourceError) as caught:
        extract(b"PK\x03\x04 garbage")
    assert str(caught.value) == "<bytes>: không phải tệp .docx (không phải gói ZIP hợp lệ hoặc tệp bị hỏng)"


def test_zip_without_word_folder_is_named_as_a_zip():
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("hello.txt", "xin chào")
    with pytest.raises(SourceError) as caught:
        extract(stream.getvalue())
    assert str(caught.value) == ("<bytes>: đây là tệp nén ZIP, không phải tệp .docx; "
                                 "nếu tệp nén chứa văn bản, hãy giải nén rồi kiểm tra các tệp .docx bên trong")


def test_xlsx_is_named_as_an_excel_workbook():
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(SourceError, match=r"^<bytes>: đây là bảng tính Excel \(XLSX\), không phải tệp \.docx$"):
        extract(stream.getvalue())


def test_word_package_without_main_document_is_not_a_word_document():
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("word/styles.xml", "<w:styles/>")
    with pytest.raises(SourceError, match="không phải tài liệu Word"):
        extract(stream.getvalue())


def test_malformed_document_xml_gives_clear_error():
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes(Document())))
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            archive.writestr(item, b"<w:document><w:body>" if item.filename == "word/document.xml" else data)
    with pytest.raises(SourceError, match="bị hỏng"):
        extract(stream.getvalue())


def test_strict_open_xml_gives_clear_error():
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes(Document())))
    strict = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = data.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main", strict)
            archive.writestr(item, data)
    with pytest.raises(SourceError, match="Strict"):
        extract(stream.getvalue())


def test_plain_text_file_is_named_as_text(tmp_path):
    path = tmp_path / "ghi-chu.docx"
    path.write_text("không phải docx", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        extract(path)
    assert str(caught.value) == f"{path}: đây là tệp văn bản thuần (text), không phải tệp .docx"


def test_yaml_plan_says_which_commands_take_it(tmp_path):
    path = tmp_path / "xa-a.yaml"
    path.write_text("# Kế hoạch\nissuing_body:\n  name: Ủy ban nhân dân xã A\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        extract(path)
    assert str(caught.value) == (f"{path}: đây là tệp kế hoạch YAML, không phải tệp .docx; để sinh văn bản từ kế "
                                 f"hoạch này hãy dùng: cchc-docs build {path} (chỉ kiểm tra dữ liệu: "
                                 f"cchc-docs validate {path})")


def test_pdf_points_to_the_original_docx_and_to_preview(tmp_path):
    path = tmp_path / "quyet-dinh.pdf"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n")
    with pytest.raises(SourceError) as caught:
        extract(path)
    assert str(caught.value) == (f"{path}: đây là tệp PDF, không phải tệp .docx; cchc-docs check chỉ đọc tệp .docx: "
                                 f"hãy kiểm tra tệp .docx gốc (xem các trang PDF bằng: cchc-docs preview {path})")


def test_folder_asks_for_the_files_in_it(tmp_path):
    with pytest.raises(SourceError) as caught:
        extract(tmp_path)
    assert str(caught.value) == (f"{tmp_path}: đây là thư mục, không phải tệp .docx; "
                                 f"hãy chỉ rõ các tệp, ví dụ: cchc-docs check {tmp_path}/*.docx")


def test_empty_file_is_named_as_empty(tmp_path):
    path = tmp_path / "rong.docx"
    path.write_bytes(b"")
    with pytest.raises(SourceError) as caught:
        extract(path)
    assert str(caught.value) == f"{path}: đây là tệp rỗng, không phải tệp .docx"
