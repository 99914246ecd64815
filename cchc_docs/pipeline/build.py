"""The build recipe for one plan: load → validate → contexts → decide what is stale → render → check → write.

Every stale document of a plan is rendered and checked in memory before any file of
that plan is written, so a problem in the data or a template leaves its outputs as
they were. Outputs are written atomically; the manifest (written last, by
:mod:`cchc_docs.batch`) records what each was built from.

Rules that protect what has been issued: a document with a number in its data is
*final*. When its inputs change, the build never overwrites it — it reports the
conflict, and writes a new version beside it only when asked (``--new-version``).
Drafts are regenerated freely.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from cchc_docs import checks, vn
from cchc_docs.contexts import registry
from cchc_docs.errors import (
    CchcError,
    ConflictError,
    DataError,
    FormatError,
    Location,
    Problem,
    SourceError,
    TemplateError,
)
from cchc_docs.model import periods, source, validate, validate_status
from cchc_docs.model.periods import Period, PeriodError
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.status import StatusFile, reporting_rules
from cchc_docs.pipeline import fingerprint
from cchc_docs.pipeline.manifest import Entry, build_key, file_hash, load_fingerprint, save_fingerprint
from cchc_docs.pipeline.options import (
    STATUS_FOLDER,
    Options,
    PlanResult,
    Prior,
    Result,
    default_templates,
    plan_inputs,
    relative,
    status_folder,
)
from cchc_docs.render import engine
from cchc_docs.write import remove_leftovers, write_atomic

# default_templates and Options are part of this module's library interface.
__all__ = ["Options", "build", "build_plan", "build_report", "default_templates", "load_plan", "render_all"]

# ---------------------------------------------------------------- one plan


def build_plan(plan_path: Path, out_dir: str, options: Options, prior: Prior) -> PlanResult:
    """Build every document of one plan into ``options.out_root / out_dir``.

    Runs in a worker process: everything it needs comes in its arguments and every
    outcome, errors included, goes back in the result.
    """
    try:
        return _build_plan(plan_path, out_dir, options, prior)
    except CchcError as e:
        return PlanResult(relative(plan_path), error=str(e), exit_code=getattr(e, "exit_code", 1))


def _build_plan(plan_path: Path, out_dir: str, options: Options, prior: Prior) -> PlanResult:
    plan = relative(plan_path)
    inputs = plan_inputs(plan_path, options)  # recorded, so the next build can skip this plan
    # Load and validate the plan, its versions and its status files: every problem at once.
    versions, statuses, trees = load_all(plan_path)
    # Contexts and build keys: decide what is stale, and say why.
    jobs = registry.plan_jobs(versions, statuses, reporting_rules(versions[0]), options.today)
    leaves = fingerprint.fingerprint(trees)
    changed = fingerprint.changes(load_fingerprint(options.out_root, plan), leaves)
    results = [_decide(job, out_dir, options, prior, changed) for job in jobs]
    if options.dry_run:
        return PlanResult(plan, None, tuple(r for r, _, _ in results))
    # Render and check the stale documents in memory, then write them.
    remove_leftovers(options.out_root / out_dir)
    written = _render_and_write(results, options, plan)
    if options.record:
        save_fingerprint(options.out_root, plan, leaves)
    return PlanResult(plan, inputs, tuple(written), exit_code=_worst(written))


def load_all(plan_path: Path) -> tuple[list[PlanFile], dict[Period, StatusFile], dict]:
    """The plan's versions, its validated status files, and the raw trees (for fingerprints)."""
    parsed = source.load(plan_path)
    versions = validate.validate_versions(parsed)
    files = status_files(status_folder(plan_path))
    statuses, status_trees = load_statuses_for(versions, files)
    return versions, statuses, {**(parsed.tree or {}), STATUS_FOLDER: status_trees}


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


# ---------------------------------------------------------------- status files


def status_files(folder: Path) -> dict[Period, Path]:
    """The status files of a folder, keyed by the period their name gives (``2025-Q3.yaml``)."""
    found, problems = {}, []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            found[periods.parse(path.stem)] = path
        except PeriodError:
            problems.append(Problem(Location(str(path), 1, 1), "", "tên tệp số liệu báo cáo phải là mã kỳ báo cáo",
                                    expected=periods.EXPECTED, got=f"'{path.name}'"))
    if problems:
        raise DataError(problems)
    return found


def load_statuses(plan_file: PlanFile, files: dict[Period, Path]) -> dict[Period, StatusFile]:
    """Status files validated against one plan (no amendments considered)."""
    return load_statuses_for([plan_file], files)[0]


def load_statuses_for(versions: list[PlanFile], files: dict[Period, Path]) -> tuple[dict[Period, StatusFile], dict]:
    """Validate each status file against the plan as it stood at its window's end.

    Then check that none undoes an earlier one; all problems at once. Also returns
    the raw trees, by period code, for the data fingerprint.
    """
    rules = reporting_rules(versions[0])
    loaded, problems, trees = {}, [], {}
    for period, path in files.items():
        try:
            parsed = source.load(path)
            version = registry.version_at(versions, period.window(rules)[1])
            loaded[period] = (validate_status.validate(parsed, version, period), parsed)
            trees[period.code] = parsed.tree
        except DataError as e:
            problems += e.problems
    for earlier, (first, _) in loaded.items():
        for later, (second, parsed) in loaded.items():
            if earlier != later and earlier.window(rules)[1] <= later.window(rules)[1]:
                problems += validate_status.consistency(first, second, parsed)
    if problems:
        raise DataError(problems)
    return {period: status for period, (status, _) in loaded.items()}, trees


def check_period(plan_file: PlanFile, period: Period) -> None:
    """A report needs a period the plan runs in; say which periods it does."""
    plan = plan_file.plan
    if not period.overlaps(plan.start, plan.end):
        first, last = period.span
        codes = ", ".join(p.code for p in periods.periods_of(plan.start, plan.end))
        raise PeriodError(
            f"kỳ {period.code} ({period.label}, {vn.short_date(first)}–{vn.short_date(last)}) nằm ngoài thời gian "
            f"thực hiện kế hoạch ({vn.short_date(plan.start)}–{vn.short_date(plan.end)}); các kỳ báo cáo của kế hoạch: {codes}"
        )


# ---------------------------------------------------------------- library entry points


def build(plan_path: Path, out_root: Path, templates: Path, today: dt.date, check: bool = True) -> list[Output]:
    """Build one plan's documents into ``out_root/<plan-stem>/``, without a manifest.

    Raises the plan's error (DataError, TemplateError, FormatError …) instead of
    reporting it, and :class:`ConflictError` when an issued document would change.
    """
    options = Options(out_root, templates, today, check=check, force=True, record=False)
    result = _build_plan(plan_path, plan_path.stem, options, Prior())
    conflicts = [r.path for r in result.results if r.status == "conflict"]
    if conflicts:
        raise ConflictError([str(out_root / path) for path in conflicts])
    return [Output(r.kind, out_root / r.path, (out_root / r.path).read_bytes(), r.findings)
            for r in result.results]


def render_all(plan_path: Path, templates: Path, today: dt.date) -> list[Output]:
    """Every document of a plan rendered in memory (paths relative to an output root)."""
    versions, statuses, _ = load_all(plan_path)
    jobs = registry.plan_jobs(versions, statuses, reporting_rules(versions[0]), today)
    return [Output(job.kind, Path(plan_path.stem) / job.output, engine.render(templates / job.template, job.context()))
            for job in jobs]


def load_plan(plan_path: Path) -> PlanFile:
    """Read and validate a plan file (raises DataError with every problem)."""
    return validate.validate(source.load(plan_path))


# ---------------------------------------------------------------- one report


@dataclass(frozen=True)
class Output:
    """A rendered document, written."""

    kind: str
    path: Path
    data: bytes
    findings: tuple = ()  # format findings of the self-check (warnings only: errors stop the build)


def self_check(outputs: list[Output], enabled: bool = True) -> list[Output]:
    """Check every rendered document against Nghị định 30/2020 before anything is written.

    Error findings raise :class:`FormatError` (nothing is written); warnings ride along
    on each output for the CLI to print. ``enabled=False`` is for template work.
    """
    if not enabled:
        return outputs
    checked = [replace(output, findings=tuple(checks.check_bytes(output.data))) for output in outputs]
    stop_on_format_errors([(o.path, o.findings) for o in checked])
    return checked


def stop_on_format_errors(checked: list[tuple[Path, tuple]]) -> None:
    """Raise FormatError when any document has an error finding; warnings do not stop anything."""
    failures = [(path, findings) for path, findings in checked if any(f.severity == "error" for f in findings)]
    if failures:
        raise FormatError(failures)


def build_report(plan_path: Path, period: Period, status_path: Path | None, out_root: Path,
                 templates: Path, check: bool = True) -> Output:
    """Build one report: ``out_root/<plan-stem>/bao-cao-<period>.docx``."""
    # Load and validate the plan, the period, and the status file with its earlier siblings.
    versions = validate.validate_versions(source.load(plan_path))
    rules = reporting_rules(versions[0])
    check_period(versions[0], period)
    path = status_path or status_folder(plan_path) / f"{period.code}.yaml"
    if not path.is_file():
        raise SourceError(f"{path}: không có tệp số liệu cho báo cáo {period.label}; tạo tệp theo hướng dẫn "
                          "docs/status-format.md hoặc chỉ rõ tệp bằng tùy chọn --status")
    end = period.window(rules)[1]
    siblings = {p: f for p, f in status_files(path.parent).items()
                if p != period and p.window(rules)[1] <= end} if status_path is None else {}
    statuses, _ = load_statuses_for(versions, {**siblings, period: path})
    # Render in memory and check, then write atomically.
    version = registry.version_at(versions, end)
    output = render_report(version, plan_path, period, statuses[period], out_root, templates)
    (output,) = self_check([output], check)
    # An issued report (it has a number) is never overwritten with different content.
    issued = statuses[period].report.number is not None
    if issued and output.path.is_file() and output.path.read_bytes() != output.data:
        raise ConflictError([str(output.path)])
    write_atomic(output.path, output.data)
    return output


def render_report(plan_file: PlanFile, plan_path: Path, period: Period, status: StatusFile,
                  out_root: Path, templates: Path) -> Output:
    """One report rendered in memory, from the plan as given (pick the version first)."""
    kind = registry.REPORT
    data = engine.render(templates / kind.template, kind.build_context(plan_file, status, period))
    return Output(kind.name, out_root / plan_path.stem / kind.output(period), data)
