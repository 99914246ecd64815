"""The plain records of a build — options in, results out — and the input check.

This module is light to import on purpose: a rebuild in which nothing changed reads
the plan files' bytes, hashes them and looks at the manifest, and should not pay for
loading the renderer, the validator or the format checker (see :mod:`cchc_docs.pipeline.batch`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_docs import __version__
from cchc_docs.errors import SourceError, TemplateError
from cchc_docs.model.paths import status_folder
from cchc_docs.pipeline.manifest import Entry, input_hash

if TYPE_CHECKING:  # the loader is heavy; a no-op rebuild must not import it
    from cchc_docs.model.load import ReportRequest

@dataclass(frozen=True)
class Options:
    """How to build: where to, with which templates, as of which day, and what is allowed."""

    out_root: Path
    templates: Path
    today: dt.date
    check: bool = True  # run the ND30 self-check on every rendered document
    force: bool = False  # rebuild even what is up to date
    dry_run: bool = False  # only say what would be rebuilt, and why
    new_version: bool = False  # write a changed issued document as a new file beside it
    record: bool = True  # keep the data fingerprint beside the outputs (for the next build's reasons)
    templates_digest: str = ""  # hash of the templates folder, when already computed for this run
    report: ReportRequest | None = None  # build only this report of each plan (`cchc-docs report`)
    jobs: int = 1  # processes for the documents of a plan built alone (the batch's -j)


@dataclass(frozen=True)
class Result:
    """What happened to one output."""

    path: str  # relative to the output root
    kind: str  # the kind of document (contexts.registry.Job.kind)
    status: str  # created | updated | unchanged | stale | conflict | new-version | failed
    reasons: tuple[str, ...] = ()
    findings: tuple = ()  # the self-check's findings (warnings, or the errors that stopped it)
    entry: Entry | None = None  # for the manifest; None leaves the old entry as it is
    written: str | None = None  # where a new version of an issued document was written


@dataclass(frozen=True)
class PlanResult:
    """What happened to one plan and its outputs."""

    plan: str
    input_hash: str | None = None  # None: do not record (the plan failed)
    results: tuple[Result, ...] = ()
    error: str | None = None  # the plan could not be built at all
    exit_code: int = 0
    skipped: bool = False  # nothing to do: inputs unchanged, outputs in place
    warnings: tuple[str, ...] = ()  # about the data, located; the documents were made all the same


@dataclass(frozen=True)
class Prior:
    """What the manifest knows of a plan from the last build."""

    input_hash: str | None = None
    entries: dict[str, Entry] = field(default_factory=dict)  # output path → entry


def up_to_date(plan_path: Path, options: Options, prior: Prior) -> tuple[str, bool]:
    """(input hash, whether the plan can be skipped: inputs unchanged and outputs in place).

    Nothing is parsed: an unchanged plan of a city's worth costs a file read and a hash.
    """
    inputs = plan_inputs(plan_path, options)
    return inputs, not options.force and inputs == prior.input_hash and _outputs_in_place(options.out_root, prior)


def plan_inputs(plan_path: Path, options: Options) -> str:
    """Hash of everything a plan's outputs can depend on."""
    return input_hash(_input_parts(plan_path, options))


def _input_parts(plan_path: Path, options: Options) -> list[bytes]:
    """Everything a plan's outputs can depend on, read as bytes."""
    try:
        parts = [plan_path.read_bytes()]
    except FileNotFoundError as e:
        raise SourceError(f"{plan_path}: không tìm thấy tệp") from e
    folder = status_folder(plan_path)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        parts += [path.name.encode(), path.read_bytes()]
    parts.append((options.templates_digest or templates_digest(options.templates)).encode())
    # An undated draft carries the month it is built in.
    parts.append(f"{__version__}|{options.today.year}-{options.today.month}".encode())
    return parts


def _outputs_in_place(root: Path, prior: Prior) -> bool:
    """Every output the manifest knows is there with the size it was written with."""
    try:
        return bool(prior.entries) and all(
            (root / path).stat().st_size == entry.size for path, entry in prior.entries.items()
        )
    except OSError:
        return False


def templates_digest(folder: Path) -> str:
    """Hash of every template in ``folder``: computed once per build, shared by all plans."""
    parts = []
    for template in sorted(folder.glob("*.docx")):
        parts += [template.name.encode(), template.read_bytes()]
    return input_hash(parts)


def default_templates() -> Path:
    """The shipped templates: inside the installed package, or ``templates/`` of a checkout.

    A wheel carries them as ``cchc_docs/templates`` (see ``pyproject.toml``); an editable
    install or a source checkout reads the repository's ``templates/`` folder itself.
    """
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "templates", package.parent / "templates"):
        if folder.is_dir():
            return folder
    raise TemplateError(f"{package / 'templates'}: không tìm thấy thư mục mẫu; chỉ rõ bằng tùy chọn --templates")


def relative(path: Path) -> str:
    """A plan's key in the manifest: its path relative to the working folder when it can be.

    Pure string work (no filesystem calls): it runs for every plan of every build.
    """
    absolute = os.path.abspath(path)
    try:
        return os.path.relpath(absolute)
    except ValueError:  # another drive on Windows
        return absolute
