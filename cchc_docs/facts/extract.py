"""Read any .docx into plain, immutable facts a format checker can test rules against.

:func:`extract` opens a document made by us, by Word or by LibreOffice and returns a
:class:`DocFacts`: sections (page size, margins, resolved headers and footers), every
body paragraph in document order (table cells and nested tables included) with its
*effective* formatting, and the tables. Nothing returned refers to XML; only this
module and the renderer know OOXML. Style resolution lives in :mod:`cchc_docs.styles`.

Lengths are millimetres rounded to 0.1 (twips / 56.6929), spacing is in points. Values
nothing in the document sets fall back to Word's built-in defaults: 10 pt, "Times New
Roman", not bold, not italic, left-aligned, no spacing, single line spacing.

Not read: text boxes and shapes (their paragraphs are not body paragraphs; a
paragraph holding one has ``has_drawing``), footnotes, comments, numbering text
(``is_numbered`` tells that Word prefixes generated text), the table-style quirk
``overrideTableStyleFontSizeAndJustification`` and conditional table formatting other
than ``firstRow``.
"""

from __future__ import annotations

import io
import os
import unicodedata
import zipfile
from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.package import Package
from lxml import etree

from cchc_docs.errors import SourceError
from cchc_docs.facts.records import DocFacts, HeaderFooterFacts, ParagraphFacts, RunFacts, SectionFacts, TableFacts
from cchc_docs.facts.styles import (
    DEFAULT_CELL_MARGIN,
    DEFAULT_FONT,
    TABLE_SIDES,
    BorderFacts,
    LineSpacing,
    StyleSheet,
    W,
    border_tuple,
    border_visible,
    cell_margins,
    is_on,
    measure,
    mm,
    paragraph_format,
    parse,
    run_format,
    with_extent,
)
from cchc_docs.model import sniff

__all__ = ["BorderFacts", "DocFacts", "HeaderFooterFacts", "LineSpacing", "ParagraphFacts", "RunFacts"]
__all__ += ["SectionFacts", "TableFacts", "extract"]

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


# --- opening ---------------------------------------------------------------------------


def extract(source: str | os.PathLike | bytes) -> DocFacts:
    """Read a .docx (path or bytes) into :class:`DocFacts`.

    Raises :class:`~cchc_docs.errors.SourceError` with a one-line Vietnamese message
    when the input is missing, not a .docx, encrypted or damaged.
    """
    name, data = _read(source)
    members = _zip_members(name, data)
    return _Extractor(name, _open_main_part(name, data, members)).run()


def _read(source: str | os.PathLike | bytes) -> tuple[str, bytes]:
    if isinstance(source, (bytes, bytearray, memoryview)):
        return "<bytes>", bytes(source)
    path = os.fspath(source)
    try:
        with open(path, "rb") as stream:
            return str(path), stream.read()
    except FileNotFoundError:
        raise SourceError(f"{path}: không tìm thấy tệp") from None
    except OSError as exc:  # a folder: IsADirectoryError, or PermissionError on Windows
        if os.path.isdir(path):
            raise sniff.docx_error(str(path), sniff.FOLDER) from None
        raise SourceError(f"{path}: không đọc được tệp ({exc.strerror})") from None


def _zip_members(name: str, data: bytes) -> list[str]:
    """Names in the ZIP container, after refusing what is plainly not a .docx.

    What the file is instead (a YAML plan, a PDF, a spreadsheet …) is told from its bytes
    only when it is no Word package, so the message can name it and the command that
    takes it; the build's self-check of every document it renders does not pay for that.
    """
    names = _namelist(data)
    kind = sniff.zip_kind(names) if names is not None else sniff.sniff(data, name)
    wrong = sniff.docx_error(name, kind)
    if wrong is not None:
        raise wrong
    if names is not None:
        return names
    if kind is sniff.DOCX:  # a damaged zip whose first members are still readable
        raise SourceError(f"{name}: tệp .docx bị hỏng, không đọc được (gói ZIP không trọn vẹn)")
    raise SourceError(f"{name}: không phải tệp .docx (không phải gói ZIP hợp lệ hoặc tệp bị hỏng)")


def _namelist(data: bytes) -> list[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.namelist()
    except Exception:  # BadZipFile, or worse on a damaged directory: all mean "not a zip"
        return None


def _open_main_part(name: str, data: bytes, members: list[str]):
    not_word = SourceError(f"{name}: không phải tài liệu Word (thiếu word/document.xml)")
    try:
        package = Package.open(io.BytesIO(data))
    except Exception as exc:  # any failure here is a damaged package, never a bug of ours
        if "word/document.xml" not in members:
            raise not_word from None
        raise SourceError(f"{name}: tệp .docx bị hỏng, không đọc được ({type(exc).__name__})") from None
    part = next((rel.target_part for rel in package.rels.values() if rel.reltype == RT.OFFICE_DOCUMENT), None)
    if part is None or "wordprocessingml" not in part.content_type:
        raise not_word
    return part


def _xml(part, name: str = ""):
    """The root element of an XML part (python-docx parses only the parts it knows)."""
    if part is None:
        return None
    element = getattr(part, "element", None)
    if element is not None:
        return element
    try:
        return parse_xml(part.blob)
    except etree.XMLSyntaxError:
        raise SourceError(f"{name}: phần {part.partname} của tệp .docx bị hỏng") from None


def _related(part, reltype: str):
    for rel in part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            return rel.target_part
    return None


# --- walking a story ---------------------------------------------------------------------


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


_TEXT = {W + "tab": "\t", W + "ptab": "\t", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-", W + "softHyphen": "\u00ad"}
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


class _Walker:
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


# --- sections and the document ----------------------------------------------------------------

_HF_TYPES = ("default", "first", "even")


@dataclass(frozen=True, slots=True)
class _Geometry:
    """Page geometry of one ``w:sectPr`` in twips (Word's defaults where absent)."""

    width: float
    height: float
    orientation: str
    top: float
    bottom: float
    left: float
    right: float
    header: float
    footer: float
    gutter: float

    @property
    def text_width(self) -> float:
        return self.width - self.left - self.right - self.gutter


def _geometry(sect) -> _Geometry:
    size = sect.find(W + "pgSz") if sect is not None else None
    mar = sect.find(W + "pgMar") if sect is not None else None
    width, height = _twips(size, "w", 12240.0), _twips(size, "h", 15840.0)
    orient = size.get(W + "orient") if size is not None else None
    if orient not in ("portrait", "landscape"):
        orient = "landscape" if width > height else "portrait"
    # A negative top/bottom margin means "exactly, even if the header is taller".
    top, bottom = abs(_twips(mar, "top", 1440.0)), abs(_twips(mar, "bottom", 1440.0))
    side = (_twips(mar, name, default) for name, default in _SIDES)
    return _Geometry(width, height, orient, top, bottom, *side)


_SIDES = (("left", 1440.0), ("right", 1440.0), ("header", 720.0), ("footer", 720.0), ("gutter", 0.0))


def _twips(el, name: str, default: float) -> float:
    value = measure(el.get(W + name), 20) if el is not None else None
    return default if value is None else value


def _child_on(el, name: str) -> bool:
    node = el.find(W + name) if el is not None else None
    return node is not None and is_on(node)


def _page_start(sect) -> int | None:
    node = sect.find(W + "pgNumType") if sect is not None else None
    value = measure(node.get(W + "start"), 1) if node is not None else None
    return int(value) if value is not None else None


class _Extractor:
    """Builds :class:`DocFacts` from the main document part of an opened package."""

    def __init__(self, name: str, main) -> None:
        self.name, self.main = name, main
        self.root = _xml(main, name)
        if self.root.tag != W + "document":  # e.g. ISO "Strict" files use other namespaces
            raise SourceError(f"{name}: định dạng Strict Open XML không được hỗ trợ; hãy lưu lại dưới dạng Word Document (.docx)")
        self.sheet = StyleSheet(_xml(_related(main, RT.STYLES), name), _xml(_related(main, RT.THEME), name))
        self.stories: dict[tuple, HeaderFooterFacts] = {}

    def run(self) -> DocFacts:
        body = self.root.find(W + "body")
        walker = _Walker(self.sheet, body=True)
        if body is not None:
            walker.block(body, None)
        sect_prs = walker.sect_prs + [body.find(W + "sectPr") if body is not None else None]
        geometry = [_geometry(sect) for sect in sect_prs]
        paragraphs = _settle_extents(walker, geometry)
        sections = self._sections(sect_prs, geometry, walker.breaks, len(paragraphs))
        return DocFacts(
            sections=sections,
            paragraphs=tuple(paragraphs),
            header_footers=tuple(self.stories.values()),
            tables=tuple(walker.tables),
            default_font=self.sheet.run_base(self.sheet.paragraph_style(None), None, None, False).get("font_ascii", DEFAULT_FONT),
            even_and_odd_headers=_child_on(_xml(_related(self.main, RT.SETTINGS), self.name), "evenAndOddHeaders"),
        )

    def _sections(self, sect_prs: list, geometry: list[_Geometry], breaks: list[int], count: int) -> tuple:
        sections, in_force = [], {}
        for index, (sect, geo) in enumerate(zip(sect_prs, geometry)):
            in_force = self._headers(sect, in_force, geo.text_width)
            first = breaks[index - 1] + 1 if index else 0
            last = breaks[index] if index < len(breaks) else count - 1
            sections.append(_section_facts(index, sect, geo, (first, last), in_force))
        return tuple(sections)

    def _headers(self, sect, in_force: dict, width: float) -> dict:
        """Word's rule: a header/footer type the section does not define is inherited."""
        updated = dict(in_force)
        for tag, kind in ((W + "headerReference", "header"), (W + "footerReference", "footer")):
            for ref in sect.iterchildren(tag) if sect is not None else ():
                rel = self.main.rels.get(ref.get(_R_ID) or "")
                if rel is not None and not rel.is_external:
                    kind_type = (kind, ref.get(W + "type") or "default")
                    updated[kind_type] = self._story(rel.target_part, *kind_type, width)
        return updated

    def _story(self, part, kind: str, type_: str, width: float) -> HeaderFooterFacts:
        key = (str(part.partname), kind, type_)
        if key not in self.stories:
            walker = _Walker(self.sheet, body=False, width_twips=width)
            walker.block(_xml(part, self.name), None)
            paragraphs = tuple(walker.paragraphs)
            text = "\n".join(p.text for p in paragraphs)
            fields = tuple(field for p in paragraphs for field in p.fields)
            self.stories[key] = HeaderFooterFacts(kind, type_, text, fields, paragraphs)
        return self.stories[key]


def _section_facts(index: int, sect, geo: _Geometry, span: tuple[int, int], in_force: dict) -> SectionFacts:
    return SectionFacts(
        index=index,
        page_width_mm=mm(geo.width),
        page_height_mm=mm(geo.height),
        orientation=geo.orientation,
        margin_top_mm=mm(geo.top),
        margin_bottom_mm=mm(geo.bottom),
        margin_left_mm=mm(geo.left),
        margin_right_mm=mm(geo.right),
        header_distance_mm=mm(geo.header),
        footer_distance_mm=mm(geo.footer),
        gutter_mm=mm(geo.gutter),
        text_width_mm=mm(geo.text_width),
        title_page=_child_on(sect, "titlePg"),
        page_number_start=_page_start(sect),
        first_paragraph=span[0],
        last_paragraph=span[1],
        headers=tuple((t, in_force[("header", t)]) for t in _HF_TYPES if ("header", t) in in_force),
        footers=tuple((t, in_force[("footer", t)]) for t in _HF_TYPES if ("footer", t) in in_force),
    )


def _settle_extents(walker: _Walker, geometry: list[_Geometry]) -> list[ParagraphFacts]:
    """Body borders span the text width of their section, known only after the walk."""
    paragraphs = walker.paragraphs
    for index, left, right in walker.pending:
        para = paragraphs[index]
        twips = geometry[min(para.section_index, len(geometry) - 1)].text_width - left - right
        top, bottom = with_extent(para.border_top, twips), with_extent(para.border_bottom, twips)
        paragraphs[index] = replace(para, border_top=top, border_bottom=bottom)
    return paragraphs
