"""Numbers in the data checked against the register and against each other: for `validate`, `build` and `issue`.

A số/ký hiệu used twice in a year, a number the register gave to another document or voided,
a date that disagrees with the register: errors. A number typed in the data but not in the
register, a document dated before the number before it, a number still being issued:
warnings. Each is located at the number in the data (``file:line:col: decision.number: …``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from cchc_docs import vn
from cchc_docs.errors import CchcError, Problem
from cchc_docs.register import schema, series
from cchc_docs.register.documents import Numbered, numbered
from cchc_docs.register.series import Reference
from cchc_docs.register.store import PENDING, VOID, Register, Row, open_register

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class NumberProblem:
    """One problem with a number in the data: how bad (``error`` stops the command, ``warning`` is printed), why."""

    severity: str
    code: str  # missing | duplicate | number | lost | void | date | symbol | order | pending | undated
    problem: Problem

    def __str__(self) -> str:
        return str(self.problem)


def audit(plans: list[Path]) -> list[NumberProblem]:
    """Check the numbers of ``plans`` against the register beside them (plans with none are skipped)."""
    by_folder: dict[Path, list[Path]] = defaultdict(list)
    for plan in plans:
        by_folder[plan.parent].append(plan)
    problems: list[NumberProblem] = []
    for folder, asked in by_folder.items():
        path = folder / schema.FILE_NAME
        if path.is_file():
            with open_register(path, migrate=False) as register:
                problems += audit_folder(register, asked, in_folder(folder))
    return problems


def audit_folder(register: Register, asked: list[Path], data: list[tuple[Path, Numbered]]) -> list[NumberProblem]:
    """The problems about the ``asked`` plans, given every numbered document of their folder (``data``)."""
    wanted = {plan.resolve() for plan in asked}
    mine = [(plan, item) for plan, item in data if plan.resolve() in wanted]
    problems = _duplicates(data, mine, register.mode)
    rows = register.rows()
    for plan, item in mine:
        problems += check(register, rows, plan_key(plan, register.path), item)
    return problems


def in_folder(folder: Path) -> list[tuple[Path, Numbered]]:
    """Every numbered document of every plan in a register's folder (a file that is no plan is passed over)."""
    return [(plan, item) for plan in sorted(folder.glob("*.yaml")) for item in _numbered(plan)]


def typed(data: list[tuple[Path, Numbered]], year: int, series_key: str, number: int, mode: str) -> list[Numbered]:
    """The documents whose data already carries this number of this series and year."""
    return [item for _, item in data if item.number is not None and item.complete_date is not None
            and _key(item, mode) == (year, series_key, number)]


def plan_key(plan: Path, register_path: Path) -> str:
    """How the register names a plan: its path relative to the register's folder."""
    try:
        return plan.resolve().relative_to(register_path.resolve().parent).as_posix()
    except ValueError:
        return plan.resolve().as_posix()


def check(register: Register, rows: list[Row], plan: str, item: Numbered) -> list[NumberProblem]:
    """A document's number in the data (or its lack of one), against the register's rows."""
    held = [r for r in rows if (r.plan, r.document) == (plan, item.document) and r.state != VOID]
    if item.number is None:
        return _unnumbered(held, item)
    date = item.complete_date
    if date is None:
        return [_problem(WARNING, "undated", item, "cảnh báo: văn bản có số nhưng chưa có ngày ký đầy đủ "
                         "(YYYY-MM-DD), nên chưa đối chiếu được với sổ đăng ký")]
    key = register.key_of(item.symbol)
    ref = Reference(item.number, item.symbol)
    same = [r for r in rows if (r.year, r.series, r.number) == (date.year, key, item.number)]
    peers = [r for r in rows if (r.year, r.series) == (date.year, key)]
    if not same and held:
        return [_problem(ERROR, "number", item, "số trong dữ liệu khác số sổ đăng ký đã cấp cho văn bản này",
                         expected=", ".join(r.describe() for r in held), got=f"{ref} năm {date.year}")]
    if not same:
        return [_problem(WARNING, "missing", item, f"cảnh báo: số {ref} năm {date.year} có trong dữ liệu nhưng "
                         f"chưa có trong sổ đăng ký {register.path}",
                         hint=f"vào sổ bằng: cchc-docs register add --plan {item.plan} "
                              f"--doc {item.document}")] + _order(peers, item)
    row = same[0]
    if (row.plan, row.document) != (plan, item.document):
        return [_problem(ERROR, "duplicate", item, f"số {ref} năm {date.year} trong sổ đăng ký đã dùng cho "
                         f"{owner(row)}", expected="mỗi số/ký hiệu chỉ dùng một lần trong năm")]
    return _same_document(row, item, ref) + _order(peers, item)


def _unnumbered(held: list[Row], item: Numbered) -> list[NumberProblem]:
    """A document without a number in the data that the register numbered: the data lost it, or it is being issued."""
    problems = []
    for row in held:
        if row.state == PENDING:
            problems.append(_problem(WARNING, "pending", item, f"cảnh báo: số {row.reference} đang được cấp cho văn "
                                     "bản này (hoặc lệnh cấp số bị dừng giữa chừng)",
                                     hint="chạy lại cchc-docs issue để hoàn tất hoặc hoàn tác"))
        else:
            problems.append(_problem(ERROR, "lost", item, f"sổ đăng ký đã cấp số {row.describe()} cho văn bản "
                                     "này nhưng dữ liệu không có số",
                                     hint=f'ghi lại number: "{row.reference.number:02d}", date: '
                                          f'"{row.date.isoformat()}", hoặc hủy số bằng cchc-docs register void'))
    return problems


def _same_document(row: Row, item: Numbered, ref: Reference) -> list[NumberProblem]:
    date = item.complete_date
    if row.state == VOID:
        return [_problem(ERROR, "void", item, f"số {ref} đã bị hủy trong sổ đăng ký ({row.reason})",
                         hint="xóa số trong dữ liệu rồi cấp số mới bằng cchc-docs issue")]
    problems = []
    if row.symbol != item.symbol:
        problems.append(_problem(ERROR, "symbol", item, "ký hiệu trong dữ liệu khác trong sổ đăng ký",
                                 expected=row.symbol, got=item.symbol))
    if row.date != date:
        problems.append(_problem(ERROR, "date", item, f"ngày của văn bản số {ref} khác ngày trong sổ đăng ký",
                                 expected=vn.short_date(row.date), got=vn.short_date(date)))
    if row.state == PENDING:
        problems.append(_problem(WARNING, "pending", item, f"cảnh báo: số {ref} đang được cấp (hoặc lệnh cấp số "
                                 "bị dừng giữa chừng)", hint="chạy lại cchc-docs issue để hoàn tất hoặc hoàn tác"))
    return problems


def _order(peers: list[Row], item: Numbered) -> list[NumberProblem]:
    """A document dated before the number before it (or after the number after it) in its series."""
    date = item.complete_date
    before = max((e for e in peers if e.number < item.number), key=lambda e: e.number, default=None)
    after = min((e for e in peers if e.number > item.number), key=lambda e: e.number, default=None)
    if before is not None and before.date > date:
        return [_problem(WARNING, "order", item, f"cảnh báo: ngày {vn.short_date(date)} trước ngày của số trước "
                         f"trong sổ ({before.describe()})", expected="số văn bản theo thứ tự ngày ký")]
    if after is not None and after.date < date:
        return [_problem(WARNING, "order", item, f"cảnh báo: ngày {vn.short_date(date)} sau ngày của số sau "
                         f"trong sổ ({after.describe()})", expected="số văn bản theo thứ tự ngày ký")]
    return []


def _duplicates(data: list[tuple[Path, Numbered]], mine: list[tuple[Path, Numbered]],
                mode: str) -> list[NumberProblem]:
    """The same số/ký hiệu written for two documents of the same year (in one plan or two)."""
    groups: dict[tuple, list[Numbered]] = defaultdict(list)
    for _, item in data:
        if item.number is not None and item.complete_date is not None:
            groups[_key(item, mode)].append(item)
    problems = []
    for _, item in mine:
        dated = item.number is not None and item.complete_date is not None
        others = [o for o in groups.get(_key(item, mode), []) if o is not item] if dated else []
        if others:
            where = ", ".join(f"{o.where} ({o.document})" for o in others)
            problems.append(_problem(ERROR, "duplicate", item, f"số {Reference(item.number, item.symbol)} năm "
                                     f"{item.complete_date.year} đã dùng cho văn bản khác: {where}",
                                     expected="mỗi số/ký hiệu chỉ dùng một lần trong năm"))
    return problems


def _key(item: Numbered, mode: str) -> tuple:
    return item.complete_date.year, series.series_key(item.symbol, mode), item.number


def owner(row: Row) -> str:
    """Whom a register row belongs to: ``plan.yaml › quyet-dinh`` or a document issued outside the program."""
    if row.plan and row.document:
        return f"{row.plan} › {row.document} ({row.describe()})"
    return f"văn bản ngoài chương trình: {row.type_name} {row.summary} ({row.describe()})"


def _numbered(plan: Path) -> list[Numbered]:
    try:
        return numbered(plan)
    except CchcError:
        return []  # not a plan, or a broken one: the build reports it


def _problem(severity: str, code: str, item: Numbered, message: str, **details) -> NumberProblem:
    return NumberProblem(severity, code, Problem(item.where, item.field, message, **details))
