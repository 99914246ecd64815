"""Real page numbers for the paragraphs of a DOCX, read from the text of its PDF.

The DOCX does not know where pages break; the PDF does. Given the text of each page (as
poppler's ``pdftotext`` gives it), each paragraph is looked up, in order, by the start
of its letters and digits (folded: no diacritics, no spaces, no punctuation, so line
breaks, hyphenation and the order of two table columns matter little): a paragraph
found is on the page where its text begins, one not found (empty, or cut across two
columns) is on the page of the paragraph before it. The search only moves forward and
only looks a little way ahead, so a short line repeated later cannot pull it astray.
"""

from __future__ import annotations

from bisect import bisect_right

from cchc_docs.checks.text import letters
from cchc_docs.facts.extract import DocFacts

_PROBE = 24  # letters of a paragraph's start looked for
_SHORTEST = 6  # a shorter paragraph is too common to place
_AHEAD = 20_000  # how far past the last paragraph found a search looks


def paragraph_pages(facts: DocFacts, page_texts: list[str]) -> tuple[int | None, ...]:
    """The page (1-based, counted from the start of the PDF) of every body paragraph."""
    stream, starts = [], []
    length = 0
    for text in page_texts:
        starts.append(length)
        key = letters(text)
        stream.append(key)
        length += len(key)
    joined = "".join(stream)
    found: list[int | None] = []
    cursor, page = 0, 1 if page_texts else None
    for para in facts.paragraphs:
        probe = letters(para.text[:_PROBE * 3])[:_PROBE]
        if len(probe) >= _SHORTEST:
            at = joined.find(probe, cursor, cursor + _AHEAD + len(probe))
            if at >= 0:
                cursor, page = at + len(probe), bisect_right(starts, at)
        found.append(page)
    return tuple(found)
