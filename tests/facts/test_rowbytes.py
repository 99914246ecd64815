"""Rows read from the body's bytes (cchc_docs.facts.rowbytes): the same shapes and texts as the
tree's, or left to the tree; never other facts."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx import Document
from lxml import etree

from cchc_docs.facts import formats, replay, rowbytes, walk
from cchc_docs.facts.extract import extract
from cchc_docs.facts.properties import W

TEXTS = ["1.", "Cải cách thủ tục hành chính", "a &amp; b", "x &lt; y &gt; z", "dòng&#13;hai", "&#x1EA0;nh",
         "  hai khoảng  ", "Việc 3"]


def _document(cells: list[str], rows: int = 6) -> bytes:
    """A .docx with a table of ``rows`` rows of three cells; ``cells`` are raw XML texts, placed in turn."""
    doc = Document()
    doc.add_paragraph("Bảng theo dõi")
    table = doc.add_table(rows=rows, cols=3)
    for index, cell in enumerate(c for row in table.rows for c in row.cells):
        cell.paragraphs[0].add_run(f"@{index}@")
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


def _body_of(data: bytes) -> tuple[bytes, object]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml")
    return xml, etree.fromstring(xml).find(W + "body")


def _reader(data: bytes):
    xml, body = _body_of(data)
    return rowbytes.RowBytes.of(xml, body), list(body.iter(W + "tr"))


def _facts_three_ways(data: bytes, monkeypatch):
    """The facts read with the bytes, with the tree alone, and walking every row."""
    formats._MEMO.clear()
    with_bytes = extract(data)
    with monkeypatch.context() as patch:
        patch.setattr(rowbytes.RowBytes, "of", classmethod(lambda cls, data, body: None))
        formats._MEMO.clear()
        with_tree = extract(data)
        patch.setattr(walk.Walker, "row", walk.Walker.walk_row)
        formats._MEMO.clear()
        walked = extract(data)
    return with_bytes, with_tree, walked


def test_every_row_reads_the_texts_the_tree_holds():
    reader, rows = _reader(_document(TEXTS))
    assert reader is not None
    for tr in rows:
        texts = reader.read(tr)[1]
        assert texts == [t.text for t in tr.iter(W + "t") if t.text]
    assert reader.read(rows[1])[1] == ["x < y > z", "dòng\rhai", "Ạnh"]  # references resolved as the parser does


def test_rows_share_a_shape_from_the_bytes_exactly_when_they_share_one_from_the_tree():
    reader, rows = _reader(_document(["một", "hai", "", "ba", "bốn", "năm", "sáu"], rows=7))
    from_bytes = [reader.read(tr)[0] for tr in rows]
    from_tree = [replay._tree_shape(tr)[0] for tr in rows]
    for i in range(len(rows)):
        for j in range(len(rows)):
            assert (from_bytes[i] == from_bytes[j]) == (from_tree[i] == from_tree[j])
    assert len(set(from_bytes)) > 1  # an empty text makes another shape


def test_facts_are_the_same_read_from_the_bytes_from_the_tree_or_walked(monkeypatch):
    with_bytes, with_tree, walked = _facts_three_ways(_document(TEXTS, rows=20), monkeypatch)
    assert with_bytes == with_tree == walked
    assert "a & b" in [p.text for p in with_bytes.paragraphs]


@pytest.mark.parametrize("change", [
    lambda xml: xml.replace("<w:body>", "<w:body><!-- <w:tr></w:tr> -->"),
    lambda xml: xml.replace("<w:body>", "<w:body><?cchc ghi-chú?>"),
    lambda xml: xml.replace("Việc 3", "<![CDATA[Việc 3]]>"),
    lambda xml: xml.replace("encoding='UTF-8'", "encoding='ISO-8859-1'").replace("ả", "a").replace("ạ", "a"),
    lambda xml: xml.replace("<w:body>", '<w:body xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'),
    lambda xml: xml.replace("<w:tc>", "<w:tc><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>", 1),
], ids=["comment", "processing instruction", "CDATA", "another encoding", "a second prefix of w", "nested table"])
def test_a_document_the_bytes_could_misread_is_left_to_the_tree(change):
    data = _edited(_document(["Việc 3", "ghi chú", "Phòng VHXH"]), change)
    reader, _ = _reader(data)
    assert reader is None


def test_a_text_tag_of_another_form_leaves_its_row_to_the_tree(monkeypatch):
    data = _edited(_document(TEXTS), lambda xml: xml.replace('<w:t xml:space="preserve">Việc 3',
                                                              '<w:t  xml:space="preserve">Việc 3', 1))
    reader, rows = _reader(data)
    assert [reader.read(tr) is None for tr in rows].count(True) == 1
    with_bytes, with_tree, walked = _facts_three_ways(data, monkeypatch)
    assert with_bytes == with_tree == walked


def test_an_end_tag_written_with_a_space_never_gives_a_row_wrong_texts(monkeypatch):
    """The bytes miss a text ended by "</w:t >" and take one of a paragraph whose ``w`` is another
    namespace: as many texts as the tree's, not the same ones. The first row of the shape,
    compared with the tree when it is mapped, shows it, and no row of that shape is replayed."""
    data = _edited(_document(["Việc", "ghi chú", "Phòng VHXH"], rows=12),
                   lambda xml: xml.replace("ghi chú</w:t>", "ghi chú</w:t >").replace(
                       '<w:p><w:r><w:t xml:space="preserve">Việc',
                       '<w:p xmlns:w="urn:khac"><w:r><w:t xml:space="preserve">Việc'))
    with_bytes, with_tree, walked = _facts_three_ways(data, monkeypatch)
    assert with_bytes == with_tree == walked
    assert [p.text for p in with_bytes.paragraphs].count("ghi chú") == 12
    assert "Việc" not in [p.text for p in with_bytes.paragraphs]


def test_the_same_row_bytes_under_other_namespaces_are_another_shape():
    first = _document(["Việc", "ghi chú", "Phòng VHXH"])
    second = _edited(first, lambda xml: xml.replace("<w:tbl>", '<w:tbl xmlns:x="urn:khac">'))
    (one, rows_one), (two, rows_two) = _reader(first), _reader(second)
    assert one.read(rows_one[2])[0][1] == two.read(rows_two[2])[0][1]  # the same bytes …
    assert one.read(rows_one[2])[0] != two.read(rows_two[2])[0]  # … not the same shape
