"""`kill -9` at random moments during `cchc-docs issue`: never a duplicate, a silent gap, or data ≠ register.

Each iteration starts the real command in a process of its own, waits until the program is
loaded, then kills it at a random moment within the time an uninterrupted run takes to
number, write and render — and checks the invariants on what it left. The next command
(the next iteration's, or the final runs) takes back what a killed one left half done.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from helpers import TEMPLATES, write_plan
from register_support import DRAFT, consistency

from cchc_docs.register import documents, schema
from cchc_docs.register.store import ISSUED, PENDING, open_register

ITERATIONS = 16
SEED = 20250731

# The command line, with a line on stdout once everything is imported: the kill lands in
# the numbering itself, not in Python's start-up.
PROGRAM = ("import sys\n"
           "import cchc_docs.cli.app, cchc_docs.register.issue, cchc_docs.pipeline.build\n"
           "print('ready', flush=True)\n"
           "sys.argv[0] = 'cchc-docs'\n"
           "cchc_docs.cli.app.main()\n")


def start(plan, date: str) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-c", PROGRAM, "issue", str(plan), "--doc", "quyet-dinh", "--date", date,
         "-o", str(plan.parent / "out"), "--templates", str(TEMPLATES)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout.readline() == "ready\n"
    return process


def finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out + err


def stage(plan) -> str:
    """Where the kill left this plan's issue: judged from the register and the data file alone."""
    numbered = documents.find(plan, "quyet-dinh").number is not None
    with open_register(plan.parent / schema.FILE_NAME) as register:
        states = [e.state for e in register.of_document(plan.name, "quyet-dinh")]
    if ISSUED in states:
        return "finished"
    if PENDING in states:
        return "after the data was written" if numbered else "after the number was taken"
    return "before a number was taken"


def watch(process: subprocess.Popen, plan) -> float:
    """Seconds until the data file changes (the number written), or the process ends."""
    began, before = time.monotonic(), plan.read_bytes()
    while plan.read_bytes() == before and process.poll() is None:
        time.sleep(0.0005)
    return time.monotonic() - began


def kill_at_random(process: subprocess.Popen, plan, rng: random.Random, written: float, span: float) -> None:
    """Kill -9 at a random moment: anywhere in the run, around the numbering, or after the data is written.

    Uniform moments alone would seldom land in the few milliseconds between taking a number
    and writing it; so a third of the kills aim there, and a third at the rendering after it.
    """
    aim = rng.choice(["anywhere", "numbering", "rendering"])
    if aim == "anywhere":
        time.sleep(rng.uniform(0, span))
    elif aim == "numbering":
        time.sleep(rng.uniform(0.5 * written, 1.2 * written))
    else:
        watch(process, plan)
        time.sleep(rng.uniform(0, span - written))
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="kill -9 is POSIX")
def test_kill_minus_9_at_random_moments_leaves_no_duplicate_no_gap_and_data_agreeing_with_the_register(tmp_path):
    rng = random.Random(SEED)
    plans = [write_plan(tmp_path, DRAFT, f"p{i:02d}.yaml") for i in range(ITERATIONS + 1)]
    # One uninterrupted run: when the data is written, and when the run ends, once loaded.
    process = start(plans[0], "2025-08-01")
    began = time.monotonic()
    written = watch(process, plans[0])
    code, output = finish(process)
    span = time.monotonic() - began
    assert code == 0, output
    stages = Counter()
    for i, plan in enumerate(plans[1:], start=2):
        process = start(plan, f"2025-08-{i:02d}")
        kill_at_random(process, plan, rng, written, span)
        code, output = finish(process)
        assert "Traceback" not in output
        consistency(tmp_path)  # the invariants hold right after the kill
        stages[stage(plan)] += 1
    # Every plan issued in the end (the killed ones later in the month): what was left half done is taken back.
    for plan in plans:
        code, output = finish(start(plan, "2025-08-31"))
        assert code == 0, output
    final = consistency(tmp_path)
    assert final == {"rows": ITERATIONS + 1, "pending": 0, "issued": ITERATIONS + 1,
                     "numbered_in_data": ITERATIONS + 1}
    print(f"\nkill -9, {ITERATIONS} runs: {dict(stages)}; then {final['issued']} numbers, 0 twice, 0 missing")
