"""The register as the clerk reads it: the columns of Phụ lục IV, as text, JSON or CSV (xlsx: :mod:`.xlsx`).

Also what is wrong with the register as a whole: a series with a number missing (a gap,
say a document numbered on paper and never entered), or still being issued.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict

from cchc_docs import vn
from cchc_docs.register import series
from cchc_docs.register.store import PENDING, VOID, Row

# Nghị định 30/2020, Phụ lục IV: the columns of the sổ đăng ký văn bản đi, in order.
COLUMNS = (
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
    "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
)


def cells(row: Row) -> list[str]:
    """One row of the printed register, in the order of :data:`COLUMNS`."""
    return [str(row.reference), vn.short_date(row.date), title(row), row.signer, row.recipients,
            row.archive, "" if row.copies is None else str(row.copies), row.delivered, row.receipt,
            note(row)]


def title(row: Row) -> str:
    """Tên loại và trích yếu: ``Quyết định ban hành Kế hoạch …``."""
    return f"{row.type_name} {row.summary}".strip()


def note(row: Row) -> str:
    """Ghi chú, with the state when the number is not simply issued."""
    state = {VOID: f"Đã hủy số: {row.reason}", PENDING: "Đang cấp số"}.get(row.state)
    return "; ".join(part for part in (state, row.note) if part)


def as_text(rows: list[Row]) -> str:
    """One line per number: số/ký hiệu, ngày, tên loại và trích yếu, người ký, ghi chú."""
    if not rows:
        return "Sổ chưa có văn bản nào."
    width = max(len(str(e.reference)) for e in rows)
    lines = []
    for row in rows:
        extra = "; ".join(part for part in (row.signer, note(row)) if part)
        lines.append(f"{row.reference!s:<{width}}  {vn.short_date(row.date):>10}  {title(row)}"
                     + (f" — {extra}" if extra else ""))
    return "\n".join(lines)


def as_json(rows: list[Row]) -> str:
    """Every column of every row, for another program (keys as in the register's schema)."""
    rows = [{"year": e.year, "series": e.series, "number": e.number, "symbol": e.symbol, "reference": str(e.reference),
             "date": e.date.isoformat(), "type_name": e.type_name, "summary": e.summary, "signer": e.signer,
             "recipients": e.recipients, "archive": e.archive, "copies": e.copies, "delivered": e.delivered,
             "receipt": e.receipt, "note": e.note, "plan": e.plan, "document": e.document, "state": e.state,
             "reason": e.reason, "sha256": e.sha256} for e in rows]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def as_csv(rows: list[Row]) -> str:
    """The printed register's columns, with their Vietnamese headings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(cells(e) for e in rows)
    return buffer.getvalue()


def gaps(rows: list[Row]) -> list[str]:
    """Warnings about the register itself: numbers missing inside a series, numbers still pending."""
    numbers: dict[tuple[int, str], set[int]] = defaultdict(set)
    for row in rows:
        numbers[(row.year, row.series)].add(row.number)
    warnings = []
    for (year, key), taken in sorted(numbers.items()):
        missing = sorted(set(range(1, max(taken) + 1)) - taken)
        if missing:
            warnings.append(f"cảnh báo: năm {year}, số {series.series_label(key)}: thiếu số {_ranges(missing)} "
                            "trong sổ; vào sổ văn bản đã ban hành ngoài chương trình bằng cchc-docs register add")
    warnings += [f"cảnh báo: {e.describe()} đang được cấp (hoặc lệnh cấp số bị dừng giữa chừng: "
                 "chạy lại cchc-docs issue để hoàn tác)" for e in rows if e.state == PENDING]
    return warnings


def _ranges(numbers: list[int]) -> str:
    """``[1, 2, 3, 7]`` → ``01–03, 07``."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return ", ".join(f"{a:02d}" if a == b else f"{a:02d}–{b:02d}" for a, b in runs)
