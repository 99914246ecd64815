"""The documents of a plan that carry a number, where their number and date are written, and their register row.

Three kinds do (see :mod:`cchc_docs.contexts.registry`): the decision that issues the plan
(``decision`` in the plan file), or the plan itself when it is issued on its own
(``plan.issue``, ký hiệu ``KH-UBND``), each amendment decision (``amendments[k].decision``)
and each periodic report (``report`` in the period's status file, ``<plan>/bao-cao/<KỲ>.yaml``).
The consolidated plan has none: it is not issued. Nor is the Tờ trình numbered here: the
proposing unit numbers it in its own series (``25/TTr-VHXH``), not the People's Committee.
Numbers are read from the YAML as written, without validating the whole plan, so checking
a register costs a parse, not a build.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cchc_docs.contexts import decision as decision_context
from cchc_docs.contexts import issued_plan as issued_plan_context
from cchc_docs.contexts import registry
from cchc_docs.contexts import report as report_context
from cchc_docs.errors import CchcError, Location
from cchc_docs.model import periods, source
from cchc_docs.model.compose import path_text
from cchc_docs.model.load import load_all
from cchc_docs.model.paths import status_folder
from cchc_docs.model.schema import Invalid
from cchc_docs.model.status import reporting_calendar
from cchc_docs.model.values import DocNumber, IssueDate
from cchc_docs.register import series
from cchc_docs.register.errors import RegisterError
from cchc_docs.register.yamledit import node

NUMBER, DATE = "number", "date"


@dataclass(frozen=True)
class Numbered:
    """A document of a plan that takes a number: its name, and where its number and date are written."""

    document: str  # the job's name, as in out/<plan>/<document>.docx
    plan: Path  # the plan file
    source: Path  # the YAML file holding its number and date
    mapping: tuple  # the mapping that holds them in that file
    symbol: str  # ký hiệu: QĐ-UBND
    number: int | None  # as written (None: a draft, or not a number the validator would take)
    date: IssueDate | None
    where: Location  # of the number when written, else of the mapping

    @property
    def complete_date(self) -> dt.date | None:
        return self.date.as_date() if self.date else None

    @property
    def field(self) -> str:
        """``amendments[0].decision.number``: how a problem names the number."""
        return path_text(self.mapping + (NUMBER,))


def numbered(plan_path: Path) -> list[Numbered]:
    """Every document of a plan that takes a number, read from the YAML as written (no validation)."""
    parsed = source.load(plan_path)
    tree = parsed.tree if isinstance(parsed.tree, dict) else {}
    abbreviation = str(node(tree, ("issuing_body", "abbreviation")) or "")
    decision_symbol = f"{decision_context.TYPE_CODE}-{abbreviation}"
    report_symbol = f"{report_context.TYPE_CODE}-{abbreviation}"
    if not isinstance(node(tree, ("decision",)), dict) and isinstance(node(tree, ("plan", "issue")), dict):
        symbol = f"{issued_plan_context.TYPE_CODE}-{abbreviation}"
        found = [_numbered(registry.ISSUED_PLAN.name, plan_path, parsed, plan_path, ("plan", "issue"), symbol)]
    else:
        found = [_numbered(registry.DECISION.name, plan_path, parsed, plan_path, ("decision",), decision_symbol)]
    for k, amendment in enumerate(node(tree, ("amendments",)) or []):
        name = f"quyet-dinh-sua-doi-{str(node(amendment, ('id',)) or k + 1).strip().lower()}"
        found.append(_numbered(name, plan_path, parsed, plan_path, ("amendments", k, "decision"), decision_symbol))
    for period_code, path in _status_files(plan_path):
        status = source.load(path)
        name = registry.REPORT.output(period_code).removesuffix(".docx")
        found.append(_numbered(name, plan_path, status, path, ("report",), report_symbol))
    return found


def find(plan_path: Path, document: str) -> Numbered:
    """The numbered document ``document`` of a plan, or a RegisterError naming those there are."""
    found = numbered(plan_path)
    for item in found:
        if item.document == document:
            return item
    names = ", ".join(item.document for item in found)
    if document == "ke-hoach-hop-nhat":
        raise RegisterError(f"{plan_path}: Kế hoạch hợp nhất không phải văn bản ban hành, không có số; "
                            f"các văn bản có số của kế hoạch: {names}")
    raise RegisterError(f"{plan_path}: kế hoạch không có văn bản '{document}' (cần một trong: {names})")


def _numbered(name: str, plan: Path, parsed: source.Source, path: Path, mapping: tuple, symbol: str) -> Numbered:
    fields = node(parsed.tree, mapping)
    fields = fields if isinstance(fields, dict) else {}
    number = _parsed(DocNumber, fields.get(NUMBER))
    where = parsed.where(mapping + (NUMBER,)) if NUMBER in fields else parsed.where(mapping)
    return Numbered(name, plan, path, mapping, symbol, number, _parsed(IssueDate, fields.get(DATE)), where)


def _status_files(plan_path: Path) -> list[tuple[periods.Period, Path]]:
    folder = status_folder(plan_path)
    found = []
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        try:
            found.append((periods.parse(path.stem), path))
        except periods.PeriodError:
            continue  # the loader reports a badly named status file
    return found


def _parsed(kind, text):
    if not isinstance(text, str):
        return None
    try:
        return kind.parse(text)
    except (Invalid, CchcError):
        return None


# ---------------------------------------------------------------- the register row of a document


def context_of(target: Numbered, today: dt.date) -> dict:
    """The context the document is rendered from, its plan validated first (DataError with every problem)."""
    loaded = load_all(target.plan)
    jobs = registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), today)
    return next(job for job in jobs if job.name == target.document).context()


def body_name(context: dict) -> str:
    """The issuing body, as the document's properties name it."""
    return context["properties"]["company"]


def columns(context: dict, symbol: str) -> dict:
    """The Phụ lục IV columns of a document, from the context it is rendered from.

    Trích yếu comes from the document's properties title (``Quyết định ban hành Kế hoạch
    …``) less its tên loại; người ký, nơi nhận and bản lưu from its signature block and Nơi
    nhận, so the defaults a report takes from its plan (signer, archive) are the ones printed.
    """
    type_name = series.type_name(symbol)
    title = context["properties"]["title"]
    block = next(v for v in context.values() if isinstance(v, dict) and "recipients" in v and "signer" in v)
    lines = [line.removeprefix("- ").rstrip(";.") for line in block["recipients"]]
    archive = next((line.removeprefix("Lưu:").strip() for line in lines if line.startswith("Lưu:")), "")
    return {"type_name": type_name, "summary": title.removeprefix(f"{type_name} "), "signer": block["signer"]["name"],
            "recipients": "; ".join(line for line in lines if not line.startswith("Lưu:")), "archive": archive}
