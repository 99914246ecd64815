"""Validate a status file against its plan: the tree becomes a :class:`StatusFile`, or every problem is raised.

As for plans (:mod:`cchc_docs.model.validate`): a schema pass, then the rules below, all
problems collected and raised together, each located ``file:line:col: path: …``.
The rules tie the file to its plan: known task ids, completion dates inside the plan
and not after the report or the cut-off, counts that can be true together (nothing
resolved that was never received), a period the plan covers.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter

from cchc_docs import vn
from cchc_docs.errors import DataError, Problem
from cchc_docs.model import periods
from cchc_docs.model import source as source_mod
from cchc_docs.model.plan import Bullet, PlanFile, Text
from cchc_docs.model.schema import Converter, show, suggest
from cchc_docs.model.source import Source
from cchc_docs.model.status import DONE, StatusFile, reporting_calendar
from cchc_docs.model.validate import run_rules

# Text the program writes itself and data must not repeat (numbering, bullets).
_LEADING_NUMBER = re.compile(r"^\s*([IVX]+\.|\d+(\.\d+)*\.|[a-zđ]\)|[-+•])\s")


def load(path, plan_file: PlanFile, period: periods.Period | None = None) -> StatusFile:
    """Read and validate a status file (raises SourceError or DataError)."""
    return validate(source_mod.load(path), plan_file, period)


def validate(source: Source, plan_file: PlanFile, period: periods.Period | None = None) -> StatusFile:
    """Convert and check a parsed status file; ``period`` is the one the file must report on."""
    checker = Converter(source)
    status = checker.convert(StatusFile, source.tree, ())
    if status is not None:
        _Rules(checker, plan_file, status, period).run()
    elif not checker.problems:
        checker.report((), "tệp không có nội dung", expected="các trường period, report, narrative, tasks, indicators")
    if checker.problems:
        raise DataError(checker.problems)
    return status


def consistency(earlier: StatusFile, later: StatusFile, later_source: Source) -> list[Problem]:
    """Problems where ``later`` undoes ``earlier``: a task done by an earlier cut-off stays done, on the same day."""
    checker = Converter(later_source)
    for task in earlier.tasks:
        if task.status != DONE:
            continue
        index, now = next(((i, t) for i, t in enumerate(later.tasks) if t.id == task.id), (None, None))
        where = ("tasks", index) if index is not None else ("tasks",)
        told = f"báo cáo {earlier.period.label} ghi hoàn thành ngày {vn.short_date(task.completed)}"
        if now is None or now.status != DONE:
            checker.report(
                where,
                f"nhiệm vụ {task.id} đã hoàn thành ở kỳ trước nhưng kỳ này không ghi hoàn thành",
                expected=f"status: hoàn thành, completed: {task.completed.isoformat()}",
                got=show(now.status if now else None),
                hint=told,
            )
        elif now.completed != task.completed:
            checker.report(
                where + ("completed",),
                f"ngày hoàn thành của {task.id} khác với kỳ trước",
                expected=task.completed.isoformat(),
                got=show(now.completed.isoformat()),
                hint=told,
            )
    return checker.problems


class _Rules:
    """Cross-field rules; each method checks one concern and reports what it finds."""

    def __init__(self, checker: Converter, plan_file: PlanFile, status: StatusFile, period):
        self.c, self.f, self.s = checker, plan_file, status
        self.period = period or status.period
        # Dates are checked against the period the file says it is on; a file put in
        # for another period is reported once, not once per date.
        written = status.period or self.period
        self.window = written.window(reporting_calendar(plan_file)) if written else None

    def run(self) -> None:
        run_rules(
            (self.period_rule, self.report, self.tasks, self.indicators, self.narrative), partial=bool(self.c.problems)
        )

    # -- period and report

    def period_rule(self) -> None:
        written, plan = self.s.period, self.f.plan
        if written != self.period:
            self.c.report(
                ("period",),
                "kỳ báo cáo trong tệp khác kỳ được yêu cầu",
                expected=f"'{self.period.code}'",
                got=show(written.code),
                hint="tên tệp số liệu phải là mã kỳ báo cáo, ví dụ 2025-Q3.yaml",
            )
        elif not self.period.overlaps(plan.start, plan.end):
            first, last = self.period.span
            self.c.report(
                ("period",),
                f"{self.period.label} ({vn.short_date(first)}–{vn.short_date(last)}) "
                "không thuộc thời gian thực hiện kế hoạch",
                expected=f"kỳ trong {vn.short_date(plan.start)}–{vn.short_date(plan.end)}: "
                + ", ".join(p.code for p in periods.periods_of(plan.start, plan.end)),
                got=show(self.period.code),
            )

    def report(self) -> None:
        info = self.s.report
        if self.report_day() < self.window[0]:
            self.c.report(
                ("report", "date"),
                "ngày báo cáo trước khi bắt đầu kỳ số liệu",
                expected=f"từ {vn.short_date(self.window[0])} trở đi",
                got=show(_iso(info.date)),
            )
        for i, line in enumerate(info.recipients):
            if re.match(r"(?i)-?\s*(lưu\b|như trên)", line):
                self.c.report(
                    ("report", "recipients", i),
                    "không ghi dòng 'Như trên' hay 'Lưu' trong recipients",
                    got=show(line),
                    hint="'Như trên' tự thêm khi có addressees; 'Lưu' tạo từ archive",
                )
        for i, code in enumerate(info.archive):
            self.unit_ref(code, ("report", "archive", i))
        self.preamble(info)
        if info.signer is not None:
            self.signer(info.signer, ("report", "signer"))

    def preamble(self, info) -> None:
        """Căn cứ and the other plans are written without the words the program adds; the plan
        the report is about is cited by the program and is not repeated among the others."""
        for field, word in (("legal_bases", "Căn cứ"), ("plans", "Thực hiện")):
            for i, text in enumerate(getattr(info, field)):
                if re.match(rf"(?i){word}\b", text):
                    self.c.report(("report", field, i), f"không ghi chữ '{word}' đầu dòng", got=show(text),
                                  hint=f"chương trình tự thêm '{word}'")
        issuer = self.f.issuer
        own = f"{issuer.number:02d}/{issuer.type_code}-" if issuer is not None and issuer.number else None
        for i, text in enumerate(info.plans):
            if own and re.search(rf"(?<!\d){re.escape(own)}", vn.nfc(text)):
                self.c.report(("report", "plans", i), f"{issuer.type_name} số {own}… đã được dẫn trong câu mở đầu",
                              got=show(text), hint="plans chỉ ghi các kế hoạch, văn bản khác mà báo cáo cũng trả lời")

    def report_day(self) -> dt.date:
        """The signing day, or the month's last day for an undated draft."""
        d = self.s.report.date
        return d.as_date() or dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])

    def unit_ref(self, code: str, path: tuple) -> None:
        codes = [u.code for u in self.f.units]
        if code not in codes:
            self.c.report(
                path,
                f"không có đơn vị mã '{code}' trong danh sách units của kế hoạch",
                expected="một trong " + ", ".join(codes),
                got=show(code),
                hint=suggest(code, codes),
            )

    def signer(self, signer, path: tuple) -> None:
        for name in ("title", "on_behalf_of", "for_title"):
            value = getattr(signer, name)
            if value and vn.upper(value) != value:
                self.c.report(path + (name,), "phải viết CHỮ IN HOA", expected=f"'{vn.upper(value)}'", got=show(value))
        if signer.prefix in ("KT.", "TL.", "TUQ.") and not signer.for_title:
            self.c.report(
                path + ("for_title",),
                f"ký '{signer.prefix}' cần chức vụ của người được ký thay",
                expected="ví dụ 'CHỦ TỊCH'",
            )

    # -- tasks

    def tasks(self) -> None:
        ids = [t.id for t in self.f.plan.tasks]
        known = set(ids)  # not the list: 10,000 tasks looked up in 10,000 took a second
        seen = Counter(t.id for t in self.s.tasks)
        first: dict[str, int] = {}
        for i, task in enumerate(self.s.tasks):
            path = ("tasks", i)
            if task.id not in known:
                self.c.report(
                    path + ("id",),
                    f"không có nhiệm vụ mã '{task.id}' trong kế hoạch",
                    expected=f"một mã từ {ids[0]} đến {ids[-1]}" if ids else "một mã nhiệm vụ",
                    got=show(task.id),
                    hint=_near_id(task.id, ids),
                )
            elif seen[task.id] > 1 and task.id in first:
                self.c.report(
                    path + ("id",), f"nhiệm vụ '{task.id}' được ghi hai lần", hint=f"lần đầu ở tasks[{first[task.id]}]"
                )
            first.setdefault(task.id, i)
            self.completion(task, path)

    def completion(self, task, path: tuple) -> None:
        if task.status == DONE and task.completed is None:
            self.c.report(
                path + ("status",),
                "nhiệm vụ hoàn thành cần ngày hoàn thành",
                expected="trường completed dạng YYYY-MM-DD",
            )
        elif task.status != DONE and task.completed is not None:
            self.c.report(
                path + ("completed",),
                f"chỉ ghi ngày hoàn thành khi status là '{DONE}'",
                got=show(task.completed.isoformat()),
                hint=f"status hiện là '{task.status}'",
            )
        if task.completed is not None:
            self.completion_date(task.completed, path + ("completed",))

    def completion_date(self, day: dt.date, path: tuple) -> None:
        plan, written = self.f.plan, show(day.isoformat())
        if not plan.start <= day <= plan.end:
            self.c.report(
                path,
                "ngày hoàn thành nằm ngoài thời gian thực hiện kế hoạch",
                expected=f"từ {vn.short_date(plan.start)} đến {vn.short_date(plan.end)}",
                got=written,
            )
        elif day > self.report_day():
            self.c.report(
                path,
                "ngày hoàn thành sau ngày báo cáo",
                expected=f"không sau {vn.short_date(self.report_day())}",
                got=written,
            )
        elif day > self.window[1]:
            self.c.report(
                path,
                "ngày hoàn thành sau ngày chốt số liệu của kỳ",
                expected=f"không sau {vn.short_date(self.window[1])}",
                got=written,
                hint="ghi nhiệm vụ là 'đang thực hiện' kỳ này và 'hoàn thành' ở báo cáo kỳ sau",
            )

    # -- counts that must be true together

    def indicators(self) -> None:
        ind = self.s.indicators
        for name in (
            "assigned_tasks",
            "inspections",
            "documents",
            "procedures",
            "dossiers",
            "feedback",
            "satisfaction",
            "digital",
        ):
            group = getattr(ind, name)
            if group is not None:
                getattr(self, f"_{name}")(group, ("indicators", name))

    def at_most(self, path: tuple, part: int, part_name: str, whole: int, whole_name: str) -> None:
        if part is not None and whole is not None and part > whole:
            self.c.report(
                path,
                f"{part_name} ({vn.format_number(part)}) lớn hơn {whole_name} ({vn.format_number(whole)})",
                hint="kiểm tra lại số liệu thô",
            )

    def _assigned_tasks(self, g, p):
        self.at_most(
            p,
            g.done_on_time + g.done_late + g.overdue,
            "số nhiệm vụ đã hoàn thành và quá hạn",
            g.assigned,
            "số nhiệm vụ được giao",
        )

    def _inspections(self, g, p):
        self.at_most(
            p + ("units_inspected",),
            g.units_inspected,
            "số cơ quan, đơn vị được kiểm tra",
            g.units_total,
            "tổng số cơ quan, đơn vị",
        )
        self.at_most(
            p + ("issues_resolved",), g.issues_resolved, "số vấn đề đã xử lý", g.issues_found, "số vấn đề phát hiện"
        )

    def _documents(self, g, p):
        self.at_most(p + ("flagged",), g.flagged, "số văn bản phát hiện sai", g.reviewed, "số văn bản được rà soát")
        self.at_most(p + ("handled",), g.handled, "số văn bản đã xử lý", g.flagged, "số văn bản phát hiện sai")

    def _procedures(self, g, p):
        self.at_most(p + ("published",), g.published, "số TTHC được công khai", g.total, "tổng số TTHC")
        self.at_most(
            p + ("online_full",), g.online_full + g.online_partial, "số TTHC trực tuyến", g.total, "tổng số TTHC"
        )

    def _dossiers(self, g, p):
        received = g.received_in_person + g.received_online + g.received_by_post
        resolved = g.resolved_early + g.resolved_on_time + g.resolved_late
        self.at_most(
            p,
            resolved,
            "số hồ sơ đã giải quyết",
            g.carried_over + received,
            "số hồ sơ phải giải quyết (kỳ trước chuyển sang cộng tiếp nhận mới)",
        )
        pending = g.carried_over + received - resolved
        self.at_most(
            p + ("pending_overdue",),
            g.pending_overdue,
            "số hồ sơ đang giải quyết quá hạn",
            max(pending, 0),
            "số hồ sơ đang giải quyết",
        )
        self.at_most(
            p + ("apologies",), g.apologies, "số thư xin lỗi", g.resolved_late + g.pending_overdue, "số hồ sơ quá hạn"
        )
        for name in ("tracked", "digitised", "online_payments"):
            self.at_most(p + (name,), getattr(g, name), f"số hồ sơ ở trường {name}", received, "số hồ sơ tiếp nhận mới")
        self.at_most(
            p + ("results_digitised",),
            g.results_digitised,
            "số kết quả được số hóa",
            resolved,
            "số hồ sơ đã giải quyết",
        )

    def _feedback(self, g, p):
        self.at_most(p + ("resolved",), g.resolved, "số phản ánh đã xử lý", g.received, "số phản ánh tiếp nhận")

    def _satisfaction(self, g, p):
        self.at_most(p + ("satisfied",), g.satisfied, "số lượt hài lòng", g.evaluations, "số lượt đánh giá")

    def _digital(self, g, p):
        self.at_most(
            p + ("sent_electronically",),
            g.sent_electronically,
            "số văn bản gửi điện tử",
            g.documents_sent,
            "số văn bản đi",
        )
        self.at_most(
            p + ("signed_digitally",), g.signed_digitally, "số văn bản ký số", g.documents_sent, "số văn bản đi"
        )

    # -- narrative

    def narrative(self) -> None:
        for name, paragraphs in vars(self.s.narrative).items():
            for i, block in enumerate(paragraphs or ()):
                text = block.text if isinstance(block, Text) else block.bullet if isinstance(block, Bullet) else None
                if text and _LEADING_NUMBER.match(text):
                    self.c.report(
                        ("narrative", name, i),
                        "không ghi số thứ tự hoặc dấu đầu dòng trong nội dung",
                        got=show(text),
                        hint="số thứ tự và dấu '-', '+' do chương trình tạo",
                    )


def _near_id(written: str, ids: list[str]) -> str | None:
    """A "did you mean" for a task id, trying the usual typing slips (O for 0, l for 1) first."""
    for candidate in (written.upper(), written.upper().replace("O", "0").replace("I", "1").replace("L", "1")):
        if candidate in ids:
            return f"có phải ý bạn là '{candidate}'?"
    return suggest(written, ids)


def _iso(date) -> str:
    return f"{date.year}-{date.month:02d}" + (f"-{date.day:02d}" if date.day else "")
