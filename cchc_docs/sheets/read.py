"""Read a returned workbook back: its metadata, and each filled cell with where it stands.

Nothing is trusted to be where the writer put it. Sheets are found by what they hold
(the metadata's mark in A1, a header row naming "Mã NV" and "Trạng thái"), columns by
their header text, rows by the task id in them; a merged cell gives its value to every
cell it covers; rows without a task id (a total, a signature line) are left alone.
A file that is no .xlsx (an .xls, an .ods, a Word document) is named with the command
that converts it.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from cchc_docs.errors import Location, Problem, SourceError
from cchc_docs.model import sniff
from cchc_docs.sheets import layout
from cchc_docs.sheets.layout import INDICATOR_COLUMNS, TASK_COLUMNS, normalise

HEADER_SEARCH = 30  # rows looked at for a header row
CONVERT = "soffice --headless --convert-to xlsx --outdir THƯ-MỤC {name}"


@dataclass(frozen=True)
class Cell(Location):
    """Where a value stands in a workbook, said the way a clerk finds it: ``phieu.xlsx › Nhiệm vụ › ô H12``."""

    sheet: str = ""

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.column)}{self.line}"

    def __str__(self) -> str:
        return f"{self.file} › {self.sheet} › ô {self.ref}"


@dataclass(frozen=True)
class Entry:
    """One value the unit gave, as the cell held it, and the cell."""

    value: object
    cell: Cell


@dataclass
class Returned:
    """A returned workbook: its metadata and the filled rows, each value with its cell."""

    name: str
    meta: dict[str, str] = field(default_factory=dict)
    meta_cell: Cell | None = None
    tasks: dict[str, dict[str, Entry]] = field(default_factory=dict)  # task id → column key → entry
    counts: dict[str, Entry] = field(default_factory=dict)  # "dossiers.received_online" → entry
    problems: list[Problem] = field(default_factory=list)

    def problem(self, where: Location | None, message: str, **details) -> None:
        self.problems.append(Problem(where or Location(self.name, 1, 1), "", message, **details))


def read(path: Path) -> Returned:
    """Read one returned workbook; a file that cannot be read at all raises :class:`SourceError`."""
    name = path.name
    data = _bytes(path)
    book = _open(data, name)
    returned = Returned(name)
    _read_meta(book, returned)
    tasks = _find_sheet(book, TASK_COLUMNS, ("id", "status"))
    if tasks is None:
        returned.problem(None, f"không tìm thấy bảng nhiệm vụ (sheet có dòng tiêu đề '{_header('id')}', "
                               f"'{_header('status')}')", hint="gửi lại đúng tệp phiếu đã nhận, không xóa sheet")
    else:
        _read_tasks(*tasks, returned)
    counts = _find_sheet(book, INDICATOR_COLUMNS, ("key", "value"))
    if counts is not None:
        _read_counts(*counts, returned)
    return returned


def _bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as e:
        raise SourceError(f"{path}: không tìm thấy tệp") from e
    except OSError as e:
        raise SourceError(f"{path}: không đọc được tệp ({e.strerror})") from e


def _open(data: bytes, name: str):
    kind = _kind(data, name)
    if kind != sniff.XLSX.key:
        raise SourceError(_not_xlsx(name, kind))
    try:
        with warnings.catch_warnings():  # openpyxl warns about extensions it drops (LibreOffice writes some)
            warnings.simplefilter("ignore")
            return load_workbook(io.BytesIO(data), data_only=True)
    except Exception as e:  # a damaged package: openpyxl raises many kinds
        raise SourceError(f"{name}: tệp .xlsx bị hỏng, không mở được ({type(e).__name__}); "
                          "mở bằng Excel hoặc LibreOffice, lưu lại rồi gửi lại") from e


def _kind(data: bytes, name: str) -> str:
    if data.startswith(b"PK") and _is_ods(data):
        return "ods"
    found = sniff.sniff(data, name)
    return found.key if found else "unknown"


def _is_ods(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return archive.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet")
    except (KeyError, zipfile.BadZipFile):
        return False


def _not_xlsx(name: str, kind: str) -> str:
    convert = CONVERT.format(name=sniff.quoted(name))
    if kind in ("xls", "ods", "ole"):
        label = "bảng tính .xls (Excel 97-2003)" if kind != "ods" else "bảng tính .ods (LibreOffice, OpenOffice)"
        return (f"{name}: là {label}, chương trình chỉ đọc .xlsx; mở tệp rồi \"Lưu thành\" dạng Excel (.xlsx), "
                f"hoặc chuyển bằng lệnh: {convert}")
    if kind == sniff.ENCRYPTED.key:
        return f"{name}: tệp được đặt mật khẩu; mở tệp, bỏ mật khẩu, lưu lại dạng .xlsx rồi gửi lại"
    return f"{name}: không phải bảng tính .xlsx; cần đúng tệp phiếu báo cáo đã gửi đơn vị (phieu-….xlsx)"


# ---------------------------------------------------------------- metadata


def _read_meta(book, returned: Returned) -> None:
    sheet = next((s for s in book.worksheets if s.cell(1, 1).value == layout.META_MARK), None)
    if sheet is None:
        returned.problem(None, "không có dữ liệu nhận diện phiếu (sheet ẩn của cchc-docs)",
                         hint="chỉ nhận phiếu do lệnh cchc-docs sheets lập; không chép nội dung sang tệp khác")
        return
    returned.meta_cell = Cell(returned.name, 1, 1, sheet.title)
    for row in sheet.iter_rows(min_row=2, max_col=2, values_only=True):
        if row[0] is not None:
            returned.meta[str(row[0])] = "" if row[1] is None else str(row[1])


# ---------------------------------------------------------------- tables


def _header(key: str) -> str:
    return next(c.header for c in TASK_COLUMNS + INDICATOR_COLUMNS if c.key == key)


def _find_sheet(book, columns, needed: tuple[str, ...]):
    """(sheet, header row, column key → column number) of the first sheet with a header naming ``needed``."""
    headers = {normalise(c.header): c.key for c in columns}
    for sheet in book.worksheets:
        if sheet.cell(1, 1).value == layout.META_MARK:
            continue
        for row in sheet.iter_rows(min_row=1, max_row=HEADER_SEARCH):
            found = {headers[normalise(c.value)]: c.column for c in row
                     if isinstance(c.value, str) and normalise(c.value) in headers}
            if all(key in found for key in needed):
                return sheet, row[0].row, found
    return None


def _values(sheet: Worksheet, first: int):
    """Rows below the header as {column: value}, every cell of a merged range holding its value."""
    merged = {}
    for bounds in sheet.merged_cells.ranges:
        value = sheet.cell(bounds.min_row, bounds.min_col).value
        for row in range(bounds.min_row, bounds.max_row + 1):
            for col in range(bounds.min_col, bounds.max_col + 1):
                merged[(row, col)] = value
    for cells in sheet.iter_rows(min_row=first):
        number = cells[0].row
        yield number, {c.column: merged.get((number, c.column), c.value) for c in cells}


def _read_tasks(sheet: Worksheet, header: int, columns: dict[str, int], returned: Returned) -> None:
    fill = [c.key for c in TASK_COLUMNS if c.fill and c.key in columns]
    for number, values in _values(sheet, header + 1):
        entries = {key: Entry(values.get(columns[key]), Cell(returned.name, number, columns[key], sheet.title))
                   for key in ["id", *fill]}
        task = entries.pop("id").value
        task = str(task).strip() if task is not None else ""
        if task:
            if task in returned.tasks:
                returned.problem(entries["status"].cell, f"nhiệm vụ {task} có hai dòng trong phiếu",
                                 hint="mỗi nhiệm vụ ghi ở đúng một dòng")
            returned.tasks[task] = entries
        elif any(e.value not in (None, "") for k, e in entries.items() if k == "status"):
            returned.problem(entries["status"].cell, "dòng có trạng thái nhưng không có mã nhiệm vụ",
                             hint="nhiệm vụ mới phải được bổ sung vào Kế hoạch, không thêm dòng vào phiếu")


def _read_counts(sheet: Worksheet, header: int, columns: dict[str, int], returned: Returned) -> None:
    for number, values in _values(sheet, header + 1):
        key = values.get(columns["key"])
        if isinstance(key, str) and "." in key:
            returned.counts[key.strip()] = Entry(values.get(columns["value"]),
                                                 Cell(returned.name, number, columns["value"], sheet.title))
