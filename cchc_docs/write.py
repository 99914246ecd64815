"""Writing outputs: atomically, so a reader or a crash never sees half a file.

Each file is written to a temporary file in the same folder, flushed to disk, then
renamed over the target; the rename is atomic on POSIX and Windows.
"""

from __future__ import annotations

import os
from pathlib import Path

from cchc_docs.errors import OutputError, os_reason


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` in one step; on failure leave it as it was."""
    import tempfile  # with shutil and random: not for a rebuild in which nothing changed

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise OutputError(f"{path.parent}: không tạo được thư mục hoặc tệp tạm ({os_reason(e)})") from e
    try:
        _follow_umask(fd)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: không ghi được tệp ({os_reason(e)})") from e


def _follow_umask(fd: int) -> None:
    """Give the temporary file the mode a plain ``open()`` would (0644 under umask 022).

    ``mkstemp`` creates files 0600 so a colleague on a shared folder could not open the
    outputs; the umask is the user's say on who may read what they write.
    """
    if hasattr(os, "fchmod"):  # POSIX; on Windows the mode bits mean nothing here
        mask = os.umask(0)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)


def remove_leftovers(folder: Path) -> None:
    """Delete temporary files a killed build left behind in ``folder`` (never a real output)."""
    for leftover in folder.glob(".*.tmp") if folder.is_dir() else ():
        leftover.unlink(missing_ok=True)
