"""Build the DOCX templates in ``templates/`` from code.

The templates are made here, not by hand in Word, so that every format choice is a
reviewable line citing Nghị định 30/2020/NĐ-CP, and so that the templates stay lean
(only the styles they use). ``tests/tools/test_build_templates.py`` fails when a
committed template differs from what this script builds.

Run: ``python tools/build_templates.py`` (writes templates/*.docx).

Each template uses named paragraph styles (Vietnamese names, ASCII ids) so that a
clerk can adjust wording around the ``{{ … }}`` tags in Word or LibreOffice and the
format stays in the styles. Fonts are also set on every run, as the decree asks for
Times New Roman "for every component".
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc_docs import layout as L  # noqa: E402
from cchc_docs.contexts.common import MOTTO, NATIONAL_TITLE  # noqa: E402
from cchc_docs.zipdet import deterministic_zip  # noqa: E402

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT

# id: (Vietnamese name, size, bold, italic, alignment, extra paragraph settings)
STYLES = {
    "VanBan": ("Nội dung văn bản", L.SIZE_BODY, False, False, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT}),
    "CanCu": ("Căn cứ", L.SIZE_BODY, False, True, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT}),
    "MucLaMa": ("Tiêu đề mục", L.SIZE_BODY, True, False, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    "TieuDeKhoan": ("Tiêu đề khoản", L.SIZE_BODY, True, False, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    "TieuDeDiem": ("Tiêu đề điểm", L.SIZE_BODY, False, True, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    "TenChuQuan": ("Tên cơ quan chủ quản", L.SIZE_BODY_NAME, False, False, CENTER, {}),
    "TenCoQuan": ("Tên cơ quan ban hành", L.SIZE_BODY_NAME, True, False, CENTER, {}),
    "QuocHieu": ("Quốc hiệu", L.SIZE_NATIONAL_TITLE, True, False, CENTER, {}),
    "TieuNgu": ("Tiêu ngữ", L.SIZE_MOTTO, True, False, CENTER, {}),
    "SoKyHieu": ("Số, ký hiệu", L.SIZE_NUMBER, False, False, CENTER, {}),
    "DiaDanhNgay": ("Địa danh và ngày tháng", L.SIZE_DATE, False, True, CENTER, {}),
    "TenLoai": ("Tên loại văn bản", L.SIZE_TITLE, True, False, CENTER, {"before": 18, "keep": True}),
    "TrichYeu": ("Trích yếu", L.SIZE_TITLE, True, False, CENTER, {"keep": True}),
    "ThamQuyen": ("Thẩm quyền ban hành", L.SIZE_TITLE, True, False, CENTER, {"before": 12, "after": 6, "keep": True}),
    "QuyetDinh": ("Quyết định:", L.SIZE_TITLE, True, False, CENTER, {"before": 12, "after": 6, "keep": True}),
    "KemTheo": ("Kèm theo", L.SIZE_BODY, False, True, CENTER, {"keep": True}),
    "NoiNhan": ("Nơi nhận", L.SIZE_RECIPIENTS_LABEL, True, True, LEFT, {}),
    "NoiNhanMuc": ("Nơi nhận - mục", L.SIZE_RECIPIENTS, False, False, LEFT, {}),
    "ChucVuKy": ("Quyền hạn, chức vụ người ký", L.SIZE_SIGNER, True, False, CENTER, {"keep": True}),
    "HoTenKy": ("Họ tên người ký", L.SIZE_SIGNER, True, False, CENTER, {"before": L.SIGNATURE_GAP_PT}),
    "PhuLucSo": ("Phụ lục", L.SIZE_APPENDIX_LABEL, True, False, CENTER, {"keep": True}),
    "TenPhuLuc": ("Tên phụ lục", L.SIZE_TITLE, True, False, CENTER, {"keep": True}),
    "BangTieuDe": ("Bảng - tiêu đề cột", L.SIZE_TABLE, True, False, CENTER, {}),
    "BangNoiDung": ("Bảng - nội dung", L.SIZE_TABLE, False, False, LEFT, {}),
    "BangGiua": ("Bảng - căn giữa", L.SIZE_TABLE, False, False, CENTER, {}),
    "SoTrang": ("Số trang", L.SIZE_PAGE_NUMBER, False, False, CENTER, {}),
}
# Rules (đường kẻ): empty paragraphs with a top border; their length is set at render
# time from the context (see cchc_docs.render), since it depends on the text above.
RULES = {
    "RuleBody": "Đường kẻ dưới tên cơ quan",
    "RuleMotto": "Đường kẻ dưới tiêu ngữ",
    "RuleTitle": "Đường kẻ dưới trích yếu",
    "RulePlan": "Đường kẻ dưới dòng kèm theo của kế hoạch",
    "RuleAppendix": "Đường kẻ dưới dòng kèm theo của phụ lục",
    "RuleAppendix2": "Đường kẻ dưới dòng kèm theo của phụ lục thứ hai",
}
KEEP_STYLES = {"Normal", "Default Paragraph Font", "Normal Table", "No List", "Table Grid"}


# ---------------------------------------------------------------- low-level helpers


def set_fonts(rpr) -> None:
    """Times New Roman on all four font slots, so no script falls back to a theme font."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), L.FONT)


def set_color_black(rpr) -> None:
    color = OxmlElement("w:color")
    color.set(qn("w:val"), "000000")
    rpr.append(color)


def run(paragraph, text: str, *, bold=None, italic=None):
    """A run with explicit font; bold/italic only when they differ from the style."""
    r = paragraph.add_run(text)
    set_fonts(r._r.get_or_add_rPr())
    if bold is not None:
        r.bold = bold
    if italic is not None:
        r.italic = italic
    return r


def style_name(style_id: str) -> str:
    """python-docx looks styles up by name; the code names them by their ids."""
    for styles in (STYLES, REPORT_STYLES):
        if style_id in styles:
            return styles[style_id][0]
    return RULES[style_id]


def para(container, style: str, *texts, **run_format):
    """A paragraph of ``style`` (an id) with one run per text."""
    p = container.add_paragraph(style=style_name(style))
    for text in texts:
        run(p, text, **run_format)
    return p


def tag(container, statement: str):
    """A docxtpl paragraph tag ``{%p … %}``: the whole paragraph becomes the statement."""
    return para(container, "VanBan", "{%p " + statement + " %}")


def rule(container, style: str):
    """An empty paragraph whose top border is the rule under the text above it."""
    return container.add_paragraph(style=style_name(style))


# Children of w:pPr that come after w:pBdr in the schema's sequence.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)


def add_pbdr(ppr):
    """Insert a w:pBdr where the schema wants it (Word rejects out-of-order children)."""
    pbdr = OxmlElement("w:pBdr")
    ppr.insert_element_before(pbdr, *_AFTER_PBDR)
    return pbdr


def border(element, side: str, size_eighths: int = 6):
    """A single solid border of ``size_eighths`` eighths of a point on ``side``."""
    edge = OxmlElement(f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(size_eighths))
    edge.set(qn("w:space"), "1")
    edge.set(qn("w:color"), "000000")
    element.append(edge)


# ---------------------------------------------------------------- styles


def prune_styles(doc) -> None:
    """Drop the default template's unused styles: a lean template (issue: no megabyte)."""
    styles = doc.styles.element
    for style in list(styles.findall(qn("w:style"))):
        name = style.find(qn("w:name"))
        if name is None or name.get(qn("w:val")) not in KEEP_STYLES | {"header", "footer"}:
            styles.remove(style)
    latent = styles.find(qn("w:latentStyles"))
    if latent is not None:
        styles.remove(latent)


def base_styles(doc) -> None:
    """Document defaults and Normal: Times New Roman 14, black, single spacing."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    set_fonts(rpr)
    for tag_name, val in (("w:sz", "28"), ("w:szCs", "28"), ("w:lang", None)):
        el = OxmlElement(tag_name)
        if val:
            el.set(qn("w:val"), val)
        else:
            el.set(qn("w:val"), "vi-VN")
            el.set(qn("w:eastAsia"), "vi-VN")
        rpr.append(el)
    normal = doc.styles["Normal"]
    normal.font.name = L.FONT
    set_fonts(normal.element.get_or_add_rPr())
    normal.font.size = Pt(L.SIZE_BODY)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after, fmt.line_spacing = Pt(0), Pt(0), 1.0


def add_styles(doc) -> None:
    for style_id, (name, size, bold, italic, align, extra) in STYLES.items():
        add_style(doc, style_id, name, size, bold, italic, align, extra)
    for style_id, name in RULES.items():
        # 3 pt above: the rule clears the dots below letters such as Ợ and ạ.
        style = add_style(doc, style_id, name, 6, False, False, CENTER, {"before": 3})
        border(add_pbdr(style.element.get_or_add_pPr()), "top")


def add_style(doc, style_id, name, size, bold, italic, align, extra):
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.element.set(qn("w:styleId"), style_id)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    font.name, font.size, font.bold, font.italic = L.FONT, Pt(size), bold, italic
    set_fonts(style.element.get_or_add_rPr())
    fmt = style.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(extra.get("before", 0))
    fmt.space_after = Pt(extra.get("after", 0))
    if extra.get("indent"):
        fmt.first_line_indent = Mm(L.FIRST_LINE_INDENT_MM)
    if extra.get("keep"):
        fmt.keep_with_next = True
    return style


# ---------------------------------------------------------------- page setup


def page_setup(section, landscape: bool = False) -> None:
    """A4 with the house margins (ND30 Phụ lục I, Mục I)."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = Mm(L.PAGE_WIDTH_MM), Mm(L.PAGE_HEIGHT_MM)
    section.page_width, section.page_height = (height, width) if landscape else (width, height)
    section.top_margin, section.bottom_margin = Mm(L.MARGIN_TOP_MM), Mm(L.MARGIN_BOTTOM_MM)
    section.left_margin, section.right_margin = Mm(L.MARGIN_LEFT_MM), Mm(L.MARGIN_RIGHT_MM)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    section.different_first_page_header_footer = True  # no number on page 1 (§10)
    restart_page_numbers(section)


# Children of w:sectPr that come after w:pgNumType in the schema's sequence.
_AFTER_PGNUMTYPE = ("w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                    "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def restart_page_numbers(section) -> None:
    """Each part (decision, attached plan, appendix) numbers its pages from 1 (§9.2)."""
    sect_pr = section._sectPr
    pg = sect_pr.find(qn("w:pgNumType"))
    if pg is None:
        pg = OxmlElement("w:pgNumType")
        sect_pr.insert_element_before(pg, *_AFTER_PGNUMTYPE)
    pg.set(qn("w:start"), "1")


def page_number_header(doc, section) -> None:
    """A centred PAGE field in the default header; the first-page header stays empty."""
    p = section.header.paragraphs[0]
    p.style = doc.styles[style_name("SoTrang")]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        r = p.add_run()
        set_fonts(r._r.get_or_add_rPr())
        r.font.size = Pt(L.SIZE_PAGE_NUMBER)
        if kind:
            fld = OxmlElement("w:fldChar")
            fld.set(qn("w:fldCharType"), kind)
            r._r.append(fld)
        elif text.strip() == "PAGE":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            r._r.append(instr)
        else:
            r.text = text
    section.first_page_header.paragraphs[0].text = ""


# ---------------------------------------------------------------- tables


def layout_table(container, widths_mm: list[float], rows: int = 1, borders: bool = False):
    """A fixed-width table; borderless for the header and signature blocks (§4.5, §7)."""
    table = container.add_table(rows=rows, cols=len(widths_mm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    # table.autofit = False already wrote <w:tblLayout w:type="fixed"/>.
    if borders:
        table.style = container.part.document.styles["Table Grid"]
    for row in table.rows:
        for cell, width in zip(row.cells, widths_mm):
            cell.width = Mm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm):
        col.set(qn("w:w"), str(round(width * 56.6929)))
    for cell in table._cells:
        cell.paragraphs[0]._p.getparent().remove(cell.paragraphs[0]._p)
    return table


def cant_split(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def repeat_header(row) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:tblHeader"))


# ---------------------------------------------------------------- document parts


def header_block(doc, with_number: bool) -> None:
    """Boxes 1–4: issuing body | Quốc hiệu, Tiêu ngữ; then Số | place and date on one row.

    Số and the date sit in a second row, so they share a baseline whatever the
    number of lines above them (§4.5).
    """
    rows = 2 if with_number else 1
    table = layout_table(doc, [L.HEADER_LEFT_MM, L.HEADER_RIGHT_MM], rows=rows)
    left, right = table.rows[0].cells
    tag(left, "if header.governing_body")
    para(left, "TenChuQuan", "{{ header.governing_body }}")
    tag(left, "endif")
    tag(left, "for line in header.body_lines")
    para(left, "TenCoQuan", "{{ line }}")
    tag(left, "endfor")
    rule(left, "RuleBody")
    para(right, "QuocHieu", NATIONAL_TITLE)
    para(right, "TieuNgu", MOTTO)
    rule(right, "RuleMotto")
    if with_number:
        number, date = table.rows[1].cells
        para(number, "SoKyHieu", "{{ document.number_line }}")
        para(date, "DiaDanhNgay", "{{ document.place_date }}")


def decision_part(doc) -> None:
    """Mẫu 1.3: the decision that issues the plan."""
    header_block(doc, with_number=True)
    para(doc, "TenLoai", "QUYẾT ĐỊNH")
    para(doc, "TrichYeu", "{{ decision.title }}")
    rule(doc, "RuleTitle")
    para(doc, "ThamQuyen", "{{ decision.authority }}")
    tag(doc, "for line in decision.bases")
    para(doc, "CanCu", "{{ line }}")
    tag(doc, "endfor")
    para(doc, "QuyetDinh", "QUYẾT ĐỊNH:")
    tag(doc, "for article in decision.articles[:-1]")
    article(doc, "article")
    tag(doc, "endfor")
    # The last article keeps with the signature block, so a page never opens with
    # "Nơi nhận" and the signer alone (§7).
    tag(doc, "set last = decision.articles[-1]")
    article(doc, "last", keep=True)
    signature_block(doc)


def article(doc, name: str, keep: bool = False) -> None:
    """``Điều N.`` in bold, its text, then its clauses, one paragraph each."""
    p = para(doc, "VanBan")
    run(p, "{{ %s.label }}" % name, bold=True)
    run(p, " {{ %s.text }}" % name)
    tag(doc, "for clause in %s.clauses" % name)
    clause = para(doc, "VanBan", "{{ clause }}")
    tag(doc, "endfor")
    for paragraph in (p, clause) if keep else ():
        paragraph.paragraph_format.keep_with_next = True


def signature_block(doc, source: str = "decision") -> None:
    """Boxes 7 and 9b side by side, in one row that never splits across pages.

    ``source`` names the context entry holding ``recipients`` and ``signer``.
    """
    table = layout_table(doc, [L.SIGN_LEFT_MM, L.SIGN_RIGHT_MM])
    cant_split(table.rows[0])
    left, right = table.rows[0].cells
    para(left, "NoiNhan", "Nơi nhận:")
    tag(left, f"for line in {source}.recipients")
    para(left, "NoiNhanMuc", "{{ line }}")
    tag(left, "endfor")
    tag(right, f"for line in {source}.signer.lines")
    para(right, "ChucVuKy", "{{ line }}")
    tag(right, "endfor")
    para(right, "HoTenKy", "{{ " + source + ".signer.name }}")
    cell_top_margin(table, L.SPACE_BETWEEN_PT * 2)


def cell_top_margin(table, points: float) -> None:
    mar = OxmlElement("w:tblCellMar")
    top = OxmlElement("w:top")
    top.set(qn("w:w"), str(int(points * 20)))
    top.set(qn("w:type"), "dxa")
    mar.append(top)
    table._tbl.tblPr.insert_element_before(mar, "w:tblLook", "w:tblCaption", "w:tblDescription")


def plan_part(doc) -> None:
    """The attached plan: boxes 1–2 without Số and date, KẾ HOẠCH, Kèm theo line, body."""
    header_block(doc, with_number=False)
    para(doc, "TenLoai", "KẾ HOẠCH")
    para(doc, "TrichYeu", "{{ plan.title }}")
    para(doc, "KemTheo", "{{ plan.attached_to }}")
    rule(doc, "RulePlan")
    tag(doc, "for p in plan.paragraphs")
    tag(doc, "if p.kind == 'section'")
    para(doc, "MucLaMa", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'heading'")
    para(doc, "TieuDeKhoan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'point_heading'")
    para(doc, "TieuDeDiem", "{{ p.lead }}{{ p.text }}")
    tag(doc, "else")
    para(doc, "VanBan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "endif")
    tag(doc, "endfor")


APPENDIX_COLUMNS = [
    ("STT", 12.0),
    ("Nội dung nhiệm vụ", 82.0),
    ("Cơ quan chủ trì", 33.0),
    ("Cơ quan phối hợp", 45.0),
    ("Thời gian hoàn thành", 28.0),
    ("Sản phẩm", 52.0),
]


def appendix_heading(doc, key: str, rule_style: str) -> None:
    """Mẫu 2.1 heading: "Phụ lục", its title, the Kèm theo line and a short rule (§9.2)."""
    para(doc, "PhuLucSo", "{{ %s.label }}" % key)
    para(doc, "TenPhuLuc", "{{ %s.title }}" % key)
    para(doc, "KemTheo", "{{ %s.attached_to }}" % key)
    rule(doc, rule_style)
    doc.add_paragraph(style=style_name("BangNoiDung"))


def appendix_part(doc, key: str = "appendix", rule_style: str = "RuleAppendix") -> None:
    """Mẫu 2.1: the task appendix, landscape, its header row repeated on every page."""
    appendix_heading(doc, key, rule_style)
    widths = [w for _, w in APPENDIX_COLUMNS]
    table = layout_table(doc, widths, rows=7, borders=True)
    header, loop, if_area, area, else_, task, end = table.rows
    for cell, (title, _) in zip(header.cells, APPENDIX_COLUMNS):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, "for row in %s.rows" % key)
    tr_tag(if_area, "if row.kind == 'area'")
    group_row(area, widths)
    tr_tag(else_, "else")
    task_row(task)
    tr_tag(end, "endif")
    tr_tag(table.add_row(), "endfor")


COMPARISON_COLUMNS = [
    ("STT", 12.0),
    ("Nội dung đã ban hành", 95.0),
    ("Nội dung sửa đổi, bổ sung", 95.0),
    ("Lý do", 50.0),
]


def comparison_part(doc) -> None:
    """The comparison appendix of an amendment decision: before | after | reason."""
    appendix_heading(doc, "comparison", "RuleAppendix")
    table = layout_table(doc, [w for _, w in COMPARISON_COLUMNS], rows=4, borders=True)
    header, loop, body, end = table.rows
    for cell, (title, _) in zip(header.cells, COMPARISON_COLUMNS):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, "for row in comparison.rows")
    para(body.cells[0], "BangGiua", "{{ row.number }}")
    for cell, side in zip(body.cells[1:3], ("before", "after")):
        tag_in(cell, "for line in row.%s" % side)
        para(cell, "BangNoiDung", "{{ line }}")
        tag_in(cell, "endfor")
    para(body.cells[3], "BangNoiDung", "{{ row.reason }}")
    tr_tag(end, "endfor")


def tag_in(cell, statement: str) -> None:
    """A paragraph tag inside a table cell, in the cell's style."""
    para(cell, "BangNoiDung", "{%p " + statement + " %}")


def tr_tag(row, statement: str) -> None:
    para(row.cells[0], "BangNoiDung", "{%tr " + statement + " %}")
    for cell in row.cells[1:]:
        cell.add_paragraph(style=style_name("BangNoiDung"))


def group_row(row, widths: list[float]) -> None:
    """A bold group row (reform area …): its Roman number, then its title across the other columns."""
    span_rest_of_row(row, widths)
    first, rest = row.cells[0], row.cells[1]
    for p in (para(first, "BangGiua", "{{ row.number }}", bold=True),
              para(rest, "BangNoiDung", "{{ row.text }}", bold=True)):
        p.paragraph_format.keep_with_next = True  # a group heading never ends a page
    cant_split(row)


def span_rest_of_row(row, widths: list[float]) -> None:
    """Make the second cell span every column after it (w:gridSpan)."""
    tcs = row._tr.tc_lst
    for tc in tcs[2:]:
        row._tr.remove(tc)
    tc_pr = tcs[1].get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(len(widths) - 1))
    tc_pr.insert_element_before(span, "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap", "w:tcMar",
                                "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark")
    tc_pr.tcW.w = Mm(sum(widths[1:]))


def task_row(row) -> None:
    cells = row.cells
    para(cells[0], "BangGiua", "{{ row.number }}")
    para(cells[1], "BangNoiDung", "{{ row.content }}")
    para(cells[2], "BangGiua", "{{ row.lead }}")
    para(cells[3], "BangGiua", "{{ row.partners }}")
    para(cells[4], "BangGiua", "{{ row.deadline }}")
    para(cells[5], "BangNoiDung", "{{ row.product }}")
    cant_split(row)


# ---------------------------------------------------------------- assembly


# Parts of python-docx's default template that our templates never use.
UNUSED_PARTS = ("stylesWithEffects", "customXml", "webSettings", "numbering", "thumbnail")


def drop_unused_parts(doc) -> None:
    """Remove the default template's dead weight (stylesWithEffects alone is 430 kB)."""
    for owner in (doc.part, doc.part.package):
        for r_id, rel in list(owner.rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in UNUSED_PARTS:
                owner.rels.pop(r_id)


def new_document():
    doc = Document()
    drop_unused_parts(doc)
    prune_styles(doc)
    base_styles(doc)
    add_styles(doc)
    props = doc.core_properties
    props.author = props.last_modified_by = "cchc-docs"
    props.created = props.modified = dt.datetime(2025, 1, 1)
    props.revision = 1
    props.title = ""
    return doc


def next_section(doc, landscape: bool = False):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape)
    return section


PORTRAIT, LANDSCAPE = False, True


def assemble(first, *rest, styles=None) -> bytes:
    """A template: ``first`` part on portrait pages, then each (landscape, part) in a new section.

    Every section restarts page numbering and shows no number on its first page.
    """
    doc = new_document()
    if styles:
        styles(doc)
    section = doc.sections[0]
    page_setup(section)
    page_number_header(doc, section)
    first(doc)
    for landscape, part in rest:
        next_section(doc, landscape)
        part(doc)
    return save(doc)


def build_decision_template() -> bytes:
    """templates/quyet-dinh.docx: decision, attached plan, appendix — three sections."""
    return assemble(decision_part, (PORTRAIT, plan_part), (LANDSCAPE, appendix_part))


def build_amendment_template() -> bytes:
    """templates/quyet-dinh-sua-doi.docx: the amending decision, Phụ lục I and II."""
    return assemble(decision_part, (LANDSCAPE, comparison_part),
                    (LANDSCAPE, lambda doc: appendix_part(doc, "appendix", "RuleAppendix2")))


def build_plan_template() -> bytes:
    """templates/ke-hoach.docx: the plan as amended (consolidated) and its appendix."""
    return assemble(plan_part, (LANDSCAPE, appendix_part))


def save(doc) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


# ---------------------------------------------------------------- periodic report (Mẫu 1.4)

# Styles only the report uses, added to its template alone (the other templates stay lean).
REPORT_STYLES = {
    "KinhGui": ("Kính gửi", L.SIZE_BODY, False, False, WD_ALIGN_PARAGRAPH.RIGHT, {"before": L.SPACE_BETWEEN_PT}),
    "KinhGuiMuc": ("Kính gửi - nơi nhận", L.SIZE_BODY, False, False, LEFT, {"before": L.SPACE_BETWEEN_PT}),
    "VanBanCuoi": ("Nội dung văn bản - đoạn cuối", L.SIZE_BODY, False, False, JUSTIFY,
                   {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    "TenBang": ("Tên bảng", L.SIZE_TABLE + 1, True, False, CENTER, {"before": L.SPACE_BETWEEN_PT, "after": 4, "keep": True}),
}

# The five task classes of cchc_docs.progress, under two group headers.
TALLY_COLUMNS = [
    ("Đã hoàn thành", "Đúng hạn"), ("Đã hoàn thành", "Quá hạn"),
    ("Chưa hoàn thành", "Đang thực hiện"), ("Chưa hoàn thành", "Quá hạn"), ("Chưa hoàn thành", "Chưa đến hạn"),
]
TALLY_KEYS = ["on_time", "late", "in_progress", "overdue", "not_due"]
AREAS_WIDTHS = [13.0, 50.0, 17.0, 17.0, 17.0, 18.0, 16.0, 17.0]  # portrait body: 165 mm
UNITS_WIDTHS = [13.0, 62.0, 20.0, 22.0, 22.0, 22.0, 22.0, 22.0, 47.0]  # landscape: 252 mm
TARGET_COLUMNS = [("STT", 13.0), ("Chỉ tiêu", 75.0), ("Yêu cầu", 20.0), ("Kết quả đạt được", 35.0), ("Đánh giá", 22.0)]
STATUS_COLUMNS = [
    ("STT", 13.0), ("Nội dung nhiệm vụ", 66.0), ("Cơ quan chủ trì", 30.0), ("Thời hạn", 24.0),
    ("Tình trạng", 30.0), ("Ngày hoàn thành", 24.0), ("Kết quả, sản phẩm", 65.0),
]
STAT_COLUMNS = [("STT", 14.0), ("Nội dung", 114.0), ("Đơn vị tính", 34.0), ("Số liệu", 30.0), ("Tỷ lệ", 60.0)]


def add_report_styles(doc) -> None:
    for style_id, (name, size, bold, italic, align, extra) in REPORT_STYLES.items():
        add_style(doc, style_id, name, size, bold, italic, align, extra)


def report_part(doc) -> None:
    """Mẫu 1.4: header, BÁO CÁO and trích yếu, Kính gửi, opening, numbered body, signature."""
    header_block(doc, with_number=True)
    para(doc, "TenLoai", "BÁO CÁO")
    para(doc, "TrichYeu", "{{ report.title }}")
    rule(doc, "RuleTitle")
    tag(doc, "if report.addressees")
    addressees_block(doc)
    tag(doc, "endif")
    para(doc, "VanBan", "{{ report.opening }}")
    tag(doc, "for part in report.body")
    report_paragraphs(doc, "part.paragraphs")
    tag(doc, "if part.table == 'areas'")
    para(doc, "TenBang", "{{ report.areas_table.caption }}")
    tally_table(doc, "report.areas_table", "Lĩnh vực", AREAS_WIDTHS, with_rate=False)
    tag(doc, "elif part.table == 'targets'")
    para(doc, "TenBang", "{{ report.targets_table.caption }}")
    targets_table(doc)
    tag(doc, "endif")
    tag(doc, "endfor")
    signature_block(doc, "report")


def addressees_block(doc) -> None:
    """Box 9a: "Kính gửi:" with the recipients beside it, their dashes aligned (§8)."""
    table = layout_table(doc, [60.0, L.TEXT_WIDTH_MM - 60.0])
    left, right = table.rows[0].cells
    para(left, "KinhGui", "Kính gửi:")
    tag(right, "for line in report.addressees")
    para(right, "KinhGuiMuc", "{{ line }}")
    tag(right, "endfor")


def report_paragraphs(doc, source: str) -> None:
    """The numbered paragraphs of ``source``, each kind in its style (variant B, §6.4)."""
    tag(doc, f"for p in {source}")
    tag(doc, "if p.kind == 'section'")
    para(doc, "MucLaMa", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'heading'")
    para(doc, "TieuDeKhoan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'point_heading'")
    para(doc, "TieuDeDiem", "{{ p.lead }}{{ p.text }}")
    tag(doc, "elif p.kind == 'end'")
    para(doc, "VanBanCuoi", "{{ p.lead }}{{ p.text }}")  # kept with the signature block
    tag(doc, "else")
    para(doc, "VanBan", "{{ p.lead }}{{ p.text }}")
    tag(doc, "endif")
    tag(doc, "endfor")


def tally_table(doc, source: str, name_title: str, widths: list[float], with_rate: bool) -> None:
    """Tasks counted by class: two header rows, a row per group, a bold total row."""
    columns = 3 + len(TALLY_COLUMNS) + with_rate
    table = layout_table(doc, widths[:columns], rows=5, borders=True)
    loop, row, end = table.rows[2:]
    tally_header(table, name_title, with_rate)
    tr_tag(loop, f"for row in {source}.rows")
    tally_cells(row, "row", bold=False, with_rate=with_rate)
    tr_tag(end, "endfor")
    tally_cells(table.add_row(), f"{source}.total", bold=True, with_rate=with_rate)
    keep_rows_together(table)


def keep_rows_together(table) -> None:
    """A short table stays on one page: each row keeps with the next (Word's way to say it)."""
    for row in table.rows[:-1]:
        for cell in row.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True


def tally_header(table, name_title: str, with_rate: bool) -> None:
    """Row 1: STT, name, Tổng số (each over two rows) and the group headers; row 2: the classes."""
    for cell in table.rows[0].cells + table.rows[1].cells:
        cell.add_paragraph(style=style_name("BangTieuDe"))  # python-docx merges only cells with content
    singles = [(0, "STT"), (1, name_title), (2, "Tổng số")]
    singles += [(len(table.columns) - 1, "Tỷ lệ hoàn thành")] if with_rate else []
    for col, title in singles:
        header_text(table.cell(0, col).merge(table.cell(1, col)), title)
    for first, group in ((3, "Đã hoàn thành"), (5, "Chưa hoàn thành")):
        last = first + sum(1 for g, _ in TALLY_COLUMNS if g == group) - 1
        header_text(table.cell(0, first).merge(table.cell(0, last)), group)
    for offset, (_, title) in enumerate(TALLY_COLUMNS):
        header_text(table.cell(1, 3 + offset), title)
    for row in table.rows[:2]:
        repeat_header(row)
        cant_split(row)


def header_text(cell, text: str) -> None:
    """Write a column title into a (merged) header cell, keeping one paragraph."""
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    run(cell.paragraphs[0], text)


def tally_cells(row, name: str, bold: bool, with_rate: bool) -> None:
    cells = row.cells
    for cell in cells:  # a row added by python-docx comes with an empty paragraph per cell
        for p in cell.paragraphs:
            p._p.getparent().remove(p._p)
    weight = True if bold else None
    para(cells[0], "BangGiua", "{{ " + name + ".number }}", bold=weight)
    para(cells[1], "BangNoiDung", "{{ " + name + ".name }}", bold=weight)
    keys = ["total"] + TALLY_KEYS + (["rate"] if with_rate else [])
    for cell, key in zip(cells[2:], keys):
        para(cell, "BangGiua", "{{ " + f"{name}.{key}" + " }}", bold=weight)
    cant_split(row)


def targets_table(doc) -> None:
    """Bảng 2 (the report that closes the plan): each target, what it asks, what was achieved."""
    widths = [w for _, w in TARGET_COLUMNS]
    table = layout_table(doc, widths, rows=4, borders=True)
    header, loop, row, end = table.rows
    for cell, (title, _) in zip(header.cells, TARGET_COLUMNS):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, "for row in report.targets_table.rows")
    for cell, key, style in zip(row.cells, ["number", "text", "required", "achieved", "verdict"],
                                ["BangGiua", "BangNoiDung", "BangGiua", "BangGiua", "BangGiua"]):
        para(cell, style, "{{ row." + key + " }}")
    cant_split(row)
    tr_tag(end, "endfor")


def report_grouped_table(doc, columns: list[tuple[str, float]], source: str, keys: list[str], styles: list[str]) -> None:
    """A table of group rows (Roman number, bold title across) and item rows, from ``source``."""
    widths = [w for _, w in columns]
    table = layout_table(doc, widths, rows=7, borders=True)
    header, loop, if_group, group, else_, item, end = table.rows
    for cell, (title, _) in zip(header.cells, columns):
        para(cell, "BangTieuDe", title)
    repeat_header(header)
    cant_split(header)
    tr_tag(loop, f"for row in {source}")
    tr_tag(if_group, "if row.kind in ('area', 'group')")
    group_row(group, widths)
    tr_tag(else_, "else")
    for cell, key, style in zip(item.cells, keys, styles):
        para(cell, style, "{{ row." + key + " }}")
    cant_split(item)
    tr_tag(end, "endif")
    tr_tag(table.add_row(), "endfor")


def status_appendix(doc) -> None:
    """Phụ lục I: every task with its status at the cut-off, grouped by reform area."""
    appendix_heading(doc, "appendices.tasks", "RuleAppendix")
    report_grouped_table(doc, STATUS_COLUMNS, "appendices.tasks.rows",
                  ["number", "content", "lead", "deadline", "status", "completed", "result"],
                  ["BangGiua", "BangNoiDung", "BangGiua", "BangGiua", "BangGiua", "BangGiua", "BangNoiDung"])


def stats_appendix(doc) -> None:
    """Phụ lục II: tasks by lead unit (Biểu 1) and the statistics of the window (Biểu 2)."""
    appendix_heading(doc, "appendices.stats", "RuleAppendix2")
    para(doc, "TenBang", "{{ appendices.stats.units.caption }}")
    tally_table(doc, "appendices.stats.units", "Cơ quan chủ trì", UNITS_WIDTHS, with_rate=True)
    tag(doc, "if appendices.stats.rows")
    para(doc, "TenBang", "{{ appendices.stats.caption }}")
    report_grouped_table(doc, STAT_COLUMNS, "appendices.stats.rows", ["number", "text", "unit", "value", "share"],
                  ["BangGiua", "BangNoiDung", "BangGiua", "BangGiua", "BangGiua"])
    tag(doc, "endif")


def build_report_template() -> bytes:
    """templates/bao-cao-quy.docx: the report (every period kind) and Phụ lục I, II, landscape."""
    return assemble(report_part, (LANDSCAPE, status_appendix), (LANDSCAPE, stats_appendix),
                    styles=add_report_styles)


TEMPLATES = {
    "quyet-dinh.docx": build_decision_template,
    "quyet-dinh-sua-doi.docx": build_amendment_template,
    "ke-hoach.docx": build_plan_template,
    "bao-cao-quy.docx": build_report_template,
}


def main() -> None:
    out = ROOT / "templates"
    out.mkdir(exist_ok=True)
    for name, build in TEMPLATES.items():
        (out / name).write_bytes(build())
        print(f"đã tạo templates/{name}")


if __name__ == "__main__":
    main()
