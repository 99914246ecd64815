"""The shape and the texts of a body's table rows, read from the XML bytes rather than the tree.

:class:`~cchc_docs.facts.replay.RowMemo` knows a row by its shape: its XML with the
texts blanked. Making that image from the parsed tree means serialising every row
again and blanking its texts one element at a time, which costs more than replaying
the row. The same image is a slice of the bytes the tree was parsed from, found with
a few string searches, so :class:`RowBytes` cuts it from there.

Bytes say what the tree says only where nothing between them can differ, so:

* a document is read this way only when it is UTF-8 and holds no DOCTYPE, comment,
  CDATA section or processing instruction (``<!``, a second ``<?``), and no table in
  a table: every ``<w:tr`` of its bytes is then an element, the rows of the bytes and
  of the tree are the same in the same order, and their numbers are compared too;
* a shape carries the namespaces in force around its row (from the tree), so a
  prefix means the same in every row of that shape;
* a row whose texts are not plain (a ``w:t`` start tag other than ``<w:t>`` and
  ``<w:t xml:space="preserve">``) is left to the tree;
* the first time a shape is mapped, :class:`~cchc_docs.facts.replay.RowMemo` compares
  the texts read here with the tree's: rows of one shape have their texts in the same
  places, so one row proves the reading for all of them.

``tests/facts/test_rowbytes.py`` proves shapes and texts equal to the tree's and the
facts equal with and without this reader.
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
_TEXT_TAGS = (b"<w:t>", b'<w:t xml:space="preserve">')
_ROW_START = (b" ", b">", b"\n", b"\t", b"\r")  # what may follow "<w:tr" in a row's start tag
BLANK = b"\x00"  # stands for a text in a shape: never a character of XML


class RowBytes:
    """The rows of one body's bytes, matched to the rows of its tree (see the module's docstring)."""

    def __init__(self, data: bytes, spans: list[tuple[int, int]], rows: list) -> None:
        self.data, self.spans = data, spans
        self.position = {tr: index for index, tr in enumerate(rows)}
        self.namespaces: dict = {}  # a row's parent → the namespaces in force there

    @classmethod
    def of(cls, data: bytes, body) -> RowBytes | None:
        """The reader for ``data`` (the XML ``body`` was parsed from), or None when it is not plain."""
        if not _plain(data):
            return None
        spans = _row_spans(data)
        rows = list(body.iter(W + "tr"))
        return cls(data, spans, rows) if len(rows) == len(spans) else None

    def read(self, tr) -> tuple[tuple, list[str]] | None:
        """``(shape, texts)`` of the row ``tr``: its XML with each text that is not empty blanked, and those
        texts in order; None when the row is left to the tree."""
        index = self.position.get(tr)
        if index is None:
            return None
        start, end = self.spans[index]
        data, find = self.data, self.data.find
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
            return (self._namespaces(tr.getparent()), xml), [_text(raw) for raw in texts]
        except UnicodeDecodeError:
            return None

    def _namespaces(self, parent) -> tuple:
        found = self.namespaces.get(parent)
        if found is None:
            found = self.namespaces[parent] = tuple(sorted(parent.nsmap.items(), key=repr))
        return found


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
    """A text as the parser gives it: line ends normalised, character references resolved."""
    text = raw.decode("utf-8")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text:
        text = _REFERENCE.sub(_resolve, text)
    return text


def _resolve(match: re.Match) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED[name]
