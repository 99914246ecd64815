"""Fonts: is Times New Roman (or its metric twin) there before converting, was it used after.

The decree fixes Times New Roman. Liberation Serif has the same advance widths, so a
PDF set in it breaks lines and pages exactly where Word does; any other serif moves
every line. LibreOffice substitutes silently, so we look on both sides: fontconfig
(what LibreOffice will find) before, the PDF's own font list after. Windows and macOS
have no fontconfig (``fc-list``): there the system font folders are looked into, and
when nothing can be looked into the conversion goes on without the warning.
"""

from __future__ import annotations

import ntpath
import os
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from cchc_docs.checks.findings import Finding
from cchc_docs.checks.pdf_rules import ARTICLE_FONT

ACCEPTED = ("Times New Roman", "Liberation Serif")
INSTALL_HINT = "apt-get install fonts-liberation2"
OTHER_INSTALL_HINT = ("cài phông Times New Roman (có sẵn trong Windows và macOS) hoặc Liberation Serif "
                      "(https://github.com/liberationfonts/liberation-fonts/releases)")
# Times New Roman's file names on Windows (times.ttf, timesbd.ttf …).
WINDOWS_TIMES_FILES = frozenset({"times", "timesbd", "timesi", "timesbi"})


def installed_families(office_program: Path | None = None, platform: str = sys.platform,
                       environ: Mapping[str, str] = os.environ) -> set[str] | None:
    """Font families LibreOffice can see (fontconfig and its own font folder); None if unknown."""
    try:
        listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, check=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        # No fontconfig (Windows, macOS): what the system font folders hold, if readable.
        found = families_in(font_folders(platform, environ), os.listdir)
        return None if found is None else found | _bundled_families(office_program)
    families = {name.strip() for row in listed.stdout.decode("utf-8", "replace").splitlines()
                for name in row.split(",") if name.strip()}
    return families | _bundled_families(office_program)


def font_folders(platform: str, environ: Mapping[str, str]) -> list[str]:
    """The system and user font folders of ``platform`` (a ``sys.platform`` value); none on Linux."""
    env = {key.casefold(): value for key, value in environ.items()} if platform == "win32" else environ
    if platform == "win32":
        windows = env.get("windir") or env.get("systemroot")
        local = env.get("localappdata")
        return [*([ntpath.join(windows, "Fonts")] if windows else []),
                *([ntpath.join(local, "Microsoft", "Windows", "Fonts")] if local else [])]
    if platform == "darwin":
        home = env.get("HOME")
        return ["/Library/Fonts", "/System/Library/Fonts", "/System/Library/Fonts/Supplemental",
                *([posixpath.join(home, "Library", "Fonts")] if home else [])]
    return []


def families_in(folders: list[str], listdir: Callable[[str], list[str]]) -> set[str] | None:
    """The accepted families whose files lie in ``folders``; None when no folder can be read."""
    found: set[str] = set()
    readable = False
    for folder in folders:
        try:
            names = listdir(folder)
        except OSError:
            continue
        readable = True
        for name in names:
            stem, _, extension = name.rpartition(".")
            if extension.lower() not in ("ttf", "otf", "ttc"):
                continue
            if stem.lower() in WINDOWS_TIMES_FILES:
                found.add("Times New Roman")
            found |= {family for family in ACCEPTED if _squash(stem).startswith(_squash(family))}
    return found if readable else None


def _bundled_families(office_program: Path | None) -> set[str]:
    """LibreOffice's tarball builds ship fonts in share/fonts, outside fontconfig."""
    if office_program is None:
        return set()
    folder = office_program.resolve().parent.parent / "share" / "fonts" / "truetype"
    return {family for family in ACCEPTED for f in folder.glob("*.ttf")
            if _squash(f.stem).startswith(_squash(family))}


def missing_font(families: set[str] | None, platform: str = sys.platform) -> Finding | None:
    """A loud warning when neither accepted font is installed (None when one is, or unknown)."""
    if families is None:
        return None
    if {_squash(f) for f in families} & {_squash(f) for f in ACCEPTED}:
        return None
    return Finding(
        "PDF-FONT-MISSING", "warning",
        "máy này không có phông Times New Roman hay Liberation Serif cho LibreOffice: PDF sẽ dùng "
        f"phông khác, xuống dòng và sang trang sẽ khác bản Word; {install_hint(platform)}",
        ARTICLE_FONT, expected=" hoặc ".join(ACCEPTED), got="không có",
    )


def install_hint(platform: str) -> str:
    """How to get an accepted font on ``platform``, in Vietnamese."""
    return f"cài bằng: {INSTALL_HINT}" if platform not in ("win32", "darwin") else OTHER_INSTALL_HINT


def substituted(font_names: list[str]) -> list[Finding]:
    """One finding per font in the PDF that is neither Times New Roman nor Liberation Serif."""
    others = sorted({_family(name) for name in font_names if not _accepted(name)})
    return [
        Finding("PDF-FONT-SUBSTITUTED", "error",
                "PDF dùng phông khác Times New Roman (LibreOffice đã thay phông), bố cục sẽ khác bản Word",
                ARTICLE_FONT, expected=" hoặc ".join(ACCEPTED), got=name)
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
