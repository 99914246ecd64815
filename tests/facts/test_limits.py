"""Reading a hostile .docx: refused within limits, with a clear Vietnamese line, never blocking.

Every file is built here. Limits are lowered where a real-size file would only make the
test slow; tests/checks/test_hostile.py runs the real limits in a child process and
measures its memory.
"""

from __future__ import annotations

import dataclasses
import io
import os
import threading
import zipfile

import pytest
from docx import Document

from cchc_docs.checks import check_bytes, check_file
from cchc_docs.errors import SourceError
from cchc_docs.facts.extract import LIMITS, extract

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(parts: dict[str, bytes]) -> bytes:
    """A real .docx (python-docx's default) with parts replaced or added (name → bytes)."""
    stream = io.BytesIO()
    Document().save(stream)
    source = zipfile.ZipFile(io.BytesIO(stream.getvalue()))
    parts = dict(parts)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item.filename, parts.pop(item.filename, None) or source.read(item))
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _body(inner: str, doctype: str = "") -> bytes:
    return f'{doctype}<w:document {W}><w:body>{inner}</w:body></w:document>'.encode()


def _paragraphs(count: int) -> bytes:
    return _body("".join(f"<w:p><w:r><w:t>Đoạn {i}</w:t></w:r></w:p>" for i in range(count)))


def _limits(**changes):
    return dataclasses.replace(LIMITS, **changes)


# --- what is not a regular file ------------------------------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFO on this system")
def test_a_fifo_is_refused_at_once_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "ong.docx"
    os.mkfifo(fifo)
    outcome = []
    reader = threading.Thread(target=lambda: outcome.append(_error_of(lambda: check_file(fifo))), daemon=True)
    reader.start()
    reader.join(timeout=10)
    assert not reader.is_alive(), "check blocked on the FIFO"
    assert outcome == [f"{fifo}: không phải tệp thông thường (đây là ống dẫn FIFO); hãy chỉ ra một tệp .docx"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero on this system")
def test_a_device_is_refused():
    assert "đây là thiết bị" in _error_of(lambda: check_file("/dev/zero"))


def _error_of(action) -> str:
    with pytest.raises(SourceError) as caught:
        action()
    return str(caught.value)


# --- the zip's directory, judged before anything is unpacked ---------------------------------------

def test_a_member_compressed_beyond_the_ratio_is_refused_before_it_is_unpacked():
    bomb = _docx({"word/media/image1.png": b"\0" * (8 * 1024 * 1024)})  # 8 MB of zeros: about 1,000:1
    message = _error_of(lambda: extract(bomb))
    assert message.startswith("<bytes>: tệp quá lớn, không kiểm tra (tỉ lệ nén của phần word/media/image1.png")
    assert message.endswith(", tối đa 100:1)")


def test_members_declaring_more_than_the_total_are_refused():
    data = _docx({"word/media/a.bin": os.urandom(300_000), "word/media/b.bin": os.urandom(300_000)})
    message = _error_of(lambda: extract(data, _limits(total_bytes=500_000)))
    assert "(dung lượng sau khi giải nén " in message and message.endswith(", tối đa 500.000 byte)")


def test_too_many_members_are_refused_from_the_end_record():
    many = {f"word/media/{i}.bin": b"x" for i in range(60)}
    assert "số phần trong gói ZIP" in _error_of(lambda: extract(_docx(many), _limits(members=50)))


def test_a_member_lying_about_its_size_is_read_no_further_than_it_says():
    """The directory says 1 KB; the data inflates to 50 MB. Reading stops at the declared
    size and the file is called damaged, with no 50 MB held anywhere."""
    huge = _body("<w:p/>" * 8_000_000)
    data = bytearray(_docx({"word/document.xml": huge}))
    _declare_size(data, "word/document.xml", 1024)
    message = _error_of(lambda: extract(bytes(data)))
    assert message.startswith("<bytes>: ") and "bị hỏng" in message


def _declare_size(data: bytearray, name: str, size: int) -> None:
    """Overwrite the uncompressed size of ``name`` in its local header and directory entry."""
    encoded = name.encode()
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + len(encoded)] == encoded:
                data[at + offset:at + offset + 4] = size.to_bytes(4, "little")
            at = data.find(signature, at + 4)


# --- unpacking and parsing with caps -----------------------------------------------------------------

def test_an_xml_part_beyond_its_cap_is_refused_while_it_is_unpacked():
    data = _docx({"word/document.xml": _paragraphs(20_000)})  # 0.8 MB; styles.xml is 0.35 MB
    message = _error_of(lambda: extract(data, _limits(xml_bytes=500_000)))
    assert message == "<bytes>: tệp quá lớn, không kiểm tra (phần /word/document.xml sau khi giải nén hơn " \
                      "500.000 byte, tối đa 500.000 byte)"


def test_a_body_larger_than_the_stream_threshold_is_read_in_blocks_and_gives_the_same_facts():
    data = _docx({"word/document.xml": _paragraphs(3_000)})
    whole, streamed = extract(data), extract(data, _limits(stream_bytes=0))
    assert streamed == whole and len(whole.paragraphs) == 3_000


def test_one_block_holding_more_than_the_streaming_cap_is_refused():
    one_paragraph = _body("<w:p>" + "".join(f"<w:r><w:t>chữ {i}</w:t></w:r>" for i in range(40_000)) + "</w:p>")
    message = _error_of(lambda: extract(_docx({"word/document.xml": one_paragraph}),
                                        _limits(stream_bytes=0, held_bytes=200_000)))
    assert "tệp quá phức tạp, không kiểm tra (một khối nội dung của phần /word/document.xml dài hơn" in message


def test_styles_and_headers_parsed_whole_are_capped_together():
    styles = f'<w:styles {W}>' + "<w:latentStyles/>" * 30_000 + "</w:styles>"
    message = _error_of(lambda: extract(_docx({"word/styles.xml": styles.encode()}), _limits(tree_bytes=200_000)))
    assert "các phần XML đọc trọn" in message


@pytest.mark.parametrize("limit, what", [("paragraphs", "số đoạn văn"), ("runs", "số đoạn chữ (run)"),
                                         ("text_chars", "số ký tự")])
def test_the_facts_of_a_document_are_capped(limit, what):
    data = _docx({"word/document.xml": _paragraphs(2_000)})
    assert f"({what} hơn 1.000, tối đa 1.000)" in _error_of(lambda: extract(data, _limits(**{limit: 1000})))


def test_findings_beyond_their_cap_refuse_the_document():
    data = _docx({"word/document.xml": _paragraphs(50)})  # 11 pt Calibri: every paragraph is a finding
    assert "(số chỗ sai thể thức hơn 20, tối đa 20)" in _error_of(lambda: check_bytes(data, _limits(findings=20)))


def test_a_document_over_its_time_is_stopped():
    message = _error_of(lambda: check_bytes(_docx({"word/document.xml": _paragraphs(10)}), _limits(seconds=0.0)))
    assert message == "<bytes>: tệp quá lớn hoặc quá phức tạp, không kiểm tra xong trong 0 giây"


# --- entities: never resolved ------------------------------------------------------------------------

def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("MẬT KHẨU", encoding="utf-8")
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    facts = extract(_docx({"word/document.xml": _body("<w:p><w:r><w:t>trước &xxe; sau</w:t></w:r></w:p>", doctype)}))
    assert "MẬT KHẨU" not in "".join(p.text for p in facts.paragraphs)


@pytest.mark.parametrize("stream_bytes", [LIMITS.stream_bytes, 0])
def test_a_billion_laughs_entity_is_refused_unexpanded(stream_bytes):
    levels = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
    doctype = f'<!DOCTYPE w:document [<!ENTITY l0 "ha">{levels}]>'
    data = _docx({"word/document.xml": _body("<w:p><w:r><w:t>&l9;</w:t></w:r></w:p>", doctype)})
    message = _error_of(lambda: extract(data, _limits(stream_bytes=stream_bytes)))
    assert message == "<bytes>: phần /word/document.xml của tệp .docx bị hỏng"  # libxml2 refuses the amplification
