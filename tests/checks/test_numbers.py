"""Boxes 3–4: Số, ký hiệu and the place-and-date line (§4.3, §4.4)."""

from __future__ import annotations

import pytest

from .conftest import decision, fired, letter, set_text


def _with_number(text: str):
    built = decision()
    set_text(built["number"], text)
    return built


def _with_date(text: str):
    built = decision()
    set_text(built["date"], text)
    return built


@pytest.mark.parametrize("text", ["Số: 05/QĐ-UBND", "Số: 39/QĐ-UBND", "Số: 120/QĐ-UBND", "Số:      /QĐ-UBND",
                                  "Số: /QĐ-UBND"])
def test_valid_and_draft_numbers_pass(text):
    ids = _with_number(text).ids()
    assert not {i for i in ids if i.startswith("ND30-NUMBER")}


def test_missing_number_line_is_reported(built_decision):
    set_text(built_decision["number"], "")
    assert fired(built_decision, "ND30-NUMBER-MISSING")


@pytest.mark.parametrize("text", ["Số 05/QĐ-UBND", "SỐ: 05/QĐ-UBND", "Số : 05/QĐ-UBND", "Số:  05/QĐ-UBND",
                                  "Số: năm/QĐ-UBND"])
def test_number_prefix_is_checked(text):
    assert fired(_with_number(text), "ND30-NUMBER-FORMAT")


@pytest.mark.parametrize("text, expected", [("Số: 5/QĐ-UBND", "05"), ("Số: 012/QĐ-UBND", "12")])
def test_number_below_ten_has_one_leading_zero(text, expected):
    (finding,) = fired(_with_number(text), "ND30-NUMBER-LEADING-ZERO")
    assert finding.expected == expected


def test_spaces_in_the_symbol_are_reported():
    (finding,) = fired(_with_number("Số: 05/QĐ - UBND"), "ND30-NUMBER-SPACES")
    assert finding.expected == "05/QĐ-UBND"


@pytest.mark.parametrize("text, got", [("Số: 05/KH-UBND", "KH"), ("Số: 05/QD-UBND", "QD"), ("Số: 05/Qđ-UBND", "Qđ")])
def test_type_code_must_match_the_type_name(text, got):
    (finding,) = fired(_with_number(text), "ND30-NUMBER-TYPE-CODE")
    assert finding.expected == "QĐ" and finding.got == got


def test_mixed_case_codes_keep_their_case():
    built = decision()
    set_text(built["doc_type"], "QUY ĐỊNH")
    set_text(built["number"], "Số: 05/QyĐ-UBND")
    assert not fired(built, "ND30-NUMBER-TYPE-CODE")
    set_text(built["number"], "Số: 05/QYĐ-UBND")
    assert fired(built, "ND30-NUMBER-TYPE-CODE")


def test_symbol_in_lower_case_is_reported():
    (finding,) = fired(_with_number("Số: 05/QĐ-Ubnd"), "ND30-NUMBER-CASE")
    assert finding.got == "Ubnd"


def test_symbol_without_the_body_abbreviation_is_reported():
    assert fired(_with_number("Số: 05/QĐ"), "ND30-NUMBER-CASE")


def test_letter_number_has_no_type_code():
    built = letter()
    assert not fired(built, "ND30-LETTER-NUMBER")
    set_text(built["number"], "Số: 15/CV-UBND")
    assert fired(built, "ND30-LETTER-NUMBER")


def test_missing_date_is_reported(built_decision):
    set_text(built_decision["date"], "")
    assert fired(built_decision, "ND30-DATE-MISSING")


@pytest.mark.parametrize("text", ["Thượng Hồng ngày 05 tháng 01 năm 2025", "Thượng Hồng, Ngày 05 tháng 01 năm 2025",
                                  "Thượng Hồng, ngày 05 tháng 01 năm 25"])
def test_date_line_form_is_checked(text):
    assert fired(_with_date(text), "ND30-DATE-FORMAT")


@pytest.mark.parametrize("text", ["Thượng Hồng, ngày 05 tháng 01 năm 2025", "Thượng Hồng, ngày 31 tháng 7 năm 2025",
                                  "Thượng Hồng, ngày      tháng 7 năm 2025", "Thượng Hồng, ngày 10 tháng 12 năm 2025"])
def test_correct_and_draft_dates_pass(text):
    ids = _with_date(text).ids()
    assert not {i for i in ids if i.startswith("ND30-DATE")}


def test_day_below_ten_needs_a_zero():
    (finding,) = fired(_with_date("Thượng Hồng, ngày 5 tháng 01 năm 2025"), "ND30-DATE-DAY-PADDING")
    assert (finding.expected, finding.got) == ("ngày 05", "ngày 5")


@pytest.mark.parametrize("month, expected", [("07", "tháng 7"), ("1", "tháng 01"), ("2", "tháng 02"),
                                               ("011", "tháng 11")])
def test_month_padding_only_for_january_and_february(month, expected):
    (finding,) = fired(_with_date(f"Thượng Hồng, ngày 05 tháng {month} năm 2025"), "ND30-DATE-MONTH-PADDING")
    assert finding.expected == expected


def test_dates_cited_in_the_content_follow_the_same_padding(built_decision):
    assert not fired(built_decision, "ND30-CITED-DATE-PADDING")
    set_text(built_decision["bases"][0], "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 06 năm 2025;")
    (finding,) = fired(built_decision, "ND30-CITED-DATE-PADDING")
    assert finding.severity == "warning" and finding.expected == "tháng 6"


def test_a_date_in_figures_is_recognised_and_reported():
    (finding,) = fired(_with_date("Thượng Hồng, ngày 05/01/2025"), "ND30-DATE-FORMAT")
    assert finding.component == "Địa danh, ngày tháng"
