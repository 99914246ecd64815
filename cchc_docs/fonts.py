"""Fonts: is Times New Roman (or its metric twin) there before converting, was it used after.

The decree fixes Times New Roman. Liberation Serif has the same advance widths, so a
PDF set in it breaks lines and pages exactly where Word does; any other serif moves
every line. LibreOffice substitutes silently, so we look on both sides: fontconfig
(what LibreOffice will find) before, the PDF's own font list after.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .findings import Finding

ACCEPTED = ("Times New Roman", "Liberation Serif")
INSTALL_HINT = "apt-get install fonts-liberation2"
ARTICLE = "NĐ 30/2020, Phụ lục I (phông chữ Times New Roman)"


def installed_families(office_program: Path | None = None) -> set[str] | None:
    """Font families LibreOffice can see (fontconfig and its own font folder); None if unknown."""
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    families = {name.strip() for row in listed.stdout.decode("utf-8", "replace").splitlines()
                for name in row.split(",") if name.strip()}
    return families | _bundled_families(office_program)


def _bundled_families(office_program: Path | None) -> set[str]:
    """LibreOffice's tarball builds ship fonts in share/fonts, outside fontconfig."""
    if office_program is None:
        return set()
    folder = office_program.resolve().parent.parent / "share" / "fonts" / "truetype"
    return {family for family in ACCEPTED for f in folder.glob("*.ttf")
            if _squash(f.stem).startswith(_squash(family))}


def missing_font(families: set[str] | None) -> Finding | None:
    """A loud warning when neither accepted font is installed (None when one is, or unknown)."""
    if families is None:
        return None
    if {_squash(f) for f in families} & {_squash(f) for f in ACCEPTED}:
        return None
    return Finding(
        "PDF-FONT-MISSING", "warning",
        "máy này không có phông Times New Roman hay Liberation Serif cho LibreOffice: PDF sẽ dùng "
        f"phông khác, xuống dòng và sang trang sẽ khác bản Word; cài bằng: {INSTALL_HINT}",
        ARTICLE, expected=" hoặc ".join(ACCEPTED), got="không có",
    )


def substituted(font_names: list[str]) -> list[Finding]:
    """One finding per font in the PDF that is neither Times New Roman nor Liberation Serif."""
    others = sorted({_family(name) for name in font_names if not _accepted(name)})
    return [
        Finding("PDF-FONT-SUBSTITUTED", "error",
                "PDF dùng phông khác Times New Roman (LibreOffice đã thay phông), bố cục sẽ khác bản Word",
                ARTICLE, expected=" hoặc ".join(ACCEPTED), got=name)
        for name in others
    ]


def _accepted(pdf_font: str) -> bool:
    family = _squash(_family(pdf_font))
    return any(family.startswith(_squash(f)) for f in ACCEPTED)


def _family(pdf_font: str) -> str:
    """``ABCDEF+LiberationSerif-Bold`` → ``LiberationSerif-Bold``: drop the subset tag."""
    return re.sub(r"^[A-Z]{6}\+", "", pdf_font)


def _squash(name: str) -> str:
    """Compare names without case, spaces or hyphens: ``TimesNewRomanPS-BoldMT``."""
    return re.sub(r"[\s_-]", "", name).lower()
