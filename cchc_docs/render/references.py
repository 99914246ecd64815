"""A số/ký hiệu stays on one line: its hyphens become Word's non-breaking hyphen.

"39/QĐ-UBND" broken at its hyphen leaves "39/QĐ-" at the end of one line and "UBND" on the
next. Word's own non-breaking hyphen (``w:noBreakHyphen``), which LibreOffice keeps and
prints with the font's hyphen, holds it together; it reads back as "-" (python-docx and
cchc_docs.facts both say so), so every check of the number still sees the text as typed.
"""

from __future__ import annotations

import re

from docx.oxml.ns import qn
from lxml import etree

# A số/ký hiệu: "39/QĐ-UBND", "12/UBND-VHXH". A line break at its hyphen would leave "39/QĐ-" at the
# end of one line and "UBND" on the next; Word's non-breaking hyphen (w:noBreakHyphen), which
# LibreOffice keeps and prints with the font's own hyphen, holds it together.
REFERENCE = re.compile(r"\d+/[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)+")
_NO_BREAK = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


# What :data:`REFERENCE` matches from its "/" on.
_FROM_SLASH = re.compile(r"/(?<=\d/)[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)+")
_CODE_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZĐ0123456789")  # [A-ZĐ0-9]


def unbreakable(xml: str) -> str:
    """The body XML with each hyphen of a số/ký hiệu made non-breaking (the fast path).

    Exactly ``REFERENCE.sub`` (a test compares them on random text).
    """
    return splice(xml, _references(xml))


def _references(xml: str):
    """(start, end, marked text) of each match of ``REFERENCE``, found from its first hyphen.

    Body XML has a "/" in every closing tag (10,000 in a report) and a few dozen hyphens:
    a search from each "/" cost 0.35 ms of a report, from each hyphen a thirtieth of that
    (``REFERENCE.sub`` tries the digit class at every character: ten times more again).
    The first hyphen of a match follows "/" and code characters only; from that "/" the
    match runs as ``_FROM_SLASH`` says and starts at the first of the digits before it,
    but never inside the previous match: there ``REFERENCE`` does not match at all.
    """
    done = 0  # where the last reference ended
    for hyphen in _positions(xml, "-"):
        code = hyphen  # where the code characters before the hyphen begin
        while code > done and xml[code - 1] in _CODE_CHARACTERS:
            code -= 1
        slash = code - 1
        match = _FROM_SLASH.match(xml, slash) if slash >= done else None
        if match is None:
            continue
        start = slash
        while start > done and xml[start - 1].isdecimal():  # str.isdecimal is what \d matches
            start -= 1
        if start < slash:
            yield start, match.end(), xml[start:match.end()].replace("-", _NO_BREAK)
            done = match.end()


def _positions(text: str, character: str):
    """Where ``character`` stands in ``text``: ``str.find`` outruns a regular expression sevenfold."""
    at = text.find(character)
    while at != -1:
        yield at
        at = text.find(character, at + 1)


def splice(text: str, spans) -> str:
    """``text`` with each ``(start, end, new)`` span (in order, apart) replaced by ``new``."""
    pieces, done = [], 0
    for start, end, new in spans:
        pieces += [text[done:start], new]
        done = end
    return "".join([*pieces, text[done:]]) if pieces else text


def unbreakable_runs(body) -> None:
    """The same on a document tree (the plain path): each text split at the hyphens of its references."""
    for text in list(body.iter(qn("w:t"))):
        marked = REFERENCE.sub(lambda m: m.group().replace("-", "\0"), text.text or "")
        pieces = marked.split("\0")
        text.text = pieces[0]
        anchor = text
        for piece in pieces[1:]:
            hyphen = etree.SubElement(text.getparent(), qn("w:noBreakHyphen"))
            rest = etree.SubElement(text.getparent(), qn("w:t"))
            rest.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            rest.text = piece
            anchor.addnext(hyphen)
            hyphen.addnext(rest)
            anchor = rest
