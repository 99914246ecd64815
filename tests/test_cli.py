"""Tests for cchc_docs.cli: messages, exit codes and help, through click's CliRunner."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner
from conftest import MINIMAL_PLAN, TEMPLATES, edited, open_docx, texts, write_plan

from cchc_docs import __version__, cli

VIETNAMESE_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def run(*args: str):
    return CliRunner().invoke(cli.main, list(args))


def is_vietnamese(text: str | None) -> bool:
    return bool(text) and any(ch in VIETNAMESE_LETTERS for ch in text.lower())


def test_version_prints_the_package_version():
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"cchc-docs {__version__}\n"


def test_validate_ok_prints_the_counts_and_exits_zero(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    result = run("validate", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{plan}: hợp lệ (1 nhiệm vụ; 1 chỉ tiêu)\n",
        "",
    )


def test_validate_broken_file_prints_every_located_problem_on_stderr(tmp_path):
    text = edited(MINIMAL_PLAN, 'date: "2025-07-31"', 'date: "2025-02-30"')
    text = edited(text, "archive: [VHXH]", "archive: [VHX]")
    plan = write_plan(tmp_path, text)
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"{plan}:14:9: decision.date: ngày không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày "
        "(cần ngày từ 01 đến 28, nhận được '2025-02-30')\n"
        f"{plan}:28:13: decision.archive[0]: không có đơn vị mã 'VHX' trong danh sách units "
        "(cần một mã trong units: VHXH, VP, nhận được 'VHX'); có phải ý bạn là 'VHXH'?\n"
    )


def test_validate_missing_file_exits_one_with_a_vietnamese_message(tmp_path):
    result = run("validate", str(tmp_path / "khong-co.yaml"))
    assert result.exit_code == 1
    assert result.stderr == f"{tmp_path / 'khong-co.yaml'}: không tìm thấy tệp\n"


def test_build_exits_zero_and_says_what_it_made(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    out = tmp_path / "out"
    result = run("build", str(plan), "--out", str(out), "--templates", str(TEMPLATES))
    made = out / "plan" / "quyet-dinh.docx"
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"đã tạo {made}\n1 đã tạo, 0 không đổi\n", "")
    assert made.is_file()


def test_build_date_option_fills_the_month_of_an_undated_draft(tmp_path):
    plan = write_plan(tmp_path, edited(MINIMAL_PLAN, '  date: "2025-07-31"\n', ""))
    result = run("build", str(plan), "-o", str(tmp_path / "out"), "--date", "2025-11-03")
    assert result.exit_code == 0
    assert "Thượng Hồng, ngày      tháng 11 năm 2025" in texts(open_docx(tmp_path / "out" / "plan" / "quyet-dinh.docx"))


def test_build_with_bad_date_option_is_a_usage_error_in_vietnamese(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    result = run("build", str(plan), "--date", "31/12/2025")
    assert result.exit_code == 2
    assert "cần ngày dạng YYYY-MM-DD, nhận được '31/12/2025'" in result.stderr


def test_build_data_error_exits_one_and_writes_nothing(tmp_path):
    plan = write_plan(tmp_path, edited(MINIMAL_PLAN, "lead: VHXH", "lead: VHHX"))
    result = run("build", str(plan), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{plan}:58:13: plan.tasks[0].lead: ")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args", [["build"], ["frobnicate"], ["validate", "a.yaml", "b.yaml"], ["--khong-co"]])
def test_usage_errors_exit_two(args):
    result = run(*args)
    assert result.exit_code == 2
    assert "Usage:" in result.stderr


def test_every_help_text_is_vietnamese():
    commands = [cli.main, *cli.main.commands.values()]
    seen = []
    for command in commands:
        ctx = click.Context(command, info_name=command.name)
        assert is_vietnamese(command.help), command.name
        for param in command.get_params(ctx):
            if isinstance(param, click.Option):
                seen += param.opts
                assert is_vietnamese(param.help), f"{command.name} {param.opts}: {param.help!r}"
    assert "--help" in seen and "--version" in seen


def test_help_output_shows_the_vietnamese_descriptions():
    result = run("build", "--help")
    assert result.exit_code == 0
    assert "Sinh mọi văn bản của các kế hoạch: Quyết định" in result.stdout
    assert "Show this message" not in result.stdout


@pytest.fixture
def broken_validate(monkeypatch):
    """Make validation crash the way a bug in cchc-docs would."""

    def crash(_source):
        raise RuntimeError("lỗi giả lập")

    from cchc_docs import validate

    monkeypatch.setattr(validate, "validate_versions", crash)


def test_unexpected_exception_is_an_internal_error_without_traceback(broken_validate, tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert result.stderr.startswith("Lỗi nội bộ của cchc-docs")
    assert "Traceback" not in result.stderr
    assert "RuntimeError" not in result.stderr


def test_debug_shows_the_traceback_of_an_internal_error(broken_validate, tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    result = run("--debug", "validate", str(plan))
    assert result.exit_code == 1
    assert "Traceback" in result.stderr
    assert "RuntimeError: lỗi giả lập" in result.stderr
    assert "Lỗi nội bộ của cchc-docs" in result.stderr


def test_project_errors_are_printed_without_traceback_even_in_debug(tmp_path):
    result = run("--debug", "validate", str(tmp_path / "khong-co.yaml"))
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr


def test_validate_also_checks_the_status_files_beside_the_plan(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    folder = tmp_path / "plan" / "bao-cao"
    folder.mkdir(parents=True)
    (folder / "2025-Q3.yaml").write_text("period: 2025-Q3\nreport: {date: \"2025-09-08\", recipients: [Sở Nội vụ]}\n"
                                         "tasks:\n  - {id: T09, status: hoàn thành}\n", encoding="utf-8")
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert "2025-Q3.yaml:4:" in result.stderr and "T09" in result.stderr
