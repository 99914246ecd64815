"""Text widths in Times New Roman Bold, for sizing the rules (đường kẻ) under headings.

ND30 wants the rule under the issuing body and under the trích yếu to be 1/3 to 1/2
of the text line it stands under, and the rule under the Tiêu ngữ as long as the
Tiêu ngữ. The template cannot know how long a commune's name is, so the context
computes the lengths from the font's advance widths (no kerning, as Word lays out
these lines).
"""

from __future__ import annotations

import unicodedata
from itertools import repeat

from cchc_docs.typeset.widths_data import BOLD_WIDTHS, UNITS_PER_EM

MM_PER_PT = 25.4 / 72
# A character missing from the table (rare punctuation) counts as a wide letter.
_FALLBACK = BOLD_WIDTHS["M"]


def bold_width_mm(text: str, size_pt: float) -> float:
    """Width of ``text`` set in Times New Roman Bold at ``size_pt``."""
    text = unicodedata.normalize("NFC", text)
    units = sum(map(BOLD_WIDTHS.get, text, repeat(_FALLBACK)))  # per character, in C: wrap() measures every word
    return units / UNITS_PER_EM * size_pt * MM_PER_PT


def wrap(text: str, size_pt: float, width_mm: float) -> list[str]:
    """Greedy word wrap of bold text into lines no wider than ``width_mm``."""
    lines: list[str] = []
    space, used = bold_width_mm(" ", size_pt), 0.0
    for word in text.split():
        width = bold_width_mm(word, size_pt)
        if lines and used + space + width <= width_mm:
            lines[-1] += f" {word}"
            used += space + width
        else:
            lines.append(word)
            used = width
    return lines


def rule_under(lines: list[str], size_pt: float, share: float = 0.4) -> float:
    """A rule length ``share`` of the longest line (ND30: between 1/3 and 1/2), in mm."""
    longest = max((bold_width_mm(line, size_pt) for line in lines), default=0.0)
    return round(longest * share, 1)
