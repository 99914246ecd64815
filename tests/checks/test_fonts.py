"""Font family, colour, NFC and leftover placeholders (§1, §7)."""

from __future__ import annotations

import unicodedata

import pytest
from docx.shared import RGBColor

from .conftest import add_para, decision, fired, for_runs, set_text


def test_times_new_roman_everywhere_passes(built_decision):
    assert not fired(built_decision, "ND30-FONT-FAMILY")


def test_a_run_in_arial_is_reported_with_the_font_name(built_decision):
    article = built_decision["articles"][1]
    for_runs(article, font="Arial")
    (finding,) = fired(built_decision, "ND30-FONT-FAMILY")
    assert finding.got == "Arial" and finding.paragraph is not None and finding.excerpt.startswith("Điều 2.")


def test_font_in_the_page_header_is_checked(built_decision):
    for_runs(built_decision["page_number"], font="Calibri")
    (finding,) = fired(built_decision, "ND30-FONT-FAMILY")
    assert finding.component == "Đầu trang" and finding.paragraph is None


def test_coloured_text_is_reported(built_decision):
    assert not fired(built_decision, "ND30-FONT-COLOR")
    built_decision["summary"].runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)
    (finding,) = fired(built_decision, "ND30-FONT-COLOR")
    assert finding.got == "#FF0000"


def test_explicit_black_is_accepted(built_decision):
    built_decision["summary"].runs[0].font.color.rgb = RGBColor(0, 0, 0)
    assert not fired(built_decision, "ND30-FONT-COLOR")


def test_decomposed_vietnamese_is_a_warning(built_decision):
    assert not fired(built_decision, "ND30-TEXT-NFC")
    paragraph = built_decision["articles"][1]
    paragraph.runs[1].text = unicodedata.normalize("NFD", paragraph.runs[1].text)
    (finding,) = fired(built_decision, "ND30-TEXT-NFC")
    assert finding.severity == "warning"


@pytest.mark.parametrize("name", ["[Họ] Thị Thay", "[Họ và tên]", "Họ và tên"])
def test_placeholder_in_the_signer_name_is_a_warning(name):
    built = decision()
    set_text(built["signer_name"], name)
    (finding,) = fired(built, "ND30-PLACEHOLDER")
    assert finding.severity == "warning" and finding.excerpt == name


def test_model_signature_note_is_reported():
    built = decision()
    cell = built["signer_name"]._parent
    note = add_para(cell, "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)", italic=True)
    built["signer_name"]._p.addprevious(note._p)
    assert fired(built, "ND30-PLACEHOLDER")


def test_ellipsis_alone_is_reported():
    built = decision()
    built["articles"][1]._p.addnext(add_para(built.doc, "…")._p)
    assert fired(built, "ND30-PLACEHOLDER")


def test_numbered_references_in_brackets_are_not_placeholders():
    built = decision()
    built.body("Theo tài liệu [1] và [2], kết quả đã được công bố./.")
    assert not fired(built, "ND30-PLACEHOLDER")


@pytest.mark.parametrize("text", [
    "Họ và tên", "  HỌ VÀ TÊN ", "Ho\u0323 va\u0300 te\u0302n", "Họ   tên", "\u0301Họ tên", "h\u0323ọ và tên",
    "(Chữ ký, dấu)", "x (ký tên)", "[Họ và tên]", "…", "...", "___", "____________", "Nội dung thường", "",
    "(kèm theo Quyết định số 05/QĐ-UBND)", "Hồ sơ", "ḤỌ VÀ TÊN NGƯỜI KÝ", "Kế hoạch (đợt 2)", " (Chữ ký)",
    "\u00a0(ký tên)", "\u2003(Ký, ghi rõ họ tên)", "\u0301(ký tên)", "\u0301 (ký tên)", "Ký tên (chữ ký)",
])
def test_the_placeholder_shortcut_finds_what_folding_every_line_finds(text):
    """Lines are folded only when they could fold to a model text: the answer is the same as folding all."""
    from cchc_docs.checks.pieces import is_rule_text
    from cchc_docs.checks.rules import fonts
    from cchc_docs.checks.text import fold

    def reference(text: str) -> str | None:
        if is_rule_text(text):
            return None
        if match := fonts._BRACKETED.search(text):
            return match.group(0)
        folded = fold(text)
        return text if fonts._MODEL_NOTE.match(folded) or folded in fonts._MODEL_TEXTS or fonts._DOTS.match(text) \
            else None

    assert fonts._placeholder(text) == reference(text)
