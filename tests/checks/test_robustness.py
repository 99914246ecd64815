"""Odd but valid documents never crash the checker; every finding names a known rule."""

from __future__ import annotations

import pytest
from docx.enum.section import WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from cchc_docs.checks import RULES

from .conftest import NATIONAL, Built, add_para, decision, page_number, table


def _nested_tables(built: Built) -> None:
    outer = built.doc.add_table(rows=2, cols=2)
    inner = outer.cell(0, 0).add_table(rows=2, cols=2)
    inner.cell(1, 1).text = "Ô trong bảng lồng"
    outer.cell(1, 0).merge(outer.cell(1, 1)).text = "Ô gộp"


def _only_a_table(built: Built) -> None:
    built.doc.add_table(rows=3, cols=3).cell(0, 0).text = "STT"


def _text_box(built: Built) -> None:
    paragraph = add_para(built.doc, "Đoạn có hình vẽ")
    paragraph.add_run()._r.append(OxmlElement("w:drawing"))


def _empty_sections(built: Built) -> None:
    add_para(built.doc, "Trang một")
    built.doc.add_section(WD_SECTION.NEW_PAGE)
    built.doc.add_section(WD_SECTION.NEW_PAGE)
    add_para(built.doc, "Trang cuối")


def _tabs_and_breaks(built: Built) -> None:
    paragraph = add_para(built.doc)
    for _ in range(3):
        paragraph.add_run().add_tab()
        paragraph.add_run().add_break()


def _long_paragraph(built: Built) -> None:
    built.body("Ủy ban nhân dân xã " * 2000)


def _many_national_titles(built: Built) -> None:
    for _ in range(5):
        add_para(built.doc, NATIONAL, size=12, bold=True)


def _type_name_alone(built: Built) -> None:
    add_para(built.doc, "QUYẾT ĐỊNH", bold=True)


def _header_with_a_table(built: Built) -> None:
    section = built.doc.sections[0]
    grid = section.header.add_table(rows=1, cols=2, width=section.page_width)
    grid.cell(0, 1).text = "Mẫu số 01"
    add_para(built.doc, "Nội dung")


def _footer_page_number(built: Built) -> None:
    page_number(built.doc.sections[0], story="footer")
    add_para(built.doc, "Nội dung")


def _closing_without_body(built: Built) -> None:
    built.header()
    built.closing()


def _empty_layout_table(built: Built) -> None:
    table(built.doc, [80.0, 85.0], rows=2)
    add_para(built.doc, "Sau bảng rỗng")


ODD = [_nested_tables, _only_a_table, _text_box, _empty_sections, _tabs_and_breaks, _long_paragraph,
       _many_national_titles, _type_name_alone, _header_with_a_table, _footer_page_number, _closing_without_body,
       _empty_layout_table]


@pytest.mark.parametrize("make", ODD, ids=[f.__name__.strip("_") for f in ODD])
def test_odd_documents_are_checked_without_error(make):
    built = Built()
    make(built)
    findings = built.findings()
    assert all(f.rule in RULES and f.message for f in findings)


def test_a_decision_with_everything_removed_but_the_header_is_checked():
    built = decision()
    body = built.doc.element.body
    for element in list(body)[1:]:
        if element.tag != qn("w:sectPr"):
            body.remove(element)
    assert "ND30-RECIPIENTS-MISSING" in built.ids()
