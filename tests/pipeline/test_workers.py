"""Worker processes: they end with the build, and a plan that kills its worker is the only one lost."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import DRAFT, SAMPLE, TEMPLATES, TODAY

from cchc_docs.pipeline import batch, build, workers
from cchc_docs.pipeline.options import Options

PROC = Path("/proc")
GRACE = 5.0  # seconds the issue allows for the workers to end and the shell to get control back


def _stat(pid: int) -> list[str] | None:
    """State, parent id … of a process from /proc, or None when it is gone."""
    try:
        return (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None


def _children(pid: int) -> list[int]:
    found = []
    for entry in PROC.iterdir():
        stat = _stat(int(entry.name)) if entry.name.isdigit() else None
        if stat and int(stat[1]) == pid:
            found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    stat = _stat(pid)
    return stat is not None and stat[0] not in ("Z", "X")  # a zombie has ended; only its entry waits


def _wait_for(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@pytest.mark.skipif(not (PROC / "self" / "stat").exists(), reason="reads the process table from /proc (Linux)")
def test_killing_the_build_alone_ends_its_workers_and_gives_the_pipe_back(tmp_path):
    data, out = tmp_path / "data", tmp_path / "out"
    data.mkdir()
    sample = SAMPLE.read_text(encoding="utf-8")
    plans = 24
    for i in range(plans):  # enough work that the build is still running when it is killed
        (data / f"xa-{i:02d}.yaml").write_text(sample.replace("Thượng Hồng", f"Thượng Hồng {i}"), encoding="utf-8")
    command = (f"'{sys.executable}' -m cchc_docs.cli build '{data}' -o '{out}' --templates '{TEMPLATES}' "
               f"--date 2025-09-15 -j 2 | tee '{tmp_path / 'log'}'")
    shell = subprocess.Popen(["sh", "-c", command], start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert _wait_for(lambda: any(_is_build(pid) for pid in _children(shell.pid)), 60)
        [builder] = [pid for pid in _children(shell.pid) if _is_build(pid)]
        assert _wait_for(lambda: len(_children(builder)) == 2 and any(out.rglob("*.docx")), 120)
        pool = _children(builder)
        os.kill(builder, signal.SIGKILL)  # the parent alone, as the issue did
        shell.wait(timeout=GRACE)  # the pipe's reader got its end of file: the shell is back
        assert _wait_for(lambda: not any(_alive(pid) for pid in pool), GRACE), "a worker outlived the build"
        assert len(list(out.rglob("*.docx"))) < plans  # it was killed mid-way, not after the end
    finally:
        if shell.poll() is None:
            os.killpg(shell.pid, signal.SIGKILL)
            shell.wait()


def _is_build(pid: int) -> bool:
    try:
        return b"cchc_docs.cli" in (PROC / str(pid) / "cmdline").read_bytes()
    except OSError:
        return False


BUILD_PLAN = build.build_plan


def _die_on_poison(plan_path, *args):
    """build_plan, but the worker dies outright on the plan named ``xa-poison``."""
    if Path(plan_path).stem == "xa-poison":
        os._exit(9)
    return BUILD_PLAN(plan_path, *args)


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="the poisoned function reaches forked workers")
@pytest.mark.parametrize("names", [("xa-a", "xa-b", "xa-poison", "xa-c"), ("xa-poison", "xb", "xc", "xd")])
def test_a_plan_that_kills_its_worker_is_reported_and_the_others_are_built(tmp_path, monkeypatch, names):
    # The second order puts the poison plan first: no plan is ever built in the builder itself.
    data = tmp_path / "data"
    data.mkdir()
    for name in names:
        (data / f"{name}.yaml").write_text(DRAFT, encoding="utf-8")
    monkeypatch.setattr(build, "build_plan", _die_on_poison)
    summary = batch.build_all([data], Options(tmp_path / "out", TEMPLATES, TODAY), jobs=2)
    errors = {p.plan: p.error for p in summary.plans if p.error}
    assert list(errors) == [os.path.relpath(data / "xa-poison.yaml")]
    assert errors[os.path.relpath(data / "xa-poison.yaml")] == workers.DIED
    assert sorted(p.parent.name for p in (tmp_path / "out").glob("*/*.docx")) == sorted(set(names) - {"xa-poison"})
    # A plan the other worker had written when the pool broke is built again and found unchanged.
    made = [r.status for p in summary.plans for r in p.results]
    assert summary.exit_code == 1 and len(made) == 3 and set(made) <= {"created", "unchanged"}


RENDER = build._render


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="children inherit the contexts")
def test_the_documents_of_a_plan_built_alone_are_made_in_child_processes_and_come_out_the_same(tmp_path, monkeypatch):
    # A plan of 10,000 tasks is one plan: its documents, not plans, share the -j processes.
    pids = tmp_path / "pids"

    def recorded(*args):
        with pids.open("a") as log:
            log.write(f"{os.getpid()}\n")
        return RENDER(*args)

    monkeypatch.setattr(build, "_render", recorded)
    alone = batch.build_all([SAMPLE], Options(tmp_path / "two", TEMPLATES, TODAY), jobs=2)
    renderers = set(pids.read_text().split())
    one = batch.build_all([SAMPLE], Options(tmp_path / "one", TEMPLATES, TODAY), jobs=1)
    assert str(os.getpid()) not in renderers and len(renderers) == 2
    assert [(r.path, r.status, r.findings) for r in alone.plans[0].results] == \
        [(r.path, r.status, r.findings) for r in one.plans[0].results]
    assert any(r.findings for r in one.plans[0].results)  # the sample's one deliberate warning, at least
    def outputs(folder):
        return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*.docx")}

    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert len(outputs(tmp_path / "one")) == len(one.plans[0].results) > 2
