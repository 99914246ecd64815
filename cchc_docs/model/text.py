"""Characters that would print wrongly, found in a value before it reaches a document.

A document is read on paper: a zero-width space, a right-to-left override or a control
character is invisible in the YAML editor and breaks the DOCX (XML forbids most control
characters) or the printed line. Look-alike letters are worse: "nǎm" with U+01CE
(a legacy code page's "ă"), a Cyrillic "а" or a Greek "ο" look right on screen, yet
search, sorting and spell-checking fail on them, and some fonts draw them differently.
Each problem comes with its position in the value and, where one exists, the fix.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Letters from legacy Vietnamese code pages and copy-paste that look like Vietnamese ones.
LOOKALIKES: dict[str, str] = {
    "ǎ": "ă", "Ǎ": "Ă", "ǒ": "ơ", "Ǒ": "Ơ", "ǔ": "ư", "Ǔ": "Ư",  # caron for breve/horn (TCVN3, VISCII fonts)
    "ð": "đ", "Ð": "Đ", "Ɖ": "Đ",  # Icelandic eth, African D for đ
    # Cyrillic
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C", "Т": "T",
    "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "υ": "u", "τ": "t",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O",
    "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}

# Invisible characters, by name in Vietnamese; none of them belongs in a document's text.
INVISIBLE: dict[str, str] = {
    "\u200b": "khoảng trắng không độ rộng (U+200B)",
    "\u200c": "ký tự nối không độ rộng (U+200C)",
    "\u200d": "ký tự nối không độ rộng (U+200D)",
    "\u2060": "ký tự nối từ vô hình (U+2060)",
    "\ufeff": "dấu BOM (U+FEFF) lẫn trong chữ",
    "\u00ad": "dấu gạch nối mềm (U+00AD)",
    "\u180e": "dấu cách Mông Cổ (U+180E)",
}
BIDI = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Spaces other than the plain one; the no-break space (U+00A0) is the deliberate exception.
ODD_SPACES = set("\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000")

_WORD = re.compile(r"\w+")

# Characters that print as written: tab and line break, printable ASCII, the no-break space,
# Latin letters (Vietnamese among them) and the general punctuation block; as (first, last).
PRINTABLE = (("\t", "\n"), (" ", "~"), ("\u00a0", "\u00ac"), ("\u00ae", "\u024f"), ("\u1e00", "\u1eff"),
             ("\u2010", "\u2027"), ("\u2030", "\u205e"))
# Latin letters among them that stand in for Vietnamese ones (see LOOKALIKES).
LATIN_LOOKALIKES = "ǎǍǒǑǔǓðÐƉ"


def _outside(spans: tuple[tuple[str, str], ...], but: str) -> str:
    """A regex class of every character outside ``spans`` or in ``but``: ``[^…]``, the spans cut around ``but``.

    One class tests each character once, where "outside the spans, or one of these" as an
    alternation of two classes cost three times as much on Vietnamese text, and every
    value of every plan is searched.
    """
    body = ""
    for first, last in spans:
        for ch in sorted(c for c in but if first <= c <= last):
            body += _span(first, chr(ord(ch) - 1))
            first = chr(ord(ch) + 1)
        body += _span(first, last)
    return f"[^{body}]"


def _span(first: str, last: str) -> str:
    if first > last:
        return ""
    return re.escape(first) if first == last else f"{re.escape(first)}-{re.escape(last)}"


# Characters that need a closer look. Most values have none, and are done with one regex search.
_SUSPECT = re.compile(_outside(PRINTABLE, LATIN_LOOKALIKES))


@dataclass(frozen=True)
class TextProblem:
    """One thing wrong in a value: what, at which character (1-based), and the fix."""

    message: str
    position: int
    hint: str | None = None


# Whether a value may have a problem at all: when not, :func:`problems` finds none.
suspect = _SUSPECT.search


def problems(value: str) -> list[TextProblem]:
    """Every character-level problem in ``value``; empty when it prints as written."""
    if not suspect(value):
        return []
    found = [p for match in _SUSPECT.finditer(value) if (p := _character(match.group(), match.start() + 1))]
    found += _words(value)
    return sorted(found, key=lambda p: p.position)


def _character(ch: str, position: int) -> TextProblem | None:
    code = ord(ch)
    if ch in INVISIBLE:
        return TextProblem(f"có ký tự vô hình: {INVISIBLE[ch]}", position, "xóa ký tự này")
    if ch in BIDI:
        return TextProblem(f"có ký tự đảo chiều chữ (U+{code:04X}), làm chữ in ngược", position, "xóa ký tự này")
    if ch in ODD_SPACES:
        return TextProblem(f"có dấu cách lạ (U+{code:04X})", position, "thay bằng dấu cách thường")
    if 0xD800 <= code <= 0xDFFF:
        return TextProblem(f"có mã ký tự hỏng (U+{code:04X}, nửa cặp UTF-16)", position, "gõ lại chữ ở chỗ này")
    if ch in "\n\t":  # a line break or tab inside a value prints as one space (contexts collapse spaces)
        return None
    if ch in "\v\f\x85\u2028\u2029":
        return TextProblem(f"có ký tự ngắt dòng lạ (U+{code:04X}); nó sẽ thành một đoạn văn lạc trong văn bản",
                           position, "viết liền trên một dòng, hoặc tách thành mục riêng")
    category = unicodedata.category(ch)
    if category == "Cc":
        return TextProblem(f"có ký tự điều khiển U+{code:04X}, không in được", position, "xóa ký tự này")
    if category in ("Cn", "Co", "Cs") or code in (0xFFFE, 0xFFFF):
        return TextProblem(f"có ký tự không hợp lệ (U+{code:04X})", position, "xóa ký tự này")
    if category == "Mn":
        return TextProblem(f"có dấu rời (U+{code:04X}) không ghép được vào chữ trước nó", position,
                           "gõ lại chữ ở chỗ này bằng bộ gõ Unicode dựng sẵn")
    return None


def _words(value: str) -> list[TextProblem]:
    """Words holding a look-alike letter, each reported once with the word as it should be."""
    found = []
    for match in _WORD.finditer(value):
        word = match.group()
        bad = [i for i, ch in enumerate(word) if ch in LOOKALIKES or _foreign_letter(ch)]
        if not bad:
            continue
        fixed = "".join(LOOKALIKES.get(ch, ch) for ch in word)
        names = ", ".join(dict.fromkeys(_describe(word[i]) for i in bad))
        hint = f"có phải ý bạn là '{fixed}'?" if fixed != word else "gõ lại bằng chữ Việt (Unicode)"
        found.append(TextProblem(f"từ '{word}' có chữ trông giống chữ Việt nhưng là {names}",
                                 match.start() + bad[0] + 1, hint))
    return found


def _foreign_letter(ch: str) -> bool:
    """A letter of another script (Cyrillic, Greek, …): never in a Vietnamese administrative text."""
    return ch.isalpha() and not ch.isascii() and "LATIN" not in unicodedata.name(ch, "LATIN")


def _describe(ch: str) -> str:
    name = unicodedata.name(ch, "")
    script = "chữ Kirin" if "CYRILLIC" in name else "chữ Hy Lạp" if "GREEK" in name else "một chữ khác"
    if "CARON" in name:
        script = "chữ có dấu mũ ngược (bảng mã cũ)"
    return f"{script} '{ch}' (U+{ord(ch):04X})"
