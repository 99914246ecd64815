"""The build recipe for one plan: load → validate → contexts → decide what is stale → render → check → write.

Every stale document of a plan is rendered and checked in memory before any file of
that plan is written, so a problem in the data or a template leaves its outputs as
they were. Outputs are written atomically; the manifest (written last, by
:mod:`cchc_docs.pipeline.batch`) records what each was built from.

Rules that protect what has been issued: a document with a number in its data is
*final*. When its inputs change, the build never overwrites it — it reports the
conflict, and writes a new version beside it only when asked (``--new-version``).
Drafts are regenerated freely.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from cchc_docs import collector
from cchc_docs.contexts import registry
from cchc_docs.errors import (
    CchcError,
    ConflictError,
    FormatError,
    OutputError,
    SourceError,
    TemplateError,
    os_reason,
)
from cchc_docs.model.load import ReportRequest, load_all
from cchc_docs.model.periods import Period
from cchc_docs.model.status import reporting_calendar
from cchc_docs.pipeline import confine, fingerprint, workers
from cchc_docs.pipeline.manifest import (
    FINGERPRINTS,
    Entry,
    build_key,
    file_hash,
    load_fingerprint,
    save_fingerprint,
)
from cchc_docs.pipeline.options import Options, PlanResult, Prior, Result, plan_inputs, relative
from cchc_docs.render import engine
from cchc_docs.write import remove_leftovers, write_atomic

# ---------------------------------------------------------------- before the workers


def prepare(options: Options, templates: Iterable[str] | None = None) -> None:
    """Do once, before processes fork, what every one of them would otherwise do for itself.

    Forked processes inherit this one's memory: the ``templates`` (by default every one
    the registry can use) are compiled here, a tenth of a second per process for the
    templates of a plan, and the checker is loaded, once for the build instead of once
    per worker. No plan is built here: a plan that kills the process building it must
    only ever kill a worker. A template that does not compile is left for the plans
    that use it to report.
    """
    if options.check:
        from cchc_docs import checks  # noqa: F401  (loaded to be inherited)
    for name in sorted(registry.templates() if templates is None else templates):
        with contextlib.suppress(CchcError):
            engine.compile_template(options.templates / name)


# ---------------------------------------------------------------- one plan


def build_plan(plan_path: Path, out_dir: str, options: Options, prior: Prior) -> PlanResult:
    """Build every document of one plan into ``options.out_root / out_dir``.

    Runs in a worker process: everything it needs comes in its arguments and every
    outcome, errors included, goes back in the result.
    """
    try:
        with collector.paused():  # a plan's objects live until it is written: see there
            return _build_plan(plan_path, out_dir, options, prior)
    except CchcError as e:
        return PlanResult(relative(plan_path), results=getattr(e, "written", ()), error=str(e), exit_code=e.exit_code)
    except OSError as e:  # a file the plan needs could not be read
        return PlanResult(relative(plan_path), error=f"{e.filename or plan_path}: {os_reason(e)}", exit_code=1)
    except Exception as e:  # a bug met on this plan: say so, and let the others be built
        return PlanResult(relative(plan_path), error=INTERNAL.format(f"{type(e).__name__}: {e}"), exit_code=1)


INTERNAL = ("lỗi nội bộ của cchc-docs khi tạo văn bản của kế hoạch này ({}); đây là lỗi của chương trình, không "
            "phải của dữ liệu: hãy gửi tệp kế hoạch cho nhóm phát triển; các kế hoạch khác vẫn được tạo")


class WriteStopped(OutputError):
    """Writing a plan's outputs stopped part-way (a full disk); ``written`` is what was written before."""

    def __init__(self, message: str, written: list[Result]):
        super().__init__(message)
        self.written = tuple(written)


def _build_plan(plan_path: Path, out_dir: str, options: Options, prior: Prior) -> PlanResult:
    plan = relative(plan_path)
    # The plan's name must give a folder inside the output root that every system can write.
    refused = confine.target_problem(plan_path, out_dir)
    if refused:
        raise SourceError(refused)
    whole = options.report is None  # `cchc-docs report` builds one job of the plan, through the same recipe
    # Recorded only for a whole plan, so the next build can skip it when nothing changed.
    inputs = plan_inputs(plan_path, options) if whole else None
    # Load and validate the plan, its versions and its status files: every problem at once.
    loaded = load_all(plan_path, options.report)
    # Contexts and build keys: decide what is stale, and say why.
    jobs = registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), options.today)
    if not whole:
        jobs = [job for job in jobs if job.output == registry.REPORT.output(options.report.period)]
    warnings = tuple(str(w) for w in loaded.warnings)

    @functools.cache
    def changed() -> list[str]:
        """The data paths changed since the last build: worked out only when a reason names them."""
        return fingerprint.changes(load_fingerprint(options.out_root, plan), fingerprint.fingerprint(loaded.trees))

    results = [_decide(job, out_dir, options, prior, changed) for job in jobs]
    if options.dry_run:
        predicted = [_predict(r, job, extra, options) for r, job, extra in results]
        return PlanResult(plan, None, tuple(predicted), exit_code=_worst(predicted), warnings=warnings)
    # Render and check the stale documents in memory, then write them.
    remove_leftovers(options.out_root / out_dir)
    written = _render_and_write(results, options, plan)
    # After a refused write the old fingerprint stays, so the next run still names the data change.
    if options.record and whole and not _worst(written):
        try:
            save_fingerprint(options.out_root, plan, loaded.trees)
        except OutputError as e:
            raise WriteStopped(f"{e}; {FINGERPRINT_LOST}", written) from e
    return PlanResult(plan, inputs, tuple(written), exit_code=_worst(written), warnings=warnings)


FINGERPRINT_LOST = (f"các văn bản trên đã được ghi, nhưng dữ liệu của lần tạo này không ghi được vào "
                    f"{FINGERPRINTS}/ (lần sau sẽ không nói được trường nào thay đổi)")


def _decide(job: registry.Job, out_dir: str, options: Options, prior: Prior, changed: Callable[[], list[str]]):
    """(result saying whether and why the job is stale, the job, (its context, build key, last entry))."""
    path = f"{out_dir}/{job.output}"
    context = job.context()
    key = build_key(context, template_bytes(options.templates / job.template))
    entry = prior.entries.get(path)
    reasons = _reasons(entry, key, options.out_root / path, lambda: [c for c in changed() if job.feeds(c)])
    if options.force and not reasons:
        reasons = ["--force"]
    status = "stale" if reasons else "unchanged"
    result = Result(path, job.kind, status, tuple(reasons), entry=entry if not reasons else None)
    return result, job, (context, key, entry)


def _predict(result: Result, job: registry.Job, extra: tuple, options: Options) -> Result:
    """What a real build would do with one stale document, without writing anything.

    Only the rendered bytes can tell whether an issued document would change (exit 4) or a
    forced rebuild would come out the same: each stale document is rendered and compared,
    so a dry run agrees with the build it stands for, ``--force`` included.
    """
    context, key, last = extra
    if result.status == "unchanged":
        return result
    data = engine.render(options.templates / job.template, context, plain=True)
    outcome = _write(result, job, data, key, last, options, dry=True)
    return outcome if outcome.status in ("unchanged", "conflict") else replace(result, status="stale")


def template_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise TemplateError(f"{path}: không tìm thấy tệp mẫu") from e


def _reasons(entry: Entry | None, key: str, target: Path, changes: Callable[[], list[str]]) -> list[str]:
    """Why an output must be made again: every reason, so a conflict can name the data changes."""
    if entry is None:
        return ["chưa có trong lần tạo trước"]
    reasons = []
    if not target.is_file() or target.stat().st_size != entry.size:
        reasons.append("tệp đã bị xóa hoặc bị sửa ngoài chương trình")
    if entry.key != key:
        changed = changes()
        reasons.append(f"dữ liệu thay đổi: {fingerprint.summary(changed)}" if changed
                       else "mẫu văn bản hoặc phiên bản chương trình thay đổi")
    return reasons


def _render_and_write(decided: list, options: Options, plan: str) -> list[Result]:
    """Render and check every stale job first; then write, never over an issued document.

    A format error in any document stops the whole plan before anything is written.
    """
    # A plan built alone renders and checks its documents in child processes (options.jobs).
    stale = [(job, context) for result, job, (context, _, _) in decided if result.status != "unchanged"]
    if options.jobs > 1 and len(stale) > 1:  # the children are forked from here (see prepare)
        prepare(options, {job.template for job, _ in stale})
    made = iter(workers.map_forked(lambda i: _render(*stale[i], options), len(stale), options.jobs))
    rendered = [(result, job, None, key, last) if result.status == "unchanged"
                else _made(result, job, next(made), key, last) for result, job, (_, key, last) in decided]
    stop_on_format_errors([(options.out_root / r.path, r.findings) for r, *_ in rendered])
    _confined([r.path for r, _, data, _, _ in rendered if data is not None], options.out_root)
    written: list[Result] = []
    for result, job, data, key, last in rendered:
        try:
            written.append(_write(result, job, data, key, last, options, plan))
        except OutputError as e:  # a full disk: say what was written before it
            raise WriteStopped(str(e), written) from e
        except OSError as e:  # the output there cannot even be read
            raise WriteStopped(f"{e.filename}: {os_reason(e)}", written) from e
    return written


def _confined(outputs: list[str], root: Path) -> None:
    """Refuse to write anything when an output would land outside ``root`` (through a link)."""
    outside = [root / path for path in outputs if not confine.inside(root, path)]
    if outside:
        raise OutputError("\n".join(f"{path}: nằm ngoài thư mục kết quả {root} (qua liên kết tượng trưng); "
                                     "không ghi văn bản nào của kế hoạch này" for path in outside))


def _render(job: registry.Job, context: dict, options: Options) -> tuple[tuple, bytes]:
    """(the self-check's findings, the document's bytes): all that comes back from a child process."""
    # The build key was computed from the context as JSON: it is plain data.
    data = engine.render(options.templates / job.template, context, plain=True)
    if not options.check:
        return (), data
    from cchc_docs import checks  # the checker and its DOCX reader: not loaded at all by --no-check

    return tuple(checks.check_bytes(data)), data


def _made(result: Result, job: registry.Job, made: tuple[tuple, bytes], key: str, last: Entry | None) -> tuple:
    findings, data = made
    return replace(result, findings=findings), job, data, key, last


def _write(result: Result, job: registry.Job, data: bytes | None, key: str, last: Entry | None,
           options: Options, plan: str = "", dry: bool = False) -> Result:
    """Write one rendered document, unless it would replace or re-create an issued one differently.

    ``last`` is the manifest's entry for it. A draft on disk becomes the issued document
    when the data gets its number; an issued one is never replaced, not even by a draft
    (the number taken out of the data); an issued document deleted by hand is re-created
    only as it was issued.
    """
    if data is None:
        return result
    target = options.out_root / result.path
    existing = target.read_bytes() if target.is_file() else None
    entry = Entry(key, file_hash(data), len(data), plan, job.final)
    if existing == data:
        return replace(result, status="unchanged", entry=entry)
    # What the file on disk is: the manifest knows; without a record, the data's word is taken.
    was_issued = last.final if last is not None else job.final
    reissued = existing is None and last is not None and last.final and last.sha256 != entry.sha256
    if (existing is not None and was_issued) or reissued:
        return _issued_changed(result, target, data, options, dry)
    if not dry:
        write_atomic(target, data)
    return replace(result, status="created" if existing is None else "updated", entry=entry)


def _issued_changed(result: Result, target: Path, data: bytes, options: Options, dry: bool = False) -> Result:
    """An issued document whose inputs changed: keep it; write a new version only when asked.

    The issued file (or its absence, when deleted by hand) and its manifest entry stay
    as they are, so the conflict is reported again until the data agrees with what was issued.
    """
    same = next((v for v in _versions_of(target) if v.read_bytes() == data), None)
    if same is not None:
        note = f"bản mới đã có: {same.relative_to(options.out_root)}"
        return replace(result, status="conflict", reasons=result.reasons + (note,))
    if not options.new_version:
        return replace(result, status="conflict")
    new = target.with_name(f"{target.stem}.v{len(_versions_of(target)) + 2}{target.suffix}")
    if not dry:
        write_atomic(new, data)
    return replace(result, status="new-version", written=str(new.relative_to(options.out_root)))


def _versions_of(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f"{target.stem}.v*{target.suffix}"))


def _worst(results: list[Result]) -> int:
    return 4 if any(r.status == "conflict" for r in results) else 0


# ---------------------------------------------------------------- library entry points


def build(plan_path: Path, out_root: Path, templates: Path, today: dt.date, check: bool = True,
          report: ReportRequest | None = None) -> list[Output]:
    """Build one plan's documents (or only ``report``) into ``out_root/<plan-stem>/``, without a manifest.

    Raises the plan's error (DataError, TemplateError, FormatError …) instead of
    reporting it, and :class:`ConflictError` when an issued document would change.
    """
    options = Options(out_root, templates, today, check=check, force=True, record=False, report=report)
    result = _build_plan(plan_path, plan_path.stem, options, Prior())
    conflicts = [r.path for r in result.results if r.status == "conflict"]
    if conflicts:
        raise ConflictError([str(out_root / path) for path in conflicts])
    return [Output(r.kind, out_root / r.path, (out_root / r.path).read_bytes(), r.findings)
            for r in result.results]


def build_report(plan_path: Path, period: Period, status_path: Path | None, out_root: Path, templates: Path,
                 check: bool = True) -> Output:
    """One report, ``out_root/<plan-stem>/bao-cao-<period>.docx``: the build recipe restricted to its job.

    A report does not depend on the build date (only undated drafts of a decision do), so
    the period's last day stands in for it and the result stays the same whenever it runs.
    """
    (output,) = build(plan_path, out_root, templates, period.span[1], check, ReportRequest(period, status_path))
    return output


@dataclass(frozen=True)
class Output:
    """A rendered document, written."""

    kind: str
    path: Path
    data: bytes
    findings: tuple = ()  # format findings of the self-check (warnings only: errors stop the build)


def stop_on_format_errors(checked: list[tuple[Path, tuple]]) -> None:
    """Raise FormatError when any document has an error finding; warnings do not stop anything."""
    failures = [(path, findings) for path, findings in checked if any(f.severity == "error" for f in findings)]
    if failures:
        raise FormatError(failures)
