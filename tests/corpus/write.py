"""Write the corpus to a folder as ``name.docx`` + ``name.expected.json`` (the format of
:mod:`cchc_docs.checks.expected`), so that ``bench/score_check.py`` can score it like any
folder of judged documents; with ``resave``, also the copies LibreOffice saves.

Run: ``python tests/corpus/write.py FOLDER [--libreoffice]``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_docs.checks.expected import Expected, document
from cchc_docs.pdf import office
from corpus.documents import RESAVED, SAMPLES, Sample

RESAVED_SUFFIX = "-libreoffice"


def expected_of(sample: Sample) -> tuple[Expected, ...]:
    return tuple(Expected(rule, at) for rule, at in sample.expected)


def write(folder: Path, resave: bool = False) -> list[Path]:
    """Every corpus document and its expected findings in ``folder``; the paths of the documents."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in SAMPLES:
        written.append(_put(folder, sample.name, sample.build(), sample))
    if resave:
        by_name = {sample.name: sample for sample in SAMPLES}
        for path in libreoffice_saved([folder / f"{name}.docx" for name in RESAVED]):
            name = path.stem + RESAVED_SUFFIX
            written.append(_put(folder, name, path.read_bytes(), by_name[path.stem]))
    return written


def _put(folder: Path, name: str, data: bytes, sample: Sample) -> Path:
    path = folder / f"{name}.docx"
    path.write_bytes(data)
    text = json.dumps(document(expected_of(sample)), ensure_ascii=False, indent=2) + "\n"
    (folder / f"{name}.expected.json").write_text(text, encoding="utf-8")
    return path


def libreoffice_saved(documents: list[Path]) -> list[Path]:
    """``documents`` opened and saved as DOCX by LibreOffice (raises ToolMissingError without it)."""
    soffice = office.find_soffice()
    out = Path(tempfile.mkdtemp(prefix="cchc-corpus-lo-"))
    profile = (out / "profile").as_uri()
    subprocess.run([str(soffice), f"-env:UserInstallation={profile}", "--headless", "--convert-to",
                    f"docx:{office.DOCX_FILTER}", "--outdir", str(out), *map(str, documents)],
                   capture_output=True, text=True, timeout=300, check=False)
    return [out / path.name for path in documents if (out / path.name).is_file()]


if __name__ == "__main__":
    target = Path(sys.argv[1])
    for path in write(target, resave="--libreoffice" in sys.argv[2:]):
        print(f"đã tạo {path}")
