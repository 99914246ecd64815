"""Single-line matchers and the cursor that recognition walks a part with.

Each matcher says whether one piece of text *is* a given component line (a Quốc hiệu,
a Số line, "Kính gửi:" …) by its text alone — on folded text where the wording itself
may be typed wrongly, so that a rule can then report what is wrong in it.
"""

from __future__ import annotations

import re

from cchc_docs.checks import spec
from cchc_docs.checks.pieces import Piece, is_rule_text, same_place
from cchc_docs.checks.text import BULLETS, fold, fold_start, is_upper, letters, similar
from cchc_docs.facts.extract import ParagraphFacts

NATIONAL = letters(spec.NATIONAL_TITLES[0])
NATIONAL_HEAD, NATIONAL_TAIL = letters("CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), letters("VIỆT NAM")
MOTTO = letters(spec.MOTTO)
APPENDIX = re.compile(r"^phu luc( so)?( ([ivx]+|\d+|[a-z]))?\s*[.:]?$")
DECIDES = re.compile(r"^quyet (dinh|nghi)\s*:?$")
DATE = re.compile(r"ngay\b.*\bthang\b.*\bnam\b|ngay\s*\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")
NUMBER = re.compile(r"^số\s*[:.]?|^so\s*[:.]", re.I)  # "So:" in a text typed without diacritics
PREFIX = re.compile(r"^(tm|kt|q|tl|tuq|t/m|k/t|t\.m|k\.t)[\s./]|^(thay mat|ky thay|thua lenh|thua uy quyen)\b")
STAMPS = ("khan", "thuong khan", "hoa toc", "mat", "toi mat", "tuyet mat", "luu hanh noi bo", "xem xong tra lai")
BOX12 = re.compile(r"^[A-ZĐ]{1,8}\.?\s*\(\d+\)\.?$")


# --- matching single lines ----------------------------------------------------------------


def is_national_title(piece: Piece) -> bool:
    if len(piece.text) > 80:
        return False
    folded = fold(piece.text)
    if len(folded) > 60 or not ("viet" in folded or "nghia" in folded or "cong hoa" in folded):
        return False
    return similar(piece.text, NATIONAL, 0.85)


def is_national_head(piece: Piece) -> bool:
    """The first line of a Quốc hiệu broken in two ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA" / "VIỆT NAM")."""
    if not 20 <= len(piece.text) <= 40 or "viet" in (folded := fold(piece.text)):
        return False
    return ("cong hoa" in folded or "chu nghia" in folded) and similar(piece.text, NATIONAL_HEAD, 0.9)


def is_national_tail(piece: Piece) -> bool:
    return letters(piece.text) == NATIONAL_TAIL


def is_motto(piece: Piece) -> bool:
    if len(piece.text) > 60:
        return False
    folded = fold(piece.text)
    if len(folded) > 45 or not ("doc lap" in folded or "hanh phuc" in folded or "tu do" in folded):
        return False
    return similar(piece.text, MOTTO, 0.8)


def is_number(piece: Piece) -> bool:
    return bool(NUMBER.match(piece.text)) and "/" in piece.text and len(piece.text) < 60


def is_date(piece: Piece) -> bool:
    if len(piece.text) >= 90 or piece.text.startswith("(") or is_attached_line(piece):
        return False
    return bool(DATE.search(fold(piece.text)))


def is_letter_summary(piece: Piece) -> bool:
    folded = fold_start(piece.text)
    return folded.startswith("v/v") or folded.startswith("ve viec")


def is_stamp(piece: Piece) -> bool:
    if len(piece.text) > 40:
        return False
    folded = fold(piece.text).strip("()[] ")
    return folded in STAMPS or folded.startswith("du thao")


def type_name(piece: Piece) -> str | None:
    """The folded type name when the line is exactly a tên loại of Phụ lục III."""
    if len(piece.text) > 30:
        return None
    folded = fold(piece.text)
    return folded if folded in spec.TYPE_CODES else None


def is_appendix_label(piece: Piece) -> bool:
    return not piece.para.in_table and len(piece.text) < 30 and bool(APPENDIX.match(fold(piece.text)))


def is_attached_line(piece: Piece) -> bool:
    """"(Kèm theo …)", and "(Ban hành kèm theo …)" under a Quy chế, Quy định."""
    folded = fold_start(piece.text)
    return folded.lstrip("( ").startswith("kem theo") or folded.startswith("(ban hanh kem theo")


def is_basis(piece: Piece) -> bool:
    return fold_start(piece.text).startswith(("can cu", "theo de nghi", "xet de nghi", "xet "))


def is_addressee(piece: Piece) -> bool:
    return fold_start(piece.text).startswith("kinh gui")


def is_recipients_label(piece: Piece) -> bool:
    head = fold_start(piece.text)
    return head.startswith("noi nhan") and (head.startswith("noi nhan:") or bool(re.match(r"^noi nhan\s*:?$", head)))


def is_signer_prefix(piece: Piece) -> bool:
    return len(piece.text) <= 80 and bool(PREFIX.match(fold_start(piece.text))) and is_upper(piece.text)


def starts_with_bullet(text: str) -> bool:
    return bool(text) and text[0] in BULLETS


def is_note(piece: Piece) -> bool:
    """A parenthesised note in the signer block: "(Đã ký)", "(Chữ ký, dấu)"."""
    return piece.text.startswith("(") and piece.text.endswith(")")


# --- walking a part -------------------------------------------------------------------------


class Cursor:
    """The paragraphs of one part, with the helpers recognition walks them with."""

    def __init__(self, paragraphs: tuple[ParagraphFacts, ...], first: int, last: int) -> None:
        self.all, self.first, self.last = paragraphs, first, last

    def span(self, start: int | None = None, stop: int | None = None) -> tuple[ParagraphFacts, ...]:
        start = self.first if start is None else start
        stop = self.last if stop is None else stop
        return self.all[start : stop + 1]

    def head(self, count: int) -> tuple[ParagraphFacts, ...]:
        """The part's first ``count`` paragraphs (not a copy of a long part to keep its start)."""
        return self.all[self.first : min(self.first + count, self.last + 1)]

    def next_text(self, after: int, limit: int | None = None, within=None) -> ParagraphFacts | None:
        """The next paragraph with text after ``after`` (a row of underscores is a rule, not
        text): outside tables, or in the cell of ``within`` (a paragraph) when given."""
        for para in self.span(after + 1, limit):
            if para.in_table and not (within is not None and within.in_table and same_place(para, within)):
                return None
            if not para.is_empty and not is_rule_text(para.text):
                return para
        return None
