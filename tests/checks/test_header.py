"""Boxes 1–2: Quốc hiệu, Tiêu ngữ, issuing body and the rules under them (§4.1, §4.2)."""

from __future__ import annotations

import pytest
from docx.shared import Mm
from helpers import border

from .conftest import NATIONAL, add_para, decision, fired, for_runs, set_text


def test_clean_header_passes(built_decision):
    header_rules = {r for r in built_decision.ids() if r.startswith(("ND30-NATIONAL", "ND30-MOTTO", "ND30-ISSUING"))}
    assert header_rules == set()


def test_missing_national_title_is_reported(built_decision):
    set_text(built_decision["national_title"], "")
    assert fired(built_decision, "ND30-NATIONAL-TITLE-MISSING")


@pytest.mark.parametrize("text", ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT  NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHỈA VIỆT NAM",
                                  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM."])
def test_national_title_must_be_exact(text):
    built = decision()
    set_text(built["national_title"], text)
    (finding,) = fired(built, "ND30-NATIONAL-TITLE-TEXT")
    assert finding.component == "Quốc hiệu"


def test_both_spellings_of_hoa_are_accepted():
    built = decision()
    set_text(built["national_title"], NATIONAL.replace("HÒA", "HOÀ"))
    assert not fired(built, "ND30-NATIONAL-TITLE-TEXT")


def test_missing_motto_is_reported(built_decision):
    set_text(built_decision["motto"], "")
    assert fired(built_decision, "ND30-MOTTO-MISSING")


@pytest.mark.parametrize("dash", ["–", "—", "−"])
def test_motto_with_a_long_dash_is_reported_by_the_dash_rule_only(dash):
    built = decision()
    set_text(built["motto"], f"Độc lập {dash} Tự do {dash} Hạnh phúc")
    ids = built.ids()
    assert "ND30-MOTTO-DASH" in ids and "ND30-MOTTO-TEXT" not in ids


@pytest.mark.parametrize("text", ["Độc lập-Tự do-Hạnh phúc", "Độc Lập - Tự Do - Hạnh Phúc",
                                  "Độc lập -  Tự do - Hạnh phúc"])
def test_motto_spacing_and_case_are_checked(text):
    built = decision()
    set_text(built["motto"], text)
    assert fired(built, "ND30-MOTTO-TEXT")


def test_empty_line_between_national_title_and_motto_is_reported(built_decision):
    assert not fired(built_decision, "ND30-MOTTO-ADJACENT")
    cell = built_decision["motto"]._parent
    built_decision["motto"]._p.addprevious(add_para(cell)._p)
    assert fired(built_decision, "ND30-MOTTO-ADJACENT")


def _remove_border(paragraph) -> None:
    ppr = paragraph._p.pPr
    ppr.remove(ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"))


def test_missing_rule_under_motto_is_reported(built_decision):
    _remove_border(built_decision["motto_rule"])
    assert fired(built_decision, "ND30-MOTTO-RULE")


def test_dotted_rule_under_motto_is_reported(built_decision):
    border = built_decision["motto_rule"]._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr")[0]
    border.set("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "dotted")
    (finding,) = fired(built_decision, "ND30-MOTTO-RULE")
    assert finding.got == "dotted"


def test_motto_rule_as_a_bottom_border_of_the_motto_passes(built_decision):
    _remove_border(built_decision["motto_rule"])
    border(built_decision["motto"], side="bottom")
    fmt = built_decision["motto"].paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(20)
    assert not fired(built_decision, "ND30-MOTTO-RULE") and not fired(built_decision, "ND30-MOTTO-RULE-LENGTH")


def test_motto_rule_of_the_wrong_length_is_a_warning(built_decision):
    fmt = built_decision["motto_rule"].paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(30)
    (finding,) = fired(built_decision, "ND30-MOTTO-RULE-LENGTH")
    assert finding.severity == "warning" and finding.got == "36,2 mm"


def test_missing_issuing_body_is_reported(built_decision):
    for line in built_decision["body_lines"]:
        set_text(line, "")
    assert fired(built_decision, "ND30-ISSUING-BODY-MISSING")


def test_missing_rule_under_issuing_body_is_reported(built_decision):
    _remove_border(built_decision["body_rule"])
    assert fired(built_decision, "ND30-ISSUING-BODY-RULE")


def test_rule_under_issuing_body_must_be_a_third_to_a_half(built_decision):
    fmt = built_decision["body_rule"].paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(0)
    (finding,) = fired(built_decision, "ND30-ISSUING-BODY-RULE-LENGTH")
    assert finding.got == "61,2 mm" and finding.severity == "error"


def test_header_sizes_move_together():
    built = decision()
    for_runs(built["national_title"], size=13)
    for_runs(built["motto"], size=14)
    for_runs(built["date"], size=14)
    assert not fired(built, "ND30-HEADER-SIZES-CONSISTENT")
    for_runs(built["motto"], size=13)
    (finding,) = fired(built, "ND30-HEADER-SIZES-CONSISTENT")
    assert finding.severity == "warning"


def test_an_underlined_motto_counts_as_its_rule(built_decision):
    _remove_border(built_decision["motto_rule"])
    for run in built_decision["motto"].runs:
        run.underline = True
    ids = built_decision.ids()
    assert "ND30-MOTTO-RULE" not in ids and "ND30-MOTTO-RULE-LENGTH" not in ids


def test_an_underlined_issuing_body_is_a_rule_of_the_wrong_length(built_decision):
    _remove_border(built_decision["body_rule"])
    for run in built_decision["body_lines"][-1].runs:
        run.underline = True
    ids = built_decision.ids()
    assert "ND30-ISSUING-BODY-RULE" not in ids and "ND30-ISSUING-BODY-RULE-LENGTH" in ids
