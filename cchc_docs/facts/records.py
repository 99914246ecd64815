"""The facts of a DOCX as plain immutable records (what :func:`cchc_docs.facts.extract` returns).

Kept apart from the extraction so that a rule author reads only what the facts are,
not how Word's XML is walked to get them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import NamedTuple

from cchc_docs.facts.styles import BorderFacts, LineSpacing

_EAST_ASIAN_RANGES = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff"  # CJK, Hangul, compatibility ideographs
_COMPLEX_RANGES = "\u0590-\u08ff\u0e00-\u0e7f"  # Hebrew, Arabic … and Thai
_ASCII = re.compile(r"[!-~]")  # a visible ASCII character


@functools.cache
def _classes() -> tuple:
    """The patterns of the non-ASCII font slots, compiled when first needed (wide ranges take
    milliseconds to compile: a check whose runs all name one font never needs them)."""
    return (re.compile(f"[{_EAST_ASIAN_RANGES}]"), re.compile(f"[{_COMPLEX_RANGES}]"),
            re.compile(f"[^\\x00-\\x7f\\s{_EAST_ASIAN_RANGES}{_COMPLEX_RANGES}]"))


class _RunFields(NamedTuple):
    text: str
    font_ascii: str
    font_hanh_ansi: str
    font_east_asia: str
    font_cs: str
    size_pt: float
    bold: bool
    italic: bool
    underline: bool
    underline_style: str
    caps: bool
    small_caps: bool
    strike: bool
    color: str
    highlight: str | None
    vertical_align: str
    is_field_result: bool
    is_tab: bool
    is_break: bool
    style_id: str | None


class RunFacts(_RunFields):
    """A piece of one run with its effective formatting.

    A ``w:r`` holding text and tabs or breaks is split so that each tab (``"\\t"``) and
    break (``"\\n"``) is its own piece with ``is_tab`` / ``is_break`` set.
    """

    __slots__ = ()

    @property
    def font_h_ansi(self) -> str:
        """Alias of ``font_hanh_ansi`` (the ``w:hAnsi`` slot)."""
        return self.font_hanh_ansi

    @property
    def fonts(self) -> frozenset[str]:
        """Fonts Word really uses for this text: ASCII letters take ``ascii``, other
        Latin letters (Vietnamese diacritics) ``hAnsi``, CJK ``eastAsia``, RTL/Thai ``cs``.

        Asked of every run of a document, so each class of characters is looked for with
        one regular expression over the text, not one Python step per character."""
        text = self.text
        found = [self.font_ascii] if _ASCII.search(text) else []
        if not text.isascii():
            fonts = (self.font_east_asia, self.font_cs, self.font_hanh_ansi)
            found += [font for font, chars in zip(fonts, _classes(), strict=True) if chars.search(text)]
        return frozenset(found)


class VisibleRuns:
    """What the eye sees of a sequence of runs (a paragraph, or a piece of one)."""

    __slots__ = ()
    runs: tuple[RunFacts, ...]

    def _visible(self) -> list[RunFacts]:
        return [run for run in self.runs if run.text.strip()]

    @property
    def sizes(self) -> frozenset[float]:
        """Effective sizes of runs that show something (whitespace ignored)."""
        return frozenset(run.size_pt for run in self._visible())

    @property
    def size(self) -> float | None:
        """The largest size used (what the eye reads as the size of the line)."""
        return max(self.sizes, default=None)

    @property
    def fonts(self) -> frozenset[str]:
        """Fonts used by the visible characters (see :attr:`RunFacts.fonts`)."""
        return frozenset().union(*(run.fonts for run in self._visible()))

    @property
    def all_bold(self) -> bool:
        """Every visible run is bold (False when nothing is visible)."""
        visible = self._visible()
        return bool(visible) and all(run.bold for run in visible)

    @property
    def any_bold(self) -> bool:
        """Some visible run is bold."""
        return any(run.bold for run in self._visible())

    @property
    def all_italic(self) -> bool:
        """Every visible run is italic (False when nothing is visible)."""
        visible = self._visible()
        return bool(visible) and all(run.italic for run in visible)

    @property
    def any_italic(self) -> bool:
        """Some visible run is italic."""
        return any(run.italic for run in self._visible())


class _ParagraphFields(NamedTuple):
    index: int
    text: str
    is_nfc: bool
    style_id: str | None
    style_name: str
    alignment: str
    first_line_indent_mm: float
    left_indent_mm: float
    right_indent_mm: float
    space_before_pt: float
    space_after_pt: float
    line_spacing: LineSpacing
    keep_with_next: bool
    keep_lines: bool
    page_break_before: bool
    contextual_spacing: bool
    is_numbered: bool
    border_top: BorderFacts | None
    border_bottom: BorderFacts | None
    in_table: bool
    table_index: int | None
    row: int | None
    cell: int | None
    cell_width_mm: float | None
    section_index: int | None
    runs: tuple[RunFacts, ...]
    fields: tuple[str, ...]
    has_drawing: bool
    mark_size_pt: float | None  # an empty paragraph's height: its mark's (or spaces') largest size; None with text
    cell_text_mm: float | None  # in a table: the width its lines may fill (the cell's less its margins)


class ParagraphFacts(_ParagraphFields, VisibleRuns):
    """One paragraph with its effective (style-resolved) formatting.

    ``text`` is exactly what the document holds (not normalised; see ``is_nfc``).
    ``index`` counts body paragraphs, or paragraphs of one header/footer. Table fields
    are None outside tables; ``cell`` counts ``w:tc`` elements of the row; in a header
    or footer ``table_index`` counts that part's own tables and ``section_index`` is
    None (one part may serve several sections). Border extents are the text width
    available (cell width less cell margins, or the section's text width) less indents.
    """

    __slots__ = ()

    @property
    def is_empty(self) -> bool:
        """Nothing but whitespace."""
        return self.text.strip() == ""


@dataclass(frozen=True, slots=True)
class HeaderFooterFacts:
    """One header or footer part as used by a section: ``kind`` "header"/"footer",
    ``type`` "default"/"first"/"even", field instructions' first words (``"PAGE"``)."""

    kind: str
    type: str
    text: str
    fields: tuple[str, ...]
    paragraphs: tuple[ParagraphFacts, ...]


@dataclass(frozen=True, slots=True)
class TableFacts:
    """One table. ``cells`` holds one text per ``w:tc`` of each row (a merged cell
    appears once); ``nested_in`` is the index of the enclosing table."""

    index: int
    rows: int
    cols: int
    column_widths_mm: tuple[float, ...]
    borders_visible: bool
    header_rows_repeat: int
    rows_cant_split: tuple[bool, ...]
    cells: tuple[tuple[str, ...], ...]
    section_index: int | None
    nested_in: int | None
    style_id: str | None


@dataclass(frozen=True, slots=True)
class SectionFacts:
    """One section: page geometry, paragraph range (inclusive; an empty section has
    ``first_paragraph == last_paragraph + 1``) and headers/footers resolved as Word
    shows them: a type the section does not define is inherited from the previous one."""

    index: int
    page_width_mm: float
    page_height_mm: float
    orientation: str
    margin_top_mm: float
    margin_bottom_mm: float
    margin_left_mm: float
    margin_right_mm: float
    header_distance_mm: float
    footer_distance_mm: float
    gutter_mm: float
    text_width_mm: float
    title_page: bool
    page_number_start: int | None
    first_paragraph: int
    last_paragraph: int
    headers: tuple[tuple[str, HeaderFooterFacts], ...]
    footers: tuple[tuple[str, HeaderFooterFacts], ...]

    def header(self, which: str = "default") -> HeaderFooterFacts | None:
        """The header of type ``which`` ("default", "first", "even") in force, if any."""
        return dict(self.headers).get(which)

    def footer(self, which: str = "default") -> HeaderFooterFacts | None:
        """The footer of type ``which`` ("default", "first", "even") in force, if any."""
        return dict(self.footers).get(which)


@dataclass(frozen=True, slots=True)
class DocFacts:
    """Everything the checker needs to know about one document."""

    sections: tuple[SectionFacts, ...]
    paragraphs: tuple[ParagraphFacts, ...]
    header_footers: tuple[HeaderFooterFacts, ...]
    tables: tuple[TableFacts, ...]
    default_font: str
    even_and_odd_headers: bool


def builder(cls: type) -> Callable[..., object]:
    """A positional constructor for a record that skips ``__init__``.

    Runs and paragraphs (thousands per document) are named tuples: one C call makes one.
    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; for
    the other records the builder stores the values straight into the slots (a generated
    function, as :mod:`dataclasses` itself makes ``__init__``): the record is equal,
    hashes equal, and stays frozen.
    """
    if issubclass(cls, tuple):
        make = tuple.__new__
        return lambda *values: make(cls, values)
    names = field_names(cls)
    scope = {"new": object.__new__, "cls": cls} | {f"set_{n}": getattr(cls, n).__set__ for n in names}
    body = "".join(f"    set_{n}(record, {n})\n" for n in names)
    exec(f"def build({', '.join(names)}):\n    record = new(cls)\n{body}    return record\n", scope)
    return scope["build"]


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record, in order, whether it is a named tuple or a dataclass."""
    return cls._fields if issubclass(cls, tuple) else tuple(f.name for f in fields(cls))
