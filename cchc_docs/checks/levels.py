"""How far down its header table a line prints, to tell whether two lines stand level.

The decree puts the place and date on the same line as the Số (Phụ lục I, Mục II.4);
in a header table they sit in two cells, and what decides whether they print level is
what stands above each in its cell (and the rows above). The facts carry no layout, so
heights are worked out as Word would lay the lines: wrapped with Times New Roman's
advance widths in the cell's width, at the line spacing and paragraph spacing set (an
empty paragraph is as tall as its mark's font size). An estimate stays an estimate:
only a difference of a whole line or more is reported.
"""

from __future__ import annotations

import functools

from cchc_docs.checks.pieces import Piece
from cchc_docs.facts.extract import DocFacts, ParagraphFacts
from cchc_docs.typeset import widths

LEVEL_TOLERANCE_LINES = 0.95  # a whole line, give or take rounding
_LEADING = 1.15
_CELL_MARGINS_MM = 3.8
_EMPTY_SIZE = 13.0


def lines_below(facts: DocFacts, upper: Piece, lower: Piece) -> float:
    """How many of ``lower``'s lines it prints below ``upper`` (negative: above)."""
    return (_offset(facts, lower.para) - _offset(facts, upper.para)) / _line_pt(lower.para)


def say(lines: float) -> str:
    """"1,5" — half lines, the Vietnamese way."""
    return f"{round(lines * 2) / 2:g}".replace(".", ",")


def _offset(facts: DocFacts, para: ParagraphFacts) -> float:
    """Points from the top of its table to the top of the paragraph's first line."""
    rows: dict[int, dict[int, float]] = {}
    above = 0.0
    index = para.index - 1
    paragraphs = facts.paragraphs
    while index >= 0 and paragraphs[index].in_table and paragraphs[index].table_index >= para.table_index:
        other = paragraphs[index]
        if other.table_index == para.table_index:
            if other.row == para.row and other.cell == para.cell:
                above += _height(other)
            elif other.row < para.row:
                cells = rows.setdefault(other.row, {})
                cells[other.cell] = cells.get(other.cell, 0.0) + _height(other)
        index -= 1
    return sum(max(cells.values()) for cells in rows.values()) + above + para.space_before_pt


def _height(para: ParagraphFacts) -> float:
    count = 1
    if para.text.strip() and para.cell_width_mm:
        room = para.cell_text_mm if para.cell_text_mm is not None else para.cell_width_mm - _CELL_MARGINS_MM
        width = room - para.left_indent_mm - para.right_indent_mm
        count = _lines(para.text, _size(para), max(width, 10.0))
    return count * _line_pt(para) + para.space_before_pt + para.space_after_pt


@functools.lru_cache(maxsize=1024)
def _lines(text: str, size_pt: float, width_mm: float) -> int:
    """How many lines ``text`` wraps to: kept, as the header lines of one template recur in every document."""
    return max(1, len(widths.wrap(text, size_pt, width_mm)))


def _size(para: ParagraphFacts) -> float:
    return para.size or para.mark_size_pt or _EMPTY_SIZE


def _line_pt(para: ParagraphFacts) -> float:
    spacing = para.line_spacing
    if spacing.rule == "auto":
        return _size(para) * _LEADING * spacing.value
    return spacing.value if spacing.rule == "exact" else max(spacing.value, _size(para) * _LEADING)
