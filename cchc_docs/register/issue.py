"""`cchc-docs issue`: a draft becomes an issued document — numbered, registered, rendered — in one step.

The steps, in this order, holding the register's numbering lock (:mod:`.lock`):

1. undo what an earlier, killed issue left half done (rows still 'pending');
2. validate the plan; take the next number of the series and record it 'pending', with
   what is needed to take it back (one ``BEGIN IMMEDIATE`` transaction);
3. write the number and date into the data file (a minimal edit, written atomically);
4. render and self-check the issued document through the build recipe, in a temporary folder;
5. record the DOCX's sha256, write it to ``out/<plan>/`` (atomically), mark the row 'issued'.

Why a kill at any moment leaves no duplicate, no silent gap and no disagreement: the data
file carries a number only after the register holds it (step 2 before 3), and a row
leaves 'pending' only after everything else is done. A failure — or, on the next run, a
pending row the lock proves is orphaned — is taken back in the reverse order: the DOCX
written for it (recognised by its sha256) is removed, the data file gets back exactly the
text it had, and the number is deleted if it is still the last of its series (it was
never used) or else voided with the reason. Each undo step can run twice.
"""

from __future__ import annotations

import codecs
import contextlib
import datetime as dt
import hashlib
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from cchc_docs import vn
from cchc_docs.errors import DataError
from cchc_docs.model import periods
from cchc_docs.model.load import ReportRequest
from cchc_docs.pipeline import build as pipeline
from cchc_docs.register import audit, documents, lock, schema, yamledit
from cchc_docs.register.documents import DATE, NUMBER, Numbered
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.series import Reference
from cchc_docs.register.store import ISSUED, PENDING, Register, Row, open_register
from cchc_docs.write import write_atomic

INTERRUPTED = "lệnh cấp số bị dừng giữa chừng"


@dataclass(frozen=True)
class Request:
    """What the clerk asks for: number this document of this plan, dated so."""

    plan: Path
    document: str  # quyet-dinh, quyet-dinh-sua-doi-sd01, bao-cao-2025-q3
    out_root: Path
    templates: Path
    today: dt.date  # the date when neither --date nor the data gives one
    date: dt.date | None = None
    copies: int | None = None
    register: Path | None = None  # default: beside the plan
    timeout: float | None = None  # how long to wait for another numbering command or writer


@dataclass(frozen=True)
class Outcome:
    """What `issue` did: the register row, the document written, what it undid first."""

    row: Row
    output: Path | None  # None: the document already had its number; nothing was done
    undone: tuple[str, ...] = ()  # earlier issues that had been killed, now taken back
    findings: tuple = ()  # the self-check's warnings on the issued document
    warnings: tuple[audit.NumberProblem, ...] = ()  # about the numbers already in the data


@contextlib.contextmanager
def session(path: Path, timeout: float | None = None, undone: list | None = None) -> Iterator[Register]:
    """The register opened for numbering: its lock held, any killed issue taken back (told in ``undone``)."""
    timeout = schema.BUSY_TIMEOUT if timeout is None else timeout
    if not path.parent.is_dir():
        raise RegisterError(f"{path}: không có thư mục {path.parent} để đặt sổ đăng ký; chỉ rõ sổ bằng --register")
    with lock.hold(path, timeout), open_register(path, create=True, timeout=timeout) as register:
        messages = reconcile(register)
        if undone is not None:
            undone += messages
        yield register


def issue(request: Request) -> Outcome:
    """Number, record, write and render one document (see the module's docstring for the order)."""
    path = request.register or schema.default_path(request.plan)
    undone: list[str] = []
    with session(path, request.timeout, undone) as register:
        target = documents.find(request.plan, request.document)
        if target.number is not None:
            return Outcome(already_issued(register, target), None, tuple(undone))
        draft = draft_row(register, target, request)
        warnings = _preflight(register, target, draft)
        row = register.allocate(draft)
        try:
            output, findings = _complete(register, row, target, request)
        except BaseException as e:
            take_back(register, row, _reason(e))
            raise
        issued = register.find(row.year, row.series, row.number)
        return Outcome(issued, output, tuple(undone), findings, warnings)


def already_issued(register: Register, target: Numbered) -> Row:
    """The register row of a document whose number is in the data; anything amiss is an error."""
    plan = audit.plan_key(target.plan, register.path)
    problems = [p for p in audit.check(register, register.rows(), plan, target)
                if p.severity == audit.ERROR or p.code in ("missing", "undated", "pending")]
    if problems:
        raise RegisterError("\n".join(str(p) for p in problems))
    date = target.complete_date
    return register.find(date.year, register.key_of(target.symbol), target.number)


def _preflight(register: Register, target: Numbered, draft: Row) -> tuple[audit.NumberProblem, ...]:
    """Refuse while the plan's numbers disagree with the register, or the next number was typed by hand.

    Returns the warnings (numbers typed in the data but not in the register …) for the clerk to see.
    """
    data = audit.in_folder(target.plan.parent)
    problems = audit.audit_folder(register, [target.plan], data)
    errors = [p.problem for p in problems if p.severity == audit.ERROR]
    if errors:
        raise DataError(errors)
    key = register.key_of(draft.symbol)
    last = register.last(draft.year, key)
    reference = Reference(last.number + 1 if last else 1, draft.symbol)
    typed = audit.typed(data, draft.year, key, reference.number, register.mode)
    if typed:
        item = typed[0]
        raise RegisterError(f"{item.where}: {item.field}: số tiếp theo của sổ, {reference}, đã được ghi tay trong "
                            f"dữ liệu cho {item.document}; vào sổ văn bản đó trước: "
                            f"cchc-docs register add --plan {item.plan} --doc {item.document}")
    return tuple(p for p in problems if p.severity != audit.ERROR)


def draft_row(register: Register, target: Numbered, request: Request) -> Row:
    """The row to allocate: the document's columns, 'pending', with how to take it back."""
    context = documents.context_of(target, request.today)  # every problem of the data before a number is taken
    register.remember_body(documents.body_name(context))
    date = request.date or target.complete_date or request.today
    text, _ = read_text(target.source)
    before = yamledit.current(text, str(target.source), target.mapping, (NUMBER, DATE))
    undo = {"source": str(target.source.resolve()), "mapping": list(target.mapping), "before": before,
            "date": yamledit.quoted(date.isoformat()),
            "output": str((request.out_root / request.plan.stem / f"{target.document}.docx").resolve())}
    return Row(date, target.symbol, **documents.columns(context, target.symbol), copies=request.copies,
               plan=audit.plan_key(request.plan, register.path), document=target.document, state=PENDING,
               undo=json.dumps(undo, ensure_ascii=False))


def _complete(register: Register, row: Row, target: Numbered, request: Request) -> tuple[Path, tuple]:
    """Steps 3 to 5: the number into the data, the document rendered and checked, written, issued."""
    undo = json.loads(row.undo)
    text, bom = read_text(target.source)
    values = {NUMBER: yamledit.quoted(vn.number_text(row.number)), DATE: undo["date"]}
    write_text(target.source, yamledit.edit(text, str(target.source), target.mapping, values), bom)
    data, findings = _render(target, request, row.date)
    row = register.update(row, sha256=hashlib.sha256(data).hexdigest())
    output = Path(undo["output"])
    previous = output.read_bytes() if output.is_file() else None  # a draft, put back if the last step fails
    write_atomic(output, data)
    try:
        register.update(row, state=ISSUED, undo=None)
    except BaseException:
        if previous is None:
            output.unlink(missing_ok=True)
        else:
            write_atomic(output, previous)
        raise
    return output, findings


def _render(target: Numbered, request: Request, date: dt.date) -> tuple[bytes, tuple]:
    """The issued document's bytes and warnings, made by the build recipe from the data as now written."""
    report = None
    if target.mapping == ("report",):
        report = ReportRequest(periods.parse(target.source.stem), target.source)
    with tempfile.TemporaryDirectory(prefix="cchc-issue-") as folder:
        outputs = pipeline.build(request.plan, Path(folder), request.templates, date, report=report)
        (output,) = [o for o in outputs if o.path.stem == target.document]
        return output.data, output.findings


# ---------------------------------------------------------------- taking a number back


def reconcile(register: Register) -> list[str]:
    """Take back every 'pending' row: under the numbering lock, only a killed command leaves one."""
    messages = []
    for row in register.pending():
        what = take_back(register, row, INTERRUPTED)
        result = "đã hoàn tác, số chưa dùng" if what == "deleted" else "đã hoàn tác và hủy số (đã có số sau nó)"
        messages.append(f"{row.describe()}: lần cấp số trước cho {row.plan} › {row.document} "
                        f"bị dừng giữa chừng; {result}")
    return messages


def take_back(register: Register, row: Row, reason: str) -> str:
    """Undo a pending number in the reverse order of :func:`issue`; returns ``deleted`` or ``void``."""
    undo = json.loads(row.undo) if row.undo else {}
    output = Path(undo["output"]) if undo.get("output") else None
    if output is not None and row.sha256 and output.is_file() and _sha(output) == row.sha256:
        output.unlink()
    if undo.get("source"):
        _restore(Path(undo["source"]), tuple(undo["mapping"]), undo["before"], row, undo["date"])
    return register.release(row, reason)


def _restore(path: Path, mapping: tuple, before: dict, row: Row, written_date: str) -> None:
    """Put back the number and date the data file had, if it still carries the number given to it."""
    if not path.is_file():
        return
    text, bom = read_text(path)
    now = yamledit.current(text, str(path), mapping, (NUMBER, DATE))
    if now[NUMBER] != yamledit.quoted(vn.number_text(row.number)):
        return  # never written, already put back, or changed by hand since: not ours to touch
    values = {NUMBER: before[NUMBER]}
    if now[DATE] == written_date:
        values[DATE] = before[DATE]
    write_text(path, yamledit.edit(text, str(path), mapping, values), bom)


def _reason(error: BaseException) -> str:
    if isinstance(error, KeyboardInterrupt):
        return "lệnh bị dừng (Ctrl+C)"
    first = (str(error).splitlines() or [type(error).__name__])[0]
    return first if len(first) <= 300 else first[:299] + "…"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- data files, byte for byte


def read_text(path: Path) -> tuple[str, bool]:
    """A YAML file's text exactly as stored (line endings kept) and whether it starts with a BOM."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise RegisterError(f"{path}: không đọc được tệp ({e.strerror})") from e
    try:
        return raw.decode("utf-8-sig"), raw.startswith(codecs.BOM_UTF8)
    except UnicodeDecodeError as e:
        raise RegisterError(f"{path}: tệp không ở mã UTF-8; hãy lưu lại tệp với mã hóa UTF-8") from e


def write_text(path: Path, text: str, bom: bool) -> None:
    write_atomic(path, (codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
