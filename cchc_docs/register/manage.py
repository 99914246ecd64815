"""The clerk's other register commands: choose the series, record a number given elsewhere, void a number.

Each takes the numbering lock (:mod:`.lock`), so it never runs in the middle of an `issue`.
A number recorded here keeps the series whole: a document typed in Word and numbered on
paper, or a number typed into the plan data by hand, is entered so the next number follows
it; a voided number stays in the register (Ghi chú: the reason), never given again.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from cchc_docs.register import audit, documents, schema, series, yamledit
from cchc_docs.register.documents import NUMBER
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.issue import read_text, session, write_text
from cchc_docs.register.series import Reference
from cchc_docs.register.store import ISSUED, STATE_VI, VOID, Register, Row


def init(path: Path, mode: str, timeout: float | None = None) -> str:
    """Create the register (if need be) and choose how it numbers; returns the mode now in force."""
    with session(path, timeout) as register:
        register.set_mode(mode)
        return register.mode


def add_external(path: Path, row: Row, timeout: float | None = None) -> Row:
    """Record a document issued outside the program: under its own number, or (number 0) the next one."""
    with session(path, timeout) as register:
        return register.record(row) if row.number else register.allocate(row)


def add_from_data(plan: Path, document: str, today: dt.date, copies: int | None = None,
                  register_path: Path | None = None, timeout: float | None = None) -> Row:
    """Record the number a document of a plan already has in its data (typed by hand), with its columns."""
    path = register_path or schema.default_path(plan)
    target = documents.find(plan, document)
    date = target.complete_date
    if target.number is None or date is None:
        raise RegisterError(f"{target.where}: {target.field}: văn bản chưa có số và ngày ký đầy đủ trong dữ liệu; "
                            f"cấp số bằng: cchc-docs issue {plan} --doc {document}")
    context = documents.context_of(target, today)
    with session(path, timeout) as register:
        register.remember_body(documents.body_name(context))
        columns = documents.columns(context, target.symbol)
        row = Row(date, target.symbol, **columns, number=target.number, copies=copies,
                  plan=audit.plan_key(plan, register.path), document=document)
        return register.record(row)


def void(path: Path, reference: Reference, year: int | None, reason: str,
         timeout: float | None = None) -> tuple[Row, Path | None]:
    """Void a number (it stays in the register, never given again).

    When the program issued it and the data still carries it, the number is taken out of
    the data too (the date stays), so the document can be numbered again with `issue`.
    Returns the voided row and the data file changed, if any.
    """
    if not reason.strip():
        raise RegisterError("cần lý do hủy số (--reason)")
    with session(path, timeout) as register:
        row = _one(register, reference, year)
        if row.state != ISSUED:
            raise RegisterError(f"{path}: số {row.describe()} {STATE_VI[row.state]}, không hủy được"
                                + (f" ({row.reason})" if row.state == VOID else ""))
        row = register.update(row, state=VOID, reason=reason.strip())
        return row, _unnumber(register, row)


def _one(register: Register, reference: Reference, year: int | None) -> Row:
    key = register.key_of(reference.symbol)
    rows = [e for e in register.rows(year) if (e.series, e.number, e.symbol) ==
            (key, reference.number, reference.symbol)]
    if not rows:
        where = f" năm {year}" if year else ""
        raise RegisterError(f"{register.path}: không có số {reference}{where} trong sổ")
    if len(rows) > 1:
        years = ", ".join(str(e.year) for e in rows)
        raise RegisterError(f"{register.path}: số {reference} có trong nhiều năm ({years}); chọn năm bằng --year")
    return rows[0]


def _unnumber(register: Register, row: Row) -> Path | None:
    """Take a voided number out of the data of the document it was issued for, if it is still there."""
    if not (row.plan and row.document):
        return None
    plan = register.path.parent / row.plan
    try:
        target = documents.find(plan, row.document)
    except RegisterError:
        return None  # the plan or its document is gone: nothing to change
    if target.number != row.number or target.complete_date != row.date:
        return None
    text, bom = read_text(target.source)
    write_text(target.source, yamledit.edit(text, str(target.source), target.mapping, {NUMBER: None}), bom)
    return target.source


def external_row(symbol: str, date: dt.date, summary: str, number: int | None = None, **columns) -> Row:
    """A row for a document issued outside the program, its ký hiệu checked (``KH-UBND``, ``UBND-VP``)."""
    symbol = series.check_symbol(symbol)
    if not summary.strip():
        raise RegisterError("cần trích yếu nội dung văn bản (--summary)")
    return replace(Row(date, symbol, summary.strip(), **columns), number=number or 0, state=ISSUED)

