"""Helpers for the PDF tests: LibreOffice present or not, a fake soffice, planted faults.

The fake ``soffice`` speaks LibreOffice's batch protocol (the same arguments, the same
"convert A -> B" lines) and misbehaves on request, so that timeouts, crashes and
restarts are tested in milliseconds and without LibreOffice. What each input does is
written in the input itself:

* ``HANG-LOAD`` / ``HANG-STORE``: hang before / after printing its progress line;
* ``CRASH``: kill its own process, every time;
* ``CRASH-ONCE <file>``: kill itself unless ``<file>`` exists (creating it first);
* ``BAD``: report "source file could not be loaded", as for a broken DOCX;
* ``SLOW-STORE``: take half a second to store its PDF;
* anything else: write a small PDF holding the input's text.

Every run appends one JSON line (pid, profile, TMPDIR, inputs) to $FAKE_SOFFICE_LOG.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Pt

from cchc_docs.errors import ToolMissingError
from cchc_docs.pdf import office

FAKE_SOFFICE = f"""#!{sys.executable}
import json, os, signal, sys, time
from pathlib import Path

args = sys.argv[1:]
out_dir = Path(args[args.index("--outdir") + 1])
inputs = args[args.index("--outdir") + 2:]
profile = next(a for a in args if a.startswith("-env:UserInstallation="))
log = os.environ.get("FAKE_SOFFICE_LOG")
if log:
    with open(log, "a") as f:
        f.write(json.dumps({{"pid": os.getpid(), "profile": profile, "tmpdir": os.environ.get("TMPDIR"),
                            "inputs": [Path(i).name for i in inputs]}}) + "\\n")
for name in inputs:
    text = Path(name).read_bytes().decode()
    target = out_dir / (Path(name).stem + ".pdf")
    if text.startswith("BAD"):
        print("Error: source file could not be loaded", flush=True)
        continue
    if text.startswith("HANG-LOAD"):
        time.sleep(3600)
    if text.startswith("CRASH-ONCE"):
        marker = Path(text.split()[1])
        if not marker.exists():
            marker.touch()
            os.kill(os.getpid(), signal.SIGKILL)
    elif text.startswith("CRASH"):
        os.kill(os.getpid(), signal.SIGKILL)
    print(f"convert {{name}} -> {{target}} using filter : writer_pdf_Export", flush=True)
    if text.startswith("HANG-STORE"):
        time.sleep(3600)
    if text.startswith("SLOW-STORE"):
        time.sleep(0.5)
    target.write_bytes(b"%PDF-1.4\\n% " + text.encode() + b"\\n%%EOF\\n")
"""


def fake_soffice(folder: Path) -> Path:
    """Write the fake soffice into ``folder`` and return its path."""
    path = folder / "soffice"
    path.write_text(FAKE_SOFFICE, encoding="utf-8")
    path.chmod(0o755)
    return path


def fake_pdf(text: str) -> bytes:
    """What the fake soffice writes for an input holding ``text``."""
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def build_sample(out: Path) -> list[Path]:
    """The sample plan built through the CLI: the decision's DOCX first, then its reports."""
    from click.testing import CliRunner
    from helpers import SAMPLE, TODAY

    from cchc_docs.cli import app as cli

    result = CliRunner().invoke(cli.main, ["build", str(SAMPLE), "-o", str(out), "--date", TODAY.isoformat(),
                                           "-j", "1"])
    assert result.exit_code == 0, result.output
    return sorted(out.rglob("*.docx"), key=lambda path: (path.name != "quyet-dinh.docx", path.name))


def require_office() -> None:
    """Skip without LibreOffice and poppler, except on CI (``CI`` set), where it fails."""
    try:
        office.find_soffice()
        missing = [tool for tool in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm") if not _which(tool)]
    except ToolMissingError:
        missing = ["soffice"]
    if missing:
        message = f"cần LibreOffice và poppler-utils (thiếu {', '.join(missing)}); xem .ci/run"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def require_poppler() -> None:
    """Skip without poppler-utils, except on CI (``CI`` set), where it fails."""
    missing = [tool for tool in ("pdftotext", "pdfinfo", "pdffonts", "pdftoppm") if not _which(tool)]
    if missing:
        message = f"cần poppler-utils (thiếu {', '.join(missing)}); xem .ci/run"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def _which(tool: str) -> bool:
    import shutil

    return shutil.which(tool) is not None


# --- planted faults: the sample with one thing broken, through python-docx -----------------------

def _edited(data: bytes, edit) -> bytes:
    document = docx.Document(io.BytesIO(data))
    edit(document)
    stream = io.BytesIO()
    document.save(stream)
    return stream.getvalue()


def number_on_first_page(data: bytes) -> bytes:
    """The decision shows its page number on page 1 (first-page header switched off)."""
    def edit(document):
        document.sections[0].different_first_page_header_footer = False
    return _edited(data, edit)


def portrait_appendix(data: bytes) -> bytes:
    """The last section (the Phụ lục) set upright."""
    def edit(document):
        section = document.sections[-1]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = section.page_height, section.page_width
    return _edited(data, edit)


def split_signature(data: bytes) -> bytes:
    """The signature row taller than a page and allowed to break, so it must split."""
    def edit(document):
        table = next(t for t in document.tables if "Nơi nhận" in t.rows[0].cells[0].text)
        for row in table._tbl.tr_lst:
            if row.trPr is not None:
                for cant_split in row.trPr.findall(qn("w:cantSplit")):
                    row.trPr.remove(cant_split)
        signer = table.rows[0].cells[1].paragraphs[-1]
        for _ in range(45):
            signer.insert_paragraph_before("")
    return _edited(data, edit)


def lowered_national_title(data: bytes, points: float = 4) -> bytes:
    """Space above the Quốc hiệu drops it below the issuing body's baseline."""
    def edit(document):
        table = document.tables[0]
        title = next(p for p in table.rows[0].cells[1].paragraphs if "CỘNG HÒA" in p.text)
        title.paragraph_format.space_before = Pt(points)
    return _edited(data, edit)


def read_log(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []
