"""Reading a plan for a period, and writing the unit workbooks: the I/O ends of ``cchc-docs sheets``.

Only the status files of *earlier* periods are read and validated: the period being
collected may have a half-written file, which ``collect`` reads on its own terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cchc_docs import vn
from cchc_docs.errors import CchcError, SourceError
from cchc_docs.model import amend, source, validate
from cchc_docs.model.load import check_period, load_statuses_for, status_files
from cchc_docs.model.paths import status_folder
from cchc_docs.model.periods import Calendar, Period
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.status import StatusFile, reporting_calendar
from cchc_docs.sheets import forms, layout, statusfile
from cchc_docs.sheets.collect import Collected, collect
from cchc_docs.sheets.export import workbook_bytes
from cchc_docs.write import write_atomic


@dataclass(frozen=True)
class PlanAt:
    """A plan as it stands for one period: its version, calendar and the reports before the period."""

    plan_path: Path
    period: Period
    version: PlanFile
    calendar: Calendar
    earlier: dict[Period, StatusFile]

    @property
    def plan_id(self) -> str:
        return self.plan_path.stem

    @property
    def status_path(self) -> Path:
        return status_folder(self.plan_path) / f"{self.period.code}.yaml"

    def forms(self, return_by: dt.date | None = None) -> list[forms.Form]:
        return forms.unit_forms(self.plan_id, self.version, self.earlier, self.period, self.calendar, return_by)


def plan_at(plan_path: Path, period: Period) -> PlanAt:
    """Load and validate the plan and the status files of periods before ``period`` (every problem at once)."""
    versions = validate.validate_versions(source.load(plan_path))
    check_period(versions[0], period)
    calendar = reporting_calendar(versions[0])
    end = period.window(calendar)[1]
    files = {p: path for p, path in status_files(status_folder(plan_path)).items() if p.window(calendar)[1] < end}
    earlier, _ = load_statuses_for(versions, files)
    return PlanAt(plan_path, period, amend.version_at(versions, end), calendar, earlier)


def write_workbooks(plan: PlanAt, folder: Path, return_by: dt.date | None = None) -> list[Path]:
    """Every unit's workbook, built in memory first, then written atomically into ``folder``."""
    code = plan.period.code
    made = [(folder / layout.file_name(code, f.unit.code), workbook_bytes(f)) for f in plan.forms(return_by)]
    for path, data in made:
        write_atomic(path, data)
    return [path for path, _ in made]


class HandEditedError(CchcError):
    """The status file was edited by hand and collecting would change it: nothing is written without --force."""

    exit_code = 4

    def __init__(self, path: Path, changes: list[str]):
        self.path, self.changes = path, changes
        lines = [f"{path}: tệp số liệu đã được sửa tay sau lần tổng hợp trước (hoặc viết tay); giữ nguyên, "
                 f"không ghi đè. Tổng hợp phiếu sẽ thay đổi {len(changes)} mục:"]
        lines += [f"  {change}" for change in changes]
        lines.append("Xem lại các thay đổi trên; muốn ghi thì chạy lại lệnh với --force "
                     "(phần report, narrative và chú thích của tệp vẫn giữ nguyên).")
        super().__init__("\n".join(lines))


@dataclass(frozen=True)
class Outcome:
    """What ``collect`` did to the status file, and what to tell the clerk."""

    path: Path
    status: str  # created | updated | unchanged | dry-run
    changes: list[str]
    collected: Collected


def collect_into(plan: PlanAt, paths: list[Path], force: bool = False, dry_run: bool = False) -> Outcome:
    """Merge the workbooks into the period's status file; a hand-edited file is changed only with ``force``."""
    path = plan.status_path
    old_text = _read_text(path)
    existing = source.parse(old_text, str(path)) if old_text is not None else None
    collected = collect(plan, paths, existing)
    if existing is None:
        text = statusfile.new_file(collected.tree, collected.notes, _heading(plan))
    else:
        text = statusfile.updated_file(existing, old_text, collected.tree, collected.notes)
    found = statusfile.changes(existing.tree if existing and isinstance(existing.tree, dict) else {}, collected.tree)
    if text == old_text:
        return Outcome(path, "unchanged", [], collected)
    if old_text is not None and not force and statusfile.hand_edited(old_text) \
            and statusfile.body(text) != statusfile.body(old_text):
        raise HandEditedError(path, found or [statusfile.LAYOUT_ONLY])
    if dry_run:
        return Outcome(path, "dry-run", found, collected)
    write_atomic(path, text.encode("utf-8"))
    return Outcome(path, "created" if old_text is None else "updated", found, collected)


def _read_text(path: Path) -> str | None:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as e:
        raise SourceError(f"{path}: không đọc được tệp số liệu hiện có ({e})") from e


def _heading(plan: PlanAt) -> list[str]:
    window = plan.period.window(plan.calendar)
    return [
        f"Số liệu báo cáo {plan.period.label} về {plan.version.plan.title}.",
        f"Kỳ số liệu: {vn.short_date(window[0])} – {vn.short_date(window[1])}. Tổng hợp từ phiếu của các đơn vị "
        "bằng lệnh cchc-docs collect.",
        "collect chỉ ghi tasks và indicators; report, narrative và các chú thích do người soạn báo cáo viết,",
        "được giữ nguyên khi tổng hợp lại. Ý nghĩa từng trường: docs/status-format.md.",
    ]
