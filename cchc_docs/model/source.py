"""Read a YAML file into a plain tree, keeping every scalar exactly as written.

``yaml.safe_load`` would turn ``05`` into 5, ``no`` into False and ``2025-02-30`` into
a crash. Here YAML is only *composed* (parsed into nodes), never resolved: every scalar
becomes a ``str`` and the validator decides what it means. Alongside the tree comes a
map from each field path to its ``file:line:col``, so every problem can be located.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from cchc_docs.errors import Location, SourceError
from cchc_docs.model import sniff

Path_ = tuple  # a field path: ("decision", "recipients", 3)

class _TextLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """libyaml's composer (ten times faster than PyYAML's own), without tag resolution.

    Every scalar is text here, so the regex-based implicit resolvers that would decide
    between int, bool and date are never consulted.
    """

    def resolve(self, kind, value, implicit):
        return _TAGS[kind]


_TAGS = {yaml.ScalarNode: "tag:yaml.org,2002:str", yaml.SequenceNode: "tag:yaml.org,2002:seq",
         yaml.MappingNode: "tag:yaml.org,2002:map"}
_LOADER = _TextLoader

# Plain (unquoted) scalars that mean "nothing here"; quoted ones stay text.
_NULLS = {"", "~", "null", "Null", "NULL"}


@dataclass(frozen=True)
class Source:
    """A parsed YAML document: the plain tree and where each field stands."""

    file: str
    tree: object
    locations: dict[Path_, Location]

    def where(self, path: Path_) -> Location | None:
        """The location of ``path``, or of its nearest located ancestor."""
        while path not in self.locations and path:
            path = path[:-1]
        return self.locations.get(path)


def load(path: str | Path, display_name: str | None = None) -> Source:
    """Read and compose a YAML file; a broken file raises :class:`SourceError`."""
    name = display_name or str(path)
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError as e:
        raise SourceError(f"{name}: không tìm thấy tệp") from e
    except OSError as e:  # a folder: IsADirectoryError, or PermissionError on Windows
        if Path(path).is_dir():
            raise sniff.data_file_error(name, sniff.FOLDER) from e
        raise SourceError(f"{name}: không đọc được tệp ({e.strerror})") from e
    return parse(raw, name)


def parse(raw: bytes | str, name: str) -> Source:
    """Compose YAML text into a :class:`Source` (the pure half of :func:`load`).

    Bytes that are no YAML are sniffed only then, so a Word document given as a plan
    is named as one instead of getting advice about UTF-8 (and a YAML plan with any
    name, ``.txt`` included, is read as one).
    """
    try:
        node = _compose(_decode(raw, name), name)
    except SourceError as error:
        wrong = sniff.data_file_error(name, sniff.sniff(raw, name)) if isinstance(raw, bytes) else None
        if wrong is None:
            raise
        raise wrong from error
    locations: dict[Path_, Location] = {(): Location(name, 1, 1)}  # an empty file is located too
    tree = _plain(node, (), name, locations) if node is not None else None
    return Source(name, tree, locations)


def _compose(text: str, name: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        pass
    # The Python loader words its complaints the way _PROBLEMS_VI translates them.
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        raise SourceError(_yaml_message(e, name)) from e
    except yaml.YAMLError as e:
        raise SourceError(f"{name}: không phải YAML hợp lệ ({e})") from e


def _decode(raw: bytes | str, name: str) -> str:
    if isinstance(raw, str):
        return unicodedata.normalize("NFC", raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SourceError(
            f"{name}: tệp không ở mã UTF-8 (byte lỗi ở vị trí {e.start}); "
            "hãy lưu lại tệp với mã hóa UTF-8"
        ) from e
    return unicodedata.normalize("NFC", text)


def _yaml_message(e: yaml.MarkedYAMLError, name: str) -> str:
    mark = _where(e)
    where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
    return f"{where}: lỗi cú pháp YAML: {_problem_vi(e.problem or '')}"


def _where(e: yaml.MarkedYAMLError):
    """Where the user should look: where an unclosed bracket or quote opened, else the problem."""
    context, problem = e.context or "", e.problem or ""
    unclosed = context.startswith("while parsing a flow") or ("quoted" in context and "end of stream" in problem)
    return e.context_mark if unclosed and e.context_mark else (e.problem_mark or e.context_mark)


def _problem_vi(problem: str) -> str:
    """PyYAML's complaint in Vietnamese; one it does not know passes through as written."""
    for pattern, text in _PROBLEMS_VI:
        match = re.fullmatch(pattern, problem)
        if match:
            return text.format(*match.groups())
    return problem or "lỗi cú pháp"


# PyYAML's complaints (regular expressions over its wording), said in Vietnamese.
_PROBLEMS_VI = [
    (r"mapping values are not allowed here", "không được đặt dấu ':' ở đây (thiếu dấu nháy quanh văn bản có dấu ':'?)"),
    (r"found character '\\t' that cannot start any token", "có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"),
    (r"found character '(.)' that cannot start any token",
     "không được mở đầu giá trị bằng ký tự '{0}'; hãy đặt giá trị trong dấu nháy kép"),
    (r"could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    (r"found unexpected end of stream", "dấu nháy mở ở đây chưa được đóng"),
    (r"expected ',' or '\]', but got .*", "danh sách trong dấu [ ] mở ở đây chưa được đóng bằng ']'"),
    (r"expected ',' or '\}', but got .*", "nhóm trường trong dấu {{ }} mở ở đây chưa được đóng bằng '}}'"),
    (r"found unknown escape character '(.*)'",
     "ký tự '\\{0}' không hợp lệ trong dấu nháy kép; dùng dấu nháy đơn hoặc viết '\\\\'"),
    (r"found undefined alias '(.*)'", "không có neo '&{0}' cho tham chiếu '*{0}'"),
    (r"expected <block end>, but found '-'", "thụt lề của mục '-' không khớp với các mục trước"),
    (r"expected <block end>, but found '<block sequence start>'", "thụt lề của mục '-' không khớp với các mục trước"),
    (r"expected <block end>, but found '<block mapping start>'", "thụt lề không khớp với các dòng trước"),
    (r"expected <block end>, but found '<scalar>'", "thụt lề không khớp với các dòng trước"),
    (r"but found another document", "tệp chỉ được có một tài liệu YAML (bỏ dòng '---' ở giữa tệp)"),
    (r"expected '<document start>', but found .*", "dòng đầu không phải YAML hợp lệ (bỏ ký tự '%' ở đầu dòng?)"),
]


def _plain(node: yaml.Node, path: Path_, name: str, locations: dict) -> object:
    locations[path] = _location(node, name)
    if isinstance(node, yaml.MappingNode):
        return _mapping(node, path, name, locations)
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, path + (i,), name, locations) for i, item in enumerate(node.value)]
    if not node.style and node.value in _NULLS:  # plain style: None (Python loader) or "" (libyaml)
        return None
    return node.value


def _mapping(node: yaml.MappingNode, path: Path_, name: str, locations: dict) -> dict:
    result: dict[str, object] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            raise SourceError(f"{_location(key_node, name)}: tên trường phải là một chữ, không phải danh sách")
        key = key_node.value
        if key in result:
            # The first key's own line: its value may start on a later line (a block).
            first = locations[("@key",) + path + (key,)]
            raise SourceError(
                f"{_location(key_node, name)}: trường '{key}' bị khai báo hai lần "
                f"(lần đầu ở dòng {first.line})"
            )
        locations[("@key",) + path + (key,)] = _location(key_node, name)
        result[key] = _plain(value_node, path + (key,), name, locations)
    return result


def _location(node: yaml.Node, name: str) -> Location:
    return Location(name, node.start_mark.line + 1, node.start_mark.column + 1)
