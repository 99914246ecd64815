"""Page previews: which pages, what the images are called, how big they are.

Most tests render a small PDF written here byte by byte (blank pages of chosen sizes),
so they need poppler but not LibreOffice; one goes from the sample DOCX through the CLI.
"""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdf_support import build_sample, require_office, require_poppler

from cchc_docs.cli import app as cli
from cchc_docs.errors import PdfReadError, PreviewError, ToolMissingError
from cchc_docs.pdf import poppler, preview
from cchc_docs.pdf.preview import PageRange

A4 = (595, 842)


def tiny_pdf(*sizes: tuple[int, int]) -> bytes:
    """A valid PDF with one blank page per (width, height) in points."""
    kids = " ".join(f"{3 + i} 0 R" for i in range(len(sizes)))
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", f"<< /Type /Pages /Kids [{kids}] /Count {len(sizes)} >>"]
    objects += [f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {w} {h}] >>" for w, h in sizes]
    data, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += f"{number} 0 obj\n{body}\nendobj\n".encode()
    xref = len(data)
    data += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    data += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    return data + f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


@pytest.fixture
def three_pages(tmp_path) -> Path:
    require_poppler()
    path = tmp_path / "ban-in.pdf"
    path.write_bytes(tiny_pdf(A4, A4, A4[::-1]))
    return path


@pytest.mark.parametrize("spec, expected", [
    (None, PageRange(1, None)), ("2", PageRange(2, 2)), ("1-3", PageRange(1, 3)),
    ("4-", PageRange(4, None)), (" 2 - 5 ", PageRange(2, 5)),
])
def test_page_ranges_are_read(spec, expected):
    assert preview.parse_pages(spec) == expected


@pytest.mark.parametrize("spec", ["a", "0", "3-1", "1-2-3", "-2", "1,3"])
def test_bad_page_ranges_are_refused_in_vietnamese(spec):
    with pytest.raises(ValueError, match=r"cần dạng|không hợp lệ"):
        preview.parse_pages(spec)


@pytest.mark.parametrize("page, pages, name", [(3, 14, "qd-trang-03.png"), (3, 9, "qd-trang-3.png"),
                                                (100, 120, "qd-trang-100.png")])
def test_image_names_sort_in_page_order(page, pages, name):
    assert preview.image_name(Path("out/qd.pdf"), page, pages) == name


def test_every_page_is_rendered_at_the_asked_resolution(three_pages, tmp_path):
    images = preview.render(three_pages, tmp_path / "anh", PageRange(), dpi=72)
    assert [p.name for p in images] == ["ban-in-trang-1.png", "ban-in-trang-2.png", "ban-in-trang-3.png"]
    assert [png_size(p) for p in images] == [A4, A4, A4[::-1]]


def test_a_page_range_renders_only_those_pages(three_pages, tmp_path):
    images = preview.render(three_pages, tmp_path, PageRange(2, None), dpi=36)
    assert [p.name for p in images] == ["ban-in-trang-2.png", "ban-in-trang-3.png"]
    assert png_size(images[0]) == (298, 421)


def test_pages_beyond_the_end_are_refused(three_pages, tmp_path):
    with pytest.raises(PreviewError, match="chỉ có 3 trang"):
        preview.render(three_pages, tmp_path, PageRange(2, 4), dpi=36)
    assert not list(tmp_path.glob("*.png"))


def test_only_docx_and_pdf_can_be_previewed(tmp_path):
    with pytest.raises(PreviewError, match=r"\.docx hoặc \.pdf"):
        preview.source_pdf(tmp_path / "ke-hoach.odt")


@pytest.mark.libreoffice
def test_preview_of_a_docx_converts_it_then_renders_the_pages_asked(tmp_path):
    require_office()
    decision = build_sample(tmp_path)[0]
    result = CliRunner().invoke(cli.main, ["preview", str(decision), "--pages", "1-2", "--dpi", "40"])
    assert result.exit_code == 0, result.output
    images = sorted(decision.parent.glob("*.png"))
    assert [p.name for p in images] == ["quyet-dinh-trang-01.png", "quyet-dinh-trang-02.png"]
    assert result.stdout.splitlines() == [f"đã tạo {p}" for p in images]
    width, height = png_size(images[0])
    assert (width, height) == (331, 468)  # A4 at 40 dpi
    assert decision.with_suffix(".pdf").is_file()  # the DOCX's PDF, brought up to date


def test_a_missing_poppler_tool_says_how_to_install_it():
    with pytest.raises(ToolMissingError, match="apt-get install poppler-utils"):
        poppler.run(["pdftotext-khong-co"], Path("x.pdf"))


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_outside_debian_the_poppler_hint_does_not_say_apt_get(platform):
    hint = poppler.install_hint(platform)
    assert "apt-get" not in hint and "PATH" in hint


def test_a_broken_pdf_is_reported_with_its_name(tmp_path):
    require_poppler()
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"khong phai PDF")
    with pytest.raises(PdfReadError, match=r"hong\.pdf: không đọc được PDF"):
        preview.render(broken, tmp_path, PageRange(), dpi=36)
