"""The register file: its schema version, migrations, and files that are locked, corrupt or not ours."""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3

import pytest

from cchc_docs.register import schema
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.store import ISSUED, PENDING, VOID, Row, open_register

# A register as version 1 of cchc-docs wrote it, typed out here (not taken from the code
# under test), so that changing the current schema cannot change what is migrated.
V1 = [
    """CREATE TABLE entries (
        id INTEGER PRIMARY KEY, year INTEGER NOT NULL, series TEXT NOT NULL,
        number INTEGER NOT NULL CHECK (number >= 1), symbol TEXT NOT NULL, date TEXT NOT NULL,
        type_name TEXT NOT NULL, summary TEXT NOT NULL, signer TEXT NOT NULL DEFAULT '',
        recipients TEXT NOT NULL DEFAULT '', archive TEXT NOT NULL DEFAULT '', copies INTEGER,
        delivered TEXT NOT NULL DEFAULT '', receipt TEXT NOT NULL DEFAULT '', note TEXT NOT NULL DEFAULT '',
        plan TEXT, document TEXT, state TEXT NOT NULL CHECK (state IN ('issued', 'void')), reason TEXT,
        UNIQUE (year, series, number))""",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "INSERT INTO settings VALUES ('series', 'chung')",
    """INSERT INTO entries (year, series, number, symbol, date, type_name, summary, signer, copies, plan, document,
        state) VALUES (2025, '', 1, 'QĐ-UBND', '2025-07-31', 'Quyết định', 'ban hành Kế hoạch', 'Nguyễn Văn An', 5,
        'plan.yaml', 'quyet-dinh', 'issued')""",
    """INSERT INTO entries (year, series, number, symbol, date, type_name, summary, state, reason)
        VALUES (2025, '', 2, 'BC-UBND', '2025-08-02', 'Báo cáo', 'tình hình', 'void', 'ghi nhầm')""",
    "PRAGMA user_version = 1",
]


def make_v1(path):
    with contextlib.closing(sqlite3.connect(path)) as conn:
        for statement in V1:
            conn.execute(statement)
        conn.commit()


def sql(path, statement: str):
    """The first row of one statement, run on a connection of its own."""
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as conn:
        return conn.execute(statement).fetchone()


def test_a_new_register_is_made_at_the_current_version(tmp_path):
    path = tmp_path / schema.FILE_NAME
    with open_register(path, create=True) as register:
        assert register.rows() == []
        assert register.mode == "theo-loai"
    assert sql(path, "PRAGMA user_version") == (schema.SCHEMA_VERSION,) == (2,)


def test_a_version_1_register_is_migrated_with_every_row_kept(tmp_path):
    path = tmp_path / schema.FILE_NAME
    make_v1(path)
    with open_register(path) as register:
        rows = register.rows()
        assert register.mode == "chung"
        assert [(r.number, r.symbol, r.date, r.state, r.reason, r.copies, r.sha256) for r in rows] == [
            (1, "QĐ-UBND", dt.date(2025, 7, 31), ISSUED, None, 5, None),
            (2, "BC-UBND", dt.date(2025, 8, 2), VOID, "ghi nhầm", None, None),
        ]
        # What version 2 adds works on the migrated file: a pending row, then its sha256.
        row = register.allocate(Row(dt.date(2025, 8, 3), "QĐ-UBND", "x", state=PENDING))
        assert row.number == 3
        register.update(row, sha256="ab" * 32)
    assert sql(path, "PRAGMA user_version") == (2,)
    assert sql(path, "SELECT state, sha256 FROM entries WHERE number = 3") == (PENDING, "ab" * 32)
    with pytest.raises(sqlite3.IntegrityError):  # the CHECK constraint came along through the rebuild
        sql(path, "UPDATE entries SET state = 'lost' WHERE number = 3")


def test_reading_a_version_1_register_for_a_check_leaves_it_as_it_is(tmp_path):
    path = tmp_path / schema.FILE_NAME
    make_v1(path)
    with open_register(path, migrate=False) as register:
        assert [r.number for r in register.rows()] == [1, 2]
    assert sql(path, "PRAGMA user_version") == (1,)


def test_a_register_from_a_newer_cchc_docs_is_refused(tmp_path):
    path = tmp_path / schema.FILE_NAME
    make_v1(path)
    sql(path, "PRAGMA user_version = 9")
    with pytest.raises(RegisterError, match="phiên bản 9, mới hơn phiên bản cchc-docs này đọc được"):
        open_register(path)


def test_an_sqlite_file_that_is_not_a_register_is_refused(tmp_path):
    path = tmp_path / "khac.sqlite"
    sql(path, "CREATE TABLE t (x)")
    with pytest.raises(RegisterError, match="không phải sổ đăng ký văn bản đi của cchc-docs"):
        open_register(path)


def test_a_corrupt_file_gives_a_vietnamese_message(tmp_path):
    path = tmp_path / schema.FILE_NAME
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    with pytest.raises(RegisterError) as caught:
        open_register(path)
    assert str(caught.value).startswith(f"{path}: tệp ")
    assert "khôi phục từ bản sao lưu" in str(caught.value)


def test_a_missing_register_is_said_so_when_not_asked_to_create(tmp_path):
    with pytest.raises(RegisterError, match="chưa có sổ đăng ký văn bản đi"):
        open_register(tmp_path / schema.FILE_NAME)


def test_a_register_locked_by_another_program_waits_then_says_so(tmp_path):
    path = tmp_path / schema.FILE_NAME
    open_register(path, create=True).close()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(RegisterError) as caught, open_register(path, timeout=0.2) as register:
            register.rows()
        assert str(caught.value) == (f"{path}: sổ đăng ký đang bị một chương trình khác khóa (đang ghi) quá 0.2 "
                                     "giây; thử lại sau khi chương trình đó xong")
    finally:
        other.execute("ROLLBACK")
        other.close()
