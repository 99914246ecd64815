"""One numbering command at a time per register: an operating-system lock on a file beside it.

`cchc-docs issue` records a number as 'pending', writes it into the data, renders, then
marks it issued. While one command holds this lock, a pending row it did not write can
only be left by a command that died (the system drops a dead process's lock): it is safe
to undo. The lock is advisory (``flock`` on POSIX, ``msvcrt.locking`` on Windows) and
never touches the register file itself, whose locks belong to SQLite.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from cchc_docs.register.errors import RegisterError

POLL = 0.05  # seconds between two attempts


def lock_path(register: Path) -> Path:
    """``.so-van-ban-di.sqlite.lock`` beside the register."""
    return register.with_name(f".{register.name}.lock")


@contextlib.contextmanager
def hold(register: Path, timeout: float) -> Iterator[None]:
    """Hold the numbering lock of ``register``; wait up to ``timeout`` seconds, then say who has it."""
    path = lock_path(register)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as e:
        raise RegisterError(f"{path}: không tạo được tệp khóa của sổ đăng ký ({e.strerror})") from e
    try:
        _acquire(fd, register, timeout)
        try:
            yield
        finally:
            _release(fd)
    finally:
        os.close(fd)


def _acquire(fd: int, register: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() >= deadline:
            raise RegisterError(f"{register}: một lệnh cấp số khác đang dùng sổ đăng ký "
                                f"(đã chờ {timeout:g} giây); thử lại sau khi lệnh đó xong")
        time.sleep(POLL)


if os.name == "nt":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _release(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _release(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
