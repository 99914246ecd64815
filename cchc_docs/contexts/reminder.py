"""Context of ``cong-van.docx``: a công văn đôn đốc (ND30, Phụ lục III) reminding units of late and coming tasks.

On a given day, each task that is not finished by the last report is overdue (its
deadline has passed) or due soon (its deadline falls within the coming days); tasks
without a deadline ("thường xuyên") are never either. The letter goes to the units that
lead those tasks (Kính gửi), one numbered section each: a) the overdue tasks, b) the
ones due soon. A task led jointly is listed under each of its lead units, named with the
others ("cùng chủ trì với …"), and counted once in the letter's totals. Pure: the day,
the window and the last report come in as arguments.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cchc_docs import vn
from cchc_docs.contexts import common
from cchc_docs.contexts.report import addressees
from cchc_docs.model.periods import Period
from cchc_docs.model.plan import PlanFile, Task
from cchc_docs.model.status import DONE, StatusFile
from cchc_docs.model.values import IssueDate

SUBJECT = "V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính quá hạn, sắp đến hạn"
TYPE_NAME = "Công văn"


@dataclass(frozen=True)
class Due:
    """A task to remind a unit of: when it was due and what the last report said of it."""

    task: Task
    due: dt.date
    status: str  # as in the last report; "chưa báo cáo" when no report mentions it
    overdue: bool

    def days(self, as_of: dt.date) -> int:
        """Days overdue, or days left before the deadline."""
        return (as_of - self.due).days if self.overdue else (self.due - as_of).days


@dataclass(frozen=True)
class Reminder:
    """Everything one công văn đôn đốc says, before wording."""

    plan_file: PlanFile
    as_of: dt.date
    days: int
    last: Period | None  # the report the statuses come from
    by_unit: dict[str, list[Due]]  # lead unit code → its tasks, overdue first, by deadline

    @property
    def horizon(self) -> dt.date:
        return self.as_of + dt.timedelta(days=self.days)

    def count(self, overdue: bool) -> int:
        """Tasks overdue (or due soon), each once: a joint task is listed under several units."""
        return len({d.task.id for dues in self.by_unit.values() for d in dues if d.overdue == overdue})


def reminder(plan_file: PlanFile, last: tuple[Period, StatusFile] | None, as_of: dt.date, days: int) -> Reminder:
    """The tasks to remind of on ``as_of``, by lead unit in the plan's unit order."""
    status = last[1] if last else None
    horizon = as_of + dt.timedelta(days=days)
    found: dict[str, list[Due]] = {}
    for task in plan_file.plan.tasks:
        said = status.status_of(task.id) if status else None
        due = task.deadline.due
        if due is None or (said is not None and said.status == DONE) or due > horizon:
            continue
        for code in task.lead:  # a joint task is every lead unit's to finish
            found.setdefault(code, []).append(Due(task, due, said.status if said else "chưa báo cáo", due < as_of))
    order = [u.code for u in plan_file.units]
    by_unit = {code: sorted(found[code], key=lambda d: (not d.overdue, d.due)) for code in order if code in found}
    return Reminder(plan_file, as_of, days, last[0] if last else None, by_unit)


def as_json(r: Reminder) -> dict:
    """The same lists for other tools: per unit, the overdue and the soon-due tasks."""
    def item(d: Due) -> dict:
        return {"id": d.task.id, "content": common.clean(d.task.content), "deadline": d.task.deadline.label,
                "due": d.due.isoformat(), "status": d.status,
                ("days_overdue" if d.overdue else "days_left"): d.days(r.as_of)}

    return {
        "as_of": r.as_of.isoformat(), "days": r.days, "last_report": r.last.code if r.last else None,
        "units": [{"code": code, "name": r.plan_file.unit(code).name,
                   "overdue": [item(d) for d in dues if d.overdue],
                   "due_soon": [item(d) for d in dues if not d.overdue]} for code, dues in r.by_unit.items()],
    }


def build(r: Reminder) -> dict:
    """The whole context of the công văn (a draft: no number, the day left blank)."""
    body_ = r.plan_file.issuing_body
    date = IssueDate(r.as_of.year, r.as_of.month)
    hub = _hub(r.plan_file)
    signer = r.plan_file.issuer.signer
    return {
        "header": common.header(body_),
        "document": {
            "number_line": vn.doc_number(None, f"{body_.abbreviation}-{hub}"),
            "place_date": common.place_date(body_, date),
            "final": False,
        },
        "letter": {
            "subject": SUBJECT,
            "addressees": addressees(tuple(r.plan_file.unit(code).name for code in r.by_unit)),
            "body": _body(r),
            "recipients": common.recipients((), (hub,), first=["Như trên"]),
            "signer": {"lines": common.signer_lines(signer), "name": common.clean(signer.name)},
        },
        "rule_indents": common.rule_indents(common.header_rules(body_)),
        "properties": common.properties(TYPE_NAME, SUBJECT.removeprefix("V/v "), body_, date),
    }


def _hub(plan_file: PlanFile) -> str:
    reporting = plan_file.plan.reporting
    return reporting.hub if reporting else plan_file.issuer.archive[0]


def _body(r: Reminder) -> list[dict]:
    paragraphs = [_para("text", "", _opening(r))]
    for n, (code, dues) in enumerate(r.by_unit.items(), start=1):
        paragraphs.append(_para("heading", f"{n}. ", common.clean(r.plan_file.unit(code).name)))
        points = [(f"Nhiệm vụ quá hạn chưa hoàn thành ({_count(dues, True)})", [d for d in dues if d.overdue]),
                  (f"Nhiệm vụ đến hạn trong {r.days} ngày tới ({_count(dues, False)})",
                   [d for d in dues if not d.overdue])]
        points = [(title, items) for title, items in points if items]
        for i, (title, items) in enumerate(points):
            paragraphs.append(_para("point_heading", f"{vn.point_letter(i)}) ", title))
            paragraphs += [_para("text", "- ", _line(r, code, d, last=k == len(items) - 1))
                           for k, d in enumerate(items)]
    paragraphs.append(_para("end", "", _closing(r)))
    return paragraphs


def _count(dues: list[Due], overdue: bool) -> str:
    return f"{sum(1 for d in dues if d.overdue == overdue):02d} nhiệm vụ"


def _opening(r: Reminder) -> str:
    body_ = r.plan_file.issuing_body
    source = f"theo {'báo cáo ' + r.last.label if r.last else 'dữ liệu hiện có'}"
    return (f"Thực hiện {common.issuer_citation(r.plan_file)}; {source}, đến ngày {vn.short_date(r.as_of)} còn "
            f"{r.count(True):02d} nhiệm vụ quá hạn chưa hoàn thành và {r.count(False):02d} nhiệm vụ đến hạn trong "
            f"{r.days} ngày tới (đến ngày {vn.short_date(r.horizon)}). {common.clean(body_.name)} đề nghị các cơ "
            "quan, đơn vị khẩn trương thực hiện các nhiệm vụ sau:")


def _line(r: Reminder, code: str, d: Due, last: bool) -> str:
    when = f"quá hạn {d.days(r.as_of)} ngày" if d.overdue else f"còn {d.days(r.as_of)} ngày"
    others = [c for c in d.task.lead if c != code]
    joint = f"; cùng chủ trì với {common.lead_names(r.plan_file, others)}" if others else ""
    return (f"{common.bare(common.clean(d.task.content))} (thời hạn: {d.task.deadline.label}, {when}; "
            f"tình trạng: {d.status}{joint}){'.' if last else ';'}")


def _closing(r: Reminder) -> str:
    hub = r.plan_file.unit(_hub(r.plan_file))
    body_ = common.clean(r.plan_file.issuing_body.name)
    return (f"Đề nghị Thủ trưởng các cơ quan, đơn vị tập trung chỉ đạo, hoàn thành các nhiệm vụ nêu trên; báo cáo "
            f"kết quả về {body_} (qua {common.clean(hub.name)}) để tổng hợp./.")


def _para(kind: str, lead: str, text: str) -> dict:
    return {"kind": kind, "lead": lead, "text": text}
