"""Box 5 and the opening of the content: trích yếu, authority, căn cứ, QUYẾT ĐỊNH:, Điều, Kính gửi."""

from __future__ import annotations

import pytest
from docx.shared import Mm

from .conftest import add_para, add_run, decision, fired, for_runs, full, report, set_text


def _remove_border(paragraph) -> None:
    ppr = paragraph._p.pPr
    ppr.remove(ppr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr"))


def test_missing_summary_is_reported(built_decision):
    assert not fired(built_decision, "ND30-SUMMARY-MISSING")
    set_text(built_decision["summary"], "")
    assert fired(built_decision, "ND30-SUMMARY-MISSING")


def test_missing_rule_under_summary_is_reported(built_decision):
    assert not fired(built_decision, "ND30-SUMMARY-RULE")
    _remove_border(built_decision["summary_rule"])
    assert fired(built_decision, "ND30-SUMMARY-RULE")


def test_summary_rule_longer_than_half_the_line_is_reported(built_decision):
    assert not fired(built_decision, "ND30-SUMMARY-RULE-LENGTH")
    fmt = built_decision["summary_rule"].paragraph_format
    fmt.left_indent = fmt.right_indent = Mm(10)
    (finding,) = fired(built_decision, "ND30-SUMMARY-RULE-LENGTH")
    assert finding.got == "145,0 mm"


def test_summary_with_a_full_stop_is_a_warning(built_decision):
    assert not fired(built_decision, "ND30-SUMMARY-NO-PERIOD")
    built_decision["summary"].runs[0].text += "."
    (finding,) = fired(built_decision, "ND30-SUMMARY-NO-PERIOD")
    assert finding.severity == "warning"


def test_attached_plan_needs_a_rule_under_the_kem_theo_line():
    built = full()
    assert not fired(built, "ND30-ATTACHED-RULE")
    rules = [p for p in built.doc.paragraphs if p._p.pPr is not None and p._p.pPr.find(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pBdr") is not None and not p.text]
    attached_rule = next(p for p in rules if p._p.getprevious() is built["attached"]._p)
    _remove_border(attached_rule)
    assert fired(built, "ND30-ATTACHED-RULE")


def test_collective_authority_needs_tm_in_the_signature(built_decision):
    assert not fired(built_decision, "ND30-SIGNER-MATCHES-AUTHORITY")
    set_text(built_decision["signer_titles"][0], "KT. CHỦ TỊCH")
    set_text(built_decision["signer_titles"][1], "PHÓ CHỦ TỊCH")
    (finding,) = fired(built_decision, "ND30-SIGNER-MATCHES-AUTHORITY")
    assert finding.severity == "warning"


def test_personal_authority_is_not_signed_on_behalf(built_decision):
    set_text(built_decision["authority"], "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG")
    assert fired(built_decision, "ND30-SIGNER-MATCHES-AUTHORITY")


@pytest.mark.parametrize("position, ending", [(0, ","), (1, ""), (2, ";")])
def test_basis_lines_end_with_semicolons_and_a_full_stop(position, ending):
    built = decision()
    paragraph = built["bases"][position]
    set_text(paragraph, paragraph.text[:-1] + ending)
    (finding,) = fired(built, "ND30-BASIS-PUNCTUATION")
    assert finding.expected == ('"."' if position == 2 else '";"')


def test_decides_line_without_colon_is_a_warning(built_decision):
    assert not fired(built_decision, "ND30-DECIDES-TEXT")
    set_text(built_decision["decides"], "QUYẾT ĐỊNH")
    (finding,) = fired(built_decision, "ND30-DECIDES-TEXT")
    assert finding.severity == "warning"


@pytest.mark.parametrize("label", ["Điều 2:", "Điều 2 -", "Điều II.", "Điều 2"])
def test_article_label_is_dieu_number_dot(label):
    built = decision()
    built["articles"][1].runs[0].text = label
    (finding,) = fired(built, "ND30-ARTICLE-FORMAT")
    assert finding.expected == "Điều 2."


def test_article_label_must_be_bold(built_decision):
    assert not fired(built_decision, "ND30-ARTICLE-BOLD")
    built_decision["articles"][0].runs[0].bold = False
    assert fired(built_decision, "ND30-ARTICLE-BOLD")


def test_article_with_a_bold_title_passes():
    built = decision()
    for_runs(built["articles"][0], bold=True)
    assert not fired(built, "ND30-ARTICLE-BOLD")


@pytest.mark.parametrize("labels, expected", [(["Điều 1.", "Điều 3.", "Điều 4."], "Điều 2"),
                                              (["Điều 1.", "Điều 1.", "Điều 3."], "Điều 2")])
def test_articles_are_numbered_without_gaps_or_repeats(labels, expected):
    built = decision()
    for paragraph, label in zip(built["articles"], labels, strict=True):
        paragraph.runs[0].text = label
    (finding,) = fired(built, "ND30-ARTICLE-NUMBERING")
    assert finding.expected == expected


def test_addressee_with_one_recipient_on_the_same_line_passes():
    assert not fired(report(), "ND30-ADDRESSEE-FORMAT")


def test_addressee_without_colon_is_reported():
    built = report()
    set_text(built["addressee"], "Kính gửi Sở Nội vụ thành phố Hải Phòng")
    assert fired(built, "ND30-ADDRESSEE-FORMAT")


def test_several_addressees_are_listed_with_dashes_and_punctuation():
    built = report()
    set_text(built["addressee"], "Kính gửi:")
    first = add_para(built.doc, "- Sở Nội vụ thành phố Hải Phòng;")
    second = add_para(built.doc, "- Ủy ban nhân dân thành phố Hải Phòng.")
    built["addressee"]._p.addnext(first._p)
    first._p.addnext(second._p)
    assert not fired(built, "ND30-ADDRESSEE-FORMAT")
    set_text(second, "- Ủy ban nhân dân thành phố Hải Phòng;")
    (finding,) = fired(built, "ND30-ADDRESSEE-FORMAT")
    assert finding.expected == '"- …."'
    assert add_run  # the helper stays importable for callers building runs by hand


def test_a_summary_typed_in_capitals_is_still_the_summary():
    built = decision()
    set_text(built["summary"], "BAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    set_text(built["authority"], "")
    (finding,) = fired(built, "ND30-SUMMARY-CASE")
    assert finding.got == "in hoa toàn bộ"
