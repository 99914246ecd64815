"""Page setup and page numbers (§1, §10)."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from .conftest import appendix_part, decision, fired, full, page_number, plan_part


def _clear_page_number(built) -> None:
    for run in built["page_number"].runs:
        run._r.getparent().remove(run._r)


def _long(built, paragraphs: int = 60):
    for _ in range(paragraphs):
        built.body("Ủy ban nhân dân xã tiếp tục triển khai các nhiệm vụ cải cách hành chính theo kế hoạch đã ban hành.")
    return built


def test_a4_paper_passes(built_decision):
    assert not fired(built_decision, "ND30-PAPER-SIZE")


def test_letter_paper_is_reported():
    built = decision()
    built.doc.sections[0].page_width, built.doc.sections[0].page_height = Mm(215.9), Mm(279.4)
    (finding,) = fired(built, "ND30-PAPER-SIZE")
    assert finding.severity == "error" and "215.9" in finding.got


def test_landscape_page_with_a_table_passes():
    assert not fired(full(), "ND30-ORIENTATION")


def test_landscape_page_without_a_table_is_reported():
    built = decision()
    section = built.doc.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(210)
    assert fired(built, "ND30-ORIENTATION")


@pytest.mark.parametrize("side, good, bad", [("top", 25, 15), ("bottom", 20, 26), ("left", 35, 25), ("right", 20, 25)])
def test_each_margin_is_checked_against_its_range(side, good, bad):
    rule_id = f"ND30-MARGIN-{side.upper()}"
    built = decision()
    setattr(built.doc.sections[0], f"{side}_margin", Mm(good))
    assert not fired(built, rule_id)
    setattr(built.doc.sections[0], f"{side}_margin", Mm(bad))
    (finding,) = fired(built, rule_id)
    assert finding.expected.endswith("mm") and finding.got == f"{bad:.1f} mm".replace(".", ",")


def test_a_long_document_without_page_numbers_is_reported():
    built = _long(decision())
    assert not fired(built, "ND30-PAGE-NUMBER-MISSING")
    _clear_page_number(built)
    assert fired(built, "ND30-PAGE-NUMBER-MISSING")


def test_a_one_page_document_may_have_no_page_number():
    built = decision()
    _clear_page_number(built)
    assert not fired(built, "ND30-PAGE-NUMBER-MISSING")


def test_page_number_in_the_footer_is_reported():
    built = decision()
    _clear_page_number(built)
    page_number(built.doc.sections[0], story="footer")
    assert fired(built, "ND30-PAGE-NUMBER-POSITION")


def test_page_number_not_centred_is_reported(built_decision):
    assert not fired(built_decision, "ND30-PAGE-NUMBER-POSITION")
    built_decision["page_number"].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    (finding,) = fired(built_decision, "ND30-PAGE-NUMBER-POSITION")
    assert finding.got == "căn phải"


def test_page_number_size_is_13_to_14_pt():
    assert not fired(decision(), "ND30-PAGE-NUMBER-SIZE")
    built = decision()
    _clear_page_number(built)
    page_number(built.doc.sections[0], size=11)
    assert fired(built, "ND30-PAGE-NUMBER-SIZE")


def test_italic_page_number_is_reported(built_decision):
    assert not fired(built_decision, "ND30-PAGE-NUMBER-UPRIGHT")
    for run in built_decision["page_number"].runs:
        run.italic = True
    assert fired(built_decision, "ND30-PAGE-NUMBER-UPRIGHT")


def test_page_number_shown_on_page_one_is_reported(built_decision):
    assert not fired(built_decision, "ND30-PAGE-NUMBER-FIRST-PAGE")
    built_decision.doc.sections[0].different_first_page_header_footer = False
    (finding,) = fired(built_decision, "ND30-PAGE-NUMBER-FIRST-PAGE")
    assert finding.page == 1 and finding.severity == "error"


def test_page_number_on_the_first_page_of_an_appendix_is_a_warning():
    built = full()
    assert not fired(built, "ND30-PAGE-NUMBER-PART-FIRST-PAGE")
    built.doc.sections[-1].different_first_page_header_footer = False
    (finding,) = fired(built, "ND30-PAGE-NUMBER-PART-FIRST-PAGE")
    assert finding.severity == "warning"


def test_appendix_must_restart_page_numbers():
    built = decision()
    plan_part(built)
    appendix_part(built)
    assert not fired(built, "ND30-PAGE-NUMBER-RESTART")
    sect_pr = built.doc.sections[-1]._sectPr
    sect_pr.remove(sect_pr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType"))
    (finding,) = fired(built, "ND30-PAGE-NUMBER-RESTART")
    assert finding.component == "Phụ lục"
