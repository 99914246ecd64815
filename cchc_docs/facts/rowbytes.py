"""A body's table rows read from its XML bytes: their shapes, their texts, and the rows
that need no tree at all.

:class:`~cchc_docs.facts.replay.RowMemo` knows a row by its shape: its XML with the
texts blanked. Making that image from a parsed tree means serialising every row again,
and parsing hundreds of rows of a report costs more than replaying them. The image is a
slice of the bytes the tree is parsed from, found with a few string searches, so
:class:`RowBytes` reads every row there **before** the body is parsed:

* a row whose shape is already mapped (from an earlier document of the build, or an
  earlier row) is filled from its texts at once and *cut*: the body parsed is a
  skeleton in which it is an empty ``<w:tr/>``, and the walk adds its facts there;
* every other row is parsed and walked as always, with its shape and texts from here.

Bytes say what the tree says only where nothing between them can differ, so:

* a document is read this way only when it is UTF-8 and holds no DOCTYPE, comment,
  CDATA section or processing instruction (``<!``, a second ``<?``), and the
  WordprocessingML namespace is only ever declared as ``w``: every ``<w:tr`` of its
  bytes is then a row element. After the parse the rows of the tree are counted
  against the rows of the bytes (a table in a table, a row written ``<w:tr/>``, makes
  them differ) and must all stand where only the root's and the body's namespaces are
  declared; if not, the body is parsed whole and read from the tree alone;
* a shape carries those two start tags, its table's ``w:tblPr`` and grid (as bytes),
  and whether it is its table's first row;
* a row whose texts are not plain (a ``w:t`` start tag other than ``<w:t>`` and
  ``<w:t xml:space="preserve">``), or are no well-formed XML text, is left to the tree
  (where the parser refuses what is damaged);
* the first time a shape is mapped, :class:`~cchc_docs.facts.replay.RowMemo` compares
  the texts read here with the tree's: rows of one shape have their texts in the same
  places, so one row proves the reading for all of them;
* no row is cut from a body that holds a complex field (``w:fldChar``) outside the rows
  cut: a field left open by a paragraph or row would change how the next rows read.

``tests/facts/test_rowbytes.py`` proves shapes and texts equal to the tree's and the
facts equal with and without this reader, cut or not.
"""

from __future__ import annotations

import re

from cchc_docs.facts.properties import W

__all__ = ["RowBytes"]

_W_URI = W[1:-1].encode()
_W_DECLARATION = b'xmlns:w="' + _W_URI + b'"'
_UNREAD_ATTRIBUTES = re.compile(rb' [\w.-]+:(?:rsid\w*|paraId|textId)="[^"]*"')
_REFERENCE = re.compile(r"&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);")
_NAMED = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "apos": "'"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_TEXT_TAGS = (b"<w:t>", b'<w:t xml:space="preserve">')
_ROW_START = (b" ", b">", b"\n", b"\t", b"\r")  # what may follow "<w:tr" in a row's start tag
_TABLE_STARTS = (b"<w:tbl>", b"<w:tbl ")
BLANK = b"\x00"  # stands for a text in a shape: never a character of XML
CUT = b"<w:tr/>"  # a row cut from the skeleton


class RowBytes:
    """The rows of one body's bytes, and the skeleton to parse (see the module's docstring)."""

    def __init__(self, data: bytes, spans: list[tuple[int, int]], reads: list, cut: dict) -> None:
        self.spans, self.reads, self.cut = spans, reads, cut
        self.skeleton = _skeleton(data, spans, cut) if cut else data
        self.position: dict = {}

    @classmethod
    def of(cls, data: bytes, memo) -> RowBytes | None:
        """The rows of ``data``, cut where ``memo.prepared(shape, texts)`` can fill them; None when the
        bytes are not plain enough to be read."""
        context = _context(data)
        if context is None:
            return None
        spans = _row_spans(data)
        reads = _reads(data, context, spans)
        cut = {}
        for index, read in enumerate(reads):
            prepared = memo.prepared(*read) if read is not None else None
            if prepared is not None:
                cut[index] = prepared
        if cut and _has_field(data, spans, cut):
            cut = {}
        return cls(data, spans, reads, cut)

    def bind(self, body) -> bool:
        """Match the rows of the parsed ``body`` to the rows read; False when they are not the same."""
        rows = list(body.iter(W + "tr"))
        if len(rows) != len(self.spans):
            return False
        namespaces, parents = body.nsmap, set()
        for tr in rows:
            parent = tr.getparent()
            if parent not in parents:
                if parent.nsmap != namespaces:
                    return False
                parents.add(parent)
        self.position = {tr: index for index, tr in enumerate(rows)}
        return True

    def row(self, tr) -> tuple[object | None, object]:
        """What was read of ``tr``: ``(None, (map, filled))`` when it was cut, ``((shape, texts), None)``
        when it was read, ``(None, None)`` when the tree must read it."""
        index = self.position.get(tr)
        if index is None:
            return None, None
        cut = self.cut.get(index)
        return (None, cut) if cut is not None else (self.reads[index], None)


def _context(data: bytes) -> bytes | None:
    """The root's and the body's start tags (all the namespaces the rows may use), when the bytes are plain."""
    if not _plain(data):
        return None
    body = data.find(b"<w:body")
    root = data.rfind(b"<w:document", 0, body) if body != -1 else -1
    end = data.find(b">", body) + 1
    return data[root:end] if root != -1 and end else None


def _reads(data: bytes, context: bytes, spans: list[tuple[int, int]]) -> list:
    """``(shape, texts)`` of each row, or None for a row the tree must read."""
    reads, head, previous = [], None, 0
    for start, end in spans:
        table = max(data.rfind(mark, previous, start) for mark in _TABLE_STARTS)
        first = table != -1
        if first:
            head = data[table:start]
            if b"rsid" in head or b"Id=" in head:
                head = _UNREAD_ATTRIBUTES.sub(b"", head)
        read = _read(data, start, end) if head is not None else None
        reads.append(((context, head, first, read[0]), read[1]) if read is not None else None)
        previous = end
    return reads


def _read(data: bytes, start: int, end: int) -> tuple[bytes, list[str]] | None:
    """A row's XML with each text that is not empty blanked, and those texts in order."""
    find = data.find
    pieces, texts = [], []
    done, stop = start, find(b"</w:t>", start, end)
    while stop != -1:  # a text that is not empty ends in </w:t> (or the row is left to the tree)
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
    xml = BLANK.join(pieces)
    if b"rsid" in xml or b"Id=" in xml:  # Word's revision marks and paragraph ids differ from row to row
        xml = _UNREAD_ATTRIBUTES.sub(b"", xml)
    try:
        return xml, [_text(raw) for raw in texts]
    except ValueError:  # not UTF-8, or no well-formed text: the parser says what is wrong
        return None


def _has_field(data: bytes, spans: list[tuple[int, int]], cut: dict) -> bool:
    """Whether a complex field stands anywhere but in the rows cut (their shapes were walked: they hold none)."""
    previous = 0
    for index in sorted(cut):
        start, end = spans[index]
        if b"fldChar" in data[previous:start]:
            return True
        previous = end
    return b"fldChar" in data[previous:]


def _skeleton(data: bytes, spans: list[tuple[int, int]], cut: dict) -> bytes:
    """``data`` with each row cut replaced by an empty row."""
    pieces, previous = [], 0
    for index in sorted(cut):
        start, end = spans[index]
        pieces += (data[previous:start], CUT)
        previous = end
    pieces.append(data[previous:])
    return b"".join(pieces)


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


def _row_spans(data: bytes) -> list[tuple[int, int]]:
    """Where each ``<w:tr>`` … ``</w:tr>`` stands.

    A table nested in a row, or a row written ``<w:tr/>``, makes a span swallow the
    start of the next row: fewer spans than rows, which the caller sees.
    """
    spans, find = [], data.find
    at = find(b"<w:tr")
    while at != -1:
        if data[at + 5:at + 6] not in _ROW_START:  # <w:trPr>, <w:trHeight …
            at = find(b"<w:tr", at + 5)
            continue
        end = find(b"</w:tr>", at)
        if end == -1:
            break
        end += len(b"</w:tr>")
        spans.append((at, end))
        at = find(b"<w:tr", end)
    return spans


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
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED[name]
