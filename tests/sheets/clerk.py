"""The Excel round trip's hand: the sample plan with only its quý III report, its quý IV workbooks,
and a clerk filling cells by header text and task id, the way a person finds them."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import openpyxl
import pytest
from helpers import SAMPLE
from office_support import libreoffice_saved

from cchc_docs.model import source
from cchc_docs.model.periods import parse
from cchc_docs.sheets import files

Q4 = parse("2025-Q4")
SAMPLE_STATUS = SAMPLE.parent / SAMPLE.stem / "bao-cao"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    """A copy of the sample plan whose bao-cao/ holds the quý III report only."""
    folder = tmp_path / "data" / SAMPLE.stem / "bao-cao"
    folder.mkdir(parents=True)
    shutil.copy(SAMPLE, tmp_path / "data" / SAMPLE.name)
    shutil.copy(SAMPLE_STATUS / "2025-Q3.yaml", folder)
    return tmp_path / "data" / SAMPLE.name


@pytest.fixture
def books(plan: Path, tmp_path: Path) -> dict[str, Path]:
    """The quý IV workbooks of every unit, by unit code."""
    paths = files.write_workbooks(files.plan_at(plan, Q4), tmp_path / "phieu")
    return {path.stem.rsplit("-", 1)[1]: path for path in paths}


def sample_q4() -> dict:
    """The sample's hand-written quý IV status file as a plain tree (every value as written)."""
    return source.load(SAMPLE_STATUS / "2025-Q4.yaml").tree


def fill(path: Path, rows: dict[str, dict[str, object]] | None = None, counts: dict[str, object] | None = None,
         save_as: Path | None = None) -> Path:
    """Type values into a workbook: ``rows`` by task id and header text, ``counts`` by "Mã số liệu"."""
    book = openpyxl.load_workbook(path)
    for task, values in (rows or {}).items():
        sheet, header, row = _find_row(book, "Mã NV", task)
        for title, value in values.items():
            sheet.cell(row, header[title]).value = value
    for key, value in (counts or {}).items():
        sheet, header, row = _find_row(book, "Mã số liệu", key)
        sheet.cell(row, header["Số liệu"]).value = value
    book.save(save_as or path)
    return save_as or path


def _find_row(book, key_header: str, key: str):
    for sheet in book.worksheets:
        for cells in sheet.iter_rows(max_row=10):
            header = {c.value: c.column for c in cells if isinstance(c.value, str)}
            if key_header in header:
                for row in range(cells[0].row + 1, sheet.max_row + 1):
                    if sheet.cell(row, header[key_header]).value == key:
                        return sheet, header, row
    raise AssertionError(f"{key} not in the workbook")


def fill_like_sample(books: dict[str, Path], leads: dict[str, tuple[str, ...]]) -> None:
    """Each lead unit types the sample's quý IV statuses of its tasks (every lead of a joint task), and its
    owners the counts."""
    tree = sample_q4()
    for unit, path in books.items():
        rows = {t["id"]: _row_values(t) for t in tree["tasks"] if unit in leads[t["id"]]}
        counts = {f"{group}.{name}": int(value) for group, fields in tree["indicators"].items()
                  for name, value in fields.items()}
        book = openpyxl.load_workbook(path)
        owned = {k: v for k, v in counts.items() if _has_key(book, k)}
        fill(path, rows, owned)


def _row_values(task: dict) -> dict:
    completed = task.get("completed")
    return {
        "Trạng thái": task["status"],
        "Ngày hoàn thành": dt.date.fromisoformat(completed) if completed else None,
        "Kết quả, sản phẩm": task.get("result"),
        "Văn bản, tài liệu kiểm chứng": "; ".join(task.get("evidence") or []) or None,
    }


def _has_key(book, key: str) -> bool:
    try:
        _find_row(book, "Mã số liệu", key)
    except AssertionError:
        return False
    return True


def leads_of(plan: Path) -> dict[str, tuple[str, ...]]:
    at = files.plan_at(plan, Q4)
    return {t.id: t.lead for t in at.version.plan.tasks}


def libreoffice_save(path: Path, folder: Path) -> Path:
    """Open and save a workbook with LibreOffice Calc (headless), as an office would send it back."""
    return libreoffice_saved([path], folder, target="xlsx") / path.name
