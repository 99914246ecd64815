"""Effective formatting resolved once per distinct property set, not once per paragraph.

Most paragraphs of a generated document sit in table rows made by a loop: hundreds of
``w:pPr`` / ``w:rPr`` / ``w:tcPr`` elements that say the same thing. :class:`Formats`
keys each properties element by its :func:`shape` (its children's tags and attributes
all the way down: everything :func:`~cchc_docs.facts.properties.parse` reads),
and resolves a shape through the style cascade the first time it is met. Every
document has the same code path; a repeated row costs a few dictionary look-ups.

The values depend only on the styles and theme parts, so :func:`formats_for` keeps the
resolved formatting of the last few style sheets met: the documents a build renders from
one template share it, and a document checked twice in one run is resolved once.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from cchc_docs.facts.properties import W, border_tuple, border_visible, cell_margins, measure, parse, shading
from cchc_docs.facts.records import ParagraphFacts, RunFacts, field_names
from cchc_docs.facts.replay import ShapeMemo
from cchc_docs.facts.styles import StyleSheet, is_hidden, paragraph_format, run_format

__all__ = ["CellFormat", "Formats", "ParagraphFormat", "formats_for", "shape"]

# The fields of the records that formatting fills, in the records' own order (so a
# record can be built positionally from a cached tuple).
PARAGRAPH_FIELDS = field_names(ParagraphFacts)[5:19]  # alignment … border_bottom
RUN_FIELDS = field_names(RunFacts)[1:16]  # font_ascii … vertical_align

_SHEETS = 4  # style sheets remembered (a build renders from a handful of templates)
_SHEET_BYTES = 1024 * 1024  # larger styles parts are resolved afresh every time
_ENTRIES = 50_000  # shapes remembered per sheet before the memo starts again


def shape(el) -> tuple | None:
    """A hashable image of a properties element's content: its children's tags and attributes, recursively.

    The element's own attributes are left out: no property lives there. A leaf child
    (most are) is ``(tag, (name, value), …)``; one with children is ``(tag, attributes,
    children)`` — the two forms can never be equal.
    """
    if el is None:
        return None
    return tuple([(c.tag, tuple(c.items()), shape(c)) if len(c) else (c.tag, *c.items()) for c in el])


@dataclass(frozen=True, slots=True)
class ParagraphFormat:
    """One resolved ``w:pPr`` in one place: what every paragraph with that shape there shares."""

    style: str | None
    head: tuple  # style_id, style_name, then the PARAGRAPH_FIELDS values
    run_key: tuple  # (paragraph style, table style, first row, painted behind): what its runs resolve against
    bordered: bool  # a top or bottom border, whose length depends on the section
    indents: tuple[float, float]  # left, right (twips)
    breaks_section: bool  # holds a w:sectPr


@dataclass(frozen=True, slots=True, eq=False)
class CellFormat:
    """One resolved ``w:tcPr``: grid span, width (twips, None when not in twips), margins, borders, shading.

    Compared and hashed by identity: the walker keys the geometry of a table's cells by it.
    """

    span: int
    width: float | None
    margins: dict
    borders_visible: bool
    shaded: bool = False


class Formats:
    """The resolved formatting of one style sheet, memoised by shape."""

    def __init__(self, sheet: StyleSheet) -> None:
        self.sheet = sheet
        self._paragraphs: dict[tuple, ParagraphFormat] = {}
        self._runs: dict[tuple, tuple] = {}
        self._cells: dict[tuple | None, CellFormat] = {}
        self.shapes = ShapeMemo()
        self.stories: dict[tuple, object] = {}  # headers and footers walked, by their bytes (see extract)

    def paragraph(self, ppr, tstyle: str | None, first_row: bool, width: float | None,
                  shaded: bool = False) -> ParagraphFormat:
        """``shaded``: the cell behind the paragraph is painted (white text on it is seen)."""
        key = (shape(ppr), tstyle, first_row, width, shaded)
        found = self._paragraphs.get(key)
        if found is None:
            found = self._paragraphs[key] = self._paragraph(ppr, tstyle, first_row, width, shaded)
            self._trim(self._paragraphs)
        return found

    def _paragraph(self, ppr, tstyle: str | None, first_row: bool, width: float | None,
                   shaded: bool = False) -> ParagraphFormat:
        sheet = self.sheet
        direct = parse(ppr, "pPr", sheet.theme)
        style = sheet.paragraph_style(direct.get("pStyle"))
        props = {**sheet.paragraph_base(style, tstyle, first_row), **direct}
        values = paragraph_format(props, width)
        head = (style, sheet.name(style), *(values[name] for name in PARAGRAPH_FIELDS))
        bordered = "bdr_top" in props or "bdr_bottom" in props
        indents = (props.get("ind_left", 0.0), props.get("ind_right", 0.0))
        breaks = ppr is not None and ppr.find(W + "sectPr") is not None
        run_key = (style, tstyle, first_row, shaded or bool(props.get("shaded")))
        return ParagraphFormat(style, head, run_key, bordered, indents, breaks)

    def run(self, rpr, run_key: tuple) -> tuple:
        """``(RUN_FIELDS values, character style id, hidden)`` of a run with this ``w:rPr``
        (hidden: see :func:`~cchc_docs.facts.styles.is_hidden`)."""
        key = (shape(rpr), run_key)
        found = self._runs.get(key)
        if found is None:
            found = self._runs[key] = self._run(rpr, run_key)
            self._trim(self._runs)
        return found

    def _run(self, rpr, run_key: tuple) -> tuple:
        sheet = self.sheet
        style, tstyle, first_row, background = run_key
        direct = parse(rpr, "rPr", sheet.theme)
        cstyle = sheet.char_style(direct.get("rStyle"))
        props = {**sheet.run_base(style, cstyle, tstyle, first_row), **direct}
        props["rStyle"] = cstyle
        values = run_format(props)
        return tuple(values[name] for name in RUN_FIELDS), values["style_id"], is_hidden(props, background)

    def cell(self, tcpr) -> CellFormat:
        key = shape(tcpr)
        found = self._cells.get(key)
        if found is None:
            found = self._cells[key] = _cell_format(tcpr)
            self._trim(self._cells)
        return found

    @staticmethod
    def _trim(memo: dict) -> None:
        if len(memo) > _ENTRIES:  # a hand-made document with endless variety: start again
            memo.clear()


def _cell_format(tcpr) -> CellFormat:
    if tcpr is None:
        return CellFormat(1, None, {}, False)
    span_el, width_el = tcpr.find(W + "gridSpan"), tcpr.find(W + "tcW")
    span = int(measure(span_el.get(W + "val"), 1) or 1) if span_el is not None else 1
    width = None
    if width_el is not None and (width_el.get(W + "type") or "dxa") == "dxa":
        width = measure(width_el.get(W + "w"), 20)
    margins = tcpr.find(W + "tcMar")
    borders = tcpr.find(W + "tcBorders")
    visible = borders is not None and any(border_visible(border_tuple(edge)) for edge in borders)
    fill = tcpr.find(W + "shd")
    return CellFormat(max(span, 1), width, cell_margins(margins) if margins is not None else {}, visible,
                      fill is not None and shading(fill))


_MEMO: OrderedDict[tuple[bytes, bytes], Formats] = OrderedDict()


def formats_for(styles: bytes, theme: bytes, sheet) -> Formats:
    """The resolved formatting of the style sheet these parts make (``sheet()`` builds it when new)."""
    key = (styles, theme)
    if len(styles) + len(theme) > _SHEET_BYTES:
        return Formats(sheet())
    found = _MEMO.get(key)
    if found is None:
        found = _MEMO[key] = Formats(sheet())
        if len(_MEMO) > _SHEETS:
            _MEMO.popitem(last=False)
    else:
        _MEMO.move_to_end(key)
    return found
