"""Lay a unit's :class:`~cchc_docs.sheets.forms.Form` out as an .xlsx workbook, the same bytes each run.

Four sheets: the cover (what, for when, how), the tasks, the counts (only for a unit
that owns some) and the hidden metadata. What the unit fills is shaded and unlocked;
everything else is locked by sheet protection without a password (it guards against
slips, not against a determined user: the metadata's seal and the task-list hash
catch those). openpyxl stamps the save time into the document properties and every
zip entry; both are fixed here, from the period, so the same inputs give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from cchc_docs import vn
from cchc_docs.render.zipdet import deterministic_zip
from cchc_docs.sheets import layout
from cchc_docs.sheets.forms import Form, seal
from cchc_docs.sheets.layout import INDICATOR_COLUMNS, TASK_COLUMNS, Column

FONT = "Times New Roman"
DATE_FORMAT = "DD/MM/YYYY"
_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9D9D9")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # the cells the unit fills
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTRE = Alignment(wrap_text=True, vertical="top", horizontal="center")
_EXCEL_EPOCH = dt.date(1899, 12, 30)
TITLE_ROWS = 2  # title and subtitle above each table's header row
HEADER_ROW = TITLE_ROWS + 1
SIZE = 11  # points; the tables fit A4 landscape at about 80 %
LINE_HEIGHT = 15  # points per wrapped line at SIZE
CHARS_PER_WIDTH = 1.1  # Times New Roman letters per unit of column width (about; errs towards taller rows)


def workbook_bytes(form: Form) -> bytes:
    """The workbook of one unit, as the bytes of an .xlsx file."""
    book = Workbook()
    _cover(book.active, form)
    _tasks(book.create_sheet(layout.TASKS_SHEET), form)
    if form.indicators:
        _indicators(book.create_sheet(layout.INDICATORS_SHEET), form)
    _metadata(book, form)
    stamp = dt.datetime.combine(form.window[0], dt.time())
    book.properties.creator = book.properties.lastModifiedBy = "cchc-docs"
    book.properties.title = f"Phiếu báo cáo {form.period.label} - {form.unit.name}"
    book.properties.created = book.properties.modified = stamp
    return _save(book)


def _save(book: Workbook) -> bytes:
    """openpyxl's writer without its clock (save_workbook sets ``modified`` to now), then fixed zip stamps."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return deterministic_zip(buffer.getvalue())


# ---------------------------------------------------------------- cover


def _cover(sheet: Worksheet, form: Form) -> None:
    sheet.title = layout.COVER_SHEET
    widths = {"A": 22, "B": 110}
    for letter, width in widths.items():
        sheet.column_dimensions[letter].width = width
    _put(sheet, 1, 1, "PHIẾU BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", bold=True, size=SIZE + 3)
    sheet.merge_cells("A1:B1")
    facts = [
        ("Kế hoạch", form.plan_title),
        ("Ban hành kèm theo", form.issued_by),
        ("Kỳ báo cáo", form.period.label),
        ("Kỳ số liệu", f"từ ngày {vn.short_date(form.window[0])} đến ngày {vn.short_date(form.window[1])}"),
        ("Đơn vị báo cáo", form.unit.name),
        ("Hạn gửi lại phiếu", f"chậm nhất ngày {vn.short_date(form.return_by)}"),
        ("Số nhiệm vụ", _task_count(form)),
    ]
    for row, (label, value) in enumerate(facts, start=3):
        _put(sheet, row, 1, label, bold=True)
        _put(sheet, row, 2, value)
    row = len(facts) + 4
    _put(sheet, row, 1, "Hướng dẫn", bold=True)
    for i, line in enumerate(instructions(form), start=1):
        _put(sheet, row + i, 1, f"{i}.", align=Alignment(horizontal="right", vertical="top"))
        _put(sheet, row + i, 2, line)
        _fit_height(sheet, row + i, {2: (line, widths["B"])})
    sheet.protection.sheet = True
    _print_setup(sheet, None)


def _task_count(form: Form) -> str:
    lead = sum(1 for r in form.rows if r.role == layout.LEAD)
    return f"{len(form.rows)} (chủ trì {lead}, phối hợp {len(form.rows) - lead})"


def instructions(form: Form) -> list[str]:
    """The short instructions on the cover, in the order a clerk works."""
    start, end = form.plan_span
    lines = [
        f"Sheet \"{layout.TASKS_SHEET}\": chỉ điền các ô nền vàng; các cột khác đã khóa. Chọn Trạng thái trong "
        "danh sách: hoàn thành, đang thực hiện hoặc chưa thực hiện.",
        f"Nhiệm vụ hoàn thành: ghi Ngày hoàn thành dạng ngày/tháng/năm, từ {vn.short_date(start)} đến "
        f"{vn.short_date(end)} và không sau ngày chốt số liệu {vn.short_date(form.window[1])}; hoàn thành sau "
        "ngày chốt thì ghi \"đang thực hiện\" (báo cáo ở kỳ sau).",
        "Kết quả, sản phẩm: nêu ngắn gọn việc đã làm. Văn bản, tài liệu kiểm chứng: số, ký hiệu, ngày của văn "
        "bản hoặc đường dẫn; nhiều văn bản cách nhau bằng dấu \";\".",
        "Cột \"Tình trạng đến kỳ trước\" và các ô đã điền sẵn lấy từ báo cáo kỳ trước; nhiệm vụ đã hoàn thành "
        "giữ nguyên trạng thái và ngày hoàn thành.",
    ]
    if form.indicators:
        lines.append(f"Sheet \"{layout.INDICATORS_SHEET}\": ghi số đếm trong kỳ số liệu, là số nguyên không âm; "
                     "không ghi tỷ lệ %, tổng cộng. Nhóm nào có số liệu thì phải ghi đủ các dòng \"Bắt buộc\"; "
                     "nhóm không có số liệu để trống cả nhóm.")
    lines.append("Không đổi tên, thêm hoặc xóa cột, không sửa sheet ẩn; lưu dạng .xlsx (Excel, LibreOffice "
                 "hoặc WPS đều được) và gửi lại đúng tệp này.")
    return lines


# ---------------------------------------------------------------- tasks


def _tasks(sheet: Worksheet, form: Form) -> None:
    _table_head(sheet, TASK_COLUMNS, f"TÌNH HÌNH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {vn.upper(form.period.label)}",
                _subtitle(form))
    first = HEADER_ROW + 1
    for offset, task in enumerate(form.rows):
        prior = task.prior
        values = {
            "number": task.number, "id": task.id, "content": task.content, "role": task.role,
            "deadline": task.deadline, "previous": prior.label, "status": prior.status or None,
            "completed": prior.completed, "result": prior.result or None,
            "evidence": "; ".join(prior.evidence) or None, "note": None,
        }
        _table_row(sheet, first + offset, TASK_COLUMNS, values)
    last = first + max(len(form.rows), 1) - 1
    _date_cells(sheet, _column("completed", TASK_COLUMNS), first, last)
    _validate(sheet, _status_rule(), _column("status", TASK_COLUMNS), first, last)
    _validate(sheet, _date_rule(form), _column("completed", TASK_COLUMNS), first, last)
    _finish_table(sheet)


def _subtitle(form: Form) -> str:
    return (f"Đơn vị: {form.unit.name} · Kỳ số liệu: {vn.short_date(form.window[0])} – "
            f"{vn.short_date(form.window[1])} · Gửi lại chậm nhất ngày {vn.short_date(form.return_by)}")


def _status_rule() -> DataValidation:
    # A typed word ("xong") is warned about, not refused: the reader understands the usual ones.
    rule = DataValidation(type="list", formula1='"' + ",".join(layout.STATUSES) + '"', allow_blank=True,
                          errorStyle="warning", showErrorMessage=True, showInputMessage=True)
    rule.promptTitle, rule.prompt = "Trạng thái", "Chọn trong danh sách"
    rule.errorTitle, rule.error = "Trạng thái", "Chọn: hoàn thành, đang thực hiện hoặc chưa thực hiện"
    return rule


def _date_rule(form: Form) -> DataValidation:
    start, end = form.plan_span
    rule = DataValidation(type="date", operator="between", formula1=str(serial(start)), formula2=str(serial(end)),
                          allow_blank=True, errorStyle="stop", showErrorMessage=True, showInputMessage=True)
    span = f"từ {vn.short_date(start)} đến {vn.short_date(end)}"
    rule.promptTitle, rule.prompt = "Ngày hoàn thành", f"Ngày/tháng/năm, {span}"
    rule.errorTitle, rule.error = "Ngày hoàn thành", f"Cần một ngày {span}, dạng ngày/tháng/năm"
    return rule


def serial(day: dt.date) -> int:
    """Excel's day number for ``day`` (1900 date system)."""
    return (day - _EXCEL_EPOCH).days


def _date_cells(sheet: Worksheet, column: int, first: int, last: int) -> None:
    for row in range(first, last + 1):
        sheet.cell(row, column).number_format = DATE_FORMAT


# ---------------------------------------------------------------- indicators


def _indicators(sheet: Worksheet, form: Form) -> None:
    _table_head(sheet, INDICATOR_COLUMNS, f"SỐ LIỆU CẢI CÁCH HÀNH CHÍNH {vn.upper(form.period.label)}",
                _subtitle(form))
    row = HEADER_ROW
    for g, group in enumerate(form.groups, start=1):
        row += 1
        _table_row(sheet, row, INDICATOR_COLUMNS, {"number": vn.roman(g), "label": layout.INDICATOR_TITLES[group]},
                   fill=False, bold=True)
        for n, item in enumerate((r for r in form.indicators if r.group == group), start=1):
            row += 1
            _table_row(sheet, row, INDICATOR_COLUMNS, {
                "number": str(n), "key": item.key, "label": item.label, "required": "x" if item.required else None,
            })
    count = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                           errorStyle="stop", showErrorMessage=True)
    count.errorTitle, count.error = "Số liệu", "Cần một số nguyên không âm (số đếm, không ghi tỷ lệ %)"
    _validate(sheet, count, _column("value", INDICATOR_COLUMNS), HEADER_ROW + 1, row)
    _finish_table(sheet)


# ---------------------------------------------------------------- metadata


def _metadata(book: Workbook, form: Form) -> None:
    """A very hidden sheet of key/value rows, sealed, and a defined name over it."""
    sheet = book.create_sheet(layout.META_SHEET)
    meta = form.metadata()
    sheet.cell(1, 1, layout.META_MARK)
    rows = [*meta.items(), ("seal", seal(meta))]
    for row, (key, value) in enumerate(rows, start=2):
        sheet.cell(row, 1, key)
        sheet.cell(row, 2, value)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
    ref = f"'{layout.META_SHEET}'!$A$1:$B${len(rows) + 1}"
    book.defined_names[layout.META_NAME] = DefinedName(layout.META_NAME, attr_text=ref)


# ---------------------------------------------------------------- shared layout


def _table_head(sheet: Worksheet, columns: tuple[Column, ...], title: str, subtitle: str) -> None:
    last = get_column_letter(len(columns))
    for row, text, size in ((1, title, SIZE + 2), (2, subtitle, SIZE)):
        _put(sheet, row, 1, text, bold=row == 1, size=size)
        sheet.merge_cells(f"A{row}:{last}{row}")
    for i, column in enumerate(columns, start=1):
        cell = _put(sheet, HEADER_ROW, i, column.header, bold=True, align=_CENTRE)
        cell.fill, cell.border = _HEADER_FILL, _BORDER
        sheet.column_dimensions[get_column_letter(i)].width = column.width
    _fit_height(sheet, HEADER_ROW, {i: (c.header, c.width) for i, c in enumerate(columns, start=1)})


def _table_row(sheet: Worksheet, row: int, columns: tuple[Column, ...], values: dict, fill: bool = True,
               bold: bool = False) -> None:
    for i, column in enumerate(columns, start=1):
        align = _CENTRE if column.width < 14 else _WRAP
        cell = _put(sheet, row, i, values.get(column.key), bold=bold, align=align)
        cell.border = _BORDER
        if column.fill and fill:
            cell.fill = _INPUT_FILL
            cell.protection = Protection(locked=False)
    _fit_height(sheet, row, {i: (values.get(c.key), c.width) for i, c in enumerate(columns, start=1)})


def _fit_height(sheet: Worksheet, row: int, texts: dict) -> None:
    """Give a row the height its longest wrapped text needs.

    Neither Excel nor LibreOffice grows a row for wrapped text written by a program,
    so without this every long task would print as one clipped line.
    """
    lines = 1
    for text, width in texts.values():
        if isinstance(text, str) and text:
            per_line = max(int(width * CHARS_PER_WIDTH), 1)
            lines = max(lines, sum(-(-len(part) // per_line) or 1 for part in text.split("\n")))
    sheet.row_dimensions[row].height = lines * LINE_HEIGHT + 3


def _finish_table(sheet: Worksheet) -> None:
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    protection = sheet.protection
    protection.sheet = True
    # Widening a column or a row is no risk to the data: allowed (False means "not protected").
    protection.formatColumns = protection.formatRows = False
    _print_setup(sheet, f"1:{HEADER_ROW}")


def _print_setup(sheet: Worksheet, title_rows: str | None) -> None:
    """A4 landscape, fitted to the page width, the title and header rows repeated on every page."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    if title_rows:
        sheet.print_title_rows = title_rows


def _validate(sheet: Worksheet, rule: DataValidation, column: int, first: int, last: int) -> None:
    letter = get_column_letter(column)
    rule.add(f"{letter}{first}:{letter}{last}")
    sheet.add_data_validation(rule)


def _put(sheet: Worksheet, row: int, column: int, value, bold: bool = False, size: int = SIZE,
         align: Alignment = _WRAP):
    cell = sheet.cell(row, column, value)
    cell.font = Font(name=FONT, size=size, bold=bold)
    cell.alignment = align
    return cell


def _column(key: str, columns: tuple[Column, ...]) -> int:
    return next(i for i, c in enumerate(columns, start=1) if c.key == key)
