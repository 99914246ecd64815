"""Format facts of the built sample, read with python-docx and lxml (Nghị định 30/2020/NĐ-CP).

Properties are resolved the way Word resolves them — run, character style, paragraph
style and its ``basedOn`` chain, document defaults — by the small resolver below, so a
format set only in a style counts, and a run that overrides it is caught.
"""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from helpers import paragraphs

TNR = "Times New Roman"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
TWIPS_PER_MM = 1440 / 25.4
TRUE = {None, "1", "true", "on"}

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
APPENDIX_HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
                   "Sản phẩm"]


# ---------------------------------------------------------------- property resolver


class Resolver:
    """Effective run and paragraph properties: direct → style chain → document defaults.

    Not modelled, because the templates use neither: formatting from table styles, and
    the toggle (exclusive-or) rule for bold/italic set at several style levels.
    """

    def __init__(self, document):
        root = document.styles.element
        self.styles = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
        self.default_paragraph_style = next(
            s.get(qn("w:styleId"))
            for s in root.findall(qn("w:style"))
            if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true", "on")
        )
        defaults = root.find(qn("w:docDefaults"))
        self.rpr_default = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        self.ppr_default = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}")

    def chain(self, style_id: str | None) -> list:
        """The style and every style it is based on, nearest first."""
        found, seen = [], set()
        while style_id and style_id in self.styles and style_id not in seen:
            seen.add(style_id)
            style = self.styles[style_id]
            found.append(style)
            based = style.find(qn("w:basedOn"))
            style_id = based.get(qn("w:val")) if based is not None else None
        return found

    def paragraph_style(self, p) -> str:
        pstyle = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return pstyle.get(qn("w:val")) if pstyle is not None else self.default_paragraph_style

    def run_property(self, r, p, read):
        """First value ``read(rPr)`` finds, from the run up to the document defaults."""
        levels = [r.find(qn("w:rPr"))]
        rstyle = r.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
        if rstyle is not None:
            levels += [s.find(qn("w:rPr")) for s in self.chain(rstyle.get(qn("w:val")))]
        levels += [s.find(qn("w:rPr")) for s in self.chain(self.paragraph_style(p))]
        levels.append(self.rpr_default)
        return next((v for v in (read(x) for x in levels if x is not None) if v is not None), None)

    def paragraph_property(self, p, read):
        levels = [p.find(qn("w:pPr"))] + [s.find(qn("w:pPr")) for s in self.chain(self.paragraph_style(p))]
        levels.append(self.ppr_default)
        return next((v for v in (read(x) for x in levels if x is not None) if v is not None), None)


def _attr(tag: str, attr: str = "val"):
    def read(props):
        el = props.find(qn(f"w:{tag}"))
        return None if el is None else el.get(qn(f"w:{attr}"))

    return read


def _toggle(tag: str):
    def read(props):
        el = props.find(qn(f"w:{tag}"))
        return None if el is None else el.get(qn("w:val")) in TRUE

    return read


def _font(slot: str):
    def read(props):
        fonts = props.find(qn("w:rFonts"))
        if fonts is None:
            return None
        theme = fonts.get(qn(f"w:{slot}Theme"))  # a theme font overrides the named one
        return f"theme:{theme}" if theme else fonts.get(qn(f"w:{slot}"))

    return read


def _border_top(props):
    top = props.find(f"{qn('w:pBdr')}/{qn('w:top')}")
    return None if top is None else top.get(qn("w:val"))


def _indent(side: str):
    def read(props):
        ind = props.find(qn("w:ind"))
        if ind is None:
            return None
        value = ind.get(qn(f"w:{side}"))
        if value is None and side in ("left", "right"):
            value = ind.get(qn("w:start" if side == "left" else "w:end"))
        return value

    return read


@pytest.fixture(scope="module")
def resolver(sample_document) -> Resolver:
    return Resolver(sample_document)


class Facts:
    """Effective formatting of one paragraph (all its text runs must agree)."""

    def __init__(self, paragraph: Paragraph, resolver: Resolver):
        self.p = paragraph._p
        self.text = paragraph.text
        self.r = resolver
        self.runs = [r for r in self.p.iter(qn("w:r")) if r.find(qn("w:t")) is not None]

    def _runs(self, read) -> set:
        assert self.runs, f"no text runs in {self.text!r}"
        return {self.r.run_property(run, self.p, read) for run in self.runs}

    @property
    def size(self) -> float:
        (half_points,) = self._runs(_attr("sz"))
        return int(half_points) / 2

    @property
    def bold(self) -> bool:
        (value,) = {bool(v) for v in self._runs(_toggle("b"))}
        return value

    @property
    def italic(self) -> bool:
        (value,) = {bool(v) for v in self._runs(_toggle("i"))}
        return value

    def para(self, read):
        return self.r.paragraph_property(self.p, read)


# ---------------------------------------------------------------- locating parts


def header_table(document) -> Table:
    return document.tables[0]


def find(document, text: str) -> Paragraph:
    matches = [p for p in paragraphs(document) if p.text == text]
    assert matches, f"no paragraph reads {text!r}"
    return matches[0]


def signature_cells(document):
    table = next(t for t in document.tables if t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:")
    return table.rows[0].cells


# ---------------------------------------------------------------- page setup


def test_document_has_three_sections(sample_document):
    assert len(sample_document.sections) == 3


@pytest.mark.parametrize("index", [0, 1, 2])
def test_every_section_is_a4_with_nd30_margins(sample_document, index):
    section = sample_document.sections[index]
    sizes = sorted((section.page_width.twips, section.page_height.twips))
    assert abs(sizes[0] - 11906) <= 20 and abs(sizes[1] - 16838) <= 20
    assert 1134 <= section.top_margin.twips <= 1417
    assert 1134 <= section.bottom_margin.twips <= 1417
    assert 1701 <= section.left_margin.twips <= 1984
    assert 850 <= section.right_margin.twips <= 1134


def test_decision_and_plan_are_portrait_and_appendix_landscape(sample_document):
    orient = [s._sectPr.find(qn("w:pgSz")).get(qn("w:orient")) for s in sample_document.sections]
    assert orient[:2] == [None, None] or orient[:2] == ["portrait", "portrait"]
    assert orient[2] == "landscape"
    appendix = sample_document.sections[2]
    assert appendix.page_width > appendix.page_height


@pytest.mark.parametrize("index", [1, 2])
def test_plan_and_appendix_restart_page_numbers_at_one(sample_document, index):
    pg = sample_document.sections[index]._sectPr.find(qn("w:pgNumType"))
    assert pg is not None and pg.get(qn("w:start")) == "1"


@pytest.mark.parametrize("index", [0, 1, 2])
def test_every_section_hides_the_number_on_its_first_page(sample_document, index):
    section = sample_document.sections[index]
    assert section._sectPr.find(qn("w:titlePg")) is not None
    first = section.first_page_header
    assert [p.text for p in first.paragraphs] == [""] * len(first.paragraphs)
    assert first._element.xpath(".//w:instrText | .//w:fldSimple") == []


@pytest.mark.parametrize("index", [0, 1, 2])
def test_every_section_numbers_its_other_pages_with_a_page_field(sample_document, index):
    header = sample_document.sections[index].header._element
    instructions = [t.text for t in header.iter(qn("w:instrText"))] + header.xpath(".//w:fldSimple/@w:instr")
    assert [i.strip() for i in instructions] == ["PAGE"]


# ---------------------------------------------------------------- fonts


def _all_runs(document):
    parts = [document.element.body]
    for section in document.sections:
        for header in (section.header, section.first_page_header):
            parts.append(header._element)
    for part in parts:
        for p in part.iter(qn("w:p")):
            for r in p.iter(qn("w:r")):
                yield p, r


@pytest.mark.parametrize("slot", FONT_SLOTS)
def test_every_run_resolves_to_times_new_roman(sample_document, resolver, slot):
    runs = list(_all_runs(sample_document))
    assert len(runs) > 200
    fonts = {resolver.run_property(r, p, _font(slot)) for p, r in runs}
    assert fonts == {TNR}


def test_resolver_sees_a_font_set_only_on_a_run(sample_document, resolver):
    # Guards the test above: a run that overrides the style must change the result.
    p = find(sample_document, NATIONAL_TITLE)._p
    run = p.find(qn("w:r"))
    assert resolver.run_property(run, p, _font("ascii")) == TNR
    fake = run.__copy__()
    fake.find(qn("w:rPr")).find(qn("w:rFonts")).set(qn("w:ascii"), "Arial")
    assert resolver.run_property(fake, p, _font("ascii")) == "Arial"


# ---------------------------------------------------------------- header block


def test_national_title_is_exact_bold_12(sample_document, resolver):
    _, right = header_table(sample_document).rows[0].cells
    facts = Facts(right.paragraphs[0], resolver)
    assert facts.text == NATIONAL_TITLE
    assert (facts.size, facts.bold, facts.italic) == (12, True, False)


def test_motto_is_exact_with_ascii_hyphens_bold_13(sample_document, resolver):
    right = header_table(sample_document).rows[0].cells[1]
    facts = Facts(right.paragraphs[1], resolver)
    assert facts.text == MOTTO
    assert "–" not in facts.text and "—" not in facts.text and "  " not in facts.text
    assert (facts.size, facts.bold, facts.italic) == (13, True, False)


def test_issuing_body_lines_are_bold_12(sample_document, resolver):
    left = header_table(sample_document).rows[0].cells[0]
    lines = [Facts(p, resolver) for p in left.paragraphs if p.text]
    assert [f.text for f in lines] == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]
    assert [(f.size, f.bold) for f in lines] == [(12, True), (12, True)]


def test_number_line_is_13_and_not_bold(sample_document, resolver):
    number = Facts(header_table(sample_document).rows[1].cells[0].paragraphs[0], resolver)
    assert number.text == "Số: 39/QĐ-UBND"
    assert (number.size, number.bold, number.italic) == (13, False, False)


def test_date_line_is_italic_13(sample_document, resolver):
    date = Facts(header_table(sample_document).rows[1].cells[1].paragraphs[0], resolver)
    assert date.text == "Thượng Hồng, ngày 31 tháng 7 năm 2025"
    assert (date.size, date.italic, date.bold) == (13, True, False)


def test_decision_title_is_bold_14(sample_document, resolver):
    facts = Facts(find(sample_document, "QUYẾT ĐỊNH"), resolver)
    assert (facts.size, facts.bold) == (14, True)


# ---------------------------------------------------------------- Nơi nhận and signature


def test_recipients_label_is_12_bold_italic(sample_document, resolver):
    label = Facts(signature_cells(sample_document)[0].paragraphs[0], resolver)
    assert label.text == "Nơi nhận:"
    assert (label.size, label.bold, label.italic) == (12, True, True)


def test_recipient_items_are_11_upright(sample_document, resolver):
    items = [Facts(p, resolver) for p in signature_cells(sample_document)[0].paragraphs[1:] if p.text]
    assert len(items) == 9
    assert {(f.size, f.bold, f.italic) for f in items} == {(11, False, False)}
    assert items[-1].text == "- Lưu: VT, VHXH."


def test_signer_lines_are_bold_uppercase_14_and_the_name_bold(sample_document, resolver):
    lines = [Facts(p, resolver) for p in signature_cells(sample_document)[1].paragraphs if p.text]
    *titles, name = lines
    assert [f.text for f in titles] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert all(f.text == f.text.upper() for f in titles)
    assert {(f.size, f.bold) for f in titles} == {(14, True)}
    assert (name.text, name.bold) == ("[Họ] Thị Thay", True)


# ---------------------------------------------------------------- body paragraphs


def body_paragraphs(document) -> list[Paragraph]:
    """Căn cứ lines and Điều of the decision, and the plan body after its Kèm theo rule."""
    all_paragraphs = [Paragraph(p, document._body) for p in document.element.body.iterchildren(qn("w:p"))]
    found = [p for p in all_paragraphs if p.text.startswith(("Căn cứ ", "Theo đề nghị", "Điều "))]
    plan_start = next(i for i, p in enumerate(all_paragraphs) if p.text.startswith("(Kèm theo Quyết định"))
    for p in all_paragraphs[plan_start + 1 :]:
        if p._p.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None:
            break
        if p.text:
            found.append(p)
    return found


def test_body_paragraphs_are_justified_indented_and_spaced(sample_document, resolver):
    body = [Facts(p, resolver) for p in body_paragraphs(sample_document)]
    assert len(body) > 100
    assert {f.para(_attr("jc")) for f in body} == {"both"}
    indents = {int(f.para(_indent("firstLine"))) for f in body}
    assert {round(i / TWIPS_PER_MM, 1) for i in indents} == {12.7}
    assert min(int(f.para(_attr("spacing", "before"))) for f in body) >= 120
    assert {f.size for f in body} == {14}


def test_no_paragraph_contains_a_line_break(sample_document):
    everything = paragraphs(sample_document)
    for section in sample_document.sections:
        everything += section.header.paragraphs + section.first_page_header.paragraphs
    assert [p.text for p in everything if "\n" in p.text] == []


# ---------------------------------------------------------------- appendix table


def appendix_table(document) -> Table:
    (table,) = [t for t in document.tables if t.rows[0].cells[0].text == "STT"]
    return table


def test_appendix_table_has_six_columns_with_their_titles(sample_document):
    table = appendix_table(sample_document)
    assert len(table._tbl.tblGrid.findall(qn("w:gridCol"))) == 6
    assert [c.text for c in table.rows[0].cells] == APPENDIX_HEADER


def test_appendix_header_row_repeats_on_every_page(sample_document):
    rows = appendix_table(sample_document)._tbl.tr_lst
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert [r for r in rows[1:] if r.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None] == []


def test_no_appendix_row_splits_across_pages(sample_document):
    rows = appendix_table(sample_document)._tbl.tr_lst
    assert len(rows) == 1 + 7 + 42
    assert all(r.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for r in rows)


# ---------------------------------------------------------------- rules (đường kẻ)


def cell_margins_twips(table: Table, resolver: Resolver) -> tuple[int, int]:
    """Left and right cell margins: the table's own, else its style chain's, else Word's 108."""
    levels = [table._tbl.tblPr]
    style = table._tbl.tblPr.find(qn("w:tblStyle"))
    default_table = next(
        (sid for sid, s in resolver.styles.items() if s.get(qn("w:type")) == "table" and s.get(qn("w:default")) == "1"),
        None,
    )
    for sid in ([style.get(qn("w:val"))] if style is not None else []) + [default_table]:
        levels += [s.find(qn("w:tblPr")) for s in resolver.chain(sid)]
    margins = []
    for side in ("left", "right"):
        value = next(
            (m.get(qn("w:w")) for lv in levels if lv is not None
             for m in [lv.find(f"{qn('w:tblCellMar')}/{qn(f'w:{side}')}")] if m is not None),
            "108",
        )
        margins.append(int(value))
    return margins[0], margins[1]


def rule_extents_mm(document, resolver, column: int) -> list[float]:
    """Length of each bordered empty paragraph in a header-table column, in every header."""
    extents = []
    for table in document.tables:
        if table.rows[0].cells[-1].paragraphs[0].text != NATIONAL_TITLE:
            continue
        cell = table.rows[0].cells[column]
        left_margin, right_margin = cell_margins_twips(table, resolver)
        width = int(cell._tc.tcPr.tcW.get(qn("w:w")))
        for p in cell.paragraphs:
            if p.text or resolver.paragraph_property(p._p, _border_top) in (None, "nil", "none"):
                continue
            left = int(resolver.paragraph_property(p._p, _indent("left")) or 0)
            right = int(resolver.paragraph_property(p._p, _indent("right")) or 0)
            extents.append((width - left_margin - right_margin - left - right) / TWIPS_PER_MM)
    return extents


def test_rule_under_the_issuing_body_is_a_third_to_a_half_of_its_name(sample_document, resolver):
    name_width = 39.9  # "ỦY BAN NHÂN DÂN", Times New Roman Bold 12 pt (reference §4.2)
    extents = rule_extents_mm(sample_document, resolver, column=0)
    assert len(extents) == 2  # decision and attached plan
    assert all(name_width / 3 <= e <= name_width / 2 for e in extents), extents


def test_rule_under_the_motto_is_as_long_as_the_motto(sample_document, resolver):
    extents = rule_extents_mm(sample_document, resolver, column=1)
    assert len(extents) == 2
    assert all(abs(e - 56.1) <= 2 for e in extents), extents


def test_every_title_block_has_a_rule_paragraph(sample_document, resolver):
    body = [Paragraph(p, sample_document._body) for p in sample_document.element.body.iterchildren(qn("w:p"))]
    ruled_after = [
        body[i - 1].text
        for i, p in enumerate(body)
        if not p.text and resolver.paragraph_property(p._p, _border_top) == "single"
    ]
    assert ruled_after == [
        "Ban hành Kế hoạch Cải cách hành chính nhà nước xã Thượng Hồng 6 tháng cuối năm 2025",
        "(Kèm theo Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng)",
        "(Kèm theo Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 "
        "của Ủy ban nhân dân xã Thượng Hồng)",
    ]
