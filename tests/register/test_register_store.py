"""Numbers in a series: consecutive from 01 each year, in date order, never twice, given back without a gap."""

from __future__ import annotations

import datetime as dt

import pytest

from cchc_docs.register import schema
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.store import ISSUED, PENDING, VOID, Row, open_register


@pytest.fixture
def register(tmp_path):
    with open_register(tmp_path / schema.FILE_NAME, create=True) as opened:
        yield opened


def row(day: str, symbol: str = "QĐ-UBND", **changes) -> Row:
    return Row(dt.date.fromisoformat(day), symbol, "trích yếu", **changes)


def refs(register) -> list[str]:
    return [str(e.reference) for e in register.rows()]


def test_each_type_has_its_own_series_by_default(register):
    for day, symbol in [("2025-03-01", "QĐ-UBND"), ("2025-03-02", "BC-UBND"), ("2025-03-03", "QĐ-UBND"),
                        ("2025-03-04", "UBND-VP")]:
        register.allocate(row(day, symbol))
    assert refs(register) == ["01/BC-UBND", "01/UBND-VP", "01/QĐ-UBND", "02/QĐ-UBND"]
    assert [e.type_name for e in register.rows()] == ["Báo cáo", "Công văn", "Quyết định", "Quyết định"]


def test_a_shared_series_numbers_every_type_in_one_run(register):
    register.set_mode("chung")
    for day, symbol in [("2025-03-01", "QĐ-UBND"), ("2025-03-02", "BC-UBND"), ("2025-03-03", "QĐ-UBND")]:
        register.allocate(row(day, symbol))
    assert refs(register) == ["01/QĐ-UBND", "02/BC-UBND", "03/QĐ-UBND"]


def test_the_series_cannot_change_once_numbers_are_given(register):
    register.allocate(row("2025-03-01"))
    with pytest.raises(RegisterError, match="chỉ chọn được cách đánh số khi sổ còn trống"):
        register.set_mode("chung")
    assert register.mode == "theo-loai"


def test_the_first_document_dated_1_january_gets_01(register):
    for day in ["2025-12-30", "2025-12-31"]:
        register.allocate(row(day))
    first = register.allocate(row("2026-01-01"))
    assert (first.year, first.number, str(first.reference)) == (2026, 1, "01/QĐ-UBND")
    assert register.allocate(row("2026-01-01")).number == 2


def test_a_date_before_the_previous_number_is_refused(register):
    register.allocate(row("2025-03-10"))
    with pytest.raises(RegisterError) as caught:
        register.allocate(row("2025-03-09"))
    assert "ngày văn bản 09/3/2025 trước ngày của số trước trong sổ (01/QĐ-UBND ngày 10/3/2025)" in str(caught.value)
    assert refs(register) == ["01/QĐ-UBND"]
    assert register.allocate(row("2025-03-10")).number == 2  # the same day is fine


def test_a_number_given_back_while_last_is_deleted_else_voided(register):
    first = register.allocate(row("2025-03-01", state=PENDING))
    assert register.release(first, "lỗi") == "deleted"
    assert refs(register) == []
    first = register.allocate(row("2025-03-01", state=PENDING))
    register.allocate(row("2025-03-02"))
    assert register.release(first, "mẫu hỏng") == VOID
    assert [(e.number, e.state, e.reason) for e in register.rows()] == [(1, VOID, "mẫu hỏng"), (2, ISSUED, None)]
    assert register.allocate(row("2025-03-03")).number == 3  # a void number is never given again


def test_a_number_recorded_by_hand_must_be_free_and_in_date_order(register):
    register.record(row("2025-05-10", number=40))
    register.record(row("2025-06-01", number=42))
    with pytest.raises(RegisterError, match=r"số 40 năm 2025 \(loại QĐ \(Quyết định\)\) đã có trong sổ"):
        register.record(row("2025-05-11", number=40))
    with pytest.raises(RegisterError, match="sau ngày của số sau nó"):
        register.record(row("2025-06-02", number=41))
    register.record(row("2025-05-20", number=41))
    assert register.allocate(row("2025-06-01")).number == 43
