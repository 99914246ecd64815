"""Recognition of the content (box 6): body lines, headings, numbered lines (Phụ lục I, Mục II.6).

Headings (mục ``I.``, Phần/Chương lines, khoản titles in bold) are kept apart so that
the alignment and indent rules of plain text do not judge them. Captions over a table —
"Biểu mẫu 1" with the line under it, "(Kỳ báo cáo …)", "Đơn vị tính: …" — are not body
text at all: the decree sets no format for them. A number opening a quoted passage
(“1. …) is read through the quote and marked ``quoted``: it may belong to the text quoted.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cchc_docs.checks.lines import Cursor
from cchc_docs.checks.pieces import Piece, is_rule_text, whole
from cchc_docs.checks.text import fold, is_upper, roman_value
from cchc_docs.facts.extract import ParagraphFacts

_ROMAN_HEAD = re.compile(r"^([IVX]+)\.\s*\S")
_CLAUSE = re.compile(r"^(\d+)\.\s+\S")
_DECIMAL = re.compile(r"^\d+\.\d+(\.\d+)*\.?\s")
_POINT = re.compile(r"^([a-zđ])\)\s*\S")
_PART_LABEL = re.compile(r"^(phan|chuong|muc|tieu muc)\s+([ivxlc]+|\d+)\b")
ARTICLE = re.compile(r"^(?:Điều|ĐIỀU|Dieu|DIEU)\s*(\d+|[IVX]+)\b")  # "Dieu": typed without diacritics
_CAPTION = re.compile(r"^(bang|bieu|bieu mau|bang bieu|phu bieu|hinh|so do|mau|mau so)\s*(so\s*)?"
                      r"(\d+|[ivxlc]+|[a-z])\b")
_QUOTES = "\"'“”‘’«»„"
_CAPTION_LINES = 4  # a caption block: label, title, period, unit


@dataclass(frozen=True, slots=True)
class Numbered:
    """A body line opening with a number: Phần/Chương, mục ``I.``, khoản ``1.``, điểm ``a)``, ``Điều 1.``."""

    para: ParagraphFacts
    level: str  # "division" | "section" | "clause" | "point" | "article" | "decimal"
    label: str  # as typed: "III", "2", "đ", "Phần I"
    value: int | None
    quoted: bool = False  # opens with a quote: “1. …


# --- body -------------------------------------------------------------------------------------------


def body(cursor: Cursor, start: int, stop: int) -> dict:
    captions = _captions(cursor, start, stop)
    body, numbered, headings = [], [], set()
    after_label = False
    for para in cursor.span(start, stop):
        if para.in_table or para.is_empty or para.index in captions or is_rule_text(para.text):
            continue
        piece = whole(para)
        body.append(piece)
        mark = numbering(piece)
        if mark is not None:
            numbered.append(mark)
        if _is_heading(piece, mark) or (after_label and is_upper(piece.text)):
            headings.add(para.index)
        after_label = mark is not None and mark.level == "division"
    return {"body": tuple(body), "numbered": tuple(numbered), "headings": frozenset(headings),
            "captions": tuple(whole(cursor.all[index]) for index in sorted(captions))}


def numbering(piece: Piece) -> Numbered | None:
    """The number a body line opens with, if any (Word's own list numbering is not text)."""
    found = _number(piece.text)
    return Numbered(piece.para, *found) if found is not None else None


@functools.lru_cache(maxsize=4096)
def _number(text: str) -> tuple[str, str, int | None, bool] | None:
    """(level, label, value, quoted) of the number ``text`` opens with: kept by text, as the
    headings of one template recur from document to document."""
    opened = text.lstrip(_QUOTES + " ")
    quoted = len(opened) != len(text)
    if match := ARTICLE.match(opened):
        label = match.group(1)
        return "article", label, int(label) if label.isdigit() else roman_value(label), quoted
    if match := _PART_LABEL.match(fold(opened[:30])):
        return "division", opened.split()[0], None, quoted
    if _DECIMAL.match(opened):
        return "decimal", opened.split()[0], None, quoted
    if match := _ROMAN_HEAD.match(opened):
        return "section", match.group(1), roman_value(match.group(1)), quoted
    if match := _CLAUSE.match(opened):
        return "clause", match.group(1), int(match.group(1)), quoted
    if match := _POINT.match(opened):
        return "point", match.group(1), None, quoted
    return None


def _captions(cursor: Cursor, start: int, stop: int) -> set[int]:
    """The lines set apart (centred or to the right, or named "Bảng 2", "Biểu mẫu 1") right
    above each table: the table's caption, its second line, its period, its unit."""
    found: set[int] = set()
    paragraphs = cursor.all
    for para in cursor.span(start, stop):
        if not para.in_table or (para.index > start and paragraphs[para.index - 1].in_table):
            continue
        index, taken = para.index - 1, 0
        while index >= start and taken < _CAPTION_LINES:
            above = paragraphs[index]
            if not (above.is_empty or is_rule_text(above.text)):
                if above.in_table or not _set_apart(whole(above)):
                    break
                found.add(index)
                taken += 1
            index -= 1
    return found


def _set_apart(piece: Piece) -> bool:
    """A caption's line: short, centred or to the right (unless numbered like a heading), or named as a caption."""
    if len(piece.text) > 200 or piece.text.endswith("./."):
        return False
    if _CAPTION.match(fold(piece.text[:30])):
        return True
    return piece.alignment in ("center", "right") and numbering(piece) is None


def _is_heading(piece: Piece, mark: Numbered | None) -> bool:
    """Headings are free in alignment and indent (the decree sets none for "I."/"1."): Phần/Chương/mục lines, khoản
    titles set in bold, and bold capitals."""
    if mark is not None and mark.level in ("division", "section"):
        return True
    if mark is not None and mark.level == "clause" and piece.all_bold:
        return True
    return piece.all_bold and is_upper(piece.text)
