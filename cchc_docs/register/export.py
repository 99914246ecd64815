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
from cchc_docs.register.store import PENDING, VOID, Entry

# Nghị định 30/2020, Phụ lục IV: the columns of the sổ đăng ký văn bản đi, in order.
COLUMNS = (
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
    "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ngày chuyển", "Ký nhận", "Ghi chú",
)


def cells(entry: Entry) -> list[str]:
    """One row of the printed register, in the order of :data:`COLUMNS`."""
    return [str(entry.reference), vn.short_date(entry.date), title(entry), entry.signer, entry.recipients,
            entry.archive, "" if entry.copies is None else str(entry.copies), entry.delivered, entry.receipt,
            note(entry)]


def title(entry: Entry) -> str:
    """Tên loại và trích yếu: ``Quyết định ban hành Kế hoạch …``."""
    return f"{entry.type_name} {entry.summary}".strip()


def note(entry: Entry) -> str:
    """Ghi chú, with the state when the number is not simply issued."""
    state = {VOID: f"Đã hủy số: {entry.reason}", PENDING: "Đang cấp số"}.get(entry.state)
    return "; ".join(part for part in (state, entry.note) if part)


def as_text(entries: list[Entry]) -> str:
    """One line per number: số/ký hiệu, ngày, tên loại và trích yếu, người ký, ghi chú."""
    if not entries:
        return "Sổ chưa có văn bản nào."
    width = max(len(str(e.reference)) for e in entries)
    lines = []
    for entry in entries:
        extra = "; ".join(part for part in (entry.signer, note(entry)) if part)
        lines.append(f"{entry.reference!s:<{width}}  {vn.short_date(entry.date):>10}  {title(entry)}"
                     + (f" — {extra}" if extra else ""))
    return "\n".join(lines)


def as_json(entries: list[Entry]) -> str:
    """Every column of every row, for another program (keys as in the register's schema)."""
    rows = [{"year": e.year, "series": e.series, "number": e.number, "symbol": e.symbol, "reference": str(e.reference),
             "date": e.date.isoformat(), "type_name": e.type_name, "summary": e.summary, "signer": e.signer,
             "recipients": e.recipients, "archive": e.archive, "copies": e.copies, "delivered": e.delivered,
             "receipt": e.receipt, "note": e.note, "plan": e.plan, "document": e.document, "state": e.state,
             "reason": e.reason, "sha256": e.sha256} for e in entries]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def as_csv(entries: list[Entry]) -> str:
    """The printed register's columns, with their Vietnamese headings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    writer.writerows(cells(e) for e in entries)
    return buffer.getvalue()


def gaps(entries: list[Entry]) -> list[str]:
    """Warnings about the register itself: numbers missing inside a series, numbers still pending."""
    numbers: dict[tuple[int, str], set[int]] = defaultdict(set)
    for entry in entries:
        numbers[(entry.year, entry.series)].add(entry.number)
    warnings = []
    for (year, key), taken in sorted(numbers.items()):
        missing = sorted(set(range(1, max(taken) + 1)) - taken)
        if missing:
            warnings.append(f"cảnh báo: năm {year}, số {series.series_label(key)}: thiếu số {_ranges(missing)} "
                            "trong sổ; vào sổ văn bản đã ban hành ngoài chương trình bằng cchc-docs register add")
    warnings += [f"cảnh báo: {e.describe()} đang được cấp (hoặc lệnh cấp số bị dừng giữa chừng: "
                 "chạy lại cchc-docs issue để hoàn tác)" for e in entries if e.state == PENDING]
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
