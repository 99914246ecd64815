"""The unit workbooks as a clerk opens them: sheets, locked and fillable cells, drop-downs, print setup, metadata."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import openpyxl
import pytest
from clerk import Q4

from cchc_docs.sheets import files, forms, layout
from cchc_docs.sheets.export import workbook_bytes


def _open(path):
    return openpyxl.load_workbook(path)


def test_every_unit_with_tasks_or_counts_gets_one_workbook_named_for_period_and_unit(books):
    assert sorted(books) == sorted(["VHXH", "VP", "KT", "TTPVHCC", "TTVHTTTT", "BBT", "MTTQ", "CAX"])
    assert books["VHXH"].name == "phieu-2025-q4-VHXH.xlsx"


def test_cover_names_plan_period_window_unit_and_return_deadline(books):
    cover = _open(books["TTPVHCC"])[layout.COVER_SHEET]
    text = "\n".join(str(c.value) for row in cover.iter_rows() for c in row if c.value)
    assert "Cải cách hành chính trên địa bàn xã Thượng Hồng 6 tháng cuối năm 2025" in text
    assert "quý IV năm 2025" in text
    assert "từ ngày 15/9/2025 đến ngày 14/12/2025" in text
    assert "Trung tâm Phục vụ hành chính công xã" in text
    assert "chậm nhất ngày 05/12/2025" in text  # 5 days before the report is due (10/12)
    assert "Quyết định số 39/QĐ-UBND ngày 31/7/2025" in text


def test_tasks_sheet_lists_led_and_coordinated_tasks_with_appendix_numbers(books):
    sheet = _open(books["TTVHTTTT"])[layout.TASKS_SHEET]
    header = [c.value for c in sheet[3]]
    assert header[:5] == ["STT", "Mã NV", "Nội dung nhiệm vụ", "Vai trò", "Thời hạn"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=4)]
    assert [(r[0], r[1], r[3]) for r in rows] == [("2", "T02", "chủ trì"), ("11", "T11", "phối hợp"),
                                                  ("30", "T30", "phối hợp")]


def test_task_finished_in_the_last_report_is_prefilled_as_finished(books):
    sheet = _open(books["VHXH"])[layout.TASKS_SHEET]
    t01 = next(row for row in sheet.iter_rows(min_row=4) if row[1].value == "T01")
    values = {sheet.cell(3, c.column).value: c.value for c in t01}
    assert values["Tình trạng đến kỳ trước"] == "hoàn thành (31/7/2025)"
    assert values["Trạng thái"] == "hoàn thành"
    assert values["Ngày hoàn thành"].date() == dt.date(2025, 7, 31)
    assert values["Văn bản, tài liệu kiểm chứng"] == "Quyết định số 39/QĐ-UBND ngày 31/7/2025"


def test_fixed_columns_are_locked_and_fill_columns_open(books):
    sheet = _open(books["VP"])[layout.TASKS_SHEET]
    assert sheet.protection.sheet and not sheet.protection.password
    row = {sheet.cell(3, c.column).value: c for c in sheet[4]}
    assert row["Nội dung nhiệm vụ"].protection.locked
    assert row["Mã NV"].protection.locked
    assert not row["Trạng thái"].protection.locked
    assert not row["Ghi chú"].protection.locked


def test_status_is_a_drop_down_and_completion_a_date_within_the_plan(books):
    sheet = _open(books["VP"])[layout.TASKS_SHEET]
    rules = {r.type: r for r in sheet.data_validations.dataValidation}
    assert rules["list"].formula1 == '"hoàn thành,đang thực hiện,chưa thực hiện"'
    assert str(rules["list"].sqref).startswith("G4:G")
    date = rules["date"]
    assert (date.operator, date.formula1, date.formula2) == ("between", "45839", "46022")  # 01/7 – 31/12/2025
    assert str(date.sqref).startswith("H4:H")


def test_header_frozen_a4_landscape_with_repeated_titles_and_readable_widths(books):
    sheet = _open(books["VHXH"])[layout.TASKS_SHEET]
    assert sheet.freeze_panes == "A4"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.print_title_rows == "$1:$3"
    assert sheet.column_dimensions["C"].width >= 40  # the task's content
    t07 = next(row for row in sheet.iter_rows(min_row=4) if row[1].value == "T07")
    assert sheet.row_dimensions[t07[0].row].height > 15  # a long content wraps onto more lines


def test_counts_only_for_their_owners_with_whole_number_validation(books):
    assert layout.INDICATORS_SHEET not in _open(books["KT"]).sheetnames
    sheet = _open(books["TTPVHCC"])[layout.INDICATORS_SHEET]
    keys = [c.value for c in sheet["B"] if c.value and "." in str(c.value)]
    assert "dossiers.received_online" in keys and "satisfaction.satisfied" in keys
    assert not any(k.startswith("staff.") for k in keys)
    (rule,) = sheet.data_validations.dataValidation
    assert (rule.type, rule.operator, rule.formula1) == ("whole", "greaterThanOrEqual", "0")


def test_metadata_is_very_hidden_sealed_and_named(books):
    book = _open(books["KT"])
    meta = next(s for s in book.worksheets if s.cell(1, 1).value == layout.META_MARK)
    assert meta.sheet_state == "veryHidden"
    values = {r[0]: "" if r[1] is None else r[1] for r in meta.iter_rows(min_row=2, values_only=True)}
    assert (values["plan"], values["period"], values["unit"]) == ("thuong-hong-2025-h2", "2025-Q4", "KT")
    sealed = dict(values)
    assert sealed.pop("seal") == forms.seal(sealed)
    assert len(values["tasks_sha256"]) == 64
    assert layout.META_NAME in book.defined_names


def test_same_inputs_same_bytes_with_dates_from_the_period(plan):
    at = files.plan_at(plan, Q4)
    form = at.forms()[0]
    first, second = workbook_bytes(form), workbook_bytes(form)
    assert first == second
    core = zipfile.ZipFile(io.BytesIO(first)).read("docProps/core.xml").decode()
    assert "2025-09-15T00:00:00Z" in core  # created and modified: the window's first day, not the clock


@pytest.mark.parametrize(("group", "owner"), [("dossiers", "TTPVHCC"), ("documents", "VP"), ("staff", "VHXH")])
def test_counts_belong_to_the_unit_leading_most_tasks_of_their_area(plan, group, owner):
    assert forms.indicator_owners(files.plan_at(plan, Q4).version)[group] == owner
