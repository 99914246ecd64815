"""The kit the template builders share: styles, paragraphs with explicit fonts, page setup, tables.

Every format number comes from :mod:`cchc_docs.layout`; every choice cites Nghị định
30/2020/NĐ-CP where the decree makes it. Styles have Vietnamese names and ASCII ids so
that a clerk editing a template in Word sees what each paragraph is.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from cchc_docs.contexts.common import MOTTO, NATIONAL_TITLE
from cchc_docs.render.engine import APP_PART, CORE_PART, app_xml, core_xml
from cchc_docs.render.resave import RULE_STYLES
from cchc_docs.render.zipdet import deterministic_zip
from cchc_docs.typeset import layout as L

CENTER, JUSTIFY, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT

# id: (Vietnamese name, size, bold, italic, alignment, extra paragraph settings)
STYLES = {
    "VanBan": ("Nội dung văn bản", L.SIZE_BODY, False, False, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT}),
    "CanCu": ("Căn cứ", L.SIZE_BODY, False, True, JUSTIFY, {"indent": True, "before": L.SPACE_BETWEEN_PT}),
    "MucLaMa": ("Tiêu đề mục", L.SIZE_BODY, True, False, JUSTIFY,
                {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    "TieuDeKhoan": ("Tiêu đề khoản", L.SIZE_BODY, True, False, JUSTIFY,
                    {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    # Điểm "a) …": chữ thường, cỡ chữ phần lời văn, kiểu chữ đứng (Phụ lục I, Mục II.6 điểm đ).
    "TieuDeDiem": ("Tiêu đề điểm", L.SIZE_BODY, False, False, JUSTIFY,
                   {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
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
# Rules (đường kẻ): empty paragraphs with a top border; their length is set at render time
# from the context (see cchc_docs.render), since it depends on the text above. The renderer
# finds them by these names, which survive an office-suite save where the ids do not.
RULES = RULE_STYLES
# Styles only the report uses, added to its template alone (the other templates stay lean).
REPORT_STYLES = {
    "KinhGui": ("Kính gửi", L.SIZE_BODY, False, False, WD_ALIGN_PARAGRAPH.RIGHT, {"before": L.SPACE_BETWEEN_PT}),
    "KinhGuiMuc": ("Kính gửi - nơi nhận", L.SIZE_BODY, False, False, LEFT, {"before": L.SPACE_BETWEEN_PT}),
    "VanBanCuoi": ("Nội dung văn bản - đoạn cuối", L.SIZE_BODY, False, False, JUSTIFY,
                   {"indent": True, "before": L.SPACE_BETWEEN_PT, "keep": True}),
    "TenBang": ("Tên bảng", L.SIZE_TABLE + 1, True, False, CENTER,
                {"before": L.SPACE_BETWEEN_PT, "after": 4, "keep": True}),
}
# Styles only the công văn uses: its trích yếu after "V/v" under the số, ký hiệu (ô 5b: chữ in
# thường, cỡ 12–13, đứng, căn giữa dưới số và ký hiệu).
LETTER_STYLES = {
    "TrichYeuCongVan": ("Trích yếu công văn", L.SIZE_NUMBER, False, False, CENTER, {}),
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
    for styles in (STYLES, REPORT_STYLES, LETTER_STYLES):
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
        for cell, width in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(width)
    grid = table._tbl.tblGrid
    for col, width in zip(grid.findall(qn("w:gridCol")), widths_mm, strict=True):
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


def appendix_heading(doc, key: str, rule_style: str) -> None:
    """Mẫu 2.1 heading: "Phụ lục", its title, the Kèm theo line and a short rule (§9.2)."""
    para(doc, "PhuLucSo", "{{ " + key + ".label }}")
    para(doc, "TenPhuLuc", "{{ " + key + ".title }}")
    para(doc, "KemTheo", "{{ " + key + ".attached_to }}")
    rule(doc, rule_style)
    doc.add_paragraph(style=style_name("BangNoiDung"))


def tag_in(cell, statement: str) -> None:
    """A paragraph tag inside a table cell, in the cell's style."""
    para(cell, "BangNoiDung", "{%p " + statement + " %}")


def tr_tag(row, statement: str) -> None:
    para(row.cells[0], "BangNoiDung", "{%tr " + statement + " %}")
    for cell in row.cells[1:]:
        cell.add_paragraph(style=style_name("BangNoiDung"))


# ---------------------------------------------------------------- blocks every document has (§3: boxes 1–4, 7, 9b)


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
    return doc


def next_section(doc, landscape: bool = False):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    hairline(doc.paragraphs[-1])
    page_setup(section, landscape)
    return section


def hairline(paragraph) -> None:
    """The empty paragraph that carries a section break, 1 pt high with no spacing.

    At normal size it spills onto a page of its own when the part before it fills its
    last page exactly, and the PDF shows a blank page with only a page number.
    """
    fmt = paragraph.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(1)
    fmt.first_line_indent = Pt(0)
    mark = OxmlElement("w:rPr")  # the paragraph mark's size sets the line's height too
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "2")
    mark.append(size)
    paragraph._p.pPr.find(qn("w:sectPr")).addprevious(mark)


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


def save(doc) -> bytes:
    """The template's bytes, with neutral properties (language only; no author, date or comment).

    python-docx's defaults would say "generated by python-docx", a Mac Word and stale
    page counts; each output gets its own properties when rendered (cchc_docs.render).
    """
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue(), {CORE_PART: core_xml(), APP_PART: app_xml()})


def add_report_styles(doc) -> None:
    """The styles only the report uses, added to its template alone (the others stay lean)."""
    for style_id, (name, size, bold, italic, align, extra) in REPORT_STYLES.items():
        add_style(doc, style_id, name, size, bold, italic, align, extra)


def add_letter_styles(doc) -> None:
    """The report's extra styles (Kính gửi, last paragraph) and the công văn's V/v line."""
    add_report_styles(doc)
    for style_id, (name, size, bold, italic, align, extra) in LETTER_STYLES.items():
        add_style(doc, style_id, name, size, bold, italic, align, extra)
