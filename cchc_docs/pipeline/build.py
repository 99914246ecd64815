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

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from cchc_docs import checks
from cchc_docs.contexts import registry
from cchc_docs.errors import CchcError, ConflictError, FormatError, TemplateError
from cchc_docs.model.load import ReportRequest, load_all
from cchc_docs.model.periods import Period
from cchc_docs.model.status import reporting_calendar
from cchc_docs.pipeline import fingerprint
from cchc_docs.pipeline.manifest import Entry, build_key, file_hash, load_fingerprint, save_fingerprint
from cchc_docs.pipeline.options import Options, PlanResult, Prior, Result, plan_inputs, relative
from cchc_docs.render import engine
from cchc_docs.write import remove_leftovers, write_atomic

# ---------------------------------------------------------------- one plan


def build_plan(plan_path: Path, out_dir: str, options: Options, prior: Prior) -> PlanResult:
    """Build every document of one plan into ``options.out_root / out_dir``.

    Runs in a worker process: everything it needs comes in its arguments and every
    outcome, errors included, goes back in the result.
    """
    try:
        with checks.collector_paused():  # a plan's objects live until it is written: see there
            return _build_plan(plan_path, out_dir, options, prior)
    except CchcError as e:
        return PlanResult(relative(plan_path), error=str(e), exit_code=getattr(e, "exit_code", 1))


def _build_plan(plan_path: Path, out_dir: str, options: Options, prior: Prior) -> PlanResult:
    plan = relative(plan_path)
    whole = options.report is None  # `cchc-docs report` builds one job of the plan, through the same recipe
    # Recorded only for a whole plan, so the next build can skip it when nothing changed.
    inputs = plan_inputs(plan_path, options) if whole else None
    # Load and validate the plan, its versions and its status files: every problem at once.
    loaded = load_all(plan_path, options.report)
    # Contexts and build keys: decide what is stale, and say why.
    jobs = registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), options.today)
    if not whole:
        jobs = [job for job in jobs if job.output == registry.REPORT.output(options.report.period)]
    leaves = fingerprint.fingerprint(loaded.trees)
    changed = fingerprint.changes(load_fingerprint(options.out_root, plan), leaves)
    results = [_decide(job, out_dir, options, prior, changed) for job in jobs]
    if options.dry_run:
        return PlanResult(plan, None, tuple(r for r, _, _ in results))
    # Render and check the stale documents in memory, then write them.
    remove_leftovers(options.out_root / out_dir)
    written = _render_and_write(results, options, plan)
    if options.record and whole:
        save_fingerprint(options.out_root, plan, leaves)
    return PlanResult(plan, inputs, tuple(written), exit_code=_worst(written))


def _decide(job: registry.Job, out_dir: str, options: Options, prior: Prior, changed: list[str]):
    """(result saying whether and why the job is stale, the job, its context)."""
    path = f"{out_dir}/{job.output}"
    context = job.context()
    key = build_key(context, template_bytes(options.templates / job.template))
    entry = prior.entries.get(path)
    reasons = _reasons(options, entry, key, path, changed)
    status = "stale" if reasons else "unchanged"
    return Result(path, job.kind, status, tuple(reasons), entry=entry if not reasons else None), job, (context, key)


def template_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise TemplateError(f"{path}: không tìm thấy tệp mẫu") from e


def _reasons(options: Options, entry: Entry | None, key: str, path: str, changed: list[str]) -> list[str]:
    if options.force:
        return ["--force"]
    if entry is None:
        return ["chưa có trong lần tạo trước"]
    target = options.out_root / path
    if not target.is_file() or target.stat().st_size != entry.size:
        return ["tệp đã bị xóa hoặc bị sửa ngoài chương trình"]
    if entry.key == key:
        return []
    if changed:
        return [f"dữ liệu thay đổi: {fingerprint.summary(changed)}"]
    return ["mẫu văn bản hoặc phiên bản chương trình thay đổi"]


def _render_and_write(decided: list, options: Options, plan: str) -> list[Result]:
    """Render and check every stale job first; then write, never over an issued document.

    A format error in any document stops the whole plan before anything is written.
    """
    rendered = [_render(result, job, context, key, options) for result, job, (context, key) in decided]
    stop_on_format_errors([(options.out_root / r.path, r.findings) for r, _, _ in rendered])
    return [_write(result, job, payload, options, plan) for result, job, payload in rendered]


def _render(result: Result, job: registry.Job, context: dict, key: str, options: Options):
    """(result with the self-check's findings, job, (bytes, build key)); no payload when up to date."""
    if result.status == "unchanged":
        return result, job, None
    # The build key was computed from the context as JSON: it is plain data.
    data = engine.render(options.templates / job.template, context, plain=True)
    findings = tuple(checks.check_bytes(data)) if options.check else ()
    return replace(result, findings=findings), job, (data, key)


def _write(result: Result, job: registry.Job, payload, options: Options, plan: str) -> Result:
    if payload is None:
        return result
    data, key = payload
    target = options.out_root / result.path
    existing = target.read_bytes() if target.is_file() else None
    entry = Entry(key, file_hash(data), len(data), plan, job.final)
    if existing == data:
        return replace(result, status="unchanged", entry=entry)
    if job.final and existing is not None:
        return _issued_changed(result, target, data, entry, options)
    write_atomic(target, data)
    return replace(result, status="created" if existing is None else "updated", entry=entry)


def _issued_changed(result: Result, target: Path, data: bytes, entry: Entry, options: Options) -> Result:
    """An issued document whose inputs changed: keep it; write a new version only when asked.

    The issued file and its manifest entry stay as they are, so the conflict is
    reported again until the data agrees with what was issued.
    """
    same = next((v for v in _versions_of(target) if v.read_bytes() == data), None)
    if same is not None:
        note = f"bản mới đã có: {same.relative_to(options.out_root)}"
        return replace(result, status="conflict", reasons=result.reasons + (note,))
    if not options.new_version:
        return replace(result, status="conflict")
    new = target.with_name(f"{target.stem}.v{len(_versions_of(target)) + 2}{target.suffix}")
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
