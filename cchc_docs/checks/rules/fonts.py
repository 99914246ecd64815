"""Rules on every run of text: font family and colour, NFC, diacritics (Phụ lục I, Mục I.4), leftover placeholders."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from operator import attrgetter

from cchc_docs.checks import spec
from cchc_docs.checks.components import Layout
from cchc_docs.checks.pieces import is_rule_text, one_line, pieces
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.text import fold
from cchc_docs.facts.extract import ParagraphFacts

_BRACKETED = re.compile(r"\[[^\[\]\d]{1,40}\]")
_MODEL_NOTE = re.compile(r"^\((chu ky|ky ten|ky va ghi ro|ky, ghi ro|ky ghi ro|ky, dong dau|ky, ho ten)")
_MODEL_TEXTS = frozenset({"ho va ten", "ho ten", "ho va ten nguoi ky"})
_DOTS = re.compile(r"^(…|\.{3}|_{3})[.…_\s]*$")


def _stories(layout: Layout) -> Iterator[tuple[ParagraphFacts, str]]:
    """Every paragraph with text (see :attr:`Layout.all_paragraphs`) and where it stands."""
    for para in layout.facts.paragraphs:
        yield para, "Nội dung"
    for story in layout.facts.header_footers:
        for para in story.paragraphs:
            yield para, "Đầu trang" if story.kind == "header" else "Chân trang"


@functools.lru_cache(maxsize=1024)
def _is_font(name: str) -> bool:
    return name.strip().casefold() == spec.FONT.casefold()


def _all_slots_right(run) -> bool:
    """Fast path: every font slot names Times New Roman, so no character can escape it."""
    return _is_font(run.font_ascii) and _is_font(run.font_hanh_ansi) and _is_font(run.font_east_asia) \
        and _is_font(run.font_cs)


def _distinct(layout: Layout, *fields: str) -> set:
    """The values of ``fields`` over every run of the document, each value once: a few passes in C,
    where a generated document's thousand runs hold a handful of values and most often nothing to report."""
    runs = layout.all_runs
    return set().union(*(map(attrgetter(field), runs) for field in fields))


@rule("ND30-FONT-FAMILY", "C", spec.ART_FONT, "Phông chữ Times New Roman cho mọi thành phần")
def font_family(layout: Layout) -> Iterator[Hit]:
    if all(_is_font(font) for font in _distinct(layout, "font_ascii", "font_hanh_ansi", "font_east_asia", "font_cs")):
        return  # every slot of every run names Times New Roman
    for para, where in _stories(layout):
        wrong = sorted({font for run in para.runs if run.text.strip() and not _all_slots_right(run)
                        for font in run.fonts if not _is_font(font)})
        if wrong:
            yield Hit("Phông chữ không phải Times New Roman", spec.FONT, ", ".join(wrong), para, where)


@rule("ND30-FONT-COLOR", "C", spec.ART_FONT, "Chữ màu đen")
def font_color(layout: Layout) -> Iterator[Hit]:
    if all(color.lower() in spec.BLACK for color in _distinct(layout, "color")):
        return
    for para, where in _stories(layout):
        wrong = sorted({run.color for run in para.runs if run.text.strip() and run.color.lower() not in spec.BLACK})
        if wrong:
            yield Hit("Chữ không màu đen", "màu đen (auto hoặc 000000)", ", ".join(f"#{c}" for c in wrong), para, where)


@rule("ND30-TEXT-NFC", "P", spec.ART_NFC, "Tiếng Việt lưu ở dạng dựng sẵn (Unicode NFC)")
def text_nfc(layout: Layout) -> Iterator[Hit]:
    if all(map(attrgetter("is_nfc"), layout.all_paragraphs)):
        return  # the common case, told in C
    for para, where in _stories(layout):
        if not para.is_nfc:
            yield Hit("Văn bản có chữ tiếng Việt ở dạng tổ hợp (không phải NFC)", "Unicode dựng sẵn (NFC)",
                      "Unicode tổ hợp (NFD)", para, where)


@rule("ND30-TEXT-DIACRITICS", "C", spec.ART_DIACRITICS, "Văn bản viết tiếng Việt có dấu (bộ mã Unicode TCVN 6909:2001)")
def text_diacritics(layout: Layout) -> Iterator[Hit]:
    if layout.unaccented:
        yield Hit("Văn bản gõ tiếng Việt không dấu", "tiếng Việt có dấu, ví dụ \"Số:\", \"Nơi nhận:\"",
                  "chữ không dấu, ví dụ \"So:\", \"Noi nhan:\"", component="Toàn văn bản")


@functools.lru_cache(maxsize=4096)
def _placeholder(text: str) -> str | None:
    """The placeholder a line still holds, if any (a row of underscores is a rule, not a blank).

    Asked of every line outside the data tables; the lines of one template recur from
    document to document, so the answer is kept by text."""
    if is_rule_text(text):
        return None
    if "[" in text and (match := _BRACKETED.search(text)):
        return match.group(0)
    if _DOTS.match(text) or (_may_fold_to_model(text) and _is_model(fold(text))):
        return text
    return None


def _is_model(folded: str) -> bool:
    return bool(_MODEL_NOTE.match(folded)) or folded in _MODEL_TEXTS


def _may_fold_to_model(text: str) -> bool:
    """Whether ``fold(text)`` could open with "(" or with "h" (as every model text does): most lines
    are told without folding them. Folding drops leading spaces and accents, and puts nothing
    before a "(" (no character decomposes into one)."""
    head = text.lstrip()[:1]
    return not head or head == "(" or bool(unicodedata.combining(head)) or unicodedata.normalize("NFD", head)[0] in "hH"


def _candidate_paragraphs(layout: Layout) -> list[ParagraphFacts]:
    """Paragraphs outside tables, and those of the header and signature tables."""
    layout_tables = {p.para.table_index for part in layout.parts for p in (*part.closing, part.national_title) if p}
    return [para for para in layout.facts.paragraphs if not para.in_table or para.table_index in layout_tables]


@rule("ND30-PLACEHOLDER", "P", spec.ART_PLACEHOLDER,
      "Không còn chữ giữ chỗ của mẫu ([…], \"(Chữ ký …)\", \"Họ và tên\")")
def placeholder(layout: Layout) -> Iterator[Hit]:
    for para in _candidate_paragraphs(layout):
        line = one_line(para)
        if line is not None and not _placeholder(line.strip()):
            continue  # one piece and no placeholder in it: told without cutting it
        for piece in pieces(para):
            found = _placeholder(piece.text)
            if found:
                yield Hit("Còn chữ giữ chỗ chưa thay bằng nội dung thật", "nội dung thật", found, piece,
                          "Chữ giữ chỗ")
