"""A data file opened for editing from the web: round-trip YAML that keeps comments, order and quoting.

The project reads YAML with its own composer (every scalar a string, see
:mod:`cchc_docs.model.source`); that reading fills the forms. Writing goes through
ruamel.yaml's round-trip mode, which keeps comments, key order, flow or block style and
the quotes of each value, so a file edited here stays the file a clerk or a developer
wrote: only the values that changed are written anew. Every new or changed value is a
string, quoted the way the value it replaces was (a new number or date in double quotes,
as docs/data-format.md advises), so the project's loader reads exactly what was typed.

A file whose layout ruamel.yaml cannot reproduce (mixed indentation, say) is still
editable; :attr:`Document.faithful` says so, and the page warns that saving re-lays it out.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from cchc_docs.errors import SourceError
from cchc_docs.model import source
from cchc_docs.write import write_atomic

_BOMS = [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")]
# Indentation styles tried in turn: the sample's ("  - " under a key), then "- " flush with the key.
_STYLES = ((2, 4, 2), (2, 2, 0), (4, 4, 2), (4, 6, 4))
_NEEDS_QUOTES = re.compile(r"^[0-9]|^$")  # numbers and dates: quoted, as the data format advises


@dataclass
class Document:
    """A YAML file as ruamel.yaml holds it, with what it takes to write it back as it was."""

    path: Path
    data: object  # CommentedMap (or whatever the file's top level is)
    encoding: str
    bom: bytes
    newline: str
    style: tuple[int, int, int]
    faithful: bool  # dumping the unchanged data gives the file back byte for byte
    digest: str  # sha256 of the bytes read: a save refuses a file changed meanwhile

    def text(self) -> str:
        """The document as YAML text (``\\n`` line ends)."""
        return _dump(self.data, self.style)

    def encoded(self) -> bytes:
        return self.bom + self.text().replace("\n", self.newline).encode(self.encoding)

    def save(self) -> None:
        """Write the file atomically, unless it changed on disk since it was read."""
        if digest(self.path) != self.digest:
            raise SourceError(f"{self.path}: tệp đã được sửa ở nơi khác sau khi trang được mở; "
                              "mở lại trang để xem bản mới (nội dung bạn vừa nhập vẫn còn trên trang)")
        write_atomic(self.path, self.encoded())


def digest(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def open_document(path: Path) -> Document:
    """Read ``path`` for editing; a file ruamel.yaml cannot read raises SourceError."""
    raw = source.read(path, str(path))
    text, encoding, bom = _decode(raw, path)
    newline = "\r\n" if "\r\n" in text else "\n"
    text = text.replace("\r\n", "\n")
    try:
        data = _yaml((2, 4, 2)).load(text)
    except YAMLError as e:
        raise SourceError(f"{path}: không mở được tệp để sửa trên trang web ({_first_line(e)}); "
                          "hãy sửa tệp bằng trình soạn thảo văn bản") from e
    style = next((s for s in _STYLES if _dump(data, s) == text), None)
    return Document(path, data, encoding, bom, newline, style or _STYLES[0], style is not None,
                    hashlib.sha256(raw).hexdigest())


def new_document(path: Path, data: CommentedMap) -> Document:
    """A file that does not exist yet (a new status file), written in the sample's style."""
    return Document(path, data, "utf-8", b"", "\n", _STYLES[0], True, "")


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def _decode(raw: bytes, path: Path) -> tuple[str, str, bytes]:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return raw[len(bom):].decode(encoding), encoding, bom
    try:
        return raw.decode("utf-8"), "utf-8", b""
    except UnicodeDecodeError as e:
        raise SourceError(f"{path}: tệp không ở mã UTF-8; hãy lưu lại tệp với mã hóa UTF-8") from e


def _yaml(style: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 1_000_000  # never fold a long line: a paragraph stays on the line it was written on
    yaml.allow_unicode = True
    mapping, sequence, offset = style
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(data, style) -> str:
    buffer = io.StringIO()
    _yaml(style).dump(data, buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------- values


def scalar(value: str, like: object = None):
    """``value`` as a string scalar quoted like ``like`` (the value it replaces), or as the format advises.

    A number or a date is written in double quotes whatever it replaces (``"2025-10-20"``
    where ``thường xuyên`` stood), as docs/data-format.md advises.
    """
    if isinstance(like, SingleQuotedScalarString):
        return SingleQuotedScalarString(value)
    if isinstance(like, DoubleQuotedScalarString) or _NEEDS_QUOTES.match(value):
        return DoubleQuotedScalarString(value)
    return value  # plain where YAML allows it; ruamel.yaml quotes what would read as something else


def same(old: object, new: str | None) -> bool:
    """Whether a value in the file already says ``new`` (both as the project reads them)."""
    if old is None or isinstance(old, (dict, list)):
        return new is None and old is None
    return new is not None and str(old) == new


def set_value(mapping: CommentedMap, key: str, value: str | None, order: list[str], keep: bool = False) -> None:
    """Set ``key`` to the string ``value``; None removes it (or, with ``keep``, leaves it empty)."""
    if value is None:
        if keep:
            _put(mapping, key, None, order)
        elif key in mapping:
            del mapping[key]
        return
    if key in mapping and same(mapping[key], value):
        return
    _put(mapping, key, scalar(value, mapping.get(key)), order)


def set_list(mapping: CommentedMap, key: str, values: list[str], order: list[str], keep: bool = False) -> None:
    """Set ``key`` to a list of strings, changing the existing list in place (its style and comments stay)."""
    old = mapping.get(key)
    if not values and not keep:
        if key in mapping:
            del mapping[key]
        return
    if isinstance(old, CommentedSeq) and all(not isinstance(v, (dict, list)) for v in old):
        _update_seq(old, values)
        return
    seq = CommentedSeq(scalar(v) for v in values)
    if all(len(v) < 40 for v in values):
        seq.fa.set_flow_style()  # short codes read best on one line: [VHXH, VP]
    _put(mapping, key, seq, order)


def _update_seq(seq: CommentedSeq, values: list[str]) -> None:
    for i, value in enumerate(values):
        if i < len(seq):
            if not same(seq[i], value):
                seq[i] = scalar(value, seq[i])
        else:
            seq.append(scalar(value, seq[i - 1] if i else None))
    del seq[len(values):]


def _put(mapping: CommentedMap, key: str, value, order: list[str]) -> None:
    """Set a key; a new key goes where the declared field order puts it among the keys present."""
    if key in mapping or key not in order:
        mapping[key] = value
        return
    before = order[:order.index(key)]
    position = max((i + 1 for i, k in enumerate(mapping) if k in before), default=0)
    mapping.insert(position, key, value)


# ---------------------------------------------------------------- rows of a list


def arrange(seq: CommentedSeq, items: list) -> None:
    """Put ``items`` (old entries of ``seq`` and new ones) in ``seq``, in order, carrying comments along.

    A comment line above an entry is stored by ruamel.yaml on the entry before it, and
    the comment under the last entry belongs to what follows the list: both are moved
    so that each comment stays above the entry it was written above, and the last one
    stays at the end (below a row added there).
    """
    old = list(seq)
    if [id(x) for x in items] == [id(x) for x in old]:
        return
    above = {id(old[i + 1]): _take(seq, i) for i in range(len(old) - 1)}
    tail = _take(seq, len(old) - 1) if old else None
    kept = {id(x) for x in items}
    carried = None
    for entry in old:  # a comment above a removed entry goes to the next entry kept
        note = _join(carried, above.get(id(entry)))
        if id(entry) in kept:
            above[id(entry)], carried = note, None
        else:
            carried = note
    seq.clear()
    seq.extend(items)
    for i in range(len(items) - 1):
        _give(seq, i, above.get(id(items[i + 1])))
    if items:
        _give(seq, len(items) - 1, _join(carried, tail))


def append(seq: CommentedSeq, item) -> None:
    """Add ``item`` at the end of ``seq``, above the comment that closes the list."""
    arrange(seq, [*seq, item])


def _slot(seq: CommentedSeq, i: int) -> tuple[list | None, int]:
    """Where ruamel.yaml keeps the comment after entry ``i``: its last key's slot, or the list's own."""
    entry = seq[i]
    if isinstance(entry, CommentedMap) and entry:
        key = list(entry)[-1]
        if isinstance(entry[key], (dict, list)):
            return None, 0  # the comment sits deeper, with the nested value: left where it is
        own = entry.ca.items.get(key)
        holds_one = bool(own) and len(own) > 2 and own[2] is not None
        if holds_one or not entry.fa.flow_style():  # a {flow: map} leaves it to the list
            return entry.ca.items.setdefault(key, [None, None, None, None]), 2
    elif isinstance(entry, (dict, list)):
        return None, 0
    return seq.ca.items.setdefault(i, [None, None, None, None]), 0


def _take(seq: CommentedSeq, i: int):
    slot, at = _slot(seq, i)
    if not slot or slot[at] is None:
        return None
    token, slot[at] = slot[at], None
    return token


def _give(seq: CommentedSeq, i: int, token) -> None:
    if token is None:
        return
    slot, at = _slot(seq, i)
    if slot is not None:
        slot[at] = token


def _join(first, second):
    if first is None or second is None:
        return first or second
    second.value = first.value.rstrip("\n") + "\n" + second.value.lstrip("\n")
    return second
