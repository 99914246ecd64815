"""The scalar value types of the data format: each parses the text the user wrote.

A value type is a class with a ``parse(text)`` classmethod that returns the value or
raises :class:`~cchc_docs.model.schema.Invalid` saying what was expected; ``expected``
is the text the data-format documentation and the messages show. The records that use
them are in :mod:`cchc_docs.model.plan` (which re-exports them under their usual names).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from cchc_docs import vn
from cchc_docs.model.periods import YEARS
from cchc_docs.model.schema import Invalid


def _short(text: str, limit: int) -> str:
    if len(text) > limit:
        raise Invalid(f"quá dài: {len(text)} ký tự", f"tối đa {limit} ký tự")
    return text


class Date(dt.date):
    """A calendar date written YYYY-MM-DD."""

    expected = "ngày dạng YYYY-MM-DD, ví dụ '2025-07-31'"

    @classmethod
    def parse(cls, text: str) -> Date:
        match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", text.strip())
        if not match:
            raise Invalid("ngày không đúng dạng", cls.expected)
        year, month, day = map(int, match.groups())
        return cls(*_checked_date(year, month, day))


def _checked_date(year: int, month: int, day: int) -> tuple[int, int, int]:
    _checked_year(year)
    if not 1 <= month <= 12:
        raise Invalid(f"không có tháng {month}", "tháng từ 01 đến 12")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise Invalid(
            f"ngày không tồn tại: tháng {month} năm {year} chỉ có {last} ngày", f"ngày từ 01 đến {last}"
        )
    return year, month, day


def _checked_year(year: int) -> int:
    if year not in YEARS:
        raise Invalid(f"năm {year} nằm ngoài khoảng cho phép", f"năm từ {YEARS[0]} đến {YEARS[-1]}")
    return year


@dataclass(frozen=True)
class IssueDate:
    """The date a document is signed; the day may still be unknown in a draft."""

    year: int
    month: int
    day: int | None = None

    expected = "ngày ký dạng YYYY-MM-DD, hoặc YYYY-MM khi chưa biết ngày (bản dự thảo)"

    @classmethod
    def parse(cls, text: str) -> IssueDate:
        text = text.strip()
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
            year, month = map(int, text.split("-"))
            _checked_date(year, month, 1)
            return cls(year, month)
        date = Date.parse(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None
        if date is None:
            raise Invalid("ngày ký không đúng dạng", cls.expected)
        return cls(date.year, date.month, date.day)

    @property
    def complete(self) -> bool:
        return self.day is not None

    def as_date(self) -> dt.date | None:
        return dt.date(self.year, self.month, self.day) if self.day else None


class DocNumber(int):
    """The number part of a số/ký hiệu, e.g. 39 in "39/QĐ-UBND"."""

    expected = "số thứ tự của văn bản, ví dụ '39' hoặc '05'"
    max_digits = 4

    @classmethod
    def parse(cls, text: str) -> DocNumber:
        text = text.strip()
        if "/" in text or "-" in text:
            raise Invalid(
                "chỉ ghi số thứ tự", cls.expected,
                hint="ký hiệu (như /QĐ-UBND) do chương trình tự tạo",
            )
        if not re.fullmatch(r"[0-9]+", text) or int(text) < 1:
            raise Invalid("số văn bản phải là số nguyên dương", cls.expected)
        if len(text.lstrip("0")) > cls.max_digits:
            raise Invalid("số văn bản quá lớn", f"tối đa {cls.max_digits} chữ số (số chạy từ 01 mỗi năm)")
        return cls(int(text))


class UnitCode(str):
    """The code of a unit of the issuing body, e.g. VHXH."""

    expected = "mã đơn vị viết hoa, ví dụ 'VHXH'"
    max_length = 20

    @classmethod
    def parse(cls, text: str) -> UnitCode:
        text = text.strip()
        if not re.fullmatch(r"[A-ZĐ][A-ZĐ0-9]*", text):
            raise Invalid("mã đơn vị không hợp lệ", cls.expected, hint="chỉ gồm chữ in hoa và chữ số, không dấu cách")
        return cls(_short(text, cls.max_length))


class OneLead(tuple):
    """A task's lead written as one code (``lead: VHXH``): read as a list of one."""

    expected = UnitCode.expected

    @classmethod
    def parse(cls, text: str) -> tuple[UnitCode, ...]:
        return (UnitCode.parse(text),)


class Leads:
    """A task's lead units: one code, or a list when several units lead the task jointly.

    Either way the value is a tuple of codes, so every reader handles one shape; the
    single-code form stays the usual way to write it.
    """

    expected = "mã đơn vị, ví dụ 'VHXH'; nhiều cơ quan cùng chủ trì thì ghi danh sách, ví dụ [VHXH, VP]"

    @classmethod
    def choose(cls, value: object) -> type:
        return tuple[UnitCode, ...] if isinstance(value, list) else OneLead


class Identifier(str):
    """An id that other data refers to (task, target), e.g. T07."""

    expected = "mã gồm chữ cái, chữ số, '-' hoặc '_', ví dụ 'T07'"
    max_length = 30  # ids name output files (quyet-dinh-sua-doi-<id>.docx)

    @classmethod
    def parse(cls, text: str) -> Identifier:
        text = text.strip()
        if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_-]*", text):
            raise Invalid("mã không hợp lệ", cls.expected)
        return cls(_short(text, cls.max_length))


class Amount(str):
    """A non-negative decimal figure as written, e.g. "90" or "96,5"."""

    expected = "một số, ví dụ '90' hoặc '96,5'"

    @classmethod
    def parse(cls, text: str) -> Amount:
        text = text.strip()
        if not re.fullmatch(r"[0-9]{1,12}([.,][0-9]{1,6})?", text):
            raise Invalid("không phải một số", cls.expected,
                          hint="tối đa 12 chữ số phần nguyên, 6 chữ số phần thập phân")
        return cls(text.replace(".", ","))


class MonthDay(tuple):
    """A day of the year without the year, written MM-DD, e.g. "12-15" for 15 December."""

    expected = "ngày trong năm dạng MM-DD, ví dụ '12-15' (ngày 15 tháng 12)"

    @classmethod
    def parse(cls, text: str) -> MonthDay:
        match = re.fullmatch(r"([0-9]{2})-([0-9]{2})", text.strip())
        if not match:
            raise Invalid("ngày trong năm không đúng dạng", cls.expected)
        month, day = map(int, match.groups())
        if (month, day) == (2, 29):
            raise Invalid("ngày 29/02 không có trong mọi năm", "một ngày có trong mọi năm")
        _checked_date(2001, month, day)
        return cls((month, day))


@dataclass(frozen=True)
class Deadline:
    """When a task is due: a date, a month, a quarter, or "thường xuyên" (ongoing)."""

    kind: Literal["date", "month", "quarter", "ongoing"]
    year: int = 0
    month: int = 0
    day: int = 0
    quarter: int = 0

    expected = "'YYYY-MM-DD', 'YYYY-MM' (cả tháng), 'YYYY-Qn' (cả quý) hoặc 'thường xuyên'"

    @classmethod
    def parse(cls, text: str) -> Deadline:
        text = vn.nfc(text.strip())
        if text.lower() == "thường xuyên":
            return cls("ongoing")
        if match := re.fullmatch(r"([0-9]{4})-[Qq]([1-4])", text):
            return cls("quarter", year=_checked_year(int(match[1])), quarter=int(match[2]))
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}", text):
            return cls("month", year=IssueDate.parse(text).year, month=IssueDate.parse(text).month)
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
            d = Date.parse(text)
            return cls("date", year=d.year, month=d.month, day=d.day)
        raise Invalid("thời hạn không đúng dạng", cls.expected)

    @property
    def due(self) -> dt.date | None:
        """The last day the task may be finished on; None when ongoing."""
        if self.kind == "date":
            return dt.date(self.year, self.month, self.day)
        if self.kind == "month":
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        if self.kind == "quarter":
            last = self.quarter * 3
            return dt.date(self.year, last, calendar.monthrange(self.year, last)[1])
        return None

    @property
    def starts(self) -> dt.date | None:
        """The first day of the deadline's span (its own day for a date)."""
        if self.kind == "month":
            return dt.date(self.year, self.month, 1)
        if self.kind == "quarter":
            return dt.date(self.year, self.quarter * 3 - 2, 1)
        return self.due

    @property
    def label(self) -> str:
        """How the deadline is printed in the appendix table."""
        if self.kind == "date":
            return vn.short_date(self.due)
        if self.kind == "month":
            return f"Tháng {vn.month_text(self.month)}/{self.year}"
        if self.kind == "quarter":
            return f"Quý {vn.roman(self.quarter)}/{self.year}"
        return "Thường xuyên"
