"""Pieces: the lines a reader sees, cut from paragraphs at tabs and line breaks.

A clerk who types a document without tables puts "ỦY BAN NHÂN DÂN<tab>CỘNG HÒA …" on one
paragraph, or "Nơi nhận:<tab><tab>TM. ỦY BAN NHÂN DÂN". Recognition works on pieces so
that such lines yield two components, each with its own runs (sizes, bold, italic).
Paragraph formatting (alignment) only says something about a piece when the paragraph
has no tab (``whole``).

Text is taken as a reader sees it: a no-break space is a space, a zero-width space nothing.
A piece remembers whether it was pushed into place by leading spaces or tabs
(``lead``): it then looks centred whatever the paragraph's alignment says.

Also here: finding the rule (đường kẻ) drawn under a component, whichever of the usual
ways it was made — a paragraph border, an empty paragraph with a border, a shape, or a
row of underscores typed on a line of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cchc_docs.facts.extract import BorderFacts, ParagraphFacts, RunFacts
from cchc_docs.facts.records import VisibleRuns, builder
from cchc_docs.typeset import widths

_AS_PRINTED = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u200b": None, "\ufeff": None})
_ODD_SPACES = re.compile("[\u00a0\u202f\u2007\u200b\ufeff]")
#: A line that is only a row of underscores or dashes: typed as a rule under a heading.
RULE_TEXT = re.compile(r"^[_\-\u2013\u2014]{5,}$")


def display(run: RunFacts) -> str:
    """The text as printed: "All caps" formatting shows capitals whatever was typed."""
    return run.text.upper() if run.caps else run.text


def printed(text: str) -> str:
    """A line's text as printed: a no-break space is a space, a zero-width space nothing
    (asked once per line, not per run: most lines have neither)."""
    return text.translate(_AS_PRINTED) if not text.isascii() and _ODD_SPACES.search(text) else text


def is_rule_text(text: str) -> bool:
    """A row of underscores (or dashes) standing for a drawn rule."""
    head = text.lstrip()[:1]
    return bool(head) and head in "_-\u2013\u2014" and bool(RULE_TEXT.match(text.strip().replace(" ", "")))


@dataclass(frozen=True, slots=True)
class Piece(VisibleRuns):
    """One visible line segment of a paragraph, with the runs that make it."""

    para: ParagraphFacts
    runs: tuple[RunFacts, ...]
    text: str  # as printed, stripped
    whole: bool  # the paragraph has no tab: its alignment applies to this piece
    at_left: bool  # starts a line (not placed after a tab)
    lead: str = ""  # "spaces" or "tab": pushed into place by what precedes it on its line
    lead_spaces: int = 0  # how many spaces push it (with ``lead`` "spaces")

    @property
    def index(self) -> int:
        return self.para.index

    @property
    def alignment(self) -> str | None:
        """The paragraph's alignment when it applies to this piece, else None."""
        return self.para.alignment if self.whole else None


_piece = builder(Piece)  # Piece(...) without the frozen dataclass's per-field __init__: pieces are cut by thousands


def whole(para: ParagraphFacts) -> Piece:
    """The paragraph as one piece (body text, where a leading tab is just an indent)."""
    runs, text = para.runs, one_line(para)
    if text is None:  # tabs and breaks read as spaces
        runs = tuple(run for run in para.runs if not run.is_tab and not run.is_break)
        text = printed("".join(display(run) if not (run.is_tab or run.is_break) else " " for run in para.runs))
    return _piece(para, runs, " ".join(text.split()), True, True, *_lead(para.runs))


def _lead(runs) -> tuple[str, int]:
    """How a line's text was pushed into place: a tab before it, or two spaces or more (and how many)."""
    if runs and not runs[0].is_tab and not runs[0].text.startswith(" "):
        return "", 0  # the common case: the text starts the line
    spaces = 0
    for run in runs:
        if run.is_tab:
            return "tab", 0
        if run.is_break:
            break
        text = printed(display(run))
        spaces += len(text) - len(text.lstrip(" "))
        if text.strip():
            break
    return ("spaces", spaces) if spaces >= 2 else ("", 0)


def pieces(para: ParagraphFacts) -> tuple[Piece, ...]:
    """The non-empty pieces of a paragraph, left to right, top to bottom.

    Recognition and the rules ask for the pieces of one paragraph many times; they are
    cut once per check (memoised by the paragraph object itself, which the memo keeps
    alive so its id cannot be reused by another, until :func:`forget`).
    """
    found = _MEMO.get(id(para))
    if found is not None and found[0] is para:
        return found[1]
    if len(_MEMO) >= _MEMO_SIZE:
        _MEMO.clear()
    result = _cut(para)
    _MEMO[id(para)] = (para, result)
    return result


_MEMO: dict[int, tuple[ParagraphFacts, tuple[Piece, ...]]] = {}
_MEMO_SIZE = 50_000


def forget() -> None:
    """Drop the memo of :func:`pieces` (at the end of each check: the paragraphs may go)."""
    _MEMO.clear()


def one_line(para: ParagraphFacts) -> str | None:
    """The paragraph's text as printed, unstripped, when it has no tab or line break (its one
    piece, if it shows anything, is that text stripped); None when it has some."""
    runs = para.runs
    if len(runs) == 1 and not (runs[0].is_tab or runs[0].is_break):  # most paragraphs: one run of text
        return printed(display(runs[0]))
    if not any(run.is_tab or run.is_break for run in runs):
        return printed("".join(display(run) for run in runs))
    return None


def _cut(para: ParagraphFacts) -> tuple[Piece, ...]:
    raw = one_line(para)
    if raw is None:
        return _cut_lines(para)
    text = raw.strip()
    spaces = len(raw) - len(raw.lstrip(" ")) if raw.startswith("  ") else 0
    return (_piece(para, para.runs, text, True, True, *_spaces(spaces)),) if text else ()


def _cut_lines(para: ParagraphFacts) -> tuple[Piece, ...]:
    """A paragraph with tabs or line breaks: one piece per stretch of text between them."""
    has_tab = any(run.is_tab for run in para.runs)
    found: list[Piece] = []
    current: list[RunFacts] = []
    at_left = True
    for run in (*para.runs, None):
        if run is None or run.is_tab or run.is_break:
            raw = printed("".join(display(r) for r in current))
            text = raw.strip()
            if text:
                spaces = len(raw) - len(raw.lstrip(" ")) if at_left else 0
                found.append(_piece(para, tuple(current), text, not has_tab, at_left, *_spaces(spaces)))
                at_left = False
            current = []
            if run is not None:
                at_left = run.is_break  # after a tab the text stands to the right
        else:
            current.append(run)
    return tuple(found)


def _spaces(count: int) -> tuple[str, int]:
    return ("spaces", count) if count >= 2 else ("", 0)


def same_place(a: ParagraphFacts, b: ParagraphFacts) -> bool:
    """Both paragraphs stand in the same table cell, or both outside tables."""
    return (a.table_index, a.row, a.cell) == (b.table_index, b.row, b.cell)


@dataclass(frozen=True, slots=True)
class RuleLine:
    """The rule under a component: a border (with its length when known), a shape
    (length unknown), or the text itself underlined (as long as the text)."""

    para: ParagraphFacts
    border: BorderFacts | None  # None: a drawn line or an underline
    underline_mm: float | None = None
    underline_style: str | None = None

    @property
    def style(self) -> str:
        if self.border is not None:
            return self.border.style
        return self.underline_style or "single"

    @property
    def solid(self) -> bool:
        return self.style in ("single", "thick")

    @property
    def length_mm(self) -> float | None:
        return self.border.extent_mm if self.border is not None else self.underline_mm


def rule_under(para: ParagraphFacts, paragraphs: tuple[ParagraphFacts, ...], reach: int = 2) -> RuleLine | None:
    """The rule drawn under ``para``: its bottom border, else the border, shape or row of
    underscores of one of the next ``reach`` empty paragraphs in the same cell, else a
    shape anchored in it, else underscores typed under its text after a line break."""
    if para.border_bottom is not None:
        return RuleLine(para, para.border_bottom)
    for following in paragraphs[para.index + 1 : para.index + 1 + reach]:
        if not same_place(para, following):
            break
        if is_rule_text(following.text):
            return typed_rule(whole(following))
        if not following.is_empty:
            break
        border = following.border_top or following.border_bottom
        if border is not None or following.has_drawing:
            return RuleLine(following, border)
    if para.has_drawing:
        return RuleLine(para, None)
    typed = [x for x in pieces(para) if is_rule_text(x.text)]
    return typed_rule(typed[-1]) if typed and not is_rule_text(pieces(para)[0].text) else None


def typed_rule(piece: Piece) -> RuleLine:
    """A row of underscores as a rule: as long as the characters are wide, always solid."""
    size, text = piece.size or 13.0, piece.text.replace(" ", "")
    style = "single" if set(text) == {"_"} else "dash"  # hyphens print as a broken line
    return RuleLine(piece.para, None, round(widths.bold_width_mm(text, size), 1), style)


def underline_rule(piece: Piece) -> RuleLine | None:
    """Text underlined from end to end: a rule exactly as long as the text (old habit
    for the Tiêu ngữ; too long under an issuing body or a trích yếu)."""
    visible = piece._visible()
    if not visible or not all(run.underline for run in visible) or piece.size is None:
        return None
    return RuleLine(piece.para, None, round(widths.bold_width_mm(piece.text, piece.size), 1),
                    visible[0].underline_style)
