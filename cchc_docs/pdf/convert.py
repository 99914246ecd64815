"""DOCX → PDF for review and printing: incremental, atomic, checked.

The recipe for a batch of DOCX files:

1. plan where each PDF goes, refusing two inputs that would write the same PDF;
2. read each DOCX once and hash it, so the bytes converted are the bytes recorded;
3. keep the PDFs that are current: a PDF is current when its stamp (a hidden file
   ``.NAME.pdf.source`` beside it) names the sha256 of the DOCX bytes and the recipe
   version below; a rebuild decision never looks at modification times;
4. check that LibreOffice has Times New Roman or Liberation Serif, then convert the
   stale ones in one LibreOffice batch (:mod:`cchc_docs.office`);
5. write each PDF atomically, then its stamp (a crash in between leaves it stale), as
   soon as LibreOffice has stored it;
6. read every PDF back — fonts used and layout (:mod:`cchc_docs.pdfcheck`) — in
   ``jobs`` threads *beside* the conversion: a current PDF at once, a converted one as
   soon as it is written (poppler's tools are processes of their own, so the threads
   run side by side with LibreOffice).

Failures are collected and raised together after every good PDF is written.
"""

from __future__ import annotations

import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from cchc_docs.checks.findings import Finding
from cchc_docs.errors import ConversionError, OutputError, SourceError, ToolMissingError
from cchc_docs.pdf import fonts, layout_check, office, poppler
from cchc_docs.write import write_atomic

# Bump when the conversion itself changes (filter, options): every PDF becomes stale.
RECIPE = "cchc-docs-pdf-1"

Status = Literal["converted", "unchanged", "failed"]


@dataclass(frozen=True)
class Options:
    """How a batch converts and checks."""

    jobs: int = 1
    timeout: float = 60.0
    force: bool = False  # convert even when the PDF is current
    check: bool = True  # read the PDFs back: fonts and layout
    soffice: str | None = None  # LibreOffice executable (default: found on PATH)


@dataclass(frozen=True)
class Converted:
    """One DOCX and what became of its PDF."""

    docx: Path
    pdf: Path
    status: Status
    error: str | None = None
    report: layout_check.Report | None = None  # layout, when checked
    findings: tuple[Finding, ...] = ()


@dataclass
class Batch:
    """The results of one batch, in input order, and warnings for the whole batch."""

    results: list[Converted] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)

    def failing(self, strict: bool = False) -> bool:
        """True when a finding should fail the command: an error, or any finding if strict."""
        findings = [*self.warnings, *(f for r in self.results for f in r.findings)]
        return any(f.severity == "error" or strict for f in findings)

    def raise_for_failures(self) -> None:
        """Raise one ConversionError naming every document that did not convert."""
        failures = [f"{r.docx}: {r.error}" for r in self.results if r.status == "failed"]
        if failures:
            raise ConversionError(failures)


def describe(result: Converted) -> list[str]:
    """What to tell the user about one PDF: a head line, then one line per finding."""
    verb = {"converted": "đã tạo", "unchanged": "không đổi", "failed": "không tạo được"}[result.status]
    head = f"{verb} {result.pdf}" + (f": {result.report.summary}" if result.report else "")
    return [head, *(f"  {finding}" for finding in result.findings)]


def pdf_path(docx: Path, out_dir: Path | None = None) -> Path:
    """Where the PDF of ``docx`` goes: beside it, or in ``out_dir``."""
    return (out_dir or docx.parent) / f"{docx.stem}.pdf"


def stamp_path(pdf: Path) -> Path:
    """The hidden file that records which DOCX a PDF was made from."""
    return pdf.with_name(f".{pdf.name}.source")


def stamp(docx_bytes: bytes) -> str:
    """The stamp's content: deterministic, readable, one field per line."""
    return f"docx-sha256: {hashlib.sha256(docx_bytes).hexdigest()}\nrecipe: {RECIPE}\n"


def is_current(pdf: Path, docx_bytes: bytes) -> bool:
    """True when ``pdf`` exists and its stamp names exactly these DOCX bytes."""
    try:
        return pdf.is_file() and stamp_path(pdf).read_text(encoding="utf-8") == stamp(docx_bytes)
    except (OSError, UnicodeDecodeError):
        return False


def convert(docx_files: list[Path], out_dir: Path | None = None, options: Options = Options()) -> Batch:
    """Bring the PDF of every DOCX up to date and check them all (see the module recipe)."""
    # Plan the targets and read the inputs.
    targets = _targets(docx_files, out_dir)
    sources = [_read(path) for path in docx_files]
    # Decide what is stale.
    stale = [i for i, data in enumerate(sources) if options.force or not is_current(targets[i], data)]
    batch = Batch()
    with _Readback(options) as readback:
        # The current PDFs are read back at once, beside the conversion.
        for i in sorted(set(range(len(docx_files))) - set(stale)):
            readback.submit(i, Converted(docx_files[i], targets[i], "unchanged"))
        settled: dict[int, Converted] = {}

        def stored(position: int, pdf: bytes) -> None:  # LibreOffice has stored one: write it, read it back
            i = stale[position]
            settled[i] = _settle(docx_files[i], targets[i], sources[i], pdf)
            readback.submit(i, settled[i])

        # Convert the stale ones in one LibreOffice batch, fonts checked first.
        outcomes = _convert_stale(stale, sources, options, batch, stored) if stale else {}
        # Write what was not written on the way (failures), then gather the read-backs in input order.
        for i in stale:
            if i not in settled:
                settled[i] = _settle(docx_files[i], targets[i], sources[i], outcomes.get(i))
                readback.submit(i, settled[i])
        batch.results = [readback.result(i) for i in range(len(docx_files))]
        batch.warnings += readback.warnings()
    return batch


def _targets(docx_files: list[Path], out_dir: Path | None) -> list[Path]:
    targets = [pdf_path(docx, out_dir) for docx in docx_files]
    seen: dict[Path, Path] = {}
    for docx, target in zip(docx_files, targets, strict=True):
        if target.resolve() in seen:
            raise OutputError(f"{docx}: trùng tệp PDF đích {target} với {seen[target.resolve()]}; "
                              "đổi tên tệp hoặc chuyển từng thư mục riêng")
        seen[target.resolve()] = docx
    return targets


def _read(docx: Path) -> bytes:
    if docx.suffix.lower() != ".docx":
        raise SourceError(f"{docx}: chỉ chuyển được tệp .docx sang PDF")
    try:
        return docx.read_bytes()
    except OSError as e:
        raise SourceError(f"{docx}: không đọc được tệp ({e.strerror})") from e


def _convert_stale(stale: list[int], sources: list[bytes], options: Options, batch: Batch, stored) -> dict:
    """Index → PDF bytes or office.Failure, for the stale documents (``stored`` told of each on the way)."""
    settings = office.Settings(jobs=options.jobs, timeout=options.timeout)
    pool = office.Office(settings, options.soffice, on_done=stored)
    missing = fonts.missing_font(fonts.installed_families(pool.soffice))
    if missing:
        batch.warnings.append(missing)
    results = pool.convert([sources[i] for i in stale])
    return dict(zip(stale, results, strict=True))


def _settle(docx: Path, target: Path, source: bytes, outcome) -> Converted:
    if outcome is None:
        return Converted(docx, target, "unchanged")
    if isinstance(outcome, office.Failure):
        return Converted(docx, target, "failed", outcome.message)
    write_atomic(target, outcome)
    write_atomic(stamp_path(target), stamp(source).encode("utf-8"))
    return Converted(docx, target, "converted")


class _Readback:
    """Fonts and layout of each PDF, read back in ``jobs`` threads; without poppler, one warning."""

    def __init__(self, options: Options) -> None:
        self.check = options.check
        self.pool = ThreadPoolExecutor(max_workers=max(options.jobs, 1)) if options.check else None
        self.pending: dict[int, tuple[Converted, Future | None]] = {}

    def __enter__(self) -> _Readback:
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def submit(self, i: int, result: Converted) -> None:
        checking = self.pool is not None and result.status != "failed"
        self.pending[i] = (result, self.pool.submit(_checked, result) if checking else None)

    def result(self, i: int) -> Converted:
        result, future = self.pending[i]
        if future is None or isinstance(future.exception(), ToolMissingError):
            return result
        return future.result()

    def warnings(self) -> list[Finding]:
        missing = next((f.exception() for _, f in self.pending.values()
                        if f is not None and isinstance(f.exception(), ToolMissingError)), None)
        if missing is None:
            return []
        return [Finding("PDF-CHECK-SKIPPED", "warning", f"không kiểm tra được PDF: {missing}", "cchc-docs")]


def _checked(result: Converted) -> Converted:
    report = layout_check.check_pdf(result.pdf)
    findings = (*fonts.substituted(poppler.font_names(result.pdf)), *report.findings)
    return Converted(result.docx, result.pdf, result.status, report=report, findings=findings)
