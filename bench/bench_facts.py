"""Rough timing of cchc_docs.facts.extract on a 50-page document (≈1,500 paragraphs).

Run: ``python bench/bench_facts.py``. Prints the best of a few extractions; not a test.
"""

from __future__ import annotations

import io
import time

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt

from cchc_docs.facts.extract import extract

SENTENCE = "Ủy ban nhân dân xã triển khai kế hoạch cải cách hành chính năm 2025, bảo đảm đúng tiến độ. "


def build(paragraphs: int = 1400, table_rows: int = 30) -> bytes:
    """A document shaped like ours: styled paragraphs, mixed runs, a task table, a footer field."""
    doc = Document()
    doc.styles["Normal"].font.name, doc.styles["Normal"].font.size = "Times New Roman", Pt(14)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.footer.paragraphs[0].text = "Trang"
    for index in range(paragraphs):
        paragraph = doc.add_paragraph(style="Heading 2" if index % 40 == 0 else None)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        paragraph.paragraph_format.first_line_indent = Mm(12.7)
        paragraph.add_run(f"{index}. ").bold = True
        paragraph.add_run(SENTENCE)
        paragraph.add_run("(nhấn mạnh)").italic = True
    table = doc.add_table(rows=table_rows, cols=4, style="Table Grid")
    for row in table.rows:
        for cell in row.cells:
            cell.text = "Nhiệm vụ"
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def main() -> None:
    data = build()
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        facts = extract(data)
        timings.append(time.perf_counter() - start)
    runs = sum(len(p.runs) for p in facts.paragraphs)
    print(f"{len(facts.paragraphs)} paragraphs, {runs} runs, {len(data) // 1024} KiB: "
          f"best {min(timings) * 1000:.0f} ms, worst {max(timings) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
