"""The printable register: an Excel workbook laid out as the sổ đăng ký văn bản đi of Phụ lục IV.

One sheet per year: the title, then the ten columns of Nghị định 30/2020, Phụ lục IV
with their numbers (1)…(10) under them, repeated at the top of every printed page; A4
landscape, scaled to the page width, text wrapped in readable widths, page numbers in
the footer. The same register gives the same bytes: the workbook's dates are the last
document's date, not the clock, and the zip is packed with fixed timestamps.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from itertools import groupby

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

from cchc_docs.register.export import COLUMNS, cells
from cchc_docs.register.store import Row
from cchc_docs.render.zipdet import deterministic_zip
from cchc_docs.typeset import widths

FONT = "Times New Roman"
# Column widths in Excel's units (about 1.85 mm each): together the 267 mm of an A4 landscape
# page between 1.5 cm margins, so the page prints at full size; trích yếu and nơi nhận get the room.
WIDTHS = (12, 10, 38, 14, 22, 14, 6, 9, 9, 10)
MM_PER_WIDTH = 7 / 96 * 25.4  # one unit: the width of a digit of the default font, 7 pixels at 96 dpi
SIZE = 11  # pt
LINE_PT = SIZE * 1.25
HEADER_ROW = 4  # the column headings; their numbers (1)…(10) are on the next row
_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CM = 1 / 2.54  # openpyxl's margins are in inches


def workbook(rows: list[Row], body: str | None = None) -> bytes:
    """The register of ``rows`` (grouped by year, one sheet each) as xlsx bytes."""
    book = Workbook()
    book.remove(book.active)
    for year, of_year in groupby(sorted(rows, key=lambda r: (r.year, r.series, r.number)), key=lambda r: r.year):
        _sheet(book, year, list(of_year), body)
    if not book.worksheets:
        _sheet(book, None, [], body)
    stamp = max((e.date for e in rows), default=dt.date(2020, 1, 1))
    book.properties.created = book.properties.modified = dt.datetime(stamp.year, stamp.month, stamp.day)
    book.properties.creator = body or "cchc-docs"
    book.properties.title = "Sổ đăng ký văn bản đi"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # openpyxl's save_workbook less its "modified = now"
    return deterministic_zip(buffer.getvalue())


def _sheet(book: Workbook, year: int | None, rows: list[Row], body: str | None) -> None:
    sheet = book.create_sheet(f"Năm {year}" if year else "Sổ trống")
    last = get_column_letter(len(COLUMNS))
    _title(sheet, 1, "SỔ ĐĂNG KÝ VĂN BẢN ĐI", last, size=14)
    _title(sheet, 2, " – ".join(part for part in (body, f"Năm {year}" if year else None) if part), last, size=12)
    for col, (heading, width) in enumerate(zip(COLUMNS, WIDTHS, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
        _cell(sheet, HEADER_ROW, col, heading, bold=True, center=True)
        _cell(sheet, HEADER_ROW + 1, col, f"({col})", center=True, italic=True)
    _fit_height(sheet, HEADER_ROW, COLUMNS)
    for line, row in enumerate(rows, start=HEADER_ROW + 2):
        values = cells(row)
        for col, value in enumerate(values, start=1):
            _cell(sheet, line, col, value, center=col in (1, 2, 7, 8))
        _fit_height(sheet, line, values)
    _page(sheet)


def _fit_height(sheet, row: int, values) -> None:
    """A row as tall as its longest wrapped cell: spreadsheet programs do not measure rows on opening.

    Measured in Times New Roman Bold, a little wider than the regular face: never too short.
    """
    lines = max(len(widths.wrap(value, SIZE, width * MM_PER_WIDTH - 2) or [""])
                for value, width in zip(values, WIDTHS, strict=True))
    sheet.row_dimensions[row].height = round(lines * LINE_PT + 4, 1)


def _title(sheet, row: int, text: str, last: str, size: int) -> None:
    sheet.merge_cells(f"A{row}:{last}{row}")
    cell = sheet.cell(row=row, column=1, value=text)
    cell.font = Font(name=FONT, size=size, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center")


def _cell(sheet, row: int, col: int, value: str, bold: bool = False, italic: bool = False,
          center: bool = False) -> None:
    cell = sheet.cell(row=row, column=col, value=value)
    cell.font = Font(name=FONT, size=SIZE, bold=bold, italic=italic)
    cell.alignment = Alignment(horizontal="center" if center else "left", vertical="top", wrap_text=True)
    cell.border = _BOX


def _page(sheet) -> None:
    """A4 landscape, as wide as the page, headings on every page, page numbers at the bottom."""
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_LANDSCAPE
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    sheet.print_options.horizontalCentered = True
    margins = sheet.page_margins
    margins.left = margins.right = 1.5 * _CM
    margins.top = margins.bottom = 2 * _CM
    sheet.oddFooter.center.text = "Trang &P/&N"
    sheet.freeze_panes = f"A{HEADER_ROW + 2}"
