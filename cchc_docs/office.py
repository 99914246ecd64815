"""Headless LibreOffice kept running for a whole batch: DOCX bytes in, PDF bytes out.

Why our own driver of ``soffice --convert-to`` rather than unoserver or a UNO bridge
(measured on the sample decision, 14 pages, see bench/README.md): one ``soffice`` call
converting a list of files costs the same per document as a live UNO connection
(≈0.19 s once started); both pay ≈0.9 s to start. But UNO needs a Python that can
``import uno``, and ours cannot (it is python3-uno of the system Python, a package
LibreOffice only *recommends*); unoserver would need it on the server side too. The
batch call needs nothing but ``soffice``, and the lines it prints ("convert A -> B",
"Error: source file could not be loaded") say which document is in hand, which is
all a per-document timeout and a restart need.

Safety, because LibreOffice fails silently when two processes share a profile:
every instance gets a private profile, work folder and TMPDIR in a fresh temporary
folder, and its own process group, which is killed when the run ends, however it ends.
After a crash or a hang the profile is thrown away, the documents that may be to
blame are retried alone, and a document that breaks LibreOffice twice is reported.
"""

from __future__ import annotations

import math
import os
import queue
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .errors import ToolMissingError

INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"
MISSING_MESSAGE = (
    "Không tìm thấy LibreOffice (lệnh soffice) để chuyển sang PDF; "
    f"cài bằng: {INSTALL_HINT}"
)
# Places LibreOffice is installed when it is not on PATH (Linux tarball, macOS).
KNOWN_PATHS = (
    "/usr/lib/libreoffice/program/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)
# Read inputs as Word 2007+ only: without it LibreOffice happily "converts" any text file.
DOCX_FILTER = "MS Word 2007 XML"
PDF_FILTER = "pdf:writer_pdf_Export"
# Lines LibreOffice prints as it moves from one document to the next.
PROGRESS_PREFIXES = ("convert ", "Error: source file could not be loaded")
MAX_ABNORMAL = 2  # a document in hand at this many crashes or hangs is reported
# 0, or 1 when a document failed (newer LibreOffice); a crash gives 128 + signal or −signal.
NORMAL_EXIT = (0, 1)


@dataclass(frozen=True)
class Settings:
    """How a batch runs."""

    jobs: int = 1  # LibreOffice instances converting side by side
    timeout: float = 60.0  # seconds one document may take
    startup_timeout: float = 60.0  # extra seconds for an instance to start
    max_docs: int = 40  # an instance is restarted after this many documents (memory, leaks)


@dataclass(frozen=True)
class Failure:
    """A document LibreOffice could not convert; ``message`` is Vietnamese."""

    message: str


@dataclass(frozen=True)
class Progress:
    """LibreOffice took document ``index`` in hand (told to ``on_progress`` callbacks)."""

    index: int
    pid: int  # the launcher; its process group holds the whole instance


Result = bytes | Failure


def find_soffice(explicit: str | os.PathLike | None = None) -> Path:
    """The LibreOffice executable: ``explicit``, $CCHC_SOFFICE, PATH, or a known folder."""
    for candidate in (explicit, os.environ.get("CCHC_SOFFICE")):
        if candidate:
            found = shutil.which(str(candidate))
            if found:
                return Path(found)
            raise ToolMissingError(MISSING_MESSAGE)
    for name in ("soffice", "libreoffice", *KNOWN_PATHS):
        found = shutil.which(name)
        if found:
            return Path(found)
    raise ToolMissingError(MISSING_MESSAGE)


class Office:
    """A pool of ``settings.jobs`` LibreOffice instances for one or more batches."""

    def __init__(self, settings: Settings = Settings(), soffice: str | os.PathLike | None = None,
                 on_progress: Callable[[Progress], None] | None = None):
        self.settings = settings
        self.soffice = find_soffice(soffice)
        self.on_progress = on_progress
        self.starts = 0  # LibreOffice processes started, for tests and the bench
        self.abnormal_ends = 0  # crashes and hangs survived
        self._count_lock = threading.Lock()

    def convert(self, documents: Sequence[bytes], suffix: str = ".docx") -> list[Result]:
        """Convert every document; the result at ``i`` is PDF bytes or a Failure."""
        if not documents:
            return []
        batch = _Batch(len(documents), self.settings)
        root = Path(tempfile.mkdtemp(prefix="cchc-office-"))
        try:
            workers = min(self.settings.jobs, len(documents))
            with ThreadPoolExecutor(max_workers=workers) as pool:
                runs = [pool.submit(self._work, batch, _Instance(self, root, slot), documents, suffix)
                        for slot in range(workers)]
                try:
                    for run in as_completed(runs):
                        run.result()  # the first worker to fail stops the others
                except BaseException:
                    # Ctrl-C does not reach LibreOffice (its own session): stop it here.
                    batch.cancel()
                    raise
        finally:
            shutil.rmtree(root, ignore_errors=True)
        return [batch.results[i] for i in range(len(documents))]

    def _work(self, batch: _Batch, instance: _Instance, documents: Sequence[bytes], suffix: str) -> None:
        """One worker: take chunks until the batch is done."""
        while (chunk := batch.take()) is not None:
            try:
                run = instance.run(batch, chunk, documents, suffix)
            except BaseException:
                batch.abandon(chunk)
                raise
            if run.abnormal:
                with self._count_lock:
                    self.abnormal_ends += 1
            batch.settle(chunk, run)


@dataclass(frozen=True)
class _Run:
    """What one LibreOffice process did with a chunk."""

    outputs: dict[int, bytes]  # position in chunk → PDF bytes, for documents known finished
    finished: int  # positions below this are finished, converted or not
    abnormal: bool  # crashed, hung, or stopped early
    reason: str = ""


class _Batch:
    """The shared state of one convert() call: what is pending, in flight and known."""

    def __init__(self, count: int, settings: Settings):
        self.settings = settings
        self.pending: deque[int] = deque(range(count))
        self.results: dict[int, Result] = {}
        self.suspicion: Counter[int] = Counter()  # abnormal ends each document was in hand at
        self.in_flight = 0
        self.cond = threading.Condition()
        self.cancelled = False
        self.running: set[subprocess.Popen] = set()  # killed on cancel
        # Even shares for the instances, each restarted after max_docs documents.
        self.chunk_size = max(1, min(settings.max_docs, math.ceil(count / settings.jobs)))

    def take(self) -> list[int] | None:
        """The next chunk to convert, or None when the batch is done."""
        with self.cond:
            while not self.pending and self.in_flight and not self.cancelled:
                self.cond.wait()
            if not self.pending or self.cancelled:
                return None
            chunk = self._next_chunk()
            self.in_flight += 1
            return chunk

    def _next_chunk(self) -> list[int]:
        """A suspect document runs alone, so that the next crash or hang is its own."""
        if self.suspicion[self.pending[0]]:
            return [self.pending.popleft()]
        chunk = []
        while self.pending and len(chunk) < self.chunk_size and not self.suspicion[self.pending[0]]:
            chunk.append(self.pending.popleft())
        return chunk

    def settle(self, chunk: list[int], run: _Run) -> None:
        """Record the run: finished documents get a result, the rest go back in front."""
        with self.cond:
            for position, index in enumerate(chunk[:run.finished]):
                self.results[index] = run.outputs.get(position) or _not_converted()
            rest = chunk[run.finished:]
            if run.abnormal:
                # LibreOffice may be storing rest[0] or loading rest[1]: either may be to blame.
                for index in rest[:2]:
                    self.suspicion[index] += 1
                rest = self._drop_culprits(rest, run.reason)
            self.pending.extendleft(reversed(rest))
            self.in_flight -= 1
            self.cond.notify_all()

    def _drop_culprits(self, rest: list[int], reason: str) -> list[int]:
        """Documents in hand at MAX_ABNORMAL crashes or hangs fail; the others are retried."""
        retry = []
        for index in rest:
            if self.suspicion[index] >= MAX_ABNORMAL:
                self.results[index] = Failure(f"LibreOffice {reason} khi chuyển tệp này ({MAX_ABNORMAL} lần)")
            else:
                retry.append(index)
        return retry

    def cancel(self) -> None:
        """Stop handing out work and kill the LibreOffice processes running now."""
        with self.cond:
            self.cancelled = True
            for process in self.running:
                _kill_group(process, reap=False)
            self.cond.notify_all()

    def started(self, process: subprocess.Popen) -> None:
        """Register a running process (killed at once if the batch was cancelled meanwhile)."""
        with self.cond:
            self.running.add(process)
            if self.cancelled:
                _kill_group(process, reap=False)

    def stopped(self, process: subprocess.Popen) -> None:
        with self.cond:
            self.running.discard(process)

    def abandon(self, chunk: list[int]) -> None:
        """A worker died of a bug: let the others stop instead of waiting for it."""
        with self.cond:
            for index in chunk:
                self.results.setdefault(index, Failure("lỗi nội bộ khi điều khiển LibreOffice"))
            self.in_flight -= 1
            self.cond.notify_all()


def _not_converted() -> Failure:
    return Failure("LibreOffice không mở hoặc không chuyển được tệp (tệp DOCX hỏng?)")


class _Instance:
    """One slot of the pool: a private profile and work folder, one process at a time."""

    def __init__(self, office: Office, root: Path, slot: int):
        self.office = office
        self.settings = office.settings
        self.profile = root / f"profile-{slot}"
        self.work = root / f"work-{slot}"

    def run(self, batch: _Batch, chunk: list[int], documents: Sequence[bytes], suffix: str) -> _Run:
        """Convert ``chunk`` in one LibreOffice process, watching it document by document."""
        inputs, out_dir = self._prepare(chunk, documents, suffix)
        process = self._start(inputs, out_dir)
        try:
            batch.started(process)
            finished_lines, reason = self._watch(process, chunk)
        finally:
            _kill_group(process)
            batch.stopped(process)
        complete = not reason and process.returncode in NORMAL_EXIT and finished_lines == len(chunk)
        if not complete:
            reason = reason or "dừng bất thường"
            shutil.rmtree(self.profile, ignore_errors=True)  # a killed profile may be half written
        finished = len(chunk) if complete else max(finished_lines - 1, 0)
        outputs = {p: data for p in range(finished) if (data := _read_pdf(out_dir / f"{chunk[p]:05d}.pdf"))}
        return _Run(outputs, finished, not complete, reason)

    def _prepare(self, chunk: list[int], documents: Sequence[bytes], suffix: str) -> tuple[list[Path], Path]:
        """A clean work folder holding this chunk's inputs under names of our own."""
        shutil.rmtree(self.work, ignore_errors=True)
        in_dir, out_dir = self.work / "in", self.work / "out"
        for folder in (in_dir, out_dir, self.work / "tmp"):
            folder.mkdir(parents=True)
        inputs = []
        for index in chunk:
            path = in_dir / f"{index:05d}{suffix}"
            path.write_bytes(documents[index])
            inputs.append(path)
        return inputs, out_dir

    def _start(self, inputs: list[Path], out_dir: Path) -> subprocess.Popen:
        """Launch LibreOffice in its own session so that the whole instance can be killed."""
        args = [
            str(self.office.soffice), f"-env:UserInstallation={self.profile.as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
            f"--infilter={DOCX_FILTER}", "--convert-to", PDF_FILTER, "--outdir", str(out_dir),
            *map(str, inputs),
        ]
        env = {**os.environ, "TMPDIR": str(self.work / "tmp")}
        with self.office._count_lock:
            self.office.starts += 1
        try:
            return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, env=env, start_new_session=True)
        except OSError as e:
            raise ToolMissingError(f"Không chạy được LibreOffice {self.office.soffice} ({e.strerror}); "
                                   f"cài lại bằng: {INSTALL_HINT}") from e

    def _watch(self, process: subprocess.Popen, chunk: list[int]) -> tuple[int, str]:
        """Count progress lines until LibreOffice exits; a silent document is a hang."""
        lines = _line_reader(process)
        seen = 0
        deadline = time.monotonic() + self.settings.startup_timeout + self.settings.timeout
        while True:
            try:
                line = lines.get(timeout=max(deadline - time.monotonic(), 0))
            except queue.Empty:
                return seen, f"treo quá {self.settings.timeout:g} giây"
            if line is None:
                process.wait()
                return seen, ""
            if line.startswith(PROGRESS_PREFIXES):
                seen += 1
                deadline = time.monotonic() + self.settings.timeout
                if self.office.on_progress and seen <= len(chunk):
                    self.office.on_progress(Progress(chunk[seen - 1], process.pid))


def _line_reader(process: subprocess.Popen) -> queue.Queue:
    """Lines of the process output in a queue (None at the end), so reads can time out."""
    lines: queue.Queue = queue.Queue()

    def pump() -> None:
        # This thread alone reads and closes the pipe: EOF comes once the group is dead.
        with process.stdout as stream:
            for raw in stream:
                lines.put(raw.decode("utf-8", "replace").rstrip("\n"))
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _kill_group(process: subprocess.Popen, reap: bool = True) -> None:
    """Kill the instance's process group (the launcher and soffice.bin), and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if reap:
        process.wait()


def _read_pdf(path: Path) -> bytes | None:
    """The bytes of a complete PDF, or None (missing, or cut short by a crash)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]:
        return data
    return None
