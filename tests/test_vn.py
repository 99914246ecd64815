"""Tests for the Vietnamese formatting rules in :mod:`cchc_docs.vn`."""

from __future__ import annotations

import unicodedata
from datetime import date
from decimal import Decimal

import pytest

from cchc_docs import vn


def is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# --- text -------------------------------------------------------------------


def test_nfc_composes_a_decomposed_string():
    composed = "Ủy ban nhân dân xã Thượng Hồng"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed
    assert vn.nfc(decomposed) == composed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ủy ban nhân dân xã Thượng Hồng", "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG"),
        ("đ", "Đ"),
        ("đảng ủy", "ĐẢNG ỦY"),
        ("cải cách hành chính", "CẢI CÁCH HÀNH CHÍNH"),
        ("quyết định", "QUYẾT ĐỊNH"),
        ("ỹ ữ ặ ộ ờ", "Ỹ Ữ Ặ Ộ Ờ"),
    ],
)
def test_upper_keeps_diacritics(text, expected):
    assert vn.upper(text) == expected
    assert is_nfc(vn.upper(text))


def test_upper_of_decomposed_input_is_nfc():
    decomposed = unicodedata.normalize("NFD", "Thượng Hồng")
    assert vn.upper(decomposed) == "THƯỢNG HỒNG"


# --- dates ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (31, "31")]
)
def test_day_is_always_two_digits(day, expected):
    assert vn.day_text(day) == expected


@pytest.mark.parametrize("day", [0, 32, -1])
def test_day_outside_month_range_is_rejected(day):
    with pytest.raises(ValueError):
        vn.day_text(day)


@pytest.mark.parametrize(
    ("month", "expected"),
    [(1, "01"), (2, "02"), (3, "3"), (9, "9"), (10, "10"), (11, "11"), (12, "12")],
)
def test_month_is_padded_only_for_january_and_february(month, expected):
    assert vn.month_text(month) == expected


@pytest.mark.parametrize("month", [0, 13, -1])
def test_month_outside_1_to_12_is_rejected(month):
    with pytest.raises(ValueError):
        vn.month_text(month)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2025, 1, 1), "ngày 01 tháng 01 năm 2025"),
        (date(2025, 2, 5), "ngày 05 tháng 02 năm 2025"),
        (date(2025, 12, 31), "ngày 31 tháng 12 năm 2025"),
        (date(2025, 7, 31), "ngày 31 tháng 7 năm 2025"),
        (date(2025, 1, 5), "ngày 05 tháng 01 năm 2025"),
        (date(2025, 10, 3), "ngày 03 tháng 10 năm 2025"),
    ],
)
def test_long_date_pads_day_and_only_early_months(d, expected):
    assert vn.long_date(d) == expected


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (("Thượng Hồng", 2025, 7, 31), "Thượng Hồng, ngày 31 tháng 7 năm 2025"),
        (("Thượng Hồng", 2025, 1, 5), "Thượng Hồng, ngày 05 tháng 01 năm 2025"),
        (("Thượng Hồng", 2025, 12, 31), "Thượng Hồng, ngày 31 tháng 12 năm 2025"),
        (("Thượng Hồng", 2025, 7), "Thượng Hồng, ngày      tháng 7 năm 2025"),
        (("Thượng Hồng", 2025, 2), "Thượng Hồng, ngày      tháng 02 năm 2025"),
        (("Thượng Hồng", 2025), "Thượng Hồng, ngày      tháng      năm 2025"),
    ],
)
def test_place_date_leaves_unsigned_day_and_month_blank(args, expected):
    assert vn.place_date(*args) == expected


def test_place_date_blank_is_six_spaces_between_words():
    line = vn.place_date("Thượng Hồng", 2025, 7)
    assert vn.BLANK == " " * 6
    assert "ngày" + vn.BLANK + "tháng" in line


def test_place_date_output_is_nfc_even_for_decomposed_place():
    place = unicodedata.normalize("NFD", "Thượng Hồng")
    assert vn.place_date(place, 2025, 7, 31) == "Thượng Hồng, ngày 31 tháng 7 năm 2025"


def test_place_date_rejects_day_without_month():
    with pytest.raises(ValueError):
        vn.place_date("Thượng Hồng", 2025, None, 5)


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2025, 9, 30), "30/9/2025"),
        (date(2025, 1, 5), "05/01/2025"),
        (date(2025, 8, 15), "15/8/2025"),
        (date(2025, 2, 1), "01/02/2025"),
        (date(2025, 12, 31), "31/12/2025"),
    ],
)
def test_short_date_follows_the_same_padding_rules(d, expected):
    assert vn.short_date(d) == expected


# --- numbering ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "expected"), [(1, "01"), (5, "05"), (9, "09"), (10, "10"), (39, "39"), (120, "120")]
)
def test_number_text_has_leading_zero_below_ten(number, expected):
    assert vn.number_text(number) == expected


@pytest.mark.parametrize("number", [0, -3])
def test_number_below_one_is_rejected(number):
    with pytest.raises(ValueError):
        vn.number_text(number)
    with pytest.raises(ValueError):
        vn.doc_number(number, "QĐ-UBND")


@pytest.mark.parametrize(
    ("number", "symbol", "expected"),
    [
        (39, "QĐ-UBND", "Số: 39/QĐ-UBND"),
        (5, "QĐ-UBND", "Số: 05/QĐ-UBND"),
        (12, "TTr-VHXH", "Số: 12/TTr-VHXH"),
        (1, "QyĐ-UBND", "Số: 01/QyĐ-UBND"),
        (7, "CTr-UBND", "Số: 07/CTr-UBND"),
        (None, "QĐ-UBND", "Số:      /QĐ-UBND"),
        (None, "KH-UBND", "Số:      /KH-UBND"),
    ],
)
def test_doc_number_writes_final_and_draft_numbers(number, symbol, expected):
    assert vn.doc_number(number, symbol) == expected


def test_draft_doc_number_uses_the_shared_blank():
    assert vn.doc_number(None, "QĐ-UBND") == "Số:" + vn.BLANK + "/QĐ-UBND"


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "I"), (2, "II"), (3, "III"), (4, "IV"), (5, "V"), (6, "VI"), (9, "IX"),
        (10, "X"), (14, "XIV"), (19, "XIX"), (20, "XX"), (29, "XXIX"), (39, "XXXIX"),
        (40, "XL"), (90, "XC"), (400, "CD"), (1994, "MCMXCIV"), (2025, "MMXXV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman_numerals(n, expected):
    assert vn.roman(n) == expected


@pytest.mark.parametrize("n", [0, -1, 4000])
def test_roman_outside_1_to_3999_is_rejected(n):
    with pytest.raises(ValueError):
        vn.roman(n)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (0, "a"), (1, "b"), (2, "c"), (3, "d"), (4, "đ"),
        (5, "e"), (6, "g"), (7, "h"), (8, "i"), (9, "k"), (22, "y"),
    ],
)
def test_point_letters_follow_vietnamese_alphabet(index, expected):
    assert vn.point_letter(index) == expected


def test_point_letters_skip_f_j_w_z():
    letters = [vn.point_letter(i) for i in range(23)]
    assert letters == list("abcdđeghiklmnopqrstuvxy")
    assert not set("fjwz") & set(letters)


@pytest.mark.parametrize("index", [23, 100, -1])
def test_point_letter_beyond_the_alphabet_is_rejected(index):
    with pytest.raises(ValueError, match="point"):
        vn.point_letter(index)


# --- numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (0, 0, "0"),
        (999, 0, "999"),
        (1000, 0, "1.000"),
        (1234567, 0, "1.234.567"),
        (96.5, 1, "96,5"),
        (96.5, 2, "96,50"),
        (Decimal("1234.5"), 1, "1.234,5"),
        (2.5, 0, "3"),
        (0.125, 2, "0,13"),
        (2.675, 2, "2,68"),
    ],
)
def test_format_number_uses_vi_separators_and_rounds_half_up(value, decimals, expected):
    assert vn.format_number(value, decimals) == expected


@pytest.mark.parametrize(
    ("numerator", "denominator", "decimals", "expected"),
    [
        (193, 200, 1, "96,5%"),
        (1, 1, 1, "100%"),
        (1, 3, 1, "33,3%"),
        (2, 3, 1, "66,7%"),
        (0, 5, 1, "0%"),
        (1, 8, 0, "13%"),
        (1, 8, 1, "12,5%"),
        (1, 2, 1, "50%"),
        (1, 3, 2, "33,33%"),
        (200, 200, 1, "100%"),
        (3, 200, 1, "1,5%"),
    ],
)
def test_format_percent_rounds_half_up_and_drops_trailing_zero(
    numerator, denominator, decimals, expected
):
    assert vn.format_percent(numerator, denominator, decimals) == expected


def test_format_percent_defaults_to_one_decimal():
    assert vn.format_percent(193, 200) == "96,5%"


def test_format_percent_of_zero_denominator_is_rejected():
    with pytest.raises(ValueError):
        vn.format_percent(1, 0)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "0"),
        (500, "500"),
        (1005000, "1.005.000"),
        (2_025_000, "2.025.000"),
        (1_000_000_000, "1.000.000.000"),
    ],
)
def test_amount_groups_digits_with_dots(value, expected):
    assert vn.amount(value) == expected


# --- money in words -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, "Không đồng"),
        (1, "Một đồng"),
        (4, "Bốn đồng"),
        (5, "Năm đồng"),
        (10, "Mười đồng"),
        (11, "Mười một đồng"),
        (14, "Mười bốn đồng"),
        (15, "Mười lăm đồng"),
        (20, "Hai mươi đồng"),
        (21, "Hai mươi mốt đồng"),
        (24, "Hai mươi bốn đồng"),
        (25, "Hai mươi lăm đồng"),
        (55, "Năm mươi lăm đồng"),
        (100, "Một trăm đồng"),
        (101, "Một trăm linh một đồng"),
        (105, "Một trăm linh năm đồng"),
        (110, "Một trăm mười đồng"),
        (111, "Một trăm mười một đồng"),
        (115, "Một trăm mười lăm đồng"),
        (121, "Một trăm hai mươi mốt đồng"),
        (1000, "Một nghìn đồng"),
        (1001, "Một nghìn không trăm linh một đồng"),
        (1010, "Một nghìn không trăm mười đồng"),
        (1100, "Một nghìn một trăm đồng"),
        (10_500, "Mười nghìn năm trăm đồng"),
        (100_000, "Một trăm nghìn đồng"),
    ],
)
def test_money_in_words_small_amounts(value, expected):
    assert vn.money_in_words(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1_000_005, "Một triệu không trăm linh năm đồng"),
        (1_005_000, "Một triệu không trăm linh năm nghìn đồng"),
        (2_025_000, "Hai triệu không trăm hai mươi lăm nghìn đồng"),
        (10_000_000, "Mười triệu đồng"),
        (21_000_000, "Hai mươi mốt triệu đồng"),
        (150_500_000, "Một trăm năm mươi triệu năm trăm nghìn đồng"),
        (1_000_000_000, "Một tỷ đồng"),
        (1_000_000_001, "Một tỷ không trăm linh một đồng"),
        (1_250_000_000, "Một tỷ hai trăm năm mươi triệu đồng"),
        (1_000_000_000_000, "Một nghìn tỷ đồng"),
        (1_001_000_000_000, "Một nghìn không trăm linh một tỷ đồng"),
        (
            999_999_999_999_999,
            "Chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
            "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
            "chín trăm chín mươi chín đồng",
        ),
    ],
)
def test_money_in_words_large_amounts(value, expected):
    assert vn.money_in_words(value) == expected


def test_money_in_words_uses_finance_office_vocabulary():
    words = " ".join(vn.money_in_words(n) for n in (4, 24, 105, 1000, 10**9, 2_025_000))
    for avoided in ("tư", "lẻ", "ngàn", "tỉ"):
        assert avoided not in words.split()


@pytest.mark.parametrize("value", [-1, 10**15])
def test_money_in_words_out_of_range_is_rejected(value):
    with pytest.raises(ValueError):
        vn.money_in_words(value)


@pytest.mark.parametrize("value", [0, 21, 1_005_000, 1_000_000_001])
def test_money_in_words_output_is_nfc(value):
    assert is_nfc(vn.money_in_words(value))


@pytest.mark.parametrize("values", [(2, 2.0, Decimal("2.00")), (Decimal("2.00"), 2.0, 2), (0.25, Decimal("0.25"))])
def test_format_number_gives_equal_values_of_any_type_the_same_text_in_any_order(values):
    # format_number is cached: an int, a float and a Decimal that compare equal must not
    # borrow each other's text, and each must be rounded as itself.
    expected = {2: "2,0", 0.25: "0,3"}[values[0]]
    assert [vn.format_number(v, 1) for v in values] == [expected] * len(values)
