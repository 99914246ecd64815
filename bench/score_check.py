"""How far ``cchc-docs check`` can be trusted on a folder of documents a person has judged.

Run: ``python bench/score_check.py FOLDER [--details]`` — or ``--corpus [--libreoffice]`` to
build the corpus of hand-made documents (``tests/corpus``) into a temporary folder first.

Every ``x.docx`` in FOLDER (and below) that has an ``x.expected.json`` beside it is checked
and its findings compared with the expected ones (the format is
:mod:`cchc_docs.checks.expected`: ``{"findings": [{"rule": …, "at": …}], "unsure": […]}``).
Printed: one line per document, then the number of documents, findings, true findings,
false alarms, misses and the false-alarm rate (false alarms ÷ findings not marked unsure).
With ``--details`` every false alarm and miss is listed. Exit code 0 always: a score is
not a test (the corpus tests are).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

from cchc_docs.checks import check_file  # noqa: E402
from cchc_docs.checks.expected import Score, at, compare, parse  # noqa: E402
from cchc_docs.errors import CchcError  # noqa: E402


def judged(folder: Path) -> list[tuple[Path, Path]]:
    """(document, expected findings) pairs under ``folder``, in name order."""
    pairs = []
    for docx in sorted(folder.rglob("*.docx")):
        expected = docx.with_name(docx.stem + ".expected.json")
        if expected.is_file() and not docx.name.startswith("~$"):
            pairs.append((docx, expected))
    return pairs


def score(docx: Path, expected_file: Path) -> Score:
    expected, unsure = parse(json.loads(expected_file.read_text(encoding="utf-8")))
    return compare(check_file(docx), expected, unsure)


def rate(false_alarms: int, counted: int) -> str:
    return f"{100 * false_alarms / counted:.1f} %".replace(".", ",") if counted else "—"


def report(folder: Path, details: bool) -> None:
    totals = {"documents": 0, "findings": 0, "true": 0, "false": 0, "misses": 0, "unsure": 0, "unreadable": 0}
    for docx, expected_file in judged(folder):
        name = docx.relative_to(folder)
        try:
            result = score(docx, expected_file)
        except (CchcError, ValueError) as e:
            totals["unreadable"] += 1
            print(f"{name}: không chấm được — {e}")
            continue
        counts = (len(result.findings), len(result.true), len(result.false_alarms), len(result.misses))
        for key, value in zip(("findings", "true", "false", "misses"), counts, strict=True):
            totals[key] += value
        totals["documents"] += 1
        totals["unsure"] += len(result.unsure)
        print(f"{name}: {counts[0]} phát hiện, {counts[1]} đúng, {counts[2]} báo nhầm, {counts[3]} bỏ sót")
        if details:
            for finding in result.false_alarms:
                print(f"    báo nhầm: {finding.rule} · {at(finding)}")
            for missed in result.misses:
                print(f"    bỏ sót:   {missed.rule} · {missed.at}")
    counted = totals["findings"] - totals["unsure"]
    print(f"Văn bản: {totals['documents']} (không chấm được: {totals['unreadable']}); "
          f"phát hiện: {totals['findings']} (chưa rõ: {totals['unsure']}); đúng: {totals['true']}; "
          f"báo nhầm: {totals['false']}; bỏ sót: {totals['misses']}; "
          f"tỉ lệ báo nhầm: {rate(totals['false'], counted)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--corpus", action="store_true", help="build tests/corpus into a temporary folder and score it")
    parser.add_argument("--libreoffice", action="store_true", help="with --corpus: also the copies LibreOffice saves")
    parser.add_argument("--details", action="store_true", help="list every false alarm and miss")
    args = parser.parse_args()
    if args.corpus:
        sys.path.insert(0, str(ROOT / "tests"))
        from corpus.write import write

        with tempfile.TemporaryDirectory(prefix="cchc-corpus-") as folder:
            write(Path(folder), resave=args.libreoffice)
            report(Path(folder), args.details)
    elif args.folder is not None:
        report(args.folder, args.details)
    else:
        parser.error("cần FOLDER hoặc --corpus")


if __name__ == "__main__":
    main()
