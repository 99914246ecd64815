"""What each unit is asked for in a period: its tasks, its counts, and the metadata that identifies the workbook.

Pure: a plan version, the status files already written and a period in; one
:class:`Form` per unit out. The writer (:mod:`cchc_docs.sheets.export`) lays a form
out as a workbook; the reader (:mod:`cchc_docs.sheets.collect`) rebuilds the same form
to check that a returned workbook still matches the plan (same tasks, same period,
same unit) through the hash of its task list.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from typing import get_args, get_type_hints

from cchc_docs import vn
from cchc_docs.contexts.common import cited_number
from cchc_docs.contexts.plan import appendix_rows
from cchc_docs.model.periods import Calendar, Period
from cchc_docs.model.plan import PlanFile, Unit
from cchc_docs.model.schema import field_docs
from cchc_docs.model.status import Indicators, StatusFile
from cchc_docs.sheets.layout import FORMAT, INDICATOR_AREAS, LEAD, PARTNER

RETURN_DAYS = 5  # units return their workbook this many days before the report is due


@dataclass(frozen=True)
class Prior:
    """A task's status in the last report: what the sheet shows and pre-fills."""

    status: str = ""
    completed: dt.date | None = None
    result: str = ""
    evidence: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        """Status and completion day as one text: a returned row equal to it changed nothing."""
        return f"{self.status}|{self.completed.isoformat() if self.completed else ''}"

    @property
    def label(self) -> str:
        if not self.status:
            return "chưa báo cáo"
        return f"{self.status} ({vn.short_date(self.completed)})" if self.completed else self.status


@dataclass(frozen=True)
class TaskRow:
    """One task as the unit sees it: fixed columns, and what is pre-filled."""

    number: str  # STT as in the appendix
    id: str
    content: str
    role: str  # chủ trì / phối hợp
    deadline: str
    deadline_date: dt.date | None
    prior: Prior


@dataclass(frozen=True)
class IndicatorRow:
    """One raw count the unit fills: ``dossiers.received_in_person`` and its meaning."""

    group: str
    field: str
    label: str
    required: bool

    @property
    def key(self) -> str:
        return f"{self.group}.{self.field}"


@dataclass(frozen=True)
class Form:
    """Everything one unit's workbook holds, before layout."""

    plan_id: str
    plan_title: str
    issued_by: str  # "Quyết định số 39/QĐ-UBND ngày 31/7/2025 của Ủy ban nhân dân xã Thượng Hồng"
    unit: Unit
    period: Period
    window: tuple[dt.date, dt.date]
    return_by: dt.date
    plan_span: tuple[dt.date, dt.date]
    prior_period: Period | None
    rows: tuple[TaskRow, ...]
    indicators: tuple[IndicatorRow, ...]

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.group for row in self.indicators))

    def metadata(self) -> dict[str, str]:
        """The hidden facts that tie a returned workbook to its plan, period, unit and task list."""
        meta = {
            "format": FORMAT,
            "plan": self.plan_id,
            "period": self.period.code,
            "unit": self.unit.code,
            "tasks_sha256": tasks_hash(self.rows),
            "indicators": ",".join(self.groups),
        }
        meta.update({f"prior.{row.id}": row.prior.key for row in self.rows})
        return meta


def tasks_hash(rows: tuple[TaskRow, ...]) -> str:
    """sha256 of the unit's task list as the plan gives it (not of what the unit fills)."""
    text = json.dumps([[r.id, r.number, r.role, r.content, r.deadline] for r in rows], ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(meta: dict[str, str]) -> str:
    """sha256 over the metadata: an edit of the hidden sheet shows as a broken seal."""
    text = "\n".join(f"{key}={value}" for key, value in meta.items())
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unit_forms(plan_id: str, plan_file: PlanFile, earlier: dict[Period, StatusFile], period: Period,
               calendar: Calendar, return_by: dt.date | None = None) -> list[Form]:
    """One form per unit that leads or coordinates a task or owns a group of counts, in the plan's unit order.

    ``plan_file`` is the plan as it stands at the end of the period's window; ``earlier``
    holds the status files of periods whose windows end before this one's.
    """
    window = period.window(calendar)
    prior_period, priors = _last_report(earlier, calendar)
    owners = indicator_owners(plan_file)
    rows = appendix_rows(plan_file)
    forms = []
    for unit in plan_file.units:
        tasks = tuple(_task_row(row, plan_file, unit.code, priors) for row in rows if _role(row, plan_file, unit.code))
        groups = [group for group, owner in owners.items() if owner == unit.code]
        if not tasks and not groups:
            continue
        forms.append(Form(
            plan_id=plan_id, plan_title=plan_file.plan.title, issued_by=_issued_by(plan_file), unit=unit,
            period=period, window=window, return_by=return_by or default_return_by(period, calendar),
            plan_span=(plan_file.plan.start, plan_file.plan.end), prior_period=prior_period, rows=tasks,
            indicators=tuple(row for group in groups for row in indicator_rows(group)),
        ))
    return forms


def default_return_by(period: Period, calendar: Calendar) -> dt.date:
    """Units return their workbooks a few days before the report is due, so the hub can compile it."""
    return period.due_date(calendar) - dt.timedelta(days=RETURN_DAYS)


def _last_report(earlier: dict[Period, StatusFile], calendar: Calendar) -> tuple[Period | None, dict[str, Prior]]:
    """The latest earlier report and each task's status in it."""
    if not earlier:
        return None, {}
    period = max(earlier, key=lambda p: (p.window(calendar)[1], p.window(calendar)[0]))
    priors = {
        t.id: Prior(t.status, t.completed, t.result or "", tuple(t.evidence)) for t in earlier[period].tasks
    }
    return period, priors


def _role(row: dict, plan_file: PlanFile, code: str) -> str | None:
    if row["kind"] != "task":
        return None
    task = next(t for t in plan_file.plan.tasks if t.id == row["id"])
    return LEAD if code in task.lead else PARTNER if code in task.partners else None  # a joint task: each lead


def _task_row(row: dict, plan_file: PlanFile, code: str, priors: dict[str, Prior]) -> TaskRow:
    task = next(t for t in plan_file.plan.tasks if t.id == row["id"])
    return TaskRow(row["number"], row["id"], row["content"], _role(row, plan_file, code), row["deadline"],
                   task.deadline.due, priors.get(row["id"], Prior()))


def _issued_by(plan_file: PlanFile) -> str:
    """``Quyết định số 39/QĐ-UBND ngày 31/7/2025 của …``, or ``Kế hoạch số 11/KH-UBND …`` (issued on its own)."""
    issuer, body = plan_file.issuer, plan_file.issuing_body
    number = f"số {cited_number(issuer.number, issuer.type_code, body)} " if issuer.number else ""
    date = f"ngày {vn.short_date(issuer.date.as_date())} " if issuer.date and issuer.date.as_date() else ""
    return f"{issuer.type_name} {number}{date}của {body.name}"


def indicator_owners(plan_file: PlanFile) -> dict[str, str]:
    """Group of counts → the unit that leads most tasks of its area (ties: the plan's unit order).

    A group whose area has no task goes to the unit that compiles reports (``reporting.hub``),
    or the plan's first unit.
    """
    order = [u.code for u in plan_file.units]
    reporting = plan_file.plan.reporting
    fallback = reporting.hub if reporting else order[0]
    owners = {}
    for group, area in INDICATOR_AREAS.items():
        leads = Counter(code for t in plan_file.plan.tasks if t.area == area for code in t.lead)
        owners[group] = min(leads, key=lambda c: (-leads[c], order.index(c))) if leads else fallback
    return owners


def indicator_rows(group: str) -> list[IndicatorRow]:
    """The fields of one group of counts, with their meaning from the status format's declaration."""
    kind = _group_type(group)
    return [IndicatorRow(group, name, meaning, required) for name, _, required, meaning in field_docs(kind)]


def _group_type(group: str) -> type:
    hint = get_type_hints(Indicators)[group]
    return next(a for a in get_args(hint) if a is not type(None))
