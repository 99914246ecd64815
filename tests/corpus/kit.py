"""Typing a document the way a clerk does in Word: python-docx, direct formatting only.

No style of ours, no template: every paragraph gets its font, size, bold, italic,
alignment, indents and spacing typed on it, as a person sets them with the toolbar.
The habits the corpus reproduces (tables used for layout, captions over tables, text
boxes, spaces and tabs for centring, hidden text, rows of underscores …) are small
helpers here, so that each document in :mod:`corpus.documents` reads like what it is.
"""

from __future__ import annotations

import io

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from helpers import centred_rule
from helpers import fixed_table as table

from cchc_docs.typeset import widths

CENTER, JUSTIFY, LEFT, RIGHT = (WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT,
                                WD_ALIGN_PARAGRAPH.RIGHT)
FONT = "Times New Roman"
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
CELL_MARGINS_MM = 3.8  # Word's default 1.9 mm on each side of cell text
BODY = ("ỦY BAN NHÂN DÂN", "XÃ AN BÌNH")
SIGNER = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
WHITE = RGBColor(0xFF, 0xFF, 0xFF)

_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_V = "urn:schemas-microsoft-com:vml"


def run(paragraph, text: str, size: float = 14, bold: bool = False, italic: bool = False,
        hidden: bool = False, color: RGBColor | None = None):
    """One run with its font on all four slots, as Word writes a font picked from the toolbar."""
    r = paragraph.add_run(text)
    rpr = r._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FONT)
    rpr.insert(0, fonts)
    r.font.size, r.bold, r.italic = Pt(size), bold, italic
    if hidden:
        r.font.hidden = True
    if color is not None:
        r.font.color.rgb = color
    return r


def para(container, text: str | list = "", size: float = 14, bold: bool = False, italic: bool = False,
         align=JUSTIFY, first: float | None = 12.7, left: float | None = None, before: float = 6,
         after: float = 0, line: float = 1.0):
    """A paragraph; ``text`` may be a list of ``(text, {run options})`` for mixed formatting."""
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.alignment, fmt.space_before, fmt.space_after, fmt.line_spacing = align, Pt(before), Pt(after), line
    fmt.first_line_indent = Mm(first) if first is not None else Mm(0)
    if left is not None:
        fmt.left_indent = Mm(left)
    for piece, options in ([(text, {})] if isinstance(text, str) else text):
        if piece:
            run(paragraph, piece, **{"size": size, "bold": bold, "italic": italic, **options})
    return paragraph


def line(container, text: str = "", size: float = 13, bold: bool = False, italic: bool = False, align=CENTER,
         before: float = 0, after: float = 0):
    """A header or signature line: no indent, no spacing unless asked."""
    return para(container, text, size, bold, italic, align, None, None, before, after)


def rule(container, length_mm: float, box_mm: float):
    """An empty paragraph whose top border, indented from both sides, is a short centred rule."""
    return centred_rule(line(container, size=6), length_mm, box_mm)


def rule_length(lines: list[str], size: float, box_mm: float) -> float:
    """40 % of the longest line as Word wraps it: inside the decree's 1/3–1/2."""
    wrapped = [part for text in lines for part in widths.wrap(text, size, box_mm)]
    return round(max(widths.bold_width_mm(text, size) for text in wrapped) * 0.4, 1)


def underscores(container, under: list[str], size: float, box_mm: float, text_size: float | None = None):
    """A row of underscores typed on a line of its own, as long as a rule should be."""
    width = widths.bold_width_mm("_", size)
    count = round(rule_length(under, text_size or size, box_mm) / width)
    return line(container, "_" * count, size, bold=True)


def grid_rows(container, widths_mm: list[float], rows: list[tuple[str, ...]], size: float = 12):
    """A data table with visible borders, its first row bold."""
    made = table(container, widths_mm, len(rows), grid=True)
    for number, (row, texts) in enumerate(zip(made.rows, rows, strict=True)):
        for cell, text in zip(row.cells, texts, strict=True):
            line(cell, text, size, bold=number == 0, align=CENTER if number == 0 or len(text) < 8 else LEFT)
    return made


def shape(paragraph) -> None:
    """A line drawn with Insert > Shapes: the paragraph only anchors a drawing."""
    paragraph.add_run()._r.append(OxmlElement("w:pict"))


def tabs(container, left: tuple | None, right: tuple | None, align=LEFT):
    """One line typed as "left<tab><tab>right": ``(text, size, bold, italic)`` each."""
    paragraph = line(container, align=align)
    if left:
        run(paragraph, *left)
    run(paragraph, "\t\t" if left else "\t\t\t")
    if right:
        run(paragraph, *right)
    return paragraph


# --- page setup and page numbers --------------------------------------------------------------------


def page(section, landscape: bool = False, left: float = 30, top: float = 20, restart: bool = True) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(top), Mm(20)
    section.left_margin, section.right_margin = Mm(left), Mm(15)
    section.different_first_page_header_footer = True
    if restart and section._sectPr.find(qn("w:pgNumType")) is None:
        number = OxmlElement("w:pgNumType")
        number.set(qn("w:start"), "1")
        section._sectPr.append(number)


def _field(size: float = 13) -> str:
    rpr = (f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
           f'<w:sz w:val="{round(size * 2)}"/></w:rPr>')
    return (f'<w:r>{rpr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{rpr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{rpr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{rpr}<w:t>2</w:t></w:r><w:r>{rpr}<w:fldChar w:fldCharType="end"/></w:r>')


def page_number(section, text_box: bool = False, story: str = "header") -> None:
    """A centred PAGE field at the top of every page but the first (its header stays empty);
    with ``text_box``, inside a text box as Word's "Page Number > Top of Page" gallery puts it;
    ``story`` "footer": at the bottom instead."""
    header = getattr(section, story)
    header.is_linked_to_previous = False
    paragraph = header.paragraphs[0]
    paragraph.alignment = CENTER
    xml = _text_box(_field()) if text_box else _field()
    for element in parse_xml(f"<w:p {nsdecls('w')} xmlns:mc=\"{_MC}\">{xml}</w:p>"):
        paragraph._p.append(element)
    getattr(section, f"first_page_{story}").is_linked_to_previous = False


def _text_box(inner: str) -> str:
    """A text box as Word writes one: a DrawingML shape, and a VML one for older readers."""
    content = f'<w:txbxContent><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{inner}</w:p></w:txbxContent>'
    size = 'cx="914400" cy="360000"'
    return (
        f'<w:r><mc:AlternateContent xmlns:wps="{_WPS}" xmlns:wp="{_WP}" xmlns:a="{_A}" xmlns:v="{_V}">'
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV><wp:extent {size}/>'
        '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="1" name="Số trang"/>'
        '<wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvSpPr txBox="1"/>'
        f'<wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext {size}/></a:xfrm><a:prstGeom prst="rect"><a:avLst/>'
        f'</a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr><wps:txbx>{content}</wps:txbx>'
        '<wps:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" anchor="t"><a:noAutofit/></wps:bodyPr></wps:wsp>'
        '</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:shape type="#_x0000_t202" style="position:absolute;margin-left:0;margin-top:0;'
        'width:72pt;height:28.35pt;mso-position-horizontal:center;mso-position-horizontal-relative:margin" '
        f'filled="f" stroked="f"><v:textbox inset="0,0,0,0">{content}</v:textbox></v:shape></w:pict>'
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


class Typist:
    """One document being typed; ``bytes()`` saves it."""

    def __init__(self, left: float = 30, top: float = 20, text_box: bool = False, story: str = "header") -> None:
        self.doc = Document()
        section = self.doc.sections[0]
        page(section, left=left, top=top, restart=False)
        page_number(section, text_box, story)
        body = self.doc.element.body
        for paragraph in list(body.iterchildren(qn("w:p"))):
            body.remove(paragraph)
        self.margins = (left, top)

    def new_section(self, landscape: bool = False) -> None:
        section = self.doc.add_section(WD_SECTION.NEW_PAGE)
        page(section, landscape, *self.margins)

    def bytes(self) -> bytes:
        stream = io.BytesIO()
        self.doc.save(stream)
        return stream.getvalue()

    # -- the parts every document has ------------------------------------------------------------

    def header(self, body: tuple[str, ...], number: str | None, date: str | None, left_mm: float = 70,
               right_mm: float = 95, split_rows: bool = False, letter_summary: tuple[str, ...] = (),
               title_lines: tuple[str, ...] = (NATIONAL,), title_size: float = 12, motto: str = MOTTO,
               governing: str | None = None):
        """Boxes 1–4 in a borderless table: body | Quốc hiệu; Số | date in the same row
        (``split_rows``: in a second row, as many offices do); ``governing``: a chủ quản line."""
        grid = table(self.doc, [left_mm, right_mm], rows=2 if split_rows else 1)
        left, right = grid.rows[0].cells
        if governing:
            line(left, governing, 13)
        for text in body:
            line(left, text, 13, bold=True)
        rule(left, rule_length(list(body), 13, left_mm - CELL_MARGINS_MM), left_mm - CELL_MARGINS_MM)
        for text in title_lines:
            line(right, text, title_size, bold=True)
        line(right, motto, 13, bold=True)
        rule(right, round(widths.bold_width_mm(motto, 13), 1), right_mm - CELL_MARGINS_MM)
        low_left, low_right = grid.rows[1].cells if split_rows else (left, right)
        if number is not None:
            line(low_left, number, 13)
        for number_of, text in enumerate(letter_summary):
            line(low_left, text, 12, before=6 if number_of == 0 else 0)
        if date is not None:
            line(low_right, date, 13, italic=True)
        return grid

    def title(self, doc_type: str, summary: str, rule_under: bool = True):
        line(self.doc, doc_type, 14, bold=True, before=18)
        line(self.doc, summary, 14, bold=True)
        if rule_under:
            rule(self.doc, rule_length([summary], 14, 165), 165)

    def body(self, text: str | list, **options):
        return para(self.doc, text, **options)

    def heading(self, text: str, **options):
        return para(self.doc, text, bold=True, **options)

    def bases(self, texts: list[str], italic: bool = True):
        return [para(self.doc, text, italic=italic) for text in texts]

    def article(self, number: int, text: str, space: str = " "):
        return para(self.doc, [(f"Điều {number}.", {"bold": True}), (f"{space}{text}", {})])

    def closing(self, recipients: tuple[str, ...], titles: tuple[str, ...], name: str, split_rows: bool = False,
                label: str = "Nơi nhận:"):
        """Boxes 7 and 9b in a borderless table: Nơi nhận left, signer right (``split_rows``:
        the label and the first titles in one row, the items and the name in the next)."""
        grid = table(self.doc, [75.0, 90.0], rows=2 if split_rows else 1)
        left, right = grid.rows[0].cells
        line(left, label, 12, bold=True, italic=True, align=LEFT, before=12)
        items_cell, name_cell = grid.rows[1].cells if split_rows else (left, right)
        for item in recipients:
            line(items_cell, item, 11, align=LEFT)
        for text in titles:
            line(right, text, 14, bold=True, before=12 if text is titles[0] else 0)
        line(name_cell, name, 14, bold=True, before=72)
        return grid
