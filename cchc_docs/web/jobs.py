"""Builds started from the page: the command line's build recipe, run in the background, with progress.

A build is what ``cchc-docs build PLAN --pdf`` does (or ``cchc-docs report PLAN --period``
for one report): :func:`batch.build_targets` with the shared manifest, so the page and
the command line agree on what is up to date, and an issued document is never
overwritten (its conflict is reported with the library's own message). Then, when
LibreOffice is installed, each document is converted to PDF and its pages are drawn as
PNG images for the page to show. Builds run one at a time in one worker thread: two
clerks pressing the button at once do not write the same folder together.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from cchc_docs.checks import output as check_output
from cchc_docs.errors import CchcError, ConflictError
from cchc_docs.model.load import ReportRequest
from cchc_docs.model.periods import Period
from cchc_docs.pipeline import batch
from cchc_docs.pipeline.options import Options
from cchc_docs.web.catalog import PlanRef
from cchc_docs.web.config import Settings

PREVIEWS = ".xem-truoc"  # page images, beside the documents (hidden: not an output of the plan)
PREVIEW_DPI = 50
MAX_PREVIEW_PAGES = 40  # a decision with its plan and appendix is about 14 pages


@dataclass
class Document:
    """One document of the build, as the result page lists it."""

    name: str  # file name in the plan's output folder
    kind: str
    status: str  # the command line's word: đã tạo, không đổi, xung đột …
    conflict: str | None = None  # the library's message when an issued document was kept
    findings: list[tuple[str, str]] = field(default_factory=list)  # (severity word, two-line description)
    pdf: str | None = None
    pdf_findings: list[tuple[str, str]] = field(default_factory=list)
    pages: list[str] = field(default_factory=list)  # preview image names


@dataclass
class Job:
    """A build in progress or finished."""

    id: str
    plan: PlanRef
    label: str
    steps: list[str] = field(default_factory=list)
    done: bool = False
    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # LibreOffice or poppler missing, machine warnings
    summary: str = ""
    started: dt.datetime = field(default_factory=dt.datetime.now)

    @property
    def failed(self) -> bool:
        return bool(self.errors)


class Jobs:
    """The builds of this server: one worker, results kept while the server runs."""

    def __init__(self, settings: Settings, pdf: bool = True):
        self.settings = settings
        self.pdf = pdf
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cchc-build")

    def start(self, plan: PlanRef, period: Period | None = None, new_version: bool = False,
              today: dt.date | None = None) -> Job:
        label = f"báo cáo {period.label}" if period else "mọi văn bản của kế hoạch"
        job = Job(secrets.token_urlsafe(12), plan, label)
        with self._lock:
            self._jobs[job.id] = job
        options = self._options(period, new_version, today or dt.date.today())
        self._worker.submit(self._run, job, options)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def latest(self, plan: PlanRef) -> Job | None:
        mine = [j for j in self._jobs.values() if j.plan.key == plan.key and j.done]
        return max(mine, key=lambda j: j.started, default=None)

    def shutdown(self) -> None:
        self._worker.shutdown(wait=True, cancel_futures=True)

    def _options(self, period: Period | None, new_version: bool, today: dt.date) -> Options:
        report = ReportRequest(period) if period else None
        # A report is dated by its period, as `cchc-docs report` dates it; drafts of a decision by today.
        return Options(self.settings.out_root, self.settings.templates, period.span[1] if period else today,
                       new_version=new_version, report=report)

    def _run(self, job: Job, options: Options) -> None:
        try:
            self._build(job, options)
            if self.pdf and not job.failed:
                self._pdf(job)
        except CchcError as e:
            job.errors.append(str(e))
        except Exception as e:  # a bug: said as one, never a traceback on the page
            job.errors.append(f"lỗi nội bộ của cchc-docs ({type(e).__name__}); đây là lỗi của chương trình, "
                              "không phải của dữ liệu: hãy báo cho nhóm phát triển")
        finally:
            job.done = True

    def _build(self, job: Job, options: Options) -> None:
        job.steps.append("Kiểm tra dữ liệu, tạo văn bản DOCX và tự kiểm tra thể thức")
        summary = batch.build_targets([job.plan.target], options, jobs=1)
        result = summary.plans[0]
        job.summary = summary.line()
        job.errors += ([result.error] if result.error else []) + summary.errors
        job.notes += summary.warnings
        root = self.settings.out_root
        for r in result.results:
            written = Path(r.written or r.path)
            conflict = str(ConflictError([str(root / r.path)])) if r.status == "conflict" else None
            job.documents.append(Document(written.name, r.kind, batch.STATUS_VI[r.status], conflict,
                                          _findings(r.findings)))

    def _pdf(self, job: Job) -> None:
        from cchc_docs.pdf import convert, preview

        folder = self.settings.out_root / job.plan.out_dir
        files = [folder / d.name for d in job.documents if (folder / d.name).is_file()]
        if not files:
            return
        job.steps.append(f"Chuyển {len(files)} văn bản sang PDF bằng LibreOffice")
        try:
            converted = convert.convert(files)
        except CchcError as e:  # LibreOffice is not installed: the DOCX files are there all the same
            job.notes.append(f"không chuyển được PDF: {e}")
            return
        job.notes += [" ".join(line.strip() for line in check_output.describe(w)) for w in converted.warnings]
        by_name = {r.docx.name: r for r in converted.results}
        for i, document in enumerate(job.documents):
            result = by_name.get(document.name)
            if result is None or result.status == "failed":
                if result is not None:
                    job.notes.append(f"{document.name}: không chuyển được PDF ({result.error})")
                continue
            job.documents[i] = replace(document, pdf=result.pdf.name, pdf_findings=_findings(result.findings))
        job.steps.append("Vẽ ảnh các trang để xem trước")
        self._previews(job, folder, preview)

    def _previews(self, job: Job, folder: Path, preview) -> None:
        for i, document in enumerate(job.documents):
            if not document.pdf:
                continue
            try:
                images = preview.render(folder / document.pdf, folder / PREVIEWS,
                                        preview.PageRange(1, None), PREVIEW_DPI)
            except CchcError as e:  # poppler missing: the PDF is there, the images are not
                job.notes.append(f"không vẽ được ảnh trang: {e}")
                return
            job.documents[i] = replace(document, pages=[p.name for p in images[:MAX_PREVIEW_PAGES]])


def _findings(findings) -> list[tuple[str, str]]:
    return [(f.severity, " ".join(line.strip() for line in check_output.describe(f))) for f in findings]
