"""Which paragraphs may hold a key line (Quốc hiệu, Phụ lục, Nơi nhận, TM. …), told for all at once.

Cutting a document into parts looks in every paragraph for a Quốc hiệu and a "Phụ lục"
label, and the signature area starts at the first "Nơi nhận" label or authority prefix
(TM., KT. …). Asking that of every paragraph, with its pieces cut and each piece
folded, was most of what recognising a report cost, though only a handful of its
thousand paragraphs come near. So each paragraph's text is first *projected*: tabs and
line breaks become ``\\x01`` (where a piece may start), a no-break space a space, a
zero-width character nothing; then capitals, canonical decomposition, every character
that is not ASCII dropped (the marks with it), lower case. Between the words of a key
phrase any run of spaces and breaks is allowed, as folding collapses them.

A piece whose folded text (:func:`~cchc_docs.checks.text.fold`) holds a key phrase has
its letters, in order, in that projection — whether the run is shown in capitals or
not — so only paragraphs whose projection holds one are asked; for the others the
matchers of :mod:`.lines` could only say no. ``tests/checks/test_scan.py`` proves the
projection keeps every letter fold keeps, character by character, and that recognition
finds the same parts with and without it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate, count
from operator import add, attrgetter

from cchc_docs.facts.extract import ParagraphFacts

__all__ = ["Candidates", "find", "project"]

# (what, by what): a break where a piece may start; a space as printed; nothing; đ as fold reads it.
_REPLACED = (("\t", "\x01"), ("\n", "\x01"), ("\u00a0", " "), ("\u202f", " "), ("\u2007", " "),
             ("\u200b", ""), ("\ufeff", ""), ("đ", "d"), ("Đ", "D"))
_SEPARATOR = "\x00"  # between paragraphs (no XML text holds it, only a symbol character may)
_GAP = r"[\s\x01]*"  # between two words: a space, a break, or a space not ASCII (dropped)
#: What may hold a Quốc hiệu (whole or its first line) or a "Phụ lục" label (see ``lines``): one
#: pattern each, since a pattern that opens with a fixed word is searched for that word in C.
_MAY_OPEN = tuple(re.compile(word) for word in ("viet", "nghia", f"cong{_GAP}hoa", f"phu{_GAP}luc"))
#: What may start a piece with "Nơi nhận" or an authority prefix (``lines.PREFIX``), searched in the
#: projection with each break made a separator: a pattern that opens with one fixed character is
#: searched for it in C, one that opens with a choice of two tests every character. Its gaps may
#: then run over the end of a paragraph, which only asks one paragraph more.
_CLOSE_GAP = r"[\s\x00]*"
_MAY_CLOSE = re.compile(r"\x00\s*(?:(?:tm|kt|q|tl|tuq|t/m|k/t|t\.m|k\.t)[\s./\x00]"
                        f"|thay{_CLOSE_GAP}mat|ky{_CLOSE_GAP}thay|thua{_CLOSE_GAP}lenh"
                        f"|thua{_CLOSE_GAP}uy{_CLOSE_GAP}quyen|noi{_CLOSE_GAP}nhan)")
_LONG = 200  # a paragraph this long opens no part (see ``components.part_starts``)
_TEXT = attrgetter("text")


def project(texts: list[str]) -> str:
    """The texts as plain lower-case ASCII, each after a ``\\x00`` (see the module's docstring).

    A text's projection does not depend on the texts around it: each step reads one
    character, or one letter with its accents, and the separator ends any such group. So
    the projections of the texts met before are kept (most lines of a document recur in
    the next: the template's lines, and the tasks, in a plan's decision and each of its
    reports), and the texts not met yet are projected together, in one pass over them.
    """
    kept = _KEPT
    found = {text: kept.get(text) for text in texts}  # read once: another thread may clear what is kept
    new = [text for text, projected in found.items() if projected is None]
    if new:
        projected = _projected(_SEPARATOR.join(new)).split(_SEPARATOR)
        if len(projected) != len(new):  # a symbol character that reads as the separator
            return _projected(_SEPARATOR + _SEPARATOR.join(texts))
        made = dict(zip(new, projected, strict=True))
        found.update(made)
        if len(kept) + len(made) > _KEEP:
            kept.clear()
        if len(made) <= _KEEP:  # (a plan of 10,000 tasks: its reports' texts are not kept)
            kept.update(made)
    return _SEPARATOR + _SEPARATOR.join(map(found.__getitem__, texts))


_KEPT: dict[str, str] = {}  # each text's projection, kept for the documents checked next
_KEEP = 20_000  # texts kept: a report has about a thousand


def _projected(text: str) -> str:
    """``text`` made plain lower-case ASCII (a dozen passes in C, whatever its length)."""
    for what, by in _REPLACED:
        if what in text:
            text = text.replace(what, by)
    if not text.isascii():
        text = unicodedata.normalize("NFD", text.upper()).encode("ascii", "ignore").decode("ascii")
    return text.lower()


@dataclass(frozen=True)
class Candidates:
    """The paragraphs (by index, ascending) that may open a part and that may start the closing."""

    opening: tuple[int, ...]
    closing: tuple[int, ...]

    def closing_from(self, start: int, last: int) -> tuple[int, ...]:
        """The paragraphs from ``start`` to ``last`` that may start the closing."""
        return self.closing[bisect_left(self.closing, start):bisect_left(self.closing, last + 1)]


def find(paragraphs: tuple[ParagraphFacts, ...]) -> Candidates:
    """The paragraphs of a document that may hold a key line."""
    texts = list(map(_TEXT, paragraphs))
    projected = project(texts)
    if projected.count(_SEPARATOR) != len(texts):  # a symbol character U+0000 in a text: every paragraph is asked
        every = tuple(range(len(texts)))
        return Candidates(tuple(i for i in every if len(texts[i]) < _LONG), every)
    # where each paragraph's projection starts: after its separator (C loops, a thousand paragraphs)
    starts = list(map(add, accumulate(map(len, projected.split(_SEPARATOR)[1:]), initial=0), count(1)))

    def where(text: str, *patterns: re.Pattern) -> list[int]:  # a match ends in its paragraph or on its end
        return sorted({bisect_right(starts, match.end() - 1) - 1
                       for pattern in patterns for match in pattern.finditer(text)})

    opening = tuple(i for i in where(projected, *_MAY_OPEN) if len(texts[i]) < _LONG)
    return Candidates(opening, tuple(where(projected.replace("\x01", _SEPARATOR), _MAY_CLOSE)))
