"""Walk the main document's body, as a whole tree or while it is being parsed.

A body small enough (:attr:`~cchc_docs.facts.package.Limits.stream_bytes`, and within
what may be parsed whole) is parsed into one tree and walked. A larger one — a report
on 10,000 tasks is 30 MB of XML, eight times that as a tree — is walked *as it is
parsed*: every child of ``w:body`` is walked as soon as it is complete and then freed,
and so is every row of a table that stands directly in the body. The tree never holds
more than one such block, so memory follows the facts, not the XML. Both ways hand the same elements to the same
:class:`~cchc_docs.facts.walk.Walker` in the same order (``tests/facts`` proves the facts
equal on every sample document).

Rows wrapped in a content control (``w:sdt``, ``w:customXml``) end the streaming of
their table: the rest of it is walked when it is complete, which keeps the order.
"""

from __future__ import annotations

from lxml import etree

from cchc_docs.errors import SourceError
from cchc_docs.facts.bodybytes import BodyBytes
from cchc_docs.facts.properties import W
from cchc_docs.facts.walk import Walker, rows

__all__ = ["walk_body"]

_BODY, _P, _TBL, _TR, _SECT = W + "body", W + "p", W + "tbl", W + "tr", W + "sectPr"
_KEPT_BEFORE_ROWS = frozenset((W + "tblPr", W + "tblGrid"))
_ROW_WRAPPERS = frozenset((W + "sdt", W + "customXml"))


def walk_body(walker: Walker, package, partname: str, strict_error: SourceError):
    """Walk the body of ``partname`` into ``walker``; return the body's own ``w:sectPr`` (or None)."""
    size = package.infos[partname].file_size
    limits = package.limits
    if size <= limits.stream_bytes and package.parsed + size <= limits.tree_bytes:
        data = package.read(partname)
        read = BodyBytes.of(data, walker.formats.shapes)
        parsed = read.skeleton if read is not None else data
        root = package.parse(parsed, partname)
        if root.tag != W + "document":
            raise strict_error
        body = root.find(_BODY)
        if body is None:
            return None
        if read is not None and not read.bind(body):  # the bytes misread: the tree alone, and whole
            read = None
            if parsed is not data:
                body = package.parse(data, partname).find(_BODY)
        walker.body_bytes = read
        walker.block(body, None)
        return body.find(_SECT)
    return _Stream(walker, package, strict_error).run(partname)


class _Stream:
    """The body walked block by block while the parser reads it (see the module's docstring).

    The parser reports the end of every paragraph and row (not of every element: a
    Python call per element would cost more than the walk). At each, what is complete
    in the body is walked and freed. What the tree holds is measured in the XML read
    since the last free: above ``held_bytes`` the document is refused, so one block
    that never ends (a body wrapped whole in a content control, a paragraph of millions
    of runs) cannot fill the memory either.
    """

    def __init__(self, walker: Walker, package, strict_error: SourceError) -> None:
        self.walker, self.package, self.strict_error = walker, package, strict_error
        self.table: tuple | None = None  # (w:tbl, TableState) of the table being streamed
        self.streaming = False  # its rows are walked one by one
        self.section = None  # the body's own w:sectPr
        self.top = None  # the body's child the last paragraph stood in
        self.reader = None

    def run(self, partname: str):
        self.reader = self.package.open_part(partname)
        self.reader.hold = self.package.limits.held_bytes
        events = etree.iterparse(self.reader, events=("end",), tag=(_P, _TR, _BODY), remove_blank_text=True,
                                 resolve_entities=False, no_network=True, huge_tree=False)
        try:
            for _, el in events:
                self._on_end(el)
        except etree.XMLSyntaxError:
            raise SourceError(f"{self.package.name}: phần /{partname} của tệp .docx bị hỏng") from None
        if events.root is None or events.root.tag != W + "document":
            raise self.strict_error
        return self.section

    def _on_end(self, el) -> None:
        tag, parent = el.tag, el.getparent()
        if tag == _BODY:
            self._flush(el, None)
        elif parent is None:
            return
        elif parent.tag == _BODY:  # a paragraph of the body itself: it and all before it are complete
            self._flush(parent, el)
        elif tag == _TR and parent.tag == _TBL and _is_body(parent.getparent()):
            self._flush(parent.getparent(), parent, inclusive=False)
            self._row(parent, el)
        else:  # deeper down: the body's children before the one it stands in are complete
            top = el
            while parent is not None and parent.tag != _BODY:
                top, parent = parent, parent.getparent()
            if parent is not None and top is not self.top:
                self.top = top
                self._flush(parent, top, inclusive=False)

    def _flush(self, body, last, inclusive: bool = True) -> None:
        """Walk and free every complete child of the body, up to ``last`` (all when None)."""
        for child in list(body):
            if child is last and not inclusive:
                break
            if child.tag == _SECT:
                self.section = child if self.section is None else self.section  # kept (the first, as find does)
            else:
                self._walk(child)
            body.remove(child)
            if child is last:
                break
        self.reader.release()

    def _walk(self, child) -> None:
        if self.table is not None and self.table[0] is child:
            tbl, state = self.table
            for tr in rows(tbl):  # the rows still in the tree: streamed ones are gone
                self.walker.row(tr, state)
            self.walker.close_table(state)
            self.table = None
        else:
            self.walker.block_child(child, None)

    def _row(self, tbl, tr) -> None:
        if self.table is None or self.table[0] is not tbl:
            self.table, self.streaming = (tbl, self.walker.open_table(tbl, None)), True
        if not self.streaming:
            return
        for child in list(tbl):
            if child is tr:
                break
            if child.tag in _ROW_WRAPPERS:  # rows inside a wrapper: walk the rest in order, later
                self.streaming = False
                return
            if child.tag not in _KEPT_BEFORE_ROWS:
                tbl.remove(child)  # bookmarks, proofing marks: nothing the walk reads
        self.walker.row(tr, self.table[1])
        tbl.remove(tr)
        self.reader.release()


def _is_body(el) -> bool:
    return el is not None and el.tag == _BODY
