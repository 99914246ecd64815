"""Reading PDFs back with poppler-utils: pages, word boxes, fonts, text, page images.

poppler is what LibreOffice's own distributions ship beside it, and its tools give
positions in PDF points (origin top left, y downwards) with no Python dependency.
Each function runs one tool and returns plain data; the checks stay pure.
"""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from cchc_docs.errors import PdfReadError, ToolMissingError

INSTALL_HINT = "cài bằng: apt-get install poppler-utils"
OTHER_INSTALL_HINT = ("tải bản poppler dựng sẵn cho hệ điều hành này, giải nén rồi thêm thư mục bin của nó vào "
                      "PATH (chỉ cần để xem trang dạng ảnh và kiểm tra bố cục PDF)")


def install_hint(platform: str = sys.platform) -> str:
    """How to get poppler on this system: apt-get only means something on Debian and Ubuntu."""
    return INSTALL_HINT if platform not in ("win32", "darwin") else OTHER_INSTALL_HINT

XHTML = "{http://www.w3.org/1999/xhtml}"


@dataclass(frozen=True)
class Word:
    """One word and its box, in points from the top left corner of the page."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Line:
    """Words poppler put on one line, left to right."""

    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def y0(self) -> float:
        return min(w.y0 for w in self.words)

    @property
    def y1(self) -> float:
        return max(w.y1 for w in self.words)


@dataclass(frozen=True)
class Page:
    """One page: its size as shown (rotation applied) and its lines, top to bottom."""

    number: int  # 1-based
    width: float
    height: float
    lines: tuple[Line, ...]

    @property
    def landscape(self) -> bool:
        return self.width > self.height


def run(args: list[str], what: Path) -> str:
    """Run a poppler tool, its output as text; a missing tool or a bad PDF is the user's to fix."""
    try:
        done = subprocess.run(args, capture_output=True, check=True, timeout=120)
    except FileNotFoundError as e:
        raise ToolMissingError(
            f"Không tìm thấy {args[0]} (poppler-utils) để đọc PDF; {install_hint()}"
        ) from e
    except subprocess.CalledProcessError as e:
        detail = e.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PdfReadError(f"{what}: không đọc được PDF ({detail[0] if detail else args[0]})") from e
    except subprocess.TimeoutExpired as e:
        raise PdfReadError(f"{what}: {args[0]} chạy quá lâu khi đọc PDF") from e
    return done.stdout.decode("utf-8", "replace")


def read_pages(pdf: Path) -> list[Page]:
    """Every page with its size (pdfinfo) and word boxes (pdftotext -bbox-layout)."""
    sizes = page_sizes(pdf)
    lines = _bbox_lines(run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(pdf), "-"], pdf))
    return [Page(n, w, h, tuple(lines[n - 1]) if n <= len(lines) else ()) for n, (w, h) in enumerate(sizes, 1)]


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """(width, height) in points of each page as displayed, i.e. after /Rotate."""
    text = run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)], pdf)
    sizes = {int(n): (float(w), float(h)) for n, w, h in
             re.findall(r"^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)", text, re.M)}
    turned = {int(n) for n, rot in re.findall(r"^Page\s+(\d+) rot:\s+(\d+)", text, re.M) if int(rot) % 180}
    return [sizes[n][::-1] if n in turned else sizes[n] for n in sorted(sizes)]


def _bbox_lines(xhtml: str) -> list[list[Line]]:
    """The lines of each page from pdftotext's XHTML, text in NFC."""
    root = etree.fromstring(xhtml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=True))
    pages = []
    for page in root.iter(f"{XHTML}page"):
        lines = [Line(tuple(_word(w) for w in line.iter(f"{XHTML}word"))) for line in page.iter(f"{XHTML}line")]
        lines = [line for line in lines if line.words]
        pages.append(sorted(lines, key=lambda line: (round(line.y0, 1), line.x0)))
    return pages


def _word(element) -> Word:
    box = [float(element.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")]
    return Word(unicodedata.normalize("NFC", element.text or ""), *box)


def font_names(pdf: Path) -> list[str]:
    """Names of the fonts the PDF uses (pdffonts), subset tags included, in order."""
    rows = run(["pdffonts", str(pdf)], pdf).splitlines()[2:]
    return [row.split()[0] for row in rows if row.strip()]


def text(pdf: Path) -> str:
    """The text of the PDF in reading order (pdftotext), as poppler extracts it."""
    return run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], pdf)


def render_png(pdf: Path, first: int, last: int, dpi: int, prefix: Path) -> list[tuple[int, Path]]:
    """Render pages first..last to PNG files ``prefix-N.png``; (page, file) pairs in order."""
    run(["pdftoppm", "-png", "-r", str(dpi), "-f", str(first), "-l", str(last), str(pdf), str(prefix)], pdf)
    found = []
    for path in prefix.parent.glob(f"{prefix.name}-*.png"):
        number = path.stem.rsplit("-", 1)[1]
        if number.isdigit():
            found.append((int(number), path))
    return sorted(found)
