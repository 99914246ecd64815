"""Where a plan's files live: its status files sit in ``<plan-dir>/<plan-stem>/bao-cao/``.

Kept apart and light: the no-op rebuild looks for status files before it loads anything else.
"""

from __future__ import annotations

from pathlib import Path

STATUS_FOLDER = "bao-cao"


def status_folder(plan_path: Path) -> Path:
    """Where a plan's status files live: ``<plan-dir>/<plan-stem>/bao-cao/``."""
    return plan_path.parent / plan_path.stem / STATUS_FOLDER
