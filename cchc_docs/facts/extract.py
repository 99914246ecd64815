"""Read any .docx into plain, immutable facts a format checker can test rules against.

:func:`extract` opens a document made by us, by Word or by LibreOffice and returns a
:class:`DocFacts`: sections (page size, margins, resolved headers and footers), every
body paragraph in document order (table cells and nested tables included) with its
*effective* formatting, and the tables. Nothing returned refers to XML; only this
package and the renderer know OOXML. This module opens the file and builds the
sections; walking the body and the headers and footers lives in
:mod:`cchc_docs.facts.walk`, style resolution in :mod:`cchc_docs.facts.styles`.

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
import zipfile
from dataclasses import dataclass, replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.parser import parse_xml
from docx.package import Package
from lxml import etree

from cchc_docs.errors import SourceError
from cchc_docs.facts.properties import W, is_on, measure
from cchc_docs.facts.records import DocFacts, HeaderFooterFacts, ParagraphFacts, RunFacts, SectionFacts, TableFacts
from cchc_docs.facts.styles import DEFAULT_FONT, BorderFacts, LineSpacing, StyleSheet, mm, with_extent
from cchc_docs.facts.walk import Walker
from cchc_docs.model import sniff

__all__ = ["BorderFacts", "DocFacts", "HeaderFooterFacts", "LineSpacing", "ParagraphFacts", "RunFacts"]
__all__ += ["SectionFacts", "TableFacts", "extract", "refuse_oversized"]

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"

#: The XML of a real document, unpacked; above this it is a zip bomb or not a letter.
MAX_XML_BYTES = 400 * 1024 * 1024


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


def refuse_oversized(name: str, source) -> None:
    """Refuse a zip whose XML parts unpack to more than a document could hold."""
    try:
        with zipfile.ZipFile(source) as archive:
            unpacked = sum(info.file_size for info in archive.infolist() if info.filename.endswith(".xml"))
    except Exception:  # not a zip: extract() gives the precise message
        return
    if unpacked > MAX_XML_BYTES:
        raise SourceError(f"{name}: tệp quá lớn sau khi giải nén ({unpacked // (1024 * 1024)} MB nội dung XML)")


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
            raise SourceError(f"{name}: định dạng Strict Open XML không được hỗ trợ; "
                              "hãy lưu lại dưới dạng Word Document (.docx)")
        self.sheet = StyleSheet(_xml(_related(main, RT.STYLES), name), _xml(_related(main, RT.THEME), name))
        self.stories: dict[tuple, HeaderFooterFacts] = {}

    def run(self) -> DocFacts:
        body = self.root.find(W + "body")
        walker = Walker(self.sheet, body=True)
        if body is not None:
            walker.block(body, None)
        sect_prs = walker.sect_prs + [body.find(W + "sectPr") if body is not None else None]
        geometry = [_geometry(sect) for sect in sect_prs]
        paragraphs = _settle_extents(walker, geometry)
        sections = self._sections(sect_prs, geometry, walker.breaks, len(paragraphs))
        defaults = self.sheet.run_base(self.sheet.paragraph_style(None), None, None, False)
        return DocFacts(
            sections=sections,
            paragraphs=tuple(paragraphs),
            header_footers=tuple(self.stories.values()),
            tables=tuple(walker.tables),
            default_font=defaults.get("font_ascii", DEFAULT_FONT),
            even_and_odd_headers=_child_on(_xml(_related(self.main, RT.SETTINGS), self.name), "evenAndOddHeaders"),
        )

    def _sections(self, sect_prs: list, geometry: list[_Geometry], breaks: list[int], count: int) -> tuple:
        sections, in_force = [], {}
        for index, (sect, geo) in enumerate(zip(sect_prs, geometry, strict=True)):
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
            walker = Walker(self.sheet, body=False, width_twips=width)
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


def _settle_extents(walker: Walker, geometry: list[_Geometry]) -> list[ParagraphFacts]:
    """Body borders span the text width of their section, known only after the walk."""
    paragraphs = walker.paragraphs
    for index, left, right in walker.pending:
        para = paragraphs[index]
        twips = geometry[min(para.section_index, len(geometry) - 1)].text_width - left - right
        top, bottom = with_extent(para.border_top, twips), with_extent(para.border_bottom, twips)
        paragraphs[index] = replace(para, border_top=top, border_bottom=bottom)
    return paragraphs
