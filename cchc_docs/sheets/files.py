"""Reading a plan for a period, and writing the unit workbooks: the I/O ends of ``cchc-docs sheets``.

Only the status files of *earlier* periods are read and validated: the period being
collected may have a half-written file, which ``collect`` reads on its own terms.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cchc_docs.model import amend, source, validate
from cchc_docs.model.load import check_period, load_statuses_for, status_files
from cchc_docs.model.paths import status_folder
from cchc_docs.model.periods import Calendar, Period
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.status import StatusFile, reporting_calendar
from cchc_docs.sheets import forms, layout
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
    made = [(folder / layout.file_name(plan.period.code, f.unit.code), workbook_bytes(f)) for f in plan.forms(return_by)]
    for path, data in made:
        write_atomic(path, data)
    return [path for path, _ in made]
