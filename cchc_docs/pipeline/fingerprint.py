"""What changed in a plan file, said the way a clerk reads it: ``plan.tasks[T07].deadline``.

A fingerprint flattens the plain YAML tree into leaf paths with a short hash of each
value. Records in lists are addressed by their id (``tasks[T07]``, ``units[VHXH]``),
not their position, so inserting a task does not make every later task "changed".
The build stores each plan's fingerprint in the manifest and diffs it on the next
build to say *why* a document is rebuilt, or why an issued one would have changed.
"""

from __future__ import annotations

import hashlib

ID_KEYS = ("id", "code")
SHOWN = 6  # reasons listed before "và N trường khác"


def fingerprint(tree: object) -> dict[str, str]:
    """Leaf path → short hash of its value."""
    leaves: dict[str, str] = {}
    _walk(tree, "", leaves)
    return leaves


def _walk(node: object, path: str, leaves: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _walk(value, f"{path}.{key}" if path else str(key), leaves)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            _walk(item, f"{path}[{_item_id(item, i)}]", leaves)
    else:
        # repr tells None from "None"; leaves are text or None (source.py keeps scalars as text).
        leaves[path] = hashlib.sha1(repr(node).encode()).hexdigest()[:12]


def _item_id(item: object, index: int) -> str:
    if isinstance(item, dict):
        for key in ID_KEYS:
            if isinstance(item.get(key), str):
                return item[key]
    return str(index)


def changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """The changed leaf paths; a record added or removed whole is named once.

    With nothing to compare with (a first build) there is nothing to say.
    """
    if not old:
        return []
    paths = sorted(p for p in old.keys() | new.keys() if old.get(p) != new.get(p))
    old_records, new_records = _records(old), _records(new)
    said: list[str] = []
    for path in paths:
        record = _record_prefix(path)
        if record and record not in old_records:
            entry = f"{record} (mới)"
        elif record and record not in new_records:
            entry = f"{record} (bỏ)"
        else:
            entry = path
        if entry not in said:
            said.append(entry)
    return said


def summary(paths: list[str]) -> str:
    """A short list for one line of output."""
    shown = ", ".join(paths[:SHOWN])
    return shown + (f" và {len(paths) - SHOWN} trường khác" if len(paths) > SHOWN else "")


def _record_prefix(path: str) -> str | None:
    """``plan.tasks[T07]`` for ``plan.tasks[T07].deadline``; None outside id'd records."""
    end = path.find("]")
    while end != -1:
        start = path.rfind("[", 0, end)
        if not path[start + 1:end].isdigit():
            return path[:end + 1]
        end = path.find("]", end + 1)
    return None


def _records(leaves: dict[str, str]) -> set[str]:
    return {prefix for prefix in map(_record_prefix, leaves) if prefix}
