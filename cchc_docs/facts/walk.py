"""Walk one story of a .docx (the body, a header or a footer) into paragraph and table facts.

:class:`Walker` visits paragraphs and tables in document order, nested tables and
content controls (``w:sdt``, ``w:customXml``, ``mc:AlternateContent``) included. For
every paragraph it resolves the effective formatting through the
:class:`~cchc_docs.facts.styles.StyleSheet`, joins the run texts (tabs, breaks and
symbol characters included, field instructions left out) and notes what sits inside a
field result or holds a drawing; for every table its grid, cell texts, borders and row
flags. :mod:`cchc_docs.facts.extract` opens the file and builds the sections around it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from cchc_docs.facts.properties import (
    TABLE_SIDES,
    W,
    border_tuple,
    border_visible,
    cell_margins,
    is_on,
    measure,
    parse,
)
from cchc_docs.facts.records import ParagraphFacts, RunFacts, TableFacts
from cchc_docs.facts.styles import DEFAULT_CELL_MARGIN, StyleSheet, mm, paragraph_format, run_format

__all__ = ["Walker"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


@dataclass(frozen=True, slots=True)
class _Cell:
    """Where a paragraph inside a table cell stands and what width it may fill."""

    table: int
    row: int
    cell: int
    width_mm: float | None
    text_twips: float | None
    tstyle: str | None
    first_row: bool


_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n",
         W + "noBreakHyphen": "-", W + "softHyphen": "\u00ad"}
_KIND = {W + "tab": "tab", W + "ptab": "tab", W + "br": "break", W + "cr": "break"}
_INLINE_WRAPPERS = frozenset(W + tag for tag in ("hyperlink", "smartTag", "ins", "moveTo", "customXml", "dir", "bdo"))
_BLOCK_WRAPPERS = frozenset(W + tag for tag in ("customXml", "ins", "moveTo"))
_DRAWINGS = frozenset((W + "drawing", W + "pict", W + "object"))


def _alternate(node):
    """mc:AlternateContent: take the Fallback (plain markup any reader knows), else the
    first Choice — never both, or the text would be counted twice."""
    chosen = node.find(_MC + "Fallback")
    return chosen if chosen is not None else node.find(_MC + "Choice")


def _children(el, tag: str):
    """Children with ``tag``, looking through ``w:sdt`` and ``w:customXml`` wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W + "customXml":
            yield from _children(child, tag)


class _Fields:
    """Complex-field state of a story (a field may span runs and paragraphs)."""

    def __init__(self) -> None:
        self.stack: list[list] = []  # [in_result, instruction parts]
        self.simple = 0
        self.found: list[str] = []

    def char(self, el) -> None:
        kind = el.get(W + "fldCharType")
        if kind == "begin":
            self.stack.append([False, []])
        elif kind == "separate" and self.stack and not self.stack[-1][0]:
            self.stack[-1][0] = True
            self.record(self.stack[-1][1])
        elif kind == "end" and self.stack:
            frame = self.stack.pop()
            if not frame[0]:
                self.record(frame[1])

    def record(self, parts: list[str]) -> None:
        words = "".join(parts).split()
        if words:
            self.found.append(words[0].upper())

    @property
    def hidden(self) -> bool:
        """Inside some field's instruction: the text is code, not content."""
        return any(not frame[0] for frame in self.stack)

    @property
    def in_result(self) -> bool:
        return bool(self.stack) or self.simple > 0


class Walker:
    """Walks one story (body, header or footer) into paragraph and table facts."""

    def __init__(self, sheet: StyleSheet, body: bool, width_twips: float | None = None) -> None:
        self.sheet, self.body, self.width = sheet, body, width_twips
        self.paragraphs: list[ParagraphFacts] = []
        self.tables: list[TableFacts | None] = []
        self.sect_prs: list = []
        self.breaks: list[int] = []
        self.pending: list[tuple] = []  # (index, left, right) of body paragraphs with borders
        self.fields = _Fields()

    @property
    def section(self) -> int | None:
        return len(self.breaks) if self.body else None

    def block(self, container, cell: _Cell | None) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self.paragraph(child, cell)
            elif tag == W + "tbl":
                self.table(child, cell)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.block(content, cell)
            elif tag in _BLOCK_WRAPPERS:
                self.block(child, cell)
            elif tag == _MC + "AlternateContent":
                chosen = _alternate(child)
                if chosen is not None:
                    self.block(chosen, cell)

    # -- paragraphs --------------------------------------------------------------------

    def paragraph(self, p, cell: _Cell | None) -> None:
        ppr = p.find(W + "pPr")
        direct = parse(ppr, "pPr", self.sheet.theme)
        style = self.sheet.paragraph_style(direct.get("pStyle"))
        tstyle, first_row = (cell.tstyle, cell.first_row) if cell else (None, False)
        props = {**self.sheet.paragraph_base(style, tstyle, first_row), **direct}
        self._key = (style, tstyle, first_row)
        self._runs: list[RunFacts] = []
        self._drawing = False
        self.fields.found = []
        self.inline(p)
        self.paragraphs.append(self._facts(props, style, cell))
        if self.body and cell is None and ppr is not None and ppr.find(W + "sectPr") is not None:
            self.sect_prs.append(ppr.find(W + "sectPr"))
            self.breaks.append(len(self.paragraphs) - 1)

    def _facts(self, props: dict, style: str | None, cell: _Cell | None) -> ParagraphFacts:
        text = "".join(run.text for run in self._runs)
        width = cell.text_twips if cell else self.width
        if self.body and cell is None and ("bdr_top" in props or "bdr_bottom" in props):
            self.pending.append((len(self.paragraphs), props.get("ind_left", 0.0), props.get("ind_right", 0.0)))
        return ParagraphFacts(
            index=len(self.paragraphs),
            text=text,
            is_nfc=unicodedata.is_normalized("NFC", text),
            style_id=style,
            style_name=self.sheet.name(style),
            **paragraph_format(props, width),
            in_table=cell is not None,
            table_index=cell.table if cell else None,
            row=cell.row if cell else None,
            cell=cell.cell if cell else None,
            cell_width_mm=cell.width_mm if cell else None,
            section_index=self.section,
            runs=tuple(self._runs),
            fields=tuple(self.fields.found),
            has_drawing=self._drawing,
        )

    def inline(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "r":
                self.run(child)
            elif tag in _INLINE_WRAPPERS:
                self.inline(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.inline(content)
            elif tag == W + "fldSimple":
                self.simple_field(child)
            elif tag == _MC + "AlternateContent":
                chosen = _alternate(child)
                if chosen is not None:
                    self.inline(chosen)

    def simple_field(self, node) -> None:
        self.fields.record([node.get(W + "instr") or ""])
        self.fields.simple += 1
        self.inline(node)
        self.fields.simple -= 1

    # -- runs ------------------------------------------------------------------------------

    def run(self, r) -> None:
        pieces: list[list] = []  # [text, kind, in_field]
        for child in r:
            tag = child.tag
            if tag == W + "fldChar":
                self.fields.char(child)
            elif tag == W + "instrText":
                if self.fields.stack:
                    self.fields.stack[-1][1].append(child.text or "")
            elif tag in _DRAWINGS or tag == _MC + "AlternateContent":
                self._drawing = True
            elif not self.fields.hidden:
                self._piece(pieces, child, tag)
        if pieces:
            fmt = run_format(self._run_props(r.find(W + "rPr")))
            self._runs.extend(_run_facts(text, kind, field, fmt) for text, kind, field in pieces)

    def _piece(self, pieces: list[list], child, tag: str) -> None:
        text = _run_text(child, tag)
        if not text:
            return
        kind, field = _KIND.get(tag, "text"), self.fields.in_result
        last = pieces[-1] if pieces else None
        if kind == "text" and last and last[1] == "text" and last[2] == field:
            last[0] += text
        else:
            pieces.append([text, kind, field])

    def _run_props(self, rpr) -> dict:
        direct = parse(rpr, "rPr", self.sheet.theme)
        style, tstyle, first_row = self._key
        cstyle = self.sheet.char_style(direct.get("rStyle"))
        base = self.sheet.run_base(style, cstyle, tstyle, first_row)
        props = {**base, **direct} if direct else dict(base)
        props["rStyle"] = cstyle
        return props

    # -- tables ------------------------------------------------------------------------------

    def table(self, tbl, outer: _Cell | None) -> None:
        index = len(self.tables)
        self.tables.append(None)  # reserve: outer tables precede the tables nested in them
        direct = parse(tbl.find(W + "tblPr"), "tblPr", self.sheet.theme)
        tstyle = self.sheet.table_style(direct.get("tblStyle"))
        props = {**self.sheet.table_base(tstyle), **direct}
        grid = [measure(col.get(W + "w"), 20) or 0.0 for col in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        rows = list(_children(tbl, W + "tr"))
        table = _TableState(index, tstyle, props, grid)
        texts = tuple(self._row(tr, r, table) for r, tr in enumerate(rows))
        self.tables[index] = TableFacts(
            index=index,
            rows=len(rows),
            cols=len(grid) or max((len(row) for row in texts), default=0),
            column_widths_mm=tuple(mm(width) for width in grid),
            borders_visible=table.borders_visible,
            header_rows_repeat=_leading_true(table.header_rows),
            rows_cant_split=tuple(table.cant_split),
            cells=texts,
            section_index=self.section,
            nested_in=outer.table if outer else None,
            style_id=tstyle,
        )

    def _row(self, tr, r: int, table: _TableState) -> tuple[str, ...]:
        trpr = tr.find(W + "trPr")
        table.header_rows.append(_row_flag(trpr, "tblHeader"))
        table.cant_split.append(_row_flag(trpr, "cantSplit"))
        column = _grid_before(trpr)
        texts = []
        for c, tc in enumerate(_children(tr, W + "tc")):
            cell, column = table.cell(tc, r, c, column)
            start = len(self.paragraphs)
            self.block(tc, cell)
            own = (p.text for p in self.paragraphs[start:] if p.table_index == table.index)
            texts.append("\n".join(own))
        return tuple(texts)


class _TableState:
    """What the rows of one table need while they are walked."""

    def __init__(self, index: int, tstyle: str | None, props: dict, grid: list[float]) -> None:
        self.index, self.tstyle, self.props, self.grid = index, tstyle, props, grid
        self.first_row = bool(props.get("look_first_row"))
        self.borders_visible = any(border_visible(props.get("tb_" + side)) for side in TABLE_SIDES)
        self.header_rows: list[bool] = []
        self.cant_split: list[bool] = []

    def cell(self, tc, r: int, c: int, column: int) -> tuple[_Cell, int]:
        tcpr = tc.find(W + "tcPr")
        span, width, margins = _cell_props(tcpr)
        self.borders_visible = self.borders_visible or _cell_borders_visible(tcpr)
        if column + span <= len(self.grid):  # the grid is what Word lays out
            width = sum(self.grid[column : column + span])
        left = margins.get("mar_left", self.props.get("mar_left", DEFAULT_CELL_MARGIN))
        right = margins.get("mar_right", self.props.get("mar_right", DEFAULT_CELL_MARGIN))
        text = width - left - right if width else None
        where = _Cell(self.index, r, c, mm(width) if width else None, text, self.tstyle, r == 0 and self.first_row)
        return where, column + span


def _cell_props(tcpr) -> tuple[int, float | None, dict]:
    if tcpr is None:
        return 1, None, {}
    span_el, width_el = tcpr.find(W + "gridSpan"), tcpr.find(W + "tcW")
    span = int(measure(span_el.get(W + "val"), 1) or 1) if span_el is not None else 1
    width = None
    if width_el is not None and (width_el.get(W + "type") or "dxa") == "dxa":
        width = measure(width_el.get(W + "w"), 20)
    margins = tcpr.find(W + "tcMar")
    return max(span, 1), width, cell_margins(margins) if margins is not None else {}


def _cell_borders_visible(tcpr) -> bool:
    borders = tcpr.find(W + "tcBorders") if tcpr is not None else None
    return borders is not None and any(border_visible(border_tuple(edge)) for edge in borders)


def _row_flag(trpr, name: str) -> bool:
    node = trpr.find(W + name) if trpr is not None else None
    return node is not None and is_on(node)


def _grid_before(trpr) -> int:
    node = trpr.find(W + "gridBefore") if trpr is not None else None
    return int(measure(node.get(W + "val"), 1) or 0) if node is not None else 0


def _leading_true(values: list[bool]) -> int:
    count = 0
    while count < len(values) and values[count]:
        count += 1
    return count


# --- formatting values ---------------------------------------------------------------------


def _run_text(child, tag: str) -> str | None:
    if tag == W + "t":
        return child.text
    if tag == W + "sym":  # a symbol-font character, e.g. Wingdings F0FC
        try:
            return chr(int(child.get(W + "char") or "", 16))
        except (ValueError, OverflowError):
            return None
    return _TEXT.get(tag)


def _run_facts(text: str, kind: str, in_field: bool, fmt: dict) -> RunFacts:
    return RunFacts(text=text, is_field_result=in_field, is_tab=kind == "tab", is_break=kind == "break", **fmt)

