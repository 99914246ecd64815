"""Loading a plan with everything that hangs off it: its versions and its status files.

One place reads a plan folder: the plan file, validated with its amendments into the
plan as issued and after each amendment, and every status file in ``bao-cao/``,
each validated against the plan as it stood at the end of its data window. Every
problem comes out at once; nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cchc_docs import collector, vn
from cchc_docs.errors import DataError, Location, Problem, SourceError
from cchc_docs.model import amend, consistency, periods, source, validate, validate_status
from cchc_docs.model.paths import STATUS_FOLDER, status_folder
from cchc_docs.model.periods import Period, PeriodError
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.status import StatusFile, reporting_calendar


@dataclass(frozen=True)
class ReportRequest:
    """One report asked for by name (``cchc-docs report``), with its status file if it lives elsewhere."""

    period: Period
    status: Path | None = None  # default: the plan's bao-cao/<KỲ>.yaml


@dataclass(frozen=True)
class Loaded:
    """A plan and its status files, validated: what the contexts and fingerprints are made from."""

    versions: list[PlanFile]  # as issued, then after each amendment
    statuses: dict[Period, StatusFile]
    trees: dict  # the raw trees (plan, then status files by period code) for the data fingerprint
    warnings: tuple[Problem, ...] = ()  # said, but nothing stops: a report signed after its due day


def load_all(plan_path: Path, report: ReportRequest | None = None) -> Loaded:
    """The plan's versions and validated status files (plus the one ``report`` names).

    The garbage collector is paused meanwhile (see :mod:`cchc_docs.collector`), for every
    caller: ``validate``, the web page, a build.
    """
    with collector.paused():
        return _load_all(plan_path, report)


def _load_all(plan_path: Path, report: ReportRequest | None) -> Loaded:
    parsed = source.load(plan_path)
    versions = validate.validate_versions(parsed)
    files = status_files(status_folder(plan_path))
    if report is not None:
        files[report.period] = _report_file(plan_path, versions[0], report)
    loaded, problems, status_trees = _load_statuses(versions, files)
    problems += consistency.decision_problems(versions[0], parsed)
    problems += consistency.numbers_problems(versions[0], parsed, loaded)
    if problems:
        raise DataError(problems)
    calendar = reporting_calendar(versions[0])
    late = [consistency.late_report(status, src, period.due_date(calendar)) for period, (status, src) in loaded.items()]
    return Loaded(versions, {period: status for period, (status, _) in loaded.items()},
                  {**(parsed.tree or {}), STATUS_FOLDER: status_trees}, tuple(w for w in late if w))


def load_plan(plan_path: Path) -> PlanFile:
    """Read and validate a plan file (raises DataError with every problem)."""
    return validate.validate(source.load(plan_path))


def _report_file(plan_path: Path, plan_file: PlanFile, report: ReportRequest) -> Path:
    """The status file of the one report asked for; say clearly when it cannot be made."""
    check_period(plan_file, report.period)
    path = report.status or status_folder(plan_path) / f"{report.period.code}.yaml"
    if not path.is_file():
        raise SourceError(f"{path}: không có tệp số liệu cho báo cáo {report.period.label}; tạo tệp theo hướng dẫn "
                          "docs/status-format.md hoặc chỉ rõ tệp bằng tùy chọn --status")
    return path


def status_files(folder: Path) -> dict[Period, Path]:
    """The status files of a folder, keyed by the period their name gives (``2025-Q3.yaml``)."""
    found, problems = {}, []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            period = periods.parse(path.stem)
        except PeriodError:
            problems.append(Problem(Location(str(path), 1, 1), "", "tên tệp số liệu báo cáo phải là mã kỳ báo cáo",
                                    expected=periods.EXPECTED, got=f"'{path.name}'"))
            continue
        if period in found:  # 2025-q3.yaml beside 2025-Q3.yaml: neither may silently win
            problems.append(Problem(Location(str(path), 1, 1), "", f"hai tệp số liệu cùng kỳ {period.code}",
                                    hint=f"giữ một trong hai tệp: {found[period].name} hoặc {path.name}"))
        found[period] = path
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
    loaded, problems, trees = _load_statuses(versions, files)
    if problems:
        raise DataError(problems)
    return {period: status for period, (status, _) in loaded.items()}, trees


def _load_statuses(versions: list[PlanFile], files: dict[Period, Path]) -> tuple[dict, list[Problem], dict]:
    """(period → (status, its source), problems, raw trees by period code)."""
    calendar = reporting_calendar(versions[0])
    ends = {period: period.window(calendar)[1] for period in files}  # each window computed once
    loaded, problems, trees = {}, [], {}
    for period, path in files.items():
        try:
            parsed = source.load(path)
            version = amend.version_at(versions, ends[period])
            loaded[period] = (validate_status.validate(parsed, version, period), parsed)
            problems += consistency.report_preamble_problems(loaded[period][0], parsed)
            trees[period.code] = parsed.tree
        except DataError as e:
            problems += e.problems
    for earlier, (first, _) in loaded.items():
        for later, (second, parsed) in loaded.items():
            if earlier != later and ends[earlier] <= ends[later]:
                problems += validate_status.consistency(first, second, parsed)
                problems += consistency.report_problems(first, ends[earlier], second, parsed)
    return loaded, problems, trees


def check_period(plan_file: PlanFile, period: Period) -> None:
    """A report needs a period the plan runs in; say which periods it does."""
    plan = plan_file.plan
    if not period.overlaps(plan.start, plan.end):
        first, last = period.span
        codes = ", ".join(p.code for p in periods.periods_of(plan.start, plan.end))
        raise PeriodError(
            f"kỳ {period.code} ({period.label}, {vn.short_date(first)}–{vn.short_date(last)}) nằm ngoài thời gian "
            f"thực hiện kế hoạch ({vn.short_date(plan.start)}–{vn.short_date(plan.end)}); "
            f"các kỳ báo cáo của kế hoạch: {codes}"
        )
