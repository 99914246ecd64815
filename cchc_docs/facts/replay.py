"""Table rows and body paragraphs that repeat one shape: walked once, then replayed with their own texts.

A generated document's tables are loops: hundreds of rows whose XML differs only in
the text of their ``w:t`` elements (the task, its lead, its deadline); its paragraphs
outside tables come from a handful of template lines. Walking each (formatting, cells,
runs, fields) is most of what reading a report costs, and it gives the same result
every time but for the texts. So the blocks met are kept by shape in a
:class:`ShapeMemo`, one per style sheet (the documents a build renders from one
template share it, as they share their resolved formatting):

* a block's *shape* is its XML with every text blanked (empty texts kept empty) and the
  attributes no reader uses (``w:rsid…``, ``w14:paraId``, ``w14:textId``) left out;
  :mod:`.bodybytes` reads it from the body's bytes, or a row's from the tree when the
  bytes cannot be read (paragraphs then are walked);
* the first block of a shape is walked as always; the second is walked once more with
  each text replaced by a numbered marker, which shows where each text lands — in which
  run of which paragraph, next to which tab or symbol — and that map is kept;
* every later block of the shape is not walked: its texts are poured into the map
  (before the body is parsed, when read from the bytes: it is then cut from the tree).

Only what is the same for every block of one shape is taken from the map. A block whose
walk could depend on more than its shape — a field (its code hides text), a nested
table, a text box, a section break, or a field left open by an earlier block — is
always walked. A replayed paragraph that would come out empty where the recorded
one had text (a cell holding only spaces) is walked too, since its empty-paragraph
height is then read from its mark. ``tests/checks/test_mutations.py`` proves the facts
and findings equal with and without replay on every sample document and mutation,
``tests/facts/test_replay.py`` and ``tests/facts/test_bodybytes.py`` on blocks built to differ.
"""

from __future__ import annotations

import copy
import re
import unicodedata

from lxml import etree

from cchc_docs.facts.properties import W
from cchc_docs.facts.records import ParagraphFacts, RunFacts, builder, field_names

__all__ = ["ShapeMemo"]

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


class ShapeMemo:
    """Maps of the rows and body paragraphs of one style sheet, shared by the documents that use it
    (see the module's docstring).

    A row's map is kept under its table's own shape too (its ``w:tblPr`` and grid): the
    cells' widths and formatting come from there.
    """

    def __init__(self) -> None:
        self.seen: set[tuple] = set()
        self.maps: dict[tuple, _Map | object] = {}
        self.pieces: dict[tuple, list] = {}  # the bytes of the shapes read, for :mod:`.bodybytes`

    def row(self, walker, tr, table) -> None:
        """Add the facts of ``tr`` (a row of ``table``) to ``walker``: replayed when its shape allows."""
        read, cut = walker.body_bytes.row(tr) if walker.body_bytes is not None else (None, None)
        if cut is not None:  # filled before the body was parsed: the tree holds an empty row
            found, filled = cut
            found.add(walker, filled, table)
            return
        if read is not None:
            key, texts = read
        else:
            shape, texts = _tree_shape(tr)
            key = (shape, table.shape, not table.texts) if shape is not None else None
        found = self._mapped(key, lambda: _record_row(walker, tr, table, texts)) if key is not None else None
        if found is None or not found.replay(walker, texts, table):
            walker.walk_row(tr, table)

    def paragraph(self, walker, p) -> bool:
        """Add the facts of ``p``, a paragraph of the body itself read from the bytes, when its shape
        allows; False when it is to be walked."""
        read, cut = walker.body_bytes.paragraph(p)
        if cut is not None:  # filled before the body was parsed: the tree holds an empty paragraph
            found, filled = cut
            found.add(walker, filled, None)
            return True
        if read is None:
            return False
        key, texts = read
        found = self._mapped(key, lambda: _record_paragraph(walker, p, texts))
        return found is not None and found.replay(walker, texts, None)

    def _mapped(self, key: tuple, record) -> _Map | None:
        """The map of shape ``key``; None the first time the shape is met (the block is walked as
        always); ``record()`` makes it the second time."""
        found = self.maps.get(key)
        if found is None:
            if key not in self.seen:
                if len(self.seen) >= _ENTRIES:  # endless variety (a hand-made document): start again
                    self.seen.clear()
                self.seen.add(key)
                return None
            if len(self.maps) >= _ENTRIES:
                self.maps.clear()
            found = self.maps[key] = record()
        return None if found is _NEVER else found

    def prepared(self, key: tuple, texts: list[str]) -> tuple[_Map, list] | None:
        """``(map, filled)`` for a block of shape ``key`` with ``texts``, when it can be added without being parsed."""
        found = self.maps.get(key)
        if found is None or found is _NEVER:
            return None
        filled = found.fill(texts)
        return (found, filled) if filled is not None else None


_ENTRIES = 1_000  # shapes remembered, seen once and mapped (a template makes a few dozen): a few MB per style sheet


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


def _marked(element, texts: list[str]):
    """A copy of ``element`` whose texts are numbered markers, and their number; None when ``texts`` (read
    with the shape, from the tree or from the bytes) are not the tree's, or the element is never replayed."""
    if [t.text for t in element.iter(_T) if t.text] != texts or next(element.iter(*_NOT_REPLAYED), None) is not None:
        return None, 0
    marked = copy.deepcopy(element)
    slots = [t for t in marked.iter(_T) if t.text]
    for slot, t in enumerate(slots):
        t.text = f"{_OPEN}{slot}{_CLOSE}"
    return marked, len(slots)


def _record_row(walker, tr, table, texts: list[str]):
    """Walk a marked copy of ``tr``; return the map, then undo the walk."""
    marked, slots = _marked(tr, texts)
    if marked is None:
        return _NEVER
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
        return _RowMap(made, slots, flags, _cell_groups(made, len(cells)))
    except ValueError:  # a symbol character that reads like a marker: not worth a map
        return _NEVER


def _record_paragraph(walker, p, texts: list[str]):
    """Walk a marked copy of ``p`` (a paragraph of the body itself); return the map, then undo the walk."""
    marked, slots = _marked(p, texts)
    if marked is None:
        return _NEVER
    start, waiting, budget = len(walker.paragraphs), len(walker.pending), walker.budget
    counts = (budget.paragraphs, budget.runs, budget.chars)
    walker.walk_paragraph(marked, None)
    made, borders = walker.paragraphs[start:], walker.pending[waiting:]
    del walker.paragraphs[start:], walker.pending[waiting:]
    budget.paragraphs, budget.runs, budget.chars = counts
    try:
        return _ParagraphMap(made, slots, borders[0][1:] if borders else None)
    except ValueError:
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


class _Map:
    """Where each text of a block lands, and every fact of its paragraphs that its texts cannot change."""

    def __init__(self, made: list[ParagraphFacts], slots: int) -> None:
        self.slots = slots
        self.paragraphs = [_paragraph_map(p) for p in made]
        self.values = [list(p) for p in made]  # each paragraph's facts, to copy and fill
        self.runs = sum(len(p.runs) for p in made)  # as many in every block of the shape

    def replay(self, walker, texts: list, table) -> bool:
        """Add the block's facts to ``walker`` from its texts; False (nothing added) when it must be walked."""
        filled = self.fill(texts)
        if filled is None:
            return False
        self.add(walker, filled, table)
        return True

    def fill(self, texts: list) -> tuple[list[str], list[tuple]] | None:
        """Each paragraph's text, and each one's runs, with ``texts`` poured in; None when the block must be walked."""
        if len(texts) != self.slots:
            return None
        made, runs_made = [], []
        for runs, one, blank in self.paragraphs:
            if one is not None:  # the common paragraph: one run holding one text of the block
                text = texts[one[0]]
                pieces = (_new(RunFacts, (text,) + one[1]),)
            else:
                pieces = tuple([_filled(run, parts, rest, texts) for run, parts, rest in runs])
                text = "".join([run.text for run in pieces])
            if not blank and (not text or text.isspace()):
                return None  # spaces only, where the recorded block had text: the mark decides its height
            made.append(text)
            runs_made.append(pieces)
        return made, runs_made

    def add(self, walker, filled: tuple[list[str], list[tuple]], table) -> None:
        raise NotImplementedError

    def _append(self, walker, filled: tuple[list[str], list[tuple]], table_index: int | None,
                row: int | None) -> None:
        """Add the paragraphs ``fill`` made (in a table: as row ``row`` of table ``table_index``)."""
        texts, runs = filled
        paragraphs, section, normalized = walker.paragraphs, walker.section, unicodedata.is_normalized
        walker.budget.paragraphs_of(len(texts), self.runs, sum(map(len, texts)))
        index = len(paragraphs)
        for recorded, text, pieces in zip(self.values, texts, runs, strict=True):
            values = recorded.copy()
            values[0], values[1], values[2] = index, text, text.isascii() or normalized("NFC", text)
            values[_TABLE], values[_ROW], values[_SECTION], values[_RUNS] = table_index, row, section, pieces
            paragraphs.append(_new(ParagraphFacts, values))
            index += 1


class _RowMap(_Map):
    """A table row's map: its paragraphs, and what the row adds to its table."""

    def __init__(self, made: list[ParagraphFacts], slots: int, flags: tuple, cells: tuple) -> None:
        super().__init__(made, slots)
        self.flags, self.cells = flags, _cell_texts(cells)

    def add(self, walker, filled: tuple[list[str], list[tuple]], table) -> None:
        """Add the paragraphs ``fill`` made, as the next row of ``table``."""
        self._append(walker, filled, table.index, len(table.texts))
        header, cant_split, borders = self.flags
        table.header_rows.append(header)
        table.cant_split.append(cant_split)
        table.borders_visible = table.borders_visible or borders
        table.texts.append(self.cells(filled[0]))


class _ParagraphMap(_Map):
    """A body paragraph's map; ``indents`` (left, right) when it has a border whose length the section sets."""

    def __init__(self, made: list[ParagraphFacts], slots: int, indents: tuple | None) -> None:
        super().__init__(made, slots)
        self.indents = indents

    def add(self, walker, filled: tuple[list[str], list[tuple]], table=None) -> None:
        """Add the paragraph ``fill`` made to the body."""
        index = len(walker.paragraphs)
        self._append(walker, filled, None, None)
        if self.indents is not None:
            walker.pending.append((index, *self.indents))


def _cell_texts(cells: tuple[tuple[int, ...], ...]):
    """What makes a row's cell texts from its paragraphs' texts: each cell's, joined by line ends
    (a cell of one paragraph, the common one, takes its text as it is)."""
    if all(len(group) == 1 for group in cells):
        positions = [group[0] for group in cells]
        return lambda texts: tuple([texts[i] for i in positions])
    return lambda texts: tuple(["\n".join([texts[i] for i in group]) for group in cells])


_new = tuple.__new__  # a record from a list of its values: one C call


def _paragraph_map(p: ParagraphFacts) -> tuple:
    """((run, its parts, its other fields) for each run; (slot, other fields) when it is one run holding
    one text, else None; whether the text is blank)."""
    runs = tuple((run, _parts(run.text), run[1:]) for run in p.runs)
    runs = tuple((run, None if all(type(part) is str for part in parts) else parts, rest) for run, parts, rest in runs)
    one = None
    if len(runs) == 1 and runs[0][1] is not None and len(runs[0][1]) == 1:
        one = (runs[0][1][0], runs[0][2])
    return runs, one, not p.text.strip()


def _filled(run: RunFacts, parts: tuple | None, rest: tuple, texts: list) -> RunFacts:
    if parts is None:  # no text of the row in it (a tab, a symbol)
        return run
    if len(parts) == 1:
        return _run(texts[parts[0]], *rest)
    return _run("".join([texts[part] if type(part) is int else part for part in parts]), *rest)
