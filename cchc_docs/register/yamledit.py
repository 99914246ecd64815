"""Set a few scalar fields of a YAML file in place, keeping every other byte: comments, order, quotes.

The project's YAML loader (:mod:`cchc_docs.model.source`) keeps the line and column of
every key and value. An edit replaces only the text after ``number:`` (or inserts one
line before the first key of the mapping, or removes the line it inserted), so a plan
file read by a person, with its comments, keeps its look after `cchc-docs issue`. Each
edit is proved before it is returned: the new text is parsed again and its tree must
equal the old tree with exactly the fields asked for changed — anything else (a flow
style the editor does not understand) is refused, never written.

A value here is what follows the colon, as written (``' "05"'``): :func:`current` reads
it, so :func:`edit` can put back exactly what was there.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from cchc_docs.errors import CchcError, Location
from cchc_docs.model import source as yaml_source
from cchc_docs.model.compose import path_text
from cchc_docs.register.errors import RegisterError

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # what the YAML reader counts as a line break


class EditError(RegisterError):
    """The file's layout around a field is not one the editor can change safely."""


@dataclass(frozen=True)
class Span:
    """Where a key's value text stands: from just after its colon to the end of the scalar."""

    key: int  # offset of the key
    start: int  # offset just after the colon
    end: int


def quoted(value: str) -> str:
    """The value text for a new scalar: ``' "05"'`` (double quotes, as docs/data-format.md advises)."""
    return ' "' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def current(text: str, name: str, mapping: tuple, keys: tuple[str, ...]) -> dict[str, str | None]:
    """The value text of each key as written (None: the key is absent): what :func:`edit` restores."""
    parsed = yaml_source.parse(text, name)
    spans = _spans(text, parsed, mapping, keys)
    return {key: text[span.start:span.end] if span else None for key, span in spans.items()}


def edit(text: str, name: str, mapping: tuple, values: dict[str, str | None]) -> str:
    """``text`` with each key of ``values`` set to its value text, or removed (None); proved, or EditError.

    Missing keys are inserted, in the order given, before the first key of the mapping.
    """
    parsed = yaml_source.parse(text, name)
    spans = _spans(text, parsed, mapping, tuple(values))
    changes = []  # (start, end, new text), applied from the end
    missing = []
    for key, value in values.items():
        span = spans[key]
        if span is not None:
            changes.append(_removal(text, span, parsed.where(mapping), name) if value is None
                           else (span.start, span.end, value))
        elif value is not None:
            missing.append(f"{key}:{value}")
    if missing:
        changes.append(_insertion(text, parsed, mapping, missing))
    for start, end, new in sorted(changes, reverse=True):
        text = text[:start] + new + text[end:]
    _prove(parsed, text, name, mapping, values)
    return text


# ---------------------------------------------------------------- where things are


def _spans(text: str, parsed: yaml_source.Source, mapping: tuple, keys: tuple[str, ...]) -> dict[str, Span | None]:
    tree = node(parsed.tree, mapping)
    if not isinstance(tree, dict):
        raise EditError(f"{parsed.where(mapping)}: {path_text(mapping)}: cần một nhóm trường để ghi số và ngày")
    starts = _line_starts(text)
    return {key: _span(text, starts, parsed, mapping + (key,)) if key in tree else None for key in keys}


def _span(text: str, starts: list[int], parsed: yaml_source.Source, path: tuple) -> Span:
    key = _offset(starts, parsed.locations[("@key",) + path])
    after_key = _scalar_end(text, key) if text[key] in "\"'" else key + len(path[-1])
    colon = re.compile(r"[ \t]*:").match(text, after_key)
    if colon is None:
        where = parsed.locations[("@key",) + path]
        raise EditError(f"{where}: {path_text(path)}: không tìm thấy dấu ':' sau tên trường")
    start = colon.end()
    if node(parsed.tree, path) is None:  # nothing, or ~ / null, after the colon
        value = re.compile(r"[ \t]*").match(text, start).end()
    else:
        value = _offset(starts, parsed.locations[path])
    return Span(key, start, _scalar_end(text, value))


def _scalar_end(text: str, start: int) -> int:
    """The end of the scalar that starts at ``start``: a quoted one, or a plain one on its line."""
    quote = text[start:start + 1]
    if quote == '"':
        match = re.compile(r'"(?:[^"\\]|\\.)*"', re.S).match(text, start)
    elif quote == "'":
        match = re.compile(r"'(?:[^']|'')*'").match(text, start)
    else:  # plain: up to a comment, the end of the line, or the end of a flow item
        match = re.compile(r"(?:[^\r\n,\]}#\s]|[ \t]+(?=[^\r\n,\]}#\s])|(?<=\S)#)*").match(text, start)
    if match is None:
        raise EditError("dấu nháy mở chưa được đóng")
    return match.end()


def _removal(text: str, span: Span, where: Location | None, name: str) -> tuple[int, int, str]:
    """Remove ``key: value``: its whole line in block style, or the item and its comma in flow style."""
    starts = _line_starts(text)
    line = max(s for s in starts if s <= span.key)
    rest = re.compile(r"[ \t]*(?:#[^\r\n]*)?(?:\r\n|[\r\n]|$)").match(text, span.end)
    if not text[line:span.key].strip() and rest:
        return line, rest.end(), ""
    comma = re.compile(r"[ \t]*,[ \t]*").match(text, span.end)
    if comma:
        return span.key, comma.end(), ""
    before = re.search(r",[ \t]*$", text[:span.key])
    if before:
        return before.start(), span.end, ""
    raise EditError(f"{where or name}: không xóa được trường ở dạng viết này; hãy sửa tệp bằng tay")


def _insertion(text: str, parsed: yaml_source.Source, mapping: tuple, items: list[str]) -> tuple[int, int, str]:
    """New ``key: value`` items before the first key: one line each in block style, ``k: v, `` in flow."""
    location = parsed.where(mapping)
    at = _offset(_line_starts(text), location)
    if text[at] == "{":
        empty = re.compile(r"\{[ \t]*\}").match(text, at) is not None
        return at + 1, at + 1, ", ".join(items) + ("" if empty else ", ")
    newline = "\r\n" if "\r\n" in text else "\n"
    indent = " " * (location.column - 1)
    return at, at, "".join(f"{item}{newline}{indent}" for item in items)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _BREAK.finditer(text)]


def _offset(starts: list[int], location: Location) -> int:
    return starts[location.line - 1] + location.column - 1


# ---------------------------------------------------------------- the proof


def _prove(before: yaml_source.Source, text: str, name: str, mapping: tuple, values: dict[str, str | None]) -> None:
    """The edited text parses to the old tree with exactly ``values`` changed, or EditError."""
    expected = copy.deepcopy(before.tree)
    fields = node(expected, mapping)
    for key, value in values.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = yaml_source.parse(f"{key}:{value}", name).tree[key]
    try:
        after = yaml_source.parse(text, name).tree
    except CchcError:  # the edit broke the YAML
        after = None
    if after != expected:
        where = before.where(mapping)
        raise EditError(f"{where}: {path_text(mapping)}: không tự ghi được {', '.join(values)} vào tệp ở dạng viết này "
                        "(tệp giữ nguyên); hãy ghi bằng tay: "
                        + ", ".join(f"{k}:{v}" if v is not None else f"xóa {k}" for k, v in values.items()))


def node(tree, path: tuple):
    """The value at ``path`` in a plain YAML tree (dicts and lists), or None where there is none."""
    for part in path:
        if isinstance(tree, dict):
            tree = tree.get(part)
        elif isinstance(tree, list) and isinstance(part, int) and part < len(tree):
            tree = tree[part]
        else:
            return None
    return tree
