"""Rows of one shape are walked once and replayed (cchc_docs.facts.replay): the facts must be
exactly those of walking every row, whatever the rows hold."""

from __future__ import annotations

import dataclasses
import io

import pytest
from docx import Document
from docx.oxml.ns import nsdecls, qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt

from cchc_docs.facts import formats, walk
from cchc_docs.facts.extract import LIMITS, extract

FIELD = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
         '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
         '<w:r><w:fldChar w:fldCharType="end"/></w:r>')


def _bytes(doc) -> bytes:
    stream = io.BytesIO()
    doc.save(stream)
    return stream.getvalue()


def _runs_xml(cell, xml: str) -> None:
    """Raw runs added to the cell's first paragraph."""
    for child in parse_xml(f'<w:p {nsdecls("w")}>{xml}</w:p>'):
        cell.paragraphs[0]._p.append(child)


def _table_of(doc, rows: list[tuple[str, str, str]], bold_first: bool = True):
    table = doc.add_table(rows=0, cols=3)
    table.style = "Table Grid"
    for number, content, lead in rows:
        cells = table.add_row().cells
        run = cells[0].paragraphs[0].add_run(number)
        run.bold = bold_first
        cells[1].paragraphs[0].add_run(content).font.size = Pt(13)
        cells[2].paragraphs[0].add_run(lead)
    return table


def _walked_and_replayed(data: bytes, monkeypatch, limits=LIMITS):
    formats._MEMO.clear()
    replayed = extract(data, limits)
    with monkeypatch.context() as patch:
        patch.setattr(walk.Walker, "row", walk.Walker.walk_row)
        formats._MEMO.clear()
        walked = extract(data, limits)
    return walked, replayed


def _rows(count: int) -> list[tuple[str, str, str]]:
    return [(f"{i}.", f"Nhiệm vụ số {i} về cải cách hành chính", "Văn phòng HĐND và UBND") for i in range(1, count)]


def _rich_document() -> bytes:
    """Rows of one shape, and rows that differ from it in every way the walk could notice."""
    doc = Document()
    doc.add_paragraph("Bảng theo dõi")
    table = _table_of(doc, _rows(12))
    odd = table.add_row().cells  # spaces only where the others have text
    odd[0].paragraphs[0].add_run("13.").bold = True
    odd[1].paragraphs[0].add_run("   ").font.size = Pt(13)
    odd[2].paragraphs[0].add_run("Công an xã")
    empty = table.add_row().cells  # an empty run text
    empty[0].paragraphs[0].add_run("").bold = True
    empty[1].paragraphs[0].add_run("Nội dung").font.size = Pt(13)
    empty[2].paragraphs[0].add_run("")
    field = table.add_row().cells  # a field in a cell: always walked
    _runs_xml(field[0], FIELD)
    field[1].paragraphs[0].add_run("có trường").font.size = Pt(13)
    tabbed = table.add_row().cells  # a tab, a symbol and a hidden run between texts
    _runs_xml(tabbed[0], '<w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
                         '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>')
    tabbed[1].paragraphs[0].add_run("x")
    again = table.add_row().cells  # the same shape once more, other texts
    _runs_xml(again[0], '<w:r><w:t>c</w:t><w:tab/><w:t>d</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
                        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>khác</w:t></w:r>')
    again[1].paragraphs[0].add_run("y")
    third = table.add_row().cells
    _runs_xml(third[0], '<w:r><w:t>e</w:t><w:tab/><w:t>f</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r>'
                        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>nữa</w:t></w:r>')
    third[1].paragraphs[0].add_run("Tiếng Việt tổ hợp: Vie\u0302\u0323t")  # not NFC
    two = table.add_row().cells  # two paragraphs in a cell
    two[0].paragraphs[0].add_run("20.").bold = True
    two[1].paragraphs[0].add_run("dòng một").font.size = Pt(13)
    two[1].add_paragraph("dòng hai")
    nested = table.add_row().cells  # a table inside a cell: always walked
    nested[1].add_table(rows=1, cols=1).cell(0, 0).text = "bảng lồng"
    for row in table.rows[3:6]:  # Word's revision ids differ from row to row: not part of a shape
        row._tr.set(qn("w:rsidR"), f"00A{len(row.cells)}{id(row) % 97:02d}")
    _table_of(doc, _rows(6), bold_first=False)  # a second table: its own shapes
    return _bytes(doc)


def test_replayed_rows_give_exactly_the_facts_of_walking_every_row(monkeypatch):
    walked, replayed = _walked_and_replayed(_rich_document(), monkeypatch)
    assert replayed == walked
    texts = [p.text for p in replayed.paragraphs]
    assert "a\tb\uf0fc" in texts and "c\td\uf0fc" in texts and "e\tf\uf0fc" in texts  # hidden text left out
    assert "Nhiệm vụ số 11 về cải cách hành chính" in texts


def test_a_stream_read_replays_the_same_facts(monkeypatch):
    walked, replayed = _walked_and_replayed(_rich_document(), monkeypatch, dataclasses.replace(LIMITS, stream_bytes=0))
    assert replayed == walked


def test_rows_of_one_shape_are_walked_once_more_to_map_them_and_then_replayed(monkeypatch):
    doc = Document()
    _table_of(doc, _rows(41))
    calls = []
    original = walk.Walker.walk_row
    monkeypatch.setattr(walk.Walker, "walk_row", lambda self, tr, table: calls.append(1) or original(self, tr, table))
    formats._MEMO.clear()
    facts = extract(_bytes(doc))
    assert len(facts.tables[0].cells) == 40
    assert facts.tables[0].cells[39] == ("40.", "Nhiệm vụ số 40 về cải cách hành chính", "Văn phòng HĐND và UBND")
    # The first row (a table's first row has a shape of its own: it may be a header row),
    # the second as it is, the third with markers; the other 37 replayed.
    assert len(calls) == 3


def test_a_second_document_with_the_same_styles_replays_from_the_first(monkeypatch):
    first, second = Document(), Document()
    _table_of(first, _rows(5))
    _table_of(second, [(f"{i}.", f"Việc {i}", "UBND xã") for i in range(1, 9)])
    formats._MEMO.clear()
    extract(_bytes(first))
    calls = []
    original = walk.Walker.walk_row
    monkeypatch.setattr(walk.Walker, "walk_row", lambda self, tr, table: calls.append(1) or original(self, tr, table))
    facts = extract(_bytes(second))
    assert len(calls) == 1  # its first row, mapped now (the first document had one first row); 7 replayed
    assert [p.text for p in facts.paragraphs[-3:]] == ["8.", "Việc 8", "UBND xã"]
    assert facts.paragraphs[-3].row == 7 and facts.paragraphs[-3].table_index == 0


@pytest.mark.parametrize("char", ["E000", "E001"])
def test_a_symbol_that_reads_like_a_marker_is_walked_not_replayed(monkeypatch, char):
    doc = Document()
    table = _table_of(doc, _rows(3))
    for _ in range(4):
        _runs_xml(table.add_row().cells[0], f'<w:r><w:t>x</w:t><w:sym w:font="Symbol" w:char="{char}"/></w:r>')
    walked, replayed = _walked_and_replayed(_bytes(doc), monkeypatch)
    assert replayed == walked


def test_a_cell_of_spaces_in_a_row_of_a_known_shape_is_walked_and_keeps_its_height(monkeypatch):
    doc = Document()
    table = doc.add_table(rows=0, cols=2)
    for text in ["Việc một", "Việc hai", "Việc ba", "   ", "Việc năm"]:  # one shape: the texts keep their spaces
        cells = table.add_row().cells
        _runs_xml(cells[0], f'<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>')
        _runs_xml(cells[1], '<w:r><w:t xml:space="preserve">UBND xã</w:t></w:r>')
    walked, replayed = _walked_and_replayed(_bytes(doc), monkeypatch)
    assert replayed == walked
    spaces = next(p for p in replayed.paragraphs if p.text == "   ")
    assert spaces.mark_size_pt == 13.0
