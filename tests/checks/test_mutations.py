"""Plant one fault at a time in the generated sample decision; each is reported by its rule.

The clean sample gives exactly one finding by design: the signer's surname is the
placeholder ``[Họ]`` (illegible in the source document), a warning.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from cchc_docs.checks import check_bytes
from cchc_docs.contexts import registry
from cchc_docs.model import load
from cchc_docs.model.status import reporting_calendar
from cchc_docs.render import engine

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"
TEMPLATES = ROOT / "templates"
TODAY = dt.date(2025, 9, 15)


@pytest.fixture(scope="module")
def sample_outputs() -> dict[str, bytes]:
    """Every document the sample plan produces (decision, reports …), rendered in memory."""
    loaded = load.load_all(SAMPLE)
    versions, statuses = loaded.versions, loaded.statuses
    jobs = registry.plan_jobs(versions, statuses, reporting_calendar(versions[0]), TODAY)
    return {job.output: engine.render(TEMPLATES / job.template, job.context()) for job in jobs}


@pytest.fixture(scope="module")
def sample_decision(sample_outputs) -> bytes:
    return sample_outputs["quyet-dinh.docx"]


def _paragraphs(document) -> list[Paragraph]:
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def _find(document, predicate) -> Paragraph:
    return next(p for p in _paragraphs(document) if predicate(p.text))


def _replace(document, old: str, new: str, nth: int = 0) -> None:
    """Replace text inside the run that holds it (the nth paragraph containing it)."""
    paragraph = [p for p in _paragraphs(document) if old in p.text][nth]
    run = next(r for r in paragraph.runs if old in r.text)
    run.text = run.text.replace(old, new, 1)


def _left_margin(document):
    document.sections[0].left_margin = Mm(25)


def _arial(document):
    run = _find(document, lambda t: t.startswith("Điều 2.")).runs[1]
    run.font.name = "Arial"


def _item_13pt(document):
    _find(document, lambda t: t == "- Sở Nội vụ TP Hải Phòng;").runs[0].font.size = Pt(13)


def _title_not_bold(document):
    for run in _find(document, lambda t: t.startswith("CỘNG HÒA")).runs:
        run.bold = False


def _number_on_first_page(document):
    document.sections[0].different_first_page_header_footer = False


def _point_in_italics(document):
    for run in _find(document, lambda t: t.startswith("a) Phòng Văn hóa")).runs:
        run.italic = True


def _clause_title_regular(document):
    for run in _find(document, lambda t: t == "1. Mục đích").runs:
        run.bold = False


def _national_title_on_two_lines(document):
    paragraph = _find(document, lambda t: t.startswith("CỘNG HÒA"))
    paragraph.runs[0].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"
    paragraph.runs[0].add_break()
    paragraph.runs[0].add_text("VIỆT NAM")


def _date_a_line_down(document):
    date = _find(document, lambda t: t.startswith("Thượng Hồng, ngày"))
    blank = date.insert_paragraph_before(" ")
    blank.runs[0].font.size = date.runs[0].font.size or Pt(14)


FAULTS = {
    "left margin 25 mm": (_left_margin, "ND30-MARGIN-LEFT"),
    "tháng 07": (lambda d: _replace(d, "tháng 7 năm 2025", "tháng 07 năm 2025"), "ND30-DATE-MONTH-PADDING"),
    "tháng 1": (lambda d: _replace(d, "tháng 7 năm 2025", "tháng 1 năm 2025"), "ND30-DATE-MONTH-PADDING"),
    "ngày 5": (lambda d: _replace(d, "ngày 31 tháng", "ngày 5 tháng"), "ND30-DATE-DAY-PADDING"),
    "en dash in the motto": (lambda d: _replace(d, "Độc lập - Tự do", "Độc lập – Tự do"), "ND30-MOTTO-DASH"),
    "Số: 5/QĐ-UBND": (lambda d: _replace(d, "Số: 39/", "Số: 5/"), "ND30-NUMBER-LEADING-ZERO"),
    "Lưu VT without colon": (lambda d: _replace(d, "- Lưu: VT", "- Lưu VT"), "ND30-RECIPIENTS-LAST-ITEM"),
    "a body run in Arial": (_arial, "ND30-FONT-FAMILY"),
    "a Nơi nhận item at 13 pt": (_item_13pt, "ND30-RECIPIENTS-ITEM-SIZE"),
    "Quốc hiệu not bold": (_title_not_bold, "ND30-NATIONAL-TITLE-BOLD"),
    "page number on page 1": (_number_on_first_page, "ND30-PAGE-NUMBER-FIRST-PAGE"),
    "Điều 2:": (lambda d: _replace(d, "Điều 2.", "Điều 2:"), "ND30-ARTICLE-FORMAT"),
    "sections I, II, II": (lambda d: _replace(d, "III. NHIỆM VỤ", "II. NHIỆM VỤ"), "ND30-SECTION-NUMBERING"),
    "điểm in italics": (_point_in_italics, "ND30-POINT-ITALIC"),
    "titled khoản not bold": (_clause_title_regular, "ND30-CLAUSE-TITLE-BOLD"),
    "Quốc hiệu on two lines": (_national_title_on_two_lines, "ND30-NATIONAL-TITLE-ONE-LINE"),
    "date a line below the Số": (_date_a_line_down, "ND30-DATE-SAME-LINE"),
}


def _mutated(data: bytes, plant) -> bytes:
    document = docx.Document(io.BytesIO(data))
    plant(document)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def test_clean_sample_gives_only_the_placeholder_warning(sample_decision):
    (finding,) = check_bytes(sample_decision)
    assert (finding.rule, finding.severity, finding.excerpt) == ("ND30-PLACEHOLDER", "warning", "[Họ] Thị Thay")


def test_sample_with_a_real_name_gives_no_finding(sample_decision):
    assert check_bytes(_mutated(sample_decision, lambda d: _replace(d, "[Họ] Thị Thay", "Nguyễn Thị Thay"))) == []


def test_every_shipped_document_is_clean_apart_from_the_placeholder(sample_outputs):
    assert len(sample_outputs) > 1
    for name, data in sample_outputs.items():
        rules = [f.rule for f in check_bytes(data)]
        assert rules == ["ND30-PLACEHOLDER"], name


@pytest.mark.parametrize("fault", list(FAULTS))
def test_each_planted_fault_is_reported_by_its_rule(sample_decision, fault):
    plant, rule_id = FAULTS[fault]
    findings = check_bytes(_mutated(sample_decision, plant))
    assert rule_id in {f.rule for f in findings}
    assert all(f.rule == "ND30-PLACEHOLDER" or f.rule == rule_id or f.severity == "error" for f in findings)
    errors = [f for f in findings if f.rule == rule_id]
    assert all(f.severity == "error" for f in errors)


# --- one reading, however it is done ----------------------------------------------------------------
# Formatting is resolved once per distinct property set and shared across documents with
# the same styles, table rows and paragraphs of one shape are replayed (and cut from the
# tree parsed once their shape is known), only the paragraphs that may open a part or the
# closing are asked, and a large body is read in blocks. Every sample document and every
# mutated one must give the same facts and findings as a reading that resolves every
# paragraph afresh from a whole tree.


def _readings(data: bytes, monkeypatch) -> dict[str, tuple]:
    import dataclasses

    from cchc_docs.checks import check
    from cchc_docs.facts import formats
    from cchc_docs.facts.extract import LIMITS, extract

    def read(limits=LIMITS):
        facts = extract(data, limits)
        return facts, check(facts)

    readings = {"shared": read()}  # the memo warm from the documents read before
    formats._MEMO.clear()
    readings["cold"] = read()
    read()  # its shapes met once in it are now met twice, and mapped
    readings["every shape known, cut from the tree"] = read()
    readings["in blocks"] = read(dataclasses.replace(LIMITS, stream_bytes=0))
    with monkeypatch.context() as patch:
        _every_paragraph_asked(patch)
        readings["every paragraph asked"] = read()
    with monkeypatch.context() as patch:
        _nothing_replayed(patch)
        formats._MEMO.clear()
        readings["nothing replayed"] = read()
    with monkeypatch.context() as patch:  # no memo at all: every property set resolved where it stands
        patch.setattr(formats.Formats, "paragraph", lambda self, *args: self._paragraph(*args))
        patch.setattr(formats.Formats, "run", lambda self, *args: self._run(*args))
        patch.setattr(formats.Formats, "cell", lambda self, tcpr: formats._cell_format(tcpr))
        _every_paragraph_asked(patch)
        _nothing_replayed(patch)
        formats._MEMO.clear()
        readings["afresh"] = read()
    return readings


def _every_paragraph_asked(patch) -> None:
    """Recognition asks every paragraph whether it opens a part or the closing."""
    from cchc_docs.checks import scan

    patch.setattr(scan, "find", lambda paragraphs: scan.Candidates(
        tuple(p.index for p in paragraphs if len(p.text) < 200), tuple(p.index for p in paragraphs)))


def _nothing_replayed(patch) -> None:
    """Every table row and paragraph walked, none replayed from an earlier one of its shape."""
    from cchc_docs.facts import walk

    patch.setattr(walk.Walker, "row", walk.Walker.walk_row)
    patch.setattr(walk.Walker, "paragraph", walk.Walker.walk_paragraph)


def test_every_sample_and_mutation_reads_the_same_however_it_is_read(sample_outputs, sample_decision, monkeypatch):
    documents = dict(sample_outputs)
    documents.update({fault: _mutated(sample_decision, plant) for fault, (plant, _) in FAULTS.items()})
    for name, data in documents.items():
        readings = _readings(data, monkeypatch)
        reference = readings.pop("afresh")
        for how, reading in readings.items():
            assert reading == reference, f"{name}: read {how}"
