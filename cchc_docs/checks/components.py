"""Recognise the components of the ND30 layout (Phụ lục I, Mục IV, boxes 1–9, 12) in a document's facts.

Nothing here relies on style names: a clerk's document typed in Word is recognised by
text patterns and position, ours the same way. The document is first cut into
*parts* — a new part starts at a Quốc hiệu (a new header) or at a "Phụ lục" line —
since one file may hold a decision, the plan it issues and an appendix. In each part:

* the header zone (the header table, or the lines before the tên loại) gives the
  Quốc hiệu (also when typed on two lines), Tiêu ngữ, Số, place and date by their
  text, and the issuing body as the remaining lines above the Số (leading lines that
  are not bold: chủ quản);
* the tên loại is a line holding exactly a type name of Phụ lục III; the trích yếu
  follows it (in a table cell too); then a Kèm theo line (with its continuation lines),
  an authority line, căn cứ lines — in every kind of document — and ``QUYẾT ĐỊNH:``
  where they are;
* the closing starts at "Nơi nhận" or at an authority prefix (TM., KT. …); its items are
  the lines under the label, in its cell or in the cells under it; the rest is the
  signer block (titles, then the name);
* what lies between is the body; numbered lines (I., 1., a), Điều N.) are marked;
  captions over tables ("Biểu mẫu 1", its second line, "Đơn vị tính: …") are set apart.

Text is read as a reader sees it (:mod:`.pieces`): hidden text is not there, a row of
underscores is a rule, a no-break space a space. A document typed without diacritics is
recognised on its folded text and flagged once (``unaccented``) rather than misread.
When a paragraph cannot be placed with confidence it is left out of every component,
so component rules never judge it (better no finding than a false alarm).
"""

from __future__ import annotations

import functools
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain
from operator import attrgetter

from cchc_docs.checks import closing, content, landmarks, opening, scan
from cchc_docs.checks.content import Numbered
from cchc_docs.checks.lines import Cursor, is_appendix_label, is_national_head, is_national_title, type_name
from cchc_docs.checks.pieces import Piece, RuleLine, pieces, printed, whole
from cchc_docs.checks.text import is_upper, unaccented
from cchc_docs.facts.extract import DocFacts, ParagraphFacts, RunFacts

__all__ = ["Layout", "Numbered", "Part", "recognise"]


@dataclass(frozen=True)
class Part:
    """One document inside the file (decision, attached plan, report, appendix …)."""

    index: int
    kind: str  # decision | plan | report | typed | letter | appendix | other
    first: int
    last: int
    header: tuple[ParagraphFacts, ...] = ()
    national_title: Piece | None = None
    national_wrap: Piece | None = None  # "VIỆT NAM" typed on a line of its own
    motto: Piece | None = None
    motto_rule: RuleLine | None = None
    governing_body: tuple[Piece, ...] = ()
    issuing_body: tuple[Piece, ...] = ()
    body_rule: RuleLine | None = None
    number: Piece | None = None
    place_date: Piece | None = None
    letter_summary: Piece | None = None
    doc_type: Piece | None = None
    type_name: str | None = None  # folded: "quyet dinh"
    summary: tuple[Piece, ...] = ()
    summary_rule: RuleLine | None = None
    attached_to: Piece | None = None
    attached_more: tuple[Piece, ...] = ()  # "của UBND tỉnh …)": the Kèm theo line's continuation
    attached_rule: RuleLine | None = None
    appendix_label: Piece | None = None
    appendix_title: tuple[Piece, ...] = ()
    authority: Piece | None = None
    authority_more: tuple[Piece, ...] = ()  # the authority line carried on to a second line
    bases: tuple[Piece, ...] = ()
    decides: Piece | None = None
    addressee: Piece | None = None
    addressee_items: tuple[Piece, ...] = ()
    body: tuple[Piece, ...] = ()
    captions: tuple[Piece, ...] = ()  # titles over tables: "Biểu mẫu 1", its second line, "Đơn vị tính: …"
    headings: frozenset[int] = frozenset()
    numbered: tuple[Numbered, ...] = ()
    recipients_label: Piece | None = None
    recipients: tuple[Piece, ...] = ()
    signer_titles: tuple[Piece, ...] = ()
    signer_name: Piece | None = None
    drafter_code: Piece | None = None  # box 12, e.g. "PL.(300)"
    closing: tuple[Piece, ...] = ()

    @property
    def standalone(self) -> bool:
        """Issued on its own (it has a Số line): needs a date, Nơi nhận and a signature."""
        return self.number is not None

    @property
    def attached(self) -> bool:
        """A document issued together with another (Kèm theo line, no Số of its own)."""
        return self.attached_to is not None and self.number is None

    @property
    def national_lines(self) -> tuple[Piece, ...]:
        """The Quốc hiệu as typed: one line, or two when "VIỆT NAM" stands on a line of its own."""
        return tuple(x for x in (self.national_title, self.national_wrap) if x is not None)

    @property
    def authority_lines(self) -> tuple[Piece, ...]:
        return tuple(x for x in (self.authority, *self.authority_more) if x is not None)

    @property
    def attached_lines(self) -> tuple[Piece, ...]:
        return tuple(x for x in (self.attached_to, *self.attached_more) if x is not None)


@dataclass(frozen=True)
class Layout:
    """The recognised document: its parts; real page numbers when a PDF was read (else none)."""

    facts: DocFacts
    parts: tuple[Part, ...]
    pages: tuple[int | None, ...] = field(default=())
    unaccented: bool = False  # typed without diacritics: wording rules are left to ND30-TEXT-DIACRITICS
    _landmarks: list = field(default_factory=list, compare=False, repr=False)

    @functools.cached_property
    def all_paragraphs(self) -> tuple[ParagraphFacts, ...]:
        """Every paragraph with text: the body's (tables included), then the headers' and footers'."""
        return self.facts.paragraphs + tuple(chain.from_iterable(story.paragraphs
                                                                  for story in self.facts.header_footers))

    @functools.cached_property
    def all_runs(self) -> tuple[RunFacts, ...]:
        """Every run of :attr:`all_paragraphs` (the rules on fonts and colours read them all)."""
        return tuple(chain.from_iterable(map(attrgetter("runs"), self.all_paragraphs)))

    def page_of(self, index: int | None) -> int | None:
        if index is None or not 0 <= index < len(self.pages):
            return None
        return self.pages[index]

    def landmark_of(self, index: int | None) -> str | None:
        """Where a reader finds a body paragraph without page numbers: its table and row, or
        the heading it stands under (worked out once, when the first finding asks)."""
        if index is None:
            return None
        if not self._landmarks:
            self._landmarks.append(landmarks.landmarks(self))
        found = self._landmarks[0]
        return found[index] if 0 <= index < len(found) else None


# --- cutting the file into parts -------------------------------------------------------------


def recognise(facts: DocFacts, pages: tuple[int | None, ...] = ()) -> Layout:
    """All parts of the document with their components (``pages``: each paragraph's real page, if known)."""
    paragraphs = facts.paragraphs
    found = scan.find(paragraphs)
    starts = part_starts(paragraphs, found.opening)
    bounds = list(zip(starts, [s - 1 for s in starts[1:]] + [len(paragraphs) - 1], strict=True))
    parts = tuple(_part(i, paragraphs, first, last, found) for i, (first, last) in enumerate(bounds))
    return Layout(facts, parts, pages, unaccented(p.text for p in paragraphs))


def part_starts(paragraphs: tuple[ParagraphFacts, ...], candidates: Iterable[int] | None = None) -> list[int]:
    """Where parts begin: at each new header (Quốc hiệu) and each "Phụ lục" line that follows
    some text of the part before it.

    Only ``candidates`` are asked (the paragraphs that may hold either, ascending: see
    :mod:`.scan`; all when None): for the others every matcher says no.
    """
    starts = [0]
    text = _TextSince(paragraphs)
    for index in range(len(paragraphs)) if candidates is None else candidates:
        para = paragraphs[index]
        found = pieces(para) if len(para.text) < 200 else ()
        start = None
        if any(_is_national(piece) for piece in found):
            start = _header_start(paragraphs, para)
            text.header(para)
        elif not para.in_table and any(is_appendix_label(piece) for piece in found) and text.before(index):
            start = index
        if start is None:
            continue
        text.claimed.add(index)  # a line that names a start is not text of a part
        if start > starts[-1] and _worth_a_part(paragraphs, starts[-1], start):
            starts.append(start)
            text.restart(index + 1)
    return starts


class _TextSince:
    """Is there text of the current part before a paragraph? Read forward once per part.

    Text is a paragraph of fewer than 200 characters that shows something, outside the
    table of the last header found before it, and that named no start.
    """

    def __init__(self, paragraphs: tuple[ParagraphFacts, ...]) -> None:
        self.paragraphs, self.claimed = paragraphs, set()
        self.headers: list[int] = []  # the paragraphs holding a Quốc hiệu, ascending
        self.tables: list[int | None] = []  # … and the table each stands in
        self.next, self.found = 0, False

    def header(self, para: ParagraphFacts) -> None:
        self.headers.append(para.index)
        self.tables.append(para.table_index)

    def restart(self, index: int) -> None:
        self.next, self.found = index, False

    def before(self, stop: int) -> bool:
        while not self.found and self.next < stop:
            self.found = self._is_text(self.paragraphs[self.next])
            self.next += 1
        return self.found

    def _is_text(self, para: ParagraphFacts) -> bool:
        if para.index in self.claimed or len(para.text) >= 200 or not printed(para.text).strip():
            return False
        at = bisect_right(self.headers, para.index) - 1
        return not (para.in_table and at >= 0 and self.tables[at] == para.table_index)


def _is_national(piece) -> bool:
    """A Quốc hiệu, whole or its first line (both want at most 80 characters: told first)."""
    return len(piece.text) <= 80 and (is_national_title(piece) or is_national_head(piece))


def _worth_a_part(paragraphs, first: int, start: int) -> bool:
    """Lines before the first header (a "DỰ THẢO" stamp) do not make a part of their own."""
    if first > 0:
        return True
    before = [p for p in paragraphs[first:start] if not p.is_empty]
    return len(before) > 3 or any(len(p.text) > 60 for p in before)


def _header_start(paragraphs, para: ParagraphFacts) -> int:
    """The first paragraph of the header holding this Quốc hiệu."""
    index = para.index
    if para.in_table:
        while index > 0 and paragraphs[index - 1].in_table and paragraphs[index - 1].table_index >= para.table_index:
            index -= 1
        return index
    taken = 0
    while index > 0 and taken < 4:  # issuing-body lines typed above the Quốc hiệu
        previous = paragraphs[index - 1]
        if previous.in_table or previous.is_empty or not is_upper(previous.text) or len(previous.text) > 80:
            break
        index, taken = index - 1, taken + 1
    return index


# --- one part ----------------------------------------------------------------------------------


def _part(index: int, paragraphs, first: int, last: int, found_lines: scan.Candidates | None = None) -> Part:
    cursor = Cursor(paragraphs, first, last)
    found: dict = {"index": index, "first": first, "last": last}
    doc_type = _doc_type(cursor)
    zone = opening.header_zone(cursor, doc_type)
    found.update(opening.header(cursor, zone))
    after = zone[-1].index if zone else first - 1
    if doc_type is not None:
        found.update(doc_type=doc_type, type_name=type_name(doc_type))
        after = doc_type.index
    label = cursor.next_text(after)
    if label is not None and is_appendix_label(whole(label)):
        found.update(opening.appendix_title(cursor, whole(label)))
    elif doc_type is not None:
        found.update(opening.title(cursor, doc_type))
    after = opening.past_table(cursor, _last_index(found, after))
    found.update(opening.addressee(cursor, after, found))
    after = _last_index(found, after)
    if found.get("type_name") is not None and found.get("appendix_label") is None:
        found.update(opening.preamble(cursor, after, found["type_name"] in _DECIDING))
        after = _last_index(found, after)
    closers = found_lines.closing_from(after + 1, last) if found_lines else None
    closing_start = closing.closing_start(cursor, after + 1, closers)
    found.update(content.body(cursor, after + 1, (closing_start or last + 1) - 1))
    if closing_start is not None:
        found.update(closing.closing(cursor, closing_start))
    found["kind"] = _kind(found)
    return Part(**found)


_DECIDING = ("quyet dinh", "nghi quyet")  # the types with an authority line and "QUYẾT ĐỊNH:" (Mẫu 1.2, 1.3)


def _last_index(found: dict, default: int) -> int:
    """The last paragraph taken by a component recognised so far."""
    indices = [default]
    for value in found.values():
        if isinstance(value, Piece):
            indices.append(value.index)
        elif isinstance(value, RuleLine):
            indices.append(value.para.index)
        elif isinstance(value, tuple) and value and isinstance(value[0], Piece):
            indices.append(max(x.index for x in value))
    return max(indices)


def _kind(found: dict) -> str:
    kinds = {"quyet dinh": "decision", "bao cao": "report", "ke hoach": "plan"}
    if found.get("appendix_label") is not None:
        return "appendix"
    if found.get("type_name"):
        return kinds.get(found["type_name"], "typed")
    if found.get("letter_summary") is not None or found.get("number") is not None:
        return "letter"
    return "other"


def _doc_type(cursor: Cursor) -> Piece | None:
    """The tên loại: a line, early in the part, that is exactly a type name."""
    seen = 0
    for para in cursor.span():
        if (para.in_table and (para.row > 1 or not _set_apart(para))) or para.is_empty:
            continue  # (below its first rows, no cell is set apart: a long table is passed cheaply)
        seen += 1
        if seen > 25:
            return None
        piece = whole(para)
        if type_name(piece) and (not para.in_table or is_upper(piece.text)):
            return piece
        if is_appendix_label(piece) and seen > 1:
            return None
    return None


def _set_apart(para: ParagraphFacts) -> bool:
    """A tên loại typed in a table: centred, bold, in a wide cell of its first rows (a table
    laid over the page, not a column head of a data table)."""
    wide = para.cell_width_mm is not None and para.cell_width_mm >= 100
    return wide and para.row <= 1 and para.alignment == "center" and len(para.text) <= 30 and para.all_bold
