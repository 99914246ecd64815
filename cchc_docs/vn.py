"""Vietnamese formatting rules for administrative documents (Nghị định 30/2020/NĐ-CP).

Pure helpers, no I/O and no global state: dates in the place-and-date line, the
"Số" line, Roman section numbers, point letters, numbers and percentages with the
Vietnamese decimal comma, and money written in words. Every string returned is NFC.
Numbers are formatted with babel's "vi" locale data, never the system locale, and
rounded half up with :mod:`decimal`, never with float rounding.
"""

from __future__ import annotations

import datetime
import functools
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "BLANK",
    "amount",
    "day_text",
    "doc_number",
    "format_number",
    "format_percent",
    "long_date",
    "money_in_words",
    "month_text",
    "nfc",
    "number_text",
    "place_date",
    "point_letter",
    "roman",
    "short_date",
    "upper",
]

LOCALE = "vi"

BLANK = " " * 6
"""Space left for a day, month or number filled in by hand when the document is signed."""

POINT_LETTERS = "abcdđeghiklmnopqrstuvxy"

ROMAN_NUMERALS = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"),
    (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
    (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
GROUP_SCALES = ("", "nghìn", "triệu")
BILLION = 10**9
MAX_MONEY = 10**15 - 1


# --- text -------------------------------------------------------------------


def nfc(text: str) -> str:
    """Normalise to NFC so that equal Vietnamese text compares and renders equal."""
    return unicodedata.normalize("NFC", text)


def upper(text: str) -> str:
    """Uppercase keeping diacritics (đ → Đ), as for agency names in the header."""
    return nfc(nfc(text).upper())


# --- dates ------------------------------------------------------------------


def day_text(day: int) -> str:
    """Day of month, always two digits (ND30: days below 10 get a leading zero)."""
    if not 1 <= day <= 31:
        raise ValueError(f"day must be in 1..31, got {day}")
    return f"{day:02d}"


def month_text(month: int) -> str:
    """Month number, zero-padded only for 1 and 2 (ND30 rule), else bare."""
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, got {month}")
    return f"{month:02d}" if month <= 2 else str(month)


def long_date(d: datetime.date) -> str:
    """Date in words-and-digits form: "ngày 05 tháng 01 năm 2025"."""
    return f"ngày {day_text(d.day)} tháng {month_text(d.month)} năm {d.year}"


def place_date(
    place: str, year: int, month: int | None = None, day: int | None = None
) -> str:
    """Place-and-date line; a missing day (and month) becomes BLANK, filled in at signing."""
    if month is None and day is not None:
        raise ValueError("a day without a month cannot be written")
    day_part = BLANK if day is None else f" {day_text(day)} "
    month_part = BLANK if month is None else f" {month_text(month)} "
    return nfc(f"{place}, ngày{day_part}tháng{month_part}năm {year}")


def short_date(d: datetime.date) -> str:
    """Compact date for tables, day padded and month padded only for 1 and 2."""
    return f"{day_text(d.day)}/{month_text(d.month)}/{d.year}"


# --- numbering ----------------------------------------------------------------


def number_text(number: int) -> str:
    """Document number with a leading zero below 10 (ND30: "05", "39")."""
    if number < 1:
        raise ValueError(f"document number must be >= 1, got {number}")
    return f"{number:02d}"


def doc_number(number: int | None, symbol: str) -> str:
    """The "Số" line; a draft (no number yet) leaves a blank before the symbol."""
    number_part = BLANK if number is None else f" {number_text(number)}"
    return nfc(f"Số:{number_part}/{symbol}")


@functools.lru_cache(maxsize=256)
def roman(n: int) -> str:
    """Roman numeral (1..3999) for the sections (I, II, …) of a plan or report."""
    if not 1 <= n <= 3999:
        raise ValueError(f"roman numerals cover 1..3999, got {n}")
    parts = []
    for value, symbol in ROMAN_NUMERALS:
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def point_letter(index: int) -> str:
    """Letter of the index-th point (0-based): a b c d đ e g …, no f j w z (ND30 order)."""
    if not 0 <= index < len(POINT_LETTERS):
        raise ValueError(
            f"point index must be in 0..{len(POINT_LETTERS) - 1}, got {index}: "
            f"only {len(POINT_LETTERS)} point letters exist and a plan never has "
            "that many points in one clause"
        )
    return POINT_LETTERS[index]


# --- numbers ------------------------------------------------------------------


def _round_half_up(value: int | float | Decimal, decimals: int) -> Decimal:
    """Round half up in decimal (floats via their shortest repr, not binary value)."""
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    exact = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def _pattern(decimals: int, fraction_digit: str) -> str:
    """Babel number pattern with grouping and the given fraction digits."""
    return "#,##0" + ("." + fraction_digit * decimals if decimals else "")


@functools.lru_cache(maxsize=4096)
def _format_decimal(value: Decimal, pattern: str) -> str:
    from babel.numbers import format_decimal  # babel and its locale data: only once a number is printed

    return format_decimal(value, format=pattern, locale=LOCALE)


@functools.lru_cache(maxsize=4096, typed=True)  # typed: 1 and 1.0 are formatted each on its own
def format_number(value: int | float | Decimal, decimals: int = 0) -> str:
    """Number in vi style (dot grouping, comma decimals), rounded half up.

    Cached, rounding included: a report formats the same small counts hundreds of times.
    """
    rounded = _round_half_up(value, decimals)
    return _format_decimal(rounded, _pattern(decimals, "0"))


@functools.lru_cache(maxsize=4096)
def format_percent(numerator: int, denominator: int, decimals: int = 1, fixed: bool = False,
                   bounds: tuple[Decimal, ...] = ()) -> str:
    """Share as a percent with decimal comma, rounded half up.

    Trailing fraction zeros are dropped unless ``fixed`` (a table column prints every
    value with the same decimals). Rounding never lands on 0 %, 100 % or one of
    ``bounds`` (a target's threshold) that the exact value does not equal: 1.999/2.000
    prints "99,95%", never "100%", so a reader never sees a threshold that was missed.
    """
    if denominator == 0:
        raise ValueError("cannot compute a percentage of a zero denominator")
    if numerator < 0 or denominator < 0:
        raise ValueError(f"a share needs non-negative counts, got {numerator}/{denominator}")
    exact = Decimal(numerator) * 100 / Decimal(denominator)
    rounded = _round_half_up(exact, decimals)
    avoid = {Decimal(0), Decimal(100), *bounds}
    while rounded != exact and rounded in avoid and decimals < 6:
        decimals += 1
        rounded = _round_half_up(exact, decimals)
    text = _format_decimal(rounded, _pattern(decimals, "0" if fixed else "#"))
    return f"{text}%"


def amount(value: int) -> str:
    """Money in digits with dot grouping: 1005000 → "1.005.000"."""
    return format_number(value)


# --- money in words ---------------------------------------------------------------


def _tens_and_units(tens: int, units: int, after_hundreds: bool) -> list[str]:
    """Read the last two digits: mười, mươi, mốt, lăm, linh."""
    if tens == 0:
        if units == 0:
            return []
        return ["linh", DIGITS[units]] if after_hundreds else [DIGITS[units]]
    words = ["mười"] if tens == 1 else [DIGITS[tens], "mươi"]
    if units == 1 and tens >= 2:
        words.append("mốt")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _group_words(group: int, leading: bool) -> list[str]:
    """Read a three-digit group; a non-leading group always says its hundreds."""
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words = [DIGITS[hundreds], "trăm"] if hundreds or not leading else []
    return words + _tens_and_units(tens, units, after_hundreds=bool(words))


def _below_billion_words(n: int, leading: bool) -> list[str]:
    """Read 0..999 999 999 group by group, skipping all-zero groups."""
    groups = [(n // 10**6) % 1000, (n // 1000) % 1000, n % 1000]
    words: list[str] = []
    for group, scale in zip(groups, reversed(GROUP_SCALES), strict=True):
        if group == 0:
            continue
        words += _group_words(group, leading=leading and not words)
        if scale:
            words.append(scale)
    return words


def _number_words(n: int, leading: bool = True) -> list[str]:
    """Read n > 0; the part above a billion is read recursively, then "tỷ"."""
    billions, rest = divmod(n, BILLION)
    if not billions:
        return _below_billion_words(rest, leading)
    words = _number_words(billions, leading) + ["tỷ"]
    return words + (_below_billion_words(rest, leading=False) if rest else [])


def money_in_words(amount: int) -> str:
    """Amount in words as finance offices write it, capitalised and ending "đồng"."""
    if amount < 0:
        raise ValueError(f"amount must be >= 0, got {amount}")
    if amount > MAX_MONEY:
        raise ValueError(f"amount must be <= {MAX_MONEY}, got {amount}")
    words = _number_words(amount) if amount else ["không"]
    text = " ".join(words + ["đồng"])
    return nfc(text[0].upper() + text[1:])
