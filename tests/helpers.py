"""Shared test helpers: a small valid plan, the sample's paths, DOCX text and folder snapshots.

Inputs are YAML text written in the tests (or the sample with one small edit); outputs
are read back as facts (texts, properties), never compared as bytes except where
determinism itself is the subject.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph

from cchc_docs.contexts import decision as decision_context
from cchc_docs.model import source, validate
from cchc_docs.model.plan import PlanFile

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"
TEMPLATES = ROOT / "templates"
SEED = Path(__file__).resolve().parent / "fixtures" / "seed-quyet-dinh-39-2025.md"

# The "today" every test builds with; it only matters for undated drafts.
TODAY = dt.date(2025, 9, 15)

# A small plan that passes validation. test_validate asserts exact ``line:col``
# positions in copies of this text: editing it means updating those messages.
MINIMAL_PLAN = """\
issuing_body:
  name: Ủy ban nhân dân xã Thượng Hồng
  header: [ỦY BAN NHÂN DÂN, XÃ THƯỢNG HỒNG]
  abbreviation: UBND
  place: Thượng Hồng
units:
  - code: VHXH
    name: Phòng Văn hóa - Xã hội
    short_name: Phòng VHXH
  - code: VP
    name: Văn phòng HĐND và UBND xã
decision:
  number: "39"
  date: "2025-07-31"
  title: Ban hành Kế hoạch cải cách hành chính năm 2025
  authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG
  legal_bases:
    - Luật Tổ chức chính quyền địa phương ngày 16/6/2025
    - Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ
  proposal: Trưởng phòng Văn hóa - Xã hội
  articles:
    - Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.
    - Quyết định có hiệu lực kể từ ngày ký.
    - Chánh Văn phòng và các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này.
  recipients:
    - Như Điều 3
    - Sở Nội vụ
  archive: [VHXH]
  signer:
    on_behalf_of: ỦY BAN NHÂN DÂN
    title: CHỦ TỊCH
    name: Nguyễn Văn An
plan:
  title: Cải cách hành chính năm 2025
  start: "2025-07-01"
  end: "2025-12-31"
  sections:
    - title: MỤC ĐÍCH, YÊU CẦU
      body:
        - heading: Mục đích
          body:
            - bullet: Nâng cao chất lượng phục vụ.
    - title: CÁC CHỈ TIÊU CHỦ YẾU
      body:
        - include: targets
    - title: TỔ CHỨC THỰC HIỆN
      body:
        - Các phòng triển khai Kế hoạch này.
  targets:
    - id: CT01
      text: Hoàn thành 100% nhiệm vụ được giao.
      value: "100"
      unit: "%"
  tasks:
    - id: T01
      area: direction
      content: Ban hành Kế hoạch
      lead: VHXH
      partners: [VP]
      deadline: "2025-08"
      product: Kế hoạch được ban hành
"""


# MINIMAL_PLAN as a draft: no number, so the build may rewrite it freely.
DRAFT = MINIMAL_PLAN.replace('  number: "39"\n', "", 1)

# The plan's own issue (issue 14.13), to stand in for MINIMAL_PLAN's decision: see stand_alone().
PLAN_ISSUE = """\
  issue:
    number: "11"
    date: "2025-07-31"
    legal_bases: [Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ]
    implements: [Kế hoạch số 245/KH-UBND ngày 20/7/2025 của Ủy ban nhân dân thành phố về cải cách hành chính]
    recipients: [Sở Nội vụ, "CT, các PCT UBND xã"]
    archive: [VHXH]
    signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn An}
"""


def stand_alone(text: str = MINIMAL_PLAN, issue: str = PLAN_ISSUE) -> str:
    """``text`` issued as a plan of its own (Số: 11/KH-UBND): its decision replaced by ``plan.issue``."""
    start, end = text.index("decision:\n"), text.index("plan:\n")
    return (text[:start] + text[end:]).replace("plan:\n", "plan:\n" + issue, 1)


# ---------------------------------------------------------------- input helpers


def plans_folder(tmp_path: Path, texts_by_name: dict[str, str]) -> Path:
    """``tmp_path/data`` holding one ``<name>.yaml`` plan per entry (the folder may exist already)."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    for name, text in texts_by_name.items():
        (folder / f"{name}.yaml").write_text(text, encoding="utf-8")
    return folder


# One issued amendment of MINIMAL_PLAN; ``{changes}`` is its list of changes.
AMENDMENT = """\
amendments:
  - id: SD01
    decision:
      number: "52"
      date: "2025-10-15"
      title: Sửa đổi, bổ sung Kế hoạch cải cách hành chính năm 2025
      authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG
      legal_bases: [Luật Tổ chức chính quyền địa phương ngày 16/6/2025]
      executors: Chánh Văn phòng, Trưởng phòng Văn hóa - Xã hội
      recipients: [Như Điều 4]
      archive: [VHXH]
      signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn An}
    changes:
{changes}"""


def plan_with(changes: str, more: str = "") -> str:
    """MINIMAL_PLAN with one amendment making ``changes`` (YAML list items), then ``more``."""
    return MINIMAL_PLAN + AMENDMENT.replace("{changes}", changes) + more


def edited(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced (fails loudly if not unique)."""
    count = text.count(old)
    assert count == 1, f"{old!r} occurs {count} times in the text to edit"
    return text.replace(old, new)


def parse_plan(text: str, name: str = "plan.yaml") -> PlanFile:
    """Validate YAML text into a PlanFile (raises DataError / SourceError)."""
    return validate.validate(source.parse(text, name))


def write_plan(folder: Path, text: str, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def context_of(text: str, today: dt.date = TODAY) -> dict:
    """The decision document's context for a plan written as YAML text."""
    return decision_context.build(parse_plan(text), today)


# ---------------------------------------------------------------- DOCX helpers


def open_docx(data: bytes | Path):
    return docx.Document(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def paragraphs(document) -> list[Paragraph]:
    """Every body paragraph in document order, table cells included."""
    return [Paragraph(p, document._body) for p in document.element.body.iter(qn("w:p"))]


def texts(document) -> list[str]:
    return [p.text for p in paragraphs(document)]


def section_paragraphs(document) -> list[list[Paragraph]]:
    """Body paragraphs (table cells included) split by section, in document order.

    A section ends with the paragraph that carries its ``w:sectPr``; the last section
    is closed by the body's own ``w:sectPr``.
    """
    sections: list[list[Paragraph]] = [[]]
    for paragraph in paragraphs(document):
        sections[-1].append(paragraph)
        if paragraph._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            sections.append([])
    return sections


def section_texts(document) -> list[list[str]]:
    return [[p.text for p in section] for section in section_paragraphs(document)]


def border(paragraph, side: str = "top", style: str = "single") -> None:
    """A paragraph border on one side: how Word draws a rule (under the issuing body, the trích yếu …)."""
    ppr = paragraph._p.get_or_add_pPr()
    pbdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for key, value in (("w:val", style), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        edge.set(qn(key), value)
    pbdr.append(edge)
    ppr.insert_element_before(pbdr, "w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc", "w:rPr")


def fixed_table(container, widths_mm: list[float], rows: int = 1, grid: bool = False):
    """A table with fixed column widths (the grid is what Word lays out), its cells empty;
    borderless (a layout table) unless ``grid``."""
    made = container.add_table(rows=rows, cols=len(widths_mm))
    if grid:
        made.style = "Table Grid"
    for col, width in zip(made._tbl.tblGrid.findall(qn("w:gridCol")), widths_mm, strict=True):
        col.set(qn("w:w"), str(round(width * 56.6929)))
    for row in made.rows:
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return made


def centred_rule(paragraph, length_mm: float, box_mm: float):
    """``paragraph`` (an empty line) made a rule: a top border ``length_mm`` long, centred in ``box_mm``."""
    indent = max(box_mm - length_mm, 0) / 2
    paragraph.paragraph_format.left_indent = paragraph.paragraph_format.right_indent = Mm(indent)
    border(paragraph)
    return paragraph


def tree_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes), to prove nothing changed."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
