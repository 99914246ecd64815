"""Worker processes that end with the build that started them, and a plan that kills one.

A build killed with ``kill -9`` cannot stop its workers. Left alone they went on writing
files, then waited forever for work nobody would send, holding the terminal's pipe
open: ``cchc-docs build … | tee log`` never returned. So each worker watches its
parent: on Linux the kernel kills it the moment the parent dies (``PR_SET_PDEATHSIG``),
and everywhere a watchdog thread looks twice a second whether the parent is still there.

A plan whose work kills its worker outright (memory exhausted, a crash in a library)
breaks the whole pool. The plans it took down with it are built again one at a time,
each in a worker of its own, so only the plan that kills its worker is reported.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
POLL_SECONDS = 0.5  # how often the watchdog looks for the parent
DIED = ("tiến trình dựng kế hoạch này dừng đột ngột (hết bộ nhớ, hoặc bị dừng từ bên ngoài); "
        "các kế hoạch khác vẫn được tạo")


def run(task: Callable, work: list[tuple], jobs: int, failed: Callable[[tuple, str], object]) -> Iterator:
    """``task(*args)`` for each ``args`` of ``work`` in up to ``jobs`` workers, results as they finish.

    ``failed(args, message)`` stands for the result of work whose worker died under it.
    """
    broken = []
    with executor(min(jobs, len(work))) as pool:
        futures = {pool.submit(task, *args): args for args in work}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                broken.append(futures[future])
    for args in broken:  # one at a time now, so a death names its plan
        with executor(1) as pool:
            try:
                yield pool.submit(task, *args).result()
            except BrokenProcessPool:
                yield failed(args, DIED)


def map_forked(task: Callable[[int], object], count: int, jobs: int) -> list:
    """``[task(0), …, task(count - 1)]``, in up to ``jobs`` forked processes where the system forks.

    For the documents of one plan built alone (a plan of 10,000 tasks): the children
    inherit the plan's contexts with the process instead of receiving them pickled, and
    each renders and checks its own documents. Only the results travel back.
    """
    if jobs <= 1 or count <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(i) for i in range(count)]
    global _TASK
    _TASK = task
    try:
        with ProcessPoolExecutor(min(jobs, count), mp_context=multiprocessing.get_context("fork"),
                                 initializer=_start_worker, initargs=(os.getpid(),)) as pool:
            return list(pool.map(_run_task, range(count)))
    finally:
        _TASK = None


_TASK: Callable[[int], object] | None = None  # what map_forked's children run: they inherit it


def _run_task(index: int) -> object:
    return _TASK(index)


def inherit() -> bool:
    """Whether the workers of :func:`executor` start as copies of this process (fork), with what it has loaded."""
    return multiprocessing.get_start_method() == "fork"


def executor(jobs: int) -> ProcessPoolExecutor:
    """A pool whose workers end when this process ends, even by ``kill -9``."""
    context = multiprocessing.get_context()
    # A forkserver's workers are its children, not ours: they watch the server, which
    # itself ends with this process.
    builder = None if context.get_start_method() == "forkserver" else os.getpid()
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=_start_worker, initargs=(builder,))


def _start_worker(builder: int | None) -> None:
    """Worker initializer: die with the parent, whichever way it goes; keep freed memory for the next plan."""
    _watch_parent(builder)
    _keep_freed_memory()


def _watch_parent(builder: int | None) -> None:
    parent = os.getppid()
    if builder is not None and parent != builder:
        os._exit(1)  # the build was killed before this worker started
    _parent_death_signal()
    threading.Thread(target=_watchdog, args=(parent,), name="cchc-watchdog", daemon=True).start()


M_TRIM_THRESHOLD, M_MMAP_THRESHOLD = -1, -3  # <malloc.h>
KEPT_BYTES = 64 << 20


def _keep_freed_memory() -> None:
    """Ask glibc to keep the memory one document frees for the next, instead of returning it.

    Every document allocates and frees the same few megabytes; by default glibc gives
    large blocks back to the system at once and the next document faults them in again,
    page by page: a fifth of a worker's CPU time went to the kernel. The peak memory
    stays the same. Elsewhere (no glibc) nothing changes.
    """
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # another C library: the defaults stay
        libc = ctypes.CDLL(None)
        libc.mallopt(M_MMAP_THRESHOLD, KEPT_BYTES // 2)
        libc.mallopt(M_TRIM_THRESHOLD, KEPT_BYTES)


def _parent_death_signal() -> None:
    """Ask Linux to SIGKILL this process when its parent dies; elsewhere the watchdog does it."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(OSError, AttributeError):  # no prctl in this C library: the watchdog still works
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def _watchdog(parent: int) -> None:
    """End this worker once its parent is gone.

    On POSIX an orphan is handed to another process, so its parent id changes; on Windows
    it does not, and the parent's process handle (``parent_process().is_alive()``) tells.
    """
    handle = multiprocessing.parent_process()
    while os.getppid() == parent and (handle is None or handle.is_alive()):
        time.sleep(POLL_SECONDS)
    os._exit(1)
