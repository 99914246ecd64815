"""The register's rows and the operations on them: allocate, record, issue, release, void.

Every change is one ``BEGIN IMMEDIATE`` transaction, so two programs numbering at the same
moment queue at the file and each reads the series as the other left it: the next number
is always one more than the last one recorded (whatever its state), never a number twice.
A number once recorded stays: a number given back is deleted only while it is the last of
its series (then it was never used); otherwise it is voided with the reason.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc_docs import vn
from cchc_docs.register import schema, series
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.series import Reference

PENDING, ISSUED, VOID = "pending", "issued", "void"
STATE_VI = {PENDING: "đang cấp", ISSUED: "đã cấp", VOID: "đã hủy"}


@dataclass(frozen=True)
class Row:
    """One row of the register: the columns of Phụ lục IV, then where it came from and its state."""

    date: dt.date  # ngày tháng văn bản; its year is the year of the series
    symbol: str  # ký hiệu, e.g. QĐ-UBND
    summary: str  # trích yếu nội dung
    type_name: str = ""  # tên loại; from the ký hiệu when empty
    number: int = 0  # 0 until allocated
    series: str = ""  # the counter it was drawn from (see series.series_key)
    signer: str = ""
    recipients: str = ""
    archive: str = ""  # đơn vị, người nhận bản lưu
    copies: int | None = None
    delivered: str = ""  # ngày chuyển
    receipt: str = ""  # ký nhận
    note: str = ""
    plan: str | None = None  # plan file, relative to the register's folder
    document: str | None = None  # quyet-dinh, quyet-dinh-sua-doi-sd01, bao-cao-2025-q3 …
    state: str = ISSUED
    reason: str | None = None
    sha256: str | None = None
    undo: str | None = None
    id: int | None = None

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def reference(self) -> Reference:
        return Reference(self.number, self.symbol)

    def describe(self) -> str:
        """``05/QĐ-UBND ngày 02/01/2026``, how the register names a row to the user."""
        return f"{self.reference} ngày {vn.short_date(self.date)}"


_COLUMNS = [f.name for f in dataclasses.fields(Row) if f.name != "id"]


class Register:
    """An open register file (use as a context manager, or :func:`open_register`)."""

    def __init__(self, path: Path, conn: sqlite3.Connection):
        self.path = path
        self.conn = conn
        with self._guard():
            present = {row[1] for row in conn.execute("PRAGMA table_info(entries)")}
        # A register of an older version read without migrating lacks the newer columns: read them as NULL.
        listed = ", ".join(name if name in present else f"NULL AS {name}" for name in _COLUMNS)
        self._select_sql = f"SELECT id, year, {listed} FROM entries"

    # ---------------------------------------------------------------- reading

    @property
    def mode(self) -> str:
        """How this register numbers: one shared series (``chung``) or one per type (``theo-loai``)."""
        return self.setting("series") or series.DEFAULT_MODE

    @property
    def body(self) -> str | None:
        """The issuing body whose register this is, as the documents issued through it name it."""
        return self.setting("body")

    def setting(self, key: str) -> str | None:
        with self._guard():
            row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def rows(self, year: int | None = None) -> list[Row]:
        """Every row (of ``year``), by year, series and number."""
        where, args = ("WHERE year = ?", (year,)) if year is not None else ("", ())
        return self._select(f"{where} ORDER BY year, series, number", args)

    def find(self, year: int, series_key: str, number: int) -> Row | None:
        rows = self._select("WHERE year = ? AND series = ? AND number = ?", (year, series_key, number))
        return rows[0] if rows else None

    def of_document(self, plan: str, document: str) -> list[Row]:
        """The rows recorded for one document of one plan (a void one and its reissue: several)."""
        return self._select("WHERE plan = ? AND document = ? ORDER BY year, number", (plan, document))

    def pending(self) -> list[Row]:
        return self._select("WHERE state = ? ORDER BY id", (PENDING,))

    def last(self, year: int, series_key: str) -> Row | None:
        """The highest number of a series in a year, whatever its state."""
        rows = self._select("WHERE year = ? AND series = ? ORDER BY number DESC LIMIT 1", (year, series_key))
        return rows[0] if rows else None

    def key_of(self, symbol: str) -> str:
        """The series a ký hiệu draws from in this register."""
        return series.series_key(symbol, self.mode)

    def _select(self, tail: str, args: tuple = ()) -> list[Row]:
        with self._guard():
            rows = self.conn.execute(f"{self._select_sql} {tail}", args).fetchall()
        return [_from_sql(values) for values in rows]

    # ---------------------------------------------------------------- writing

    def set_mode(self, mode: str) -> None:
        """Choose the series; only while the register is empty (the numbers already given keep theirs)."""
        with self.transaction():
            if mode != self.mode and self.conn.execute("SELECT 1 FROM entries LIMIT 1").fetchone():
                raise RegisterError(f"{self.path}: sổ đã có văn bản đánh số {self.mode}; chỉ chọn được cách "
                                    "đánh số khi sổ còn trống (mỗi năm một sổ mới nếu muốn đổi)")
            self._set("series", mode)

    def remember_body(self, name: str) -> None:
        """Keep the issuing body's name, for the title of the printed register."""
        if name and name != self.body:
            with self.transaction():
                self._set("body", name)

    def _set(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, value))

    def allocate(self, row: Row) -> Row:
        """Record ``row`` under the next number of its series, in one transaction.

        The document's date may not come before the date of the number before it: numbers
        follow the order in which documents are signed.
        """
        with self.transaction():
            key = self.key_of(row.symbol)
            last = self.last(row.year, key)
            if last is not None and last.date > row.date:
                raise RegisterError(_before_previous(self.path, row, last))
            return self._insert(dataclasses.replace(row, series=key, number=last.number + 1 if last else 1))

    def record(self, row: Row) -> Row:
        """Record ``row`` under the number it already has (a document numbered outside the program).

        The number must be free, and its date between those of its neighbours in the series.
        """
        with self.transaction():
            key = self.key_of(row.symbol)
            row = dataclasses.replace(row, series=key)
            taken = self.find(row.year, key, row.number)
            if taken is not None:
                raise RegisterError(f"{self.path}: số {row.number:02d} năm {row.year} "
                                    f"({series.series_label(key)}) đã có trong sổ: {taken.describe()}, "
                                    f"{STATE_VI[taken.state]}")
            self._check_neighbours(row, key)
            return self._insert(row)

    def _check_neighbours(self, row: Row, key: str) -> None:
        before = self._select("WHERE year = ? AND series = ? AND number < ? ORDER BY number DESC LIMIT 1",
                              (row.year, key, row.number))
        after = self._select("WHERE year = ? AND series = ? AND number > ? ORDER BY number LIMIT 1",
                             (row.year, key, row.number))
        if before and before[0].date > row.date:
            raise RegisterError(_before_previous(self.path, row, before[0]))
        if after and after[0].date < row.date:
            raise RegisterError(f"{self.path}: {row.describe()} sau ngày của số sau nó "
                                f"({after[0].describe()}); số văn bản theo thứ tự ngày ký")

    def update(self, row: Row, **changes) -> Row:
        """Change some columns of a recorded row (state, sha256, undo …)."""
        new = dataclasses.replace(row, **changes)
        with self.transaction():
            sets = ", ".join(f"{name} = ?" for name in changes)
            self.conn.execute(f"UPDATE entries SET {sets} WHERE id = ?", (*_values(new, changes), row.id))
        return new

    def release(self, row: Row, reason: str) -> str:
        """Give a number back: deleted while it is the last of its series, else voided with ``reason``.

        Returns what happened: ``"deleted"`` (never used: no gap) or ``"void"``.
        """
        with self.transaction():
            last = self.last(row.year, row.series)
            if last is not None and last.id == row.id:
                self.conn.execute("DELETE FROM entries WHERE id = ?", (row.id,))
                return "deleted"
            self.conn.execute("UPDATE entries SET state = ?, reason = ?, undo = NULL WHERE id = ?",
                              (VOID, reason, row.id))
            return VOID

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; SQLite's failures become RegisterErrors. Nested use joins the outer one."""
        with self._guard():
            if self.conn.in_transaction:
                yield
                return
            with schema.write(self.conn):
                yield

    def _insert(self, row: Row) -> Row:
        row = dataclasses.replace(row, type_name=row.type_name or series.type_name(row.symbol))
        columns = ["year", *_COLUMNS]
        placeholders = ", ".join("?" for _ in columns)
        cursor = self.conn.execute(f"INSERT INTO entries ({', '.join(columns)}) VALUES ({placeholders})",
                                   (row.year, *_values(row, _COLUMNS)))
        return dataclasses.replace(row, id=cursor.lastrowid)

    def _guard(self):
        return schema.translated(self.path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Register:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_register(path: Path, create: bool = False, migrate: bool = True, timeout: float | None = None) -> Register:
    """Open (or with ``create``, make) the register at ``path``; see :func:`schema.connect`."""
    return Register(path, schema.connect(path, create, migrate, timeout))


def _values(row: Row, names) -> list:
    return [row.date.isoformat() if name == "date" else getattr(row, name) for name in names]


def _from_sql(selected: tuple) -> Row:
    id_, _year, *values = selected
    fields = dict(zip(_COLUMNS, values, strict=True))
    fields["date"] = dt.date.fromisoformat(fields["date"])
    return Row(id=id_, **fields)


def _before_previous(path: Path, row: Row, previous: Row) -> str:
    return (f"{path}: ngày văn bản {vn.short_date(row.date)} trước ngày của số trước trong sổ "
            f"({previous.describe()}); số văn bản cấp theo thứ tự ngày ký: "
            f"cần ngày từ {vn.short_date(previous.date)} trở đi")
