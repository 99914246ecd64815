"""Write the collected status back as YAML, keeping what only people wrote, and know when a person edited it.

``collect`` owns two blocks of a status file, ``tasks`` and ``indicators``; the rest
(the report's number and date, Kính gửi, the narrative, comments) belongs to people.
In an existing file only those two blocks are replaced, line for line, so the rest
stays byte for byte. The file's first line carries the sha256 of what ``collect`` wrote;
a file without it, or whose text no longer matches it, has been edited by hand and is
only rewritten with ``--force`` (:func:`hand_edited`). Every string is written in double
quotes (JSON's escapes are YAML's), so what a clerk typed can never turn into YAML syntax.
"""

from __future__ import annotations

import hashlib
import json
import re

from cchc_docs.model.source import Source

STAMP = "# cchc-docs collect sha256:"
OWNED = ("tasks", "indicators")
_STAMP_LINE = re.compile(re.escape(STAMP) + r"([0-9a-f]{64})\n")
_TOP_KEY = re.compile(r"^[^\s#-][^:]*:")
TASK_FIELDS = ("id", "status", "completed", "result", "evidence")
LAYOUT_ONLY = "số liệu không đổi; chỉ đổi cách ghi (chú thích, dấu nháy, thứ tự) trong khối tasks, indicators"


def hand_edited(text: str) -> bool:
    """Whether a status file was written (or changed since) by someone other than ``collect``."""
    match = _STAMP_LINE.match(text)
    return match is None or match[1] != _digest(text[match.end():])


def body(text: str) -> str:
    """The text without the stamp line: what people and ``collect`` wrote."""
    return _STAMP_LINE.sub("", text, count=1) if _STAMP_LINE.match(text) else text


def stamped(body: str) -> str:
    return f"{STAMP}{_digest(body)}\n{body}"


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def new_file(tree: dict, notes: dict[str, list[str]], heading: list[str]) -> str:
    """A whole status file: a comment heading, then period, report, tasks, indicators."""
    lines = [f"# {line}" for line in heading] + [""]
    lines += [f"period: {_quote(tree['period'])}", "", *_emit("report", tree["report"], 0), ""]
    lines += _blocks(tree, notes)
    return stamped("\n".join(lines).rstrip("\n") + "\n")


def updated_file(existing: Source, text: str, tree: dict, notes: dict[str, list[str]]) -> str:
    """The existing text with its ``tasks`` and ``indicators`` blocks replaced (or added before the narrative)."""
    shift = 1 if _STAMP_LINE.match(text) else 0
    lines = body(text).splitlines()
    spans = _spans(existing, lines, shift)
    new = {key: _block(key, tree, notes) for key in OWNED if tree.get(key)}
    for key in sorted(spans, key=lambda k: -spans[k][0]):  # from the bottom, so earlier spans stay put
        start, end = spans[key]
        lines[start:end] = new.pop(key, [])
    if new:
        at = spans_start(existing, lines, "narrative", shift)
        added = [line for key in OWNED if key in new for line in new[key] + [""]]
        lines[at:at] = added
    return stamped("\n".join(lines).rstrip("\n") + "\n")


def _blocks(tree: dict, notes: dict) -> list[str]:
    lines = []
    for key in OWNED:
        if tree.get(key):
            lines += _block(key, tree, notes) + [""]
    return lines


def _block(key: str, tree: dict, notes: dict) -> list[str]:
    if key == "tasks":
        return ["tasks:"] + [line for entry in tree["tasks"] for line in _task(entry, notes.get(entry["id"], []))]
    return _emit("indicators", tree["indicators"], 0)


def _task(entry: dict, notes: list[str]) -> list[str]:
    fields = [k for k in TASK_FIELDS if k in entry] + [k for k in entry if k not in TASK_FIELDS]
    lines = []
    for i, key in enumerate(fields):
        emitted = _emit(key, entry[key], 4)
        emitted[0] = ("  - " if i == 0 else "    ") + emitted[0].lstrip()
        lines += emitted
    return lines + [f"    # ghi chú {' '.join(note.split())}" for note in notes]


def _emit(key: str, value, indent: int) -> list[str]:
    """A plain tree (dicts, lists, strings) as block YAML, every string quoted."""
    pad = " " * indent
    if isinstance(value, dict):
        if not value:
            return [f"{pad}{key}: {{}}"]
        return [f"{pad}{key}:"] + [line for k, v in value.items() for line in _emit(k, v, indent + 2)]
    if isinstance(value, list):
        if all(isinstance(v, str) for v in value):
            return [f"{pad}{key}: [{', '.join(_quote(v) for v in value)}]"]
        lines = [f"{pad}{key}:"]
        for item in value:
            inner = _emit("_", item, indent + 4)
            first = inner[0].lstrip()
            lines += [f"{pad}  - {first[len('_: '):] if first.startswith('_: ') else first}"] + inner[1:]
        return lines
    return [f"{pad}{key}: {'null' if value is None else _quote(value)}"]


def _quote(value) -> str:
    return json.dumps(str(value), ensure_ascii=False)


def _spans(existing: Source, lines: list[str], shift: int) -> dict[str, tuple[int, int]]:
    """0-based [start, end) line spans of the owned top-level blocks in ``lines``."""
    keys = list(existing.tree) if isinstance(existing.tree, dict) else []
    starts = sorted((existing.locations[("@key", k)].line - 1 - shift, k) for k in keys)
    spans = {}
    for n, (start, key) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(lines)
        while end - 1 > start and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1  # blank lines and column-0 comments before the next key belong to it
        if key in OWNED:
            spans[key] = (start, end)
    return spans


def spans_start(existing: Source, lines: list[str], key: str, shift: int) -> int:
    """Where a new block goes: before ``key`` (and its heading comments), else at the end."""
    where = existing.locations.get(("@key", key))
    if where is None:
        return len(lines)
    at = where.line - 1 - shift
    while at > 0 and lines[at - 1].startswith("#"):
        at -= 1
    return at


def changes(old: dict, new: dict) -> list[str]:
    """What ``collect`` would change, field by field: ``tasks[T07].status: 'đang thực hiện' → 'hoàn thành'``."""
    found = []
    before = {e.get("id"): e for e in old.get("tasks") or [] if isinstance(e, dict)}
    after = {e["id"]: e for e in new.get("tasks") or []}
    for task in list(dict.fromkeys([*before, *after])):
        a, b = before.get(task) or {}, after.get(task) or {}
        for key in dict.fromkeys([*a, *b]):
            if a.get(key) != b.get(key):
                found.append(f"tasks[{task}].{key}: {_shown(a.get(key))} → {_shown(b.get(key))}")
    found += _leaf_changes("indicators", old.get("indicators") or {}, new.get("indicators") or {})
    return found


def _leaf_changes(path: str, a, b) -> list[str]:
    if isinstance(a, dict) or isinstance(b, dict):
        a, b = a if isinstance(a, dict) else {}, b if isinstance(b, dict) else {}
        return [line for k in dict.fromkeys([*a, *b]) for line in _leaf_changes(f"{path}.{k}", a.get(k), b.get(k))]
    return [] if a == b else [f"{path}: {_shown(a)} → {_shown(b)}"]


def _shown(value) -> str:
    if value is None:
        return "(không có)"
    if isinstance(value, list):
        return "[" + "; ".join(str(v) for v in value) + "]"
    return f"'{value}'"
