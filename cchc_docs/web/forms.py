"""What every form page shares: reading the browser's input, rows of a table, and problems beside their fields.

Form fields are named by the field path the data format uses (``decision.signer.name``);
rows of a table carry a key of their own (``tasks[f3].deadline``: the fourth task of the
file; ``tasks[n1]``: a row added on the page), so rows can be moved and removed on the
page and still be matched with the entries of the file when it is saved. A problem of
the validator names a path (``plan.tasks[3].deadline``); it is shown beside the field
of that path, or of its nearest ancestor on the page, with the very message the command
line prints.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace

from cchc_docs.errors import Problem

_TOKEN = re.compile(r"\.?([^.\[\]]+)|\[([^\]]+)\]")


class Key(str):
    """A row named by its key rather than its position: ``tasks[T04]`` on the status page."""


def clean(value: object) -> str:
    """What the browser sent, in NFC with Windows line ends made plain."""
    text = value if isinstance(value, str) else ""
    return unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")


def one_line(value: object) -> str | None:
    """A single-line value: spaces at the ends and line breaks dropped; empty is None."""
    text = " ".join(clean(value).split("\n")).strip()
    return text or None


def lines(value: object) -> list[str]:
    """A list typed one item per line (căn cứ, nơi nhận …): blank lines dropped."""
    return [line.strip() for line in clean(value).split("\n") if line.strip()]


def parse_path(text: str) -> tuple:
    """``plan.tasks[3].deadline`` → ``("plan", "tasks", 3, "deadline")``."""
    head = text.split(" ", 1)[0]  # an amended value adds " (trường … của kế hoạch sau sửa đổi)"
    return tuple(name if not index else int(index) if index.isdigit() else Key(index)
                 for name, index in _TOKEN.findall(head))


def path_name(path: tuple) -> str:
    """The inverse of :func:`parse_path`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, (int, Key)) else (f".{part}" if text else str(part))
    return text


def message(problem: Problem) -> str:
    """The problem as the command line says it, without its file position and field path."""
    return str(replace(problem, location=None, path=""))


@dataclass
class Problems:
    """Problems sorted to the fields of a page; the rest are shown at the top."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    general: list[str] = field(default_factory=list)
    count: int = 0

    @classmethod
    def place(cls, problems: list[Problem], known: set[str]) -> Problems:
        placed = cls(count=len(problems))
        for problem in problems:
            name = nearest(parse_path(problem.path), known) if problem.path else None
            if name is None:
                placed.general.append(str(replace(problem, location=None)))
            else:
                placed.fields.setdefault(name, []).append(message(problem))
        return placed

    def of(self, name: str) -> list[str]:
        return self.fields.get(name, [])

    def under(self, prefix: str) -> int:
        """How many problems lie in a part of the page (a fieldset's badge)."""
        return sum(len(v) for k, v in self.fields.items() if k == prefix or k.startswith((prefix + ".", prefix + "[")))


def nearest(path: tuple, known: set[str]) -> str | None:
    """The field of ``path`` on the page, or of its nearest ancestor that is on the page."""
    for end in range(len(path), 0, -1):
        name = path_name(path[:end])
        if name in known:
            return name
    return None


# ---------------------------------------------------------------- rows


@dataclass
class Row:
    """One row of an editable table: its key and its values as typed (lists for multiple choices)."""

    key: str
    values: dict[str, str] = field(default_factory=dict)
    lists: dict[str, list[str]] = field(default_factory=dict)

    @property
    def new(self) -> bool:
        return self.key.startswith("n")

    @property
    def origin(self) -> int | None:
        """The index of the entry in the file this row shows, or None for a row added on the page."""
        return int(self.key[1:]) if self.key.startswith("f") else None


def read_rows(form, table: str, scalars: tuple[str, ...], multiples: tuple[str, ...] = ()) -> list[Row]:
    """The rows of ``table`` in the order the page shows them (hidden ``<table>.key`` inputs)."""
    rows = []
    for key in form.getlist(f"{table}.key"):
        if not re.fullmatch(r"[fn][0-9]{1,6}", key):
            continue
        values = {name: clean(form.get(f"{table}[{key}].{name}")) for name in scalars}
        lists = {name: [clean(v) for v in form.getlist(f"{table}[{key}].{name}")] for name in multiples}
        rows.append(Row(key, values, lists))
    return rows


def row_operation(rows: list[Row], op: str, table: str, blank) -> bool:
    """Apply a button's operation (``tasks-up:f3``, ``tasks-add``) to ``rows``; whether it was one."""
    verb, _, key = op.partition(":")
    if verb == f"{table}-add":
        rows.append(blank(rows, _new_key(rows)))
        return True
    position = next((i for i, row in enumerate(rows) if row.key == key), None)
    if position is None or not verb.startswith(f"{table}-"):
        return False
    action = verb.removeprefix(f"{table}-")
    if action == "remove":
        del rows[position]
    elif action == "up" and position > 0:
        rows[position - 1], rows[position] = rows[position], rows[position - 1]
    elif action == "down" and position + 1 < len(rows):
        rows[position + 1], rows[position] = rows[position], rows[position + 1]
    return action in ("remove", "up", "down")


def _new_key(rows: list[Row]) -> str:
    taken = [int(row.key[1:]) for row in rows if row.new]
    return f"n{max(taken, default=0) + 1}"


def next_id(ids: list[str], prefix: str) -> str:
    """The id after the highest of ``ids`` in their own style (``T42`` → ``T43``), for a new row."""
    numbered = [(m[1], m[2]) for i in ids if (m := re.fullmatch(r"([A-Za-z_-]*)([0-9]+)", i or ""))]
    if not numbered:
        return f"{prefix}01"
    head, digits = max(numbered, key=lambda pair: int(pair[1]))
    return f"{head}{int(digits) + 1:0{len(digits)}d}"
