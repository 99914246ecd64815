"""Progress of a batch build: a bar with counts and ETA on a terminal, plain lines elsewhere.

A log file or CI output gets one line per plan (no carriage returns to garble it);
a terminal gets one line redrawn in place. Time comes from a clock passed in, so the
display is testable.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from typing import TextIO

WIDTH = 24
# A line that already starts with a file's location: ``x.yaml:14:9: …``, ``out/a/b.docx: …``.
LOCATED = re.compile(r"\S+\.(?:ya?ml|docx|pdf)(?::\d+)*: ")


def located(subject: str, text: str) -> str:
    """``text`` with ``subject: `` before each line that does not start with a file of its own.

    Problems go to stderr, which may be kept apart from stdout (``2>log``): there a
    line must say by itself which plan or document it is about.
    """
    return "\n".join(line if LOCATED.match(line) else f"{subject}: {line}" for line in text.splitlines())


class Progress:
    """Counts finished plans out of ``total`` and shows how long is left."""

    def __init__(self, total: int, stream: TextIO, tty: bool, clock: Callable[[], float] = time.monotonic,
                 out: TextIO | None = None):
        self.total = total
        self.stream = stream  # the bar and problems
        self.out = out or stream  # ordinary lines, when not on a terminal
        self.tty = tty
        self.clock = clock
        self.started = clock()
        self.done = 0

    def advance(self, line: str, quiet: bool = False) -> None:
        """One plan finished; ``line`` says what happened to it (not printed when ``quiet``)."""
        self.done += 1
        if self.tty:
            self.stream.write(f"\r{self.bar()}\033[K")
        elif self.total > 1 and not quiet:  # one plan needs no count
            self.stream.write(f"[{self.done}/{self.total}] {line}\n")
        self.stream.flush()

    def message(self, text: str, problem: bool = False) -> None:
        """A line that stays visible, above the bar; problems go to the error stream."""
        if self.tty:
            self.stream.write(f"\r\033[K{text}\n")
            if self.done:
                self.stream.write(f"\r{self.bar()}\033[K")
            self.stream.flush()
            return
        stream = self.stream if problem else self.out
        stream.write(f"{text}\n")
        stream.flush()

    def finish(self) -> None:
        if self.tty and self.total:
            self.stream.write("\n")
            self.stream.flush()

    def bar(self) -> str:
        share = self.done / self.total if self.total else 1.0
        filled = round(share * WIDTH)
        return f"[{'#' * filled}{'.' * (WIDTH - filled)}] {self.done}/{self.total} kế hoạch · {self.eta()}"

    def eta(self) -> str:
        """Time left, from the average time per finished plan."""
        if not self.done or self.done >= self.total:
            return "xong" if self.done >= self.total else "đang ước tính"
        left = (self.clock() - self.started) / self.done * (self.total - self.done)
        minutes, seconds = divmod(round(left), 60)
        return f"còn khoảng {minutes:02d}:{seconds:02d}"
