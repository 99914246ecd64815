"""``cchc-docs check``: output grouped by file, JSON, exit codes, malformed inputs."""

from __future__ import annotations

import dataclasses
import json
import zipfile

import pytest
from click.testing import CliRunner
from docx import Document
from docx.shared import Mm

from cchc_docs.cli.app import main
from cchc_docs.facts import package

from .conftest import decision, set_text

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def _run(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def _write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return str(path)


@pytest.fixture
def clean_file(tmp_path):
    return _write(tmp_path, "dung.docx", decision().bytes())


@pytest.fixture
def faulty_file(tmp_path):
    built = decision()
    set_text(built["date"], "Thượng Hồng, ngày 5 tháng 01 năm 2025")
    built.doc.sections[0].left_margin = Mm(25)
    return _write(tmp_path, "sai.docx", built.bytes())


@pytest.fixture
def warning_file(tmp_path):
    built = decision()
    set_text(built["signer_name"], "[Họ] Văn Bình")
    return _write(tmp_path, "canh-bao.docx", built.bytes())


def test_clean_file_exits_0(clean_file):
    result = _run(clean_file)
    assert result.exit_code == 0
    assert "đúng thể thức (0 lỗi, 0 cảnh báo)" in result.output


def test_errors_exit_3_with_rule_location_expected_and_got(faulty_file):
    result = _run(faulty_file)
    assert result.exit_code == 3
    assert "ND30-MARGIN-LEFT" in result.output and "ND30-DATE-DAY-PADDING" in result.output
    assert "cần: ngày 05; thực tế: ngày 5" in result.output
    assert "Địa danh, ngày tháng" in result.output
    assert "≈" not in result.output and "ước tính" not in result.output  # no guessed page without a PDF


def test_warnings_alone_exit_0_or_3_with_strict(warning_file):
    assert _run(warning_file).exit_code == 0
    assert _run("--strict", warning_file).exit_code == 3


def test_findings_are_grouped_by_file(clean_file, faulty_file):
    result = _run(clean_file, faulty_file)
    lines = result.output.splitlines()
    assert lines[0].startswith(clean_file) and any(line.startswith(faulty_file) for line in lines)
    assert lines[-1].startswith("Tổng cộng: 2/2 tệp đọc được")


def test_json_output_is_the_same_as_a_list(clean_file, faulty_file):
    result = _run("--format", "json", clean_file, faulty_file)
    data = json.loads(result.output)
    assert [entry["file"] for entry in data] == [clean_file, faulty_file]
    assert data[0]["findings"] == [] and data[1]["errors"] == 2
    finding = data[1]["findings"][0]
    assert set(finding) >= {"rule", "severity", "message", "article", "expected", "got", "paragraph", "component",
                            "excerpt", "page"}
    assert result.exit_code == 3


def test_list_rules_prints_the_catalogue():
    result = _run("--list-rules")
    assert result.exit_code == 0 and "ND30-MOTTO-DASH" in result.output
    data = json.loads(_run("--list-rules", "--format", "json").output)
    assert {"id", "severity", "article", "summary"} <= set(data[0])


def test_no_file_is_a_usage_error():
    assert _run().exit_code == 2


def _empty_docx() -> bytes:
    import io

    stream = io.BytesIO()
    Document().save(stream)
    return stream.getvalue()


def _corrupt_zip() -> bytes:
    import io

    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return stream.getvalue()[:-30]


@pytest.mark.parametrize("name, data, words", [
    ("van-ban.txt", "không phải docx".encode(), "không phải tệp .docx"),
    ("hong.docx", _corrupt_zip(), "không phải tệp .docx"),
    ("cu.doc", OLE2 + b"\0" * 600, ".doc (Word 97-2003)"),
    ("mat-khau.docx", OLE2 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 600, "mật khẩu"),
    ("rong.docx", b"", "tệp rỗng"),
    ("trang.docx", _empty_docx(), "tài liệu rỗng"),
])
def test_unreadable_inputs_give_one_vietnamese_line_and_exit_1(tmp_path, name, data, words):
    path = _write(tmp_path, name, data)
    result = _run(path)
    assert result.exit_code == 1
    assert words in result.output and "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.strip()]) == 1


def test_missing_file_and_folder_exit_1(tmp_path):
    assert _run(str(tmp_path / "khong-co.docx")).exit_code == 1
    result = _run(str(tmp_path))
    assert result.exit_code == 1 and "thư mục" in result.output


def test_an_unreadable_file_does_not_stop_the_others(tmp_path, clean_file):
    broken = _write(tmp_path, "hong.docx", b"PK\x03\x04 garbage")
    result = CliRunner().invoke(main, ["check", "--format", "json", broken, clean_file])
    data = json.loads(result.stdout)
    assert data[0]["error"] and data[1]["error"] is None and result.exit_code == 1


def test_oversized_file_is_refused_before_reading(tmp_path, clean_file, monkeypatch):
    monkeypatch.setattr(package, "LIMITS", dataclasses.replace(package.LIMITS, file_bytes=1000))
    result = _run(clean_file)
    assert result.exit_code == 1 and "tệp quá lớn, không kiểm tra (kích thước tệp" in result.output


def test_a_document_unpacking_beyond_the_total_cap_is_refused(tmp_path, monkeypatch, clean_file):
    monkeypatch.setattr(package, "LIMITS", dataclasses.replace(package.LIMITS, total_bytes=1000))
    result = _run(clean_file)
    assert result.exit_code == 1 and "dung lượng sau khi giải nén" in result.output


def test_many_findings_of_one_rule_are_capped_in_text_but_not_in_json(tmp_path):
    from .conftest import for_runs

    built = decision()
    for _ in range(15):
        for_runs(built.body("Đoạn nội dung gõ bằng phông khác."), font="Arial")
    path = _write(tmp_path, "arial.docx", built.bytes())
    assert "… và 5 chỗ khác vi phạm ND30-FONT-FAMILY" in _run(path).output
    data = json.loads(_run("--format", "json", path).output)
    assert sum(f["rule"] == "ND30-FONT-FAMILY" for f in data[0]["findings"]) == 15


# The check path imports neither the renderer (docxtpl, jinja2) nor the PDF machinery:
# a fresh interpreter runs `check` and lists what it loaded.
_LOADED_BY_CHECK = """
import sys
from cchc_docs.cli.app import main
try:
    main(["check", sys.argv[1]])
except SystemExit as exit:
    print("exit", exit.code)
heavy = ("docxtpl", "jinja2", "docx", "cchc_docs.render", "cchc_docs.pdf", "cchc_docs.contexts")
print(" ".join(sorted(m for m in sys.modules if m.startswith(heavy))) or "-")
"""


def test_check_loads_neither_the_renderer_nor_the_pdf_machinery(clean_file):
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", _LOADED_BY_CHECK, clean_file], capture_output=True, text=True,
                          check=True)
    assert done.stdout.splitlines()[-2:] == ["exit 0", "-"]


# --- real page numbers: --pdf, or a PDF made of exactly this DOCX beside it ---------------------------------


def _two_pages_with_a_fault(tmp_path) -> str:
    from docx.enum.text import WD_BREAK

    built = decision()
    built["articles"][0].runs[-1].add_break(WD_BREAK.PAGE)  # Điều 2 and 3 print on page 2
    built["articles"][2].alignment = 0  # left: one finding, on page 2
    return _write(tmp_path, "hai-trang.docx", built.bytes())


def test_without_a_pdf_no_page_is_given_and_no_pdf_is_made(tmp_path):
    path = _two_pages_with_a_fault(tmp_path)
    result = _run(path)
    assert "ND30-BODY-ALIGN" in result.output and "trang " not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hai-trang.docx"]


def test_pdf_without_libreoffice_checks_all_the_same_and_says_why_there_are_no_pages(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "khong-co-soffice"))
    path = _two_pages_with_a_fault(tmp_path)
    result = CliRunner().invoke(main, ["check", "--pdf", path])
    assert result.exit_code == 3 and "ND30-BODY-ALIGN" in result.stdout and "trang " not in result.stdout
    assert "không ghi được số trang thật" in result.stderr


@pytest.mark.libreoffice
def test_pdf_gives_the_real_page_and_the_pdf_beside_keeps_giving_it(tmp_path):
    path = _two_pages_with_a_fault(tmp_path)
    first = _run("--pdf", path)
    assert "[lỗi] ND30-BODY-ALIGN · trang 2 · " in first.output
    assert (tmp_path / "hai-trang.pdf").is_file()
    assert "[lỗi] ND30-BODY-ALIGN · trang 2 · " in _run(path).output  # the stamped PDF beside it is read
