"""Reporting periods: codes, Vietnamese labels, data cut-off windows and deadlines.

A period is written ``2025-Q3`` (quý), ``2025-H1`` / ``2025-H2`` (6 tháng đầu / cuối
năm), ``2025-9M`` (9 tháng) or ``2025-Y`` (năm). Its *window* is the span of data a
report on it covers, per Nghị định 09/2019/NĐ-CP (docs: cchc-reporting.md §1): a
quarter runs from the 15th of the month before it to the 14th of its last month, a
half-year and a year likewise from 15/12 or 15/6 to 14/6 or 14/12. The decree does not
define the 9-month window; provinces do, so it is a :class:`Calendar` setting (default
Khánh Hòa's 15/12 of the previous year to 14/9). Pure: no "today", no I/O.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

from cchc_docs import vn
from cchc_docs.errors import CchcError

# The years a plan, a report or a deadline may name (docs/data-format.md, "Giới hạn").
YEARS = range(2000, 2101)

Kind = Literal["quarter", "half", "nine_months", "year"]

# The cut-off days of NĐ 09/2019: windows end on the 14th and start on the 15th.
CUT_OFF_DAY = 14
START_DAY = 15

EXPECTED = ("mã kỳ báo cáo dạng '2025-Q3' (quý I–IV), '2025-H1'/'2025-H2' (6 tháng), '2025-9M' (9 tháng) "
            "hoặc '2025-Y' (năm)")


class PeriodError(CchcError):
    """A period code that cannot be read, or a period that does not fit a plan."""


MonthDay = tuple[int, int]  # (month, day)


@dataclass(frozen=True)
class Calendar:
    """The settings of the body that issues the reporting regime (see IssuingBody)."""

    nine_month_start: MonthDay = (12, 15)
    """First day of the 9-month window; after its end in the year means the previous year."""
    nine_month_end: MonthDay = (9, 14)
    due_day: int = 10
    """Reports are due before this day of the period's last month (the seed plan: 10)."""


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period: ``code`` as written canonically, e.g. ``2025-Q3``."""

    year: int
    kind: Kind
    n: int = 0  # the quarter (1–4) or the half (1–2); 0 for 9 months and the year

    @property
    def code(self) -> str:
        suffix = {"quarter": f"Q{self.n}", "half": f"H{self.n}", "nine_months": "9M", "year": "Y"}
        return f"{self.year}-{suffix[self.kind]}"

    @property
    def label(self) -> str:
        """``quý III năm 2025``, ``6 tháng đầu năm 2025``, ``9 tháng năm 2025``, ``năm 2025``."""
        return f"{self.name} năm {self.year}" if self.kind != "year" else f"năm {self.year}"

    @property
    def name(self) -> str:
        """The label without the year: ``quý III``, ``6 tháng đầu``, ``9 tháng``, ``năm``."""
        if self.kind == "quarter":
            return f"quý {vn.roman(self.n)}"
        if self.kind == "half":
            return "6 tháng đầu" if self.n == 1 else "6 tháng cuối"
        return "9 tháng" if self.kind == "nine_months" else "năm"

    @property
    def first_month(self) -> int:
        return {"quarter": 3 * self.n - 2, "half": 6 * self.n - 5}.get(self.kind, 1)

    @property
    def last_month(self) -> int:
        return {"quarter": 3 * self.n, "half": 6 * self.n, "nine_months": 9}.get(self.kind, 12)

    @property
    def span(self) -> tuple[dt.date, dt.date]:
        """The calendar months the period names (1/7–30/9 for quý III), not its window."""
        last = calendar.monthrange(self.year, self.last_month)[1]
        return dt.date(self.year, self.first_month, 1), dt.date(self.year, self.last_month, last)

    def window(self, reporting: Calendar = Calendar()) -> tuple[dt.date, dt.date]:
        """The data window (both ends included) per NĐ 09/2019, or the province's rule for 9M."""
        if self.kind == "nine_months":
            return _month_day_window(self.year, reporting.nine_month_start, reporting.nine_month_end)
        start = _months_back(self.year, self.first_month, 1)
        return dt.date(start[0], start[1], START_DAY), dt.date(self.year, self.last_month, CUT_OFF_DAY)

    def due_date(self, reporting: Calendar = Calendar()) -> dt.date:
        """The day the report must reach the recipient *before*: ``due_day`` of the last month."""
        last = calendar.monthrange(self.year, self.last_month)[1]
        return dt.date(self.year, self.last_month, min(reporting.due_day, last))

    def next(self) -> Period:
        """The period a report plans for (mục IV): the next quarter, half or year; quý IV after 9M."""
        if self.kind == "quarter":
            return Period(self.year + self.n // 4, "quarter", self.n % 4 + 1)
        if self.kind == "half":
            return Period(self.year + self.n // 2, "half", self.n % 2 + 1)
        if self.kind == "nine_months":
            return Period(self.year, "quarter", 4)
        return Period(self.year + 1, "year")

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Whether the period's months meet the span ``start``–``end``."""
        first, last = self.span
        return first <= end and start <= last

    def __str__(self) -> str:
        return self.code


def parse(code: str) -> Period:
    """Read a period code (any case, surrounding spaces ignored); raise PeriodError."""
    text = code.strip().upper()
    match = re.fullmatch(r"([0-9]{4})-(Q[1-4]|H[12]|9M|Y)", text)
    if not match:
        raise PeriodError(f"mã kỳ báo cáo không hợp lệ: '{code.strip()}' (cần {EXPECTED})")
    year, part = int(match[1]), match[2]
    if year not in YEARS:
        raise PeriodError(f"mã kỳ báo cáo không hợp lệ: năm {year} (cần năm từ {YEARS[0]} đến {YEARS[-1]})")
    if part.startswith("Q"):
        return Period(year, "quarter", int(part[1]))
    if part.startswith("H"):
        return Period(year, "half", int(part[1]))
    return Period(year, "nine_months") if part == "9M" else Period(year, "year")


def periods_of(start: dt.date, end: dt.date) -> list[Period]:
    """Every period whose months meet a plan running ``start``–``end``, in a stable order."""
    kinds = [("quarter", n) for n in (1, 2, 3, 4)] + [("half", 1), ("half", 2), ("nine_months", 0), ("year", 0)]
    found = [Period(y, k, n) for y in range(start.year, end.year + 1) for k, n in kinds]
    return [p for p in found if p.overlaps(start, end)]


def _months_back(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) ``count`` months before ``month`` of ``year`` (0 → December before)."""
    index = year * 12 + (month - 1) - count
    return index // 12, index % 12 + 1


def _month_day_window(year: int, start: MonthDay, end: MonthDay) -> tuple[dt.date, dt.date]:
    """A window ending on ``end`` of ``year`` that starts in the previous year when ``start`` comes later."""
    start_year = year - 1 if start > end else year
    return dt.date(start_year, *start), dt.date(year, *end)
