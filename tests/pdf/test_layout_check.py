"""Layout checks on PDFs: pure rules on pages built here, then real PDFs with planted faults.

The first part builds pages word by word (positions in points, as poppler reports
them), so each rule is shown passing and failing in isolation. The second part
converts the sample decision, a report and the sample with one fault planted in its
DOCX, all in one LibreOffice batch, and reads them back.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_support import (
    build_sample,
    lowered_national_title,
    number_on_first_page,
    portrait_appendix,
    require_office,
    split_signature,
)

from cchc_docs.pdf import layout_check, poppler
from cchc_docs.pdf.office import Office, Settings
from cchc_docs.pdf.poppler import Line, Page, Word

A4 = (595.3, 841.9)
CENTRE = layout_check.text_centre(Page(1, *A4, ()))
LANDSCAPE_CENTRE = layout_check.text_centre(Page(1, A4[1], A4[0], ()))
NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def line(text: str, x: float, y: float, size: float = 12) -> Line:
    """Words set from ``x`` with the top of their boxes at ``y`` (half an em per letter)."""
    words, left = [], x
    for word in text.split():
        right = left + 0.5 * size * len(word)
        words.append(Word(word, left, y, right, y + 1.3 * size))
        left = right + 0.25 * size
    return Line(tuple(words))


def centred(text: str, y: float, centre: float = CENTRE, size: float = 13) -> Line:
    width = line(text, 0, y, size).x1
    return line(text, centre - width / 2, y, size)


def page(number: int, *lines: Line, landscape: bool = False) -> Page:
    width, height = (A4[1], A4[0]) if landscape else A4
    return Page(number, width, height, tuple(sorted(lines, key=lambda found: (found.y0, found.x0))))


def header(y: float = 56.5, title_drop: float = 0.0) -> list[Line]:
    """Issuing body top left, Quốc hiệu top right, Số and date below them."""
    return [
        line("ỦY BAN NHÂN DÂN", 120, y), line(NATIONAL_TITLE, 286, y + title_drop),
        line("Số: 39/QĐ-UBND", 128, y + 37, 13), line("Thượng Hồng, ngày 31 tháng 7 năm 2025", 302, y + 37, 13),
    ]


def body(y: float = 200, text: str = "Nội dung văn bản được trình bày đều hai bên") -> Line:
    return line(text, 85, y, 14)


def number(n: int, centre: float = CENTRE, y: float = 28) -> Line:
    return centred(str(n), y, centre)


def signature(y: float) -> list[Line]:
    return [line("Nơi nhận:", 85, y), line("TM. ỦY BAN NHÂN DÂN", 345, y, 14),
            line("- Lưu: VT, VHXH.", 85, y + 100, 11)]


def appendix_page(n: int, *extra: Line, landscape: bool = True) -> Page:
    centre = LANDSCAPE_CENTRE if landscape else CENTRE
    return page(n, centred("Phụ lục", 57, centre, 14), centred("DANH MỤC NHIỆM VỤ", 75, centre), *extra,
                landscape=landscape)


def rules(pages: list[Page]) -> list[str]:
    return [f.rule for f in layout_check.check(pages).findings]


# --- well-formed pages ---------------------------------------------------------------------------

def test_a_well_formed_decision_with_appendix_has_no_findings():
    pages = [
        page(1, *header(), body()),
        page(2, number(2), body(60)),
        appendix_page(3),
        page(4, number(2, LANDSCAPE_CENTRE), line("STT Nội dung", 85, 57), landscape=True),
    ]
    report = layout_check.check(pages)
    assert report.findings == ()
    assert [(s.first, s.last, s.kind) for s in report.sections] == [(1, 2, "document"), (3, 4, "appendix")]
    assert report.summary == "4 trang (2 + 2)"


def test_a_page_opening_with_the_national_title_starts_a_new_document():
    pages = [page(1, *header(), body()), page(2, *header()[:2], body()), page(3, number(2), body(60))]
    assert [(s.first, s.last) for s in layout_check.split_sections(pages)] == [(1, 1), (2, 3)]


def test_a_change_of_orientation_starts_a_section():
    pages = [page(1, *header(), body()), page(2, body(60), landscape=True)]
    assert [(s.first, s.kind) for s in layout_check.split_sections(pages)] == [(1, "document"), (2, "document")]


def test_one_section_summary_has_no_breakdown():
    assert layout_check.check([page(1, *header(), body())]).summary == "1 trang"


# --- page numbers --------------------------------------------------------------------------------

def test_a_number_on_the_first_page_is_an_error():
    findings = layout_check.check([page(1, number(1), *header(), body())]).findings
    assert [(f.rule, f.severity, f.page, f.got) for f in findings] == [("PDF-PAGE-NUMBER-FIRST", "error", 1, "1")]


def test_a_number_on_an_appendix_first_page_is_only_a_warning():
    pages = [page(1, *header(), body()), appendix_page(2, number(1, LANDSCAPE_CENTRE))]
    findings = layout_check.check(pages).findings
    assert [(f.rule, f.severity, f.page) for f in findings] == [("PDF-PAGE-NUMBER-FIRST", "warning", 2)]


def test_a_second_page_without_a_number_is_an_error():
    assert rules([page(1, *header(), body()), page(2, body(60))]) == ["PDF-PAGE-NUMBER-MISSING"]


def test_numbers_must_restart_in_each_section():
    pages = [
        page(1, *header(), body()), page(2, number(2), body(60)),
        appendix_page(3), page(4, number(4, LANDSCAPE_CENTRE), body(60), landscape=True),
    ]
    findings = layout_check.check(pages).findings
    assert [(f.rule, f.page, f.expected, f.got) for f in findings] == [("PDF-PAGE-NUMBER-SEQUENCE", 4, "2", "4")]


def test_a_number_in_the_footer_is_misplaced():
    pages = [page(1, *header(), body()), page(2, body(60), number(2, y=800))]
    assert rules(pages) == ["PDF-PAGE-NUMBER-POSITION"]


def test_a_number_at_the_left_margin_is_misplaced():
    pages = [page(1, *header(), body()), page(2, line("2", 85, 28), body(60))]
    finding = layout_check.check(pages).findings[0]
    assert finding.rule == "PDF-PAGE-NUMBER-POSITION" and "lề trên" in finding.got


def test_table_cells_holding_digits_are_not_page_numbers():
    pages = [page(1, *header(), line("1", 95, 300), body()), page(2, number(2), line("7", 95, 60))]
    assert rules(pages) == []


# --- header --------------------------------------------------------------------------------------

def test_national_title_below_the_issuing_body_baseline_is_a_warning():
    findings = layout_check.check([page(1, *header(title_drop=4), body())]).findings
    assert [(f.rule, f.severity, f.got) for f in findings] == [("PDF-HEADER-BASELINE", "warning", "lệch +4.0 pt")]


def test_number_and_date_on_different_baselines_are_a_warning():
    lines = header()
    lines[3] = line("Thượng Hồng, ngày 31 tháng 7 năm 2025", 302, 56.5 + 40, 13)
    findings = layout_check.check([page(1, *lines, body())]).findings
    assert [(f.rule, f.component) for f in findings] == [
        ("PDF-HEADER-BASELINE", "Số, ký hiệu / Địa danh, ngày tháng")]


def test_national_title_on_the_left_is_an_error():
    lines = [line(NATIONAL_TITLE, 85, 56.5), line("ỦY BAN NHÂN DÂN", 400, 75), body()]
    assert "PDF-HEADER-POSITION" in rules([page(1, *lines)])


def test_a_first_page_without_national_title_is_an_error():
    finding = layout_check.check([page(1, body(60))]).findings[0]
    assert (finding.rule, finding.component, finding.got) == ("PDF-HEADER-POSITION", "Quốc hiệu", "không có")


def test_a_national_title_merged_with_the_left_column_is_still_found():
    merged = Line(header()[0].words + header()[1].words)
    assert rules([page(1, merged, body())]) == []


# --- signature block -----------------------------------------------------------------------------

def test_signature_and_recipients_ending_their_page_pass():
    pages = [page(1, *header(), body(), *signature(600))]
    assert rules(pages) == []


def test_signature_block_running_onto_the_next_page_is_an_error():
    pages = [page(1, *header(), body(), *signature(700)), page(2, number(2), line("[Họ] Thị Thay", 430, 60, 14))]
    findings = layout_check.check(pages).findings
    assert [(f.rule, f.page, f.got) for f in findings] == [("PDF-SIGNATURE-SPLIT", 1, "từ trang 1 sang trang 2")]


def test_authority_word_inside_a_sentence_is_not_a_signature():
    sentence = line("Giao Q. Trưởng phòng TM. tổ chức thực hiện", 85, 300, 14)
    pages = [page(1, *header(), sentence), page(2, number(2), body(60))]
    assert rules(pages) == []


# --- orientation and blank pages -----------------------------------------------------------------

def test_a_portrait_appendix_is_reported_once_with_its_pages():
    pages = [page(1, *header(), body()), appendix_page(2, landscape=False), page(3, number(2), body(60))]
    findings = layout_check.check(pages).findings
    assert [(f.rule, f.severity, f.page, f.got) for f in findings] == [
        ("PDF-APPENDIX-LANDSCAPE", "warning", 2, "trang dọc: 2–3")]


def test_a_page_holding_only_its_number_is_blank():
    pages = [page(1, *header(), body()), page(2, number(2))]
    assert rules(pages) == ["PDF-PAGE-BLANK"]


# --- real PDFs from LibreOffice --------------------------------------------------------------------

PLANTED = {
    "number-on-first-page": (number_on_first_page, {"PDF-PAGE-NUMBER-FIRST"}),
    "portrait-appendix": (portrait_appendix, {"PDF-APPENDIX-LANDSCAPE"}),
    "split-signature": (split_signature, {"PDF-SIGNATURE-SPLIT"}),
    "lowered-national-title": (lowered_national_title, {"PDF-HEADER-BASELINE"}),
}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    """The samples and the planted faults, converted in one LibreOffice batch."""
    require_office()
    out = tmp_path_factory.mktemp("pdfcheck")
    decision_path, *reports = build_sample(out / "build")
    decision = decision_path.read_bytes()
    documents = {"decision": decision, **{name: plant(decision) for name, (plant, _) in PLANTED.items()}}
    documents.update({path.stem: path.read_bytes() for path in reports})
    paths = {}
    for name, data in zip(documents, Office(Settings(jobs=2)).convert(list(documents.values())), strict=True):
        assert isinstance(data, bytes), f"{name}: {data}"
        paths[name] = out / f"{name}.pdf"
        paths[name].write_bytes(data)
    return paths


@pytest.fixture(scope="module")
def reports(pdfs) -> dict[str, layout_check.Report]:
    return {name: layout_check.check_pdf(path) for name, path in pdfs.items()}


@pytest.mark.libreoffice
def test_the_sample_decision_passes_every_layout_check(reports):
    report = reports["decision"]
    assert [str(f) for f in report.findings] == []
    assert [s.kind for s in report.sections] == ["document", "document", "appendix"]


@pytest.mark.libreoffice
def test_the_sample_reports_pass_every_layout_check(reports):
    names = [name for name in reports if name.startswith("bao-cao")]
    assert names, "the sample build makes at least one report"
    for name in names:
        assert [str(f) for f in reports[name].findings] == [], name
        assert reports[name].sections[0].kind == "document"


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", PLANTED)
def test_a_planted_fault_is_found_and_nothing_else(reports, name):
    assert {f.rule for f in reports[name].findings} == PLANTED[name][1]


@pytest.mark.libreoffice
def test_the_sample_appendix_is_landscape_and_the_rest_portrait(pdfs, reports):
    appendix = reports["decision"].sections[-1]
    sizes = poppler.page_sizes(pdfs["decision"])
    assert [w > h for w, h in sizes] == [n >= appendix.first for n in range(1, len(sizes) + 1)]


def test_every_pdf_rule_raised_is_in_the_catalogue():
    import re

    from cchc_docs.checks import catalogue, pdf_rules

    package = Path(layout_check.__file__).parent
    raised = set()
    for module in ("layout_check.py", "fonts.py"):
        raised |= set(re.findall(r'"(PDF-[A-Z-]+)"', (package / module).read_text(encoding="utf-8")))
    assert raised == set(pdf_rules.PDF_RULES)
    listed = {entry["id"] for entry in catalogue.entries()}
    assert set(pdf_rules.PDF_RULES) <= listed


# --- headings left at the foot of a page ---------------------------------------------------------

@pytest.mark.parametrize("heading", ["II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "Điều 3."])
def test_a_heading_ending_a_page_with_its_text_on_the_next_is_a_warning(heading):
    pages = [page(1, *header(), body(), body(700, heading)), page(2, number(2), body(60))]
    (finding,) = layout_check.check(pages).findings
    assert (finding.rule, finding.page, finding.got) == ("PDF-HEADING-STRANDED", 1, f"“{heading}”")


def test_a_heading_followed_by_its_text_or_ending_the_document_is_fine():
    text_after = [page(1, *header(), body(650, "II. KẾT QUẢ"), body(680)), page(2, number(2), body(60))]
    last_page = [page(1, *header(), body()), page(2, number(2), body(60), body(700, "IV. ĐỀ XUẤT"))]
    sentence = [page(1, *header(), body(700, "Điều 3 của Quyết định này được sửa như sau")),
                page(2, number(2), body(60))]
    assert rules(text_after) == rules(last_page) == rules(sentence) == []
