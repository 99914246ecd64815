"""``cchc-docs check`` on hostile files, with the real limits, in a child process whose memory is measured.

Each file is built here. The child's peak memory must stay under the cap docs/rules.md
documents; the answer is one Vietnamese line and exit 1. The peak is the child's own
``VmHWM``, read as it exits: ``getrusage(RUSAGE_CHILDREN)`` and ``wait4`` report at least
the memory of the test process itself, which the child starts as a copy of.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from cchc_docs.checks.catalogue import MEMORY_CAP_MB

pytestmark = pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs /proc to measure memory")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, parts: dict[str, bytes]) -> Path:
    """A real .docx (python-docx's default) with parts replaced or added, written to ``path``."""
    stream = io.BytesIO()
    Document().save(stream)
    source = zipfile.ZipFile(io.BytesIO(stream.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            archive.writestr(item.filename, parts.pop(item.filename, None) or source.read(item))
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


# `cchc-docs check FILE` that writes its peak resident memory (kB) to PEAK as it exits.
_CHILD = """
import atexit, sys
from pathlib import Path

def peak():
    status = Path("/proc/self/status").read_text().splitlines()
    Path(sys.argv[2]).write_text(next(line for line in status if line.startswith("VmHWM:")).split()[1])

atexit.register(peak)
from cchc_docs.cli.app import main
main(["check", sys.argv[1]])
"""


def _check(path: Path) -> tuple[int, str, float]:
    """(exit code, stderr, peak memory in MB) of ``cchc-docs check path`` in a child process."""
    peak = path.with_name("peak.txt")
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path), str(peak)], stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, timeout=120, check=False)
    return done.returncode, done.stderr.decode("utf-8"), int(peak.read_text()) / 1024


def _refused(path: Path, words: str) -> float:
    code, stderr, peak = _check(path)
    assert code == 1 and stderr.startswith(f"{path}: ") and words in stderr, stderr
    assert len(stderr.strip().splitlines()) == 1 and "Traceback" not in stderr
    assert peak < MEMORY_CAP_MB, f"{peak:.0f} MB"
    return peak


def test_a_zip_bomb_media_part_is_refused_in_little_memory(tmp_path):
    bomb = _docx(tmp_path / "bom.docx", {"word/media/image1.png": b"\0" * (200 * 1024 * 1024)})
    assert os.path.getsize(bomb) < 1024 * 1024  # 200 MB of zeros packed into 0.2 MB
    _refused(bomb, "tỉ lệ nén của phần word/media/image1.png")


def test_a_zip_declaring_gigabytes_is_refused_before_unpacking(tmp_path):
    path = _docx(tmp_path / "khai-lon.docx", {"word/media/image1.png": os.urandom(4096)})
    data = bytearray(path.read_bytes())
    entry = data.find(b"PK\x01\x02")
    while data[entry + 46:entry + 46 + 21] != b"word/media/image1.png":
        entry = data.find(b"PK\x01\x02", entry + 4)
    data[entry + 24:entry + 28] = (0xFFFFFFF0).to_bytes(4, "little")  # 4 GB unpacked, says the directory
    path.write_bytes(bytes(data))
    _refused(path, "dung lượng sau khi giải nén 4.09")
    assert "tối đa 1.024 MB)" in _check(path)[1]


def test_a_document_part_lying_about_its_size_is_damaged_not_a_memory_blow_up(tmp_path):
    body = f"<w:document {W}><w:body>" + "<w:p/>" * 20_000_000 + "</w:body></w:document>"  # 120 MB
    path = _docx(tmp_path / "noi-doi.docx", {"word/document.xml": body.encode()})
    data = bytearray(path.read_bytes())
    for signature, size_at, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = data.find(signature)
        while at >= 0:
            if data[at + name_at:at + name_at + 17] == b"word/document.xml":
                data[at + size_at:at + size_at + 4] = (2048).to_bytes(4, "little")
            at = data.find(signature, at + 4)
    path.write_bytes(bytes(data))
    _refused(path, "bị hỏng")


def test_a_huge_document_xml_is_read_in_blocks_and_refused_at_the_paragraph_cap(tmp_path):
    body = f"<w:document {W}><w:body>" + "".join(
        f"<w:p><w:r><w:t>Đoạn thứ {i} của một văn bản rất dài</w:t></w:r></w:p>" for i in range(400_000)
    ) + "</w:body></w:document>"  # 27 MB of XML, 400,000 paragraphs
    path = _docx(tmp_path / "dai.docx", {"word/document.xml": body.encode()})
    _refused(path, "(số đoạn văn hơn 120.000, tối đa 120.000)")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFO on this system")
def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "ong.docx"
    os.mkfifo(fifo)
    _refused(fifo, "không phải tệp thông thường (đây là ống dẫn FIFO)")
