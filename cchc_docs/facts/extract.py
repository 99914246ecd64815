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

Text no reader sees — hidden (``w:vanish``) or white on nothing painted — is left out.
Not read: text boxes and shapes of the body (their paragraphs are not body paragraphs;
a paragraph holding one has ``has_drawing``; those of headers and footers are read, a
page number often stands in one), footnotes, comments, numbering text
(``is_numbered`` tells that Word prefixes generated text), the table-style quirk
``overrideTableStyleFontSizeAndJustification`` and conditional table formatting other
than ``firstRow``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from cchc_docs import vn
from cchc_docs.errors import SourceError
from cchc_docs.facts.body import walk_body
from cchc_docs.facts.formats import Formats, formats_for
from cchc_docs.facts.package import LIMITS, RT_BASE, Limits, Package, open_package, too_large
from cchc_docs.facts.properties import W, is_on, measure
from cchc_docs.facts.records import DocFacts, HeaderFooterFacts, ParagraphFacts, RunFacts, SectionFacts, TableFacts
from cchc_docs.facts.styles import DEFAULT_FONT, BorderFacts, LineSpacing, StyleSheet, mm, with_extent
from cchc_docs.facts.walk import Budget, Walker

__all__ = ["BorderFacts", "DocFacts", "HeaderFooterFacts", "LineSpacing", "ParagraphFacts", "RunFacts"]
__all__ += ["LIMITS", "Limits", "SectionFacts", "TableFacts", "extract"]

_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_STYLES, _THEME, _SETTINGS = RT_BASE + "styles", RT_BASE + "theme", RT_BASE + "settings"


# --- opening ---------------------------------------------------------------------------


def extract(source: str | os.PathLike | bytes, limits: Limits = LIMITS, poll=None) -> DocFacts:
    """Read a .docx (path or bytes) into :class:`DocFacts`.

    Raises :class:`~cchc_docs.errors.SourceError` with a one-line Vietnamese message
    when the input is missing, not a regular file, not a .docx, encrypted, damaged or
    beyond ``limits``; ``poll()`` is called now and then (the caller's time limit).
    """
    with open_package(source, limits) as package:
        return _Extractor(package, poll).run()


# --- sections and the document ----------------------------------------------------------------

_HF_TYPES = ("default", "first", "even")
_STORIES = 64  # header and footer parts remembered per style sheet


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

    def __init__(self, package: Package, poll) -> None:
        self.package, self.name = package, package.name
        self.main = package.main_part()
        self.rels = package.relationships(self.main)
        self.formats = self._formats()
        self.budget = Budget(package.limits, self._refuse, poll)
        self.stories: dict[tuple, HeaderFooterFacts] = {}

    def _formats(self) -> Formats:
        """The style sheet's resolved formatting, shared with every earlier document that had the same one."""
        styles, theme = (self._part(kind) for kind in (_STYLES, _THEME))
        read = self.package.read
        return formats_for(read(styles) if styles else b"", read(theme) if theme else b"",
                           lambda: StyleSheet(self.package.xml(styles), self.package.xml(theme)))

    def _part(self, reltype: str) -> str | None:
        return next((target for kind, target in self.rels.values()
                     if kind == reltype and target is not None and self.package.has(target)), None)

    def _refuse(self, what: str, cap: int) -> None:
        raise too_large(self.name, what, f"hơn {vn.format_number(cap)}", vn.format_number(cap))

    def run(self) -> DocFacts:
        strict = SourceError(f"{self.name}: định dạng Strict Open XML không được hỗ trợ; "
                             "hãy lưu lại dưới dạng Word Document (.docx)")
        walker = Walker(self.formats, body=True, budget=self.budget)
        body_section = walk_body(walker, self.package, self.main, strict)
        sect_prs = walker.sect_prs + [body_section]
        geometry = [_geometry(sect) for sect in sect_prs]
        paragraphs = _settle_extents(walker, geometry)
        sections = self._sections(sect_prs, geometry, walker.breaks, len(paragraphs))
        sheet = self.formats.sheet
        defaults = sheet.run_base(sheet.paragraph_style(None), None, None, False)
        return DocFacts(
            sections=sections,
            paragraphs=tuple(paragraphs),
            header_footers=tuple(self.stories.values()),
            tables=tuple(walker.tables),
            default_font=defaults.get("font_ascii", DEFAULT_FONT),
            even_and_odd_headers=_child_on(self.package.xml(self._part(_SETTINGS)), "evenAndOddHeaders"),
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
                _, target = self.rels.get(ref.get(_R_ID) or "", (None, None))
                if target is not None and self.package.has(target):
                    kind_type = (kind, ref.get(W + "type") or "default")
                    updated[kind_type] = self._story(target, *kind_type, width)
        return updated

    def _story(self, partname: str, kind: str, type_: str, width: float) -> HeaderFooterFacts:
        key = ("/" + partname, kind, type_)
        if key not in self.stories:
            self.stories[key] = self._walked_story(partname, kind, type_, width)
        return self.stories[key]

    def _walked_story(self, partname: str, kind: str, type_: str, width: float) -> HeaderFooterFacts:
        """A header or footer part's facts: walked once per style sheet for the same bytes and
        width (the documents of a template share theirs), counted against the limits every time."""
        data = self.package.read(partname)
        memo, key = self.formats.stories, (data, kind, type_, width)
        found = memo.get(key)
        if found is None:
            budget = Budget(self.package.limits, self._refuse, self.budget.poll)
            walker = Walker(self.formats, body=False, budget=budget, width_twips=width)
            walker.block(self.package.parse(data, partname), None)
            paragraphs = tuple(walker.paragraphs)
            text = "\n".join(p.text for p in paragraphs)
            fields = tuple(field for p in paragraphs for field in p.fields)
            story = HeaderFooterFacts(kind, type_, text, fields, paragraphs)
            if len(memo) >= _STORIES:
                memo.clear()
            found = memo[key] = (story, (budget.paragraphs, budget.runs, budget.chars))
        story, counts = found
        self.budget.paragraphs_of(*counts)
        return story


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
        paragraphs[index] = para._replace(border_top=top, border_bottom=bottom)
    return paragraphs
