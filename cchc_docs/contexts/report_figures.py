"""The figures of a periodic report, computed from the plan and a status file. Pure.

Every task is put in exactly one of seven classes as of the cut-off date (``as_of``).
A task with a deadline is in one of five:

* ``on_time``: hoàn thành đúng hạn: done, on or before its due day;
* ``late``: hoàn thành quá hạn: done after its due day;
* ``in_progress``: đang thực hiện (trong hạn): reported in progress, due day not passed;
* ``overdue``: quá hạn chưa hoàn thành: not done and ``as_of`` is after its due day;
* ``not_due``: chưa đến hạn: not started and its due day not passed.

A "thường xuyên" (recurring) task has no due day, so it can be neither late nor "not
yet due": real reports say whether it is carried out at all, and so do we:

* ``ongoing_active``: đã triển khai, thực hiện thường xuyên: reported done or in progress;
* ``ongoing_idle``: chưa triển khai: not started.

A task due on the cut-off day itself is not yet overdue. A task is *carried over* when
it fell due before the window began and was not done by then (it belongs to an earlier
report). The completion rate counts tasks with a deadline only: done / tasks with a
deadline (docs/status-format.md). Since the classes are disjoint and cover every task,
every total adds up by construction; percentages keep their parts (:class:`Share`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from cchc_docs import vn
from cchc_docs.model.plan import Plan, Target, Task
from cchc_docs.model.status import DONE, IN_PROGRESS, Indicators, StatusFile

Category = Literal["on_time", "late", "in_progress", "overdue", "not_due", "ongoing_active", "ongoing_idle"]
CATEGORIES: tuple[Category, ...] = (
    "on_time", "late", "in_progress", "overdue", "not_due", "ongoing_active", "ongoing_idle")
CATEGORY_LABELS = {
    "on_time": "Hoàn thành đúng hạn",
    "late": "Hoàn thành quá hạn",
    "in_progress": "Đang thực hiện (trong hạn)",
    "overdue": "Quá hạn chưa hoàn thành",
    "not_due": "Chưa đến hạn",
    "ongoing_active": "Đã triển khai, thực hiện thường xuyên",
    "ongoing_idle": "Chưa triển khai",
}

PASSED, FAILED, NOT_YET, NOT_ASSESSED = "đạt", "không đạt", "chưa đạt", "chưa đánh giá"


@dataclass(frozen=True)
class Share:
    """A ratio that remembers its parts, printed ``96,5% (193/200)``."""

    numerator: int
    denominator: int

    @property
    def percent(self) -> str:
        return vn.format_percent(self.numerator, self.denominator)

    @property
    def text(self) -> str:
        return self.written()

    def written(self, decimals: int = 1, fixed: bool = False, bounds: tuple = ()) -> str:
        """``96,5% (193/200)``; ``fixed`` keeps the decimals of a table column, ``bounds`` a threshold's."""
        parts = f"{vn.format_number(self.numerator)}/{vn.format_number(self.denominator)}"
        return f"{vn.format_percent(self.numerator, self.denominator, decimals, fixed, bounds)} ({parts})"


    @property
    def fraction(self) -> Fraction:
        """The share in percent, exactly."""
        return Fraction(self.numerator * 100, self.denominator)


def share(numerator: int | None, denominator: int | None) -> Share | None:
    """A share, or None when there is nothing to divide by (no figures, or zero)."""
    if numerator is None or not denominator:
        return None
    return Share(numerator, denominator)


# ---------------------------------------------------------------- tasks


@dataclass(frozen=True)
class TaskProgress:
    """One task at the cut-off date."""

    task: Task
    category: Category
    completed: dt.date | None
    carried_over: bool
    done_in_window: bool
    result: str | None = None
    evidence: tuple[str, ...] = ()

    @property
    def done(self) -> bool:
        return self.category in ("on_time", "late")

    @property
    def recurring(self) -> bool:
        return self.category in ("ongoing_active", "ongoing_idle")


def classify(status: str, due: dt.date | None, completed: dt.date | None, as_of: dt.date) -> Category:
    """The class of one task at ``as_of``; ``due`` None is a recurring task (see the module docstring)."""
    if status == DONE and (completed is None or completed > as_of):
        raise ValueError(f"a done task needs a completion date on or before {as_of}, got {completed}")
    if due is None:
        return "ongoing_active" if status in (DONE, IN_PROGRESS) else "ongoing_idle"
    if status == DONE:
        return "late" if completed > due else "on_time"
    if as_of > due:
        return "overdue"
    return "in_progress" if status == IN_PROGRESS else "not_due"


def carried_over(due: dt.date | None, completed: dt.date | None, window_start: dt.date) -> bool:
    """Due before the window began and not done by then: a task an earlier report left open."""
    return due is not None and due < window_start and (completed is None or completed >= window_start)


def task_progress(plan: Plan, status: StatusFile, window: tuple[dt.date, dt.date]) -> list[TaskProgress]:
    """Every task of the plan, in plan order; a task the file omits counts as not started."""
    start, as_of = window
    result = []
    for task in plan.tasks:
        recorded = status.status_of(task.id)
        state = recorded.status if recorded else "chưa thực hiện"
        completed = recorded.completed if recorded else None
        due = task.deadline.due
        result.append(TaskProgress(
            task=task,
            category=classify(state, due, completed, as_of),
            completed=completed,
            carried_over=carried_over(due, completed, start),
            done_in_window=due is not None and completed is not None and start <= completed <= as_of,
            result=recorded.result if recorded else None,
            evidence=recorded.evidence if recorded else (),
        ))
    return result


@dataclass(frozen=True)
class Tally:
    """Counts of tasks per class; ``total`` is always their sum."""

    on_time: int = 0
    late: int = 0
    in_progress: int = 0
    overdue: int = 0
    not_due: int = 0
    ongoing_active: int = 0
    ongoing_idle: int = 0

    @property
    def total(self) -> int:
        return self.scheduled + self.recurring

    @property
    def scheduled(self) -> int:
        """Tasks with a deadline."""
        return self.done + self.not_done

    @property
    def recurring(self) -> int:
        return self.ongoing_active + self.ongoing_idle

    @property
    def done(self) -> int:
        return self.on_time + self.late

    @property
    def not_done(self) -> int:
        """Tasks with a deadline not done yet (recurring tasks are never "done")."""
        return self.in_progress + self.overdue + self.not_due

    @property
    def completion(self) -> Share | None:
        """The completion rate: tasks with a deadline done, of all tasks with a deadline."""
        return share(self.done, self.scheduled)

    def count(self, category: Category) -> int:
        return getattr(self, category)


def tally(items: Iterable[TaskProgress]) -> Tally:
    counts = dict.fromkeys(CATEGORIES, 0)
    for item in items:
        counts[item.category] += 1
    return Tally(**counts)


def tally_by(items: list[TaskProgress], key: str) -> dict[str, Tally]:
    """Tallies grouped by a task attribute (``area`` or ``lead``), in first-seen order.

    A task led jointly (``lead`` holds several units) counts in the group of each of its
    lead units, as each answers for it; such groups add up to more than the plan, so a
    table's total row is the plan's own tally (:func:`tally` of every task), never their sum.
    """
    groups: dict[str, list[TaskProgress]] = {}
    for item in items:
        value = getattr(item.task, key)
        for name in value if isinstance(value, tuple) else (value,):
            groups.setdefault(name, []).append(item)
    return {name: tally(group) for name, group in groups.items()}


def column(shares: list[Share | None]) -> list[str]:
    """A table column of shares: every value with the same decimals ("67,0%" beside "31,2%"), "-" for none."""
    present = [s for s in shares if s is not None]
    decimals = 0 if all(vn.format_percent(s.numerator, s.denominator).count(",") == 0 for s in present) else 1
    return [s.written(decimals, fixed=True) if s is not None else "-" for s in shares]


def due_by(items: list[TaskProgress], as_of: dt.date) -> Tally:
    """The tally of the tasks whose due day has come (ongoing tasks excluded)."""
    return tally(i for i in items if i.task.deadline.due is not None and i.task.deadline.due <= as_of)


# ---------------------------------------------------------------- dossiers


@dataclass(frozen=True)
class DossierFigures:
    """The derived figures of the one-stop shop: totals, pending, on-time and online shares."""

    received: int
    resolved: int
    due_total: int  # carried over + newly received
    pending: int
    pending_on_time: int
    resolved_in_time: Share | None  # early + on time, of resolved
    online: Share | None  # received online, of received
    tracked: Share | None
    digitised: Share | None
    results_digitised: Share | None


def dossier_figures(d) -> DossierFigures:
    received = d.received_in_person + d.received_online + d.received_by_post
    resolved = d.resolved_early + d.resolved_on_time + d.resolved_late
    pending = d.carried_over + received - resolved
    return DossierFigures(
        received=received,
        resolved=resolved,
        due_total=d.carried_over + received,
        pending=pending,
        pending_on_time=pending - d.pending_overdue,
        resolved_in_time=share(d.resolved_early + d.resolved_on_time, resolved),
        online=share(d.received_online, received),
        tracked=share(d.tracked, received),
        digitised=share(d.digitised, received),
        results_digitised=share(d.results_digitised, resolved),
    )


# ---------------------------------------------------------------- targets


def measured(measure: str | None, ind: Indicators) -> Share | None:
    """The achieved share for a target's measure, or None when the figures are missing."""
    if measure == "satisfaction" and ind.satisfaction:
        return share(ind.satisfaction.satisfied, ind.satisfaction.evaluations)
    if measure == "dossiers_tracked" and ind.dossiers:
        return dossier_figures(ind.dossiers).tracked
    if measure == "self_inspection" and ind.inspections:
        return share(ind.inspections.units_inspected, ind.inspections.units_total)
    if measure == "assigned_tasks" and ind.assigned_tasks:
        a = ind.assigned_tasks
        return share(a.done_on_time, a.done_on_time + a.done_late + a.overdue)
    return None


@dataclass(frozen=True)
class TargetResult:
    """A plan target against what was achieved."""

    target: Target
    achieved: Share | None
    verdict: str  # đạt / không đạt / chưa đánh giá

    @property
    def achieved_text(self) -> str:
        """What was achieved, never rounded onto the threshold it missed (or met)."""
        if self.achieved is None:
            return "-"
        goal = Decimal(str(self.target.value).replace(",", "."))
        return self.achieved.written(bounds=(goal,))

    @property
    def required(self) -> str:
        """``≥ 90%``; empty for a target without a value."""
        if self.target.value is None:
            return ""
        sign = {">=": "≥", "<=": "≤", "=": "="}[self.target.comparison]
        return f"{sign} {self.target.value}{self.target.unit or ''}"


def evaluate(target: Target, ind: Indicators, final: bool = True) -> TargetResult:
    """Compare a target's value with its measured share; unmeasurable targets are not assessed.

    Before the plan's last report a target below its value is "chưa đạt" (not yet):
    the plan still runs, and "không đạt" would be a verdict.
    """
    achieved = measured(target.measure, ind) if target.value is not None else None
    if achieved is None:
        return TargetResult(target, None, NOT_ASSESSED)
    goal = Fraction(str(target.value).replace(",", "."))
    value = achieved.fraction
    ok = {">=": value >= goal, "<=": value <= goal, "=": value == goal}[target.comparison]
    return TargetResult(target, achieved, PASSED if ok else FAILED if final else NOT_YET)


def evaluate_targets(plan: Plan, ind: Indicators, final: bool = True) -> list[TargetResult]:
    return [evaluate(t, ind, final) for t in plan.targets]
