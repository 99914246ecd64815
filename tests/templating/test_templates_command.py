"""``cchc-docs templates export|check`` and the ``cchc-docs.toml`` that names a folder of templates."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from helpers import MINIMAL_PLAN, TEMPLATES, tree_snapshot, write_plan

from cchc_docs.cli import app
from cchc_docs.render.lint import visible


def run(*args):
    return CliRunner().invoke(app.main, [str(a) for a in args], prog_name="cchc-docs")


@pytest.fixture
def exported(tmp_path, monkeypatch):
    """The shipped templates exported to ``mau/`` of a working folder the commands run in."""
    monkeypatch.chdir(tmp_path)
    result = run("templates", "export", "mau")
    assert result.exit_code == 0, result.output
    return tmp_path / "mau"


def retitle(path, new: str) -> None:
    """Retype the decision's trích yếu placeholder as ``new``."""
    document = docx.Document(str(path))
    (p,) = [p for p in document.element.body.iter(qn("w:p")) if visible(p) == "{{ decision.title }}"]
    p.find(f"{qn('w:r')}/{qn('w:t')}").text = new
    document.save(str(path))


def test_export_copies_every_shipped_template(exported):
    assert sorted(p.name for p in exported.iterdir()) == sorted(p.name for p in TEMPLATES.glob("*.docx"))
    assert all((exported / p.name).read_bytes() == p.read_bytes() for p in TEMPLATES.glob("*.docx"))


def test_export_never_writes_over_a_template_already_there(exported):
    retitle(exported / "quyet-dinh.docx", "{{ decision.title }} (đã sửa)")
    before = tree_snapshot(exported)
    result = run("templates", "export", "mau")
    assert result.exit_code == 1
    assert "mau/quyet-dinh.docx: đã có, không ghi đè (có thể là mẫu đã sửa)" in result.stderr
    assert tree_snapshot(exported) == before
    assert run("templates", "export", "mau", "--force").exit_code == 0
    assert (exported / "quyet-dinh.docx").read_bytes() == (TEMPLATES / "quyet-dinh.docx").read_bytes()


def test_check_of_exported_templates_passes(exported):
    result = run("templates", "check", "mau")
    assert result.exit_code == 0, result.output
    assert "mau/quyet-dinh.docx: đúng thể thức (0 lỗi, 0 cảnh báo)" in result.stdout


def test_check_of_a_broken_template_exits_3_and_names_the_file_and_the_text(exported):
    retitle(exported / "quyet-dinh.docx", "{{ decision.titel }}")
    result = run("templates", "check", "mau")
    assert result.exit_code == 3
    assert "mau/quyet-dinh.docx: có sai sót (2 lỗi, 0 cảnh báo)" in result.stdout
    assert "[lỗi] MAU-PLACEHOLDER-UNKNOWN · “{{ decision.titel }}”" in result.stdout
    assert "mẫu dùng {{ decision.titel }} nhưng chương trình không có dữ liệu này" in result.stdout


def test_check_of_an_unreadable_template_exits_1(exported):
    (exported / "cong-van.docx").write_text("không phải DOCX", encoding="utf-8")
    result = run("templates", "check", "mau")
    assert result.exit_code == 1
    assert "mau/cong-van.docx: tệp mẫu hỏng hoặc không phải DOCX" in result.stderr


def test_check_as_json_carries_every_finding(exported):
    (exported / "ke-hoach.docx").unlink()
    result = run("templates", "check", "mau", "--format", "json")
    assert result.exit_code == 3
    by_file = {r["file"]: r for r in json.loads(result.stdout)}
    assert [f["rule"] for f in by_file["mau/ke-hoach.docx"]["findings"]] == ["MAU-FILE-MISSING"]


# --- cchc-docs.toml --------------------------------------------------------------------------------


def test_the_config_file_names_the_templates_build_uses(exported, tmp_path):
    (tmp_path / "cchc-docs.toml").write_text('templates = "mau"\n', encoding="utf-8")
    (exported / "quyet-dinh.docx").unlink()
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    result = run("build", plan, "-o", "out", "--date", "2025-09-15")
    assert result.exit_code == 1
    assert "mau/quyet-dinh.docx: không tìm thấy tệp mẫu" in result.output
    assert run("build", plan, "-o", "out", "--date", "2025-09-15", "--templates", TEMPLATES).exit_code == 0


def test_check_without_a_folder_checks_the_configured_one(exported, tmp_path):
    assert run("templates", "check").exit_code == 2  # no folder, no config
    (tmp_path / "cchc-docs.toml").write_text('templates = "mau"\n', encoding="utf-8")
    result = run("templates", "check")
    assert result.exit_code == 0 and "mau/quyet-dinh.docx: đúng thể thức" in result.stdout


@pytest.mark.parametrize(("text", "message"), [
    ('templte = "mau"\n', "cchc-docs.toml:1:1: templte: không có thiết lập này (cần templates); "
                          "có phải ý bạn là 'templates'?"),
    ('\ntemplates = "khong-co"\n', "cchc-docs.toml:2:1: templates: thư mục mẫu không tồn tại"),
    ("templates = 5\n", "cchc-docs.toml:1:1: templates: cần đường dẫn thư mục mẫu, viết trong dấu nháy kép"),
    ("templates = mau\n", "cchc-docs.toml:1:13: tệp cấu hình viết sai cú pháp TOML"),
])
def test_a_wrong_config_file_is_an_error_on_its_line(tmp_path, monkeypatch, text, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "cchc-docs.toml").write_text(text, encoding="utf-8")
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    result = run("build", plan, "-o", "out")
    assert result.exit_code == 1
    assert message in result.stderr
    assert not (tmp_path / "out").exists()
