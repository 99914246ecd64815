"""A rough page estimate for every paragraph, so a finding can say "trang ≈3".

The facts carry no layout, so heights are estimated: characters × an average Times
New Roman advance (0.47 em) give the number of lines, lines × size × 1.15 × line
spacing plus the paragraph spacing give the height; a table row is as tall as its
tallest cell. Sections start a new page; ``pageBreakBefore`` does too. Explicit page
breaks inside runs are not told apart from line breaks, so they count as one line.
Good to a page or so on a short document — always printed as an estimate.
"""

from __future__ import annotations

import math

from cchc_docs.facts.extract import DocFacts, ParagraphFacts, SectionFacts

_MM_TO_PT = 72 / 25.4
_AVERAGE_ADVANCE_EM = 0.47
_LEADING = 1.15
_DEFAULT_SIZE = 13.0


def paragraph_height_pt(para: ParagraphFacts, width_mm: float) -> float:
    """Height of one paragraph laid out in ``width_mm``."""
    size = max((run.size_pt for run in para.runs if run.text.strip()), default=_DEFAULT_SIZE)
    width_pt = max(width_mm - para.left_indent_mm - para.right_indent_mm, 20.0) * _MM_TO_PT
    text_pt = len(para.text) * size * _AVERAGE_ADVANCE_EM + max(para.first_line_indent_mm, 0) * _MM_TO_PT
    lines = max(1, math.ceil(text_pt / width_pt)) + para.text.count("\n")
    spacing = para.line_spacing
    floor = size if spacing.rule == "atLeast" else 0
    line_pt = size * _LEADING * spacing.value if spacing.rule == "auto" else max(spacing.value, floor)
    return lines * line_pt + para.space_before_pt + para.space_after_pt


def paragraph_heights(facts: DocFacts) -> tuple[float, ...]:
    """The height of every body paragraph in its section's text width (its cell's, in a table).

    The page estimate and every :func:`extent` need them; they are computed once per
    document (remembered for the last document asked about, by identity, until :func:`forget`).
    """
    if _LAST and _LAST[0] is facts:
        return _LAST[1]
    sections = facts.sections
    heights = []
    for para in facts.paragraphs:
        section = sections[min(para.section_index or 0, len(sections) - 1)]
        if para.in_table:
            heights.append(paragraph_height_pt(para, (para.cell_width_mm or section.text_width_mm) - 3.8))
        else:
            heights.append(paragraph_height_pt(para, section.text_width_mm))
    _LAST[:] = [facts, tuple(heights)]
    return _LAST[1]


_LAST: list = []  # [facts, heights] of the last document measured


def forget() -> None:
    """Let the last document's facts go (at the end of each check)."""
    _LAST.clear()


def usable_height_pt(section: SectionFacts) -> float:
    return max(section.page_height_mm - section.margin_top_mm - section.margin_bottom_mm, 50.0) * _MM_TO_PT


def estimate(facts: DocFacts) -> tuple[int, ...]:
    """The estimated physical page (1-based, counted from the start of the file) of each
    body paragraph."""
    pages = [1] * len(facts.paragraphs)
    heights = paragraph_heights(facts)
    page, used = 1, 0.0
    for number, section in enumerate(facts.sections):
        if number:
            page, used = page + 1, 0.0
        page, used = _lay_out(facts.paragraphs[section.first_paragraph : section.last_paragraph + 1],
                              heights, usable_height_pt(section), pages, page, used)
    return tuple(pages)


def _lay_out(paragraphs, heights: tuple[float, ...], height: float, pages: list[int], page: int, used: float):
    row_key, row_cells, row_members = None, {}, []
    for para in (*paragraphs, None):
        key = (para.table_index, para.row) if para is not None and para.in_table else None
        if row_key is not None and key != row_key:  # a table row ends: it takes its tallest cell
            page, used = _advance(page, used, max(row_cells.values(), default=0.0), height)
            for index in row_members:
                pages[index] = page
            row_key, row_cells, row_members = None, {}, []
        if para is None:
            break
        if key is not None:
            row_key = key
            row_cells[para.cell] = row_cells.get(para.cell, 0.0) + heights[para.index]
            row_members.append(para.index)
            continue
        if para.page_break_before and used > 0:
            page, used = page + 1, 0.0
        page, used = _advance(page, used, heights[para.index], height)
        pages[para.index] = page
    return page, used


def _advance(page: int, used: float, block: float, height: float) -> tuple[int, float]:
    """Place a block of ``block`` points; it moves to the next page when it does not fit."""
    if used + block > height and used > 0:
        page, used = page + 1, 0.0
    used += block
    while used > height:  # a block taller than a page
        page, used = page + 1, used - height
    return page, used


def extent(facts: DocFacts, first: int, last: int) -> float:
    """How many pages paragraphs ``first``…``last`` fill, as a fraction (rows of a table
    count their tallest cell)."""
    if first > last or not facts.sections:
        return 0.0
    sections, heights = facts.sections, paragraph_heights(facts)
    total, rows = 0.0, {}
    for para in facts.paragraphs[first : last + 1]:
        if para.in_table:
            cells = rows.setdefault((para.table_index, para.row), {})
            cells[para.cell] = cells.get(para.cell, 0.0) + heights[para.index]
        else:
            total += heights[para.index]
    total += sum(max(cells.values()) for cells in rows.values())
    start = sections[min(facts.paragraphs[first].section_index or 0, len(sections) - 1)]
    return total / usable_height_pt(start)
