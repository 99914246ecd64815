"""The built sample as LibreOffice lays it out: converted to PDF once, read back with pdftotext.

Without ``soffice`` these tests are skipped, except on CI (the ``CI`` environment
variable is set), where a missing converter is a failure: .ci/run installs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata

import pytest

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"


def require(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        message = f"'{tool}' không có trên máy: cài LibreOffice và poppler-utils (xem .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def sample_pdf(sample_docx_path, tmp_path_factory):
    soffice = require("soffice")
    folder = tmp_path_factory.mktemp("pdf")
    profile = folder / "profile"  # a private profile: parallel runs do not share a lock
    result = subprocess.run(
        [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), str(sample_docx_path)],
        capture_output=True, text=True, timeout=300,
    )
    pdf = folder / (sample_docx_path.stem + ".pdf")
    assert result.returncode == 0 and pdf.is_file(), result.stderr
    return pdf


@pytest.fixture(scope="session")
def pdf_pages(sample_pdf) -> list[str]:
    """The text of each page, in order (pdftotext separates pages with a form feed)."""
    pdftotext = require("pdftotext")
    result = subprocess.run([pdftotext, "-enc", "UTF-8", str(sample_pdf), "-"], capture_output=True, timeout=120)
    assert result.returncode == 0, result.stderr
    pages = result.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def top_line(page: str) -> str:
    return next((line.strip() for line in page.splitlines() if line.strip()), "")


def test_pdf_has_pages(pdf_pages):
    assert len(pdf_pages) >= 3  # decision, plan, appendix each start a page


def test_header_text_survives_as_nfc_without_replacement_characters(pdf_pages):
    text = "\n".join(pdf_pages)
    assert NATIONAL_TITLE in text
    assert MOTTO in text
    assert unicodedata.is_normalized("NFC", text)
    assert "\ufffd" not in text


def test_first_page_has_no_page_number_at_the_top(pdf_pages):
    assert top_line(pdf_pages[0]) == "ỦY BAN NHÂN DÂN"


def test_each_part_numbers_its_pages_from_two_after_an_unnumbered_first_page(pdf_pages):
    # The decision, the plan and the appendix each restart at 1 and hide the 1.
    numbers = [int(top) if top.isdigit() else None for top in map(top_line, pdf_pages)]
    parts: list[list[int | None]] = []
    for number in numbers:
        if number is None:
            parts.append([None])
        else:
            assert parts, "the document starts with a page number"
            parts[-1].append(number)
    assert len(parts) == 3
    for part in parts:
        assert part == [None, *range(2, len(part) + 1)]
    assert any(len(part) > 1 for part in parts)  # some part has a page 2 to show


def test_second_page_of_the_plan_starts_with_2(pdf_pages):
    # The sample decision fits on one page, so the plan's first page is the PDF's second.
    plan = next(i for i, page in enumerate(pdf_pages) if "KẾ HOẠCH" in page)
    assert top_line(pdf_pages[plan]) == "ỦY BAN NHÂN DÂN"
    assert top_line(pdf_pages[plan + 1]) == "2"


def test_missing_converter_skips_off_ci(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda tool: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="soffice"):
        require("soffice")


def test_missing_converter_fails_on_ci(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda tool: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="soffice"):
        require("soffice")
