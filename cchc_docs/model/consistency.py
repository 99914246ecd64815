"""Checks across a plan's documents: what no single field is wrong about, but the set is.

A decision (or a plan issued on its own) signed before a căn cứ it cites or before the
Tờ trình that proposed it, a proposal line citing another Tờ trình than the plan's,
"Như Điều 5" on a decision with four articles, one số/ký hiệu used twice in a year, a
report citing a document signed after it, a report that moves a completion to before
an earlier report's cut-off when that report said the task was unfinished, a report
signed after its due day. Each is located at the value to fix; the last is a warning,
since a late report is still a report.
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
_CITED_SUBMISSION = re.compile(r"tờ\s+trình\s+số\s+0*(\d+)\s*/", re.IGNORECASE)


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
    """The document that issued the plan against its căn cứ, its Tờ trình, its proposal and its articles."""
    issuer, where = plan_file.issuer, _issuer_path(plan_file)
    signed = issuer.date.as_date() if issuer.date else None
    cited = cited_lines(issuer, where, ("legal_bases", "implements", "proposal"))
    problems = cited_after(source, cited, signed, issuer.type_name) + submission_problems(plan_file, source)
    if plan_file.decision is None:
        return problems
    d = plan_file.decision
    for i, recipient in enumerate(d.recipients):
        match = _SAME_AS_ARTICLE.search(recipient)
        if match and int(match[1]) != len(d.articles):
            problems.append(_problem(
                source, ("decision", "recipients", i), f"'Như Điều {match[1]}' không phải Điều thi hành",
                expected=f"'Như Điều {len(d.articles)}' (Quyết định có {len(d.articles)} Điều, Điều cuối là Điều "
                         "thi hành)", got=f"'{recipient}'"))
    return problems


def _issuer_path(plan_file: PlanFile) -> tuple:
    return ("decision",) if plan_file.decision is not None else ("plan", "issue")


def cited_lines(record, path: tuple, names: tuple[str, ...]) -> list[tuple[tuple, str]]:
    """(path, text) of each line of ``record`` that may cite documents: lists of lines, or one line."""
    found = []
    for name in names:
        value = getattr(record, name, None)
        if isinstance(value, str):
            found.append((path + (name,), value))
        else:
            found += [(path + (name, i), text) for i, text in enumerate(value or ())]
    return found


def cited_after(source: Source, cited: list[tuple[tuple, str]], signed: dt.date | None, signer: str) -> list[Problem]:
    """A document may not cite one signed after it: ``cited`` is (path, text) of each line that cites."""
    problems = []
    for path, text in cited if signed else ():
        later = [day for day in cited_dates(text) if day > signed]
        if later:
            problems.append(_problem(
                source, path, f"văn bản được dẫn ký sau {signer}",
                expected=f"ngày ký không sau {vn.short_date(signed)} (ngày của {signer})", got=vn.short_date(later[0])))
    return problems


def submission_problems(plan_file: PlanFile, source: Source) -> list[Problem]:
    """The Tờ trình comes first: the decision (or plan) is not signed before it, and cites no other Tờ trình."""
    s, issuer = plan_file.submission, plan_file.issuer
    if s is None:
        return []
    problems = []
    submitted, signed = (d.date.as_date() if d.date else None for d in (s, issuer))
    if submitted and signed and signed < submitted:
        problems.append(_problem(
            source, _issuer_path(plan_file) + ("date",), f"{issuer.type_name} ký trước Tờ trình đề nghị ban hành",
            expected=f"ngày ký từ {vn.short_date(submitted)} (ngày của Tờ trình, submission.date) trở đi",
            got=vn.short_date(signed)))
    proposal = getattr(issuer, "proposal", None)
    match = _CITED_SUBMISSION.search(vn.nfc(proposal)) if proposal else None
    if match and s.number is not None and int(match[1]) != s.number:
        problems.append(_problem(
            source, ("decision", "proposal"), f"dẫn Tờ trình số {match[1]}, khác số của Tờ trình trong submission",
            expected=f"Tờ trình số {s.number:02d}, hoặc bỏ trống proposal để chương trình tự dẫn Tờ trình",
            got=f"'{proposal}'"))
    return problems


def report_preamble_problems(status: StatusFile, source: Source) -> list[Problem]:
    """A report cites no căn cứ or plan signed after the report itself."""
    info = status.report
    cited = cited_lines(info, ("report",), ("legal_bases", "plans", "request"))
    return cited_after(source, cited, info.date.as_date(), "báo cáo")


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
    issuer = plan_file.issuer
    if issuer.number and issuer.date:
        yield issuer.number, issuer.type_code, issuer.date, source, _issuer_path(plan_file) + ("number",)
    s = plan_file.submission
    if s is not None and s.number and s.date:  # the unit's own series: 25/TTr-VHXH
        yield s.number, f"{s.type_code}-{s.unit}", s.date, source, ("submission", "number")
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
