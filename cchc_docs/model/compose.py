"""Build the plain tree from YAML's parse events, with limits and without recursion.

PyYAML's composer builds node objects recursively and expands aliases without limit:
1,000 nested brackets overflow Python's stack, and nine lines of "billion laughs"
aliases fill the memory. Here the tree is built from the parser's event stream with an
explicit stack, so depth, alias expansion and tags are checked as they are met, and
each problem is located. Every scalar stays the text that was written (the validator
decides what it means), and each value's ``file:line:col`` is recorded by field path.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import yaml

from cchc_docs.errors import Location, Problem, SourceError
from cchc_docs.model import text as text_rules

MAX_DEPTH = 40  # a plan nests about 8 deep
MAX_VALUES = 2_000_000  # values after expanding every alias (*tên): a "billion laughs" stops here

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser: ten times faster than PyYAML's

# Tags a value may carry: none, or one that says what it already is.
_PLAIN_TAGS = {None, "!", "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"}

# Plain (unquoted) scalars that mean "nothing here"; quoted ones stay text.
_NULLS = {"", "~", "null", "Null", "NULL"}


def path_text(path: tuple) -> str:
    """``("decision", "recipients", 3)`` → ``decision.recipients[3]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


class Locations(Mapping):
    """Where each value of one file stands, by field path; a :class:`Location` is made when asked for.

    A value is read many times and located only when there is a problem with it: one
    object per value, made and freed, was a fifth of the cost of reading a plan. The
    places are kept as (line, column) pairs.
    """

    __slots__ = ("_points", "file")

    def __init__(self, file: str, points: dict[tuple, tuple[int, int]]):
        self.file = file
        self._points = points

    def __getitem__(self, path: tuple) -> Location:
        return Location(self.file, *self._points[path])

    def get(self, path: tuple, default: Location | None = None) -> Location | None:
        point = self._points.get(path)
        return default if point is None else Location(self.file, *point)

    def __contains__(self, path: object) -> bool:
        return path in self._points

    def __iter__(self) -> Iterator[tuple]:
        return iter(self._points)

    def __len__(self) -> int:
        return len(self._points)


@dataclass
class Composed:
    """The plain tree, where each value stands, and the values that would print wrongly."""

    tree: object = None
    locations: Mapping[tuple, Location] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)  # slots: its fields are read for every value
class _Frame:
    """An open mapping or sequence: its value so far, its path, and (mapping) the key awaiting a value."""

    value: dict | list
    path: tuple
    anchor: str | None
    size: int = 1
    key: str | None = None


def compose(text: str, name: str, loader=_LOADER) -> Composed:
    """The plain tree of one YAML document; raises yaml.YAMLError or SourceError.

    ``loader``: libyaml's parser by default; PyYAML's own (``yaml.SafeLoader``) accepts a
    few escapes libyaml refuses and words its errors the way source.py translates them.
    """
    return _Composer(text, name, loader).run()


class _Composer:
    def __init__(self, text: str, name: str, loader):
        self.text = text
        self.loader = loader
        self.name = name
        self.points: dict[tuple, tuple[int, int]] = {(): (1, 1)}  # an empty file is located too
        self.out = Composed(locations=Locations(name, self.points))
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[object, int]] = {}
        self.values = 0
        self.documents = 0
        self._lines: list[str] | None = None

    def run(self) -> Composed:
        # The parser's events one by one, as yaml.parse gives them, without its generator:
        # a plan of 60 tasks has 2,000 events and this loop is the cost of reading it.
        loader = self.loader(self.text)
        scalar, mapping, sequence = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
        closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        try:
            next_event = loader.get_event
            while (event := next_event()) is not None:
                kind = type(event)
                if kind is scalar:
                    self._scalar(event)
                elif kind is mapping or kind is sequence:
                    self._open(event, {} if kind is mapping else [])
                elif kind in closing:
                    frame = self.stack.pop()
                    self._done(frame.value, frame.anchor, frame.size)
                elif kind is yaml.AliasEvent:
                    self._alias(event)
                elif kind is yaml.DocumentStartEvent:
                    self._document(event)
        finally:
            loader.dispose()
        return self.out

    # -- events

    def _scalar(self, event: yaml.ScalarEvent) -> None:
        mark = event.start_mark
        point = (mark.line + 1, mark.column + 1)
        if self.stack:  # _awaits_key and _path, inline: this runs for every value
            frame = self.stack[-1]
            container = frame.value
            if type(container) is dict:
                if frame.key is None:
                    self._key(frame, event.value, point)
                    return
                path = (*frame.path, frame.key)
            else:
                path = (*frame.path, len(container))
        else:
            path = ()
        self.points[path] = point
        self._done(self._scalar_value(event, path, point), event.anchor, 1)

    def _open(self, event, value: dict | list) -> None:
        if self._awaits_key():
            raise SourceError(f"{self._location(event.start_mark)}: tên trường phải là một chữ, không phải danh sách")
        if len(self.stack) >= MAX_DEPTH:
            raise SourceError(f"{self._location(event.start_mark)}: dữ liệu lồng nhau quá sâu (quá {MAX_DEPTH} tầng); "
                              "kiểm tra lại dấu [ ], { } và thụt lề")
        path = self._path()
        mark = event.start_mark
        self.points[path] = (mark.line + 1, mark.column + 1)
        if event.tag not in _PLAIN_TAGS:  # a Location only for a problem: a plan opens hundreds of containers
            self._tag(event.tag, path, self._location(mark))
        self.stack.append(_Frame(value, path, event.anchor))

    def _alias(self, event: yaml.AliasEvent) -> None:
        location = self._location(event.start_mark)
        if event.anchor not in self.anchors:
            raise SourceError(f"{location}: lỗi cú pháp YAML: không có neo '&{event.anchor}' "
                              f"cho tham chiếu '*{event.anchor}'")
        value, size = self.anchors[event.anchor]
        if self.values + size > MAX_VALUES:
            raise SourceError(f"{location}: tham chiếu '*{event.anchor}' làm tệp nở ra quá "
                              f"{MAX_VALUES:,} giá trị (tham chiếu lồng tham chiếu?)".replace(",", "."))
        if self._awaits_key():
            raise SourceError(f"{location}: tên trường không được là tham chiếu '*{event.anchor}'")
        self.points[self._path()] = (location.line, location.column)
        self._done(copy.deepcopy(value), None, size)  # a copy: changes to one place must not reach the other

    def _document(self, event) -> None:
        self.documents += 1
        if self.documents > 1:
            raise SourceError(f"{self._location(event.start_mark)}: lỗi cú pháp YAML: "
                              "tệp chỉ được có một tài liệu YAML "
                              "(bỏ dòng '---' ở giữa tệp)")

    # -- building

    def _done(self, value: object, anchor: str | None, size: int) -> None:
        """Attach a finished value to its parent (or make it the tree)."""
        self.values += size
        if anchor is not None:
            self.anchors[anchor] = (value, size)
        if not self.stack:
            self.out.tree = value
            return
        parent = self.stack[-1]
        parent.size += size
        if type(parent.value) is list:  # the containers are the plain ones _open makes
            parent.value.append(value)
        else:
            parent.value[parent.key] = value
            parent.key = None

    def _key(self, frame: _Frame, key: str, point: tuple[int, int]) -> None:
        if key in frame.value:
            first, _ = self.points[("@key", *frame.path, key)]
            raise SourceError(f"{Location(self.name, *point)}: trường '{key}' bị khai báo hai lần "
                              f"(lần đầu ở dòng {first})")
        self.points[("@key", *frame.path, key)] = point
        frame.key = key

    def _awaits_key(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None

    def _path(self) -> tuple:
        if not self.stack:
            return ()
        frame = self.stack[-1]
        return (*frame.path, frame.key if isinstance(frame.value, dict) else len(frame.value))

    # -- values

    def _scalar_value(self, event: yaml.ScalarEvent, path: tuple, point: tuple[int, int]) -> str | None:
        if event.tag not in _PLAIN_TAGS and not self._tag(event.tag, path, Location(self.name, *point)):
            return None
        value, style = event.value, event.style
        if not style:
            if value in _NULLS:  # plain style: None (Python parser) or "" (libyaml)
                return None
            if event.end_mark.line > event.start_mark.line:
                self._folded_items(event, path)
        elif style in ("|", ">"):
            value = value.rstrip("\n")  # the block's closing line break is YAML's, not the user's
        if text_rules.suspect(value):  # most values have nothing to say: one regex search
            self._text_problems(event, value, path, point)
        return value

    def _text_problems(self, event: yaml.ScalarEvent, value: str, path: tuple, point: tuple[int, int]) -> None:
        line, column = point
        for problem in text_rules.problems(value):
            where = Location(self.name, line, column)
            if not event.style and event.end_mark.line == event.start_mark.line:  # exact column
                where = Location(self.name, line, column + problem.position - 1)
            self.out.problems.append(Problem(where, path_text(path), problem.message, hint=problem.hint))

    def _tag(self, tag: str | None, path: tuple, location: Location) -> bool:
        if tag in _PLAIN_TAGS:
            return True
        shown = tag.replace("tag:yaml.org,2002:", "!!")
        self.out.problems.append(Problem(location, path_text(path), f"không dùng thẻ YAML '{shown}' trong tệp dữ liệu",
                                         hint="ghi giá trị như chữ thường, bỏ thẻ"))
        return False

    def _folded_items(self, event: yaml.ScalarEvent, path: tuple) -> None:
        """A '- ' line indented deeper than its siblings silently joins the item above it."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        lines = self._lines[event.start_mark.line + 1:event.end_mark.line + 1]
        for number, line in enumerate(lines, event.start_mark.line + 2):
            stripped = line.lstrip(" ")
            if stripped.startswith(("- ", "-\t")) or stripped == "-":
                where = Location(self.name, number, len(line) - len(stripped) + 1)
                self.out.problems.append(Problem(
                    where, path_text(path), "dòng '- …' này thụt lề sâu hơn các mục khác nên bị gộp vào mục trên nó",
                    hint="nếu đây là một mục mới, đặt dấu '-' thẳng hàng với dấu '-' của các mục khác"))

    def _location(self, mark) -> Location:
        return Location(self.name, mark.line + 1, mark.column + 1)
