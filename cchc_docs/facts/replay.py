"""Table rows that repeat one shape: walked once, then replayed with their own texts.

A generated document's tables are loops: hundreds of rows whose XML differs only in
the text of their ``w:t`` elements (the task, its lead, its deadline). Walking each
such row (formatting, cells, runs, fields) is most of what reading a report costs,
and it gives the same result every time but for the texts. So the rows met are kept
by shape in a :class:`RowMemo`, one per style sheet (the documents a build renders from
one template share it, as they share their resolved formatting):

* a row's *shape* is its XML with every text blanked (empty texts kept empty) and the
  attributes no reader uses (``w:rsid…``, ``w14:paraId``, ``w14:textId``) left out;
* the first row of a shape is walked as always; the second is walked once more with
  each text replaced by a numbered marker, which shows where each text lands — in which
  run of which paragraph, next to which tab or symbol — and that map is kept;
* every later row of the shape is not walked: its texts are poured into the map.

Only what is the same for every row of one shape is taken from the map. A row whose
walk could depend on more than its shape — a field (its code hides text), a nested
table, a text box, a section break, or a field left open by an earlier row — is
always walked. A replayed paragraph that would come out empty where the recorded
one had text (a cell holding only spaces) is walked too, since its empty-paragraph
height is then read from its mark. ``tests/checks/test_mutations.py`` proves the facts
and findings equal with and without replay on every sample document and mutation,
and ``tests/facts/test_replay.py`` on rows built to differ.
"""

from __future__ import annotations

import copy
import re
import unicodedata

from lxml import etree

from cchc_docs.facts.properties import W
from cchc_docs.facts.records import ParagraphFacts, RunFacts, builder, field_names

__all__ = ["RowMemo"]

_T = W + "t"
_OPEN, _CLOSE = "\ue000", "\ue001"  # a marker: _OPEN + slot number + _CLOSE
_MARKER = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_UNREAD_ATTRIBUTES = re.compile(r' [\w.-]+:(?:rsid\w*|paraId|textId)="[^"]*"')
# What makes a row's walk depend on more than its shape: a field (its code hides text), a
# nested table, a text box, alternative content, a section break.
_NOT_REPLAYED = (W + "fldChar", W + "instrText", W + "fldSimple", W + "txbxContent", W + "sectPr", W + "tbl",
                 "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent")
_FIELDS = field_names(ParagraphFacts)
_TABLE, _ROW, _SECTION = _FIELDS.index("table_index"), _FIELDS.index("row"), _FIELDS.index("section_index")
_RUNS, _MARK = _FIELDS.index("runs"), _FIELDS.index("mark_size_pt")
_paragraph, _run = builder(ParagraphFacts), builder(RunFacts)
_NEVER = object()  # a shape whose map could not be made: always walked


class RowMemo:
    """Row maps of one style sheet, shared by the documents that use it (see the module's docstring).

    A map is kept under the table's own shape too (its ``w:tblPr`` and grid): the cells'
    widths and formatting come from there.
    """

    def __init__(self) -> None:
        self.seen: set[tuple] = set()
        self.maps: dict[tuple, _RowMap | object] = {}

    def row(self, walker, tr, table) -> None:
        """Add the facts of ``tr`` (a row of ``table``) to ``walker``: replayed when its shape allows."""
        slots = list(tr.iter(_T))
        texts = [t.text for t in slots]
        key = _shape(tr, slots, table)
        found = self.maps.get(key) if key is not None else _NEVER
        if found is not None and found is not _NEVER and found.replay(walker, texts, table):
            return
        for t, text in zip(slots, texts, strict=True):  # the row is walked: its own texts back
            t.text = text
        if found is None and key not in self.seen:
            if len(self.seen) >= _ENTRIES:  # endless variety (a hand-made document): start again
                self.seen.clear()
            self.seen.add(key)
        elif found is None:
            if len(self.maps) >= _ENTRIES:
                self.maps.clear()
            found = self.maps[key] = _record(walker, tr, table)
            if found is not _NEVER and found.replay(walker, texts, table):
                return
        walker.walk_row(tr, table)


_ENTRIES = 1_000  # shapes remembered, seen once and mapped (a report has ≈30): a few MB per style sheet


def _shape(tr, slots: list, table) -> tuple | None:
    """The row's XML with its texts blanked (in the tree: the caller puts them back), in its
    table's shape; None when the row is never replayed."""
    if next(tr.iter(*_NOT_REPLAYED), None) is not None:
        return None
    for t in slots:
        if t.text:
            t.text = _OPEN
    xml = etree.tostring(tr, encoding="unicode")
    xml = xml[xml.index(">") + 1:]  # the row's own tag: namespace declarations and attributes no one reads
    if "rsid" in xml or "Id=" in xml:  # Word's revision marks and paragraph ids differ from row to row
        xml = _UNREAD_ATTRIBUTES.sub("", xml)
    return xml, table.shape, not table.texts


def _record(walker, tr, table):
    """Walk a copy of ``tr`` whose texts are markers; return the map, then undo the walk."""
    marked = copy.deepcopy(tr)
    texts = list(marked.iter(_T))
    for slot, t in enumerate(texts):
        if t.text:
            t.text = f"{_OPEN}{slot}{_CLOSE}"
    start, budget, borders = len(walker.paragraphs), walker.budget, table.borders_visible
    counts = (budget.paragraphs, budget.runs, budget.chars)
    table.borders_visible = False
    walker.walk_row(marked, table)
    made = walker.paragraphs[start:]
    cells, flags = table.texts.pop(), (table.header_rows.pop(), table.cant_split.pop(), table.borders_visible)
    del walker.paragraphs[start:]
    budget.paragraphs, budget.runs, budget.chars = counts
    table.borders_visible = borders or flags[2]
    try:
        return _RowMap(made, len(texts), flags, _cell_groups(made, len(cells)))
    except ValueError:  # a symbol character that reads like a marker: not worth a map
        return _NEVER


def _cell_groups(made: list[ParagraphFacts], cells: int) -> tuple[tuple[int, ...], ...]:
    """For each cell of the row, the positions of its paragraphs among ``made``."""
    groups: list[list[int]] = [[] for _ in range(cells)]
    for position, paragraph in enumerate(made):
        groups[paragraph.cell].append(position)
    return tuple(tuple(group) for group in groups)


def _parts(text: str) -> tuple:
    """A marked text as literal strings and slot numbers, in order."""
    pieces = _MARKER.split(text)
    parts = tuple(int(piece) if i % 2 else piece for i, piece in enumerate(pieces) if piece)
    if any(isinstance(part, str) and (_OPEN in part or _CLOSE in part) for part in parts):
        raise ValueError(text)
    return parts


class _RowMap:
    """Where each text of a row lands, and every fact of the row that its texts cannot change."""

    def __init__(self, made: list[ParagraphFacts], slots: int, flags: tuple, cells: tuple) -> None:
        self.slots, self.flags, self.cells = slots, flags, cells
        self.paragraphs = [_paragraph_map(p) for p in made]

    def replay(self, walker, texts: list, table) -> bool:
        """Add the row's facts to ``walker`` from its texts; False (nothing added) when it must be walked."""
        if len(texts) != self.slots:
            return False
        made = []
        for before, between, after, mark, cell_text, runs, blank in self.paragraphs:
            pieces = tuple([_filled(run, parts, rest, texts) for run, parts, rest in runs])
            text = "".join([run.text for run in pieces])
            if not blank and not text.strip():
                return False  # spaces only, where the recorded row had text: the mark decides its height
            made.append((text, before, between, pieces, after, mark if blank else None, cell_text))
        row, section, index, paragraphs = len(table.texts), walker.section, table.index, walker.paragraphs
        texts_of = [text for text, *_ in made]
        walker.budget.paragraphs_of(len(made), sum([len(m[3]) for m in made]), sum(map(len, texts_of)))
        for text, before, between, pieces, after, mark, cell_text in made:
            nfc = text.isascii() or unicodedata.is_normalized("NFC", text)
            paragraphs.append(_paragraph(len(paragraphs), text, nfc, *before, index, row, *between, section, pieces,
                                         *after, mark, cell_text))
        header, cant_split, borders = self.flags
        table.header_rows.append(header)
        table.cant_split.append(cant_split)
        table.borders_visible = table.borders_visible or borders
        table.texts.append(tuple(["\n".join([texts_of[i] for i in group]) for group in self.cells]))
        return True


def _paragraph_map(p: ParagraphFacts) -> tuple:
    """(fields before table_index, cell and its width, fields between runs and the mark, the mark, the
    cell's text width, (run, its parts, its other fields) for each run, whether the text is blank)."""
    values = list(p)
    runs = tuple((run, _parts(run.text), run[1:]) for run in p.runs)
    runs = tuple((run, None if all(type(part) is str for part in parts) else parts, rest) for run, parts, rest in runs)
    return (values[3:_TABLE], values[_ROW + 1:_SECTION], values[_RUNS + 1:_MARK], p.mark_size_pt,
            p.cell_text_mm, runs, not p.text.strip())


def _filled(run: RunFacts, parts: tuple | None, rest: tuple, texts: list) -> RunFacts:
    if parts is None:  # no text of the row in it (a tab, a symbol)
        return run
    if len(parts) == 1:
        return _run(texts[parts[0]], *rest)
    return _run("".join([texts[part] if type(part) is int else part for part in parts]), *rest)
