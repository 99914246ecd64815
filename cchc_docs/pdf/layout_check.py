"""Layout checks on the converted PDF, where positions matter and DOCX facts cannot tell.

The DOCX says what was asked for (a first-page header without a number, a landscape
section); only the laid-out pages say what the printer gets: where page breaks fell,
whether the signature row was pushed apart from its Nơi nhận, which number stands at
the top of which page. Every rule here is a small pure function over the pages read by
:mod:`cchc_docs.pdf.poppler`, returning :class:`Finding` s in the format checker's style.

Sections are recognised from the pages themselves (each of ours restarts its page
numbers): page 1, a page that opens with the Quốc hiệu (the attached Kế hoạch), a page
that opens with a "Phụ lục" label, and a change of orientation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from cchc_docs.checks.findings import Finding
from cchc_docs.checks.pdf_rules import (
    ARTICLE_APPENDIX,
    ARTICLE_HEADER,
    ARTICLE_PAGE_NUMBER,
    ARTICLE_PRINT,
    ARTICLE_SIGNATURE,
)
from cchc_docs.pdf import poppler
from cchc_docs.pdf.poppler import Line, Page, Word
from cchc_docs.typeset import layout

PT_PER_MM = 72 / 25.4
MARGIN_TOP = layout.MARGIN_TOP_MM * PT_PER_MM
MARGIN_BOTTOM = layout.MARGIN_BOTTOM_MM * PT_PER_MM
MARGIN_LEFT = layout.MARGIN_LEFT_MM * PT_PER_MM
MARGIN_RIGHT = layout.MARGIN_RIGHT_MM * PT_PER_MM
EDGE_SLACK = 2.0  # pt: poppler's boxes include the line's ascent, a hair above the margin
SAME_LINE = 2.0  # pt: tops closer than this count as one line
BASELINE_TOLERANCE = 1.0  # pt
CENTRE_TOLERANCE = 5 * PT_PER_MM
# poppler boxes a word from baseline − 0.95·size to baseline + 0.35·size when the font
# gives no better metrics, so the baseline lies at this share of the box height.
ASCENT_SHARE = 0.95 / 1.30

NATIONAL_TITLES = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
APPENDIX_LABEL = re.compile(r"^Phụ lục( [IVXLC]+| \d+)?$")
AUTHORITY = re.compile(r"^(TM|KT|Q|TL|TUQ)\.$")
PAGE_NUMBER = re.compile(r"^\d{1,4}$")
# Headings that must not end a page: "I. CÔNG TÁC …" (a part, in capitals) and "Điều 3." (an article).
HEADING = re.compile(r"^(?:[IVXLC]+\.\s+\S.*|Điều \d+\.?)$")
OPENING_LINES = 4  # a section's marks (Quốc hiệu, "Phụ lục") stand among its first lines

@dataclass(frozen=True)
class Section:
    """Pages ``first``..``last`` (1-based) numbered from 1; ``kind`` is document or appendix."""

    first: int
    last: int
    kind: str

    @property
    def numbers(self) -> range:
        return range(self.first, self.last + 1)


@dataclass(frozen=True)
class Report:
    """What the PDF holds and what is wrong with its layout."""

    pages: int
    sections: tuple[Section, ...]
    findings: tuple[Finding, ...]

    @property
    def summary(self) -> str:
        """``14 trang (1 + 8 + 5)``: the page count, split by section."""
        parts = " + ".join(str(s.last - s.first + 1) for s in self.sections)
        return f"{self.pages} trang ({parts})" if len(self.sections) > 1 else f"{self.pages} trang"


def check_pdf(pdf: Path) -> Report:
    """Read a PDF with poppler and run every layout check on it."""
    return check(poppler.read_pages(pdf))


def check(pages: list[Page]) -> Report:
    """Every layout check on pages already read; pure."""
    sections = split_sections(pages)
    findings = [
        *page_numbers(pages, sections),
        *headers(pages, sections),
        *signatures(pages, sections),
        *appendix_orientation(pages, sections),
        *blank_pages(pages),
        *stranded_headings(pages, sections),
    ]
    return Report(len(pages), tuple(sections), tuple(findings))


# --- reading a page ------------------------------------------------------------------------------

def text_centre(page: Page) -> float:
    """The horizontal centre of the text area (margins from the house layout)."""
    return (MARGIN_LEFT + page.width - MARGIN_RIGHT) / 2


def in_top_margin(line: Line, page: Page) -> bool:
    return line.y1 <= MARGIN_TOP + EDGE_SLACK


def in_bottom_margin(line: Line, page: Page) -> bool:
    return line.y0 >= page.height - MARGIN_BOTTOM - EDGE_SLACK


def body_lines(page: Page) -> list[Line]:
    """Lines inside the margins: the page without its header and footer."""
    return [line for line in page.lines if not in_top_margin(line, page) and not in_bottom_margin(line, page)]


def page_number(page: Page) -> Line | None:
    """A number standing alone in the top or bottom margin."""
    for line in page.lines:
        if PAGE_NUMBER.match(line.text) and (in_top_margin(line, page) or in_bottom_margin(line, page)):
            return line
    return None


def opening_lines(page: Page) -> list[Line]:
    return body_lines(page)[:OPENING_LINES]


def find_phrase(lines: list[Line], phrase: str) -> Line | None:
    """The words spelling ``phrase`` in a row, as a Line, even where poppler merged columns."""
    target = phrase.split()
    for line in lines:
        texts = [w.text for w in line.words]
        for start in range(len(texts) - len(target) + 1):
            if texts[start:start + len(target)] == target:
                return Line(line.words[start:start + len(target)])
    return None


def national_title(page: Page) -> Line | None:
    """The Quốc hiệu among the page's opening lines."""
    lines = opening_lines(page)
    return next((found for title in NATIONAL_TITLES if (found := find_phrase(lines, title))), None)


def opens_appendix(page: Page) -> bool:
    return any(APPENDIX_LABEL.match(line.text) for line in opening_lines(page))


def baseline(line: Line) -> float:
    return line.y0 + ASCENT_SHARE * (line.y1 - line.y0)


def mid(item: Word | Line) -> float:
    return (item.x0 + item.x1) / 2


# --- sections ------------------------------------------------------------------------------------

def split_sections(pages: list[Page]) -> list[Section]:
    """Runs of pages that number from 1, each starting where a document or Phụ lục opens."""
    starts = [p.number for p in pages if p.number == 1 or _opens_section(p, pages[p.number - 2])]
    ends = [n - 1 for n in starts[1:]] + [len(pages)]
    return [Section(first, last, "appendix" if opens_appendix(pages[first - 1]) else "document")
            for first, last in zip(starts, ends, strict=True)]


def _opens_section(page: Page, previous: Page) -> bool:
    return page.landscape != previous.landscape or national_title(page) is not None or opens_appendix(page)


# --- page numbers --------------------------------------------------------------------------------

def page_numbers(pages: list[Page], sections: list[Section]) -> list[Finding]:
    """No number on a section's first page; 2, 3, … centred at the top of the others."""
    findings = []
    for section in sections:
        for offset, number in enumerate(section.numbers):
            findings += _page_number(pages[number - 1], offset + 1, section)
    return findings


def _page_number(page: Page, expected: int, section: Section) -> list[Finding]:
    line = page_number(page)
    if expected == 1:
        return [_number_on_first(page, line, section)] if line else []
    if line is None:
        return [_page_finding("PDF-PAGE-NUMBER-MISSING", "error", page, "trang không có số trang",
                              str(expected), "không có")]
    findings = []
    if int(line.text) != expected:
        findings.append(_page_finding("PDF-PAGE-NUMBER-SEQUENCE", "error", page,
                                      "số trang không đúng thứ tự (mỗi phần đánh số lại từ 1)",
                                      str(expected), line.text))
    if not in_top_margin(line, page) or abs(mid(line) - text_centre(page)) > CENTRE_TOLERANCE:
        findings.append(_page_finding("PDF-PAGE-NUMBER-POSITION", "error", page,
                                      "số trang phải ở lề trên, giữa dòng", "giữa lề trên",
                                      _where(line, page)))
    return findings


def _number_on_first(page: Page, line: Line, section: Section) -> Finding:
    # Hiding the number on a Phụ lục's first page follows the page-1 rule by practice only.
    severity = "warning" if section.kind == "appendix" else "error"
    return _page_finding("PDF-PAGE-NUMBER-FIRST", severity, page,
                         "trang đầu của văn bản (hoặc phụ lục) không được hiện số trang",
                         "không có số trang", line.text)


def _where(line: Line, page: Page) -> str:
    vertical = "lề trên" if in_top_margin(line, page) else "lề dưới"
    offset = (mid(line) - text_centre(page)) / PT_PER_MM
    return f"{vertical}, lệch {offset:+.0f} mm so với giữa dòng"


def _page_finding(rule, severity, page, message, expected, got) -> Finding:
    return Finding(rule, severity, message, ARTICLE_PAGE_NUMBER, expected=expected, got=got,
                   component="Số trang", page=page.number)


# --- header --------------------------------------------------------------------------------------

def headers(pages: list[Page], sections: list[Section]) -> list[Finding]:
    """Quốc hiệu top right and issuing body top left, on one baseline; Số and date likewise."""
    findings = []
    for section in sections:
        page = pages[section.first - 1]
        title = national_title(page)
        if title is None:
            if page.number == 1:
                findings.append(_header_finding("PDF-HEADER-POSITION", "error", page, "Quốc hiệu",
                                                "không thấy Quốc hiệu ở đầu trang đầu tiên",
                                                "đầu trang, bên phải", "không có"))
            continue
        findings += _header(page, title)
    return findings


def _header(page: Page, title: Line) -> list[Finding]:
    findings = []
    top = min(line.y0 for line in body_lines(page))
    if mid(title) <= text_centre(page) or not _on_first_line(title, top):
        findings.append(_header_finding("PDF-HEADER-POSITION", "error", page, "Quốc hiệu",
                                        "Quốc hiệu phải ở đầu trang, bên phải", "đầu trang, bên phải",
                                        _position(title, page)))
    body = _top_left(page)
    if body is None or not _on_first_line(body, top):
        got = _position(body, page) if body else "không có"
        findings.append(_header_finding("PDF-HEADER-POSITION", "error", page, "Tên cơ quan ban hành",
                                        "tên cơ quan ban hành phải ở đầu trang, bên trái",
                                        "đầu trang, bên trái", got))
    if body is not None:
        findings += _same_baseline(page, body, title, "Tên cơ quan ban hành / Quốc hiệu")
    number, date = _number_and_date(page)
    if number and date:
        findings += _same_baseline(page, number, date, "Số, ký hiệu / Địa danh, ngày tháng")
    return findings


def _on_first_line(line: Line, top: float) -> bool:
    """Starting within one line height of the page's first line: "at the top"."""
    return line.y0 < top + (line.y1 - line.y0)


def _top_left(page: Page) -> Line | None:
    """The first line of the left column: where the issuing body stands."""
    words = [w for line in body_lines(page) for w in line.words if mid(w) < text_centre(page)]
    if not words:
        return None
    top = min(w.y0 for w in words)
    return Line(tuple(w for w in words if w.y0 - top < SAME_LINE))


def _number_and_date(page: Page) -> tuple[Line | None, Line | None]:
    """The "Số: …" words (left column) and the "…, ngày …" words (right column)."""
    centre = text_centre(page)
    number = date = None
    for line in body_lines(page):
        left = tuple(w for w in line.words if mid(w) < centre)
        right = tuple(w for w in line.words if mid(w) >= centre)
        if number is None and left and left[0].text == "Số:":
            number = Line(left)
        if date is None and any(w.text == "ngày" for w in right):
            date = Line(right)
    return number, date


def _same_baseline(page: Page, left: Line, right: Line, component: str) -> list[Finding]:
    gap = baseline(right) - baseline(left)
    if abs(gap) <= BASELINE_TOLERANCE:
        return []
    return [_header_finding("PDF-HEADER-BASELINE", "warning", page, component,
                            "hai cột của phần đầu văn bản không cùng một dòng chân chữ",
                            "cùng dòng", f"lệch {gap:+.1f} pt")]


def _position(line: Line, page: Page) -> str:
    side = "bên phải" if mid(line) > text_centre(page) else "bên trái"
    return f"{side}, cách lề trên {(line.y0 - MARGIN_TOP) / PT_PER_MM:.0f} mm"


def _header_finding(rule, severity, page, component, message, expected, got) -> Finding:
    return Finding(rule, severity, message, ARTICLE_HEADER, expected=expected, got=got,
                   component=component, page=page.number)


# --- signature block -----------------------------------------------------------------------------

def signatures(pages: list[Page], sections: list[Section]) -> list[Finding]:
    """The signer block and Nơi nhận end their section on one page, never split by a break."""
    findings = []
    for section in sections:
        start = _signature_start(pages, section)
        if start is None:
            continue
        spill = [n for n in range(start + 1, section.last + 1) if body_lines(pages[n - 1])]
        if spill:
            findings.append(Finding(
                "PDF-SIGNATURE-SPLIT", "error",
                "khối chữ ký và Nơi nhận bị ngắt sang trang sau", ARTICLE_SIGNATURE,
                expected="cùng một trang", got=f"từ trang {start} sang trang {spill[-1]}",
                component="Chữ ký, Nơi nhận", page=start,
            ))
    return findings


def _signature_start(pages: list[Page], section: Section) -> int | None:
    """The page where the Nơi nhận or the signer's authority (TM., KT., …) first appears."""
    for number in section.numbers:
        page = pages[number - 1]
        lines = body_lines(page)
        if find_phrase(lines, "Nơi nhận:") or any(_is_authority(line, page) for line in lines):
            return number
    return None


def _is_authority(line: Line, page: Page) -> bool:
    """A "TM."/"KT."/… word opening the right column of a line."""
    centre = text_centre(page)
    for before, word in pairwise((None, *line.words)):
        if AUTHORITY.match(word.text) and mid(word) > centre and (before is None or mid(before) < centre):
            return True
    return False


# --- orientation and blank pages -----------------------------------------------------------------

def appendix_orientation(pages: list[Page], sections: list[Section]) -> list[Finding]:
    """The Phụ lục's wide task table is laid out on landscape pages."""
    findings = []
    for section in sections:
        portrait = [n for n in section.numbers if not pages[n - 1].landscape]
        if section.kind == "appendix" and portrait:
            findings.append(Finding(
                "PDF-APPENDIX-LANDSCAPE", "warning", "trang phụ lục phải nằm ngang", ARTICLE_APPENDIX,
                expected="trang ngang", got=f"trang dọc: {_pages_text(portrait)}",
                component="Phụ lục", page=portrait[0],
            ))
    return findings


def blank_pages(pages: list[Page]) -> list[Finding]:
    """A page with nothing but a page number wastes paper and is usually a stray break."""
    return [
        Finding("PDF-PAGE-BLANK", "warning", "trang trắng (chỉ có số trang hoặc không có gì)",
                ARTICLE_PRINT, page=page.number)
        for page in pages if not body_lines(page)
    ]


def stranded_headings(pages: list[Page], sections: list[Section]) -> list[Finding]:
    """A part's heading as the last line of a page, its text on the next: the reader turns the page mid-thought.

    Only within a section: the last page of a section ends where the section ends.
    """
    last_pages = {section.last for section in sections}
    findings = []
    for page in pages:
        lines = body_lines(page)
        if page.number in last_pages or not lines or not _is_heading(lines[-1].text):
            continue
        findings.append(Finding(
            "PDF-HEADING-STRANDED", "warning", "đề mục nằm một mình ở cuối trang, nội dung của nó sang trang sau",
            ARTICLE_PRINT, expected="đề mục cùng trang với dòng đầu nội dung (giữ với đoạn sau)",
            got=f"“{lines[-1].text}”", page=page.number))
    return findings


def _is_heading(text: str) -> bool:
    return bool(HEADING.match(text)) and (text.startswith("Điều") or text == text.upper())


def _pages_text(numbers: list[int]) -> str:
    return f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 1 else str(numbers[0])
