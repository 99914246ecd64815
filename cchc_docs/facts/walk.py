"""Walk one story of a .docx (the body, a header or a footer) into paragraph and table facts.

:class:`Walker` visits paragraphs and tables in document order, nested tables and
content controls (``w:sdt``, ``w:customXml``, ``mc:AlternateContent``) included. For
every paragraph it resolves the effective formatting through the
:class:`~cchc_docs.facts.styles.StyleSheet`, joins the run texts (tabs, breaks and
symbol characters included, field instructions left out) and notes what sits inside a
field result or holds a drawing; for every table its grid, cell texts, borders and row
flags. Text no reader sees (``w:vanish``, white on nothing painted) is left out. In a
header or footer the paragraphs of a text box (``w:txbxContent``; a page number is often
put in one) follow the paragraph that anchors the box. :mod:`cchc_docs.facts.extract`
opens the file and builds the sections around it.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from cchc_docs.facts.formats import RUN_FIELDS, Formats, shape
from cchc_docs.facts.properties import TABLE_SIDES, W, border_visible, is_on, measure, parse
from cchc_docs.facts.records import ParagraphFacts, RunFacts, TableFacts, builder
from cchc_docs.facts.styles import DEFAULT_CELL_MARGIN, mm

__all__ = ["Budget", "TableState", "Walker", "first", "rows"]

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
    shaded: bool


_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n",
         W + "noBreakHyphen": "-", W + "softHyphen": "\u00ad"}
_KIND = {W + "tab": "tab", W + "ptab": "tab", W + "br": "break", W + "cr": "break"}
_INLINE_WRAPPERS = frozenset(W + tag for tag in ("hyperlink", "smartTag", "ins", "moveTo", "customXml", "dir", "bdo"))
_BLOCK_WRAPPERS = frozenset(W + tag for tag in ("customXml", "ins", "moveTo"))
_DRAWINGS = frozenset((W + "drawing", W + "pict", W + "object"))
_P, _R, _T, _PPR, _RPR = W + "p", W + "r", W + "t", W + "pPr", W + "rPr"
_TRPR, _TCPR, _SDT_CONTENT, _TXBX = W + "trPr", W + "tcPr", W + "sdtContent", W + "txbxContent"
_NO_CELL = (False, None, None, None, None)  # in_table, table_index, row, cell, cell_width_mm
_paragraph, _run, _cell = builder(ParagraphFacts), builder(RunFacts), builder(_Cell)
_SIZE = RUN_FIELDS.index("size_pt")


def first(el, tag: str):
    """``el.find(tag)`` for a plain tag, fast where the schema puts it: properties come first.

    ElementPath's ``find`` costs more than everything else done for a paragraph.
    """
    if not len(el):
        return None
    head = el[0]
    return head if head.tag == tag else next(el.iterchildren(tag), None)


def _last(el, tag: str):
    """The last child with ``tag`` (a paragraph mark's ``w:rPr`` closes its ``w:pPr``)."""
    if el is None or not len(el):
        return None
    tail = el[-1]
    return tail if tail.tag == tag else next(el.iterchildren(tag, reversed=True), None)


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
            content = first(child, _SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W + "customXml":
            yield from _children(child, tag)


def _text_boxes(shape) -> list:
    """The outermost ``w:txbxContent`` of a shape (one branch of mc:AlternateContent: never both)."""
    if shape.tag == _MC + "AlternateContent":
        shape = _alternate(shape)
        if shape is None:
            return []
    return [box for box in shape.iter(_TXBX)
            if not any(ancestor.tag == _TXBX for ancestor in box.iterancestors())]


def rows(tbl):
    """The rows of a table, looking through content controls."""
    return _children(tbl, W + "tr")


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


class Budget:
    """What the facts of one document may grow to (see :class:`~cchc_docs.facts.package.Limits`).

    Counted as the walk goes, so a document made of millions of tiny paragraphs is
    refused before its facts fill the memory; ``poll`` also runs the time limit.
    """

    def __init__(self, limits, refuse, poll=None) -> None:
        self.limits, self.refuse, self.poll = limits, refuse, poll
        self.paragraphs = self.runs = self.chars = 0

    def paragraph(self, runs: int, chars: int) -> None:
        self.paragraphs_of(1, runs, chars)

    def paragraphs_of(self, count: int, runs: int, chars: int) -> None:
        """``count`` paragraphs more, of ``runs`` runs and ``chars`` characters in all."""
        before = self.paragraphs
        self.paragraphs += count
        self.runs += runs
        self.chars += chars
        limits = self.limits
        if self.paragraphs > limits.paragraphs:
            self.refuse("số đoạn văn", limits.paragraphs)
        if self.runs > limits.runs:
            self.refuse("số đoạn chữ (run)", limits.runs)
        if self.chars > limits.text_chars:
            self.refuse("số ký tự", limits.text_chars)
        if self.poll is not None and before // 512 != self.paragraphs // 512:
            self.poll()


class Walker:
    """Walks one story (body, header or footer) into paragraph and table facts."""

    def __init__(self, formats: Formats, body: bool, budget: Budget, width_twips: float | None = None) -> None:
        self.formats, self.sheet, self.body, self.width = formats, formats.sheet, body, width_twips
        self.budget = budget
        self.paragraphs: list[ParagraphFacts] = []
        self.tables: list[TableFacts | None] = []
        self.sect_prs: list = []
        self.breaks: list[int] = []
        self.pending: list[tuple] = []  # (index, left, right) of body paragraphs with borders
        self.fields = _Fields()
        self.body_bytes = None  # the body's rows and paragraphs read from its XML (see facts.bodybytes)

    @property
    def section(self) -> int | None:
        return len(self.breaks) if self.body else None

    def block(self, container, cell: _Cell | None) -> None:
        for child in container:
            self.block_child(child, cell)

    def block_child(self, child, cell: _Cell | None) -> None:
        tag = child.tag
        if tag == _P:
            self.paragraph(child, cell)
        elif tag == W + "tbl":
            self.table(child, cell)
        elif tag == W + "sdt":
            content = first(child, _SDT_CONTENT)
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
        """Add one paragraph's facts: a paragraph of the body itself may be replayed (see :mod:`.replay`)."""
        if cell is None and self.body_bytes is not None and not self.fields.stack and not self.fields.simple \
                and self.formats.shapes.paragraph(self, p):
            return
        self.walk_paragraph(p, cell)

    def walk_paragraph(self, p, cell: _Cell | None) -> None:
        ppr = first(p, _PPR)
        if cell is None:
            fmt = self.formats.paragraph(ppr, None, False, self.width)
        else:
            fmt = self.formats.paragraph(ppr, cell.tstyle, cell.first_row, cell.text_twips, cell.shaded)
        self._run_key = fmt.run_key
        self._runs: list[RunFacts] = []
        self._drawing = False
        self._boxes: list = []
        self.fields.found = []
        self.inline(p)
        runs = self._runs
        text = "".join([run.text for run in runs])
        self.budget.paragraph(len(runs), len(text))
        index = len(self.paragraphs)
        if self.body and cell is None and fmt.bordered:
            self.pending.append((index, *fmt.indents))
        where = (True, cell.table, cell.row, cell.cell, cell.width_mm) if cell else _NO_CELL
        mark = None if text.strip() else max([self.formats.run(_last(ppr, _RPR), fmt.run_key)[0][_SIZE],
                                              *(run.size_pt for run in runs)])
        self.paragraphs.append(_paragraph(
            index, text, text.isascii() or unicodedata.is_normalized("NFC", text), *fmt.head, *where,
            len(self.breaks) if self.body else None, tuple(runs), tuple(self.fields.found), self._drawing, mark,
            mm(cell.text_twips) if cell is not None and cell.text_twips else None,
        ))
        if self.body and cell is None and fmt.breaks_section:
            self.sect_prs.append(ppr.find(W + "sectPr"))
            self.breaks.append(index)
        for box in self._boxes:  # a header's text boxes: their paragraphs follow the one anchoring them
            self.block(box, cell)

    def inline(self, container) -> None:
        for child in container:
            tag = child.tag
            if tag == _R:
                self.run(child)
            elif tag in _INLINE_WRAPPERS:
                self.inline(child)
            elif tag == W + "sdt":
                content = first(child, _SDT_CONTENT)
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
        fields = self.fields
        for child in r:
            tag = child.tag
            if tag == _T and not fields.stack:  # the common case: plain text outside any field
                text, field = child.text, fields.simple > 0
                if not text:
                    continue
                if pieces and pieces[-1][1] == "text" and pieces[-1][2] == field:
                    pieces[-1][0] += text
                else:
                    pieces.append([text, "text", field])
            elif tag == W + "fldChar":
                fields.char(child)
            elif tag == W + "instrText":
                if fields.stack:
                    fields.stack[-1][1].append(child.text or "")
            elif tag in _DRAWINGS or tag == _MC + "AlternateContent":
                self._drawing = True
                if not self.body:
                    self._boxes.extend(_text_boxes(child))
            elif tag != _RPR and not fields.hidden:
                self._piece(pieces, _run_text(child, tag), _KIND.get(tag, "text"), fields.in_result)
        if pieces:
            head, style_id, hidden = self.formats.run(first(r, _RPR), self._run_key)
            if not hidden:  # hidden or white-on-white text: no reader sees it
                self._runs.extend(_run(text, *head, field, kind == "tab", kind == "break", style_id)
                                  for text, kind, field in pieces)

    @staticmethod
    def _piece(pieces: list[list], text: str | None, kind: str, field: bool) -> None:
        if not text:
            return
        last = pieces[-1] if pieces else None
        if kind == "text" and last and last[1] == "text" and last[2] == field:
            last[0] += text
        else:
            pieces.append([text, kind, field])

    # -- tables ------------------------------------------------------------------------------

    def table(self, tbl, outer: _Cell | None) -> None:
        state = self.open_table(tbl, outer)
        for tr in rows(tbl):
            self.row(tr, state)
        self.close_table(state)

    def open_table(self, tbl, outer: _Cell | None) -> TableState:
        """Reserve the table's place (outer tables precede the tables nested in them) and read its properties."""
        index = len(self.tables)
        self.tables.append(None)
        tblpr = tbl.find(W + "tblPr")
        direct = parse(tblpr, "tblPr", self.sheet.theme)
        tstyle = self.sheet.table_style(direct.get("tblStyle"))
        props = {**self.sheet.table_base(tstyle), **direct}
        grid = [measure(col.get(W + "w"), 20) or 0.0 for col in tbl.iterfind(f"{W}tblGrid/{W}gridCol")]
        return TableState(index, tstyle, props, grid, outer, (shape(tblpr), tuple(grid)))

    def close_table(self, table: TableState) -> None:
        texts = tuple(table.texts)
        self.tables[table.index] = TableFacts(
            index=table.index,
            rows=len(texts),
            cols=len(table.grid) or max((len(row) for row in texts), default=0),
            column_widths_mm=tuple(mm(width) for width in table.grid),
            borders_visible=table.borders_visible,
            header_rows_repeat=_leading_true(table.header_rows),
            rows_cant_split=tuple(table.cant_split),
            cells=texts,
            section_index=self.section,
            nested_in=table.outer.table if table.outer else None,
            style_id=table.tstyle,
        )

    def row(self, tr, table: TableState) -> None:
        """Add one row's facts: replayed from an earlier row of the same shape where that is safe."""
        if self.body and not self.fields.stack and not self.fields.simple:
            self.formats.shapes.row(self, tr, table)
        else:
            self.walk_row(tr, table)

    def walk_row(self, tr, table: TableState) -> None:
        r = len(table.texts)
        trpr = first(tr, _TRPR)
        table.header_rows.append(_row_flag(trpr, "tblHeader"))
        table.cant_split.append(_row_flag(trpr, "cantSplit"))
        column = _grid_before(trpr)
        texts = []
        for c, tc in enumerate(_children(tr, W + "tc")):
            cell, column = table.cell(self.formats.cell(first(tc, _TCPR)), r, c, column)
            start = len(self.paragraphs)
            self.block(tc, cell)
            own = [p.text for p in self.paragraphs[start:] if p.table_index == table.index]
            texts.append("\n".join(own))
        table.texts.append(tuple(texts))


class TableState:
    """What the rows of one table need while they are walked (one row at a time when streamed)."""

    def __init__(self, index: int, tstyle: str | None, props: dict, grid: list[float], outer: _Cell | None,
                 shape: tuple = ()) -> None:
        self.index, self.tstyle, self.props, self.grid, self.outer = index, tstyle, props, grid, outer
        self.shape = shape  # what a row's cells take from the table: its properties and grid (see .replay)
        self.first_row = bool(props.get("look_first_row"))
        self.borders_visible = any(border_visible(props.get("tb_" + side)) for side in TABLE_SIDES)
        self.header_rows: list[bool] = []
        self.cant_split: list[bool] = []
        self.texts: list[tuple[str, ...]] = []
        self.geometry: dict[tuple, tuple] = {}

    def cell(self, fmt, r: int, c: int, column: int) -> tuple[_Cell, int]:
        self.borders_visible = self.borders_visible or fmt.borders_visible
        key = (fmt, column)  # the rows of a loop repeat their cells: their geometry is worked out once
        geometry = self.geometry.get(key)
        if geometry is None:
            geometry = self.geometry[key] = self._geometry(fmt, column)
        width_mm, text = geometry
        return (_cell(self.index, r, c, width_mm, text, self.tstyle, r == 0 and self.first_row, fmt.shaded),
                column + fmt.span)

    def _geometry(self, fmt, column: int) -> tuple[float | None, float | None]:
        """(width in mm, text width in twips) of a cell with this format starting at ``column``."""
        width = fmt.width
        if column + fmt.span <= len(self.grid):  # the grid is what Word lays out
            width = sum(self.grid[column : column + fmt.span])
        left = fmt.margins.get("mar_left", self.props.get("mar_left", DEFAULT_CELL_MARGIN))
        right = fmt.margins.get("mar_right", self.props.get("mar_right", DEFAULT_CELL_MARGIN))
        return (mm(width) if width else None), (width - left - right if width else None)


def _row_flag(trpr, name: str) -> bool:
    node = next(trpr.iterchildren(W + name), None) if trpr is not None else None
    return node is not None and is_on(node)


def _grid_before(trpr) -> int:
    node = next(trpr.iterchildren(W + "gridBefore"), None) if trpr is not None else None
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


