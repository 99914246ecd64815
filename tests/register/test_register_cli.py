"""The register's commands as the clerk types them: issue, register init|list|add|void, and their messages."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3

import click
import openpyxl
import pytest
from click.testing import CliRunner
from helpers import TEMPLATES, open_docx, texts, write_plan
from register_support import DRAFT

from cchc_docs.cli import app
from cchc_docs.register import schema
from cchc_docs.register.export import COLUMNS


def run(*args: str):
    return CliRunner().invoke(app.main, list(args), prog_name="cchc-docs")


def issue(plan, date: str, *more: str):
    return run("issue", str(plan), "--doc", "quyet-dinh", "--date", date, "-o", str(plan.parent / "out"),
               "--templates", str(TEMPLATES), *more)


def register_of(plan) -> str:
    return str(plan.parent / schema.FILE_NAME)


def test_issue_says_what_it_numbered_and_made_then_that_there_is_nothing_to_do(draft):
    result = issue(draft, "2025-07-31", "--copies", "5")
    made = (draft.parent / "out" / "plan" / "quyet-dinh.docx").resolve()
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        f"đã cấp số 01/QĐ-UBND ngày 31/7/2025 cho {draft} › quyet-dinh; đã ghi vào dữ liệu và vào sổ "
        f"{register_of(draft)}",
        f"đã tạo {made}",
        f"Văn bản khác dẫn số này (Kế hoạch hợp nhất, báo cáo) được tạo lại bằng: cchc-docs build {draft}",
    ]
    again = issue(draft, "2025-08-01")
    assert (again.exit_code, again.stdout) == (
        0, f"{draft} › quyet-dinh: đã có số 01/QĐ-UBND ngày 31/7/2025 trong dữ liệu và trong sổ; không làm gì\n")


def test_issue_of_a_document_without_a_number_names_the_ones_with_one(draft):
    result = issue(draft, "2025-07-31", "--doc", "ke-hoach-hop-nhat")
    assert result.exit_code == 1
    assert "Kế hoạch hợp nhất không phải văn bản ban hành, không có số" in result.stderr
    result = run("issue", str(draft), "--doc", "bao-cao-2025-q9")
    assert (result.exit_code, result.stderr) == (1, f"{draft}: kế hoạch không có văn bản 'bao-cao-2025-q9' "
                                                    "(cần một trong: quyet-dinh)\n")


def test_register_list_prints_the_register_as_text_json_and_csv(draft, tmp_path):
    issue(draft, "2025-07-31", "--copies", "5")
    run("register", "add", "--register", str(tmp_path), "--symbol", "KH-UBND", "--date", "2025-08-02",
        "--summary", "tuyên truyền cải cách hành chính", "--signer", "Nguyễn Văn An")
    text = run("register", "list", "--register", str(tmp_path))
    assert text.stdout.splitlines() == [
        "01/KH-UBND   02/8/2025  Kế hoạch tuyên truyền cải cách hành chính — Nguyễn Văn An",
        "01/QĐ-UBND   31/7/2025  Quyết định ban hành Kế hoạch cải cách hành chính năm 2025 — Nguyễn Văn An",
    ]
    rows = json.loads(run("register", "list", "--register", str(tmp_path), "--format", "json").stdout)
    assert [(r["reference"], r["date"], r["plan"], r["document"], r["copies"]) for r in rows] == [
        ("01/KH-UBND", "2025-08-02", None, None, None), ("01/QĐ-UBND", "2025-07-31", "plan.yaml", "quyet-dinh", 5)]
    printed = run("register", "list", "--register", str(tmp_path), "--format", "csv").stdout
    table = list(csv.reader(io.StringIO(printed)))
    assert table[0] == list(COLUMNS)
    assert table[2][:7] == ["01/QĐ-UBND", "31/7/2025", "Quyết định ban hành Kế hoạch cải cách hành chính năm 2025",
                            "Nguyễn Văn An", "Như Điều 3; Sở Nội vụ", "VT, VHXH", "5"]


def test_the_xlsx_register_is_laid_out_as_phu_luc_iv_for_a4_landscape(draft, tmp_path):
    issue(draft, "2025-07-31", "--copies", "5")
    result = run("register", "list", "--register", str(tmp_path), "--format", "xlsx", "--year", "2025")
    target = tmp_path / "so-van-ban-di-2025.xlsx"
    assert (result.exit_code, result.stdout) == (0, f"đã tạo {target}\n")
    sheet = openpyxl.load_workbook(target)["Năm 2025"]
    assert [sheet.cell(1, 1).value, sheet.cell(2, 1).value] == ["SỔ ĐĂNG KÝ VĂN BẢN ĐI",
                                                                "Ủy ban nhân dân xã Thượng Hồng – Năm 2025"]
    assert [c.value for c in sheet[4]] == list(COLUMNS)
    assert [c.value for c in sheet[5]] == [f"({n})" for n in range(1, 11)]
    assert [c.value for c in sheet[6]][:3] == ["01/QĐ-UBND", "31/7/2025",
                                               "Quyết định ban hành Kế hoạch cải cách hành chính năm 2025"]
    assert (sheet.page_setup.orientation, sheet.page_setup.paperSize) == ("landscape", 9)  # A4
    assert sheet.print_title_rows == "$4:$5"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert sheet.column_dimensions["C"].width > 2 * sheet.column_dimensions["A"].width
    assert sheet.cell(6, 3).alignment.wrap_text and sheet.cell(6, 3).font.name == "Times New Roman"
    again = tmp_path / "lan-2.xlsx"
    run("register", "list", "--register", str(tmp_path), "--format", "xlsx", "--year", "2025", "-o", str(again))
    assert again.read_bytes() == target.read_bytes()  # the same register, the same bytes


def test_void_keeps_the_number_with_its_reason_and_frees_the_document_for_a_new_one(draft, tmp_path):
    issue(draft, "2025-07-31")
    result = run("register", "void", "01/QĐ-UBND", "--reason", "ký nhầm người ký", "--register", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["đã hủy số 01/QĐ-UBND ngày 31/7/2025: ký nhầm người ký",
                                          f"đã xóa số 01/QĐ-UBND khỏi dữ liệu {draft}; cấp số mới bằng cchc-docs issue"]
    assert "number:" not in draft.read_text(encoding="utf-8")
    assert issue(draft, "2025-08-01").exit_code == 0
    listed = run("register", "list", "--register", str(tmp_path)).stdout.splitlines()
    assert listed[0].endswith("Đã hủy số: ký nhầm người ký") and listed[1].startswith("02/QĐ-UBND   01/8/2025")
    again = run("register", "void", "01/QĐ-UBND", "--reason", "x", "--register", str(tmp_path))
    assert (again.exit_code, again.stderr) == (1, f"{tmp_path / schema.FILE_NAME}: số 01/QĐ-UBND ngày 31/7/2025 "
                                                  "đã hủy, không hủy được (ký nhầm người ký)\n")


def test_register_add_records_a_number_typed_in_the_data(tmp_path):
    plan = write_plan(tmp_path, DRAFT.replace('  date: "2025-07"', '  number: "39"\n  date: "2025-07-31"'))
    warned = run("validate", str(plan))
    assert warned.exit_code == 0
    assert f"{plan}:14:11: decision.number: cảnh báo: số 39/QĐ-UBND" not in warned.stderr  # no register yet
    run("register", "init", "--register", str(tmp_path))
    warned = run("validate", str(plan))
    assert warned.stderr.startswith(f"{plan}:14:11: decision.number: cảnh báo: số 39/QĐ-UBND năm 2025 có trong dữ "
                                    "liệu nhưng chưa có trong sổ đăng ký")
    assert f"cchc-docs register add --plan {plan} --doc quyet-dinh" in warned.stderr
    added = run("register", "add", "--plan", str(plan), "--doc", "quyet-dinh", "--copies", "3")
    assert (added.exit_code, added.stdout) == (0, "đã vào sổ 39/QĐ-UBND ngày 31/7/2025: Quyết định ban hành Kế "
                                                  "hoạch cải cách hành chính năm 2025\n")
    assert run("validate", str(plan)).stderr == ""


def test_register_add_without_what_it_needs_is_a_usage_error(tmp_path):
    result = run("register", "add", "--register", str(tmp_path), "--symbol", "KH-UBND")
    assert result.exit_code == 2
    assert "văn bản ngoài chương trình cần --symbol, --date và --summary" in result.stderr


def test_register_init_chooses_one_shared_series(tmp_path, draft):
    result = run("register", "init", "--series", "chung", "--register", str(tmp_path))
    assert result.stdout == f"{tmp_path / schema.FILE_NAME}: sổ đăng ký văn bản đi, đánh số chung một dãy số cho mọi " \
                            "loại văn bản\n"
    run("register", "add", "--register", str(tmp_path), "--symbol", "BC-UBND", "--date", "2025-07-30",
        "--summary", "báo cáo")
    assert issue(draft, "2025-07-31").stdout.startswith("đã cấp số 02/QĐ-UBND")


def test_a_locked_register_is_a_vietnamese_message_and_exit_1(draft, monkeypatch):
    issue(draft, "2025-07-31")
    monkeypatch.setattr(schema, "BUSY_TIMEOUT", 0.2)
    with contextlib.closing(sqlite3.connect(register_of(draft), isolation_level=None)) as other:
        other.execute("BEGIN EXCLUSIVE")
        result = run("register", "list", "--register", register_of(draft))
        other.execute("ROLLBACK")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"{register_of(draft)}: sổ đăng ký đang bị một chương trình khác khóa (đang ghi) quá "
                             "0.2 giây; thử lại sau khi chương trình đó xong\n")


@pytest.mark.parametrize("command", [["register", "list"], ["issue"]])
def test_a_corrupt_register_is_a_vietnamese_message_and_exit_1(draft, command):
    (draft.parent / schema.FILE_NAME).write_bytes(b"day khong phai so dang ky" * 100)
    args = [*command, "--register", register_of(draft)] + ([str(draft), "--doc", "quyet-dinh"] if command == ["issue"]
                                                            else [])
    result = run(*args)
    assert result.exit_code == 1
    assert result.stderr == (f"{register_of(draft)}: tệp không phải sổ đăng ký hợp lệ (không phải tệp SQLite, hoặc "
                             "đã hỏng); hãy khôi phục từ bản sao lưu\n")
    assert draft.read_text(encoding="utf-8") == DRAFT


def test_every_register_command_speaks_vietnamese():
    group = app.main.commands["register"]
    for command in [app.main.commands["issue"], group, *group.commands.values()]:
        ctx = click.Context(command, info_name=command.name)
        assert any(ch in "ăâđêôơư" for ch in command.help.lower()), command.name
        for param in command.get_params(ctx):
            if isinstance(param, click.Option) and param.help:
                assert any(ch in "ăâđêôơưàáạảãèéẹẻẽìíịỉĩòóọỏõùúụủũỳýỵỷỹ" for ch in param.help.lower()), param.opts


def test_the_issued_document_is_the_one_build_makes(draft):
    issue(draft, "2025-07-31")
    issued = draft.parent / "out" / "plan" / "quyet-dinh.docx"
    data = issued.read_bytes()
    result = run("build", str(draft), "-o", str(draft.parent / "out"), "--templates", str(TEMPLATES))
    assert result.exit_code == 0, result.output
    assert issued.read_bytes() == data
    assert "Số: 01/QĐ-UBND" in texts(open_docx(issued))
