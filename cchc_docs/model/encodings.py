"""Text files as Windows tools save them: UTF-8 with or without BOM, UTF-16, legacy code pages.

Notepad, Excel's "Unicode text" and older editors write UTF-16 or UTF-8 with a BOM;
those are read as they are. A legacy code page (Windows-1258, Windows-1252) cannot be
read without guessing, so it is refused at the line and column of its first non-UTF-8
byte, with the way to re-save the file.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from cchc_docs.errors import SourceError

# BOMs, longest first: the UTF-32 LE BOM begins with the UTF-16 LE one.
_BOMS = [(codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]

# Letters only Windows-1258 (Vietnamese) puts in the upper half: ư ơ đ and the tone marks.
_CP1258_SIGNS = set("ưƯơƠđĐ\u0300\u0301\u0303\u0309\u0323")

RESAVE = "hãy mở tệp và lưu lại với mã hóa UTF-8 (Notepad: Lưu thành… › Mã hóa: UTF-8)"


def decode(raw: bytes, name: str) -> str:
    """The text of a data file in NFC, whatever Unicode encoding it was saved in."""
    encoding, start = _encoding(raw)
    try:
        text = raw[start:].decode(encoding)
    except UnicodeDecodeError as e:
        raise SourceError(_undecodable(raw[start:], encoding, e, name)) from e
    return unicodedata.normalize("NFC", text)


def _encoding(raw: bytes) -> tuple[str, int]:
    """(codec, bytes to skip): from the BOM, else from the zero bytes of UTF-16, else UTF-8."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return encoding, len(bom)
    head = raw[:4096]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # ASCII text in UTF-16: every other byte is 0
        even_zeros = head[0::2].count(0)
        return ("utf-16-be" if even_zeros > head[1::2].count(0) else "utf-16-le"), 0
    return "utf-8", 0


def _undecodable(raw: bytes, encoding: str, e: UnicodeDecodeError, name: str) -> str:
    if encoding != "utf-8":
        return f"{name}: tệp {encoding.upper()} bị hỏng (byte lỗi ở vị trí {e.start}); {RESAVE}"
    line_start = raw.rfind(b"\n", 0, e.start) + 1
    line = raw.count(b"\n", 0, e.start) + 1
    column = len(raw[line_start:e.start].decode("utf-8")) + 1
    legacy = raw.decode("cp1258", errors="replace")
    guess = "Windows-1258 (CP1258)" if _CP1258_SIGNS & set(legacy) else "Windows-1252 (Latin-1)"
    return f"{name}:{line}:{column}: tệp không ở mã UTF-8 (có vẻ là bảng mã cũ {guess}); {RESAVE}"


# A value that opens with a quote: after "key: " or "- " at the start of a line.
_OPENING = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#'"][^#'"]*?:\s+)?(["'])""")


def unclosed_quote(text: str, error_line: int) -> tuple[int, int, int] | None:
    """(line, column, last line) of a quoted value that opened on an earlier line and closed on ``error_line``.

    A missing closing quote makes YAML read on to the next quote, lines later, and
    complain just after it. The user's mistake is where the quote opened (1-based).
    """
    lines = text.split("\n")
    opened = None
    for number, line in enumerate(lines[:error_line + 1]):
        rest = line
        if opened is None:
            match = _OPENING.match(line)
            if not match:
                continue
            opened = (number, match.start(1), match.group(1))
            rest = line[match.end(1):]
        if _closes(rest, opened[2]):
            if number == error_line and opened[0] < number:
                return opened[0] + 1, opened[1] + 1, number + 1
            opened = None
    return None


def _closes(rest: str, quote: str) -> bool:
    if quote == "'":
        return "'" in rest.replace("''", "")
    return re.search(r'(?<!\\)(?:\\\\)*"', rest) is not None
