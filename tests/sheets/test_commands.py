"""``cchc-docs sheets`` and ``cchc-docs collect`` as a clerk runs them: what they print, their exit codes."""

from __future__ import annotations

import shutil

from clerk import SAMPLE_STATUS, fill
from click.testing import CliRunner

from cchc_docs.cli import app


def run(*args):
    return CliRunner().invoke(app.main, [str(a) for a in args], prog_name="cchc-docs")


def test_sheets_writes_one_workbook_per_unit_under_the_plans_folder(plan, tmp_path):
    result = run("sheets", plan, "-p", "2025-Q4", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    made = sorted(p.name for p in (tmp_path / "out" / plan.stem).glob("*.xlsx"))
    assert len(made) == 8 and "phieu-2025-q4-TTPVHCC.xlsx" in made
    assert f"đã tạo {tmp_path / 'out' / plan.stem / 'phieu-2025-q4-TTPVHCC.xlsx'} (TTPVHCC: 7 nhiệm vụ; số liệu: " \
           "procedures, dossiers, feedback, satisfaction)" in result.stdout


def test_sheets_refuses_a_period_outside_the_plan(plan, tmp_path):
    result = run("sheets", plan, "-p", "2026-Q1", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "kỳ 2026-Q1 (quý I năm 2026" in result.stderr and "nằm ngoài thời gian thực hiện kế hoạch" in result.stderr


def test_collect_writes_the_status_file_and_names_the_units_still_missing(plan, books):
    fill(books["CAX"], {"T38": {"Trạng thái": "đang thực hiện", "Ghi chú": "chờ kinh phí"}})
    result = run("collect", plan, "-p", "2025-Q4", books["CAX"], books["MTTQ"])
    assert result.exit_code == 0, result.output
    status = plan.parent / plan.stem / "bao-cao" / "2025-Q4.yaml"
    assert f"đã tạo {status}: phiếu của 2 đơn vị (MTTQ, CAX)" in result.stdout
    assert "ghi chú T38 — CAX: chờ kinh phí" in result.stdout
    assert "chưa nộp phiếu: VHXH, VP, KT, TTPVHCC, TTVHTTTT, BBT" in result.stderr


def test_collect_with_a_bad_cell_exits_one_with_the_cell_and_writes_nothing(plan, books):
    fill(books["MTTQ"], {"T06": {"Trạng thái": "hoàn thành", "Ngày hoàn thành": "31/11/2025"}})
    result = run("collect", plan, "-p", "2025-Q4", books["MTTQ"])
    assert result.exit_code == 1
    expected = "phieu-2025-q4-MTTQ.xlsx › Nhiệm vụ › ô H4: ngày hoàn thành 31/11/2025 không có thật"
    assert result.stderr.strip() == expected
    assert not (plan.parent / plan.stem / "bao-cao" / "2025-Q4.yaml").exists()


def test_collect_over_a_hand_written_file_exits_four_until_forced(plan, books):
    status = plan.parent / plan.stem / "bao-cao" / "2025-Q4.yaml"
    shutil.copy(SAMPLE_STATUS / "2025-Q4.yaml", status)
    fill(books["MTTQ"], {"T06": {"Trạng thái": "chưa thực hiện"}})
    result = run("collect", plan, "-p", "2025-Q4", books["MTTQ"])
    assert result.exit_code == 4
    assert "tasks[T06].status: 'đang thực hiện' → 'chưa thực hiện'" in result.stderr
    assert "--force" in result.stderr
    dry = run("collect", plan, "-p", "2025-Q4", books["MTTQ"], "--force", "--dry-run")
    assert dry.exit_code == 0 and "sẽ cập nhật" in dry.stdout
    assert status.read_bytes() == (SAMPLE_STATUS / "2025-Q4.yaml").read_bytes()
    forced = run("collect", plan, "-p", "2025-Q4", books["MTTQ"], "--force")
    assert forced.exit_code == 0 and "đã cập nhật" in forced.stdout
