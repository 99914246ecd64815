"""Small helpers the rule modules share: units and words for messages, part filters."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_docs.checks.components import Layout, Part
from cchc_docs.checks.pieces import Piece

CELL_MARGINS_MM = 3.8  # Word's default 1.9 mm each side of a cell's text

ALIGNMENTS = {"center": "căn giữa", "both": "căn đều hai bên", "left": "căn trái", "right": "căn phải",
              "distribute": "căn đều (phân bố)"}


def pt(value: float) -> str:
    return f"{value:g} pt"


def pts(values) -> str:
    return ", ".join(pt(v) for v in sorted(values))


def size_range(least: float, most: float) -> str:
    return pt(least) if least == most else f"{least:g}–{most:g} pt"


def mm(value: float) -> str:
    return f"{value:.1f} mm".replace(".", ",")


def alignment(value: str | None) -> str:
    return ALIGNMENTS.get(value or "left", value or "căn trái")


def documents(layout: Layout, *kinds: str) -> Iterator[Part]:
    """The parts of the given kinds (all parts when none is given)."""
    for part in layout.parts:
        if not kinds or part.kind in kinds:
            yield part


def within(value: float, least: float, most: float, tolerance: float = 0.01) -> bool:
    return least - tolerance <= value <= most + tolerance


def text_width_mm(piece: Piece, layout: Layout) -> float:
    """The width a line may fill: its cell's (less the cell margins) or its section's, less its indents."""
    para = piece.para
    if para.cell_text_mm is not None:
        return para.cell_text_mm - para.left_indent_mm - para.right_indent_mm
    if para.cell_width_mm is not None:
        return para.cell_width_mm - CELL_MARGINS_MM - para.left_indent_mm - para.right_indent_mm
    sections = layout.facts.sections
    section = sections[min(para.section_index or 0, len(sections) - 1)]
    return section.text_width_mm - para.left_indent_mm - para.right_indent_mm
