"""``cchc-docs remind``: the công văn đôn đốc as a document, self-checked, and its lists as JSON."""

from __future__ import annotations

import datetime as dt
import json

from click.testing import CliRunner
from helpers import SAMPLE, TEMPLATES, open_docx, texts

from cchc_docs import checks
from cchc_docs.cli import app
from cchc_docs.sheets import remind

AS_OF = dt.date(2025, 11, 20)


def run(*args):
    return CliRunner().invoke(app.main, [str(a) for a in args], prog_name="cchc-docs")


def test_remind_writes_a_self_checked_cong_van_to_the_units_concerned(tmp_path):
    result = run("remind", SAMPLE, "--as-of", "2025-11-20", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    path = tmp_path / SAMPLE.stem / "cong-van-don-doc-2025-11-20.docx"
    assert f"đã tạo {path}: 2 nhiệm vụ quá hạn, 2 nhiệm vụ sắp đến hạn của 4 đơn vị" in result.stdout
    lines = texts(open_docx(path))
    assert "Số:      /UBND-VHXH" in lines
    assert "V/v đôn đốc thực hiện nhiệm vụ cải cách hành chính quá hạn, sắp đến hạn" in lines
    assert "Kính gửi:" in lines and "- Phòng Kinh tế;" in lines
    assert "a) Nhiệm vụ quá hạn chưa hoàn thành (01 nhiệm vụ)" in lines
    assert "Nơi nhận:" in lines and "- Lưu: VT, VHXH." in lines
    errors = [f for f in checks.check_bytes(path.read_bytes()) if f.severity == "error"]
    assert errors == []
    # The sample's one deliberate placeholder ([Họ] of the signer) is the only warning, on stderr.
    assert "ND30-PLACEHOLDER" in result.stderr


def test_the_same_day_gives_the_same_bytes(tmp_path):
    found = remind.reminder(SAMPLE, AS_OF)
    first = remind.write_letter(found, tmp_path / "a.docx", TEMPLATES).data
    assert remind.write_letter(remind.reminder(SAMPLE, AS_OF), tmp_path / "b.docx", TEMPLATES).data == first


def test_json_prints_the_lists_and_writes_nothing(tmp_path):
    result = run("remind", SAMPLE, "--as-of", "2025-11-20", "--days", "15", "--format", "json", "-o", tmp_path)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [u["code"] for u in data["units"]] == ["VP", "KT", "TTPVHCC", "TTVHTTTT"]
    assert data["units"][2]["overdue"][0]["id"] == "T13"
    assert not any(tmp_path.iterdir())


def test_nothing_late_or_coming_writes_no_letter(tmp_path):
    result = run("remind", SAMPLE, "--as-of", "2025-07-02", "--days", "1", "-o", tmp_path)
    assert result.exit_code == 0
    assert "không có nhiệm vụ quá hạn hoặc đến hạn trong 1 ngày tới" in result.stdout
    assert not any(tmp_path.iterdir())
