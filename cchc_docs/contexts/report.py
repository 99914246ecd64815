"""Context of ``bao-cao-quy.docx``: a periodic CCHC report (ND30 Mẫu 1.4) and its two appendices.

One template serves every period (quý, 6 tháng, 9 tháng, năm). The report that closes
the plan (its window takes in the whole plan: the annual report, or the 6-month report
of a half-year plan) also compares the plan's targets with what was achieved. The body's sections are built in
:mod:`cchc_docs.contexts.report_body`; this module adds the header, the opening
paragraph, Kính gửi, signature and Nơi nhận, and the tables.
"""

from __future__ import annotations

from cchc_docs import vn
from cchc_docs.contexts import common, report_figures
from cchc_docs.contexts.plan import target_numbers, task_numbers, tasks_by_area
from cchc_docs.contexts.report_body import ReportFacts, amended_by, body, n
from cchc_docs.contexts.report_stats import stat_rows
from cchc_docs.model.amend import in_force
from cchc_docs.model.periods import Period
from cchc_docs.model.plan import AREAS, PlanFile
from cchc_docs.model.status import StatusFile, reporting_calendar
from cchc_docs.typeset import layout as L

TYPE_CODE = "BC"
TITLE = "Kết quả thực hiện công tác cải cách hành chính"


def build(plan_file: PlanFile, status: StatusFile, period: Period, original: PlanFile | None = None) -> dict:
    """The whole context; pure: the report's own date stands in for "today".

    ``plan_file`` is the plan in force at the window's end; ``original`` the plan as first
    issued, when amendments changed it (the report then cites both decisions).
    """
    facts = report_facts(plan_file, status, period, original)
    info, body_ = status.report, plan_file.issuing_body
    title = f"{TITLE} {period.label}"
    appendix_titles = (f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {vn.upper(period.label)}",
                       f"SỐ LIỆU THỐNG KÊ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {vn.upper(period.label)}")
    attached = attached_to(plan_file, status)
    return {
        "header": common.header(body_),
        "document": {
            "number_line": common.number_line(info.number, TYPE_CODE, body_),
            "place_date": common.place_date(body_, info.date),
            "final": info.number is not None and info.date.complete,
        },
        "report": {
            "title": title,
            "addressees": addressees(info.addressees),
            "grounds": common.grounds(info.legal_bases),
            "opening": opening(facts),
            "body": body(facts),
            "areas_table": areas_table(facts),
            "targets_table": targets_table(facts),
            "recipients": recipients(plan_file, status),
            "signer": signer(plan_file, status),
        },
        "appendices": {
            "tasks": {"label": "Phụ lục I", "title": appendix_titles[0], "attached_to": attached,
                      "rows": task_rows(facts)},
            "stats": {"label": "Phụ lục II", "title": appendix_titles[1], "attached_to": attached,
                      "units": units_table(facts), "rows": stat_rows(status, facts.level),
                      "caption": f"Biểu 2. Số liệu thống kê ({window_text(facts)}"
                                 + (f", ước thực hiện từ ngày {vn.short_date(facts.estimated_from)}"
                                    if facts.estimated_from else "") + ")"},
        },
        "rule_indents": rules(plan_file, title, appendix_titles),
        "properties": common.properties("Báo cáo", title, body_, info.date),
    }


def report_facts(plan_file: PlanFile, status: StatusFile, period: Period,
                 original: PlanFile | None = None) -> ReportFacts:
    full = period.window(reporting_calendar(plan_file))
    # No figures from before the plan, or the body, existed: a Q3 window opening 15/6 starts on 01/7
    # for a plan of 01/7.
    window = (max(full[0], plan_file.plan.start, plan_file.issuing_body.established or full[0]), full[1])
    items = tuple(report_figures.task_progress(plan_file.plan, status, window))
    # The report that closes the plan: its window takes in the plan's start and its
    # months reach the plan's end (the annual report of a one-year or half-year plan).
    final = full[0] <= plan_file.plan.start and period.span[1] >= plan_file.plan.end
    original = original or plan_file
    return ReportFacts(plan_file, status, period, window, items, final, clipped=window != full,
                       original=original, amended_by=tuple(in_force(original, window[1])))


# ---------------------------------------------------------------- opening, Kính gửi, signature


def opening(f: ReportFacts) -> str:
    """"Thực hiện Quyết định số … ban hành Kế hoạch …; … báo cáo kết quả … (số liệu từ … đến …) như sau:".

    The plan is cited by the document that issued it (a decision, or the plan's own number),
    then the other plans the report also answers (``report.plans``), then the request. The
    report's căn cứ, when given, stand before this sentence as lines of their own
    (``report.grounds``): reports open with "Thực hiện …" and cite căn cứ only when asked to.
    """
    body_ = f.plan_file.issuing_body
    basis = f"Thực hiện {common.issuer_citation(f.plan_file)}" + amended_by(f, long_dates=True)
    basis += "".join(f"; {common.bare(plan)}" for plan in f.status.report.plans)
    if f.status.report.request:
        basis += f"; thực hiện {common.bare(f.status.report.request)}"  # "Công văn số …" keeps its capital
    window = window_text(f)
    if f.estimated_from:
        window += (f"; số liệu từ ngày {vn.short_date(f.estimated_from)} đến ngày {vn.short_date(f.as_of)} "
                   "là số ước thực hiện")
    return (f"{basis}; {common.clean(body_.name)} báo cáo kết quả thực hiện công tác cải cách hành chính "
            f"{f.period.label} ({window}) như sau:")


def window_text(f: ReportFacts) -> str:
    """``số liệu từ ngày 01/7/2025, ngày bắt đầu thực hiện Kế hoạch, đến ngày 14/9/2025``."""
    start = vn.short_date(f.window[0])
    if f.clipped:
        body = f.plan_file.issuing_body
        began = (f"ngày {common.clean(body.name)} bắt đầu hoạt động" if f.window[0] == body.established
                 and f.window[0] != f.plan_file.plan.start else "ngày bắt đầu thực hiện Kế hoạch")
        start += f", {began},"
    return f"số liệu từ ngày {start} đến ngày {vn.short_date(f.as_of)}"


def addressees(names: tuple[str, ...]) -> list[str]:
    """Box 9a: one recipient on the Kính gửi line; several as ``- …;`` lines, the last ending ``.``."""
    names = [common.bare(name) for name in names]
    if len(names) <= 1:
        return names
    return [f"- {name}{'.' if i == len(names) - 1 else ';'}" for i, name in enumerate(names)]


def recipients(plan_file: PlanFile, status: StatusFile) -> list[str]:
    """Box 9b: ``- Như trên;`` first when the report has a Kính gửi, ``- Lưu: VT, …`` last."""
    info = status.report
    archive = info.archive or _default_archive(plan_file)
    first = ["Như trên"] if info.addressees else []
    return common.recipients(info.recipients, archive, first=first)


def _default_archive(plan_file: PlanFile) -> tuple[str, ...]:
    reporting = plan_file.plan.reporting
    return (reporting.hub,) if reporting else plan_file.issuer.archive


def signer(plan_file: PlanFile, status: StatusFile) -> dict:
    who = status.report.signer or plan_file.issuer.signer
    return {"lines": common.signer_lines(who), "name": common.clean(who.name)}


def attached_to(plan_file: PlanFile, status: StatusFile) -> str:
    """``(Kèm theo Báo cáo số 52/BC-UBND ngày 08 tháng 9 năm 2025 của Ủy ban nhân dân xã …)``."""
    info, body_ = status.report, plan_file.issuing_body
    number = common.cited_number(info.number, TYPE_CODE, body_)
    return f"(Kèm theo Báo cáo số {number} {common.cited_date(info.date)} của {common.clean(body_.name)})"


# ---------------------------------------------------------------- tables


def tally_rows(named: list[tuple[str, report_figures.Tally]], total: report_figures.Tally) -> dict:
    """Numbered rows and a total row; the rate column keeps one number of decimals throughout."""
    tallies = [t for _, t in named] + [total]
    rates = report_figures.column([t.completion for t in tallies])
    rows = [_tally_row(str(i + 1), name, t, rate)
            for i, ((name, t), rate) in enumerate(zip(named, rates, strict=False))]
    return {"rows": rows, "total": _tally_row("", "Tổng cộng", total, rates[-1])}


def _tally_row(number: str, name: str, t: report_figures.Tally, rate: str) -> dict:
    row = {"number": number, "name": name, "total": n(t.total)}
    row.update({c: n(t.count(c)) for c in report_figures.CATEGORIES})
    row["rate"] = rate
    return row


def areas_table(f: ReportFacts) -> dict:
    """Bảng 1 in the body: tasks by reform area, with a total row."""
    by_area = report_figures.tally_by(list(f.items), "area")
    named = [(AREAS[code], by_area[code]) for code in AREAS if code in by_area]
    return {"caption": f"Bảng 1. Kết quả thực hiện nhiệm vụ của Kế hoạch theo lĩnh vực ({f.until})",
            **tally_rows(named, f.tally)}


def units_table(f: ReportFacts) -> dict:
    """Phụ lục II, Biểu 1: tasks by lead unit (units in the plan's order), with a total row."""
    by_unit = report_figures.tally_by(list(f.items), "lead")
    named = [(f.unit(u.code), by_unit[u.code]) for u in f.plan_file.units if u.code in by_unit]
    joint = sum(len(i.task.lead) > 1 for i in f.items)
    # The total row is the plan's tally, each task once: a joint task is in the row of each of its leads.
    note = (f" ({joint} nhiệm vụ do nhiều cơ quan cùng chủ trì được tính cho mỗi cơ quan; dòng Tổng cộng tính mỗi "
            "nhiệm vụ một lần)") if joint else ""
    return {"caption": f"Biểu 1. Kết quả thực hiện nhiệm vụ theo cơ quan chủ trì{note}", **tally_rows(named, f.tally)}


def targets_table(f: ReportFacts) -> dict:
    """Bảng 2, in every report: each target against what was achieved to date."""
    numbers = target_numbers(f.original or f.plan_file, f.plan_file)
    return {"caption": f"Bảng 2. Kết quả thực hiện các chỉ tiêu chủ yếu của Kế hoạch ({f.until})",
            "rows": [{"number": str(numbers[r.target.id]), "text": common.clean(r.target.text),
                      "required": r.required or "-", "achieved": r.achieved_text, "verdict": r.verdict.capitalize()}
                     for r in f.target_results]}


def task_rows(f: ReportFacts) -> list[dict]:
    """Phụ lục I: a Roman-numbered row per reform area, then its tasks (STT as in the plan) and their status."""
    numbers = task_numbers(f.original or f.plan_file, f.plan_file)
    items = {item.task.id: item for item in f.items}
    rows = []
    for i, (code, tasks) in enumerate(tasks_by_area(f.plan_file, numbers)):
        rows.append({"kind": "area", "number": vn.roman(i + 1), "text": vn.upper(AREAS[code])})
        rows += [task_row(f, items[task.id], numbers[task.id]) for task in tasks]
    return rows


def task_row(f: ReportFacts, item: report_figures.TaskProgress, number: int) -> dict:
    status = report_figures.CATEGORY_LABELS[item.category]
    if item.carried_over:
        status += " (kỳ trước chuyển sang)"
    result = [common.clean(item.result)] if item.result else []
    result += [f"Văn bản: {'; '.join(common.clean(e) for e in item.evidence)}"] if item.evidence else []
    return {
        "kind": "task", "number": str(number), "content": common.clean(item.task.content),
        "lead": common.lead_names(f.plan_file, item.task.lead), "deadline": item.task.deadline.label, "status": status,
        "completed": vn.short_date(item.completed) if item.completed else "", "result": ". ".join(result),
    }


def rules(plan_file: PlanFile, title: str, appendix_titles: tuple[str, str]) -> dict[str, float]:
    lengths = common.header_rules(plan_file.issuing_body)
    lengths["RuleTitle"] = common.title_rule(title)
    lengths["RuleAppendix"] = common.title_rule(appendix_titles[0], L.LANDSCAPE_TEXT_WIDTH_MM)
    lengths["RuleAppendix2"] = common.title_rule(appendix_titles[1], L.LANDSCAPE_TEXT_WIDTH_MM)
    return common.rule_indents(lengths)
