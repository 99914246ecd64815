"""Tests for the cchc-docs command line: messages, exit codes and help, through click's CliRunner."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from helpers import MINIMAL_PLAN, TEMPLATES, edited, open_docx, texts, write_plan

from cchc_docs import __version__
from cchc_docs.cli import app as cli
from cchc_docs.pipeline import batch

VIETNAMESE_LETTERS = set("àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ")


def run(*args: str):
    return CliRunner().invoke(cli.main, list(args), prog_name="cchc-docs")


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
    assert "Cách dùng: cchc-docs" in result.stderr


def test_every_help_text_is_vietnamese():
    commands = [cli.main, *cli.main.commands.values()]
    seen = []
    for command in commands:
        ctx = click.Context(command, info_name=command.name, **command.context_settings)
        assert is_vietnamese(command.help), command.name
        for param in command.get_params(ctx):
            if isinstance(param, click.Option):
                seen += param.opts
                assert is_vietnamese(param.help), f"{command.name} {param.opts}: {param.help!r}"
    assert {"-h", "--help", "--version"} <= set(seen)


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

    from cchc_docs.model import validate

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
    assert "2025-Q3.yaml:4:" in result.stderr
    assert "T09" in result.stderr


# --- click's own words, in Vietnamese ------------------------------------------------------------

# What click writes in English when nothing translates it.
ENGLISH = re.compile(r"\b(?:Usage|Options|Commands|Error|Missing|Invalid|default|required|Show this message"
                     r"|Did you mean|No such|Try|Got unexpected|requires|Aborted|is not|does not exist"
                     r"|OPTIONS|COMMAND|ARGS|TEXT|INTEGER|FLOAT|PATH|DIRECTORY|FILE|FILES|PLAN|OUT)\b")
# The one spelling of each thing the user names (see cli/common.py).
METAVARS = {"KẾ-HOẠCH", "THƯ-MỤC", "TỆP-DOCX", "TỆP", "KỲ", "TỆP-SỐ-LIỆU", "YYYY-MM-DD", "SỐ", "GIÂY", "TRANG",
            "TỆP-XLSX", "VĂN-BẢN", "SỔ",  # VĂN-BẢN, SỔ: cli/register.py
            "ĐỊA-CHỈ", "TỆP-CẤU-HÌNH"}  # cli/web.py


def assert_vietnamese(text: str) -> None:
    assert ENGLISH.search(text) is None, text
    assert is_vietnamese(text)


@pytest.mark.parametrize("args", [["--help"], ["-h"], *([name, "--help"] for name in sorted(cli.main.commands)),
                                  *([name, "-h"] for name in sorted(cli.main.commands))])
def test_help_pages_are_wholly_vietnamese(args):
    result = run(*args)
    assert result.exit_code == 0
    assert_vietnamese(result.stdout)
    assert result.stdout.startswith(f"Cách dùng: cchc-docs {' '.join(args[:-1])}".rstrip() + " [TÙY-CHỌN]")
    assert "Tùy chọn:" in result.stdout
    assert "  -h, --help " in result.stdout
    assert "In hướng dẫn này và thoát." in result.stdout


def test_top_help_lists_the_commands_under_a_vietnamese_heading():
    assert "Cách dùng: cchc-docs [TÙY-CHỌN] LỆNH [ĐỐI-SỐ]...\n" in run("--help").stdout
    assert "\nLệnh:\n  build " in run("--help").stdout


def test_help_shows_defaults_and_required_options_in_vietnamese():
    assert "[mặc định: out]" in run("build", "--help").stdout
    assert "[bắt buộc]" in run("report", "--help").stdout


@pytest.mark.parametrize(("args", "message"), [
    (["buid"], "Lỗi: Không có lệnh 'buid'. Có phải ý bạn là 'build'?"),
    (["report"], "Lỗi: Thiếu đối số 'KẾ-HOẠCH'."),
    (["report", "a.yaml"], "Lỗi: Thiếu tùy chọn '--period' / '-p'."),
    (["build"], "Lỗi: Thiếu đối số 'KẾ-HOẠCH|THƯ-MỤC...'."),
    (["preview"], "Lỗi: Thiếu đối số 'TỆP'."),
    (["build", "--jobs", "x", "a.yaml"],
     "Lỗi: Giá trị không hợp lệ cho '-j' / '--jobs': 'x' không phải là số nguyên hợp lệ."),
    (["build", "--jobs", "0", "a.yaml"], "Lỗi: Giá trị không hợp lệ cho '-j' / '--jobs': 0 nằm ngoài khoảng 1<=x<=64."),
    (["pdf", "--timeout", "nhanh", "a.docx"], "'nhanh' không phải là số hợp lệ."),
    (["build", "--jbos", "2", "a.yaml"], "Lỗi: Không có tùy chọn '--jbos'. Có phải ý bạn là '--jobs'?"),
    (["--khong-co"], "Lỗi: Không có tùy chọn '--khong-co'."),
    (["build", "-o"], "Lỗi: Tùy chọn '-o' cần một giá trị."),
    (["validate", "a.yaml", "b.yaml"], "Lỗi: Thừa đối số (b.yaml)"),
    (["pdf", "khong-co.docx"], "Lỗi: Giá trị không hợp lệ cho 'TỆP-DOCX...': Tệp 'khong-co.docx' không tồn tại."),
    (["build", "--templates", "khong-co", "a.yaml"], "Thư mục 'khong-co' không tồn tại."),
    (["check", "--format", "xml"],
     "Lỗi: Giá trị không hợp lệ cho '--format': 'xml' không phải là một trong 'text', 'json'."),
    (["check"], "Lỗi: cần ít nhất một TỆP-DOCX (hoặc --list-rules)"),
])
def test_usage_errors_are_wholly_vietnamese_and_exit_two(args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert_vietnamese(result.stderr)


def test_a_usage_error_says_how_to_get_help():
    result = run("report")
    assert result.stderr.startswith("Cách dùng: cchc-docs report [TÙY-CHỌN] KẾ-HOẠCH\n"
                                    "Chạy 'cchc-docs report --help' để xem hướng dẫn.\n")


def test_an_interrupted_command_says_it_was_cancelled(monkeypatch, tmp_path):
    def interrupt(_targets):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch, "discover", interrupt)
    result = run("build", str(tmp_path), "-o", str(tmp_path / "out"))
    assert (result.exit_code, result.stderr.strip()) == (1, "Đã hủy!")


def test_every_argument_and_option_value_has_one_of_the_chosen_vietnamese_names():
    for command in cli.main.commands.values():
        for param in command.params:
            if getattr(param, "is_flag", False) or isinstance(param.type, click.Choice):
                continue
            names = set(re.split(r"[|\[\]]|\.\.\.", param.metavar or "")) - {""}
            assert names, f"{command.name} {param.name}: no metavar"
            assert names <= METAVARS, f"{command.name} {param.name}: {param.metavar!r}"


# --- stderr on its own: every line names its file ------------------------------------------------

def test_build_warnings_and_errors_on_stderr_each_name_their_document_or_plan(tmp_path):
    plans, out = tmp_path / "plans", tmp_path / "out"
    plans.mkdir()
    write_plan(plans, edited(MINIMAL_PLAN, "name: Nguyễn Văn An", 'name: "[Họ] Văn An"'), "xa-a.yaml")
    write_plan(plans, edited(MINIMAL_PLAN, "lead: VHXH", "lead: VHHX"), "xa-b.yaml")
    result = run("build", str(plans), "-o", str(out), "-j", "1")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"{out / 'xa-a' / 'quyet-dinh.docx'}: [cảnh báo] ND30-PLACEHOLDER · " in lines[0]
    assert "“[Họ] Văn An”: Còn chữ giữ chỗ" in lines[0]
    assert any(line.startswith(f"{plans / 'xa-b.yaml'}:58:13: plan.tasks[0].lead: ") for line in lines)
    assert all(re.search(r"xa-[ab]\.(yaml|docx)", line) or "xa-a/quyet-dinh.docx" in line for line in lines), lines


def test_report_warnings_on_stderr_name_the_report(tmp_path):
    plan = write_plan(tmp_path, edited(MINIMAL_PLAN, "name: Nguyễn Văn An", 'name: "[Họ] Văn An"'))
    folder = tmp_path / "plan" / "bao-cao"
    folder.mkdir(parents=True)
    (folder / "2025-Q3.yaml").write_text('period: 2025-Q3\nreport: {date: "2025-09-08", recipients: [Sở Nội vụ]}\n'
                                         'tasks:\n  - {id: T01, status: hoàn thành, completed: "2025-08-20"}\n',
                                         encoding="utf-8")
    out = tmp_path / "out"
    result = run("report", str(plan), "-p", "2025-Q3", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert lines
    assert all(line.startswith(f"{out / 'plan' / 'bao-cao-2025-q3.docx'}: [cảnh báo] ") for line in lines)


def test_help_texts_name_arguments_only_by_the_chosen_spellings():
    for command in [cli.main, *cli.main.commands.values()]:
        texts_ = [command.help or "", *(getattr(p, "help", None) or "" for p in command.params)]
        words = {w for text in texts_ for w in re.findall(r"[\w-]+", text)}
        spelled = {w for w in words if w.isupper() and not w.isascii()} - {"NĐ-CP"}
        assert spelled <= METAVARS, f"{command.name}: {spelled - METAVARS}"
