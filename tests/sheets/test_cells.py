"""Cell values as clerks leave them: dates in every form, typed statuses, counts as floats."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_docs.sheets import cells


@pytest.mark.parametrize("written", [
    "15/10/2025", "15-10-2025", "15.10.2025", "15/10/25", "2025-10-15", " 15/10/2025  ",
    "15/10/2025 08:30", "15/10/2025 8:30:00 SA", 45945, 45945.0, dt.datetime(2025, 10, 15, 9, 41),
    dt.date(2025, 10, 15),
])
def test_every_way_of_writing_a_date_is_read(written):
    assert cells.date(written) == dt.date(2025, 10, 15)


def test_a_date_that_does_not_exist_is_named_as_written():
    with pytest.raises(cells.CellError, match=r"^ngày hoàn thành 31/02/2025 không có thật$"):
        cells.date("31/02/2025")


@pytest.mark.parametrize("written", ["hôm qua", "15/2025", "-3"])
def test_text_that_is_no_date_says_what_is_needed(written):
    with pytest.raises(cells.CellError, match="cần ngày/tháng/năm"):
        cells.date(written)


@pytest.mark.parametrize(("written", "meant"), [
    ("hoàn thành", "hoàn thành"), ("Hoàn Thành", "hoàn thành"), ("HOÀN THÀNH ", "hoàn thành"),
    ("xong", "hoàn thành"), ("Đã hoàn thành.", "hoàn thành"), ("hoa\u0300n tha\u0300nh", "hoàn thành"),  # NFD
    ("đang làm", "đang thực hiện"), ("dang thuc hien", "đang thực hiện"), ("Chưa", "chưa thực hiện"),
])
def test_typed_statuses_are_understood(written, meant):
    assert cells.status(written) == meant


def test_an_unknown_status_suggests_the_nearest():
    with pytest.raises(cells.CellError, match="có phải ý bạn là 'hoàn thành'"):
        cells.status("hoàn thàn")


@pytest.mark.parametrize(("written", "text"), [(35.0, "35"), (35, "35"), ("1.247", "1.247"), (96.5, "96,5"),
                                               (" 12 ", "12"), (None, None)])
def test_counts_are_passed_on_as_the_status_format_writes_them(written, text):
    assert cells.count(written) == text


def test_evidence_splits_on_semicolons_and_lines():
    written = "QĐ số 1/QĐ-UBND;  KH số 2/KH-UBND\nBC số 3"
    assert cells.evidence(written) == ("QĐ số 1/QĐ-UBND", "KH số 2/KH-UBND", "BC số 3")
