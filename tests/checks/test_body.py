"""Box 6, the content: paragraph format, numbering, the ./. end mark (§6)."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt

from .conftest import decision, fired, full, plan_part, set_text


def test_body_must_be_justified(built_decision):
    assert not fired(built_decision, "ND30-BODY-ALIGN")
    built_decision["articles"][1].alignment = WD_ALIGN_PARAGRAPH.LEFT
    (finding,) = fired(built_decision, "ND30-BODY-ALIGN")
    assert finding.got == "căn trái"


def test_headings_are_free_in_alignment_and_indent():
    built = full()
    for heading in built["sections"]:
        heading.alignment = WD_ALIGN_PARAGRAPH.LEFT
        heading.paragraph_format.first_line_indent = Mm(0)
    ids = built.ids()
    assert "ND30-BODY-ALIGN" not in ids and "ND30-BODY-INDENT" not in ids


@pytest.mark.parametrize("indent, ok", [(10, True), (12.7, True), (12.5, True), (0, False), (15, False), (5, False)])
def test_first_line_indent_is_1_or_1_27_cm(indent, ok):
    built = decision()
    built["articles"][1].paragraph_format.first_line_indent = Mm(indent)
    assert bool(fired(built, "ND30-BODY-INDENT")) is not ok


def test_basis_lines_follow_the_model_layout_as_a_warning(built_decision):
    assert not fired(built_decision, "ND30-BASIS-LAYOUT")
    built_decision["bases"][1].paragraph_format.first_line_indent = Mm(0)
    built_decision["bases"][2].paragraph_format.space_before = Pt(0)
    findings = fired(built_decision, "ND30-BASIS-LAYOUT")
    assert len(findings) == 2 and {f.severity for f in findings} == {"warning"}
    assert "ND30-BODY-INDENT" not in built_decision.ids()


def test_a_leading_tab_stands_for_the_indent():
    built = decision()
    paragraph = built["articles"][1]
    paragraph.paragraph_format.first_line_indent = Mm(0)
    paragraph.runs[0]._r.addprevious(paragraph.add_run("\t")._r)
    assert not fired(built, "ND30-BODY-INDENT")


def test_paragraph_spacing_of_at_least_6_pt(built_decision):
    assert not fired(built_decision, "ND30-BODY-SPACING")
    built_decision["articles"][2].paragraph_format.space_before = Pt(2)
    (finding,) = fired(built_decision, "ND30-BODY-SPACING")
    assert finding.got == "2 pt"


def test_spacing_after_the_previous_paragraph_counts(built_decision):
    built_decision["articles"][1].paragraph_format.space_after = Pt(6)
    built_decision["articles"][2].paragraph_format.space_before = Pt(0)
    assert not fired(built_decision, "ND30-BODY-SPACING")


@pytest.mark.parametrize("spacing, ok", [(1.0, True), (1.15, True), (1.5, True), (2.0, False), (0.9, False)])
def test_line_spacing_from_single_to_one_and_a_half(spacing, ok):
    built = decision()
    built["articles"][0].paragraph_format.line_spacing = spacing
    assert bool(fired(built, "ND30-BODY-LINE-SPACING")) is not ok


@pytest.mark.parametrize("points, ok", [(14, True), (18, True), (21, True), (12, False), (24, False)])
def test_exact_line_spacing_within_one_to_one_and_a_half_sizes(points, ok):
    built = decision()
    fmt = built["articles"][0].paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(points)
    findings = fired(built, "ND30-BODY-LINE-SPACING-EXACT")
    assert bool(findings) is not ok and all(f.severity == "warning" for f in findings)


def test_content_ends_with_the_end_mark(built_decision):
    assert not fired(built_decision, "ND30-END-MARK")
    last = built_decision["articles"][-1]
    last.runs[-1].text = last.runs[-1].text.replace("./.", ".")
    (finding,) = fired(built_decision, "ND30-END-MARK")
    assert finding.severity == "warning"


def test_attached_plan_ends_with_the_end_mark_too():
    built = full()
    assert not fired(built, "ND30-END-MARK")
    built.body("Một đoạn thêm không có dấu kết thúc.")
    assert not fired(built, "ND30-END-MARK")  # the appendix part, not the plan, holds it
    plan_last = built["sections"][-1]._p.getnext()
    plan_last.getparent().remove(plan_last)
    assert fired(built, "ND30-END-MARK")


@pytest.mark.parametrize("labels, got", [(["I.", "II.", "II."], "II."), (["I.", "III.", "IV."], "III."),
                                         (["II.", "III.", "IV."], "II.")])
def test_sections_are_numbered_in_sequence(labels, got):
    built = full()
    for heading in built["sections"]:
        heading._p.getparent().remove(heading._p)
    built["sections"] = []
    for label in labels:
        built.body(f"{label} TIÊU ĐỀ MỤC", bold=True, key="sections")
        built.body("Nội dung của mục.")
    (finding,) = fired(built, "ND30-SECTION-NUMBERING")
    assert finding.got == got


def test_one_mistake_in_numbering_gives_one_finding():
    built = decision()
    plan_part(built)
    for label in ("III.", "III.", "V."):
        built.body(f"{label} MỤC THÊM", bold=True)
    assert len(fired(built, "ND30-SECTION-NUMBERING")) == 1


def test_clauses_restart_in_every_section():
    built = full()
    assert not fired(built, "ND30-CLAUSE-NUMBERING")
    set_text(built["clauses"][1], "3. Yêu cầu")
    (finding,) = fired(built, "ND30-CLAUSE-NUMBERING")
    assert (finding.expected, finding.got) == ("2.", "3.")


@pytest.mark.parametrize("index, letter", [(4, "e"), (1, "f"), (5, "f")])
def test_points_follow_the_vietnamese_alphabet(index, letter):
    built = full()
    assert not fired(built, "ND30-POINT-LETTERS")
    paragraph = built["points"][index]
    set_text(paragraph, f"{letter}) {paragraph.text[3:]}")
    assert fired(built, "ND30-POINT-LETTERS")


def test_decimal_numbering_is_a_warning():
    built = full()
    assert not fired(built, "ND30-DECIMAL-NUMBERING")
    set_text(built["clauses"][1], "1.1. Yêu cầu")
    (finding,) = fired(built, "ND30-DECIMAL-NUMBERING")
    assert finding.severity == "warning"
