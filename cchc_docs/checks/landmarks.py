"""Landmarks: where a reader finds a paragraph without page numbers — a table and row, or the heading above it.

DOCX facts carry no layout, so a page number would be a guess ("trang ≈49" for a page
that is really 69). What a person can always find is the table and row a line stands
in, or the heading (Phần, mục ``I.``, ``Điều N.``) it comes under, named with its
document when the file holds several (a decision and the plan it issues). Real page
numbers come only from a PDF (:mod:`.pdfpages`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_docs.checks.text import shorten

if TYPE_CHECKING:
    from cchc_docs.checks.components import Layout, Part

_HEADINGS = ("division", "section", "article")


def landmarks(layout: Layout) -> list[str | None]:
    """One landmark per body paragraph (None where nothing better than the paragraph number is known)."""
    paragraphs = layout.facts.paragraphs
    found: list[str | None] = [None] * len(paragraphs)
    named = len(layout.parts) > 1
    for part in layout.parts:
        name = _name(part) if named else None
        heads = {mark.para.index: mark.para for mark in part.numbered if mark.level in _HEADINGS}
        under = None
        for index in range(part.first, part.last + 1):
            para = paragraphs[index]
            if index in heads:
                under = f"dưới “{shorten(' '.join(heads[index].text.split()), 40)}”"
            where = f"bảng {para.table_index + 1}, hàng {para.row + 1}" if para.in_table else under
            found[index] = ", ".join(x for x in (name, where) if x) or None
    return found


def _name(part: Part) -> str | None:
    """The document a part is, as a clerk names it: "Quyết định", "Kế hoạch", "Phụ lục II"."""
    if part.appendix_label is not None:
        return part.appendix_label.text
    if part.doc_type is not None:
        return part.doc_type.text.capitalize()
    return None
