"""The register file: its SQLite schema, the schema's versions, and opening the file safely.

The schema version is SQLite's ``PRAGMA user_version``. A file of an older version is
migrated when it is opened for writing, inside one write transaction (two programs opening
it at once migrate it once); a newer one is refused. Every SQLite failure the user can meet
— the file locked by another program past the busy timeout, a corrupt file, a file that is
no register — becomes a :class:`RegisterError` in Vietnamese, never a traceback.

The journal stays SQLite's default rollback journal (not WAL): a commune keeps its data on
a shared folder as often as not, and WAL needs shared memory that network drives lack.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from cchc_docs.register.errors import RegisterError

FILE_NAME = "so-van-ban-di.sqlite"
BUSY_TIMEOUT = 10.0  # seconds to wait while another program writes the register

# The columns of Nghị định 30/2020, Phụ lục IV (sổ đăng ký văn bản đi), then the program's own.
_V1_ENTRIES = """
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    year INTEGER NOT NULL,            -- the year of the document's date: numbers restart at 01 each year
    series TEXT NOT NULL,             -- the counter: a type code (QĐ, BC, CV …), or '' for the shared series
    number INTEGER NOT NULL CHECK (number >= 1),
    symbol TEXT NOT NULL,             -- ký hiệu: QĐ-UBND
    date TEXT NOT NULL,               -- ngày tháng văn bản, YYYY-MM-DD
    type_name TEXT NOT NULL,          -- tên loại: Quyết định
    summary TEXT NOT NULL,            -- trích yếu nội dung
    signer TEXT NOT NULL DEFAULT '',  -- người ký
    recipients TEXT NOT NULL DEFAULT '',  -- nơi nhận văn bản
    archive TEXT NOT NULL DEFAULT '',     -- đơn vị, người nhận bản lưu
    copies INTEGER,                       -- số lượng bản
    delivered TEXT NOT NULL DEFAULT '',   -- ngày chuyển
    receipt TEXT NOT NULL DEFAULT '',     -- ký nhận
    note TEXT NOT NULL DEFAULT '',        -- ghi chú
    plan TEXT,                        -- the plan file it was issued from (relative to the register), if any
    document TEXT,                    -- which document of the plan: quyet-dinh, bao-cao-2025-q3 …
    state TEXT NOT NULL CHECK (state IN ('issued', 'void')),
    reason TEXT,                      -- why a number was voided
    UNIQUE (year, series, number)
)"""
_SETTINGS = "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)"

# Version 2: the sha256 of the issued DOCX, and the two-step issue that survives a kill:
# a number is first recorded 'pending' with what is needed to undo it (``undo``, JSON),
# then 'issued'. SQLite cannot alter a CHECK constraint, so the table is rebuilt.
_V2_ENTRIES = (_V1_ENTRIES.replace("CREATE TABLE entries", "CREATE TABLE entries_v2")
               .replace("('issued', 'void')", "('pending', 'issued', 'void')")
               .replace("    UNIQUE", "    sha256 TEXT,                      -- of the issued DOCX\n"
                                     "    undo TEXT,                        -- while pending: how to take it back\n"
                                     "    UNIQUE"))
_V1_COLUMNS = ("id, year, series, number, symbol, date, type_name, summary, signer, recipients, archive, "
               "copies, delivered, receipt, note, plan, document, state, reason")

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (_V1_ENTRIES, _SETTINGS),
    2: (_V2_ENTRIES,
        f"INSERT INTO entries_v2 ({_V1_COLUMNS}) SELECT {_V1_COLUMNS} FROM entries",
        "DROP TABLE entries",
        "ALTER TABLE entries_v2 RENAME TO entries"),
}
SCHEMA_VERSION = max(MIGRATIONS)


def default_path(plan: Path) -> Path:
    """The register of a plan's issuing body: ``so-van-ban-di.sqlite`` beside the plan file."""
    return plan.parent / FILE_NAME


def connect(path: Path, create: bool = False, migrate: bool = True,
            timeout: float | None = None) -> sqlite3.Connection:
    """Open the register at ``path`` (autocommit: transactions are explicit), checked and up to date.

    ``create`` makes a new register when there is none; ``migrate=False`` reads an older
    version as it is (for checks that must not write).
    """
    if not create and not path.is_file():
        raise RegisterError(f"{path}: chưa có sổ đăng ký văn bản đi (sổ được tạo khi cấp số đầu tiên bằng "
                            "cchc-docs issue, hoặc bằng cchc-docs register init; sổ ở nơi khác: "
                            "chỉ rõ bằng --register)")
    timeout = BUSY_TIMEOUT if timeout is None else timeout
    with translated(path, timeout):
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    try:
        with translated(path, timeout):
            _check_version(conn, path, migrate)
    except BaseException:
        conn.close()
        raise
    return conn


def _check_version(conn: sqlite3.Connection, path: Path, migrate: bool) -> None:
    version = _version(conn)
    if version > SCHEMA_VERSION:
        raise RegisterError(f"{path}: sổ đăng ký ở phiên bản {version}, mới hơn phiên bản cchc-docs này đọc được "
                            f"({SCHEMA_VERSION}); hãy cập nhật cchc-docs")
    if version == SCHEMA_VERSION or (version > 0 and not migrate):
        _check_ours(conn, path, version)
    else:  # a new file, or an older one: looked at again inside the transaction that migrates it
        _migrate(conn, path)


def _version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def _check_ours(conn: sqlite3.Connection, path: Path, version: int) -> None:
    """A new file has no tables; a register of any version has ``entries``; anything else is not ours."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if (version == 0 and tables) or (version > 0 and "entries" not in tables):
        raise RegisterError(f"{path}: tệp SQLite này không phải sổ đăng ký văn bản đi của cchc-docs")


def _migrate(conn: sqlite3.Connection, path: Path) -> None:
    """Bring the file to :data:`SCHEMA_VERSION` in one write transaction (re-read inside it)."""
    with write(conn):
        version = _version(conn)
        _check_ours(conn, path, version)
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextlib.contextmanager
def write(conn: sqlite3.Connection) -> Iterator[None]:
    """One write transaction, taken at once (``BEGIN IMMEDIATE``): two writers queue, never interleave."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def translated(path: Path, timeout: float = BUSY_TIMEOUT) -> Iterator[None]:
    """SQLite's failures as the user should read them (an unknown one is a bug and passes through)."""
    try:
        yield
    except sqlite3.DatabaseError as e:
        primary = "_".join(getattr(e, "sqlite_errorname", "").split("_")[:2])  # SQLITE_IOERR_WRITE → SQLITE_IOERR
        message = _MESSAGES.get(primary)
        if message is None:
            raise
        raise RegisterError(f"{path}: " + message.format(timeout=timeout)) from e


_MESSAGES = {
    "SQLITE_BUSY": "sổ đăng ký đang bị một chương trình khác khóa (đang ghi) quá {timeout:g} giây; "
                   "thử lại sau khi chương trình đó xong",
    "SQLITE_LOCKED": "sổ đăng ký đang bị khóa; thử lại sau",
    "SQLITE_NOTADB": "tệp không phải sổ đăng ký hợp lệ (không phải tệp SQLite, hoặc đã hỏng); "
                     "hãy khôi phục từ bản sao lưu",
    "SQLITE_CORRUPT": "tệp sổ đăng ký bị hỏng; hãy khôi phục từ bản sao lưu",
    "SQLITE_CANTOPEN": "không mở được tệp sổ đăng ký (thư mục không tồn tại hoặc không có quyền truy cập)",
    "SQLITE_READONLY": "không ghi được vào sổ đăng ký (tệp hoặc thư mục chỉ cho phép đọc)",
    "SQLITE_FULL": "không ghi được vào sổ đăng ký: ổ đĩa đã đầy",
    "SQLITE_IOERR": "lỗi đọc, ghi ổ đĩa khi mở sổ đăng ký",
}
