"""Rows read from the body's bytes (cchc_docs.facts.bodybytes): the same shapes and texts as the
tree's, or left to the tree; never other facts."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from lxml import etree

from cchc_docs.errors import SourceError
from cchc_docs.facts import bodybytes, formats, replay, walk
from cchc_docs.facts.extract import extract
from cchc_docs.facts.properties import W

TEXTS = ["1.", "Cải cách thủ tục hành chính", "a &amp; b", "x &lt; y &gt; z", "dòng&#13;hai", "&#x1EA0;nh",
         "  hai khoảng  ", "Việc 3"]


BORDER = f'<w:pPr {nsdecls("w")}><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1"/></w:pBdr></w:pPr>'


def _document(cells: list[str], rows: int = 6, notes: int = 4) -> bytes:
    """A .docx with a table of ``rows`` rows of three cells (``cells`` are raw XML texts, placed in
    turn) between paragraphs: a title, a bordered line, an empty one, and ``notes`` of two runs."""
    doc = Document()
    doc.add_paragraph("Bảng theo dõi")
    doc.add_paragraph("Kỳ báo cáo: quý III")._p.insert(0, parse_xml(BORDER))
    doc.add_paragraph()
    table = doc.add_table(rows=rows, cols=3)
    for index, cell in enumerate(c for row in table.rows for c in row.cells):
        cell.paragraphs[0].add_run(f"@{index}@")
    for number in range(1, notes + 1):
        note = doc.add_paragraph()
        note.add_run(f"Ghi chú {number}: ").bold = True
        note.add_run(f"nội dung số {number}")
    stream = io.BytesIO()
    doc.save(stream)
    return _edited(stream.getvalue(), lambda xml: _fill(xml, cells))


def _fill(xml: str, cells: list[str]) -> str:
    index = 0
    while f"@{index}@" in xml:
        xml = xml.replace(f"<w:t>@{index}@</w:t>", f'<w:t xml:space="preserve">{cells[index % len(cells)]}</w:t>')
        index += 1
    return xml


def _edited(data: bytes, change) -> bytes:
    """The package with its word/document.xml changed by ``change`` (on the text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "word/document.xml":
                content = change(content.decode("utf-8")).encode("utf-8")
            target.writestr(item, content)
    return out.getvalue()


def _xml(data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read("word/document.xml")


def _reader(data: bytes, memo=None):
    """The rows of the document read from its bytes (None when not plain), and its parsed rows, bound."""
    xml = _xml(data)
    reader = bodybytes.BodyBytes.of(xml, memo or replay.ShapeMemo())
    body = etree.fromstring(reader.skeleton if reader else xml).find(W + "body")
    assert reader is None or reader.bind(body)
    return reader, list(body.iter(W + "tr"))


def _facts_four_ways(data: bytes, monkeypatch):
    """The facts read with the bytes (first with no row known, then with its rows cut), with the tree
    alone, and walking every row."""
    formats._MEMO.clear()
    first = extract(data)
    cut = extract(data)
    with monkeypatch.context() as patch:
        patch.setattr(bodybytes.BodyBytes, "of", classmethod(lambda cls, data, memo: None))
        formats._MEMO.clear()
        with_tree = extract(data)
        patch.setattr(walk.Walker, "row", walk.Walker.walk_row)
        formats._MEMO.clear()
        walked = extract(data)
    assert first == cut == with_tree == walked
    return cut


def _walked(data: bytes, monkeypatch) -> tuple[int, int]:
    """How many rows and paragraphs are walked reading ``data`` once more."""
    rows, paragraphs = [], []
    walk_row, walk_paragraph = walk.Walker.walk_row, walk.Walker.walk_paragraph
    with monkeypatch.context() as patch:
        patch.setattr(walk.Walker, "walk_row", lambda self, tr, table: rows.append(1) or walk_row(self, tr, table))
        patch.setattr(walk.Walker, "walk_paragraph",
                      lambda self, p, cell: paragraphs.append(cell) or walk_paragraph(self, p, cell))
        extract(data)
    return len(rows), len([cell for cell in paragraphs if cell is None])


def test_every_row_reads_the_texts_the_tree_holds():
    reader, rows = _reader(_document(TEXTS))
    assert reader is not None
    for tr in rows:
        (_, texts), _ = reader.row(tr)
        assert texts == [t.text for t in tr.iter(W + "t") if t.text]
    assert reader.row(rows[1])[0][1] == ["x < y > z", "dòng\rhai", "Ạnh"]  # references resolved as the parser does


def test_rows_share_a_shape_from_the_bytes_exactly_when_they_share_one_from_the_tree():
    reader, rows = _reader(_document(["một", "hai", "", "ba", "bốn", "năm", "sáu"], rows=7))
    from_bytes = [reader.row(tr)[0][0] for tr in rows]
    from_tree = [replay._tree_shape(tr)[0] for tr in rows]
    for i in range(len(rows)):
        for j in range(len(rows)):
            assert (from_bytes[i] == from_bytes[j]) == (from_tree[i] == from_tree[j])
    assert len(set(from_bytes)) > 1  # an empty text makes another shape


def test_facts_are_the_same_read_from_the_bytes_cut_from_the_tree_or_walked(monkeypatch):
    facts = _facts_four_ways(_document(TEXTS, rows=20), monkeypatch)
    assert "a & b" in [p.text for p in facts.paragraphs]


def test_rows_and_paragraphs_of_known_shapes_are_cut_from_the_tree_and_added_without_a_walk(monkeypatch):
    data = _document(TEXTS, rows=20)
    formats._MEMO.clear()
    extract(data)
    extract(data)  # a table's first row, and each paragraph, is a shape of its own: mapped when met a second time
    reader, rows = _reader(data, formats._MEMO[next(iter(formats._MEMO))].shapes)
    assert len(reader.rows.cut) == 20 and len(reader.paragraphs.cut) == 3 + 4
    assert all(len(tr) == 0 for tr in rows)  # every row parsed empty
    assert _walked(data, monkeypatch) == (0, 0)
    facts = extract(data)
    assert [p.text for p in facts.paragraphs[-2:]] == ["Ghi chú 3: nội dung số 3", "Ghi chú 4: nội dung số 4"]
    assert facts.paragraphs[1].border_bottom is not None and facts.paragraphs[1].border_bottom.extent_mm > 100
    assert facts.paragraphs[2].mark_size_pt is not None


def test_no_row_is_cut_from_a_body_that_holds_a_field(monkeypatch):
    field = ('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r></w:p>')
    plain = _document(TEXTS, rows=8)
    data = _edited(plain, lambda xml: xml.replace("<w:tbl>", field + "<w:tbl>"))
    formats._MEMO.clear()
    extract(plain)
    extract(plain)  # every shape known
    assert extract(data) == _facts_four_ways(data, monkeypatch)  # the field is left open over the table


def test_a_misread_found_after_the_parse_reads_the_body_again_from_the_tree(monkeypatch):
    plain = _document(["Việc", "ghi chú", "Phòng VHXH"], rows=8)
    inner = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>"
    nested = _edited(plain, lambda xml: xml.replace("<w:tc>", "<w:tc>" + inner, 1))
    declared = _edited(plain, lambda xml: xml.replace("<w:tbl>", '<w:tbl xmlns:x="urn:khac">'))
    for data in (nested, declared):
        formats._MEMO.clear()
        extract(plain)  # the shapes known: the rows would be cut
        assert extract(data) == _facts_four_ways(data, monkeypatch)


@pytest.mark.parametrize("text", ["&#1;", "a ]]> b", "\x01", "a & b", "&nbsp;", "&#99999999999999999999;"])
def test_a_damaged_text_in_a_row_of_a_known_shape_is_refused_as_damaged(text):
    good = _document(["Việc", "ghi chú", "Phòng VHXH"], rows=8)
    damaged = _edited(good, lambda xml: text.join(xml.rsplit("ghi chú", 1)))  # in the last row: one cut
    formats._MEMO.clear()
    extract(good)
    with pytest.raises(SourceError, match="bị hỏng"):
        extract(damaged)


@pytest.mark.parametrize("change", [
    lambda xml: xml.replace("<w:body>", "<w:body><!-- <w:tr></w:tr> -->"),
    lambda xml: xml.replace("<w:body>", "<w:body><?cchc ghi-chú?>"),
    lambda xml: xml.replace("Việc 3", "<![CDATA[Việc 3]]>"),
    lambda xml: xml.replace("encoding='UTF-8'", "encoding='ISO-8859-1'").replace("ả", "a").replace("ạ", "a"),
    lambda xml: xml.replace("<w:body>", '<w:body xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'),
], ids=["comment", "processing instruction", "CDATA", "another encoding", "a second prefix of w"])
def test_a_document_the_bytes_could_misread_is_left_to_the_tree(change):
    data = _edited(_document(["Việc 3", "ghi chú", "Phòng VHXH"]), change)
    assert bodybytes.BodyBytes.of(_xml(data), replay.ShapeMemo()) is None


def test_a_text_tag_of_another_form_leaves_its_row_to_the_tree(monkeypatch):
    data = _edited(_document(TEXTS), lambda xml: xml.replace('<w:t xml:space="preserve">Việc 3',
                                                              '<w:t  xml:space="preserve">Việc 3', 1))
    reader, rows = _reader(data)
    assert [reader.row(tr) == (None, None) for tr in rows].count(True) == 1
    _facts_four_ways(data, monkeypatch)


def test_an_end_tag_written_with_a_space_never_gives_a_row_wrong_texts(monkeypatch):
    """The bytes miss a text ended by "</w:t >" and take one of a paragraph whose ``w`` is another
    namespace: as many texts as the tree's, not the same ones. The first row of the shape,
    compared with the tree when it is mapped, shows it, and no row of that shape is replayed."""
    data = _edited(_document(["Việc", "ghi chú", "Phòng VHXH"], rows=12),
                   lambda xml: xml.replace("ghi chú</w:t>", "ghi chú</w:t >").replace(
                       '<w:p><w:r><w:t xml:space="preserve">Việc',
                       '<w:p xmlns:w="urn:khac"><w:r><w:t xml:space="preserve">Việc'))
    facts = _facts_four_ways(data, monkeypatch)
    assert [p.text for p in facts.paragraphs].count("ghi chú") == 12
    assert "Việc" not in [p.text for p in facts.paragraphs]


def test_the_same_row_bytes_under_other_namespaces_are_another_shape():
    first = _document(["Việc", "ghi chú", "Phòng VHXH"])
    second = _edited(first, lambda xml: xml.replace("<w:body>", '<w:body xmlns:x="urn:khac">'))
    (one, rows_one), (two, rows_two) = _reader(first), _reader(second)
    assert one.row(rows_one[2])[0][0][3] == two.row(rows_two[2])[0][0][3]  # the same bytes …
    assert one.row(rows_one[2])[0][0] != two.row(rows_two[2])[0][0]  # … not the same shape


def test_a_block_that_repeats_a_known_shape_byte_for_byte_reads_as_it_does_when_met_first(monkeypatch):
    """Blocks told by the pieces of a shape met before give the shapes and texts a fresh reading
    gives; a text holding ">", a text emptied or a run made bold is another shape, cut up again."""
    memo = replay.ShapeMemo()
    _reader(_document(TEXTS, rows=8), memo)  # the shapes known by their bytes
    other = _edited(_document(["x > y", "", "Việc 3", "a &amp; b", "hai"], rows=9),
                    lambda xml: xml.replace("<w:r><w:t", "<w:r><w:rPr><w:b/></w:rPr><w:t", 1))
    cut, cut_up = [], bodybytes._cut
    monkeypatch.setattr(bodybytes, "_cut", lambda *args: cut.append(1) or cut_up(*args))
    warm, _ = _reader(other, memo)
    told = len(cut)
    fresh, _ = _reader(other)
    assert warm.rows.reads == fresh.rows.reads and warm.paragraphs.reads == fresh.paragraphs.reads
    assert 0 < told < len(cut) - told  # most blocks told by their pieces, the new shapes cut up
