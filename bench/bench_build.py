"""Benchmark of batch builds, side by side and repeated: is the self-checked build fast?

Everything is measured in one run on this machine and printed as ratios; nothing here
is a test. Run from the project root:

    python bench/bench_build.py                 # 60 plans × 3 rounds, plus a 10,000-task plan
    python bench/bench_build.py --plans 300     # the issue's size (slow on a shared machine)
    python bench/bench_build.py --big 0         # without the 10,000-task plan
    python bench/bench_build.py --compare ../main   # the build modes of another checkout too, interleaved
    python bench/bench_build.py --ceiling       # also the build whose self-check only reads (or reads and recognises)

Plans are synthetic but realistic: the sample plan (data/thuong-hong-2025-h2.yaml) with
its Q3 and Q4 status files, given 42–90 tasks each (seeded), so each makes a decision, its
Tờ trình and two reports. Honest by construction:

* every mode runs in a fresh process (``cchc-docs build`` as a user runs it, the naive
  loop in a child of its own), in **interleaved** rounds (the order rotates), and min,
  median and max are printed;
* CPU time (user + system, the workers included) is printed beside wall time;
* memory is the **peak resident size of the build's own processes** (the child's
  ``VmHWM`` and its workers' ``ru_maxrss``), never this benchmark's;
* the machine's load average is printed for every run;
* every process finds Python's bytecode already compiled, as an installed package has it
  (see :func:`child_env`);
* the per-stage cost per document (load, validate, context, render, check, write) is
  measured in-process on the same plans;
* ``--compare`` runs the build modes of another checkout (say, main before a change) in
  the same rounds, so before and after share the machine's load.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import json
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the checkout's package, even when another copy is installed

SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"
STATUS = ROOT / "data" / "thuong-hong-2025-h2" / "bao-cao"
TEMPLATES = ROOT / "templates"
TODAY = dt.date(2025, 9, 15)
DEADLINES = ["2025-08-31", "2025-09", "2025-10", "2025-11-15", "2025-Q4", "2025-12", "thường xuyên"]
MODES = ("naive", "build --no-check", "build")
#: ``--ceiling``: the checked build with the self-check's later steps made free, to show what each costs in
#: the batch and how fast the build could be without them. Measurements only: no user runs such a build.
CEILINGS = {"build, chỉ đọc DOCX": "read", "build, đọc + nhận diện": "recognise"}


# ---------------------------------------------------------------- synthetic plans


def synthetic_plan(base: dict, number: int, tasks: int, rng: random.Random) -> dict:
    """The sample plan for commune ``number``, with ``tasks`` tasks (the sample's 42 first)."""
    plan = copy.deepcopy(base)
    name = f"Thượng Hồng {number}"
    plan["issuing_body"]["name"] = f"Ủy ban nhân dân xã {name}"
    plan["issuing_body"]["header"] = ["ỦY BAN NHÂN DÂN", f"XÃ THƯỢNG HỒNG {number}"]
    plan["issuing_body"]["place"] = name
    sample_tasks = plan["plan"]["tasks"]
    for i in range(len(sample_tasks), tasks):
        task = copy.deepcopy(rng.choice(sample_tasks))
        task["id"] = f"T{i + 1:05d}"
        task["content"] = f"{task['content']} (đợt {i + 1})"
        task["deadline"] = rng.choice(DEADLINES)
        sample_tasks.append(task)
    return plan


def write_plans(folder: Path, sizes: list[int], seed: int = 2025) -> list[Path]:
    """One plan file per size (its task count), each with the sample's Q3 and Q4 status files beside it."""
    import yaml

    rng = random.Random(seed)
    base = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    paths = []
    for number, size in enumerate(sizes, start=1):
        path = folder / f"xa-{number:03d}.yaml"
        path.write_text(yaml.safe_dump(synthetic_plan(base, number, size, rng), allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
        status = folder / path.stem / "bao-cao"
        status.mkdir(parents=True)
        for period in ("2025-Q3", "2025-Q4"):
            shutil.copy(STATUS / f"{period}.yaml", status / f"{period}.yaml")
        paths.append(path)
    return paths


# ---------------------------------------------------------------- one run, in a child process


def plain_docxtpl(template: Path, context: dict) -> bytes:
    """What a user of docxtpl writes: load, render, save — every time."""
    from docxtpl import DocxTemplate

    from cchc_docs.render import engine

    doc = DocxTemplate(template)
    doc.render(context, jinja_env=engine.environment(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def naive_loop(data: Path, out: Path) -> int:
    """The baseline batch: every document of every plan with plain docxtpl, one after another."""
    from cchc_docs.contexts import registry
    from cchc_docs.model import load
    from cchc_docs.model.status import reporting_calendar

    count = 0
    for plan in sorted(data.glob("*.yaml")):
        loaded = load.load_all(plan)
        for job in registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), TODAY):
            (out / f"{plan.stem}-{job.output}").write_bytes(plain_docxtpl(TEMPLATES / job.template, job.context()))
            count += 1
    return count


def child(mode: str, data: Path, out: Path, jobs: int, root: Path = ROOT) -> None:
    """Run one mode in this (fresh) process, with the package of checkout ``root``, and print what it cost as JSON."""
    sys.path.insert(0, str(root))
    start = time.perf_counter()
    if mode == "naive":
        out.mkdir(parents=True, exist_ok=True)
        naive_loop(data, out)
        code = 0
    else:
        from cchc_docs.cli.app import main

        if mode in CEILINGS:
            keep_only(CEILINGS[mode])
        extra = ["--no-check"] if "--no-check" in mode else []
        try:
            main(["build", str(data), "-o", str(out), "--date", TODAY.isoformat(), "-j", str(jobs), *extra])
            code = 0
        except SystemExit as done:
            code = done.code or 0
    wall = time.perf_counter() - start
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    status = Path("/proc/self/status")
    peak = next((int(line.split()[1]) for line in status.read_text().splitlines() if line.startswith("VmHWM:")),
                own.ru_maxrss) if status.exists() else own.ru_maxrss
    print(json.dumps({"wall": wall, "cpu": own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime,
                      "peak_mb": max(peak, workers.ru_maxrss) / 1024, "exit": code}))


def keep_only(step: str) -> None:
    """Make the self-check stop after reading the DOCX (``read``) or after recognising its parts
    (``recognise``): the rules, and recognition, then cost nothing. The build's workers are forked
    from this process (``--ceiling`` is refused elsewhere), so they check the same way."""
    from cchc_docs import checks
    from cchc_docs.checks.components import recognise

    def check(facts, poll=None, page_texts=None) -> list:
        if step == "recognise":
            recognise(facts)
            checks.pieces.forget()  # as the real check forgets each document's pieces
            checks.pages.forget()
        return []

    checks.check = check


def child_env(work: Path) -> dict[str, str]:
    """The environment of every measured process: Python's bytecode cached, as in an installation.

    An installed package comes with its modules compiled; with PYTHONDONTWRITEBYTECODE set
    (as on some shared machines) every run compiled every module of the checkout again,
    a tenth of a second of start-up no user pays. The cache lives in the benchmark's own
    folder (PYTHONPYCACHEPREFIX), so neither checkout is written to.
    """
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return env | {"PYTHONPYCACHEPREFIX": str(work / "pycache")}


def compile_modules(work: Path, roots: set[Path]) -> None:
    """Fill the bytecode cache of :func:`child_env` before the first measured run."""
    load = "import sys; sys.path.insert(0, sys.argv[1]); import cchc_docs.cli.app, cchc_docs.pipeline.build, " \
           "cchc_docs.checks"
    for root in roots:
        subprocess.run([sys.executable, "-c", load, str(root)], env=child_env(work), check=True)


def run(mode: str, data: Path, out: Path, jobs: int, root: Path = ROOT) -> dict:
    """One mode in a fresh process (start-up included in its wall time), with the machine's load."""
    shutil.rmtree(out, ignore_errors=True)
    before = os.getloadavg()[0]
    start = time.perf_counter()
    done = subprocess.run([sys.executable, __file__, "--child", mode, str(data), str(out), str(jobs), str(root)],
                          capture_output=True, text=True, check=True, env=child_env(out.parent))
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["wall"] = time.perf_counter() - start  # the whole process, as a user waits for it
    figures["load"] = (before, os.getloadavg()[0])
    figures["docs"] = len(list(out.rglob("*.docx")))
    return figures


# ---------------------------------------------------------------- the measurements


def spread(values: list[float], unit: str = "s", scale: float = 1.0) -> str:
    """min / median / max."""
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{low * scale:.2f} / {mid * scale:.2f} / {high * scale:.2f} {unit}"


def modes(compare: Path | None, ceiling: bool = False) -> dict[str, Path]:
    """Each mode with the checkout it runs: this one (with the ceilings when asked), and the build modes
    of ``compare`` too."""
    own = dict.fromkeys(MODES + (tuple(CEILINGS) if ceiling else ()), ROOT)
    return own | ({f"{mode} [{compare.name}]": compare for mode in MODES if mode != "naive"} if compare else {})


def batch(data: Path, work: Path, rounds: int, jobs: int, compare: Path | None = None,
          ceiling: bool = False) -> dict[str, list[dict]]:
    """Every mode in every round, the order rotating so no mode always runs first or last."""
    roots = modes(compare, ceiling)
    names = tuple(roots)
    runs: dict[str, list[dict]] = {mode: [] for mode in names}
    for r in range(rounds):
        order = names[r % len(names):] + names[: r % len(names)]
        for mode in order:
            figures = run(mode, data, work / "out", jobs, roots[mode])
            runs[mode].append(figures)
            print(f"  vòng {r + 1}, {mode:<17} {figures['wall']:6.2f} s, CPU {figures['cpu']:6.2f} s, "
                  f"đỉnh RSS {figures['peak_mb']:4.0f} MB, {figures['docs']} văn bản, "
                  f"tải máy {figures['load'][0]:.2f}→{figures['load'][1]:.2f}", flush=True)
    return runs


def report_batch(runs: dict[str, list[dict]], jobs: int) -> None:
    docs = runs["naive"][0]["docs"]
    naive = statistics.median(f["wall"] for f in runs["naive"])
    print(f"\nLô {docs} văn bản (min / trung vị / max của {len(runs['naive'])} vòng xen kẽ):")
    print("| Cách chạy | Thời gian thực | Tỉ lệ so với vòng lặp docxtpl (trung vị) | CPU mỗi văn bản | Đỉnh RSS |")
    print("|---|---|---|---|---|")
    for mode in runs:
        figures = runs[mode]
        walls = [f["wall"] for f in figures]
        ratio = naive / statistics.median(walls)
        label = mode if mode == "naive" else f"{mode} -j {jobs}"
        print(f"| {label} | {spread(walls)} | {ratio:.2f}× | {spread([f['cpu'] / docs for f in figures], 'ms', 1000)} "
              f"| {max(f['peak_mb'] for f in figures):.0f} MB |")
    loads = [x for figures in runs.values() for f in figures for x in f["load"]]
    print(f"Tải máy (load average 1 phút) trong lúc đo: {min(loads):.2f}–{max(loads):.2f} trên {os.cpu_count()} lõi")


def noop(data: Path, work: Path, rounds: int, jobs: int) -> None:
    """A rebuild with nothing changed, against the full checked build it follows."""
    full, again = [], []
    for _ in range(rounds):
        full.append(run("build", data, work / "out", jobs)["wall"])
        before = time.perf_counter()
        subprocess.run([sys.executable, "-m", "cchc_docs.cli", "build", str(data), "-o", str(work / "out"),
                        "--date", TODAY.isoformat(), "-j", str(jobs)], capture_output=True, check=True,
                       env={**child_env(work), "PYTHONPATH": str(ROOT)})  # this checkout's package, as the full build
        again.append(time.perf_counter() - before)
    share = statistics.median(again) / statistics.median(full)
    print(f"\nTạo lại khi không có gì đổi: {spread(again)} = {share * 100:.1f} % lần tạo đầy đủ có tự kiểm tra "
          f"({spread(full)})")


def stages(plans: list[Path], out: Path) -> None:
    """Per-stage cost per document, in this process, the collector paused as the build pauses it."""
    from cchc_docs import checks, collector
    from cchc_docs.checks.components import recognise
    from cchc_docs.checks.registry import run
    from cchc_docs.contexts import registry
    from cchc_docs.facts.extract import extract
    from cchc_docs.model import load, source, validate
    from cchc_docs.model.status import reporting_calendar
    from cchc_docs.render import engine
    from cchc_docs.write import write_atomic

    cost = {name: [] for name in ("load", "validate", "context", "render", "check", "write")}
    split = dict.fromkeys(("đọc DOCX", "nhận diện", "quy tắc"), 0.0)  # the check's own steps, summed
    docs = 0
    for plan in plans:
        with collector.paused():
            cpu = time.process_time
            t0 = cpu()
            parsed = source.load(plan)
            t1 = cpu()
            versions = validate.validate_versions(parsed)
            statuses, _ = load.load_statuses_for(versions, load.status_files(load.status_folder(plan)))
            t2 = cpu()
            jobs = registry.plan_jobs(versions, statuses, reporting_calendar(versions[0]), TODAY)
            contexts = [job.context() for job in jobs]
            t3 = cpu()
            rendered = [engine.render(TEMPLATES / job.template, context, plain=True)
                        for job, context in zip(jobs, contexts, strict=True)]
            t4 = cpu()
            for data in rendered:  # what checks.check_bytes does, timed step by step
                marks = [cpu()]
                facts = extract(data)
                marks.append(cpu())
                layout = recognise(facts)
                marks.append(cpu())
                run(layout)
                marks.append(cpu())
                checks.pieces.forget()
                checks.pages.forget()
                for name, (before, after) in zip(split, pairwise(marks), strict=True):
                    split[name] += after - before
            t5 = cpu()
            for job, data in zip(jobs, rendered, strict=True):
                write_atomic(out / plan.stem / job.output, data)
            t6 = cpu()
        docs += len(jobs)
        for name, spent in zip(cost, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
            cost[name].append(spent / len(jobs))
    print(f"\nChi phí từng bước cho mỗi văn bản (CPU, trong tiến trình, {len(plans)} kế hoạch, {docs} văn bản; "
          "min / trung vị / max theo kế hoạch):")
    for name, values in cost.items():
        print(f"  {name:<9} {spread(values, 'ms', 1000)}")
    total = sum(statistics.median(values) for values in cost.values())
    print(f"  tổng      {total * 1000:.1f} ms (trung vị từng bước cộng lại); tự kiểm tra: "
          f"{statistics.median(cost['check']) * 1000:.1f} ms")
    print("  tự kiểm tra, trung bình mỗi văn bản: " + ", ".join(f"{name} {spent / docs * 1000:.1f} ms"
                                                          for name, spent in split.items()))


def big(tasks: int, work: Path, jobs: int, compare: Path | None = None) -> None:
    """One plan of ``tasks`` tasks, built in a fresh process, with and without the self-check: time and peak memory."""
    folder = work / "big"
    folder.mkdir()
    write_plans(folder, [tasks], seed=7)
    print(f"\nMột kế hoạch {tasks} nhiệm vụ:")
    for mode, root in modes(compare).items():
        if mode.startswith("build"):
            figures = run(mode, folder, work / "big-out", jobs, root)
            print(f"  {mode:<26} {figures['docs']} văn bản: {figures['wall']:.1f} s, CPU {figures['cpu']:.1f} s, "
                  f"đỉnh RSS {figures['peak_mb']:.0f} MB (tải máy {figures['load'][0]:.2f})", flush=True)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]), int(sys.argv[5]), Path(sys.argv[6]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--big", type=int, default=10_000, help="tasks of the big plan (0: skip it)")
    parser.add_argument("--compare", type=Path, help="another checkout whose build modes run in the same rounds")
    parser.add_argument("--no-stages", dest="stages", action="store_false", help="skip the per-stage costs")
    parser.add_argument("--ceiling", action="store_true",
                        help="also the checked build with only the DOCX read, and with only reading and recognition")
    args = parser.parse_args()
    if args.ceiling and multiprocessing.get_start_method() != "fork":
        parser.error("--ceiling needs worker processes forked from the build (Linux)")
    compare = args.compare.resolve() if args.compare else None
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    try:
        data = work / "data"
        data.mkdir()
        rng = random.Random(42)
        plans = write_plans(data, [rng.randint(42, 90) for _ in range(args.plans)])
        compile_modules(work, set(modes(compare).values()))
        print(f"{len(plans)} kế hoạch tổng hợp (42–90 nhiệm vụ), {os.cpu_count()} lõi, "
              f"tải máy lúc đầu {os.getloadavg()[0]:.2f}", flush=True)
        if args.plans:
            report_batch(batch(data, work, args.rounds, args.jobs, compare, args.ceiling), args.jobs)
            noop(data, work, args.rounds, args.jobs)
            if args.stages:
                stages(plans[:20], work / "stages")
        if args.big:
            big(args.big, work, args.jobs, compare)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
