"""Checks across a plan's documents: what no single field is wrong about, but the set is.

A decision signed before a căn cứ it cites, "Như Điều 5" on a decision with four
articles, one số/ký hiệu used twice in a year, a report that moves a completion to
before an earlier report's cut-off when that report said the task was unfinished, a
report signed after its due day. Each is located at the value to fix; the last is a
warning, since a late report is still a report.
"""

from __future__ import annotations

import datetime as dt
import re

from cchc_docs import vn
from cchc_docs.errors import Problem
from cchc_docs.model.compose import path_text
from cchc_docs.model.plan import PlanFile
from cchc_docs.model.source import Source
from cchc_docs.model.status import DONE, StatusFile

# Dates as căn cứ write them: "ngày 16/6/2025", "ngày 16-6-2025", "ngày 16 tháng 6 năm 2025".
_CITED_DATE = re.compile(r"ngày\s+(\d{1,2})\s*(?:/|-|\s+tháng\s+)(\d{1,2})\s*(?:/|-|\s+năm\s+)(\d{4})", re.IGNORECASE)
_SAME_AS_ARTICLE = re.compile(r"như\s+điều\s+(\d+)", re.IGNORECASE)


def cited_dates(text: str) -> list[dt.date]:
    """Every real date a text cites (an impossible one is not a date, and is left alone)."""
    found = []
    for day, month, year in _CITED_DATE.findall(vn.nfc(text)):
        try:
            found.append(dt.date(int(year), int(month), int(day)))
        except ValueError:
            continue
    return found


def decision_problems(plan_file: PlanFile, source: Source) -> list[Problem]:
    """The decision against its own căn cứ, proposal and articles."""
    d = plan_file.decision
    signed = d.date.as_date() if d.date else None
    problems = []
    cited = [(("decision", "legal_bases", i), text) for i, text in enumerate(d.legal_bases)]
    cited += [(("decision", "proposal"), d.proposal)] if d.proposal else []
    for path, text in cited if signed else ():
        later = [day for day in cited_dates(text) if day > signed]
        if later:
            problems.append(_problem(source, path, "văn bản được dẫn ký sau Quyết định",
                                     expected=f"ngày ký không sau {vn.short_date(signed)} (ngày của Quyết định)",
                                     got=vn.short_date(later[0])))
    for i, recipient in enumerate(d.recipients):
        match = _SAME_AS_ARTICLE.search(recipient)
        if match and int(match[1]) != len(d.articles):
            problems.append(_problem(
                source, ("decision", "recipients", i), f"'Như Điều {match[1]}' không phải Điều thi hành",
                expected=f"'Như Điều {len(d.articles)}' (Quyết định có {len(d.articles)} Điều, Điều cuối là Điều "
                         "thi hành)", got=f"'{recipient}'"))
    return problems


def numbers_problems(plan_file: PlanFile, source: Source, statuses: dict) -> list[Problem]:
    """A số/ký hiệu used twice in one year across the decision, its amendments and the reports.

    ``statuses``: period → (StatusFile, its Source).
    """
    seen: dict[tuple[int, str, int], str] = {}
    problems = []
    for number, code, date, where, path in _numbered(plan_file, source, statuses):
        key = (number, code, date.year)
        if key in seen:
            problems.append(Problem(where.where(path), path_text(path),
                                    f"số/ký hiệu {number:02d}/{code} đã dùng cho {seen[key]} trong năm {date.year}",
                                    hint="mỗi số chỉ cấp một lần trong năm (Nghị định 30/2020/NĐ-CP, Điều 15)"))
        else:
            seen[key] = f"{where.file}:{where.where(path).line}" if where.where(path) else where.file
    return problems


def _numbered(plan_file: PlanFile, source: Source, statuses: dict):
    d = plan_file.decision
    if d.number and d.date:
        yield d.number, "QĐ", d.date, source, ("decision", "number")
    for k, amendment in enumerate(plan_file.amendments or ()):
        a = amendment.decision
        if a.number and a.date:
            yield a.number, "QĐ", a.date, source, ("amendments", k, "decision", "number")
    for status, status_source in statuses.values():
        r = status.report
        if r.number and r.date:
            yield r.number, "BC", r.date, status_source, ("report", "number")


def report_problems(earlier: StatusFile, earlier_end: dt.date, later: StatusFile,
                    later_source: Source) -> list[Problem]:
    """A later report may not date a completion before the earlier report's cut-off (or signing day)
    when that report said the task was still unfinished."""
    said = {t.id: t for t in earlier.tasks}
    signed = earlier.report.date.as_date()
    bound = min(earlier_end, signed) if signed else earlier_end
    problems = []
    for i, task in enumerate(later.tasks):
        before = said.get(task.id)
        if task.status != DONE or task.completed > bound or (before is not None and before.status == DONE):
            continue
        problems.append(_problem(
            later_source, ("tasks", i, "completed"),
            f"ngày hoàn thành của {task.id} rơi vào trước ngày {vn.short_date(bound)}, nhưng báo cáo "
            f"{earlier.period.label} ghi nhiệm vụ này chưa hoàn thành",
            expected=f"sau ngày {vn.short_date(bound)}, hoặc sửa báo cáo {earlier.period.label}",
            got=vn.short_date(task.completed)))
    return problems


def late_report(status: StatusFile, source: Source, due: dt.date) -> Problem | None:
    """A warning: the report is signed on or after the day it was due before."""
    signed = status.report.date.as_date()
    if signed is None or signed < due:
        return None
    return _problem(source, ("report", "date"), f"báo cáo ký sau hạn gửi (trước ngày {vn.short_date(due)})",
                    got=vn.short_date(signed), warning=True)


def _problem(source: Source, path: tuple, message: str, expected=None, got=None, warning=False) -> Problem:
    return Problem(source.where(path), source.describe(path), message, expected, got, warning=warning)
