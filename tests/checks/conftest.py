"""A builder of correct ND30 documents, made with python-docx the way a clerk types them.

No style of ours is used: every paragraph gets direct formatting (Times New Roman on
all four font slots, the size, bold/italic, alignment), the header and signature are
borderless tables, rules are borders of empty paragraphs with indents. Tests build a
clean document, break one thing through the handles (``built["motto"]``), and check.
"""

from __future__ import annotations

import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from helpers import centred_rule
from helpers import fixed_table as table

from cchc_docs.checks import check
from cchc_docs.facts.extract import extract
from cchc_docs.typeset import widths

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT
FONT = "Times New Roman"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
BODY_LINES = ("ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG")
LEFT_MM, RIGHT_MM = 65.0, 100.0
CELL_MARGINS_MM = 3.8  # Word's default 1.9 mm each side


# --- low-level helpers ------------------------------------------------------------------------


def set_fonts(run, name: str = FONT) -> None:
    """The font on all four slots, as the decree wants it for every character."""
    rpr = run._r.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)


def add_run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False):
    run = paragraph.add_run(text)
    set_fonts(run)
    run.font.size = Pt(size)
    run.bold, run.italic = bold, italic
    return run


def add_para(container, text: str = "", size: float = 14, bold: bool = False, italic: bool = False,
             align=CENTER, indent: float | None = None, before: float = 0, after: float = 0):
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment = align
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(before), Pt(after), 1.0
    fmt.first_line_indent = Mm(indent) if indent is not None else Mm(0)
    if text:
        add_run(paragraph, text, size, bold, italic)
    return paragraph


def add_rule(container, length_mm: float, box_mm: float):
    """An empty paragraph whose top border, indented both sides, is a centred rule."""
    return centred_rule(add_para(container, size=6), length_mm, box_mm)


def set_text(paragraph, text: str) -> None:
    """Replace a paragraph's text, keeping the first run's formatting."""
    runs = paragraph.runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def for_runs(paragraph, **attributes) -> None:
    """Set ``size``, ``bold``, ``italic`` or ``font`` on every run."""
    for run in paragraph.runs:
        if "size" in attributes:
            run.font.size = Pt(attributes["size"])
        if "bold" in attributes:
            run.bold = attributes["bold"]
        if "italic" in attributes:
            run.italic = attributes["italic"]
        if "font" in attributes:
            set_fonts(run, attributes["font"])


def page_setup(section, landscape: bool = False, restart: bool = True) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Mm(210), Mm(297)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin = section.bottom_margin = Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.different_first_page_header_footer = True
    if restart and section._sectPr.find(qn("w:pgNumType")) is None:
        pg = OxmlElement("w:pgNumType")
        pg.set(qn("w:start"), "1")
        section._sectPr.append(pg)


def page_number(section, size: float = 13, story: str = "header"):
    """A centred PAGE field in the default header (or footer); the first page's stays empty."""
    part = getattr(section, story)
    part.is_linked_to_previous = False
    paragraph = part.paragraphs[0]
    paragraph.alignment = CENTER
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        run = paragraph.add_run()
        set_fonts(run)
        run.font.size = Pt(size)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text
    section.first_page_header.is_linked_to_previous = False
    return paragraph


# --- the document -------------------------------------------------------------------------------


class Built(dict):
    """A document being built, with handles (name → paragraph or list) to break it."""

    def __init__(self) -> None:
        super().__init__()
        self.doc = Document()
        section = self.doc.sections[0]
        page_setup(section, restart=False)
        self["page_number"] = page_number(section)
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)

    def bytes(self) -> bytes:
        stream = io.BytesIO()
        self.doc.save(stream)
        return stream.getvalue()

    def findings(self):
        return check(extract(self.bytes()))

    def ids(self) -> set[str]:
        return {finding.rule for finding in self.findings()}

    # -- parts ------------------------------------------------------------------------------------

    def header(self, number: str | None = "Số: 05/QĐ-UBND", date: str | None = "Thượng Hồng, ngày 05 tháng 01 năm 2025",
               body_lines=BODY_LINES, governing: str | None = None, letter_summary: str | None = None) -> None:
        """Boxes 1–4 in a two-column table; Số and date in a second row."""
        grid = table(self.doc, [LEFT_MM, RIGHT_MM], rows=2 if number or date else 1)
        left, right = grid.rows[0].cells
        if governing:
            self["governing"] = add_para(left, governing, size=12)
        self["body_lines"] = [add_para(left, line, size=12, bold=True) for line in body_lines]
        longest = max(widths.bold_width_mm(line, 12) for line in body_lines)
        self["body_rule"] = add_rule(left, round(longest * 0.4, 1), LEFT_MM - CELL_MARGINS_MM)
        self["national_title"] = add_para(right, NATIONAL, size=12, bold=True)
        self["motto"] = add_para(right, MOTTO, size=13, bold=True)
        self["motto_rule"] = add_rule(right, round(widths.bold_width_mm(MOTTO, 13), 1), RIGHT_MM - CELL_MARGINS_MM)
        if number or date:
            number_cell, date_cell = grid.rows[1].cells
            if number:
                self["number"] = add_para(number_cell, number, size=13)
            if letter_summary:
                self["letter_summary"] = add_para(number_cell, letter_summary, size=12, before=6)
            if date:
                self["date"] = add_para(date_cell, date, size=13, italic=True)

    def title(self, doc_type: str, summary: str, attached: str | None = None) -> None:
        """Box 5a: tên loại, trích yếu, (Kèm theo …), rule."""
        self["doc_type"] = add_para(self.doc, doc_type, bold=True, before=18)
        self["summary"] = add_para(self.doc, summary, bold=True)
        lines = widths.wrap(summary, 14, 165)
        length = round(max(widths.bold_width_mm(line, 14) for line in lines) * 0.4, 1)
        if attached:
            self["attached"] = add_para(self.doc, attached, italic=True)
        self["summary_rule"] = add_rule(self.doc, length, 165)

    def body(self, text: str, bold: bool = False, italic: bool = False, key: str | None = None):
        paragraph = add_para(self.doc, text, bold=bold, italic=italic, align=JUSTIFY, indent=12.7, before=6)
        if key:
            self.setdefault(key, []).append(paragraph)
        return paragraph

    def closing(self, recipients=("- Như Điều 3;", "- Sở Nội vụ;", "- Lưu: VT, VHXH."),
                titles=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), name: str = "Nguyễn Văn Bình",
                drafter: str | None = None) -> None:
        """Boxes 7, 9b (and 12 when ``drafter`` is given) in a borderless table."""
        grid = table(self.doc, [75.0, 90.0])
        left, right = grid.rows[0].cells
        self["recipients_label"] = add_para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT)
        self["recipients"] = [add_para(left, item, size=11, align=LEFT) for item in recipients]
        if drafter:
            self["drafter"] = add_para(left, drafter, size=11, align=LEFT)
        self["signer_titles"] = [add_para(right, line, bold=True) for line in titles]
        self["signer_name"] = add_para(right, name, bold=True, before=72)

    def new_section(self, landscape: bool = False) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        page_setup(section, landscape)


def decision(built: Built | None = None, articles: int = 3, **header) -> Built:
    """A correct decision (Mẫu 1.3) on one page; ``header`` goes to :meth:`Built.header`."""
    built = built or Built()
    built.header(**header)
    built.title("QUYẾT ĐỊNH", "Ban hành Kế hoạch cải cách hành chính năm 2025")
    built["authority"] = add_para(built.doc, "ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG", bold=True, before=12, after=6)
    built["bases"] = [
        built.body("Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;", italic=True),
        built.body("Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ;", italic=True),
        built.body("Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.", italic=True),
    ]
    built["decides"] = add_para(built.doc, "QUYẾT ĐỊNH:", bold=True, before=12, after=6)
    texts = ["Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025.",
             "Quyết định này có hiệu lực kể từ ngày ký.",
             "Chánh Văn phòng, Trưởng phòng Văn hóa - Xã hội chịu trách nhiệm thi hành Quyết định này./."]
    built["articles"] = []
    for number, text in enumerate(texts[:articles], start=1):
        paragraph = add_para(built.doc, align=JUSTIFY, indent=12.7, before=6)
        add_run(paragraph, f"Điều {number}.", bold=True)
        add_run(paragraph, f" {text}")
        built["articles"].append(paragraph)
    built.closing()
    return built


def with_drafter_code() -> Built:
    """A decision with box 12 (drafter's code and number of copies) under the Lưu line."""
    built = Built()
    built.header()
    built.title("QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính xã")
    built.body("Kiện toàn Ban Chỉ đạo cải cách hành chính xã./.")
    built.closing(drafter="PL.(30)")
    return built


def plan_part(built: Built) -> Built:
    """The attached plan: boxes 1–2, KẾ HOẠCH, Kèm theo line, sections I., 1., a)."""
    built.new_section()
    built.header(number=None, date=None)
    built.title("KẾ HOẠCH", "Cải cách hành chính năm 2025",
                attached="(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2025 "
                         "của Ủy ban nhân dân xã Thượng Hồng)")
    built.body("I. MỤC ĐÍCH, YÊU CẦU", bold=True, key="sections")
    built.body("1. Mục đích", bold=True, key="clauses")
    built.body("- Nâng cao chất lượng phục vụ người dân, doanh nghiệp.")
    built.body("2. Yêu cầu", bold=True, key="clauses")
    built.body("a) Bám sát kế hoạch của thành phố.", key="points")
    built.body("b) Phân công rõ trách nhiệm.", key="points")
    built.body("c) Bảo đảm tiến độ.", key="points")
    built.body("d) Báo cáo đúng hạn.", key="points")
    built.body("đ) Công khai kết quả.", key="points")
    built.body("e) Khen thưởng kịp thời.", key="points")
    built.body("II. TỔ CHỨC THỰC HIỆN", bold=True, key="sections")
    built.body("Các phòng, đơn vị triển khai thực hiện Kế hoạch này./.")
    return built


def appendix_part(built: Built, label: str = "Phụ lục") -> Built:
    """Mẫu 2.1: a landscape appendix with its own page numbering and a task table."""
    built.new_section(landscape=True)
    built.setdefault("appendix_labels", []).append(add_para(built.doc, label, bold=True))
    title = "DANH MỤC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"
    built["appendix_title"] = add_para(built.doc, title, bold=True)
    built["appendix_attached"] = add_para(built.doc, "(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 05/QĐ-UBND "
                                          "ngày 05 tháng 01 năm 2025 của Ủy ban nhân dân xã Thượng Hồng)", italic=True)
    add_rule(built.doc, round(widths.bold_width_mm(title, 14) * 0.4, 1), 252)
    grid = built.doc.add_table(rows=2, cols=3)
    texts_by_row = (("STT", "Nhiệm vụ", "Thời hạn"), ("1", "Ban hành kế hoạch", "Tháng 01/2025"))
    for row, texts in zip(grid.rows, texts_by_row, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
            add_para(cell, text, size=12)
    return built


def report(built: Built | None = None) -> Built:
    """A báo cáo sent upward: Kính gửi with one recipient, Nơi nhận opening with "- Như trên;"."""
    built = built or Built()
    built.header(number="Số: 12/BC-UBND")
    built.title("BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý I năm 2025")
    built["addressee"] = add_para(built.doc, "Kính gửi: Sở Nội vụ thành phố Hải Phòng", before=6)
    built.body("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True, key="sections")
    built.body("1. Công tác chỉ đạo, điều hành", bold=True, key="clauses")
    built.body("Ủy ban nhân dân xã ban hành kế hoạch cải cách hành chính năm 2025 đúng thời hạn.")
    built.body("II. PHƯƠNG HƯỚNG, NHIỆM VỤ", bold=True, key="sections")
    built.body("Tiếp tục thực hiện các nhiệm vụ còn lại của kế hoạch./.")
    built.closing(recipients=("- Như trên;", "- Lưu: VT, VHXH."))
    return built


def letter(built: Built | None = None) -> Built:
    """A công văn (Mẫu 1.5): no tên loại, V/v under the Số, Kính gửi."""
    built = built or Built()
    built.header(number="Số: 15/UBND-VHXH", letter_summary="V/v triển khai kế hoạch cải cách hành chính")
    built["addressee"] = add_para(built.doc, "Kính gửi: Các phòng, đơn vị thuộc Ủy ban nhân dân xã", before=12)
    built.body("Ủy ban nhân dân xã đề nghị các phòng, đơn vị triển khai kế hoạch cải cách hành chính năm 2025./.")
    built.closing(recipients=("- Như trên;", "- Lưu: VT, VHXH."), titles=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"))
    return built


def full() -> Built:
    """Decision, attached plan and appendix in one file, as cchc-docs makes them."""
    built = decision()
    plan_part(built)
    appendix_part(built)
    return built


@pytest.fixture
def built_decision() -> Built:
    return decision()


def fired(built: Built, rule_id: str) -> list:
    """The findings of one rule."""
    return [f for f in built.findings() if f.rule == rule_id]
