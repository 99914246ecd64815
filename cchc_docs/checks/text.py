"""Text helpers shared by recognition and rules: folding, case, numbering, excerpts.

Recognition compares *folded* text (no diacritics, lowercase, single spaces) so that a
Quốc hiệu typed with a wrong tone mark or in the wrong case is still found, and the
rule that checks its exact text can then report the difference.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata

from cchc_docs.checks.spec import POINT_LETTERS

#: Characters that look like the hyphen-minus of the motto and of list items but are not.
DASH_LOOKALIKES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad"
#: What a list item may start with when a clerk types it (the rule then wants "-").
BULLETS = "-" + DASH_LOOKALIKES + "•·+*▪◦●"

_ROMAN = re.compile(r"^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def nfc(text: str) -> str:
    """Precomposed form: equal Vietnamese text compares equal."""
    return unicodedata.normalize("NFC", text)


class _NoMarks(dict):
    """``str.translate`` table dropping combining marks, filled in as characters are met
    (a loop over every character of a long paragraph in Python costs more than the rest)."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_NO_MARKS = _NoMarks({ord("đ"): "d", ord("Đ"): "D"})
# Vietnamese letters decompose into ASCII and marks of this block: removing it leaves
# ASCII, and only text that is not ASCII then needs the table.
_VIETNAMESE_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]")  # U+034F is no combining mark


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Lowercase, without diacritics (đ → d), single-spaced: 'CỘNG  HÒA' → 'cong hoa'."""
    stripped = _VIETNAMESE_MARKS.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")))
    if not stripped.isascii():
        stripped = stripped.translate(_NO_MARKS)
    return " ".join(stripped.casefold().split())


_MARKERS = frozenset({"cua", "va", "cac", "nhan", "dan", "ngay", "thang", "nam", "theo", "thuc", "hien", "viec",
                      "nhu", "tren", "luu", "noi", "gui", "ban", "hanh", "quyet", "dinh", "nguoi", "tinh", "xa"})
_SAMPLE_CHARS = 6000  # enough text to tell; a long document is not read to its end
_LETTER = re.compile(r"[A-Za-z\u00c0-\u1ef9]")
_ACCENTED = re.compile(r"[\u00c0-\u1ef9]")
_WORD = re.compile(r"[a-z]+")


def unaccented(texts) -> bool:
    """Vietnamese typed without diacritics ("So: /BTC-TCCB"): many letters, hardly any of
    them accented, and the words are Vietnamese words with their marks dropped."""
    sample, length = [], 0
    for text in texts:
        sample.append(text)
        length += len(text)
        if length >= _SAMPLE_CHARS:
            break
    joined = " ".join(sample)
    if len(joined.encode()) - len(joined) > len(joined) * 0.02:
        return False  # many characters beyond ASCII: the marks are there (the common case, told at once)
    letters_seen = len(_LETTER.findall(joined))
    if letters_seen < 150 or len(_ACCENTED.findall(joined)) > letters_seen * 0.01:
        return False
    return len(set(_WORD.findall(joined.lower())) & _MARKERS) >= 6


def fold_start(text: str, length: int = 40) -> str:
    """The folded start of a line: enough to tell how it opens, cheap on long paragraphs."""
    return fold(text[:length])


def letters(text: str) -> str:
    """Folded letters and digits only, for fuzzy matching of fixed phrases."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def similar(text: str, target_letters: str, ratio: float) -> bool:
    """True when ``text`` is the fixed phrase, give or take a few typing mistakes."""
    got = letters(text)
    if got == target_letters:
        return True
    if abs(len(got) - len(target_letters)) > 6:
        return False
    return difflib.SequenceMatcher(None, got, target_letters).ratio() >= ratio


def is_upper(text: str) -> bool:
    """Every letter is a capital (and there are at least two letters).

    Letters are picked and judged by C loops (``filter``, ``map``): asked of whole
    paragraphs, a Python step per character cost more than the rest of the question."""
    found = "".join(filter(str.isalpha, text))
    return len(found) >= 2 and not any(map(str.islower, found))


def is_lower(text: str) -> bool:
    """No capital letter at all."""
    found = "".join(filter(str.isalpha, text))
    return bool(found) and not any(map(str.isupper, found))


def roman_value(text: str) -> int | None:
    """Value of a Roman numeral in capitals ('IV' → 4), None when it is not one."""
    if not text or not _ROMAN.match(text):
        return None
    total, previous = 0, 0
    for ch in reversed(text):
        value = _ROMAN_VALUES[ch]
        total += -value if value < previous else value
        previous = max(previous, value)
    return total


def roman(n: int) -> str:
    """Roman numeral of a small positive number (for messages)."""
    parts = []
    for value, symbol in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        parts.append(symbol * count)
    return "".join(parts)


def point_index(letter: str) -> int | None:
    """Position of a point letter in the Vietnamese order a b c d đ e g …, None if not one."""
    position = POINT_LETTERS.find(letter)
    return position if position >= 0 else None


def shorten(text: str, limit: int = 60) -> str:
    """A one-line excerpt for a finding."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def show(text: str) -> str:
    """Quote text for a message, making invisible differences visible."""
    names = {"\u2013": "–(gạch ngang dài)", "\u2014": "—(gạch ngang dài)", "\u2212": "−(dấu trừ)",
             "\u00a0": "·(khoảng trắng không ngắt)"}
    return '"' + "".join(names.get(ch, ch) for ch in text) + '"'
