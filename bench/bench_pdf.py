"""DOCX → PDF throughput: one ``soffice`` per document against our persistent batch driver.

Run: ``python bench/bench_pdf.py [--docs 20] [--repeat 3] [--uno]``. Converts the sample
decision (built fresh) ``--docs`` times in each mode, the modes interleaved in every
round, and prints seconds per document (min / median / max), start-up included, CPU per
document, and the ratios of the medians against one ``soffice`` per document. Besides the
converter alone, ``cchc-docs pdf -j 2`` is timed as a user runs it — PDFs written and
read back (fonts, layout) — with the read-back beside the conversion (what the command
does) and after it (how it was done before). ``--uno`` adds a live UNO connection driven
by the system Python (python3-uno), the design we did not choose. Not a test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from cchc_docs.pdf import convert
from cchc_docs.pdf.office import DOCX_FILTER, PDF_FILTER, Office, Settings, find_soffice
from cchc_docs.pipeline import build
from cchc_docs.pipeline.options import default_templates

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
        outputs = build.build(SAMPLE, Path(folder), default_templates(), dt.date(2025, 9, 15))
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


def command(files: list[Path], work: Path, jobs: int, beside: bool) -> None:
    """``cchc-docs pdf -j N``: convert, write, read every PDF back; the read-back beside or after."""
    options = convert.Options(jobs=jobs, force=True, check=beside)
    batch = convert.convert(files, work / "pdf", options)
    if not beside:
        batch.results = [convert._checked(result) for result in batch.results]
    assert all(r.status == "converted" and r.report for r in batch.results)


def live_uno(soffice: Path, files: list[Path], work: Path) -> None:
    (work / "uno").mkdir(exist_ok=True)
    subprocess.run(["/usr/bin/python3", "-c", UNO_SCRIPT, str(soffice), (work / "profile-uno").as_uri(),
                    f"cchc-bench-{id(work)}", str(work / "uno"), *map(str, files)], check=True)


def timed(run) -> tuple[float, float]:
    """Wall time and CPU time (this process and every child) of one run."""
    cpu, start = _cpu(), time.perf_counter()
    run()
    return time.perf_counter() - start, _cpu() - cpu


def _cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


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
            "bộ chuyển, 1 LibreOffice (-j 1)": lambda: persistent([data] * args.docs, 1),
            "bộ chuyển, 2 LibreOffice (-j 2)": lambda: persistent([data] * args.docs, 2),
            "cchc-docs pdf -j 2, đọc lại song song": lambda: command(files, work, 2, beside=True),
            "cchc-docs pdf -j 2, đọc lại sau (cũ)": lambda: command(files, work, 2, beside=False),
        }
        if args.uno:
            modes["UNO sống, python3-uno (không chọn)"] = lambda: live_uno(soffice, files, work)
        runs: dict[str, list[tuple[float, float]]] = {name: [] for name in modes}
        loads = [os.getloadavg()[0]]
        names = list(modes)
        for r in range(args.repeat):  # interleaved, the order rotating
            for name in names[r % len(names):] + names[: r % len(names)]:
                runs[name].append(timed(modes[name]))
                loads.append(os.getloadavg()[0])
    finally:
        shutil.rmtree(work, ignore_errors=True)
    baseline = statistics.median(wall for wall, _ in runs[names[0]])
    print(f"{args.docs} văn bản (Quyết định mẫu, {len(data) // 1024} KiB DOCX), {args.repeat} vòng xen kẽ, "
          f"{os.cpu_count()} nhân CPU, tải {min(loads):.2f}–{max(loads):.2f}; giây mỗi văn bản min / trung vị / max:")
    for name, timings in runs.items():
        walls = [wall / args.docs for wall, _ in timings]
        cpu = statistics.median(cpu for _, cpu in timings) / args.docs
        print(f"  {name:40} {min(walls):.3f} / {statistics.median(walls):.3f} / {max(walls):.3f}  "
              f"×{baseline / args.docs / statistics.median(walls):.1f}   (CPU {cpu:.3f} s/văn bản)")


if __name__ == "__main__":
    main()
