"""Timing of the ND30 format check; and what ``cchc-docs check`` costs a user, start-up included.

Run: ``python bench/bench_check.py [--rounds 5] [--hostile]``. Not a test: timings
depend on the machine, whose load average is printed beside them.

1. In-process, on a 50-page document built here (a decision with a long attached plan —
   mục I., khoản 1., điểm a), bullets — and a landscape appendix table): reading the
   facts and checking them, min / median / max.
2. ``cchc-docs check`` as a user runs it (a fresh process, start-up included) on the
   sample decision the build makes (Quyết định + Kế hoạch + Phụ lục, 14–15 pages):
   wall and CPU, min / median / max; the budget is 0.3 s.
3. With ``--hostile``: files built to come as close to every limit of docs/rules.md as
   they can (paragraphs, runs, characters, findings), each checked in a child process
   whose own peak memory (VmHWM) is printed: the figure behind the documented cap.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

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


def spread(values: list[float], scale: float = 1000, unit: str = "ms") -> str:
    return f"{min(values) * scale:.0f} / {statistics.median(values) * scale:.0f} / {max(values) * scale:.0f} {unit}"


def in_process(rounds: int) -> None:
    data = build()
    facts, read = _timed(lambda: extract(data), rounds)
    findings, checked = _timed(lambda: check(facts), rounds)
    estimated = pages.estimate(facts)[-1]
    print(f"1. Trong tiến trình: {len(facts.paragraphs)} đoạn, ≈{estimated} trang (ước tính), "
          f"{len(data) // 1024} KiB, {len(findings)} phát hiện (min / trung vị / max của {rounds} lần)")
    print(f"   đọc DOCX (facts) {spread(read)}; kiểm tra (nhận diện + quy tắc) {spread(checked)}")


def sample_decision(folder: Path) -> Path:
    """The decision the sample plan makes, written to ``folder``."""
    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root))
    from cchc_docs.contexts import registry
    from cchc_docs.model import load
    from cchc_docs.model.status import reporting_calendar
    from cchc_docs.render import engine

    loaded = load.load_all(root / "data" / "thuong-hong-2025-h2.yaml")
    jobs = registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]),
                              dt.date(2025, 9, 15))
    job = next(job for job in jobs if job.output == registry.DECISION.output)  # the Tờ trình comes first
    path = folder / job.output
    path.write_bytes(engine.render(root / "templates" / job.template, job.context()))
    return path


def command(rounds: int, folder: Path) -> None:
    path = sample_decision(folder)
    estimated = pages.estimate(extract(path))[-1]
    walls, cpus, loads = [], [], []
    for _ in range(rounds):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cchc_docs.cli", "check", str(path)], capture_output=True, check=False)
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
        loads.append(os.getloadavg()[0])
    print(f"2. cchc-docs check {path.name} (≈{estimated} trang, khởi động tính cả): thời gian thực {spread(walls)}, "
          f"CPU {spread(cpus)}; tải máy {min(loads):.2f}–{max(loads):.2f}; ngân sách 300 ms")


_CHILD = """
import atexit, sys
from pathlib import Path
atexit.register(lambda: print(next(l for l in Path("/proc/self/status").read_text().splitlines()
                                   if l.startswith("VmHWM:")).split()[1], file=sys.__stdout__))
from cchc_docs.cli.app import main
main(["check", sys.argv[1]])
"""
_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _near_limits(path: Path, paragraphs: int, runs: int, words: int) -> Path:
    """A body of ``paragraphs`` paragraphs of ``runs`` runs of ``words`` varied words (little compressible)."""
    rng = random.Random(paragraphs)
    vocabulary = ["".join(rng.choice("abcdeghiklmnopqrstuvxy") for _ in range(rng.randint(2, 7))) for _ in range(5000)]
    run = lambda: "<w:r><w:t>" + " ".join(rng.choice(vocabulary) for _ in range(words)) + "</w:t></w:r>"  # noqa: E731
    body = "".join("<w:p>" + "".join(run() for _ in range(runs)) + "</w:p>" for _ in range(paragraphs))
    stream = io.BytesIO()
    Document().save(stream)
    source = zipfile.ZipFile(io.BytesIO(stream.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "word/document.xml":
                data = f"<w:document {_W}><w:body>{body}</w:body></w:document>".encode()
            archive.writestr(item.filename, data)
    return path


def hostile(folder: Path) -> None:
    print("3. Tệp dựng sát các giới hạn (bộ nhớ đỉnh của tiến trình cchc-docs check):")
    cases = [("120.000 đoạn × 1 run, ít chữ", 119_000, 1, 3), ("120.000 đoạn × 2 run (240.000 run)", 119_000, 2, 4),
             ("gần 10 triệu ký tự", 119_000, 2, 6), ("ít đoạn, chữ dài", 20_000, 2, 60)]
    for label, paragraphs, runs, words in cases:
        path = _near_limits(folder / "gan-gioi-han.docx", paragraphs, runs, words)
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=False)
        peak = int(done.stdout.strip().splitlines()[-1]) / 1024
        answer = (done.stderr.strip().splitlines() or ["(không lỗi đọc)"])[-1].split(": ", 1)[-1]
        print(f"   {label}: {peak:.0f} MB, {time.perf_counter() - start:.1f} s, mã thoát {done.returncode} — {answer}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hostile", action="store_true")
    args = parser.parse_args()
    print(f"{os.cpu_count()} lõi, tải máy lúc đầu {os.getloadavg()[0]:.2f}")
    in_process(args.rounds)
    with tempfile.TemporaryDirectory(prefix="cchc-bench-check-") as folder:
        command(args.rounds, Path(folder))
        if args.hostile:
            hostile(Path(folder))


if __name__ == "__main__":
    main()
