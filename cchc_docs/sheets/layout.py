"""What a unit's workbook (phiếu báo cáo) holds, declared once for the writer and the reader.

Sheet titles, column headers and the statuses a clerk may type are plain data here:
the writer lays them out, the reader finds them again by their text (a column the
unit moved, or a sheet it renamed, is still found). Nothing here touches a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cchc_docs.model.status import DONE, IN_PROGRESS, NOT_STARTED

COVER_SHEET = "Hướng dẫn"
TASKS_SHEET = "Nhiệm vụ"
INDICATORS_SHEET = "Số liệu"
META_SHEET = "_cchc"
META_NAME = "CCHC_PHIEU"  # a workbook-level defined name over the metadata
META_MARK = "cchc-docs phiếu báo cáo"  # cell A1 of the metadata sheet, however the sheet is named
FORMAT = "1"  # bumped when the layout changes in a way old workbooks cannot be read back


@dataclass(frozen=True)
class Column:
    """A column of a table: its key, its header text, its width, and whether the unit fills it."""

    key: str
    header: str
    width: float
    fill: bool = False


TASK_COLUMNS: tuple[Column, ...] = (
    Column("number", "STT", 5),
    Column("id", "Mã NV", 7),
    Column("content", "Nội dung nhiệm vụ", 42),
    Column("role", "Vai trò", 9),
    Column("deadline", "Thời hạn", 11),
    Column("previous", "Tình trạng đến kỳ trước", 15),
    Column("status", "Trạng thái", 15, fill=True),
    Column("completed", "Ngày hoàn thành", 12, fill=True),
    Column("result", "Kết quả, sản phẩm", 30, fill=True),
    Column("evidence", "Văn bản, tài liệu kiểm chứng", 26, fill=True),
    Column("note", "Ghi chú", 16, fill=True),
)

INDICATOR_COLUMNS: tuple[Column, ...] = (
    Column("number", "STT", 5),
    Column("key", "Mã số liệu", 24),
    Column("label", "Nội dung", 62),
    Column("required", "Bắt buộc", 9),
    Column("value", "Số liệu", 12, fill=True),
    Column("note", "Ghi chú", 30, fill=True),
)

LEAD, PARTNER = "chủ trì", "phối hợp"
STATUSES = (DONE, IN_PROGRESS, NOT_STARTED)

# What clerks type instead of choosing from the list, compared after NFC, casefold and
# collapsing spaces (docs/status-format.md lists them). Unaccented spellings are here
# because many type Vietnamese without an input method.
STATUS_SYNONYMS: dict[str, str] = {
    **dict.fromkeys((
        "hoàn thành", "đã hoàn thành", "hoàn tất", "đã hoàn tất", "xong", "đã xong", "ht",
        "hoan thanh", "da hoan thanh", "xong roi"), DONE),
    **dict.fromkeys((
        "đang thực hiện", "đang làm", "đang triển khai", "đang tiến hành", "đang thực hiện dở", "đang th",
        "dang thuc hien", "dang lam", "dang trien khai"), IN_PROGRESS),
    **dict.fromkeys((
        "chưa thực hiện", "chưa làm", "chưa triển khai", "chưa bắt đầu", "chưa",
        "chua thuc hien", "chua lam", "chua trien khai"), NOT_STARTED),
}


def normalise(text: str) -> str:
    """Text as compared: NFC, case folded, spaces (also non-breaking) collapsed, ends trimmed."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", text).strip().casefold()


def status_of(text: str) -> str | None:
    """The status a typed word means, or None when it means none."""
    return STATUS_SYNONYMS.get(normalise(text).rstrip("."))


# Which reform area each group of raw counts belongs to. The plan names no owner for
# counts; the unit that leads most tasks of the group's area fills them (docs/status-format.md).
INDICATOR_AREAS: dict[str, str] = {
    "assigned_tasks": "direction",
    "inspections": "direction",
    "outreach": "direction",
    "documents": "institutions",
    "procedures": "procedures",
    "dossiers": "procedures",
    "feedback": "procedures",
    "satisfaction": "procedures",
    "staff": "civil_service",
    "digital": "digital_government",
}

# Group titles as the indicators sheet shows them.
INDICATOR_TITLES: dict[str, str] = {
    "assigned_tasks": "Nhiệm vụ cấp trên giao (lũy kế đến ngày chốt số liệu)",
    "inspections": "Kiểm tra cải cách hành chính",
    "outreach": "Tuyên truyền cải cách hành chính",
    "documents": "Ban hành, rà soát văn bản",
    "procedures": "Danh mục thủ tục hành chính",
    "dossiers": "Hồ sơ thủ tục hành chính trong kỳ số liệu",
    "feedback": "Phản ánh, kiến nghị",
    "satisfaction": "Mức độ hài lòng",
    "staff": "Bộ máy, công vụ",
    "digital": "Văn bản điện tử",
}


def file_name(period_code: str, unit: str) -> str:
    """``phieu-2025-q4-VHXH.xlsx``: the period, then the unit it goes to."""
    return f"phieu-{period_code.lower()}-{unit}.xlsx"
