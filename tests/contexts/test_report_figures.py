"""Tests for cchc_docs.progress: classification, totals, indicators and targets."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from cchc_docs.contexts import report_figures
from cchc_docs.contexts.report_figures import Share, classify
from cchc_docs.model import periods
from cchc_docs.model.plan import AREAS, Plan, Target, Task
from cchc_docs.model.status import (
    AssignedTasks,
    Dossiers,
    Indicators,
    Inspections,
    Narrative,
    ReportInfo,
    Satisfaction,
    StatusFile,
    TaskStatus,
)
from cchc_docs.model.values import Deadline, IssueDate

DONE, DOING, IDLE = "hoàn thành", "đang thực hiện", "chưa thực hiện"
CUT_OFF = date(2025, 9, 14)


def task(id_: str, deadline: str, area: str = "procedures", lead: str = "VP") -> Task:
    return Task(id=id_, area=area, content=f"Nhiệm vụ {id_}", lead=lead, deadline=Deadline.parse(deadline),
                product="Sản phẩm")


def plan(*tasks: Task, targets: tuple = ()) -> Plan:
    return Plan(title="Kế hoạch", start=date(2025, 7, 1), end=date(2025, 12, 31), sections=(), targets=targets,
                tasks=tasks)


NO_INDICATORS = Indicators()


def status_file(*statuses: TaskStatus, indicators: Indicators = NO_INDICATORS) -> StatusFile:
    report = ReportInfo(date=IssueDate(2025, 9, 8), recipients=("TT Đảng ủy xã",))
    return StatusFile(period=periods.parse("2025-Q3"), report=report, narrative=Narrative(), tasks=statuses,
                      indicators=indicators)


# ---------------------------------------------------------------- classification at the edges


def test_a_task_due_on_the_cut_off_day_is_not_yet_overdue():
    assert classify(DOING, CUT_OFF, None, CUT_OFF) == "in_progress"
    assert classify(IDLE, CUT_OFF, None, CUT_OFF) == "not_due"


def test_a_task_due_the_day_before_the_cut_off_and_not_done_is_overdue():
    assert classify(DOING, CUT_OFF - timedelta(days=1), None, CUT_OFF) == "overdue"
    assert classify(IDLE, CUT_OFF - timedelta(days=1), None, CUT_OFF) == "overdue"


def test_completed_on_the_deadline_is_on_time_and_the_day_after_is_late():
    due = date(2025, 8, 31)
    assert classify(DONE, due, due, CUT_OFF) == "on_time"
    assert classify(DONE, due, due + timedelta(days=1), CUT_OFF) == "late"


def test_a_recurring_task_is_carried_out_or_not_never_overdue_late_or_not_yet_due():
    assert classify(DONE, None, date(2025, 9, 1), CUT_OFF) == "ongoing_active"
    assert classify(DOING, None, None, date(2030, 1, 1)) == "ongoing_active"
    assert classify(IDLE, None, None, date(2030, 1, 1)) == "ongoing_idle"


def test_a_done_task_without_a_date_up_to_the_cut_off_is_a_programming_error():
    with pytest.raises(ValueError):
        classify(DONE, None, None, CUT_OFF)
    with pytest.raises(ValueError):
        classify(DONE, None, CUT_OFF + timedelta(days=1), CUT_OFF)


def test_month_and_quarter_deadlines_fall_due_on_their_last_day():
    items = report_figures.task_progress(
        plan(task("T1", "2025-08"), task("T2", "2025-Q3"), task("T3", "thường xuyên")),
        status_file(), (date(2025, 6, 15), date(2025, 9, 1)),
    )
    assert [i.category for i in items] == ["overdue", "not_due", "ongoing_idle"]


def test_a_task_the_file_omits_counts_as_not_started():
    (item,) = report_figures.task_progress(plan(task("T1", "2025-12")), status_file(), (date(2025, 6, 15), CUT_OFF))
    assert (item.category, item.completed, item.result) == ("not_due", None, None)


# ---------------------------------------------------------------- carried over


def test_a_task_due_before_the_window_and_finished_in_it_is_carried_over():
    window = (date(2025, 9, 15), date(2025, 12, 14))
    items = report_figures.task_progress(
        plan(task("T1", "2025-08"), task("T2", "2025-08"), task("T3", "2025-08"), task("T4", "2025-10")),
        status_file(
            TaskStatus("T1", DONE, completed=date(2025, 9, 20)),
            TaskStatus("T2", DONE, completed=date(2025, 8, 30)),
            TaskStatus("T3", DOING),
            TaskStatus("T4", DONE, completed=date(2025, 10, 30)),
        ),
        window,
    )
    assert [(i.category, i.carried_over, i.done_in_window) for i in items] == [
        ("late", True, True),
        ("on_time", False, False),
        ("overdue", True, False),
        ("on_time", False, True),
    ]


def test_ongoing_tasks_are_never_carried_over():
    assert not report_figures.carried_over(None, None, date(2025, 9, 15))


# ---------------------------------------------------------------- totals


def _random_case(seed: int):
    rng = random.Random(seed)
    deadlines = ["2025-07", "2025-08", "2025-09", "2025-Q4", "2025-11-30", "2025-09-14", "thường xuyên"]
    tasks, statuses = [], []
    for i in range(rng.randint(0, 40)):
        t = task(f"T{i:02d}", rng.choice(deadlines), rng.choice(list(AREAS)), rng.choice(["VP", "VHXH", "KT"]))
        tasks.append(t)
        state = rng.choice([DONE, DOING, IDLE, None])
        if state == DONE:
            statuses.append(TaskStatus(t.id, DONE, completed=date(2025, 7, 1) + timedelta(days=rng.randint(0, 75))))
        elif state:
            statuses.append(TaskStatus(t.id, state))
    return plan(*tasks), status_file(*statuses)


@pytest.mark.parametrize("seed", range(30))
def test_totals_add_up_for_random_status_data(seed):
    the_plan, status = _random_case(seed)
    items = report_figures.task_progress(the_plan, status, (date(2025, 6, 15), CUT_OFF))
    overall = report_figures.tally(items)
    assert overall.total == len(the_plan.tasks)
    assert overall.done + overall.not_done + overall.recurring == overall.total
    for key in ("area", "lead"):
        groups = report_figures.tally_by(items, key).values()
        assert sum(g.total for g in groups) == overall.total
        for category in report_figures.CATEGORIES:
            assert sum(g.count(category) for g in groups) == overall.count(category)
    assert sum(i.done_in_window for i in items) <= overall.done


def test_tally_by_area_keeps_the_plan_order():
    items = report_figures.task_progress(
        plan(task("T1", "2025-12", "direction"), task("T2", "2025-12", "procedures"),
             task("T3", "2025-12", "direction")),
        status_file(), (date(2025, 6, 15), CUT_OFF),
    )
    assert list(report_figures.tally_by(items, "area")) == ["direction", "procedures"]


def test_completion_rate_counts_tasks_with_a_deadline_only():
    tally = report_figures.Tally(on_time=7, late=1, in_progress=20, overdue=1, not_due=13, ongoing_active=19,
                                 ongoing_idle=3)
    assert tally.total == 64
    assert tally.completion == Share(8, 42)
    assert tally.completion.text == "19% (8/42)"
    assert report_figures.Tally().completion is None


def test_due_by_counts_only_tasks_whose_day_has_come():
    items = report_figures.task_progress(
        plan(task("T1", "2025-08"), task("T2", "2025-10"), task("T3", "thường xuyên")),
        status_file(TaskStatus("T1", DONE, completed=date(2025, 8, 3))), (date(2025, 6, 15), CUT_OFF),
    )
    assert report_figures.due_by(items, CUT_OFF) == report_figures.Tally(on_time=1)


# ---------------------------------------------------------------- shares and dossiers


@pytest.mark.parametrize(
    ("num", "den", "text"),
    [(193, 200, "96,5% (193/200)"), (1192, 1198, "99,5% (1.192/1.198)"), (1, 3, "33,3% (1/3)"), (5, 5, "100% (5/5)")],
)
def test_a_share_prints_the_vietnamese_percent_with_its_parts(num, den, text):
    assert Share(num, den).text == text


def test_a_share_of_nothing_is_none():
    assert report_figures.share(0, 0) is None
    assert report_figures.share(None, 10) is None


def test_dossier_figures_are_derived_from_raw_counts():
    d = Dossiers(received_in_person=820, received_online=402, received_by_post=25, carried_over=35,
                 resolved_early=402, resolved_on_time=790, resolved_late=6, pending_overdue=2, tracked=1247)
    f = report_figures.dossier_figures(d)
    assert (f.received, f.resolved, f.due_total, f.pending, f.pending_on_time) == (1247, 1198, 1282, 84, 82)
    assert f.resolved_in_time.text == "99,5% (1.192/1.198)"
    assert f.online.text == "32,2% (402/1.247)"
    assert f.tracked == Share(1247, 1247)
    assert f.digitised is None


# ---------------------------------------------------------------- targets


def target(measure: str, value: str = "90", comparison: str = ">=") -> Target:
    return Target(id="CT", text=f"Đạt {value}%.", value=value, unit="%", comparison=comparison, measure=measure)


def test_satisfaction_target_is_met_at_exactly_the_value():
    ind = Indicators(satisfaction=Satisfaction(evaluations=200, satisfied=180))
    result = report_figures.evaluate(target("satisfaction"), ind)
    assert (result.verdict, result.achieved.text, result.required) == ("đạt", "90% (180/200)", "≥ 90%")


def test_satisfaction_target_just_below_the_value_is_not_met():
    ind = Indicators(satisfaction=Satisfaction(evaluations=200, satisfied=179))
    assert report_figures.evaluate(target("satisfaction"), ind).verdict == "không đạt"


def test_a_decimal_target_value_is_compared_exactly():
    ind = Indicators(satisfaction=Satisfaction(evaluations=200, satisfied=193))
    assert report_figures.evaluate(target("satisfaction", "96,5"), ind).verdict == "đạt"
    assert report_figures.evaluate(target("satisfaction", "96,6"), ind).verdict == "không đạt"


def test_all_dossiers_tracked_needs_every_received_dossier():
    full = Indicators(dossiers=Dossiers(received_in_person=10, received_online=5, resolved_early=0,
                                        resolved_on_time=10, resolved_late=0, tracked=15))
    short = Indicators(dossiers=Dossiers(received_in_person=10, received_online=5, resolved_early=0,
                                         resolved_on_time=10, resolved_late=0, tracked=14))
    assert report_figures.evaluate(target("dossiers_tracked", "100"), full).verdict == "đạt"
    assert report_figures.evaluate(target("dossiers_tracked", "100"), short).verdict == "không đạt"


def test_self_inspection_and_assigned_tasks_targets():
    ind = Indicators(inspections=Inspections(held=2, units_total=8, units_inspected=3),
                     assigned_tasks=AssignedTasks(assigned=12, done_on_time=9, done_late=1, overdue=0))
    assert report_figures.evaluate(target("self_inspection", "30"), ind).achieved.text == "37,5% (3/8)"
    assigned = report_figures.evaluate(target("assigned_tasks", "100"), ind)
    assert (assigned.achieved.text, assigned.verdict) == ("90% (9/10)", "không đạt")


def test_a_maximum_target_is_met_below_its_value():
    ind = Indicators(satisfaction=Satisfaction(evaluations=100, satisfied=5))
    assert report_figures.evaluate(target("satisfaction", "10", "<="), ind).verdict == "đạt"


def test_targets_without_figures_or_without_a_value_are_not_assessed():
    no_figures = report_figures.evaluate(target("satisfaction"), Indicators())
    no_value = report_figures.evaluate(Target(id="CT1", text="Cải thiện chỉ số."), Indicators())
    nothing_due = report_figures.evaluate(
        target("assigned_tasks", "100"), Indicators(assigned_tasks=AssignedTasks(assigned=3, done_on_time=0)))
    assert [r.verdict for r in (no_figures, no_value, nothing_due)] == ["chưa đánh giá"] * 3
    assert no_value.required == ""
