"""Every build checks what it renders: errors stop it before anything is written."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Mm

from cchc_docs import build
from cchc_docs.cli import main
from cchc_docs.errors import CchcError, FormatError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"
TODAY = dt.date(2025, 9, 15)


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


def test_sample_build_carries_only_the_placeholder_warning(tmp_path):
    outputs = build.build(SAMPLE, tmp_path, ROOT / "templates", TODAY)
    for output in outputs:
        assert [(f.rule, f.severity) for f in output.findings] == [("ND30-PLACEHOLDER", "warning")]
        assert output.path.is_file()


def test_an_error_finding_stops_the_build_and_nothing_is_written(tmp_path, broken_templates):
    out = tmp_path / "out"
    with pytest.raises(FormatError) as caught:
        build.build(SAMPLE, out, broken_templates, TODAY)
    assert caught.value.exit_code == 3 and "ND30-MARGIN-LEFT" in str(caught.value)
    assert not out.exists()


def test_no_check_builds_anyway(tmp_path, broken_templates):
    outputs = build.build(SAMPLE, tmp_path, broken_templates, TODAY, check=False)
    assert all(output.path.is_file() and output.findings == () for output in outputs)


def test_cli_build_exits_3_and_prints_the_findings(tmp_path, broken_templates):
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path / "out"), "--templates",
                                       str(broken_templates), "--date", "2025-09-15"])
    assert result.exit_code == 3
    assert "ND30-MARGIN-LEFT" in result.output and "không ghi tệp" in result.output
    assert not (tmp_path / "out").exists()


def test_cli_build_prints_warnings_without_failing(tmp_path):
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path), "--date", "2025-09-15"])
    assert result.exit_code == 0
    assert "ND30-PLACEHOLDER" in result.output and "đã tạo" in result.output


def test_cli_build_no_check_option(tmp_path, broken_templates):
    result = CliRunner().invoke(main, ["build", str(SAMPLE), "-o", str(tmp_path), "--templates", str(broken_templates),
                                       "--date", "2025-09-15", "--no-check"])
    assert result.exit_code == 0 and "ND30" not in result.output


def test_other_errors_keep_exit_code_1():
    assert CchcError.exit_code == 1
