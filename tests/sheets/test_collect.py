"""Collecting returned workbooks: what people really send back, and every way it can be wrong.

Each test starts from the quý IV workbooks of the sample plan (with only its quý III report),
changes what a clerk would change with openpyxl, collects, and reads the status file or the
located messages.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import openpyxl
import pytest
from clerk import Q4, SAMPLE_STATUS, fill, fill_like_sample, leads_of, sample_q4

from cchc_docs.errors import DataError, SourceError
from cchc_docs.model import source
from cchc_docs.model.periods import parse
from cchc_docs.sheets import files, forms, layout
from cchc_docs.sheets.files import HandEditedError


def _collect(plan, paths, **options):
    return files.collect_into(files.plan_at(plan, Q4), list(paths), **options)


def _tasks(plan) -> dict:
    tree = source.load(files.plan_at(plan, Q4).status_path).tree
    return {t["id"]: t for t in tree["tasks"]}


def _problems(plan, paths) -> list[str]:
    with pytest.raises(DataError) as caught:
        _collect(plan, paths)
    return [str(p) for p in caught.value.problems]


def _cell(path, task: str, header: str) -> str:
    sheet = next(s for s in openpyxl.load_workbook(path).worksheets if s.cell(3, 2).value == "Mã NV")
    column = next(c.column_letter for c in sheet[3] if c.value == header)
    row = next(c.row for c in sheet["B"] if c.value == task)
    return f"{path.name} › {sheet.title} › ô {column}{row}"


# ---------------------------------------------------------------- what the status file gets


def test_workbooks_filled_like_the_sample_give_the_samples_tasks_and_counts(plan, books):
    fill_like_sample(books, leads_of(plan))
    outcome = _collect(plan, books.values())
    assert outcome.status == "created" and not outcome.collected.missing
    tree = source.load(outcome.path).tree
    sample = sample_q4()
    assert tree["tasks"] == sample["tasks"]
    assert tree["indicators"] == sample["indicators"]
    assert tree["report"]["date"] == "2025-12"  # a draft dated the month the report is due


@pytest.mark.parametrize("written",
                         ["15/10/2025", "15-10-2025", "15/10/2025 14:20", 45945, dt.datetime(2025, 10, 15, 9)])
def test_dates_as_text_serial_numbers_and_datetimes(plan, books, written):
    fill(books["VHXH"], {"T04": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": written}})
    _collect(plan, [books["VHXH"]])
    assert _tasks(plan)["T04"]["completed"] == "2025-10-15"


def test_a_date_that_does_not_exist_is_located_at_its_cell(plan, books):
    fill(books["VHXH"], {"T04": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "31/02/2025"}})
    where = _cell(books["VHXH"], "T04", "Ngày hoàn thành")
    assert _problems(plan, [books["VHXH"]]) == [f"{where}: ngày hoàn thành 31/02/2025 không có thật"]


@pytest.mark.parametrize("written", ["hoàn thành", "Hoàn Thành", "xong", "  HOÀN THÀNH  "])
def test_typed_statuses_and_trailing_spaces(plan, books, written):
    fill(books["VHXH"], {"T04": {"Trạng thái": written, "Ngày hoàn thành": "20/10/2025",
                                 "Kết quả, sản phẩm": "Đã tự chấm điểm   "}})
    _collect(plan, [books["VHXH"]])
    assert _tasks(plan)["T04"] == {"id": "T04", "status": "hoàn thành", "completed": "2025-10-20",
                                   "result": "Đã tự chấm điểm"}


def test_an_unknown_status_is_located_with_a_suggestion(plan, books):
    fill(books["VHXH"], {"T04": {"Trạng thái": "hoan thàn"}})
    (message,) = _problems(plan, [books["VHXH"]])
    assert message.startswith(f"{_cell(books['VHXH'], 'T04', 'Trạng thái')}: trạng thái 'hoan thàn' không hợp lệ")
    assert "có phải ý bạn là 'hoàn thành'?" in message


def test_a_merged_cell_gives_its_value_to_every_row_it_covers(plan, books):
    book = openpyxl.load_workbook(books["KT"])
    sheet = book[layout.TASKS_SHEET]
    rows = [c.row for c in sheet["B"] if c.value in ("T32", "T33", "T34")]
    sheet.cell(rows[0], 7).value = "chưa thực hiện"
    sheet.merge_cells(start_row=rows[0], start_column=7, end_row=rows[-1], end_column=7)
    book.save(books["KT"])
    _collect(plan, [books["KT"]])
    assert {t: _tasks(plan)[t]["status"] for t in ("T32", "T33", "T34")} == dict.fromkeys(
        ("T32", "T33", "T34"), "chưa thực hiện")


def test_rows_added_below_the_table_are_left_alone(plan, books):
    book = openpyxl.load_workbook(books["MTTQ"])
    sheet = book[layout.TASKS_SHEET]
    sheet.append([])
    sheet.append(["", "", "Người lập biểu: Nguyễn Văn An"])
    sheet.append(["Tổng cộng", "", "1 nhiệm vụ"])
    book.save(books["MTTQ"])
    assert _collect(plan, [books["MTTQ"]]).collected.units == ["MTTQ"]


def test_a_status_on_a_row_without_task_id_is_an_error(plan, books):
    book = openpyxl.load_workbook(books["MTTQ"])
    sheet = book[layout.TASKS_SHEET]
    sheet.append(["", "", "Tổ chức hội nghị đối thoại", "", "", "", "hoàn thành"])
    book.save(books["MTTQ"])
    (message,) = _problems(plan, [books["MTTQ"]])
    assert message == (f"{books['MTTQ'].name} › Nhiệm vụ › ô G{sheet.max_row}: dòng có trạng thái nhưng không có mã "
                       "nhiệm vụ; nhiệm vụ mới phải được bổ sung vào Kế hoạch, không thêm dòng vào phiếu")


def test_columns_moved_and_sheets_renamed_are_found_by_their_headers(plan, books):
    fill(books["TTPVHCC"], {"T13": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "05/11/2025",
                                    "Ghi chú": "đã báo cáo UBND xã"}},
         {"feedback.received": 2, "feedback.resolved": 2})
    book = openpyxl.load_workbook(books["TTPVHCC"])
    tasks, counts = book[layout.TASKS_SHEET], book[layout.INDICATORS_SHEET]
    tasks.insert_cols(1)  # every column moves one to the right
    for row in range(3, tasks.max_row + 1):  # and "Ghi chú" swaps places with "Kết quả, sản phẩm"
        result, note = tasks.cell(row, 10), tasks.cell(row, 12)
        result.value, note.value = note.value, result.value
    tasks.title, counts.title = "Sheet1", "SL"
    book.save(books["TTPVHCC"])
    outcome = _collect(plan, [books["TTPVHCC"]])
    assert _tasks(plan)["T13"]["completed"] == "2025-11-05"
    assert outcome.collected.notes == {"T13": ["TTPVHCC: đã báo cáo UBND xã"]}
    assert source.load(outcome.path).tree["indicators"]["feedback"] == {"received": "2", "resolved": "2"}
    assert "# ghi chú TTPVHCC: đã báo cáo UBND xã" in outcome.path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- files that are no workbook of ours


def test_an_xls_file_gets_the_command_that_converts_it(plan, tmp_path):
    old = tmp_path / "phieu-VHXH.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "Workbook".encode("utf-16-le") + bytes(500))
    with pytest.raises(SourceError, match=r"phieu-VHXH.xls: là bảng tính .xls \(Excel 97-2003\).*"
                                          r"soffice --headless --convert-to xlsx --outdir THƯ-MỤC phieu-VHXH.xls"):
        _collect(plan, [old])


def test_an_ods_file_gets_the_command_that_converts_it(plan, tmp_path):
    ods = tmp_path / "phieu VHXH.ods"
    with zipfile.ZipFile(ods, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(SourceError, match=r"là bảng tính .ods .*--convert-to xlsx --outdir THƯ-MỤC \"phieu VHXH.ods\""):
        _collect(plan, [ods])


def test_a_workbook_not_made_by_cchc_docs_is_refused(plan, tmp_path):
    foreign = tmp_path / "tu-lam.xlsx"
    openpyxl.Workbook().save(foreign)
    problems = _problems(plan, [foreign])
    assert problems[0].startswith("tu-lam.xlsx:1:1: không có dữ liệu nhận diện phiếu")


# ---------------------------------------------------------------- the wrong workbook


def test_a_workbook_of_another_period_is_recognised(plan, tmp_path):
    (q3,) = [p for p in files.write_workbooks(files.plan_at(plan, parse("2025-Q3")), tmp_path / "q3")
             if p.name.endswith("-VP.xlsx")]
    (message,) = _problems(plan, [q3])
    assert message == (f"{q3.name} › _cchc › ô A1: phiếu lập cho kỳ báo cáo khác "
                       "(cần '2025-Q4', nhận được '2025-Q3')")


def test_a_workbook_of_another_plan_is_recognised(plan, books):
    other = plan.with_name("kehoach-khac.yaml")
    shutil.copy(plan, other)
    (message,) = _problems(other, [books["VP"]])
    assert "phiếu lập cho kế hoạch khác (cần 'kehoach-khac', nhận được 'thuong-hong-2025-h2')" in message


def test_an_outdated_task_list_is_recognised(plan, books):
    text = plan.read_text(encoding="utf-8")
    t10 = 'lead: VP\n      partners_other: Các cơ quan, đơn vị có liên quan\n      deadline: "2025-11"'
    plan.write_text(text.replace(t10, t10.replace("2025-11", "2025-12")), encoding="utf-8")
    assert plan.read_text(encoding="utf-8") != text
    (message,) = _problems(plan, [books["VP"]])
    assert "danh mục nhiệm vụ trong phiếu của VP khác kế hoạch hiện hành" in message
    assert _collect(plan, [books["MTTQ"]]).collected.units == ["MTTQ"]  # MTTQ's tasks did not change


def _edit_meta(path, key: str, value: str, reseal: bool) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book[layout.META_SHEET]
    rows = {sheet.cell(r, 1).value: r for r in range(2, sheet.max_row + 1)}
    sheet.cell(rows[key], 2).value = value
    if reseal:
        meta = {sheet.cell(r, 1).value: str(sheet.cell(r, 2).value or "") for r in rows.values()}
        meta.pop("seal")
        sheet.cell(rows["seal"], 2).value = forms.seal(meta)
    book.save(path)


def test_an_edited_hidden_sheet_breaks_the_seal(plan, books):
    _edit_meta(books["BBT"], "unit", "VHXH", reseal=False)
    (message,) = _problems(plan, [books["BBT"]])
    assert "dữ liệu nhận diện của phiếu đã bị sửa" in message


def test_a_workbook_for_a_unit_without_tasks_is_recognised(plan, books):
    _edit_meta(books["BBT"], "unit", "XYZ", reseal=True)
    (message,) = _problems(plan, [books["BBT"]])
    assert "phiếu của đơn vị không có nhiệm vụ, số liệu nào trong kế hoạch (nhận được 'XYZ')" in message


def test_two_workbooks_of_one_unit_are_refused(plan, books, tmp_path):
    copy = tmp_path / "ban-sao.xlsx"
    shutil.copy(books["CAX"], copy)
    (message,) = _problems(plan, [books["CAX"], copy])
    assert "hai phiếu của cùng đơn vị CAX" in message and books["CAX"].name in message


# ---------------------------------------------------------------- rules across units and reports


def test_two_units_reporting_different_statuses_for_a_shared_task_is_a_conflict_naming_both(plan, books):
    fill(books["TTVHTTTT"], {"T02": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "22/09/2025"}})
    fill(books["VHXH"], {"T02": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "30/09/2025"}})
    (message,) = _problems(plan, [books["VHXH"], books["TTVHTTTT"]])
    lead, partner = _cell(books["TTVHTTTT"], "T02", "Trạng thái"), _cell(books["VHXH"], "T02", "Trạng thái")
    assert message.startswith(f"{lead}: nhiệm vụ T02: các đơn vị báo trạng thái khác nhau")
    assert f"{lead}: 'hoàn thành' (2025-09-22)" in message and f"{partner}: 'hoàn thành' (2025-09-30)" in message


def test_a_partner_that_left_the_last_status_does_not_contradict_the_lead(plan, books):
    fill(books["TTVHTTTT"], {"T02": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "22/09/2025"}})
    _collect(plan, [books["VHXH"], books["TTVHTTTT"], books["BBT"]])
    assert _tasks(plan)["T02"]["completed"] == "2025-09-22"


def test_a_task_finished_in_an_earlier_report_stays_finished(plan, books):
    fill(books["VHXH"], {"T01": {"Trạng thái": "đang thực hiện", "Ngày hoàn thành": None}})
    (message,) = _problems(plan, [books["VHXH"]])
    assert message.startswith(f"{_cell(books['VHXH'], 'T01', 'Trạng thái')}: nhiệm vụ T01: nhiệm vụ T01 đã hoàn thành "
                              "ở kỳ trước nhưng kỳ này không ghi hoàn thành")


def test_status_rules_are_the_yaml_rules_located_at_cells(plan, books):
    fill(books["VHXH"], {"T04": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "20/12/2025"},
                         "T06": {"Trạng thái": "đang thực hiện", "Ngày hoàn thành": "01/10/2025"}})
    problems = _problems(plan, [books["VHXH"]])
    assert problems == [
        f"{_cell(books['VHXH'], 'T04', 'Ngày hoàn thành')}: nhiệm vụ T04: ngày hoàn thành sau ngày chốt số liệu của "
        "kỳ (cần không sau 14/12/2025, nhận được '2025-12-20'); ghi nhiệm vụ là 'đang thực hiện' kỳ này và "
        "'hoàn thành' ở báo cáo kỳ sau",
        f"{_cell(books['VHXH'], 'T06', 'Ngày hoàn thành')}: nhiệm vụ T06: chỉ ghi ngày hoàn thành khi status là "
        "'hoàn thành' (nhận được '2025-10-01'); status hiện là 'đang thực hiện'",
    ]


def test_counts_are_checked_at_their_cells(plan, books):
    fill(books["TTPVHCC"], counts={"satisfaction.evaluations": 100, "satisfaction.satisfied": 120,
                                   "feedback.received": 96.5})
    problems = "\n".join(_problems(plan, [books["TTPVHCC"]]))
    assert "› Số liệu › ô E" in problems
    assert "số liệu satisfaction.satisfied: số lượt hài lòng (120) lớn hơn số lượt đánh giá (100)" in problems
    assert "số liệu feedback.received: không phải một số nguyên" in problems
    assert "số liệu feedback.resolved: ô bắt buộc còn trống" in problems


def test_units_that_did_not_return_keep_the_last_reports_statuses(plan, books):
    outcome = _collect(plan, [books["MTTQ"]])
    assert outcome.collected.missing == ["VHXH", "VP", "KT", "TTPVHCC", "TTVHTTTT", "BBT", "CAX"]
    assert _tasks(plan)["T01"]["status"] == "hoàn thành"  # finished in quý III, VHXH sent nothing


# ---------------------------------------------------------------- the status file people also edit


def test_a_hand_written_status_file_is_not_overwritten_without_force(plan, books):
    fill_like_sample(books, leads_of(plan))
    fill(books["KT"], {"T31": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "01/12/2025"}})
    written = files.plan_at(plan, Q4).status_path
    shutil.copy(SAMPLE_STATUS / "2025-Q4.yaml", written)
    before = written.read_bytes()
    with pytest.raises(HandEditedError) as caught:
        _collect(plan, books.values())
    assert caught.value.exit_code == 4
    assert caught.value.changes == ["tasks[T31].status: 'đang thực hiện' → 'hoàn thành'",
                                    "tasks[T31].completed: (không có) → '2025-12-01'"]
    assert "tasks[T31].status: 'đang thực hiện' → 'hoàn thành'" in str(caught.value)
    assert written.read_bytes() == before
    outcome = _collect(plan, books.values(), force=True)
    text = written.read_text(encoding="utf-8")
    assert outcome.status == "updated"
    assert "Đề nghị Ủy ban nhân dân thành phố sớm phê duyệt phương án" in text  # the narrative stays
    assert "# Bản dự thảo: chưa có số, ngày ký ghi tháng." in text  # and the comments outside tasks
    assert _tasks(plan)["T31"]["status"] == "hoàn thành"


def test_a_file_collect_wrote_is_updated_again_without_force(plan, books):
    _collect(plan, books.values())
    fill(books["KT"], {"T31": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "01/12/2025"}})
    outcome = _collect(plan, books.values())
    assert outcome.status == "updated"
    assert outcome.changes == ["tasks[T31].status: 'đang thực hiện' → 'hoàn thành'",
                               "tasks[T31].completed: (không có) → '2025-12-01'"]
    assert _collect(plan, books.values()).status == "unchanged"


def test_narrative_written_after_collecting_survives_the_next_collect_without_force(plan, books):
    outcome = _collect(plan, books.values())
    path = outcome.path
    path.write_text(path.read_text(encoding="utf-8") + "narrative:\n  strengths:\n    - Hoàn thành tốt.\n",
                    encoding="utf-8")
    fill(books["KT"], {"T31": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "01/12/2025"}})
    with pytest.raises(HandEditedError):
        _collect(plan, books.values())
    _collect(plan, books.values(), force=True)
    assert source.load(path).tree["narrative"] == {"strengths": ["Hoàn thành tốt."]}
