"""Findings of the format checks: one shape for DOCX rules and PDF layout checks alike.

A finding is data, not an exception: checks return lists of them, the CLI prints
them grouped by file (or as JSON), and ``--strict`` decides whether warnings fail.
Severity follows the reference's tags: ``error`` for rules the decree states ([C]),
``warning`` for model layouts and practice ([M], [P]).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One place where a document departs from a format rule."""

    rule: str  # stable id, e.g. ND30-MARGIN-LEFT
    severity: Severity
    message: str  # Vietnamese: what is wrong
    article: str  # where the rule comes from, e.g. "NĐ 30/2020, Phụ lục I, Mục I"
    expected: str | None = None
    got: str | None = None
    paragraph: int | None = None  # index among the body paragraphs, when it applies
    component: str | None = None  # e.g. "Quốc hiệu", "Nơi nhận"
    excerpt: str | None = None  # a short quote of the text
    page: int | None = None  # the real page number, when a PDF of the document was read
    landmark: str | None = None  # where a reader finds it without pages: "bảng 3, hàng 2", "dưới “II. …”"

    def as_dict(self) -> dict:
        return asdict(self)

    def places(self) -> list[str]:
        """Where it is, as a reader finds it: the real page, the paragraph, the table row or heading, the part."""
        where = [f"trang {self.page}" if self.page is not None else None,
                 f"đoạn {self.paragraph + 1}" if self.paragraph is not None else None,
                 self.landmark, self.component]
        return [place for place in where if place]

    def __str__(self) -> str:
        where = self.places()
        head = f"{self.rule} [{'lỗi' if self.severity == 'error' else 'cảnh báo'}]"
        text = f"{head} {', '.join(where)}: {self.message}" if where else f"{head}: {self.message}"
        details = [f"cần {self.expected}" if self.expected else None, f"thực tế {self.got}" if self.got else None]
        details = [d for d in details if d]
        if details:
            text += f" ({'; '.join(details)})"
        if self.excerpt:
            text += f' — "{self.excerpt}"'
        return text
