"""Recognition of the content (box 6): body lines, headings, numbered lines (Phụ lục I, Mục II.6).

Headings (mục ``I.``, Phần/Chương lines, khoản titles in bold, table captions) are kept
apart so that the alignment and indent rules of plain text do not judge them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_docs.checks.lines import Cursor
from cchc_docs.checks.pieces import Piece, whole
from cchc_docs.checks.text import fold, is_upper, roman_value
from cchc_docs.facts.extract import ParagraphFacts

_ROMAN_HEAD = re.compile(r"^([IVX]+)\.\s*\S")
_CLAUSE = re.compile(r"^(\d+)\.\s+\S")
_DECIMAL = re.compile(r"^\d+\.\d+(\.\d+)*\.?\s")
_POINT = re.compile(r"^([a-zđ])\)\s*\S")
_PART_LABEL = re.compile(r"^(phan|chuong|muc|tieu muc)\s+([ivxlc]+|\d+)\b")
ARTICLE = re.compile(r"^Điều\s*(\d+|[IVX]+)\b")
_CAPTION = re.compile(r"^(bang|bieu|hinh|so do|mau)\s+(\d+|[ivx]+)\b")


@dataclass(frozen=True, slots=True)
class Numbered:
    """A body line opening with a number: Phần/Chương, mục ``I.``, khoản ``1.``, điểm ``a)``, ``Điều 1.``."""

    para: ParagraphFacts
    level: str  # "division" | "section" | "clause" | "point" | "article" | "decimal"
    label: str  # as typed: "III", "2", "đ", "Phần I"
    value: int | None


# --- body -------------------------------------------------------------------------------------------


def body(cursor: Cursor, start: int, stop: int) -> dict:
    body, numbered, headings = [], [], set()
    after_label = False
    for para in cursor.span(start, stop):
        if para.in_table or para.is_empty or not para.text.strip():
            continue
        piece = whole(para)
        body.append(piece)
        mark = numbering(piece)
        if mark is not None:
            numbered.append(mark)
        if _is_heading(piece, mark) or (after_label and is_upper(piece.text)) or _is_caption(cursor, piece):
            headings.add(para.index)
        after_label = mark is not None and mark.level == "division"
    return {"body": tuple(body), "numbered": tuple(numbered), "headings": frozenset(headings)}


def numbering(piece: Piece) -> Numbered | None:
    """The number a body line opens with, if any (Word's own list numbering is not text)."""
    text = piece.text
    if match := ARTICLE.match(text):
        label = match.group(1)
        return Numbered(piece.para, "article", label, int(label) if label.isdigit() else roman_value(label))
    if match := _PART_LABEL.match(fold(text)):
        return Numbered(piece.para, "division", text.split()[0], None)
    if _DECIMAL.match(text):
        return Numbered(piece.para, "decimal", text.split()[0], None)
    if match := _ROMAN_HEAD.match(text):
        return Numbered(piece.para, "section", match.group(1), roman_value(match.group(1)))
    if match := _CLAUSE.match(text):
        return Numbered(piece.para, "clause", match.group(1), int(match.group(1)))
    if match := _POINT.match(text):
        return Numbered(piece.para, "point", match.group(1), None)
    return None


def _is_caption(cursor: Cursor, piece: Piece) -> bool:
    """A table's title ("Bảng 1. …", or a centred line right above a table)."""
    if _CAPTION.match(fold(piece.text)):
        return True
    following = cursor.all[piece.index + 1 : piece.index + 3]
    nxt = next((p for p in following if not p.is_empty or p.in_table), None)
    return piece.alignment == "center" and nxt is not None and nxt.in_table


def _is_heading(piece: Piece, mark: Numbered | None) -> bool:
    """Headings are free in alignment and indent (the decree sets none for "I."/"1."): Phần/Chương/mục lines, khoản
    titles set in bold, and bold capitals."""
    if mark is not None and mark.level in ("division", "section"):
        return True
    if mark is not None and mark.level == "clause" and piece.all_bold:
        return True
    return piece.all_bold and is_upper(piece.text)
