"""Input sniffing: a file given to the wrong command is named for what it is, with the command that takes it.

Every input is made here: a DOCX with python-docx, a PDF as its first bytes, an XLSX
as a zip holding xl/workbook.xml, OLE2 files as their signature and a stream name.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document
from helpers import MINIMAL_PLAN, write_plan

from cchc_docs.cli.app import main
from cchc_docs.model import sniff

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    stream = io.BytesIO()
    document = Document()
    document.add_paragraph("QUYẾT ĐỊNH")
    document.save(stream)
    return stream.getvalue()


def zip_bytes(*names: str) -> bytes:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return stream.getvalue()


def ole_bytes(stream: str) -> bytes:
    return OLE2 + b"\0" * 504 + stream.encode("utf-16-le")


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def run(*args: str):
    return CliRunner().invoke(main, list(args))


# --- what a file is -----------------------------------------------------------------------


@pytest.mark.parametrize(("data", "kind"), [
    (docx_bytes(), sniff.DOCX),
    (zip_bytes("[Content_Types].xml", "xl/workbook.xml"), sniff.XLSX),
    (zip_bytes("[Content_Types].xml", "ppt/presentation.xml"), sniff.PPTX),
    (zip_bytes("ke-hoach/xa-a.yaml"), sniff.ZIP),
    (PDF_BYTES, sniff.PDF),
    (ole_bytes("WordDocument"), sniff.DOC),
    (ole_bytes("Workbook"), sniff.XLS),
    (ole_bytes("EncryptedPackage"), sniff.ENCRYPTED),
    (b"\x89PNG\r\n\x1a\n" + b"\0" * 20, sniff.PNG),
    (b"\xff\xd8\xff\xe0" + b"\0" * 20, sniff.JPEG),
    (b"{\\rtf1\\ansi Quy\\'ea't \\'f0\\'ecnh}", sniff.RTF),
    ("issuing_body: UBND\n".encode("utf-16"), sniff.UTF16),
    (MINIMAL_PLAN.encode(), sniff.PLAN),
    ("\ufeff# kế hoạch\n---\n\"issuing_body\":\n".encode(), sniff.PLAN),
    ("Ghi chú cho cán bộ\nkhông phải YAML\n".encode(), sniff.TEXT),
    (b"", sniff.EMPTY),
])
def test_a_file_is_known_by_its_first_bytes(data, kind):
    assert sniff.sniff(data, "tep") is kind


def test_bytes_of_no_known_kind_are_unknown():
    assert sniff.sniff(b"\x00\x01\x02\x03garbage") is None
    assert sniff.sniff(b"k\xea ho\xb9ch: x\n") is None  # a legacy Vietnamese code page: the UTF-8 advice stands


def test_a_truncated_docx_is_still_known_by_its_first_members():
    data = docx_bytes()
    assert sniff.sniff(data[: len(data) // 2]) is sniff.DOCX


def test_an_ole2_file_without_a_known_stream_is_named_by_its_suffix():
    assert sniff.sniff(OLE2 + b"\0" * 600, "cu.doc") is sniff.DOC
    assert sniff.sniff(OLE2 + b"\0" * 600, "so-lieu.XLS") is sniff.XLS
    assert sniff.sniff(OLE2 + b"\0" * 600, "tep.bin") is sniff.OLE


def test_yaml_named_by_a_period_or_inside_bao_cao_is_a_status_file():
    text = b"period: 2025-Q3\n"
    assert sniff.sniff(text, "data/xa-a/bao-cao/so-lieu.yaml") is sniff.STATUS
    assert sniff.sniff(text, "2025-Q3.yaml") is sniff.STATUS
    assert sniff.sniff(text, "xa-a.txt") is sniff.PLAN


def test_names_with_spaces_are_quoted_for_pasting():
    assert sniff.quoted("out/xa a/quyet-dinh.docx") == '"out/xa a/quyet-dinh.docx"'
    assert sniff.quoted("out/xa-a/quyet-dinh.docx") == "out/xa-a/quyet-dinh.docx"


def test_messages_are_nfc():
    import unicodedata

    for kind in (sniff.DOCX, sniff.PDF, sniff.XLSX, sniff.ZIP, sniff.DOC, sniff.PNG, sniff.FOLDER):
        text = str(sniff.data_file_error("x", kind))
        assert unicodedata.is_normalized("NFC", text)


# --- through the command line: build, validate, report -------------------------------------

DOCX_AS_PLAN = ("{path}: đây là văn bản Word (DOCX), không phải tệp kế hoạch YAML; "
                "để kiểm tra thể thức văn bản này hãy dùng: cchc-docs check {path}")


@pytest.mark.parametrize("command", [["validate"], ["report", "--period", "2025-Q3"]])
def test_cli_docx_given_for_a_plan_says_it_is_word_and_to_use_check(tmp_path, command):
    path = write(tmp_path, "out/xa-a/quyet-dinh.docx", docx_bytes())
    result = run(command[0], str(path), *command[1:])
    assert result.exit_code == 1
    assert result.stderr == DOCX_AS_PLAN.format(path=path) + "\n"


def test_cli_build_of_a_docx_reports_it_as_word_and_builds_nothing(tmp_path):
    path = write(tmp_path, "out/xa-a/quyet-dinh.docx", docx_bytes())
    result = run("build", str(path), "-o", str(tmp_path / "out2"), "-j", "1")
    assert result.exit_code == 1
    assert DOCX_AS_PLAN.format(path=path) in result.stderr
    assert result.stdout.strip().endswith("0 đã tạo, 0 không đổi, 1 lỗi")
    assert not (tmp_path / "out2" / "quyet-dinh").exists()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("quyet-dinh.pdf", PDF_BYTES, "{path}: đây là tệp PDF, không phải tệp kế hoạch YAML; "
                                  "để xem các trang của tệp này hãy dùng: cchc-docs preview {path}"),
    ("so-lieu.xlsx", zip_bytes("[Content_Types].xml", "xl/workbook.xml"),
     "{path}: đây là bảng tính Excel (XLSX), không phải tệp kế hoạch YAML; cchc-docs không đọc bảng tính, "
     "hãy chép dữ liệu sang tệp kế hoạch YAML theo docs/data-format.md"),
    ("ke-hoach.zip", zip_bytes("xa-a.yaml"),
     "{path}: đây là tệp nén ZIP, không phải tệp kế hoạch YAML; nếu tệp nén chứa các kế hoạch, "
     "hãy giải nén rồi dùng: cchc-docs build <thư mục đã giải nén>"),
    ("cu.doc", ole_bytes("WordDocument"),
     "{path}: đây là tệp .doc (Word 97-2003), không phải tệp kế hoạch YAML; để kiểm tra thể thức, "
     "hãy mở bằng Word, lưu lại dưới dạng .docx rồi dùng: cchc-docs check <tệp .docx>"),
    ("so-lieu.xls", ole_bytes("Workbook"),
     "{path}: đây là tệp .xls (Excel 97-2003), không phải tệp kế hoạch YAML; cchc-docs không đọc bảng tính, "
     "hãy chép dữ liệu sang tệp kế hoạch YAML theo docs/data-format.md"),
    ("trang-1.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20,
     "{path}: đây là ảnh PNG, không phải tệp kế hoạch YAML; "
     "tệp kế hoạch YAML là tệp văn bản soạn theo docs/data-format.md"),
    ("anh.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20,
     "{path}: đây là ảnh JPEG, không phải tệp kế hoạch YAML; "
     "tệp kế hoạch YAML là tệp văn bản soạn theo docs/data-format.md"),
])
def test_cli_validate_names_what_was_given_instead_of_a_plan(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr == message.format(path=path) + "\n"


def test_cli_plan_with_a_txt_name_is_read_as_a_plan(tmp_path):
    path = write_plan(tmp_path, MINIMAL_PLAN, name="xa-a.txt")
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{path}: hợp lệ")


def test_cli_non_utf8_yaml_still_gets_the_utf8_advice(tmp_path):
    path = write(tmp_path, "plan.yaml", "place: Thượng Hồng\n".encode("cp1258", errors="replace") + b"\xff\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}:1:10: tệp không ở mã UTF-8 (có vẻ là bảng mã cũ Windows-1258")


FOLDER_AS_PLAN = ("{path}: đây là thư mục, không phải tệp kế hoạch YAML; "
                  "lệnh build nhận cả thư mục: cchc-docs build {path}")


@pytest.mark.parametrize("command", [["validate"], ["report", "--period", "2025-Q3"]])
def test_cli_folder_given_for_one_plan_says_build_takes_folders(tmp_path, command):
    folder = tmp_path / "data"
    folder.mkdir()
    write_plan(folder, MINIMAL_PLAN)
    result = run(command[0], str(folder), *command[1:])
    assert result.exit_code == 1
    assert result.stderr == FOLDER_AS_PLAN.format(path=folder) + "\n"


def test_cli_build_of_an_output_folder_says_it_holds_word_documents(tmp_path):
    folder = tmp_path / "out" / "xa-a"
    write(folder, "quyet-dinh.docx", docx_bytes())
    result = run("build", str(folder), "-o", str(tmp_path / "out2"))
    assert result.exit_code == 1
    assert result.stderr == (
        f"{folder}: thư mục không chứa tệp kế hoạch YAML nào (cần ít nhất một tệp .yaml ngoài bao-cao/); "
        "đây là thư mục văn bản Word (DOCX), để kiểm tra thể thức các văn bản này hãy dùng: "
        f"cchc-docs check {folder}/*.docx\n")


# --- through the command line: check ----------------------------------------------------------


def test_cli_check_of_a_yaml_plan_says_to_build_or_validate_it(tmp_path):
    path = write_plan(tmp_path, MINIMAL_PLAN, name="xa-a.yaml")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stderr == (f"{path}: đây là tệp kế hoạch YAML, không phải tệp .docx; để sinh văn bản từ kế "
                             f"hoạch này hãy dùng: cchc-docs build {path} (chỉ kiểm tra dữ liệu: "
                             f"cchc-docs validate {path})\n")


def test_cli_check_of_a_status_file_says_to_make_the_report(tmp_path):
    path = write(tmp_path, "xa-a/bao-cao/2025-Q3.yaml", b"report:\n  number: null\n")
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stderr == (f"{path}: đây là tệp số liệu báo cáo YAML, không phải tệp .docx; để sinh báo cáo từ "
                             "tệp số liệu này hãy dùng: cchc-docs report <tệp kế hoạch> --period 2025-Q3 "
                             f"--status {path}\n")


@pytest.mark.parametrize(("name", "data", "message"), [
    ("quyet-dinh.pdf", PDF_BYTES, "{path}: đây là tệp PDF, không phải tệp .docx; cchc-docs check chỉ đọc tệp .docx: "
                                  "hãy kiểm tra tệp .docx gốc (xem các trang PDF bằng: cchc-docs preview {path})"),
    ("so-lieu.xlsx", zip_bytes("[Content_Types].xml", "xl/workbook.xml"),
     "{path}: đây là bảng tính Excel (XLSX), không phải tệp .docx"),
    ("trang-1.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "{path}: đây là ảnh PNG, không phải tệp .docx"),
    ("cu.doc", ole_bytes("WordDocument"), "{path}: đây là tệp .doc (Word 97-2003), không phải tệp .docx; "
                                          "hãy mở bằng Word và lưu lại dưới dạng .docx (Word Document)"),
])
def test_cli_check_names_what_was_given_instead_of_a_docx(tmp_path, name, data, message):
    path = write(tmp_path, name, data)
    result = run("check", str(path))
    assert result.exit_code == 1
    assert result.stderr == message.format(path=path) + "\n"


def test_cli_check_of_a_folder_asks_for_its_files(tmp_path):
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr == (f"{tmp_path}: đây là thư mục, không phải tệp .docx; "
                             f"hãy chỉ rõ các tệp, ví dụ: cchc-docs check {tmp_path}/*.docx\n")
