"""The body of a periodic report (mục I–V), as numbered paragraphs with tables between them.

The outline is the usual one for commune CCHC reports (cchc-reporting.md §3): I. chỉ
đạo, điều hành; II. the six reform areas; III. đánh giá chung; IV. phương hướng kỳ tới;
V. đề xuất, kiến nghị. Each part joins computed sentences (every figure comes from
:mod:`cchc_docs.progress`) with the narrative of the status file. A part with nothing to
say is left out and the numbering closes up, since numbers are generated (variant B of
ND30 §6.4: ``I.``, ``1.``, ``a)``, then ``-`` and ``+``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cchc_docs import vn
from cchc_docs.contexts import report_figures
from cchc_docs.contexts.common import (
    bare,
    cited_date,
    cited_number,
    clean,
    issuer_reference,
    lead_names,
    level,
    lower_first,
    unit_label,
)
from cchc_docs.contexts.plan import END_MARK
from cchc_docs.contexts.report_sentences import (
    assigned_sentences,
    bullet,
    digital_bullets,
    document_bullets,
    dossier_bullets,
    feedback_bullets,
    inspection_sentences,
    n,
    outreach_sentences,
    procedure_bullets,
    satisfaction_sentences,
    staff_bullets,
    sub,
    text,
    training_bullets,
)
from cchc_docs.model.periods import Period
from cchc_docs.model.plan import AREAS, Bullet, PlanFile, Text
from cchc_docs.model.status import StatusFile

NOTHING_TO_REPORT = "Trong kỳ không có nhiệm vụ, số liệu thuộc lĩnh vực này."
REFORM_AREAS = ("institutions", "procedures", "organisation", "civil_service", "public_finance", "digital_government")


@dataclass(frozen=True)
class ReportFacts:
    """Everything the report's text is made from: inputs and the figures computed from them."""

    plan_file: PlanFile
    status: StatusFile
    period: Period
    window: tuple[dt.date, dt.date]
    items: tuple[report_figures.TaskProgress, ...]
    final: bool  # the report that closes the plan: compares the targets
    clipped: bool = False  # the window starts on the plan's first day, not the period's
    original: PlanFile | None = None  # the plan as first issued, when amendments changed it
    amended_by: tuple = ()  # the amendments in force at the cut-off (model.plan.Amendment)

    @property
    def as_of(self) -> dt.date:
        return self.window[1]

    @property
    def estimated_from(self) -> dt.date | None:
        """The first day whose figures are an estimate: the report is signed before its cut-off."""
        signed = self.status.report.date.as_date()
        return signed + dt.timedelta(days=1) if signed and signed < self.as_of else None

    @property
    def target_results(self) -> list[report_figures.TargetResult]:
        """The targets against what was achieved; before the plan ends a miss is "chưa đạt", not "không đạt"."""
        return report_figures.evaluate_targets(self.plan_file.plan, self.status.indicators, final=self.final)

    @property
    def until(self) -> str:
        """``đến ngày 14/9/2025``, or ``ước thực hiện đến ngày 14/9/2025`` when signed before it."""
        return f"{'ước thực hiện ' if self.estimated_from else ''}đến ngày {vn.short_date(self.as_of)}"

    @property
    def tally(self) -> report_figures.Tally:
        return report_figures.tally(self.items)

    @property
    def level(self) -> str:
        """``xã``, ``phường``, ``thị trấn`` or ``đặc khu``, from the issuing body."""
        return level(self.plan_file.issuing_body)

    def unit(self, code: str) -> str:
        return unit_label(self.plan_file, code)


@dataclass
class Node:
    """A titled part of the outline: its own paragraphs (and table markers), then its children."""

    title: str
    content: list[dict] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)

    def empty(self) -> bool:
        return not self.content and all(child.empty() for child in self.children)


def body(facts: ReportFacts) -> list[dict]:
    """The body as parts ``{paragraphs, table}``: each part's paragraphs, then its table (or None)."""
    outline = [direction(facts), reform_areas(facts), assessment(facts), next_period(facts), proposals(facts)]
    return parts(with_end_mark(flatten(outline)))


# ---------------------------------------------------------------- I. chỉ đạo, điều hành


def direction(f: ReportFacts) -> Node:
    n = f.status.narrative
    ind = f.status.indicators
    overdue = [bullet(f"Nhiệm vụ quá hạn chưa hoàn thành: {task_label(f, i)}.")
               for i in f.items if i.task.area == "direction" and i.category == "overdue"]
    planning = Node("Công tác ban hành và triển khai kế hoạch cải cách hành chính",
                    plan_sentences(f) + overdue + assigned_sentences(ind.assigned_tasks) + paragraphs(n.direction)
                    + [table("areas")] + targets_part(f))
    return Node("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", children=[
        planning,
        Node("Công tác kiểm tra cải cách hành chính", inspection_sentences(ind.inspections) + paragraphs(n.inspection)),
        Node("Công tác tuyên truyền cải cách hành chính",
             outreach_sentences(ind.outreach, f.level) + paragraphs(n.communication)),
        Node("Sáng kiến, mô hình mới; khảo sát sự hài lòng",
             satisfaction_sentences(ind.satisfaction) + paragraphs(n.initiatives)),
        Node("Kỷ luật, kỷ cương hành chính; gắn cải cách hành chính với thi đua, khen thưởng",
             paragraphs(n.discipline)),
    ])


def plan_sentences(f: ReportFacts) -> list[dict]:
    plan = f.plan_file.plan
    t = f.tally
    original = (f.original or f.plan_file).plan
    reference = issuer_reference(f.plan_file, long_date=False)
    # A plan issued by a decision is "kèm theo" it; a plan issued on its own is cited by its own number.
    what = (f"Kế hoạch {lower_first(clean(original.title))} kèm theo {reference}" if f.plan_file.decision
            else f"{reference} về {lower_first(clean(original.title))}")
    issued = (f"{clean(f.plan_file.issuing_body.name)} ban hành {what}, gồm {len(original.tasks)} nhiệm vụ và "
              f"{len(original.targets)} chỉ tiêu chủ yếu")
    if f.amended_by:
        issued += (f"; Kế hoạch{amended_by(f).removeprefix(',')}, nay gồm {t.total} nhiệm vụ và "
                   f"{len(plan.targets)} chỉ tiêu")
    lines = [
        issued + ".",
        f"{'Ước thực hiện' if f.estimated_from else 'Tính'} đến ngày {vn.short_date(f.as_of)}, "
        + "; ".join(progress_clauses(t))
        + " (Bảng 1; chi tiết tại Phụ lục I).",
    ]
    in_window = sum(i.done_in_window for i in f.items)
    carried = [i for i in f.items if i.carried_over]
    window = (f"Trong kỳ báo cáo, hoàn thành {in_window} nhiệm vụ" if in_window
              else "Trong kỳ báo cáo, chưa có nhiệm vụ nào hoàn thành")
    if carried:
        closed = sum(i.done for i in carried)
        window += (f"; có {len(carried)} nhiệm vụ kỳ trước chuyển sang, "
                   + (f"trong đó đã hoàn thành {closed} nhiệm vụ" if closed else "chưa hoàn thành nhiệm vụ nào"))
    return [text(s) for s in lines + [window + "."]]


def amended_by(f: ReportFacts, long_dates: bool = False) -> str:
    """``, được sửa đổi, bổ sung tại Quyết định số 156/QĐ-UBND ngày …`` for the amendments in force."""
    if not f.amended_by:
        return ""
    body_ = f.plan_file.issuing_body
    cited = [f"Quyết định số {cited_number(a.decision.number, 'QĐ', body_)} "
             + (cited_date(a.decision.date) if long_dates else f"ngày {vn.short_date(a.decision.date.as_date())}")
             for a in f.amended_by]
    return ", được sửa đổi, bổ sung tại " + " và ".join(cited)


def progress_clauses(t: report_figures.Tally) -> list[str]:
    """The tally in words, as a reader checks it: the completion rate of tasks with a deadline,
    then each non-empty class; recurring tasks apart; no "0 nhiệm vụ"."""
    clauses = []
    if t.scheduled:
        if t.done:
            timing = ("đều đúng hạn" if not t.late else "đều quá hạn" if not t.on_time
                      else f"trong đó đúng hạn {t.on_time}, quá hạn {t.late}")
            clauses.append(f"đã hoàn thành {t.done} nhiệm vụ có thời hạn, đạt {t.completion.text}, {timing}")
        else:
            clauses.append(f"chưa có nhiệm vụ nào trong {t.scheduled} nhiệm vụ có thời hạn hoàn thành")
        clauses += [f"{words} {count} nhiệm vụ" for count, words in (
            (t.in_progress, "đang thực hiện trong hạn"), (t.overdue, "quá hạn chưa hoàn thành"),
            (t.not_due, "chưa đến hạn")) if count]
    if t.recurring:
        recurring = f"{t.recurring} nhiệm vụ thực hiện thường xuyên"
        all_ = " đều" if t.recurring > 1 else ""
        if not t.ongoing_idle:
            clauses.append(f"{recurring}{all_} đã triển khai, thực hiện")
        elif not t.ongoing_active:
            clauses.append(f"{recurring}{all_} chưa triển khai")
        else:
            clauses.append(f"{recurring}: đã triển khai, thực hiện {t.ongoing_active}, "
                           f"chưa triển khai {t.ongoing_idle}")
    return clauses


def targets_part(f: ReportFacts) -> list[dict]:
    """Every report gives progress against the targets to date (Bảng 2); only the last one says "không đạt"."""
    if not f.plan_file.plan.targets:
        return []
    results = f.target_results
    order = (report_figures.PASSED, report_figures.NOT_YET, report_figures.FAILED, report_figures.NOT_ASSESSED)
    counts = {v: n_ for v in order if (n_ := sum(r.verdict == v for r in results))}
    parts = [f"{verdict} {count}" + (f"/{len(results)}" if verdict == report_figures.PASSED else "") + " chỉ tiêu"
             for verdict, count in counts.items()]
    return [text(f"Kết quả thực hiện các chỉ tiêu chủ yếu của Kế hoạch {f.until}: {', '.join(parts)} (Bảng 2)."),
            table("targets")]


# ---------------------------------------------------------------- II. the six reform areas


def reform_areas(f: ReportFacts) -> Node:
    narrative, ind = f.status.narrative, f.status.indicators
    figures = {
        "institutions": document_bullets(ind.documents),
        "procedures": (procedure_bullets(ind.procedures, f.level) + dossier_bullets(ind.dossiers)
                       + feedback_bullets(ind.feedback)),
        "organisation": staff_bullets(ind.staff),
        "civil_service": training_bullets(ind.staff),
        "digital_government": digital_bullets(ind.digital),
    }
    # Every area is reported on, even one with nothing to say (the province reads all six).
    children = [
        Node(AREAS[code], paragraphs(getattr(narrative, code)) + figures.get(code, []) + area_tasks(f, code)
             or [text(NOTHING_TO_REPORT)])
        for code in REFORM_AREAS
    ]
    return Node("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", children=children)


def area_tasks(f: ReportFacts, code: str) -> list[dict]:
    items = [i for i in f.items if i.task.area == code]
    if not items:
        return []
    t = report_figures.tally(items)
    result = [bullet(f"Kết quả thực hiện nhiệm vụ theo Kế hoạch: {t.total} nhiệm vụ; "
                     + "; ".join(progress_clauses(t)) + ".")]
    return result + [sub(f"Quá hạn chưa hoàn thành: {task_label(f, i)}.") for i in items if i.category == "overdue"]


def task_label(f: ReportFacts, item: report_figures.TaskProgress) -> str:
    """``<content> (<lead>, hạn <deadline>)``: the way a task is named in running text."""
    leads = lead_names(f.plan_file, item.task.lead)
    return f"{bare(item.task.content)} ({leads}, hạn {lower_first(item.task.deadline.label)})"


# ---------------------------------------------------------------- III–V


def assessment(f: ReportFacts) -> Node:
    n_ = f.status.narrative
    causes = Node("Nguyên nhân", children=[
        Node("Nguyên nhân khách quan", paragraphs(n_.causes_objective)),
        Node("Nguyên nhân chủ quan", paragraphs(n_.causes_subjective)),
    ])
    return Node("ĐÁNH GIÁ CHUNG", children=[
        Node("Ưu điểm", paragraphs(n_.strengths)),
        Node("Tồn tại, hạn chế", paragraphs(n_.shortcomings) + computed_shortcomings(f)),
        causes,
    ])


def computed_shortcomings(f: ReportFacts) -> list[dict]:
    result = []
    if f.tally.overdue:
        result.append(bullet(f"Còn {f.tally.overdue} nhiệm vụ của Kế hoạch quá hạn chưa hoàn thành "
                             "(chi tiết tại Phụ lục I)."))
    d = f.status.indicators.dossiers
    if d is not None and d.resolved_late + d.pending_overdue:
        result.append(bullet(f"Còn {n(d.resolved_late)} hồ sơ thủ tục hành chính giải quyết quá hạn và "
                             f"{n(d.pending_overdue)} hồ sơ đang giải quyết quá hạn."))
    return result


def next_period(f: ReportFacts) -> Node:
    following = f.period.next()
    overdue = [i for i in f.items if i.category == "overdue"]
    last = following.span[1]
    upcoming = [i for i in f.items if not i.done and i.category != "overdue" and not fulfilled_by(i.task, f.period)
                and i.task.deadline.due is not None and f.as_of <= i.task.deadline.due <= last]
    content = paragraphs(f.status.narrative.next_tasks)
    if overdue:
        content += [bullet("Tập trung hoàn thành ngay các nhiệm vụ quá hạn:")] + [
            sub(task_label(f, i) + ";") for i in overdue]
    if upcoming:
        content += [bullet("Hoàn thành các nhiệm vụ sắp đến hạn của Kế hoạch:")] + [
            sub(task_label(f, i) + ";") for i in upcoming]
    return Node(f"PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {vn.upper(following.label)}", _end_lists(content))


def fulfilled_by(task, period: Period) -> bool:
    """A task this very report fulfils ("Báo cáo kết quả CCHC quý III năm 2025"): not work still to come."""
    content = vn.nfc(task.content).lower()
    return "báo cáo" in content and period.label.lower() in content


def proposals(f: ReportFacts) -> Node:
    return Node("ĐỀ XUẤT, KIẾN NGHỊ", paragraphs(f.status.narrative.proposals))


# ---------------------------------------------------------------- paragraphs and numbering


def table(name: str) -> dict:
    return {"kind": "table", "table": name}


def paragraphs(blocks) -> list[dict]:
    """The narrative's paragraphs: text as is, bullets as ``-`` with ``+`` sub-items."""
    result = []
    for block in blocks or ():
        if isinstance(block, Bullet):
            result.append(bullet(clean(block.bullet)))
            result += [sub(clean(s)) for s in block.sub]
        elif isinstance(block, Text):
            result.append(text(clean(block.text)))
    return result


def _end_lists(content: list[dict]) -> list[dict]:
    """The last ``+`` item of each list ends with ``.`` instead of ``;``."""
    result = list(content)
    for i, p in enumerate(result):
        following = result[i + 1] if i + 1 < len(result) else None
        if p["lead"] == "+ " and p["text"].endswith(";") and (following is None or following["lead"] != "+ "):
            result[i] = {**p, "text": p["text"][:-1] + "."}
    return result


def flatten(nodes: list[Node]) -> list[dict]:
    """Number the outline: sections ``I.``, khoản ``1.``, điểm ``a)``; empty parts are left out."""
    result: list[dict] = []
    sections = [node for node in nodes if not node.empty()]
    for i, section in enumerate(sections):
        result.append({"kind": "section", "lead": f"{vn.roman(i + 1)}. ", "text": section.title})
        result += section.content + _numbered(section.children, level=1)
    return result


def _numbered(nodes: list[Node], level: int) -> list[dict]:
    result: list[dict] = []
    for i, node in enumerate(node for node in nodes if not node.empty()):
        lead = f"{i + 1}. " if level == 1 else f"{vn.point_letter(i)}) "
        result.append({"kind": "heading" if level == 1 else "point_heading", "lead": lead, "text": node.title})
        result += node.content + _numbered(node.children, level + 1)
    return result


def with_end_mark(items: list[dict]) -> list[dict]:
    """The last paragraph of the body ends with ``./.`` (ND30 §6.5) and is kind ``end``.

    The template keeps an ``end`` paragraph with the signature block that follows, so
    the signature never stands alone on a page.
    """
    for i in range(len(items) - 1, -1, -1):
        if items[i]["kind"] != "table":
            items[i] = {**items[i], "kind": "end", "text": bare(items[i]["text"]) + END_MARK}
            break
    return items


def parts(items: list[dict]) -> list[dict]:
    """Split the paragraphs at each table marker: ``[{paragraphs, table}, …]``."""
    result, current = [], []
    for item in items:
        if item["kind"] == "table":
            result.append({"paragraphs": current, "table": item["table"]})
            current = []
        else:
            current.append(item)
    return result + [{"paragraphs": current, "table": None}]
