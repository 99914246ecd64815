"""`validate` and `build` check the numbers in the data against the register beside the plans."""

from __future__ import annotations

import datetime as dt

from click.testing import CliRunner
from helpers import TEMPLATES, write_plan
from register_support import DRAFT

from cchc_docs.cli import app
from cchc_docs.register import manage, schema
from cchc_docs.register.series import Reference


def run(*args: str):
    return CliRunner().invoke(app.main, list(args), prog_name="cchc-docs")


def numbered(number: str, date: str) -> str:
    """The draft with a number and a date typed in (line 14: the number, column 11: its value)."""
    return DRAFT.replace('  date: "2025-07"', f'  number: "{number}"\n  date: "{date}"')


def register_beside(folder, *rows):
    manage.init(folder / schema.FILE_NAME, "theo-loai")
    for number, day in rows:
        manage.add_external(folder / schema.FILE_NAME, manage.external_row(
            "QĐ-UBND", dt.date.fromisoformat(day), "quyết định khác", number))


def registered_plan(folder):
    """A plan whose decision is 01/QĐ-UBND of 31/7/2025, as typed in its data and entered in the register."""
    register_beside(folder)
    plan = write_plan(folder, numbered("01", "2025-07-31"))
    manage.add_from_data(plan, "quyet-dinh", dt.date(2025, 9, 15))
    return plan


def test_the_same_number_in_two_plans_of_a_year_is_an_error_at_both(tmp_path):
    register_beside(tmp_path)
    a = write_plan(tmp_path, numbered("07", "2025-07-31"), "a.yaml")
    b = write_plan(tmp_path, numbered("7", "2025-08-02"), "b.yaml")
    result = run("build", str(tmp_path), "-o", str(tmp_path / "out"), "--templates", str(TEMPLATES))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [  # after a warning for each: not in the register
        f"{a}:14:11: decision.number: số 07/QĐ-UBND năm 2025 đã dùng cho văn bản khác: {b}:14:11 (quyet-dinh) "
        "(cần mỗi số/ký hiệu chỉ dùng một lần trong năm)",
        f"{b}:14:11: decision.number: số 07/QĐ-UBND năm 2025 đã dùng cho văn bản khác: {a}:14:11 (quyet-dinh) "
        "(cần mỗi số/ký hiệu chỉ dùng một lần trong năm)",
    ]
    assert not (tmp_path / "out").exists()


def test_a_number_the_register_gave_to_another_document_is_an_error(tmp_path):
    register_beside(tmp_path, (7, "2025-07-30"))
    plan = write_plan(tmp_path, numbered("07", "2025-07-31"))
    result = run("validate", str(plan))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (f"{plan}:14:11: decision.number: số 07/QĐ-UBND năm 2025 trong sổ đăng ký đã dùng cho "
                             "văn bản ngoài chương trình: Quyết định quyết định khác (07/QĐ-UBND ngày 30/7/2025) "
                             "(cần mỗi số/ký hiệu chỉ dùng một lần trong năm)\n")


def test_a_date_that_disagrees_with_the_register_and_a_voided_number_are_errors(tmp_path):
    plan = registered_plan(tmp_path)
    plan.write_text(numbered("01", "2025-08-01"), encoding="utf-8")
    result = run("validate", str(plan))
    assert result.stderr == (f"{plan}:14:11: decision.number: ngày của văn bản số 01/QĐ-UBND khác ngày trong sổ đăng "
                             "ký (cần 31/7/2025, nhận được 01/8/2025)\n")
    plan.write_text(numbered("01", "2025-07-31"), encoding="utf-8")
    manage.void(tmp_path / schema.FILE_NAME, Reference(1, "QĐ-UBND"), 2025, "rút lại")  # takes it out of the data
    plan.write_text(numbered("01", "2025-07-31"), encoding="utf-8")  # the number typed back by hand
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert "số 01/QĐ-UBND đã bị hủy trong sổ đăng ký (rút lại); xóa số trong dữ liệu rồi cấp số mới" in result.stderr


def test_a_document_dated_before_the_number_before_it_is_a_warning_and_the_build_goes_on(tmp_path):
    register_beside(tmp_path, (1, "2025-08-01"), (2, "2025-08-12"))
    plan = write_plan(tmp_path, numbered("03", "2025-08-05"))
    result = run("build", str(plan), "-o", str(tmp_path / "out"), "--templates", str(TEMPLATES))
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[:2] == [
        f"{plan}:14:11: decision.number: cảnh báo: số 03/QĐ-UBND năm 2025 có trong dữ liệu nhưng chưa có trong sổ "
        f"đăng ký {tmp_path / schema.FILE_NAME}; vào sổ bằng: cchc-docs register add --plan {plan} --doc quyet-dinh",
        f"{plan}:14:11: decision.number: cảnh báo: ngày 05/8/2025 trước ngày của số trước trong sổ (02/QĐ-UBND ngày "
        "12/8/2025) (cần số văn bản theo thứ tự ngày ký)",
    ]
    assert (tmp_path / "out" / "plan" / "quyet-dinh.docx").is_file()


def test_files_that_are_not_plans_beside_the_register_are_passed_over(tmp_path):
    register_beside(tmp_path)
    (tmp_path / "ghi-chu.yaml").write_text("- một danh sách\n- không phải kế hoạch\n", encoding="utf-8")
    plan = write_plan(tmp_path, DRAFT)
    result = run("validate", str(plan))
    assert (result.exit_code, result.stderr) == (0, "")


def test_a_document_whose_number_was_changed_or_lost_in_the_data_is_an_error(tmp_path):
    plan = registered_plan(tmp_path)
    plan.write_text(numbered("02", "2025-07-31"), encoding="utf-8")
    result = run("validate", str(plan))
    assert (result.exit_code, result.stderr) == (1, f"{plan}:14:11: decision.number: số trong dữ liệu khác số sổ đăng "
                                                    "ký đã cấp cho văn bản này (cần 01/QĐ-UBND ngày 31/7/2025, nhận "
                                                    "được 02/QĐ-UBND năm 2025)\n")
    plan.write_text(DRAFT, encoding="utf-8")  # the number removed by hand
    result = run("validate", str(plan))
    assert (result.exit_code, result.stderr) == (1, f"{plan}:14:3: decision.number: sổ đăng ký đã cấp số 01/QĐ-UBND "
                                                    "ngày 31/7/2025 cho văn bản này nhưng dữ liệu không có số; ghi lại "
                                                    'number: "01", date: "2025-07-31", hoặc hủy số bằng cchc-docs '
                                                    "register void\n")
    # …and it is not numbered a second time.
    issued = run("issue", str(plan), "--doc", "quyet-dinh", "--date", "2025-08-01", "--templates", str(TEMPLATES),
                 "-o", str(tmp_path / "out"))
    assert issued.exit_code == 1
    assert "sổ đăng ký đã cấp số 01/QĐ-UBND ngày 31/7/2025 cho văn bản này" in issued.stderr
