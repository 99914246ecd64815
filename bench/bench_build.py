"""Benchmark of rendering and batch builds (issue: regeneration after amendments).

Everything is measured side by side in one run on this machine and printed as ratios;
nothing here is a test. Run from the project root:

    python bench/bench_build.py            # the full run (300 plans)
    python bench/bench_build.py --plans 40 # a quick run

Plans are synthetic but realistic: the sample plan (data/thuong-hong-2025-h2.yaml)
with its Q3 and Q4 status files, given 42–60 tasks each (seeded), a few with 400
tasks and one with 2,000.
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import io
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import yaml
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The checkout's package, even when another copy is installed.
from cchc_docs.contexts import registry  # noqa: E402
from cchc_docs.model import load  # noqa: E402
from cchc_docs.model.status import reporting_calendar  # noqa: E402
from cchc_docs.pipeline import batch  # noqa: E402
from cchc_docs.pipeline.build import Options  # noqa: E402
from cchc_docs.render import engine  # noqa: E402

SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"
STATUS = ROOT / "data" / "thuong-hong-2025-h2" / "bao-cao"
TEMPLATES = ROOT / "templates"
TODAY = dt.date(2025, 9, 15)
DEADLINES = ["2025-08-31", "2025-09", "2025-10", "2025-11-15", "2025-Q4", "2025-12", "thường xuyên"]


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
        task["id"] = f"T{i + 1:04d}"
        task["content"] = f"{task['content']} (đợt {i + 1})"
        task["deadline"] = rng.choice(DEADLINES)
        sample_tasks.append(task)
    return plan


def write_plans(folder: Path, count: int, seed: int = 2025) -> list[Path]:
    """``count`` plan files, each with the sample's Q3 and Q4 status files beside it."""
    rng = random.Random(seed)
    base = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))
    sizes = [rng.randint(42, 60) for _ in range(count)]
    for i in range(min(3, count - 1)):
        sizes[1 + i * max(count // 4, 1) % max(count - 1, 1)] = 400
    sizes[0] = 2000 if count >= 10 else sizes[0]
    paths = []
    for number, size in enumerate(sizes, start=1):
        path = folder / f"xa-{number:03d}.yaml"
        path.write_text(yaml.safe_dump(synthetic_plan(base, number, size, rng), allow_unicode=True,
                                       sort_keys=False), encoding="utf-8")
        status = folder / path.stem / "bao-cao"
        status.mkdir(parents=True)
        for period in ("2025-Q3", "2025-Q4"):
            shutil.copy(STATUS / f"{period}.yaml", status / f"{period}.yaml")
        paths.append(path)
    return paths


# An amendment signed after the Q4 window: it adds a decision and the consolidated plan,
# and changes no issued document (the reports keep the plan as it stood then).
AMENDMENT = """\
amendments:
  - id: SD01
    decision:
      number: "61"
      date: "2025-12-20"
      title: Sửa đổi, bổ sung Kế hoạch cải cách hành chính 6 tháng cuối năm 2025
      authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG
      legal_bases: [Luật Tổ chức chính quyền địa phương ngày 16/6/2025]
      executors: Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội
      recipients: [Như Điều 4]
      archive: [VHXH]
      signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn An}
    changes:
      - action: change
        task: T07
        set: {deadline: "2025-12-31"}
        reason: Lùi thời hạn theo hướng dẫn của Sở Nội vụ
"""


# ---------------------------------------------------------------- measurements


def best_of(runs: int, action) -> float:
    """The fastest of ``runs`` timings: the figure least disturbed by the machine."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def plain_docxtpl(template: Path, context: dict) -> bytes:
    """What a user of docxtpl writes: load, render, save — every time."""
    doc = DocxTemplate(template)
    doc.render(context, jinja_env=engine.environment(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def decision_context(plan: Path) -> dict:
    loaded = load.load_all(plan)
    versions, statuses = loaded.versions, loaded.statuses
    return registry.plan_jobs(versions, statuses, reporting_calendar(versions[0]), TODAY)[0].context()


def bench_render(plans: list[Path]) -> dict:
    """Per-document render time, fast path vs plain docxtpl, on the same contexts."""
    template = TEMPLATES / "quyet-dinh.docx"
    figures = {}
    by_size = {len(load.load_plan(p).plan.tasks): p for p in plans}
    for size in sorted({s for s in by_size if s in (400, 2000)} | {min(by_size)}):
        context = decision_context(by_size[size])
        engine.render(template, context)  # compile once, as a worker does
        fast = best_of(5, partial(engine.render, template, context))
        plain = best_of(3, partial(plain_docxtpl, template, context))
        figures[size] = (fast, plain)
        print(f"render, {size} tasks: fast {fast * 1000:.1f} ms, docxtpl {plain * 1000:.1f} ms, "
              f"ratio {plain / fast:.1f}×")
    return figures


def naive_loop(plans: list[Path], out: Path) -> None:
    """The baseline batch: for each document of each plan, plain docxtpl, one after another."""
    for plan in plans:
        loaded = load.load_all(plan)
        versions, statuses = loaded.versions, loaded.statuses
        for job in registry.plan_jobs(versions, statuses, reporting_calendar(versions[0]), TODAY):
            (out / f"{plan.stem}-{job.output}").write_bytes(plain_docxtpl(TEMPLATES / job.template, job.context()))


def cli_build(data: Path, out: Path, *extra: str) -> float:
    """A whole ``cchc-docs build`` run (a fresh process, as a user runs it); seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "cchc_docs.cli", "build", str(data), "-o", str(out), "--date",
                    TODAY.isoformat(), *extra], check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=300)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    data = work / "data"
    data.mkdir()
    plans = write_plans(data, args.plans)
    print(f"{len(plans)} kế hoạch tổng hợp trong {data}")

    # 1. Rendering one document.
    bench_render(plans)
    start = time.perf_counter()
    context = decision_context(next(p for p in plans if len(load.load_plan(p).plan.tasks) == 2000))
    engine.render(TEMPLATES / "quyet-dinh.docx", context)
    print(f"2.000 nhiệm vụ: dựng nội dung và kết xuất Quyết định trong {time.perf_counter() - start:.2f} s")

    # 2. A full batch vs the naive loop, side by side in this run.
    naive_out = work / "naive"
    naive_out.mkdir()
    naive = best_of(1, lambda: naive_loop(plans, naive_out))
    out = work / "out"
    full = cli_build(data, out, "-j", str(args.jobs), "--no-check")
    checked = cli_build(data, work / "out-checked", "-j", str(args.jobs))
    print(f"batch {len(plans)} kế hoạch × 3 văn bản: naive docxtpl {naive:.1f} s, "
          f"cchc-docs -j {args.jobs} {full:.1f} s (ratio {naive / full:.1f}×), "
          f"kèm tự kiểm tra thể thức {checked:.1f} s (ratio {naive / checked:.1f}×)")

    # 3. A no-op rebuild vs the full build.
    noop = cli_build(data, out, "-j", str(args.jobs), "--no-check")
    print(f"tạo lại khi không có gì đổi: {noop:.2f} s = {noop / full * 100:.1f} % lần tạo đầy đủ")

    # 4. Amend one plan: only its documents are rebuilt, no issued one is touched.
    amended = plans[len(plans) // 2]
    amended.write_text(amended.read_text(encoding="utf-8") + AMENDMENT, encoding="utf-8")
    summary = batch.build_all([data], Options(out, TEMPLATES, TODAY, check=False), jobs=args.jobs)
    rebuilt = sorted({r.path.split("/")[0] for p in summary.plans for r in p.results
                      if r.status in ("created", "updated")})
    print(f"sửa một kế hoạch ({amended.stem}): tạo lại {summary.line()} — thư mục: {', '.join(rebuilt) or 'không'}")

    # 5. Memory.
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
               resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    print(f"bộ nhớ đỉnh (RSS) của một tiến trình: {peak:.0f} MB")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
