"""The whole quarter through Excel: export, fill as a clerk would, one office-suite save, collect, report.

The report made from the collected workbooks must show the same figures as the report made
from the hand-written status file the workbooks were filled from.
"""

from __future__ import annotations

import docx
import openpyxl
import pytest
from clerk import Q4, SAMPLE_STATUS, fill_like_sample, leads_of, libreoffice_save
from helpers import TEMPLATES

from cchc_docs.pipeline.build import build_report
from cchc_docs.sheets import files, layout


def _tables(path) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in docx.Document(path).tables]


@pytest.mark.libreoffice
def test_collected_workbooks_give_the_same_report_figures_as_the_hand_written_yaml(plan, books, tmp_path):
    fill_like_sample(books, leads_of(plan))
    # The unit with the most counts sends its workbook back saved by LibreOffice Calc.
    books["TTPVHCC"] = libreoffice_save(books["TTPVHCC"], tmp_path / "calc")
    outcome = files.collect_into(files.plan_at(plan, Q4), list(books.values()))
    assert outcome.collected.units == [f.unit.code for f in files.plan_at(plan, Q4).forms()]

    collected = build_report(plan, Q4, None, tmp_path / "out-excel", TEMPLATES)
    written = build_report(plan, Q4, SAMPLE_STATUS / "2025-Q4.yaml", tmp_path / "out-yaml", TEMPLATES)
    figures, expected = _tables(collected.path), _tables(written.path)
    assert len(expected) >= 5  # Bảng 1, the counts, Phụ lục I …
    assert figures == expected


@pytest.mark.libreoffice
def test_a_workbook_saved_by_libreoffice_keeps_its_metadata_and_validations(books, tmp_path):
    saved = libreoffice_save(books["VP"], tmp_path / "calc")
    book = openpyxl.load_workbook(saved)
    meta = next(s for s in book.worksheets if s.cell(1, 1).value == layout.META_MARK)
    assert meta.sheet_state != "visible"
    tasks = book[layout.TASKS_SHEET]
    assert {r.type for r in tasks.data_validations.dataValidation} >= {"list", "date"}
