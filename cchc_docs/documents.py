"""The registry of document kinds: which template, which context builder, which output.

Adding a kind of document (a report, an amendment decision) means adding one entry
here, a template and a context builder; the build recipe does not change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from .contexts import decision, report
from .model import PlanFile
from .periods import Period
from .status import StatusFile


@dataclass(frozen=True)
class DocumentKind:
    """One kind of document the build can make."""

    name: str
    template: str  # file name under the templates folder
    output: str  # file name under out/<plan>/
    build_context: Callable[[PlanFile, dt.date], dict]


DECISION = DocumentKind("quyet-dinh", "quyet-dinh.docx", "quyet-dinh.docx", decision.build)

KINDS = {kind.name: kind for kind in (DECISION,)}


def for_plan(plan_file: PlanFile) -> list[DocumentKind]:
    """The documents a plan file produces."""
    return [DECISION]


@dataclass(frozen=True)
class ReportKind:
    """A document made once per reporting period, from the plan and that period's status file."""

    name: str
    template: str  # file name under the templates folder
    build_context: Callable[[PlanFile, StatusFile, Period], dict]

    def output(self, period: Period) -> str:
        """File name under out/<plan>/, e.g. ``bao-cao-2025-q3.docx``."""
        return f"{self.name}-{period.code.lower()}.docx"


REPORT = ReportKind("bao-cao", "bao-cao-quy.docx", report.build)
