"""Boxes 3–4 (Phụ lục I, Mục II.3, II.4): the Số, ký hiệu line and the place-and-date line; dates cited in the text.

A date is read however it is typed: "ngày 05 tháng 01 năm 2025", without diacritics
("ngay 5 thang 1 nam 2025"), or with slashes ("ngày 30/07/2025"); the padding rules judge
each the same way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from cchc_docs.checks import levels, spec
from cchc_docs.checks.components import Layout, Part
from cchc_docs.checks.pieces import Piece
from cchc_docs.checks.registry import Hit, rule
from cchc_docs.checks.rules.common import documents
from cchc_docs.checks.text import nfc, show

_LOOSE_NUMBER = re.compile(r"^(?P<prefix>s[ốỐ]\s*[:.]?\s*)(?P<n>[^/]*)/(?P<symbol>.*)$", re.I)
_LOOSE_DATE = re.compile(r"ng[àa]y\s+(?P<day>\d+)\s+th[áa]ng\s+(?P<month>\d+)\s+n[ăa]m"
                         r"|ng[àa]y\s+(?P<sday>\d{1,2})/(?P<smonth>\d{1,2})/\d{4}\b", re.I)
_DAY_BLANK = re.compile(r"ngày[\s.…]+tháng", re.I)


@dataclass(frozen=True)
class NumberLine:
    """A Số line cut into its parts, as typed."""

    prefix: str
    number: str
    symbol: str

    @property
    def draft(self) -> bool:
        return bool(spec.DRAFT_NUMBER.match(self.number))

    @property
    def groups(self) -> list[str]:
        return re.sub(r"\s+", "", self.symbol).split("-")


def parse_number(piece: Piece) -> NumberLine | None:
    match = _LOOSE_NUMBER.match(nfc(piece.text))
    return NumberLine(match["prefix"], match["n"], match["symbol"]) if match else None


def _numbers(layout: Layout) -> Iterator[tuple[Part, Piece, NumberLine]]:
    for part in layout.parts:
        if part.number is not None and (line := parse_number(part.number)) is not None:
            yield part, part.number, line


@rule("ND30-NUMBER-MISSING", "C", spec.ART_NUMBER, "Văn bản ban hành có dòng Số, ký hiệu")
def number_missing(layout: Layout) -> Iterator[Hit]:
    for part in documents(layout, "decision", "report", "typed", "plan"):
        if (part.number is None and not part.attached
                and part.national_title is not None and part.place_date is not None):
            yield Hit("Không tìm thấy dòng Số, ký hiệu", "Số: <số>/<ký hiệu>", "không có", part.place_date,
                      "Số, ký hiệu")


@rule("ND30-NUMBER-FORMAT", "C", spec.ART_NUMBER,
      "Dòng số viết \"Số: <số>/<ký hiệu>\" (chữ \"Số\", dấu hai chấm, một dấu cách)", wording=True)
def number_format(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.number
        if piece is None:
            continue
        line = parse_number(piece)
        if line is None:
            yield Hit("Dòng số không có dạng Số: <số>/<ký hiệu>", "Số: 05/QĐ-UBND", show(piece.text),
                      piece, "Số, ký hiệu")
        elif not (line.prefix == "Số: " or (line.draft and line.prefix.rstrip() == "Số:")):
            yield Hit('Chữ "Số:" viết sai', '"Số: " (chữ S hoa, dấu hai chấm, một dấu cách)', show(line.prefix), piece,
                      "Số, ký hiệu")
        elif not line.draft and not line.number.strip().isdigit():
            yield Hit("Số văn bản phải là chữ số Ả Rập", "ví dụ 05, 39", show(line.number), piece, "Số, ký hiệu")


@rule("ND30-NUMBER-LEADING-ZERO", "C", spec.ART_NUMBER, "Số nhỏ hơn 10 viết thêm số 0 phía trước (01…09)")
def number_leading_zero(layout: Layout) -> Iterator[Hit]:
    for _, piece, line in _numbers(layout):
        value = line.number.strip()
        if value.isdigit() and not spec.NUMBER_VALUE.match(value):
            expected = f"{int(value):02d}" if int(value) > 0 else "01 trở lên"
            yield Hit("Số văn bản viết sai số 0 đầu", expected, value, piece, "Số, ký hiệu")


@rule("ND30-NUMBER-SPACES", "C", spec.ART_NUMBER, "Không có dấu cách trong số và ký hiệu")
def number_spaces(layout: Layout) -> Iterator[Hit]:
    for _, piece, line in _numbers(layout):
        spaced = re.search(r"\s", line.symbol.strip()) or (not line.draft and line.number != line.number.strip())
        if spaced:
            yield Hit("Có dấu cách trong ký hiệu văn bản", re.sub(r"\s+", "", f"{line.number}/{line.symbol}"),
                      show(f"{line.number}/{line.symbol}"), piece, "Số, ký hiệu")


@rule("ND30-NUMBER-TYPE-CODE", "C", spec.ART_NUMBER,
      "Ký hiệu bắt đầu bằng chữ viết tắt tên loại theo Phụ lục III, đúng với tên loại văn bản", wording=True)
def number_type_code(layout: Layout) -> Iterator[Hit]:
    for part, piece, line in _numbers(layout):
        if part.type_name is None:
            continue
        expected, got = spec.TYPE_CODES[part.type_name], line.groups[0]
        if got != expected:
            yield Hit("Chữ viết tắt tên loại trong ký hiệu không đúng Phụ lục III", expected, got or "không có",
                      piece, "Số, ký hiệu")


@rule("ND30-NUMBER-CASE", "C", spec.ART_NUMBER, "Ký hiệu viết in hoa (trừ QyĐ, CTr, TTr, TrS), nối bằng dấu \"-\"")
def number_case(layout: Layout) -> Iterator[Hit]:
    for part, piece, line in _numbers(layout):
        groups = line.groups[1:] if part.type_name is not None else line.groups
        wrong = [g for g in groups if g not in spec.CODES and not spec.SYMBOL_GROUP.match(g)]
        if len(line.groups) < 2:
            yield Hit("Ký hiệu thiếu chữ viết tắt tên cơ quan", "<tên loại>-<cơ quan>, ví dụ QĐ-UBND",
                      show(line.symbol), piece, "Số, ký hiệu")
        elif wrong:
            yield Hit("Ký hiệu có chữ thường hoặc ký tự lạ", "chữ in hoa, ví dụ UBND", ", ".join(wrong),
                      piece, "Số, ký hiệu")


@rule("ND30-LETTER-NUMBER", "C", spec.ART_NUMBER, "Ký hiệu công văn không có chữ viết tắt tên loại (không dùng CV)")
def letter_number(layout: Layout) -> Iterator[Hit]:
    known = {code.upper() for code in spec.CODES | spec.INVENTED_CODES}
    for part, piece, line in _numbers(layout):
        if part.type_name is None and line.groups[0].upper() in known:
            yield Hit("Ký hiệu công văn không được có chữ viết tắt tên loại", "<cơ quan>-<đơn vị>, ví dụ UBND-VHXH",
                      show(line.symbol), piece, "Số, ký hiệu")


# --- dates ----------------------------------------------------------------------------------------


@rule("ND30-DATE-MISSING", "C", spec.ART_DATE, "Văn bản ban hành có địa danh và ngày tháng")
def date_missing(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.standalone and part.place_date is None:
            yield Hit("Không tìm thấy dòng địa danh, ngày tháng", "<Địa danh>, ngày … tháng … năm …", "không có",
                      part.number, "Địa danh, ngày tháng")


@rule("ND30-DATE-FORMAT", "C", spec.ART_DATE, "Dòng ngày viết \"<Địa danh>, ngày dd tháng m năm yyyy\"",
      wording=True)
def date_format(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        piece = part.place_date
        if piece is not None and not spec.DATE_LINE.match(nfc(piece.text)):
            yield Hit("Dòng địa danh, ngày tháng sai dạng", f"{_place(piece.text)}, ngày 05 tháng 01 năm 2025",
                      show(piece.text), piece, "Địa danh, ngày tháng")


def _place(text: str) -> str:
    """The place name the line itself gives ("Hà Nội" in "Hà Nội ngày 5/1/2025"), for the example."""
    head = re.split(r",|\bng[àa]y\b", text, maxsplit=1, flags=re.I)[0].strip()
    return head if 0 < len(head) <= 40 else "<Địa danh>"


@rule("ND30-DATE-SAME-LINE", "C", spec.ART_DATE_LEVEL, "Địa danh, ngày tháng trên cùng một dòng với số, ký hiệu")
def date_same_line(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        number, date = part.number, part.place_date
        if number is None or date is None or not (number.para.in_table and date.para.in_table):
            continue
        if number.para.table_index != date.para.table_index or number.para is date.para:
            continue
        lines = levels.lines_below(layout.facts, number, date)
        if abs(lines) >= levels.LEVEL_TOLERANCE_LINES:
            where = "thấp hơn" if lines > 0 else "cao hơn"
            yield Hit("Dòng địa danh, ngày tháng không ngang hàng với dòng Số", "cùng một dòng với số, ký hiệu",
                      f"{where} dòng Số khoảng {levels.say(abs(lines))} dòng", date, "Địa danh, ngày tháng")


def _padding_hits(piece: Piece, component: str, text: str | None = None) -> Iterator[tuple[str, Hit]]:
    """("day" | "month", hit) for each wrongly padded date in a line."""
    for match in _LOOSE_DATE.finditer(nfc(text if text is not None else piece.text)):
        day, month = match["day"] or match["sday"], match["month"] or match["smonth"]
        if not spec.DAY_VALUE.match(day):
            expected = f"{int(day):02d}" if 1 <= int(day) <= 31 else "01–31"
            yield "day", Hit("Ngày nhỏ hơn 10 phải có số 0 phía trước", f"ngày {expected}", f"ngày {day}",
                             piece, component)
        if not spec.MONTH_VALUE.match(month):
            value = int(month)
            expected = (f"{value:02d}" if value <= 2 else str(value)) if 1 <= value <= 12 else "01, 02, 3–12"
            yield "month", Hit("Tháng 1, 2 viết 01, 02; tháng 3–12 không có số 0", f"tháng {expected}",
                               f"tháng {month}", piece, component)


@rule("ND30-DATE-DAY-PADDING", "C", spec.ART_DATE, "Ngày nhỏ hơn 10 viết thêm số 0 (05)")
def date_day_padding(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.place_date is not None:
            yield from (hit for kind, hit in _padding_hits(part.place_date, "Địa danh, ngày tháng") if kind == "day")


@rule("ND30-DATE-MONTH-PADDING", "C", spec.ART_DATE, "Tháng 1, 2 viết 01, 02; tháng 3–12 viết không có số 0")
def date_month_padding(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        if part.place_date is not None:
            yield from (hit for kind, hit in _padding_hits(part.place_date, "Địa danh, ngày tháng") if kind == "month")


@rule("ND30-CITED-DATE-PADDING", "P", spec.ART_CITED_DATE,
      "Ngày tháng trích dẫn trong nội dung viết như dòng ngày tháng")
def cited_date_padding(layout: Layout) -> Iterator[Hit]:
    for part in layout.parts:
        lines = [*part.bases, *part.body, *([part.attached_to] if part.attached_to else [])]
        for piece in lines:
            if _cites_date(piece.text):
                yield from (hit for _, hit in _padding_hits(piece, "Ngày tháng trong nội dung"))


@functools.lru_cache(maxsize=4096)
def _cites_date(text: str) -> bool:
    """Whether a line cites a date: kept by text, as the lines of one template, and a plan's
    tasks, recur from document to document (a search ignoring case tests every character)."""
    return _LOOSE_DATE.search(nfc(text)) is not None
