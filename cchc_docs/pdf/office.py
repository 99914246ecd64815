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
folder, and its own process group (on Windows, its process tree, ended by ``taskkill``),
which is killed when the run ends, however it ends. After a crash or a hang the profile
is thrown away, the documents that may be to blame are retried alone, and a document
that breaks LibreOffice twice is reported.

LibreOffice is looked for by :func:`locate_soffice`, a pure function of the platform and
environment, so that Windows and macOS install folders are tested on any machine.
"""

from __future__ import annotations

import contextlib
import math
import ntpath
import os
import posixpath
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from cchc_docs.errors import ToolMissingError

INSTALL_HINT = "apt-get install libreoffice-writer-nogui fonts-liberation2"
DOWNLOAD_URL = "https://www.libreoffice.org/download/"
ENV_VARIABLE = "CCHC_SOFFICE"
# Where LibreOffice's installers put it when it is not on PATH. Windows folders come
# from the environment (ProgramFiles … may sit on another drive, or be localised).
WINDOWS_FOLDERS = (  # (environment variable, folder under it)
    ("ProgramFiles", "LibreOffice"),
    ("ProgramW6432", "LibreOffice"),  # 64-bit Program Files, seen from a 32-bit Python
    ("ProgramFiles(x86)", "LibreOffice"),
    ("LOCALAPPDATA", "Programs\\LibreOffice"),  # "install for me only"
)
MACOS_PATHS = ("/Applications/LibreOffice.app/Contents/MacOS/soffice",)
MACOS_HOME_PATH = "Applications/LibreOffice.app/Contents/MacOS/soffice"  # under $HOME
LINUX_PATHS = ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice")
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
    """The LibreOffice executable on this machine (see :func:`locate_soffice` for the order)."""
    return Path(locate_soffice(explicit, sys.platform, os.environ, _is_program, shutil.which))


def locate_soffice(explicit: str | os.PathLike | None, platform: str, environ: Mapping[str, str],
                   is_file: Callable[[str], bool], which: Callable[[str], str | None]) -> str:
    """Where LibreOffice is, from explicit inputs only (so each platform is testable anywhere).

    In order: ``explicit`` (``pdf.Options.soffice``), then $CCHC_SOFFICE (either may be a program
    name, the program's path or the LibreOffice folder; when given it must be found,
    nothing else is tried), then ``soffice`` / ``libreoffice`` (``soffice.exe`` first on
    Windows) on PATH, then the folders the installers use on ``platform`` (a
    ``sys.platform`` value). Raises ToolMissingError saying what to install there.
    """
    given = [(explicit, None), (_env(environ, ENV_VARIABLE, platform), ENV_VARIABLE)]
    for value, source in given:
        if value:
            found = _given(str(value), platform, is_file, which)
            if found:
                return found
            raise ToolMissingError(missing_message(platform, environ, f"{value} ({source})" if source else str(value)))
    for name in _path_names(platform):
        found = which(name)
        if found:
            return found
    for path in install_paths(platform, environ):
        if is_file(path):
            return path
    raise ToolMissingError(missing_message(platform, environ))


def install_paths(platform: str, environ: Mapping[str, str]) -> list[str]:
    """The usual install locations of the LibreOffice program on ``platform``, in order."""
    if platform == "win32":
        paths = []
        for variable, folder in WINDOWS_FOLDERS:
            base = _env(environ, variable, platform)
            if base:
                path = ntpath.join(base, folder, "program", "soffice.exe")
                if path not in paths:
                    paths.append(path)
        return paths
    if platform == "darwin":
        home = environ.get("HOME")
        return [*MACOS_PATHS, *([posixpath.join(home, MACOS_HOME_PATH)] if home else [])]
    return list(LINUX_PATHS)


def missing_message(platform: str, environ: Mapping[str, str], tried: str | None = None) -> str:
    """One Vietnamese line: LibreOffice is missing (or not at ``tried``), and how to install it here."""
    where = f"tại {tried}" if tried else "(lệnh soffice)"
    return f"Không tìm thấy LibreOffice {where} để chuyển sang PDF; {install_hint(platform, environ)}"


def install_hint(platform: str, environ: Mapping[str, str]) -> str:
    """How to install LibreOffice on ``platform``, in Vietnamese (Linux: the apt-get line last)."""
    if platform == "win32":
        paths = install_paths(platform, environ)
        folder = ntpath.dirname(ntpath.dirname(paths[0])) if paths else "Program Files\\LibreOffice"
        return (f"tải bộ cài LibreOffice cho Windows tại {DOWNLOAD_URL}, cài vào thư mục mặc định ({folder}) "
                f"rồi mở lại PowerShell; hoặc đặt biến môi trường {ENV_VARIABLE} là đường dẫn tới soffice.exe")
    if platform == "darwin":
        return (f"tải LibreOffice cho macOS tại {DOWNLOAD_URL} và kéo vào thư mục Applications "
                "(hoặc: brew install --cask libreoffice)")
    return f"cài bằng: {INSTALL_HINT}"


def _given(value: str, platform: str, is_file: Callable[[str], bool], which: Callable[[str], str | None]) -> str | None:
    """A program named or pointed at by the user; a LibreOffice folder is looked into."""
    found = which(value)
    if found:
        return found
    join = ntpath.join if platform == "win32" else posixpath.join
    program = "soffice.exe" if platform == "win32" else "soffice"
    inside = [join(value, "program", program), join(value, program)]
    if platform == "darwin":
        inside.append(join(value, "Contents", "MacOS", "soffice"))
    return next((path for path in (value, *inside) if is_file(path)), None)


def _path_names(platform: str) -> tuple[str, ...]:
    return ("soffice.exe", "soffice", "libreoffice") if platform == "win32" else ("soffice", "libreoffice")


def _env(environ: Mapping[str, str], name: str, platform: str) -> str | None:
    """An environment variable; Windows spells names in any case (ProgramFiles, PROGRAMFILES)."""
    if name in environ or platform != "win32":
        return environ.get(name)
    folded = name.casefold()
    return next((value for key, value in environ.items() if key.casefold() == folded), None)


def _is_program(path: str) -> bool:
    return os.path.isfile(path) and (os.name == "nt" or os.access(path, os.X_OK))


class Office:
    """A pool of ``settings.jobs`` LibreOffice instances for one or more batches."""

    def __init__(self, settings: Settings = Settings(), soffice: str | os.PathLike | None = None,
                 on_progress: Callable[[Progress], None] | None = None,
                 on_done: Callable[[int, bytes], None] | None = None):
        self.settings = settings
        self.soffice = find_soffice(soffice)
        self.on_progress = on_progress
        self.on_done = on_done  # (index, PDF bytes) as soon as a document is known finished
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
        done = _Done(self.office.on_done, chunk, out_dir)
        try:
            batch.started(process)
            finished_lines, reason = self._watch(process, chunk, done)
        finally:
            _kill_group(process)
            batch.stopped(process)
        complete = not reason and process.returncode in NORMAL_EXIT and finished_lines == len(chunk)
        if not complete:
            reason = reason or "dừng bất thường"
            shutil.rmtree(self.profile, ignore_errors=True)  # a killed profile may be half written
        finished = len(chunk) if complete else max(finished_lines - 1, 0)
        done.upto(finished)
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
        scratch = str(self.work / "tmp")
        env = {**os.environ, "TMPDIR": scratch, "TMP": scratch, "TEMP": scratch}  # TMP, TEMP: Windows
        with self.office._count_lock:
            self.office.starts += 1
        try:
            return subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, env=env, start_new_session=True,
                                    creationflags=_NEW_GROUP)
        except OSError as e:
            raise ToolMissingError(f"Không chạy được LibreOffice {self.office.soffice} ({e.strerror}); "
                                   f"cài lại LibreOffice: {install_hint(sys.platform, os.environ)}") from e

    def _watch(self, process: subprocess.Popen, chunk: list[int], done: _Done) -> tuple[int, str]:
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
                done.upto(seen - 1)  # the next document in hand: the ones before it are stored


class _Done:
    """Tells ``on_done`` of each finished document of a chunk once, while the rest converts."""

    def __init__(self, on_done: Callable[[int, bytes], None] | None, chunk: list[int], out_dir: Path):
        self.on_done, self.chunk, self.out_dir, self.told = on_done, chunk, out_dir, 0

    def upto(self, finished: int) -> None:
        """Positions below ``finished`` are finished: tell those with a complete PDF."""
        while self.on_done is not None and self.told < min(finished, len(self.chunk)):
            index = self.chunk[self.told]
            self.told += 1
            if data := _read_pdf(self.out_dir / f"{index:05d}.pdf"):
                self.on_done(index, data)


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
    if os.name == "nt":
        _kill_tree(process)
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    if reap:
        process.wait()


# Windows has no process groups to signal: the instance is the launcher's process tree.
_NEW_GROUP = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0) | getattr(subprocess, "CREATE_NO_WINDOW", 0)


def kill_tree_command(pid: int) -> list[str]:
    """The Windows command that ends process ``pid`` and every process it started."""
    return ["taskkill", "/F", "/T", "/PID", str(pid)]


def _kill_tree(process: subprocess.Popen) -> None:
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(kill_tree_command(process.pid), capture_output=True, timeout=30, check=False)
    with contextlib.suppress(OSError):
        process.kill()  # the launcher at least, should taskkill be missing


def _read_pdf(path: Path) -> bytes | None:
    """The bytes of a complete PDF, or None (missing, or cut short by a crash)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]:
        return data
    return None
