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
from cchc_docs.register.store import ISSUED, STATE_VI, VOID, Entry, Register


def init(path: Path, mode: str, timeout: float | None = None) -> str:
    """Create the register (if need be) and choose how it numbers; returns the mode now in force."""
    with session(path, timeout) as register:
        register.set_mode(mode)
        return register.mode


def add_external(path: Path, entry: Entry, timeout: float | None = None) -> Entry:
    """Record a document issued outside the program: under its own number, or (number 0) the next one."""
    with session(path, timeout) as register:
        return register.record(entry) if entry.number else register.allocate(entry)


def add_from_data(plan: Path, document: str, today: dt.date, copies: int | None = None,
                  register_path: Path | None = None, timeout: float | None = None) -> Entry:
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
        entry = Entry(date, target.symbol, **columns, number=target.number, copies=copies,
                      plan=audit.plan_key(plan, register.path), document=document)
        return register.record(entry)


def void(path: Path, reference: Reference, year: int | None, reason: str,
         timeout: float | None = None) -> tuple[Entry, Path | None]:
    """Void a number (it stays in the register, never given again).

    When the program issued it and the data still carries it, the number is taken out of
    the data too (the date stays), so the document can be numbered again with `issue`.
    Returns the voided row and the data file changed, if any.
    """
    if not reason.strip():
        raise RegisterError("cần lý do hủy số (--reason)")
    with session(path, timeout) as register:
        entry = _one(register, reference, year)
        if entry.state != ISSUED:
            raise RegisterError(f"{path}: số {entry.describe()} {STATE_VI[entry.state]}, không hủy được"
                                + (f" ({entry.reason})" if entry.state == VOID else ""))
        entry = register.update(entry, state=VOID, reason=reason.strip())
        return entry, _unnumber(register, entry)


def _one(register: Register, reference: Reference, year: int | None) -> Entry:
    key = register.key_of(reference.symbol)
    rows = [e for e in register.entries(year) if (e.series, e.number, e.symbol) ==
            (key, reference.number, reference.symbol)]
    if not rows:
        where = f" năm {year}" if year else ""
        raise RegisterError(f"{register.path}: không có số {reference}{where} trong sổ")
    if len(rows) > 1:
        years = ", ".join(str(e.year) for e in rows)
        raise RegisterError(f"{register.path}: số {reference} có trong nhiều năm ({years}); chọn năm bằng --year")
    return rows[0]


def _unnumber(register: Register, entry: Entry) -> Path | None:
    """Take a voided number out of the data of the document it was issued for, if it is still there."""
    if not (entry.plan and entry.document):
        return None
    plan = register.path.parent / entry.plan
    try:
        target = documents.find(plan, entry.document)
    except RegisterError:
        return None  # the plan or its document is gone: nothing to change
    if target.number != entry.number or target.complete_date != entry.date:
        return None
    text, bom = read_text(target.source)
    write_text(target.source, yamledit.edit(text, str(target.source), target.mapping, {NUMBER: None}), bom)
    return target.source


def external_entry(symbol: str, date: dt.date, summary: str, number: int | None = None, **columns) -> Entry:
    """A row for a document issued outside the program, its ký hiệu checked (``KH-UBND``, ``UBND-VP``)."""
    symbol = series.check_symbol(symbol)
    if not summary.strip():
        raise RegisterError("cần trích yếu nội dung văn bản (--summary)")
    return replace(Entry(date, symbol, summary.strip(), **columns), number=number or 0, state=ISSUED)

