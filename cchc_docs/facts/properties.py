"""One OOXML properties element read into a flat dict, and the small value readers.

The reading half of the style machinery of :mod:`cchc_docs.facts`. :func:`parse` turns
a ``w:rPr`` / ``w:pPr`` / ``w:tblPr`` element into a *flat* dict (``{"size_pt": 13.0,
"bold": True, "ind_left": 567.0, ...}``; lengths stay in twips) so that layering one
level over another is a plain ``dict`` update; :func:`theme_fonts` reads the theme's
typefaces that theme font names in ``w:rFonts`` stand for. :func:`measure`,
:func:`is_on`, :func:`border_tuple` and :func:`cell_margins` are shared with the walker.
How the levels combine is :mod:`cchc_docs.facts.styles`.
"""

from __future__ import annotations

import contextlib
import math
from collections.abc import Callable
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
VAL = W + "val"

_PER_PT = {"pt": 1.0, "in": 72.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "pc": 12.0, "pi": 12.0}
_OFF = frozenset({"0", "false", "off"})
_JC = {"start": "left", "end": "right", "justify": "both"}

Props = dict[str, Any]


def measure(value: str | None, per_pt: float) -> float | None:
    """Read a length attribute in its own unit (twips, half-points…) or as '2cm' etc."""
    if not value:
        return None
    number, factor = value, 1.0
    if value[-2:] in _PER_PT:  # a universal measure: convert via points
        number, factor = value[:-2], _PER_PT[value[-2:]] * per_pt
    try:
        result = float(number) * factor
    except ValueError:
        return None
    return result if math.isfinite(result) else None


def is_on(el, attr: str = VAL) -> bool:
    """ST_OnOff of an element: a bare ``<w:b/>`` means on."""
    value = el.get(attr)
    return value is None or value.strip().lower() not in _OFF


def flag(el, attr: str) -> bool:
    """ST_OnOff of an optional attribute: absent means off."""
    value = el.get(attr)
    return value is not None and value.strip().lower() not in _OFF


def theme_fonts(theme_root) -> dict[str, str]:
    """Map ST_Theme names (``minorHAnsi``, ``majorBidi``…) to the theme's typefaces.

    Themes usually leave the East-Asian and complex-script faces empty and let Word
    pick one per language; we fall back to the Latin face so a name is always given.
    """
    fonts: dict[str, str] = {}
    if theme_root is None:
        return fonts
    for scheme, prefix in (("majorFont", "major"), ("minorFont", "minor")):
        node = theme_root.find(f".//{A}{scheme}")
        if node is not None:
            latin = _typeface(node, "latin")
            fonts[prefix + "Ascii"] = fonts[prefix + "HAnsi"] = latin
            fonts[prefix + "EastAsia"] = _typeface(node, "ea") or latin
            fonts[prefix + "Bidi"] = _typeface(node, "cs") or latin
    return {name: face for name, face in fonts.items() if face}


def _typeface(node, child: str) -> str:
    found = node.find(A + child)
    return (found.get("typeface") or "") if found is not None else ""


# --- w:rPr -------------------------------------------------------------------------

_FONT_SLOTS = (
    ("ascii", "asciiTheme", "font_ascii"),
    ("hAnsi", "hAnsiTheme", "font_h_ansi"),
    ("eastAsia", "eastAsiaTheme", "font_east_asia"),
    ("cs", "cstheme", "font_cs"),  # sic: the schema spells it "cstheme"
)


def _rfonts(el, out: Props, theme: dict[str, str]) -> None:
    # On one element a theme attribute beats the explicit name (Word keeps the name
    # only as a cache of what the theme said when the file was saved).
    for attr, theme_attr, key in _FONT_SLOTS:
        name = theme.get(el.get(W + theme_attr) or "") or el.get(W + attr)
        if name:
            out[key] = name


def _size(el, out: Props, theme: dict[str, str]) -> None:
    half_points = measure(el.get(VAL), 2)
    if half_points is not None and half_points > 0:
        out["size_pt"] = half_points / 2


def _setter(key: str, default: str | None = None) -> Callable[[Any, Props, dict], None]:
    def store(el, out: Props, theme: dict[str, str]) -> None:
        value = el.get(VAL) or default
        if value is not None:
            out[key] = value

    return store


def _toggle(key: str) -> Callable[[Any, Props, dict], None]:
    def store(el, out: Props, theme: dict[str, str]) -> None:
        out[key] = is_on(el)

    return store


def _color(el, out: Props, theme: dict[str, str]) -> None:
    value = el.get(VAL)
    if value:
        out["color"] = "auto" if value.lower() == "auto" else value.upper()


def shading(el) -> bool:
    """A ``w:shd`` that paints something behind the text (a fill or a pattern other than white)."""
    fill = (el.get(W + "fill") or "auto").upper()
    pattern = el.get(VAL) or "clear"
    return fill not in ("AUTO", "FFFFFF") or pattern not in ("clear", "nil")


def _shading(el, out: Props, theme: dict[str, str]) -> None:
    out["shaded"] = shading(el)


_RPR = {
    W + "rFonts": _rfonts,
    W + "sz": _size,
    W + "b": _toggle("bold"),
    W + "i": _toggle("italic"),
    W + "caps": _toggle("caps"),
    W + "vanish": _toggle("vanish"),
    W + "shd": _shading,
    W + "smallCaps": _toggle("small_caps"),
    W + "strike": _toggle("strike"),
    W + "u": _setter("underline", "single"),
    W + "color": _color,
    W + "highlight": _setter("highlight"),
    W + "vertAlign": _setter("vertical_align"),
    W + "rStyle": _setter("rStyle"),
}


# --- w:pPr -------------------------------------------------------------------------


def _jc(el, out: Props, theme: dict[str, str]) -> None:
    value = el.get(VAL)
    if value:
        out["alignment"] = _JC.get(value, value)


def _ind(el, out: Props, theme: dict[str, str]) -> None:
    for key, names in (("ind_left", ("left", "start")), ("ind_right", ("right", "end"))):
        value = measure(el.get(W + names[0]) or el.get(W + names[1]), 20)
        if value is not None:
            out[key] = value
    hanging = measure(el.get(W + "hanging"), 20)
    first = measure(el.get(W + "firstLine"), 20)
    if hanging is not None:  # hanging wins when both are given
        out["ind_first"] = -hanging
    elif first is not None:
        out["ind_first"] = first


def _spacing(el, out: Props, theme: dict[str, str]) -> None:
    for side in ("before", "after"):
        if flag(el, W + side + "Autospacing"):
            out["space_" + side] = 280.0  # Word's "auto" (HTML) spacing is 14 pt
        else:
            value = measure(el.get(W + side), 20)
            if value is not None:
                out["space_" + side] = value
    line = measure(el.get(W + "line"), 20)
    if line is not None:
        out["line"] = line
        out["line_rule"] = el.get(W + "lineRule") or "auto"


def _borders(prefix: str, sides: tuple[str, ...]) -> Callable[[Any, Props, dict], None]:
    def store(el, out: Props, theme: dict[str, str]) -> None:
        for side in sides:
            edge = el.find(W + side)
            if edge is not None:
                out[prefix + side] = border_tuple(edge)

    return store


def border_tuple(edge) -> tuple[str, int, str, float]:
    """``(style, size in eighths of a point, colour, space in pt)`` of a border edge."""
    size = measure(edge.get(W + "sz"), 8) or 0
    space = measure(edge.get(W + "space"), 1) or 0
    return (edge.get(VAL) or "none", int(size), edge.get(W + "color") or "auto", space)


def border_visible(edge: tuple | None) -> bool:
    """True when a border tuple draws a line (``nil``/``none`` draw nothing)."""
    return edge is not None and edge[0] not in ("nil", "none")


def _num_id(el, out: Props, theme: dict[str, str]) -> None:
    num = el.find(W + "numId")
    if num is not None and num.get(VAL) is not None:
        out["num_id"] = num.get(VAL)


_PPR = {
    W + "pStyle": _setter("pStyle"),
    W + "jc": _jc,
    W + "ind": _ind,
    W + "spacing": _spacing,
    W + "keepNext": _toggle("keep_next"),
    W + "keepLines": _toggle("keep_lines"),
    W + "pageBreakBefore": _toggle("page_break_before"),
    W + "contextualSpacing": _toggle("contextual_spacing"),
    W + "pBdr": _borders("bdr_", ("top", "bottom")),
    W + "shd": _shading,
    W + "numPr": _num_id,
}


# --- w:tblPr -----------------------------------------------------------------------


def cell_margins(el) -> Props:
    """Left/right cell margins (twips) of a ``w:tblCellMar`` or ``w:tcMar`` element."""
    out: Props = {}
    for key, names in (("mar_left", ("left", "start")), ("mar_right", ("right", "end"))):
        edge = el.find(W + names[0])
        edge = edge if edge is not None else el.find(W + names[1])
        if edge is not None and (edge.get(W + "type") or "dxa") == "dxa":
            value = measure(edge.get(W + "w"), 20)
            if value is not None:
                out[key] = value
    return out


def _cell_margins(el, out: Props, theme: dict[str, str]) -> None:
    out.update(cell_margins(el))


def _look(el, out: Props, theme: dict[str, str]) -> None:
    if el.get(W + "firstRow") is not None:
        out["look_first_row"] = flag(el, W + "firstRow")
    else:  # Word 2007 wrote a hex bit mask only; 0x0020 is "first row"
        with contextlib.suppress(ValueError):
            out["look_first_row"] = bool(int(el.get(VAL) or "0", 16) & 0x0020)


TABLE_SIDES = ("top", "left", "start", "bottom", "right", "end", "insideH", "insideV")

_TBLPR = {
    W + "tblStyle": _setter("tblStyle"),
    W + "tblBorders": _borders("tb_", TABLE_SIDES),
    W + "tblCellMar": _cell_margins,
    W + "tblLook": _look,
}

_PARSERS = {"rPr": _RPR, "pPr": _PPR, "tblPr": _TBLPR}


def parse(el, kind: str, theme: dict[str, str]) -> Props:
    """Flatten one ``w:rPr`` / ``w:pPr`` / ``w:tblPr`` element into a dict."""
    out: Props = {}
    if el is None:
        return out
    handlers = _PARSERS[kind]
    for child in el:
        handler = handlers.get(child.tag)
        if handler is not None:
            handler(child, out, theme)
    return out
