"""Validate a plan file: the tree becomes a :class:`PlanFile`, or every problem is raised.

Two passes, both collecting rather than stopping: the schema pass (types, required and
unknown fields, via :mod:`cchc_docs.model.schema`) and the rules pass below (references
between fields, the decree's rules that data can break). Problems from both are
raised together in one :class:`~cchc_docs.errors.DataError`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cchc_docs import vn
from cchc_docs.errors import DataError, Problem
from cchc_docs.model import amend
from cchc_docs.model.plan import Bullet, Heading, Include, Item, PlanFile, Text
from cchc_docs.model.schema import Converter, show, suggest
from cchc_docs.model.source import Source

# Enough points for any plan: the Vietnamese alphabet has 23 point letters.
MAX_POINTS = 23
# A commune's plan has 30–100 tasks; past this, split the plan (docs/data-format.md).
MAX_TASKS = 10_000


def validate(source: Source) -> PlanFile:
    """Convert and check a parsed plan file; raise DataError listing all problems.

    The plan is valid when it is valid as issued *and* after each of its amendments.
    """
    return validate_versions(source)[0]


def validate_versions(source: Source) -> list[PlanFile]:
    """The plan as issued, then after each amendment in order — all validated.

    Problems from every version are raised together; a problem written once (in the
    original plan) but present in several versions is reported once.
    """
    _refuse_oversized(source)
    base, problems = _check(source)
    versions = [base]
    current = source
    for k, amendment in enumerate(base.amendments or () if base is not None else ()):
        problems += _amendment_rules(current, base, amendment, k)
        applied = amend.apply(current, amendment, k)
        version, more = _check(applied.source)
        problems += applied.problems + more
        versions.append(version)
        current = applied.source
    if problems:
        raise DataError(_once(problems))
    return versions


def _refuse_oversized(source: Source) -> None:
    """A plan past MAX_TASKS is refused before validation spends minutes on it."""
    plan = source.tree.get("plan") if isinstance(source.tree, dict) else None
    tasks = plan.get("tasks") if isinstance(plan, dict) else None
    if isinstance(tasks, list) and len(tasks) > MAX_TASKS:
        raise DataError([Problem(source.where(("plan", "tasks")), "plan.tasks",
                                 f"kế hoạch có quá nhiều nhiệm vụ ({len(tasks):,})".replace(",", "."),
                                 expected=f"tối đa {MAX_TASKS:,} nhiệm vụ".replace(",", "."),
                                 hint="tách thành nhiều kế hoạch")])


def _once(problems: list[Problem]) -> list[Problem]:
    """Each problem once: one written value can fail in several versions, at different item indexes."""
    seen = {}
    for problem in problems:
        seen.setdefault((problem.location, problem.message, problem.expected, problem.got), problem)
    return list(seen.values())


def _check(source: Source) -> tuple[PlanFile | None, list[Problem]]:
    checker = Converter(source)
    plan_file = checker.convert(PlanFile, source.tree, ()) if source.tree is not None else None
    if plan_file is not None:
        _Rules(checker, plan_file).run()
    elif not checker.problems:  # an empty file
        checker.report((), "tệp không có nội dung", expected="các trường issuing_body, units, decision, plan")
    return plan_file, checker.problems


def _amendment_rules(source: Source, base: PlanFile, amendment, k: int) -> list[Problem]:
    """Rules of an amendment itself: what each change addresses, and its date."""
    checker = Converter(source)
    path = ("amendments", k)
    for j, change in enumerate(amendment.changes):
        if amend.kind_of(change) is None:
            checker.report(
                path + ("changes", j),
                "mỗi thay đổi ghi đúng một trong task, target, section, unit",
                expected="ví dụ task: T07",
            )
        if change.action == "remove" and change.set:
            checker.report(path + ("changes", j, "set"), "bãi bỏ không kèm trường set")
    issued = base.issuer.date if base.issuer is not None else None
    date = amendment.decision.date
    if date and issued and (date.year, date.month, date.day or 0) < (issued.year, issued.month, issued.day or 0):
        checker.report(
            path + ("decision", "date"),
            "quyết định sửa đổi ký trước quyết định ban hành kế hoạch",
            expected=f"sau ngày {issued.day}/{issued.month}/{issued.year}",
        )
    return checker.problems


def run_rules(rules, partial: bool) -> None:
    """Run every rule; tolerate a rule tripping over a hole only when the record is ``partial``.

    A value that failed the schema pass is already reported and left empty, so a rule
    reading it may hit None: that rule has nothing reliable to add. On a record with no
    such hole the same exception is a bug in the rule, and it must not pass silently.
    """
    for rule in rules:
        try:
            rule()
        except (AttributeError, TypeError):
            if not partial:
                raise


class _Rules:
    """The cross-field rules; each method checks one concern and reports what it finds."""

    def __init__(self, checker: Converter, plan_file: PlanFile):
        self.c = checker
        self.f = plan_file
        self.codes = [u.code for u in plan_file.units or () if u is not None]

    def run(self) -> None:
        run_rules(
            (self.units, self.issuing_body, self.issued_by, self.decision, self.plan_issue, self.submission,
             self.sections, self.targets, self.tasks, self.amendments),
            partial=bool(self.c.problems),
        )

    # -- units and references

    def units(self) -> None:
        self._unique([u.code for u in self.f.units], ("units",), "code", "mã đơn vị")

    def unit_ref(self, code: str, path: tuple) -> None:
        if code not in self.codes:
            self.c.report(
                path,
                f"không có đơn vị mã '{code}' trong danh sách units",
                expected="một mã trong units: " + ", ".join(self.codes),
                got=show(code),
                hint=suggest(code, self.codes),
            )

    def _unique(self, values: list[str], path: tuple, key: str, what: str) -> None:
        """Ids are compared without case: ``SD01`` and ``sd01`` name one output file."""
        folded = [value.casefold() for value in values]
        firsts: dict[str, int] = {}
        for i, value in enumerate(folded):
            first = firsts.setdefault(value, i)  # a dict, not list.index: 10,000 tasks took 0.5 s
            if first != i:
                same = "" if values[first] == values[i] else (
                    f" (trùng '{values[first]}': mã không phân biệt chữ hoa, chữ thường)")
                self.c.report(path + (i, key), f"{what} '{values[i]}' bị trùng{same}",
                              hint=f"lần đầu ở mục thứ {first + 1}")

    def amendments(self) -> None:
        self._unique([a.id for a in self.f.amendments or ()], ("amendments",), "id", "mã lần sửa đổi")

    # -- issuing body and decision

    def issuing_body(self) -> None:
        body = self.f.issuing_body
        for i, line in enumerate(body.header):
            self._uppercase(line, ("issuing_body", "header", i))
        if re.match(r"(?i)(xã|phường|thị trấn) ", body.place):
            self.c.report(
                ("issuing_body", "place"),
                "địa danh không kèm chữ chỉ loại đơn vị hành chính",
                expected=f"'{body.place.split(' ', 1)[1]}'",
                got=show(body.place),
                hint="Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4",
            )
        if not re.fullmatch(r"[A-ZĐ][A-ZĐ0-9]*", body.abbreviation):
            self.c.report(
                ("issuing_body", "abbreviation"),
                "chữ viết tắt của cơ quan phải viết hoa, không dấu cách",
                expected="ví dụ 'UBND'",
                got=show(body.abbreviation),
            )

    def _uppercase(self, text: str, path: tuple) -> None:
        if vn.upper(text) != text:
            self.c.report(path, "phải viết CHỮ IN HOA", expected=f"'{vn.upper(text)}'", got=show(text))

    def issued_by(self) -> None:
        """Exactly one of the two forms: a decision issuing the plan, or the plan issued on its own."""
        decision, issue = self.f.decision, self.f.plan.issue
        if decision is None and issue is None:
            self.c.report((), "thiếu văn bản ban hành Kế hoạch",
                          expected="trường 'decision' (Quyết định ban hành Kế hoạch) hoặc 'plan.issue' "
                                   "(Kế hoạch ban hành độc lập, có số riêng)")
        elif decision is not None and issue is not None:
            self.c.report(("plan", "issue"), "Kế hoạch đã được ban hành kèm theo Quyết định (decision)",
                          expected="ghi đúng một trong 'decision' hoặc 'plan.issue'",
                          hint="Kế hoạch kèm theo Quyết định không có số riêng; bỏ 'plan.issue' hoặc bỏ 'decision'")
        if issue is not None and self.f.amendments:
            self.c.report(("amendments",), "chưa hỗ trợ sửa đổi, bổ sung Kế hoạch ban hành độc lập (plan.issue)",
                          expected="Kế hoạch ban hành kèm theo Quyết định (decision) khi cần 'amendments'",
                          hint="Kế hoạch sửa đổi là một văn bản mới: lập tệp kế hoạch mới với số, ngày của nó "
                               "(docs/data-format.md, mục Kế hoạch ban hành độc lập)")

    def decision(self) -> None:
        d = self.f.decision
        if d is None:
            return
        self._uppercase(d.authority, ("decision", "authority"))
        self._no_final_stop(d.title, ("decision", "title"))
        self._lines(d.legal_bases, ("decision", "legal_bases"), "Căn cứ")
        self._signer(d.signer, ("decision", "signer"))
        for i, article in enumerate(d.articles):
            if re.match(r"(?i)điều\s*\d", article):
                self.c.report(
                    ("decision", "articles", i),
                    "không ghi 'Điều N.' đầu nội dung",
                    got=show(article),
                    hint="chương trình tự đánh số Điều",
                )
        self._closing(d, ("decision",))

    def plan_issue(self) -> None:
        issue, path = self.f.plan.issue, ("plan", "issue")
        if issue is None:
            return
        self._lines(issue.legal_bases, path + ("legal_bases",), "Căn cứ")
        self._lines(issue.implements, path + ("implements",), "Thực hiện")
        self._signer(issue.signer, path + ("signer",))
        self._closing(issue, path)

    def submission(self) -> None:
        s, path = self.f.submission, ("submission",)
        if s is None:
            return
        self.unit_ref(s.unit, path + ("unit",))
        self._lines(s.legal_bases, path + ("legal_bases",), "Căn cứ")
        self._signer(s.signer, path + ("signer",))
        self._recipients(s.recipients, path + ("recipients",))
        if s.proposer and re.search(r"(?i)\btờ trình\b", s.proposer):
            self.c.report(path + ("proposer",), "chỉ ghi chức danh người đề nghị", got=show(s.proposer),
                          hint="số, ngày của Tờ trình do chương trình tự thêm sau chức danh")

    def _lines(self, texts: tuple, path: tuple, word: str) -> None:
        """Căn cứ / Thực hiện lines are written without their opening word, which the program adds."""
        for i, text in enumerate(texts):
            if re.match(rf"(?i){word}\b", text):
                self.c.report(path + (i,), f"không ghi chữ '{word}' đầu dòng", got=show(text),
                              hint=f"chương trình tự thêm '{word}'")

    def _closing(self, document, path: tuple) -> None:
        """Nơi nhận and Lưu of a document the issuing body signs (a decision, a plan issued on its own)."""
        self._recipients(document.recipients, path + ("recipients",))
        for i, code in enumerate(document.archive):
            self.unit_ref(code, path + ("archive", i))
        if not document.archive:
            self.c.report(path + ("archive",), "cần ít nhất một đơn vị lưu văn bản", expected="ví dụ [VHXH]")

    def _recipients(self, recipients: tuple, path: tuple) -> None:
        for i, recipient in enumerate(recipients):
            if re.match(r"(?i)-?\s*lưu\b", recipient):
                self.c.report(path + (i,), "dòng 'Lưu' không ghi trong recipients", got=show(recipient),
                              hint="ghi mã đơn vị soạn thảo ở trường archive")
            elif re.match(r"\s*[-+•–]", recipient):
                self.c.report(path + (i,), "không ghi dấu '-' đầu dòng", got=show(recipient),
                              hint="chương trình tự thêm '-' đầu dòng và ';' cuối dòng")

    def _no_final_stop(self, text: str, path: tuple) -> None:
        if text.rstrip().endswith("."):
            self.c.report(path, "trích yếu không có dấu chấm cuối", got=show(text))

    def _signer(self, s, path: tuple) -> None:
        self._uppercase(s.title, path + ("title",))
        if s.on_behalf_of:
            self._uppercase(s.on_behalf_of, path + ("on_behalf_of",))
        if s.prefix in ("KT.", "TL.", "TUQ.") and not s.for_title:
            self.c.report(
                path + ("for_title",),
                f"ký '{s.prefix}' cần chức vụ của người được ký thay",
                expected="ví dụ 'CHỦ TỊCH'",
            )
        # A prefix that failed the schema pass is None here; it is already reported.
        prefix_failed = any(p.path == self.c.source.describe(path + ("prefix",)) for p in self.c.problems)
        if s.for_title and s.prefix not in ("KT.", "TL.", "TUQ.") and not prefix_failed:
            self.c.report(
                path + ("for_title",), "for_title chỉ dùng với prefix KT., TL. hoặc TUQ.", got=show(s.for_title)
            )
        if s.for_title:
            self._uppercase(s.for_title, path + ("for_title",))

    # -- plan text

    def sections(self) -> None:
        includes = 0
        for i, section in enumerate(self.f.plan.sections):
            path = ("plan", "sections", i)
            self._uppercase(section.title, path + ("title",))
            for block, block_path, depth, _ in _walk(section.body, path + ("body",)):
                includes += isinstance(block, Include)
                self._block(block, block_path, depth)
            self._point_count(section.body, path + ("body",))
        if self.f.plan.targets and includes != 1:
            self.c.report(
                ("plan", "sections"),
                "danh sách chỉ tiêu phải được in đúng một lần",
                expected="một mục '- include: targets'",
                got=f"{includes} lần",
            )

    def _block(self, block, path: tuple, depth: int) -> None:
        if isinstance(block, (Heading, Item)) and depth > 2:
            self.c.report(
                path,
                "quá nhiều cấp đánh số",
                expected="tối đa hai cấp dưới mục La Mã: khoản '1.' và điểm 'a)'",
                hint="dùng bullet và sub cho các ý nhỏ hơn",
            )
        if isinstance(block, Heading):
            if block.heading.rstrip().endswith(":"):
                self.c.report(path + ("heading",), "tiêu đề không có dấu ':' cuối", got=show(block.heading))
            for j, code in enumerate(block.units):
                self.unit_ref(code, path + ("units", j))
        text = _block_text(block)
        if text and re.match(r"^\s*([IVX]+\.|\d+(\.\d+)*\.|[a-zđ]\)|[-+•])\s", text):
            self.c.report(
                path,
                "không ghi số thứ tự hoặc dấu đầu dòng trong nội dung",
                got=show(text),
                hint="số thứ tự và dấu '-', '+' do chương trình tạo",
            )

    def _point_count(self, body: tuple, path: tuple) -> None:
        for block, block_path, depth, _ in _walk(body, path):
            numbered = [b for b in getattr(block, "body", ()) if isinstance(b, (Heading, Item))]
            if depth == 1 and len(numbered) > MAX_POINTS:
                self.c.report(
                    block_path,
                    "quá nhiều điểm",
                    expected=f"tối đa {MAX_POINTS} điểm a) … y)",
                    got=f"{len(numbered)} điểm",
                )

    # -- targets and tasks

    def targets(self) -> None:
        targets = self.f.plan.targets
        self._unique([t.id for t in targets], ("plan", "targets"), "id", "mã chỉ tiêu")
        for i, target in enumerate(targets):
            if target.value is None:
                continue
            written = f"{target.value}{target.unit or ''}"
            # The figure must stand on its own: "90%" is not found in "190%".
            pattern = rf"(?<![\d,.]){re.escape(str(target.value))}\s?{re.escape(target.unit or '')}"
            if not re.search(pattern, target.text):
                self.c.report(
                    ("plan", "targets", i, "value"),
                    "giá trị không khớp với câu chỉ tiêu",
                    expected=f"câu chỉ tiêu có '{written}'",
                    got=show(target.text),
                    hint="sửa cả value và text khi thay đổi chỉ tiêu",
                )

    def tasks(self) -> None:
        plan = self.f.plan
        self._unique([t.id for t in plan.tasks], ("plan", "tasks"), "id", "mã nhiệm vụ")
        if plan.end < plan.start:
            self.c.report(
                ("plan", "end"),
                "ngày kết thúc trước ngày bắt đầu",
                expected=f"sau {vn.short_date(plan.start)}",
                got=vn.short_date(plan.end),
            )
        for i, task in enumerate(plan.tasks):
            path = ("plan", "tasks", i)
            self._leads(task.lead, path + ("lead",))
            for j, code in enumerate(task.partners):
                self.unit_ref(code, path + ("partners", j))
                if code in task.lead:
                    self.c.report(
                        path + ("partners", j), "cơ quan chủ trì không đồng thời là cơ quan phối hợp", got=show(code)
                    )
            self._deadline(task.deadline, path + ("deadline",))
        if plan.reporting:
            self.unit_ref(plan.reporting.hub, ("plan", "reporting", "hub"))

    def _leads(self, leads: tuple, path: tuple) -> None:
        """One lead unit, or several different ones leading jointly (written as a list)."""
        if not leads:
            self.c.report(path, "cần ít nhất một cơ quan chủ trì", expected="ví dụ VHXH hoặc [VHXH, VP]")
        many = len(leads) > 1
        for j, code in enumerate(leads):
            if code is None:  # a code that could not be read: already reported
                continue
            self.unit_ref(code, path + (j,) if many else path)
            if code in leads[:j]:
                self.c.report(path + (j,), f"cơ quan chủ trì '{code}' ghi hai lần", got=show(code))

    def _deadline(self, deadline, path: tuple) -> None:
        plan = self.f.plan
        if deadline.due is None:
            return
        if deadline.due < plan.start or deadline.starts > plan.end:
            self.c.report(
                path,
                "thời hạn nằm ngoài thời gian thực hiện kế hoạch",
                expected=f"từ {vn.short_date(plan.start)} đến {vn.short_date(plan.end)}",
                got=deadline.label,
            )


def _walk(body: tuple, path: tuple, depth: int = 0) -> Iterator[tuple[object, tuple, int, int]]:
    """Every block under ``body`` with its path, its numbering depth and its index."""
    for i, block in enumerate(body):
        block_depth = depth + isinstance(block, (Heading, Item))
        yield block, path + (i,), block_depth, i
        if isinstance(block, Heading):
            yield from _walk(block.body, path + (i, "body"), block_depth)


def _block_text(block) -> str | None:
    if isinstance(block, Text):
        return block.text
    if isinstance(block, Bullet):
        return block.bullet
    if isinstance(block, Heading):
        return block.heading
    if isinstance(block, Item):
        return block.item
    return None
