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
_RUNS = _FIELDS.index("runs")
_run = builder(RunFacts)
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
        read = cut = None
        if walker.row_bytes is not None:
            read, cut = walker.row_bytes.row(tr)
        if cut is not None:  # filled before the body was parsed: the tree holds an empty row
            found, filled = cut
            found.add(walker, filled, table)
            return
        if read is not None:
            key, texts = read
        else:
            shape, texts = _tree_shape(tr)
            key = (shape, table.shape, not table.texts) if shape is not None else None
        found = self.maps.get(key) if key is not None else _NEVER
        if found is not None and found is not _NEVER and found.replay(walker, texts, table):
            return
        if found is None and key not in self.seen:
            if len(self.seen) >= _ENTRIES:  # endless variety (a hand-made document): start again
                self.seen.clear()
            self.seen.add(key)
        elif found is None:
            if len(self.maps) >= _ENTRIES:
                self.maps.clear()
            found = self.maps[key] = _record(walker, tr, table, texts)
            if found is not _NEVER and found.replay(walker, texts, table):
                return
        walker.walk_row(tr, table)

    def prepared(self, key: tuple, texts: list[str]) -> tuple[_RowMap, list] | None:
        """``(map, filled)`` for a row of shape ``key`` with ``texts``, when it can be added without being parsed."""
        found = self.maps.get(key)
        if found is None or found is _NEVER:
            return None
        filled = found.fill(texts)
        return (found, filled) if filled is not None else None


_ENTRIES = 1_000  # shapes remembered, seen once and mapped (a report has ≈30): a few MB per style sheet


def _tree_shape(tr) -> tuple[str | None, list[str]]:
    """The row's XML with its texts blanked, and those texts (the ones that are not empty), from the tree;
    the shape is None when the row is never replayed."""
    slots = [t for t in tr.iter(_T) if t.text]
    texts = [t.text for t in slots]
    if next(tr.iter(*_NOT_REPLAYED), None) is not None:
        return None, texts
    for t in slots:
        t.text = _OPEN
    xml = etree.tostring(tr, encoding="unicode")  # its start tag declares the namespaces the row uses
    for t, text in zip(slots, texts, strict=True):
        t.text = text
    if "rsid" in xml or "Id=" in xml:  # Word's revision marks and paragraph ids differ from row to row
        xml = _UNREAD_ATTRIBUTES.sub("", xml)
    return xml, texts


def _record(walker, tr, table, texts: list[str]):
    """Walk a copy of ``tr`` whose texts are markers; return the map, then undo the walk.

    ``texts`` were read with the shape (from the tree or from the bytes): they must be the
    tree's, or no row of this shape is replayed.
    """
    if [t.text for t in tr.iter(_T) if t.text] != texts or next(tr.iter(*_NOT_REPLAYED), None) is not None:
        return _NEVER
    marked = copy.deepcopy(tr)
    slots = [t for t in marked.iter(_T) if t.text]
    for slot, t in enumerate(slots):
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
        return _RowMap(made, len(slots), flags, _cell_groups(made, len(cells)))
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
        filled = self.fill(texts)
        if filled is None:
            return False
        self.add(walker, filled, table)
        return True

    def fill(self, texts: list) -> list[tuple[str, tuple]] | None:
        """Each paragraph's text and runs with ``texts`` poured in; None when the row must be walked."""
        if len(texts) != self.slots:
            return None
        filled = []
        for _, runs, one, blank in self.paragraphs:
            if one is not None:  # the common paragraph: one run holding one text of the row
                text = texts[one[0]]
                pieces = (_new(RunFacts, (text, *one[1])),)
            else:
                pieces = tuple([_filled(run, parts, rest, texts) for run, parts, rest in runs])
                text = "".join([run.text for run in pieces])
            if not blank and not text.strip():
                return None  # spaces only, where the recorded row had text: the mark decides its height
            filled.append((text, pieces))
        return filled

    def add(self, walker, filled: list[tuple[str, tuple]], table) -> None:
        """Add the paragraphs ``fill`` made, as the next row of ``table``."""
        paragraphs = walker.paragraphs
        row, section, index = len(table.texts), walker.section, table.index
        walker.budget.paragraphs_of(len(filled), sum([len(pieces) for _, pieces in filled]),
                                    sum([len(text) for text, _ in filled]))
        for (values, *_), (text, pieces) in zip(self.paragraphs, filled, strict=True):
            values = values.copy()
            values[0], values[1], values[2] = len(paragraphs), text, text.isascii() or _is_nfc(text)
            values[_TABLE], values[_ROW], values[_SECTION], values[_RUNS] = index, row, section, pieces
            paragraphs.append(_new(ParagraphFacts, values))
        header, cant_split, borders = self.flags
        table.header_rows.append(header)
        table.cant_split.append(cant_split)
        table.borders_visible = table.borders_visible or borders
        table.texts.append(tuple(["\n".join([filled[i][0] for i in group]) for group in self.cells]))


def _is_nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


_new = tuple.__new__  # a record from a list of its values: one C call


def _paragraph_map(p: ParagraphFacts) -> tuple:
    """(the paragraph's values, to copy and fill; (run, its parts, its other fields) for each run; (slot,
    other fields) when it is one run holding one text, else None; whether the text is blank)."""
    runs = tuple((run, _parts(run.text), run[1:]) for run in p.runs)
    runs = tuple((run, None if all(type(part) is str for part in parts) else parts, rest) for run, parts, rest in runs)
    one = None
    if len(runs) == 1 and runs[0][1] is not None and len(runs[0][1]) == 1:
        one = (runs[0][1][0], runs[0][2])
    return list(p), runs, one, not p.text.strip()


def _filled(run: RunFacts, parts: tuple | None, rest: tuple, texts: list) -> RunFacts:
    if parts is None:  # no text of the row in it (a tab, a symbol)
        return run
    if len(parts) == 1:
        return _run(texts[parts[0]], *rest)
    return _run("".join([texts[part] if type(part) is int else part for part in parts]), *rest)
