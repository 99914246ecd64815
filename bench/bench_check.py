"""Rough timing of the ND30 format check on a 50-page document built here.

Run: ``python bench/bench_check.py``. The document is a decision with a long attached
plan (mục I., khoản 1., điểm a), bullets) and a landscape appendix table, about 50
pages; it prints the estimated page count and the best and worst of a few runs of
reading the facts and of checking them. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import io
import time

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from cchc_docs.checks import check, pages
from cchc_docs.facts.extract import extract

SENTENCE = ("Ủy ban nhân dân xã tiếp tục triển khai kế hoạch cải cách hành chính năm 2025, bảo đảm đúng tiến độ, "
            "chất lượng và hiệu quả; phân công rõ trách nhiệm của từng phòng, đơn vị. ")
POINTS = "abcdđeg"


def _para(container, text: str, size: float = 14, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: float = 12.7):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment, fmt.first_line_indent, fmt.space_before, fmt.line_spacing = align, Mm(indent), Pt(6), 1.0
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = "Times New Roman", Pt(size), bold, italic
    return paragraph


def _page(section, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)


def build(sections: int = 6, clauses: int = 4, points: int = 5, table_rows: int = 120) -> bytes:
    """A decision, an attached plan of about 45 pages and an appendix table."""
    doc = Document()
    _page(doc.sections[0])
    header = doc.add_table(rows=1, cols=2)
    left, right = header.rows[0].cells
    for cell, lines in ((left, ("ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG", "Số: 05/QĐ-UBND")),
                        (right, ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"))):
        for line in lines:
            _para(cell, line, 13, bold=not line.startswith("Số"), align=WD_ALIGN_PARAGRAPH.CENTER, indent=0)
    for text in ("QUYẾT ĐỊNH", "Ban hành Kế hoạch cải cách hành chính năm 2025"):
        _para(doc, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0)
    for number in range(1, 4):
        _para(doc, f"Điều {number}. {SENTENCE}")
    doc.add_section(WD_SECTION.NEW_PAGE)
    _para(doc, "KẾ HOẠCH", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER, indent=0)
    for section in range(1, sections + 1):
        _para(doc, f"{_roman(section)}. MỤC TIÊU VÀ NHIỆM VỤ SỐ {section}", bold=True)
        for clause in range(1, clauses + 1):
            _para(doc, f"{clause}. Nhiệm vụ cụ thể", bold=True)
            for letter in POINTS[:points]:
                _para(doc, f"{letter}) {SENTENCE}")
                for _ in range(3):
                    _para(doc, f"- {SENTENCE}")
    _para(doc, "Các phòng, đơn vị triển khai thực hiện./.")
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    _page(section, landscape=True)
    table = doc.add_table(rows=table_rows, cols=5, style="Table Grid")
    for row in table.rows:
        for cell in row.cells:
            cell.text = "Nhiệm vụ cải cách hành chính"
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def _roman(n: int) -> str:
    values = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, symbol in values:
        while n >= value:
            out, n = out + symbol, n - value
    return out


def _timed(function, repeat: int = 5) -> tuple[object, list[float]]:
    timings, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        timings.append(time.perf_counter() - start)
    return result, timings


def main() -> None:
    data = build()
    facts, read = _timed(lambda: extract(data))
    findings, checked = _timed(lambda: check(facts))
    estimated = pages.estimate(facts)[-1]
    print(f"{len(facts.paragraphs)} đoạn, ≈{estimated} trang (ước tính), {len(data) // 1024} KiB, "
          f"{len(findings)} phát hiện")
    print(f"đọc DOCX (facts): tốt nhất {min(read) * 1000:.0f} ms, chậm nhất {max(read) * 1000:.0f} ms")
    print(f"kiểm tra (nhận diện + quy tắc): tốt nhất {min(checked) * 1000:.0f} ms, "
          f"chậm nhất {max(checked) * 1000:.0f} ms")
    print(f"tổng: tốt nhất {(min(read) + min(checked)) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
