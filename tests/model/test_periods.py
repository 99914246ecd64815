"""Tests for cchc_docs.periods: codes, labels, cut-off windows and deadlines."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_docs.model import periods
from cchc_docs.model.periods import Calendar, Period, PeriodError


@pytest.mark.parametrize(
    ("code", "label"),
    [
        ("2025-Q1", "quý I năm 2025"),
        ("2025-Q2", "quý II năm 2025"),
        ("2025-Q3", "quý III năm 2025"),
        ("2025-Q4", "quý IV năm 2025"),
        ("2025-H1", "6 tháng đầu năm 2025"),
        ("2025-H2", "6 tháng cuối năm 2025"),
        ("2025-9M", "9 tháng năm 2025"),
        ("2025-Y", "năm 2025"),
    ],
)
def test_every_period_code_has_its_vietnamese_label(code, label):
    assert periods.parse(code).label == label


def test_codes_are_read_in_any_case_and_written_canonically():
    assert periods.parse(" 2025-q3 ").code == "2025-Q3"
    assert periods.parse("2025-9m").code == "2025-9M"
    assert periods.parse("2025-y") == Period(2025, "year")


@pytest.mark.parametrize("code", ["2025-Q5", "2025-Q0", "2025-H3", "25-Q3", "2025Q3", "2025-6M", "Q3-2025", ""])
def test_a_malformed_code_is_refused_with_the_accepted_forms(code):
    with pytest.raises(PeriodError, match=r"mã kỳ báo cáo không hợp lệ.*2025-Q3"):
        periods.parse(code)


# Windows per NĐ 09/2019 (reference §1), including the ones crossing a year boundary.
@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2025-Q1", date(2024, 12, 15), date(2025, 3, 14)),
        ("2025-Q2", date(2025, 3, 15), date(2025, 6, 14)),
        ("2025-Q3", date(2025, 6, 15), date(2025, 9, 14)),
        ("2025-Q4", date(2025, 9, 15), date(2025, 12, 14)),
        ("2026-Q1", date(2025, 12, 15), date(2026, 3, 14)),
        ("2025-H1", date(2024, 12, 15), date(2025, 6, 14)),
        ("2025-H2", date(2025, 6, 15), date(2025, 12, 14)),
        ("2025-9M", date(2024, 12, 15), date(2025, 9, 14)),
        ("2025-Y", date(2024, 12, 15), date(2025, 12, 14)),
        ("2000-Q1", date(1999, 12, 15), date(2000, 3, 14)),
    ],
)
def test_window_follows_the_cut_off_days_of_decree_09(code, start, end):
    assert periods.parse(code).window() == (start, end)


def test_the_nine_month_window_is_a_provincial_setting():
    same_year = Calendar(nine_month_start=(1, 1), nine_month_end=(9, 30))
    assert periods.parse("2025-9M").window(same_year) == (date(2025, 1, 1), date(2025, 9, 30))
    previous_year = Calendar(nine_month_start=(12, 20), nine_month_end=(9, 19))
    assert periods.parse("2025-9M").window(previous_year) == (date(2024, 12, 20), date(2025, 9, 19))


def test_only_the_nine_month_window_depends_on_the_setting():
    other = Calendar(nine_month_start=(1, 1), nine_month_end=(9, 30))
    assert periods.parse("2025-Q3").window(other) == periods.parse("2025-Q3").window()


@pytest.mark.parametrize(
    ("code", "due"),
    [
        ("2025-Q1", date(2025, 3, 10)),
        ("2025-Q3", date(2025, 9, 10)),
        ("2025-H1", date(2025, 6, 10)),
        ("2025-9M", date(2025, 9, 10)),
        ("2025-Y", date(2025, 12, 10)),
    ],
)
def test_reports_are_due_before_the_tenth_of_the_last_month_by_default(code, due):
    assert periods.parse(code).due_date() == due


def test_the_due_day_comes_from_the_rules_and_stays_inside_the_month():
    assert periods.parse("2025-Q3").due_date(Calendar(due_day=5)) == date(2025, 9, 5)
    assert periods.parse("2025-Q1").due_date(Calendar(due_day=31)) == date(2025, 3, 31)
    assert periods.parse("2025-H1").due_date(Calendar(due_day=31)) == date(2025, 6, 30)


@pytest.mark.parametrize(
    ("code", "following"),
    [
        ("2025-Q3", "2025-Q4"),
        ("2025-Q4", "2026-Q1"),
        ("2025-H1", "2025-H2"),
        ("2025-H2", "2026-H1"),
        ("2025-9M", "2025-Q4"),
        ("2025-Y", "2026-Y"),
    ],
)
def test_next_period_is_the_one_the_report_plans_for(code, following):
    assert periods.parse(code).next().code == following


def test_span_is_the_calendar_months_the_period_names():
    assert periods.parse("2025-Q3").span == (date(2025, 7, 1), date(2025, 9, 30))
    assert periods.parse("2024-H1").span == (date(2024, 1, 1), date(2024, 6, 30))
    assert periods.parse("2025-9M").span == (date(2025, 1, 1), date(2025, 9, 30))


def test_periods_of_a_second_half_year_plan():
    codes = [p.code for p in periods.periods_of(date(2025, 7, 1), date(2025, 12, 31))]
    assert codes == ["2025-Q3", "2025-Q4", "2025-H2", "2025-9M", "2025-Y"]


def test_a_period_ending_the_day_before_a_plan_does_not_overlap_it():
    assert not periods.parse("2025-Q2").overlaps(date(2025, 7, 1), date(2025, 12, 31))
    assert not periods.parse("2026-Q1").overlaps(date(2025, 7, 1), date(2025, 12, 31))
    assert periods.parse("2025-Q3").overlaps(date(2025, 9, 30), date(2025, 12, 31))
