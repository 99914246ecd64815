"""Page images of a PDF, so that a clerk or a reviewer can look without Word.

Pages are rendered by poppler's pdftoppm into a private folder, then each image is
written atomically as ``<name>-trang-<N>.png`` (N padded to the page count's width,
so the files sort in page order).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from cchc_docs.errors import PreviewError
from cchc_docs.pdf import poppler
from cchc_docs.write import write_atomic


@dataclass(frozen=True)
class PageRange:
    """Pages ``first``..``last``, 1-based; ``last`` None means to the end."""

    first: int = 1
    last: int | None = None


def parse_pages(spec: str | None) -> PageRange:
    """``"2"``, ``"1-3"`` or ``"4-"`` → PageRange; ValueError with a Vietnamese reason."""
    if not spec:
        return PageRange()
    match = re.fullmatch(r"\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?", spec)
    if not match:
        raise ValueError(f"cần dạng 2, 1-3 hoặc 4-, nhận được '{spec}'")
    first = int(match.group(1))
    last = int(match.group(3)) if match.group(3) else (None if match.group(2) else first)
    if first < 1 or (last is not None and last < first):
        raise ValueError(f"khoảng trang không hợp lệ '{spec}'")
    return PageRange(first, last)


def source_pdf(path: Path, soffice: str | None = None) -> Path:
    """The PDF to render: ``path`` itself, or the PDF of a DOCX brought up to date beside it."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return path
    if suffix != ".docx":
        raise PreviewError(f"{path}: chỉ xem trước được tệp .docx hoặc .pdf")
    from cchc_docs.pdf import convert as pdf_mod

    batch = pdf_mod.convert([path], options=pdf_mod.Options(check=False, soffice=soffice))
    batch.raise_for_failures()
    return batch.results[0].pdf


def image_name(pdf: Path, page: int, pages: int) -> str:
    """``quyet-dinh-trang-03.png`` for page 3 of a 14-page PDF."""
    return f"{pdf.stem}-trang-{page:0{len(str(pages))}d}.png"


def render(pdf: Path, out_dir: Path, pages: PageRange, dpi: int) -> list[Path]:
    """Render the chosen pages of ``pdf`` at ``dpi`` to PNG files in ``out_dir``; the files, in order."""
    count = len(poppler.page_sizes(pdf))
    first, last = _bounds(pdf, pages, count)
    scratch = Path(tempfile.mkdtemp(prefix="cchc-preview-"))
    try:
        rendered = poppler.render_png(pdf, first, last, dpi, scratch / "p")
        written = []
        for page, image in rendered:
            target = out_dir / image_name(pdf, page, count)
            write_atomic(target, image.read_bytes())
            written.append(target)
        return written
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _bounds(pdf: Path, pages: PageRange, count: int) -> tuple[int, int]:
    last = count if pages.last is None else pages.last
    if pages.first > count or last > count:
        raise PreviewError(f"{pdf}: PDF chỉ có {count} trang (yêu cầu trang {pages.first}–{last})")
    return pages.first, last
