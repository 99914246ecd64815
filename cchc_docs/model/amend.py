"""Apply a plan's amendments (sửa đổi, bổ sung) in order, on the plain YAML tree.

Amendments work on the tree as written, before validation, so that the amended plan
is validated by exactly the same schema and rules as the original — and every value
keeps the location it was written at: a bad deadline given by an amendment is
reported at the amendment's own line, not somewhere in the original plan.

Each change addresses one item by its id (``task``, ``target``, ``section`` or
``unit``). An id that does not exist (or, for ``add``, already exists), or an item
addressed twice in one amendment, is a located problem.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from cchc_docs.errors import Problem
from cchc_docs.model.compose import path_text
from cchc_docs.model.plan import Amendment, Change, PlanFile
from cchc_docs.model.source import Path_, Source

# item kind → (path of its list in the tree, the field that identifies an item)
COLLECTIONS: dict[str, tuple[tuple, str]] = {
    "task": (("plan", "tasks"), "id"),
    "target": (("plan", "targets"), "id"),
    "section": (("plan", "sections"), "id"),
    "unit": (("units",), "code"),
}
KIND_VI = {"task": "nhiệm vụ", "target": "chỉ tiêu", "section": "mục", "unit": "đơn vị"}


@dataclass(frozen=True)
class Applied:
    """The source after one amendment, and the problems its changes had."""

    source: Source
    problems: list[Problem]


def kind_of(change: Change) -> tuple[str, str] | None:
    """(item kind, id) that a change addresses, when exactly one is given."""
    given = [(kind, getattr(change, kind)) for kind in COLLECTIONS if getattr(change, kind)]
    return given[0] if len(given) == 1 else None


def apply(source: Source, amendment: Amendment, index: int) -> Applied:
    """``source`` with amendment number ``index`` (0-based) applied."""
    tree = copy.deepcopy(source.tree)
    moves: list[tuple[Path_, Path_]] = []  # (new path, where its value was written)
    problems: list[Problem] = []
    touched: dict[tuple[str, str], int] = {}
    for j, change in enumerate(amendment.changes):
        where = ("amendments", index, "changes", j)
        problem = _apply_change(tree, change, where, touched, moves, source)
        if problem:
            problems.append(problem)
    origins = _reindexed(source.origins, source.tree, tree)
    origins.update((new, old) for new, old in moves if new[-1] != "removed")
    return Applied(Source(source.file, tree, _relocate(source, tree, moves), origins=origins), problems)


def _apply_change(tree, change: Change, where: Path_, touched: dict, moves: list, source: Source):
    if kind_of(change) is None:
        return None  # reported by the amendment rules in validate
    kind, item_id = kind_of(change)
    if (kind, item_id) in touched:
        return _problem(source, where + (kind,), f"{KIND_VI[kind]} '{item_id}' đã được thay đổi ở thay đổi "
                        f"thứ {touched[(kind, item_id)] + 1} của cùng quyết định", "mỗi mục chỉ một thay đổi")
    touched[(kind, item_id)] = where[-1]
    list_path, key = COLLECTIONS[kind]
    items = _list_at(tree, list_path)
    position = next((i for i, item in enumerate(items) if isinstance(item, dict) and item.get(key) == item_id), None)
    if change.action == "add":
        return _add(items, position, change, where, kind, item_id, key, list_path, moves, source)
    if position is None:
        return _problem(source, where + (kind,), f"không có {KIND_VI[kind]} mã '{item_id}' để "
                        f"{'sửa đổi' if change.action == 'change' else 'bãi bỏ'}",
                        f"một mã {KIND_VI[kind]} đang có trong kế hoạch (kể cả các lần sửa đổi trước)")
    if change.action == "remove":
        del items[position]
        moves.append((list_path + ("removed",), where))
        return None
    return _change(items, position, change, where, kind, key, list_path, moves, source)


def _add(items, position, change, where, kind, item_id, key, list_path, moves, source):
    if position is not None:
        return _problem(source, where + (kind,), f"{KIND_VI[kind]} mã '{item_id}' đã có, không bổ sung được",
                        "một mã mới, hoặc action: change để sửa mục đã có")
    if not change.set:
        return _problem(source, where, "bổ sung cần trường set với nội dung mục mới", "set: {…}")
    items.append({key: item_id, **{k: v for k, v in change.set.items() if k != key}})
    new = list_path + (len(items) - 1,)
    moves.append((new, where))
    moves.append((new + (key,), where + (kind,)))
    moves += [(new + (field,), where + ("set", field)) for field in change.set if field != key]
    return None


def _change(items, position, change, where, kind, key, list_path, moves, source):
    if not change.set:
        return _problem(source, where, "sửa đổi cần trường set với các trường mới", "set: {…}")
    if key in change.set and change.set[key] != items[position][key]:
        return _problem(source, where + ("set", key), f"không đổi được mã của {KIND_VI[kind]}",
                        "bãi bỏ mục cũ và bổ sung mục mới")
    items[position] = {**items[position], **change.set}
    new = list_path + (position,)
    moves += [(new + (field,), where + ("set", field)) for field in change.set]
    return None


def _list_at(tree, path: tuple) -> list:
    node = tree
    for part in path[:-1]:
        node = node.setdefault(part, {})
    return node.setdefault(path[-1], [])


def _problem(source: Source, path: Path_, message: str, expected: str) -> Problem:
    return Problem(source.where(path), path_text(path), message, expected)


# ---------------------------------------------------------------- locations


def _relocate(source: Source, tree, moves: list[tuple[Path_, Path_]]) -> dict:
    """Locations for the amended tree: each value keeps the place it was written at.

    Items of the lists the amendments can touch are re-indexed by identity (their id),
    so a removal does not shift every later item's location.
    """
    original = source.locations
    index = _index(original)
    locations = dict(original)
    for list_path, key in COLLECTIONS.values():
        _reindex_list(locations, original, index, source.tree, tree, list_path, key)
    for new, old in moves:
        if new[-1] != "removed":
            _copy_under(locations, original, index, old, new)
    return locations


def _reindex_list(locations, original, index, old_tree, new_tree, list_path, key) -> None:
    for path in index.get(list_path, ()):
        plain = path[1:] if path[:1] == ("@key",) else path
        if len(plain) > len(list_path):
            locations.pop(path, None)
    old_position = {item.get(key): i for i, item in enumerate(_plain_list(old_tree, list_path))
                    if isinstance(item, dict)}
    for i, item in enumerate(_plain_list(new_tree, list_path)):
        old = old_position.get(item.get(key)) if isinstance(item, dict) else None
        if old is not None:
            _copy_under(locations, original, index, list_path + (old,), list_path + (i,))


def _reindexed(origins: dict, old_tree, new_tree) -> dict:
    """Earlier amendments' origins, moved with their items when this one removed or added items."""
    moved = {}
    for list_path, key in COLLECTIONS.values():
        new_position = {item.get(key): i for i, item in enumerate(_plain_list(new_tree, list_path))
                        if isinstance(item, dict)}
        for i, item in enumerate(_plain_list(old_tree, list_path)):
            j = new_position.get(item.get(key)) if isinstance(item, dict) else None
            if j is not None:
                moved[list_path + (i,)] = list_path + (j,)
    result = {}
    for path, origin in origins.items():
        prefix = next((path[:k] for k in range(len(path), 0, -1) if path[:k] in moved), None)
        if prefix is not None:
            result[moved[prefix] + path[len(prefix):]] = origin
    return result


def _plain_list(tree, path: tuple) -> list:
    node = tree
    for part in path:
        if not isinstance(node, dict):
            return []
        node = node.get(part)
    return node if isinstance(node, list) else []


def _index(locations: dict) -> dict:
    """prefix → every located path under it (key positions included), for fast copying."""
    index: dict[tuple, list] = defaultdict(list)
    for path in locations:
        plain = path[1:] if path[:1] == ("@key",) else path
        for k in range(len(plain) + 1):
            index[plain[:k]].append(path)
    return index


def _copy_under(locations: dict, original: dict, index: dict, old: Path_, new: Path_) -> None:
    """Give everything written under ``old`` the same locations under ``new``."""
    for path in index.get(old, ()):
        is_key = path[:1] == ("@key",)
        plain = path[1:] if is_key else path
        target = new + plain[len(old):]
        locations[("@key",) + target if is_key else target] = original[path]


def version_at(versions: list[PlanFile], day: dt.date) -> PlanFile:
    """The plan as it stood on ``day``: amendments signed on or before it apply, in order.

    An amendment without a complete date (a draft) is not in force, and neither is
    any amendment after it.
    """
    return versions[len(in_force(versions[0], day))]


def in_force(original: PlanFile, day: dt.date) -> list[Amendment]:
    """The amendments in force on ``day``: signed on or before it, in order, up to the first draft."""
    found = []
    for amendment in original.amendments:
        signed = amendment.decision.date.as_date() if amendment.decision.date else None
        if signed is None or signed > day:
            break
        found.append(amendment)
    return found
