"""Effective formatting from ``styles.xml`` and the theme, resolved the way Word does.

This is the half of :mod:`cchc_docs.facts` that knows the style cascade. Every
``w:rPr`` / ``w:pPr`` / ``w:tblPr`` element is read once into a flat dict by
:func:`cchc_docs.facts.properties.parse`, so that layering one level over another is a
plain ``dict`` update. Style chains are memoised per style id, so resolving thousands
of runs costs a few dict look-ups each.

Order of the cascade (later wins), ECMA-376 §17.7.2:

* run: document defaults → table style (+ its ``firstRow`` conditional formatting)
  → paragraph style chain → character style chain → direct ``w:rPr``;
* paragraph: document defaults → table style → paragraph style chain → direct ``w:pPr``.

Toggle properties (bold, italic, caps, small caps, strike) follow §17.7.3: inside
one ``basedOn`` chain the nearest value wins; across the table / paragraph /
character levels each level that says *on* flips the value; direct formatting is
absolute. The paragraph style's *linked* character style is deliberately not layered
in: Word keeps it as a mirror of the paragraph style's run properties, so adding it
would flip every toggle twice.

:func:`run_format` and :func:`paragraph_format` then turn resolved properties into the
effective values the facts carry, filling in Word's built-in defaults.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from cchc_docs.facts.properties import VAL, Props, W, border_visible, flag, parse, theme_fonts

#: Run properties that combine by XOR across style levels (ECMA-376 §17.7.3).
TOGGLES = frozenset({"bold", "italic", "caps", "small_caps", "strike", "vanish"})

#: Word's own margin left and right of cell text when no table style says otherwise.
DEFAULT_CELL_MARGIN = 108.0
#: What Word assumes when nothing in the document names a font or a size.
DEFAULT_FONT = "Times New Roman"
DEFAULT_SIZE_PT = 10.0
_TWIPS_PER_MM = 1440 / 25.4


def layer(out: Props, level: Props) -> None:
    """Lay one style level over ``out``; toggles flip instead of overriding (§17.7.3)."""
    for key, value in level.items():
        if key in TOGGLES:
            if value:
                out[key] = not out.get(key, False)
        else:
            out[key] = value


class StyleSheet:
    """The styles part of one document, with memoised style-chain resolution."""

    def __init__(self, styles_root, theme_root) -> None:
        self.theme = theme_fonts(theme_root)
        self._styles: dict[str, Any] = {}
        self._types: dict[str, str] = {}
        self._defaults: dict[str, str] = {}
        self._memo: dict[tuple, Any] = {}
        self._doc_rpr: Props = {}
        self._doc_ppr: Props = {}
        if styles_root is not None:
            self._load(styles_root)

    def _load(self, root) -> None:
        for style in root.iterchildren(W + "style"):
            sid = style.get(W + "styleId")
            if sid is None or sid in self._styles:
                continue
            kind = style.get(W + "type") or "paragraph"
            self._styles[sid], self._types[sid] = style, kind
            if flag(style, W + "default"):
                self._defaults.setdefault(kind, sid)
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            self._doc_rpr = parse(defaults.find(f"{W}rPrDefault/{W}rPr"), "rPr", self.theme)
            self._doc_ppr = parse(defaults.find(f"{W}pPrDefault/{W}pPr"), "pPr", self.theme)

    # -- names and ids ---------------------------------------------------------------

    def _typed(self, sid: str | None, kind: str) -> str | None:
        return sid if sid is not None and self._types.get(sid) == kind else None

    def paragraph_style(self, sid: str | None) -> str | None:
        """The style a paragraph really uses: the named one, else the default style."""
        return self._typed(sid, "paragraph") or self._defaults.get("paragraph")

    def table_style(self, sid: str | None) -> str | None:
        """The table style in force: the named one, else the default table style."""
        return self._typed(sid, "table") or self._defaults.get("table")

    def char_style(self, sid: str | None) -> str | None:
        """The character style named by ``w:rStyle`` if it exists."""
        return self._typed(sid, "character")

    def name(self, sid: str | None) -> str:
        """The style's ``w:name`` (as stored, e.g. ``heading 1``), else its id."""
        style = self._styles.get(sid) if sid else None
        node = style.find(W + "name") if style is not None else None
        return (node.get(VAL) if node is not None else None) or (sid or "")

    # -- chains ------------------------------------------------------------------------

    def _memoised(self, key: tuple, compute: Callable[[], Any]) -> Any:
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def _lineage(self, sid: str | None) -> list:
        """The style and its ``basedOn`` ancestors, ancestors first (cycle-safe)."""
        chain, seen = [], set()
        while sid and sid in self._styles and sid not in seen:
            seen.add(sid)
            chain.append(self._styles[sid])
            based = self._styles[sid].find(W + "basedOn")
            sid = based.get(VAL) if based is not None else None
        return chain[::-1]

    def chain(self, sid: str | None, kind: str, condition: str | None = None) -> Props:
        """One style level: ``kind`` properties merged down the ``basedOn`` chain."""
        return self._memoised(("chain", sid, kind, condition), lambda: self._merge(sid, kind, condition))

    def _merge(self, sid: str | None, kind: str, condition: str | None) -> Props:
        out: Props = {}
        for style in self._lineage(sid):
            holder = style if condition is None else _conditional(style, condition)
            if holder is not None:
                out.update(parse(holder.find(W + kind), kind, self.theme))
        return out

    def _table_level(self, tstyle: str | None, first_row: bool, kind: str) -> Props:
        level = dict(self.chain(tstyle, kind))
        if first_row:
            level.update(self.chain(tstyle, kind, "firstRow"))
        return level

    # -- effective properties ------------------------------------------------------------

    def paragraph_base(self, pstyle: str | None, tstyle: str | None, first_row: bool) -> Props:
        """Paragraph properties before direct formatting."""
        return self._memoised(("ppr", pstyle, tstyle, first_row), lambda: self._para(pstyle, tstyle, first_row))

    def _para(self, pstyle: str | None, tstyle: str | None, first_row: bool) -> Props:
        out = dict(self._doc_ppr)
        out.update(self._table_level(tstyle, first_row, "pPr"))
        out.update(self.chain(pstyle, "pPr"))
        return out

    def run_base(self, pstyle: str | None, cstyle: str | None, tstyle: str | None, first_row: bool) -> Props:
        """Run properties before direct formatting (toggles already combined)."""
        key = ("rpr", pstyle, cstyle, tstyle, first_row)
        return self._memoised(key, lambda: self._run(pstyle, cstyle, tstyle, first_row))

    def _run(self, pstyle: str | None, cstyle: str | None, tstyle: str | None, first_row: bool) -> Props:
        out = dict(self._doc_rpr)
        out.pop("rStyle", None)
        if tstyle is not None:
            layer(out, self._table_level(tstyle, first_row, "rPr"))
        layer(out, self.chain(pstyle, "rPr"))
        layer(out, self.chain(cstyle, "rPr"))
        out.pop("rStyle", None)
        return out

    def table_base(self, tstyle: str | None) -> Props:
        """Table properties (borders, cell margins, look) from the table style chain."""
        return self.chain(tstyle, "tblPr")


def _conditional(style, condition: str):
    for node in style.iterchildren(W + "tblStylePr"):
        if node.get(W + "type") == condition:
            return node
    return None


# --- effective values, with Word's built-in defaults -------------------------------------


def mm(twips: float) -> float:
    """Twips to millimetres, rounded to 0.1 mm."""
    return round(twips / _TWIPS_PER_MM, 1)


@dataclass(frozen=True, slots=True)
class LineSpacing:
    """Line spacing: ``rule`` "auto" (``value`` is a multiple, 1.5) or "exact"/"atLeast" (points)."""

    rule: str
    value: float


@dataclass(frozen=True, slots=True)
class BorderFacts:
    """One paragraph border: style (``single``…), ``size`` in eighths of a point, colour,
    space to text in points, and the drawn length in mm (None when the width is unknown)."""

    style: str
    size: int
    color: str
    space_pt: float
    extent_mm: float | None


def run_format(props: Props) -> Props:
    """Effective run formatting (``RunFacts`` fields) from resolved run properties."""
    underline = props.get("underline") or "none"
    highlight = props.get("highlight")
    return {
        "font_ascii": props.get("font_ascii", DEFAULT_FONT),
        "font_hanh_ansi": props.get("font_h_ansi", DEFAULT_FONT),
        "font_east_asia": props.get("font_east_asia", DEFAULT_FONT),
        "font_cs": props.get("font_cs", DEFAULT_FONT),
        "size_pt": props.get("size_pt", DEFAULT_SIZE_PT),
        "bold": props.get("bold", False),
        "italic": props.get("italic", False),
        "underline": underline != "none",
        "underline_style": underline,
        "caps": props.get("caps", False),
        "small_caps": props.get("small_caps", False),
        "strike": props.get("strike", False),
        "color": props.get("color", "auto"),
        "highlight": None if highlight in (None, "none") else highlight,
        "vertical_align": props.get("vertical_align", "baseline"),
        "style_id": props.get("rStyle"),
    }


def is_hidden(props: Props, background: bool) -> bool:
    """Text no reader sees: hidden (``w:vanish``), or white on nothing painted behind it
    (the run's, paragraph's or cell's shading, or a highlight)."""
    if props.get("vanish"):
        return True
    color = props.get("color", "auto")
    painted = background or props.get("shaded") or props.get("highlight") not in (None, "none")
    return not painted and _whitish(color)


def _whitish(color: str) -> bool:
    try:
        value = int(color, 16) if len(color) == 6 else -1
    except ValueError:
        return False
    return value >= 0 and all((value >> shift) & 0xFF >= 0xF0 for shift in (0, 8, 16))


def paragraph_format(props: Props, width: float | None) -> Props:
    """Effective paragraph formatting (``ParagraphFacts`` fields); ``width`` is the
    space the paragraph may fill (twips), used for the length of its borders."""
    left, right = props.get("ind_left", 0.0), props.get("ind_right", 0.0)
    extent = width - left - right if width else None
    return {
        "alignment": props.get("alignment", "left"),
        "first_line_indent_mm": mm(props.get("ind_first", 0.0)),
        "left_indent_mm": mm(left),
        "right_indent_mm": mm(right),
        "space_before_pt": round(props.get("space_before", 0.0) / 20, 2),
        "space_after_pt": round(props.get("space_after", 0.0) / 20, 2),
        "line_spacing": _line_spacing(props),
        "keep_with_next": props.get("keep_next", False),
        "keep_lines": props.get("keep_lines", False),
        "page_break_before": props.get("page_break_before", False),
        "contextual_spacing": props.get("contextual_spacing", False),
        "is_numbered": props.get("num_id") not in (None, "0"),  # numId 0 switches numbering off
        "border_top": _border(props.get("bdr_top"), extent),
        "border_bottom": _border(props.get("bdr_bottom"), extent),
    }


def _line_spacing(props: Props) -> LineSpacing:
    line, rule = props.get("line"), props.get("line_rule", "auto")
    if line is None:
        return LineSpacing("auto", 1.0)
    if rule == "auto":  # 240ths of a line
        return LineSpacing("auto", round(line / 240, 2))
    return LineSpacing(rule, round(line / 20, 2))


def _border(edge: tuple | None, extent_twips: float | None) -> BorderFacts | None:
    if edge is None or not border_visible(edge):
        return None
    style, size, color, space = edge
    return BorderFacts(style, size, color, space, mm(extent_twips) if extent_twips else None)


def with_extent(border: BorderFacts | None, twips: float) -> BorderFacts | None:
    """The same border drawn over ``twips``."""
    return None if border is None else replace(border, extent_mm=mm(twips))
