"""A body's table rows and paragraphs read from its XML bytes: their shapes, their texts,
and the ones that need no tree at all.

:class:`~cchc_docs.facts.replay.ShapeMemo` knows a table row or a paragraph of the body
by its shape: its XML with the texts blanked. Making that image from a parsed tree means
serialising it again, and parsing hundreds of rows of a report costs more than replaying
them. The image is a slice of the bytes the tree is parsed from, found with a few string
searches, so :class:`BodyBytes` reads every row and every paragraph of the body itself
there **before** the body is parsed:

* one whose shape is already mapped (by an earlier document of the build, or earlier in
  this one) is filled from its texts at once and *cut*: the body parsed is a skeleton in
  which it is an empty ``<w:tr/>`` or ``<w:p/>``, and the walk adds its facts there;
* every other one is parsed and walked as always, with its shape and texts from here.

A block whose bytes repeat a shape met before — the XML between its texts the same, byte
for byte — is told by comparing those pieces, without cutting it up again (the pieces are
kept in the memo, by what comes before the first text).

Bytes say what the tree says only where nothing between them can differ, so:

* a document is read this way only when it is UTF-8, holds no DOCTYPE, comment, CDATA
  section or processing instruction (``<!``, a second ``<?``), and declares the
  WordprocessingML namespace only as ``w``: every ``<w:tr`` and ``<w:p`` of its bytes
  is then an element. Paragraphs are read only when nothing but tables stands between
  them and the body (no content control, revision or text box around or in them);
* after the parse the rows of the tree, and the paragraphs that are children of the
  body, are counted against those of the bytes (a table in a table makes them
  differ), and every row must stand where only the root's and
  the body's namespaces are declared; if not, the body is parsed whole and read from
  the tree alone;
* a shape carries those two start tags; a row's, its table's ``w:tblPr`` and grid (as
  bytes) and whether it is its table's first row;
* a row or paragraph whose texts are not plain (a ``w:t`` start tag other than
  ``<w:t>`` and ``<w:t xml:space="preserve">``), or are no well-formed XML text, is left
  to the tree (where the parser refuses what is damaged);
* the first time a shape is mapped, :class:`~cchc_docs.facts.replay.ShapeMemo` compares
  the texts read here with the tree's: blocks of one shape have their texts in the same
  places, so one proves the reading for all of them;
* nothing is cut from a body that holds a complex field (``w:fldChar``) outside what is
  cut: a field left open would change how the next rows and paragraphs read.

``tests/facts/test_bodybytes.py`` proves shapes and texts equal to the tree's and the
facts equal with and without this reader, cut or not.
"""

from __future__ import annotations

import re

from cchc_docs.facts.properties import W

__all__ = ["BodyBytes"]

_W_URI = W[1:-1].encode()
_W_DECLARATION = b'xmlns:w="' + _W_URI + b'"'
_UNREAD_ATTRIBUTES = re.compile(rb' [\w.-]+:(?:rsid\w*|paraId|textId)="[^"]*"')
_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_TAGS = (b"<w:t>", b'<w:t xml:space="preserve">')
_SPACE = (b" ", b">", b"\n", b"\t", b"\r")  # what may follow an element's name in its start tag
_TABLE_STARTS = (b"<w:tbl>", b"<w:tbl ")
# Between the body and a paragraph: what would make it no child of the body, or hide paragraphs in it.
_WRAPPERS = (b"<w:sdt", b"<w:customXml", b"<w:ins ", b"<w:ins>", b"<w:moveTo ", b"<w:moveTo>", b"txbxContent",
             b"AlternateContent")
_BLANK = b"\x00"  # stands for a text in a shape: never a character of XML
_CUT_ROW, _CUT_PARAGRAPH = b"<w:tr/>", b"<w:p/>"  # what is left of a row or a paragraph cut from the skeleton


class _Blocks:
    """The rows, or the body's paragraphs, of one body: where each stands, what was read, what was cut."""

    def __init__(self, spans: list[tuple[int, int]], reads: list) -> None:
        self.spans, self.reads = spans, reads
        self.cut: dict[int, tuple] = {}
        self.position: dict = {}

    def prepare(self, memo) -> None:
        """Fill every block whose shape ``memo`` has mapped: it need not be parsed."""
        for index, read in enumerate(self.reads):
            prepared = memo.prepared(*read) if read is not None else None
            if prepared is not None:
                self.cut[index] = prepared

    def read(self, element) -> tuple[tuple | None, tuple | None]:
        """``(None, (map, filled))`` when ``element`` was cut, ``((shape, texts), None)`` when it was read,
        ``(None, None)`` when the tree must read it."""
        index = self.position.get(element)
        if index is None:
            return None, None
        cut = self.cut.get(index)
        return (None, cut) if cut is not None else (self.reads[index], None)


class BodyBytes:
    """The rows and paragraphs of one body's bytes, and the skeleton to parse (see the module's docstring)."""

    def __init__(self, data: bytes, rows: _Blocks, paragraphs: _Blocks | None) -> None:
        self.rows, self.paragraphs = rows, paragraphs
        cuts = _cuts(rows, paragraphs)
        self.skeleton = _skeleton(data, cuts) if cuts else data

    @classmethod
    def of(cls, data: bytes, memo) -> BodyBytes | None:
        """The rows and paragraphs of ``data``, cut where ``memo.prepared(shape, texts)`` can fill them;
        None when the bytes are not plain enough to be read."""
        context = _context(data)
        if context is None:
            return None
        spans, reader = _row_spans(data), _Reader(data, memo.pieces)
        rows = _Blocks(spans, _row_reads(data, context, spans, reader))
        paragraphs = _paragraphs(data, context, spans, reader)
        kinds = (rows,) if paragraphs is None else (rows, paragraphs)
        for blocks in kinds:
            blocks.prepare(memo)
        cuts = _cuts(rows, paragraphs)
        if cuts and _has_field(data, cuts):
            for blocks in kinds:
                blocks.cut.clear()
        return cls(data, rows, paragraphs)

    def bind(self, body) -> bool:
        """Match the rows and paragraphs of the parsed ``body`` to those read; False when they are not the same."""
        rows = list(body.iter(W + "tr"))
        if len(rows) != len(self.rows.spans):
            return False
        namespaces, parents = body.nsmap, set()
        for tr in rows:
            parent = tr.getparent()
            if parent not in parents:
                if parent.nsmap != namespaces:
                    return False
                parents.add(parent)
        self.rows.position = {tr: index for index, tr in enumerate(rows)}
        if self.paragraphs is not None:
            paragraphs = list(body.iterchildren(W + "p"))
            if len(paragraphs) != len(self.paragraphs.spans):
                return False
            self.paragraphs.position = {p: index for index, p in enumerate(paragraphs)}
        return True

    def row(self, tr) -> tuple[tuple | None, tuple | None]:
        """What was read of a row (see :meth:`_Blocks.read`)."""
        return self.rows.read(tr)

    def paragraph(self, p) -> tuple[tuple | None, tuple | None]:
        """What was read of a paragraph of the body itself (see :meth:`_Blocks.read`)."""
        return self.paragraphs.read(p) if self.paragraphs is not None else (None, None)


def _context(data: bytes) -> bytes | None:
    """The root's and the body's start tags (all the namespaces the blocks may use), when the bytes are plain."""
    if not _plain(data):
        return None
    body = data.find(b"<w:body")
    root = data.rfind(b"<w:document", 0, body) if body != -1 else -1
    end = data.find(b">", body) + 1
    return data[root:end] if root != -1 and end else None


def _row_reads(data: bytes, context: bytes, spans: list[tuple[int, int]], reader: _Reader) -> list:
    """``(shape, texts)`` of each row, or None for a row the tree must read."""
    reads, head, previous = [], None, 0
    for start, end in spans:
        table = max(data.rfind(mark, previous, start) for mark in _TABLE_STARTS)
        first = table != -1
        if first:
            head = data[table:start]
            if b"rsid" in head or b"Id=" in head:
                head = _UNREAD_ATTRIBUTES.sub(b"", head)
        reads.append(reader.read((context, head, first), start, end) if head is not None else None)
        previous = end
    return reads


def _paragraphs(data: bytes, context: bytes, rows: list[tuple[int, int]], reader: _Reader) -> _Blocks | None:
    """The paragraphs outside the tables; None when something but tables may stand between one and the body."""
    spans = []
    body_start = data.find(context) + len(context)
    edges = [body_start, *(edge for row in rows for edge in row), data.rfind(b"</w:body>")]
    for start, end in zip(edges[::2], edges[1::2], strict=True):  # the stretches between rows
        if end > start:
            if any(data.find(mark, start, end) != -1 for mark in _WRAPPERS):
                return None
            spans += _elements(data, b"<w:p", b"</w:p>", start, end)
    where = (context,)
    return _Blocks(spans, [reader.read(where, start, end) for start, end in spans])


def _cuts(rows: _Blocks, paragraphs: _Blocks | None) -> list[tuple[int, int, bytes]]:
    """Where each block cut stands, in order, and what stands for it in the skeleton."""
    cuts = [(*rows.spans[i], _CUT_ROW) for i in rows.cut]
    if paragraphs is not None:
        cuts += [(*paragraphs.spans[i], _CUT_PARAGRAPH) for i in paragraphs.cut]
    return sorted(cuts)


def _row_spans(data: bytes) -> list[tuple[int, int]]:
    """Where each ``<w:tr>`` … ``</w:tr>`` stands.

    A table nested in a row makes a span swallow the start of the next row: fewer spans
    than rows, which :meth:`BodyBytes.bind` sees.
    """
    return _elements(data, b"<w:tr", b"</w:tr>", 0, len(data))


def _elements(data: bytes, opening: bytes, closing: bytes, start: int, end: int) -> list[tuple[int, int]]:
    """Where each element ``opening`` … ``closing`` stands from ``start`` to ``end``."""
    found, find, size = [], data.find, len(opening)
    at = find(opening, start, end)
    while at != -1:
        if data[at + size:at + size + 1] not in _SPACE and data[at + size:at + size + 2] != b"/>":
            at = find(opening, at + size, end)  # <w:pPr>, <w:trPr> …: another element
            continue
        tag_end = find(b">", at, end)
        if data[tag_end - 1:tag_end] == b"/":  # an empty element, <w:p/>
            stop = tag_end + 1
        else:
            stop = find(closing, at, end)
            if stop == -1:
                break
            stop += len(closing)
        found.append((at, stop))
        at = find(opening, stop, end)
    return found


def _has_field(data: bytes, cuts: list[tuple[int, int, bytes]]) -> bool:
    """Whether a complex field stands anywhere but in what is cut (shapes once walked: they hold none)."""
    previous = 0
    for start, end, _ in cuts:
        if b"fldChar" in data[previous:start]:
            return True
        previous = end
    return b"fldChar" in data[previous:]


def _skeleton(data: bytes, cuts: list[tuple[int, int, bytes]]) -> bytes:
    """``data`` with each block cut replaced by an empty one."""
    pieces, previous = [], 0
    for start, end, empty in cuts:
        pieces += (data[previous:start], empty)
        previous = end
    pieces.append(data[previous:])
    return b"".join(pieces)


class _Reader:
    """Reads the blocks of one body, telling those whose bytes repeat a shape met before."""

    def __init__(self, data: bytes, known: dict) -> None:
        self.data, self.known = data, known
        self.last: tuple | None = None  # (where, lead, shape, rest) of the last block told or cut

    def read(self, where: tuple, start: int, end: int) -> tuple | None:
        """``(shape, texts)`` of the block (a row, a paragraph) from ``start`` to ``end`` standing ``where``;
        None when the tree must read it.

        Its shape is ``where`` and its XML with each text that is not empty blanked. A block
        whose bytes repeat the pieces of a shape met before (``known``, by where it stands and
        its lead, what comes before its first text) is told by comparing them: a few C calls
        per text, where cutting it up again costs a dozen, and no new shape to hash. The
        shape of the block before is tried first: the rows of a table come in runs.
        """
        data, last = self.data, self.last
        if last is not None and last[0] == where and data.startswith(last[1], start):
            raws = _matched(data, start + len(last[1]), end, last[3])
            if raws is not None:
                return _decoded(last[2], raws)
        lead = data[start:_first_text(data, start, end)]
        candidates = self.known.get((where, lead))
        if candidates is not None:
            for index, (shape, rest) in enumerate(candidates):
                raws = _matched(data, start + len(lead), end, rest)
                if raws is not None:
                    if index:  # the shape last met is tried first
                        candidates.insert(0, candidates.pop(index))
                    self.last = (where, lead, shape, rest)
                    return _decoded(shape, raws)
        return self._new_shape(where, lead, start, end)

    def _new_shape(self, where: tuple, lead: bytes, start: int, end: int) -> tuple | None:
        """Read a block of a shape not met before, and remember its pieces."""
        cut = _cut(self.data, start, end)
        if cut is None:
            return None
        pieces, raws = cut
        xml = _BLANK.join(pieces)
        if b"rsid" in xml or b"Id=" in xml:  # Word's revision marks and paragraph ids differ from row to row
            return _decoded((*where, _UNREAD_ATTRIBUTES.sub(b"", xml)), raws)
        shape, rest = (*where, xml), tuple(pieces[1:])
        _remember(self.known, (where, lead), shape, rest)
        self.last = (where, lead, shape, rest)
        return _decoded(shape, raws)


def _first_text(data: bytes, start: int, end: int) -> int:
    """Where the first text that is not empty starts (``end`` when there is none): a text holds no "<"."""
    stop = data.find(b"</w:t>", start, end)
    while stop != -1:
        close = data.find(b">", data.rfind(b"<", start, stop), stop) + 1
        if close < stop:
            return close
        stop = data.find(b"</w:t>", stop + 6, end)
    return end


def _cut(data: bytes, start: int, end: int) -> tuple[list[bytes], list[bytes]] | None:
    """The block's XML between its texts that are not empty, and those texts (raw); None when a text's
    start tag is not plain."""
    find = data.find
    pieces, texts = [], []
    done, stop = start, find(b"</w:t>", start, end)
    while stop != -1:  # a text that is not empty ends in </w:t> (or the block is left to the tree)
        begin = data.rfind(b"<", start, stop)
        close = find(b">", begin, stop) + 1
        if data[begin:close] not in _TEXT_TAGS:
            return None
        if stop > close:
            pieces.append(data[done:close])
            texts.append(data[close:stop])
            done = stop
        stop = find(b"</w:t>", stop + 6, end)
    pieces.append(data[done:end])
    return pieces, texts


def _matched(data: bytes, at: int, end: int, rest: tuple[bytes, ...]) -> list[bytes] | None:
    """The raw texts of the block from ``at`` (its first text) to ``end`` when each is followed by the
    next of ``rest``, the pieces of a shape after its lead, and is not empty (no "<"); None when not."""
    texts, find, starts = [], data.find, data.startswith
    for piece in rest:
        stop = find(b"<", at, end)
        if stop <= at or not starts(piece, stop):
            return None
        texts.append(data[at:stop])
        at = stop + len(piece)
    return texts if at == end else None


def _remember(known: dict, lead: tuple, shape: tuple, rest: tuple[bytes, ...]) -> None:
    """Keep a shape's pieces after its lead (``rest``), under the lead: what comes before its first text
    (a few shapes per lead)."""
    candidates = known.get(lead)
    if candidates is None:
        if len(known) >= _KNOWN:  # endless variety (a hand-made document): start again
            known.clear()
        known[lead] = [(shape, rest)]
    elif len(candidates) < _CANDIDATES:
        candidates.append((shape, rest))


_KNOWN, _CANDIDATES = 500, 4  # a template makes a few dozen leads: at most a few MB of pieces per style sheet


def _decoded(shape: tuple, raws: list[bytes]) -> tuple | None:
    """``(shape, texts)`` with the raw texts decoded; None when one is damaged."""
    try:
        return shape, _texts(raws)
    except ValueError:  # not UTF-8, or no well-formed text: the parser says what is wrong
        return None


def _plain(data: bytes) -> bool:
    """UTF-8, the WordprocessingML namespace declared only as ``w``, and no DOCTYPE, comment,
    CDATA section or processing instruction but the declaration."""
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    if data.startswith(b"<?xml", start):
        end = data.find(b"?>", start) + 2
        encoding = re.search(rb"""encoding\s*=\s*["']([^"']*)["']""", data[start:end])
        if encoding is not None and encoding.group(1).lower() not in (b"utf-8", b"utf8"):
            return False
        start = end
    return (not _after_lt(data, b"!", start) and not _after_lt(data, b"?", start)
            and data.count(_W_URI) == data.count(_W_DECLARATION))


def _after_lt(data: bytes, char: bytes, start: int) -> bool:
    """Whether ``char`` follows a "<" anywhere from ``start`` (a search for the rare byte alone is fast)."""
    at = data.find(char, start)
    while at != -1:
        if data[at - 1:at] == b"<":
            return True
        at = data.find(char, at + 1)
    return False


def _texts(raws: list[bytes]) -> list[str]:
    """The texts as the parser gives them; ValueError when one is not UTF-8 or not a well-formed XML text.

    Decoded and judged together, joined by "<" (no text of XML holds one): the plain case
    costs a few C calls per row, not a few per text.
    """
    if not raws:
        return []
    joined = b"<".join(raws)
    if b"&" in joined or b"\r" in joined or b"]]>" in joined:
        return [_text(raw) for raw in raws]
    text = joined.decode("utf-8")
    if not text.isprintable() and _NOT_XML.search(text):
        raise ValueError(text)
    return text.split("<")


def _text(raw: bytes) -> str:
    """A text as the parser gives it (line ends normalised, references resolved); ValueError when it is
    not UTF-8 or not a well-formed XML text."""
    if b"]]>" in raw:
        raise ValueError(raw)
    text = raw.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        if text.count("&") != len(_REFERENCE.findall(text)):
            raise ValueError(text)
        text = _REFERENCE.sub(_resolve, text)
    if not text.isprintable() and _NOT_XML.search(text):
        raise ValueError(text)
    return text


def _resolve(match: re.Match) -> str:
    """The character a reference stands for; ValueError for a number beyond Unicode (the parser refuses it)."""
    name = match.group(1)
    if not name.startswith("#"):
        return _NAMED[name]
    code = int(name[2:], 16) if name.startswith("#x") else int(name[1:])
    if code > 0x10FFFF:
        raise ValueError(name)
    return chr(code)
