"""Read a YAML file into a plain tree, keeping every scalar exactly as written.

``yaml.safe_load`` would turn ``05`` into 5, ``no`` into False and ``2025-02-30`` into
a crash. Here YAML is only *composed* (parsed into nodes), never resolved: every scalar
becomes a ``str`` and the validator decides what it means. Alongside the tree comes a
map from each field path to its ``file:line:col``, so every problem can be located.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from cchc_docs.errors import Location, Problem, SourceError
from cchc_docs.model import encodings, sniff
from cchc_docs.model.compose import compose, path_text

Path_ = tuple  # a field path: ("decision", "recipients", 3)

MAX_FILE_BYTES = 16 * 1024 * 1024  # a 10,000-task plan is about 3 MB (docs/data-format.md)

@dataclass(frozen=True)
class Source:
    """A parsed YAML document: the plain tree and where each field stands."""

    file: str
    tree: object
    locations: Mapping[Path_, Location]  # compose.Locations for a YAML file: made into Location objects when read
    problems: tuple[Problem, ...] = ()  # values that would print wrongly (see model/text.py)
    # In an amended plan: item path → the path of the amendment's change that wrote it.
    origins: dict[Path_, Path_] = field(default_factory=dict)

    def where(self, path: Path_) -> Location | None:
        """The location of ``path``, or of its nearest located ancestor."""
        while path not in self.locations and path:
            path = path[:-1]
        return self.locations.get(path)

    def origin(self, path: Path_) -> Path_ | None:
        """Where an amendment wrote the value at ``path`` (``amendments[0].changes[2].set…``), if it did."""
        for k in range(len(path), 0, -1):
            if path[:k] in self.origins:
                return self.origins[path[:k]] + path[k:]
        return None

    def describe(self, path: Path_) -> str:
        """``path`` as the user finds it: an amended value names the change too."""
        origin = self.origin(path)
        if origin is None:
            return path_text(path)
        return f"{path_text(origin)} (trường {path_text(path)} của kế hoạch sau sửa đổi)"


def load(path: str | Path, display_name: str | None = None) -> Source:
    """Read and compose a YAML file; a broken file raises :class:`SourceError`."""
    return parse(read(path, display_name or str(path)), display_name or str(path))


def read(path: str | Path, name: str) -> bytes:
    """The bytes of a data file; only a regular file of a sane size is opened.

    A FIFO or a device would block the read forever, and a file of gigabytes would
    fill the memory before YAML could say anything about it.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError as e:
        raise SourceError(f"{name}: không tìm thấy tệp") from e
    except OSError as e:
        raise SourceError(f"{name}: không đọc được tệp ({e.strerror})") from e
    if stat.S_ISDIR(info.st_mode):
        raise sniff.data_file_error(name, sniff.FOLDER)
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(f"{name}: không phải tệp thường (ống dẫn, thiết bị…); hãy chỉ ra tệp YAML")
    if info.st_size > MAX_FILE_BYTES:
        size = f"{info.st_size / 2**20:.1f}".replace(".", ",")
        raise SourceError(f"{name}: tệp quá lớn ({size} MB; tối đa {MAX_FILE_BYTES // 2**20} MB)")
    try:
        return path.read_bytes()
    except OSError as e:  # PermissionError, or a folder on Windows
        raise SourceError(f"{name}: không đọc được tệp ({e.strerror})") from e


def parse(raw: bytes | str, name: str) -> Source:
    """Compose YAML text into a :class:`Source` (the pure half of :func:`load`).

    Bytes that are no YAML are sniffed only then, so a Word document given as a plan
    is named as one instead of getting advice about UTF-8 (and a YAML plan with any
    name, ``.txt`` included, is read as one).
    """
    try:
        text = encodings.decode(raw, name) if isinstance(raw, bytes) else unicodedata.normalize("NFC", raw)
        composed = _compose(text, name)
    except SourceError as error:
        wrong = sniff.data_file_error(name, sniff.sniff(raw, name)) if isinstance(raw, bytes) else None
        if wrong is None:
            raise
        raise wrong from error
    return Source(name, composed.tree, composed.locations, tuple(composed.problems))


def _compose(text: str, name: str):
    try:
        return compose(text, name)
    except yaml.YAMLError:
        pass
    try:  # PyYAML's own parser: it reads escapes libyaml refuses, and words its errors as translated below
        return compose(text, name, yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        raise SourceError(_yaml_message(e, text, name)) from e
    except yaml.reader.ReaderError as e:
        raise SourceError(_reader_message(e, text, name)) from e
    except yaml.YAMLError as e:
        raise SourceError(f"{name}: không phải YAML hợp lệ ({e})") from e


def _reader_message(e: yaml.reader.ReaderError, text: str, name: str) -> str:
    """A character YAML refuses outright (NUL, BEL, ESC …), located by line and column."""
    before = text[:e.position]
    line, column = before.count("\n") + 1, e.position - before.rfind("\n")
    kind = "ký tự điều khiển" if unicodedata.category(chr(e.character)) == "Cc" else "ký tự"
    return f"{name}:{line}:{column}: có {kind} U+{e.character:04X}, không được phép trong tệp dữ liệu; xóa ký tự này"


def _yaml_message(e: yaml.MarkedYAMLError, text: str, name: str) -> str:
    opened = encodings.unclosed_quote(text, e.problem_mark.line) if e.problem_mark else None
    if opened:
        line, column, last = opened
        return (f"{name}:{line}:{column}: lỗi cú pháp YAML: dấu nháy mở ở đây không được đóng trên cùng dòng "
                f"(giá trị kéo dài đến dòng {last})")
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
