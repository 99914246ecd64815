"""Every build checks what it renders: an error finding stops the document before it is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Mm

from cchc_docs import collector
from cchc_docs.cli.app import main
from cchc_docs.errors import CchcError, FormatError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"


@pytest.fixture
def broken_templates(tmp_path) -> Path:
    """The shipped templates with the decision's left margin set to 25 mm."""
    folder = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", folder)
    template = folder / "quyet-dinh.docx"
    document = docx.Document(str(template))
    document.sections[0].left_margin = Mm(25)
    document.save(str(template))
    return folder


def _build(out: Path, *extra: str):
    return CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(out), "--date", "2025-09-15", *extra])


def test_sample_build_prints_the_placeholder_warning_and_succeeds(tmp_path):
    result = _build(tmp_path)
    assert result.exit_code == 0, result.output
    assert "ND30-PLACEHOLDER" in result.output and "[Họ] Thị Thay" in result.output
    assert "ND30-" not in result.output.replace("ND30-PLACEHOLDER", "")
    assert any(tmp_path.rglob("quyet-dinh.docx"))


def test_an_error_finding_stops_the_document_with_exit_3(tmp_path, broken_templates):
    out = tmp_path / "out"
    result = _build(out, "--templates", str(broken_templates))
    assert result.exit_code == 3, result.output
    assert "ND30-MARGIN-LEFT" in result.output
    assert not any(out.rglob("quyet-dinh.docx"))


def test_no_check_writes_the_document_anyway(tmp_path, broken_templates):
    out = tmp_path / "out"
    result = _build(out, "--templates", str(broken_templates), "--no-check")
    assert result.exit_code == 0, result.output
    assert "ND30" not in result.output and any(out.rglob("quyet-dinh.docx"))


def test_format_error_carries_the_findings_and_exit_code_3():
    from cchc_docs.checks.findings import Finding

    finding = Finding("ND30-MARGIN-LEFT", "error", "Lề trái không đúng", "NĐ 30/2020", "30–35 mm", "25,0 mm")
    error = FormatError([("quyet-dinh.docx", (finding,))])
    assert error.exit_code == 3 and error.failures[0][1] == (finding,)
    assert "ND30-MARGIN-LEFT" in str(error) and "không ghi tệp" in str(error)
    assert CchcError.exit_code == 1


def test_the_garbage_collector_is_off_while_a_document_is_read_and_checked_and_on_after(monkeypatch):
    import gc

    import cchc_docs.checks as checks_module

    seen = []
    real_extract, real_check = checks_module.extract, checks_module.check
    monkeypatch.setattr(checks_module, "extract", lambda *a: seen.append(gc.isenabled()) or real_extract(*a))
    monkeypatch.setattr(checks_module, "check", lambda *a: seen.append(gc.isenabled()) or real_check(*a))
    with collector.paused():  # nested, as in a build: still off inside, still off after
        checks_module.check_file(ROOT / "templates" / "quyet-dinh.docx")
        assert not gc.isenabled()
    assert seen == [False, False] and gc.isenabled()
