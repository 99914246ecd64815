"""The build recipe: load → validate → build contexts → render → write.

Every document of a plan is rendered in memory before any file is written, so a
problem in the data or a template leaves the output folder exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from . import checks, documents, periods, render, source, status_rules, validate, vn
from .errors import DataError, FormatError, Location, Problem, SourceError, TemplateError
from .model import PlanFile
from .periods import Period, PeriodError
from .status import StatusFile, reporting_rules
from .write import write_atomic


@dataclass(frozen=True)
class Output:
    """A rendered document, ready to be written."""

    kind: str
    path: Path
    data: bytes
    findings: tuple = ()  # format findings of the self-check (warnings only: errors stop the build)


def load_plan(plan_path: Path) -> PlanFile:
    """Read and validate a plan file (raises DataError with every problem)."""
    return validate.validate(source.load(plan_path))


def render_plan(plan_file: PlanFile, plan_path: Path, out_root: Path, templates: Path,
                today: dt.date) -> list[Output]:
    """Render every document of the plan in memory (pure apart from reading templates)."""
    out_dir = out_root / plan_path.stem
    outputs = []
    for kind in documents.for_plan(plan_file):
        context = kind.build_context(plan_file, today)
        data = render.render(templates / kind.template, context)
        outputs.append(Output(kind.name, out_dir / kind.output, data))
    return outputs


def self_check(outputs: list[Output], enabled: bool = True) -> list[Output]:
    """Check every rendered document against Nghị định 30/2020 before anything is written.

    Error findings raise :class:`FormatError` (nothing is written); warnings ride along
    on each output for the CLI to print. ``enabled=False`` is for template work.
    """
    if not enabled:
        return outputs
    checked = [replace(output, findings=tuple(checks.check_bytes(output.data))) for output in outputs]
    failures = [(o.path, o.findings) for o in checked if any(f.severity == "error" for f in o.findings)]
    if failures:
        raise FormatError(failures)
    return checked


def build(plan_path: Path, out_root: Path, templates: Path, today: dt.date, check: bool = True) -> list[Output]:
    """Build all documents of one plan file into ``out_root/<plan-stem>/``."""
    # Load and validate: every problem of the data at once.
    plan_file = load_plan(plan_path)
    # Render everything in memory: nothing is written if anything fails.
    outputs = render_plan(plan_file, plan_path, out_root, templates, today)
    outputs += render_reports(plan_file, plan_path, out_root, templates)
    # Check each document's format (ND30): an error stops the build before any write.
    outputs = self_check(outputs, check)
    # Write, each file atomically.
    for output in outputs:
        write_atomic(output.path, output.data)
    return outputs


# ---------------------------------------------------------------- periodic reports

STATUS_FOLDER = "bao-cao"


def status_folder(plan_path: Path) -> Path:
    """Where a plan's status files live: ``<plan-dir>/<plan-stem>/bao-cao/``."""
    return plan_path.parent / plan_path.stem / STATUS_FOLDER


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


def load_statuses(plan_file: PlanFile, files: dict[Period, Path]) -> dict[Period, StatusFile]:
    """Validate every status file, then check that none undoes an earlier one; all problems at once."""
    loaded, problems = {}, []
    for period, path in files.items():
        try:
            parsed = source.load(path)
            loaded[period] = (status_rules.validate(parsed, plan_file, period), parsed)
        except DataError as e:
            problems += e.problems
    rules = reporting_rules(plan_file)
    for earlier, (first, _) in loaded.items():
        for later, (second, parsed) in loaded.items():
            if earlier != later and earlier.window(rules)[1] <= later.window(rules)[1]:
                problems += status_rules.consistency(first, second, parsed)
    if problems:
        raise DataError(problems)
    return {period: status for period, (status, _) in loaded.items()}


def render_report(plan_file: PlanFile, plan_path: Path, period: Period, status: StatusFile,
                  out_root: Path, templates: Path) -> Output:
    kind = documents.REPORT
    data = render.render(templates / kind.template, kind.build_context(plan_file, status, period))
    return Output(kind.name, out_root / plan_path.stem / kind.output(period), data)


def render_reports(plan_file: PlanFile, plan_path: Path, out_root: Path, templates: Path) -> list[Output]:
    """Every report whose status file sits next to the plan, in period order."""
    statuses = load_statuses(plan_file, status_files(status_folder(plan_path)))
    return [render_report(plan_file, plan_path, period, statuses[period], out_root, templates)
            for period in sorted(statuses, key=lambda p: (p.year, p.last_month, -p.first_month))]


def build_report(plan_path: Path, period: Period, status_path: Path | None, out_root: Path,
                 templates: Path, check: bool = True) -> Output:
    """Build one report: ``out_root/<plan-stem>/bao-cao-<period>.docx``."""
    # Load and validate the plan, the period, and the status file with its earlier siblings.
    plan_file = load_plan(plan_path)
    check_period(plan_file, period)
    path = status_path or status_folder(plan_path) / f"{period.code}.yaml"
    if not path.is_file():
        raise SourceError(f"{path}: không có tệp số liệu cho báo cáo {period.label}; tạo tệp theo hướng dẫn "
                          "docs/status-format.md hoặc chỉ rõ tệp bằng tùy chọn --status")
    end = period.window(reporting_rules(plan_file))[1]
    siblings = {p: f for p, f in status_files(path.parent).items()
                if p != period and p.window(reporting_rules(plan_file))[1] <= end} if status_path is None else {}
    statuses = load_statuses(plan_file, {**siblings, period: path})
    # Render in memory, then write atomically.
    output = render_report(plan_file, plan_path, period, statuses[period], out_root, templates)
    (output,) = self_check([output], check)
    write_atomic(output.path, output.data)
    return output


def default_templates() -> Path:
    """The templates folder of this checkout (``templates/`` beside the package)."""
    folder = Path(__file__).resolve().parent.parent / "templates"
    if not folder.is_dir():
        raise TemplateError(
            f"{folder}: không tìm thấy thư mục mẫu; chỉ rõ bằng tùy chọn --templates"
        )
    return folder
