"""How ``cchc-docs check`` shows its results: text grouped by file, or JSON.

The CLI stays thin: it collects one :class:`FileResult` per input and hands the list
here. Text output shows at most :data:`PER_RULE` findings of one rule per file (a
document typed wholly in Arial would otherwise print one line per paragraph); JSON
always carries every finding.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from cchc_docs.checks.findings import Finding

PER_RULE = 10
SEVERITY_VI = {"error": "lỗi", "warning": "cảnh báo"}


@dataclass(frozen=True)
class FileResult:
    """The findings for one file, or why it could not be read."""

    file: str
    findings: tuple[Finding, ...] = field(default=())
    error: str | None = None

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.findings if f.severity == "warning")


def exit_code(results: list[FileResult], strict: bool) -> int:
    """1 when an input could not be read, 3 when errors were found (or warnings with
    ``--strict``), else 0."""
    if any(r.error for r in results):
        return 1
    if any(r.errors or (strict and r.warnings) for r in results):
        return 3
    return 0


def location(finding: Finding) -> str:
    """Where a finding is: the page (read from a PDF, never guessed), paragraph, the table
    row or heading a reader finds it under (its landmark), component and a quote."""
    parts = finding.places()
    if finding.excerpt:
        parts.append(f"“{finding.excerpt}”")
    return " · ".join(parts)


def describe(finding: Finding) -> list[str]:
    """Two lines: severity, id and location; then message, expected vs got and article."""
    details = "; ".join(x for x in (f"cần: {finding.expected}" if finding.expected else "",
                                    f"thực tế: {finding.got}" if finding.got else "") if x)
    message = f"{finding.message} — {details}" if details else finding.message
    return [f"  [{SEVERITY_VI[finding.severity]}] {finding.rule} · {location(finding)}",
            f"      {message} ({finding.article})"]


def text(results: list[FileResult]) -> str:
    """Findings grouped by file, then a total line."""
    lines = []
    for result in results:
        if result.error:
            continue  # unreadable files are reported on stderr
        state = "đúng thể thức" if not result.findings else "có sai sót"
        lines.append(f"{result.file}: {state} ({result.errors} lỗi, {result.warnings} cảnh báo)")
        lines += _limited(result.findings)
    readable = [r for r in results if not r.error]
    if len(results) > 1:
        lines.append(f"Tổng cộng: {len(readable)}/{len(results)} tệp đọc được, "
                     f"{sum(r.errors for r in readable)} lỗi, {sum(r.warnings for r in readable)} cảnh báo")
    return "\n".join(lines)


def _limited(findings: tuple[Finding, ...]) -> list[str]:
    lines, shown = [], Counter()
    for finding in findings:
        shown[finding.rule] += 1
        if shown[finding.rule] <= PER_RULE:
            lines += describe(finding)
    for rule_id, count in shown.items():
        if count > PER_RULE:
            lines.append(f"  … và {count - PER_RULE} chỗ khác vi phạm {rule_id} (xem tất cả với --format json)")
    return lines


def as_json(results: list[FileResult]) -> str:
    """One object per file with its findings (machine-readable)."""
    data = [{"file": r.file, "error": r.error, "errors": r.errors, "warnings": r.warnings,
             "findings": [f.as_dict() for f in r.findings]} for r in results]
    return json.dumps(data, ensure_ascii=False, indent=2)
