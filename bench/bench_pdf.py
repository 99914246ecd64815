"""DOCX → PDF throughput: one ``soffice`` per document against our persistent batch driver.

Run: ``python bench/bench_pdf.py [--docs 20] [--repeat 3] [--uno]``. Converts the sample
decision (built fresh) ``--docs`` times in each mode and prints seconds per document,
start-up included, and the ratios against one ``soffice`` per document. ``--uno`` adds
a live UNO connection driven by the system Python (python3-uno), for comparison with
the design we did not choose. Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from cchc_docs.pdf.office import DOCX_FILTER, PDF_FILTER, Office, Settings, find_soffice
from cchc_docs.pipeline import build

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"

UNO_SCRIPT = r"""
import subprocess, sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name, p.Value = name, value; return p

soffice, profile, pipe, out_dir, *inputs = sys.argv[1:]
office = subprocess.Popen([soffice, "-env:UserInstallation=" + profile, "--headless", "--invisible",
                           "--norestore", "--nologo", "--nodefault", "--nolockcheck",
                           "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
while True:
    try:
        context = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        break
    except Exception:
        time.sleep(0.05)
desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
for path in inputs:
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                       (prop("Hidden", True), prop("ReadOnly", True)))
    target = out_dir + "/" + path.rsplit("/", 1)[1].replace(".docx", ".pdf")
    doc.storeToURL(uno.systemPathToFileUrl(target), (prop("FilterName", "writer_pdf_Export"),))
    doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
office.wait()
"""


def sample_decision() -> bytes:
    """The sample decision, built now with the project's templates."""
    with tempfile.TemporaryDirectory() as folder:
        outputs = build.build(SAMPLE, Path(folder), build.default_templates(), dt.date(2025, 9, 15))
        return next(o.data for o in outputs if o.kind == "quyet-dinh")


def one_soffice_per_document(soffice: Path, files: list[Path], work: Path) -> None:
    """The naive way: a LibreOffice start for every file (its profile kept warm between them)."""
    profile = (work / "profile-single").as_uri()
    for path in files:
        subprocess.run([str(soffice), f"-env:UserInstallation={profile}", "--headless", "--norestore",
                        f"--infilter={DOCX_FILTER}", "--convert-to", PDF_FILTER, "--outdir", str(work / "single"),
                        str(path)], check=True, capture_output=True)


def persistent(documents: list[bytes], jobs: int) -> None:
    results = Office(Settings(jobs=jobs)).convert(documents)
    assert all(isinstance(r, bytes) for r in results), results


def live_uno(soffice: Path, files: list[Path], work: Path) -> None:
    (work / "uno").mkdir(exist_ok=True)
    subprocess.run(["/usr/bin/python3", "-c", UNO_SCRIPT, str(soffice), (work / "profile-uno").as_uri(),
                    f"cchc-bench-{id(work)}", str(work / "uno"), *map(str, files)], check=True)


def best_of(repeat: int, run) -> tuple[float, float]:
    """The best wall time of ``repeat`` runs, and the CPU time (all children) of that run."""
    timings = []
    for _ in range(repeat):
        cpu, start = _children_cpu(), time.perf_counter()
        run()
        timings.append((time.perf_counter() - start, _children_cpu() - cpu))
    return min(timings)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--uno", action="store_true", help="also time a live UNO connection (python3-uno)")
    args = parser.parse_args()
    soffice, data = find_soffice(), sample_decision()
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        files = []
        for i in range(args.docs):
            files.append(work / f"van-ban-{i:02d}.docx")
            files[-1].write_bytes(data)
        # Warm the disk cache and the naive mode's profile once, untimed.
        one_soffice_per_document(soffice, files[:1], work)
        modes = {
            "một soffice cho mỗi văn bản": lambda: one_soffice_per_document(soffice, files, work),
            "cchc-docs, 1 LibreOffice (-j 1)": lambda: persistent([data] * args.docs, 1),
            "cchc-docs, 2 LibreOffice (-j 2)": lambda: persistent([data] * args.docs, 2),
        }
        if args.uno:
            modes["UNO sống, python3-uno (không chọn)"] = lambda: live_uno(soffice, files, work)
        seconds = {name: best_of(args.repeat, run) for name, run in modes.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    baseline = next(iter(seconds.values()))[0]
    print(f"{args.docs} văn bản (Quyết định mẫu, {len(data) // 1024} KiB DOCX), tốt nhất sau {args.repeat} lần, "
          f"{os.cpu_count()} nhân CPU, tải {os.getloadavg()[0]:.2f}:")
    for name, (wall, cpu) in seconds.items():
        print(f"  {name:36} {wall / args.docs:.3f} s/văn bản  ×{baseline / wall:.1f}   "
              f"(CPU {cpu / args.docs:.3f} s/văn bản)")


if __name__ == "__main__":
    main()
