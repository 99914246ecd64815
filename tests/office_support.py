"""Save files as a clerk's office suite would: LibreOffice (Writer, Calc) headless, one private profile."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from cchc_docs.errors import ToolMissingError
from cchc_docs.pdf import office


def libreoffice_saved(documents: list[Path], folder: Path, target: str | None = None) -> Path:
    """``documents`` opened and saved by LibreOffice (``soffice --convert-to``) into ``folder``.

    ``target``: the format to save as (default DOCX; ``xlsx`` for a unit's workbook, saved by Calc).
    Skips without LibreOffice, except on CI (``CI`` set), where it fails.
    """
    try:
        soffice = office.find_soffice()
    except ToolMissingError as e:
        if os.environ.get("CI"):
            pytest.fail(str(e))
        pytest.skip(str(e))
    folder.mkdir(parents=True, exist_ok=True)
    profile = (folder.parent / f"{folder.name}-profile").as_uri()
    done = subprocess.run([str(soffice), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                           target or f"docx:{office.DOCX_FILTER}", "--outdir", str(folder), *map(str, documents)],
                          capture_output=True, text=True, timeout=300)
    missing = [d.name for d in documents if not (folder / d.name).is_file()]
    assert not missing, f"LibreOffice did not save {missing} (Writer and Calc installed?): {done.stdout} {done.stderr}"
    return folder
