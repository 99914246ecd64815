"""Turn a plain YAML tree into typed records, collecting every problem on the way.

The records are frozen dataclasses declared in :mod:`cchc_docs.model`; each field
carries its Vietnamese meaning in ``field(metadata={"doc": …})`` so that the data
format documentation is generated from the one declaration. Scalar value types
(dates, deadlines, document numbers …) are classes with a ``parse(text)`` classmethod
that raises :class:`Invalid` with what was expected.

Conversion never stops at the first problem: it returns ``None`` for a bad value,
records a located :class:`~cchc_docs.errors.Problem`, and carries on, so the user sees
every problem in one run.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import types
import typing
from typing import Any, Literal, get_args, get_origin, get_type_hints

from cchc_docs.errors import Problem
from cchc_docs.model.source import Source

# The longest value any field takes: a long task or paragraph is under 1,000 characters.
MAX_TEXT = 2_000


class Invalid(ValueError):
    """A scalar could not be read as its type; carries what was expected."""

    def __init__(self, message: str, expected: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.expected = expected
        self.hint = hint


def doc(text: str, default: Any = dataclasses.MISSING, **kwargs) -> Any:
    """Declare a record field with its Vietnamese meaning (used by the generated docs)."""
    if default is not dataclasses.MISSING:
        kwargs["default"] = default
    return dataclasses.field(metadata={"doc": text}, **kwargs)


def show(value: object) -> str:
    """How a value the user wrote is quoted back in a message."""
    if value is None:
        return "để trống"
    if isinstance(value, dict):
        return "một nhóm trường"
    if isinstance(value, list):
        return "một danh sách"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def suggest(word: str, choices: typing.Iterable[str]) -> str | None:
    """A "did you mean …" hint for a misspelt name, or None."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"có phải ý bạn là '{match[0]}'?" if match else None


class Converter:
    """Walks the plain tree against the record types, collecting problems."""

    def __init__(self, source: Source):
        self.source = source
        self.problems: list[Problem] = list(source.problems)  # text that would print wrongly, found on reading

    def report(self, path: tuple, message: str, *, expected=None, got=None, hint=None, key=False):
        """Record one problem at ``path`` (at its key's position when ``key``)."""
        where = self.source.locations.get(("@key",) + path) if key else None
        location = where or self.source.where(path)
        self.problems.append(Problem(location, self.source.describe(path), message, expected, got, hint))

    def convert(self, kind: Any, value: object, path: tuple) -> Any:
        """Convert ``value`` to ``kind``; on failure report and return None."""
        return self._apply(_dispatch(kind), value, path)

    def _apply(self, how: tuple[str, Any], value: object, path: tuple) -> Any:
        """Convert with a kind's converter already looked up (see :func:`_dispatch`)."""
        method, arg = how
        if method == "choose":
            return self.convert(arg.choose(value), value, path)
        return getattr(self, method)(arg, value, path)

    def _raw_mapping(self, kind, value, path):
        """A mapping kept as written; its fields are checked where they are used."""
        if not isinstance(value, dict) or not value:
            self.report(path, "sai kiểu dữ liệu", expected=kind.expected, got=show(value))
            return None
        return kind(value)

    def _optional(self, how, value, path):
        return None if value is None else self._apply(how, value, path)

    def _literal(self, choices, value, path):
        if isinstance(value, str) and value in choices:
            return value
        self.report(
            path, "giá trị không hợp lệ",
            expected="một trong " + ", ".join(f"'{c}'" for c in choices),
            got=show(value),
            hint=suggest(value, choices) if isinstance(value, str) else None,
        )
        return None

    def _sequence(self, how, value, path):
        if not isinstance(value, list):
            self.report(path, "sai kiểu dữ liệu", expected="một danh sách (mỗi mục bắt đầu bằng '- ')", got=show(value))
            return None
        return tuple(self._apply(how, item, path + (i,)) for i, item in enumerate(value))

    def _record(self, kind, value, path):
        if hasattr(kind, "from_scalar") and isinstance(value, str):
            value = kind.from_scalar(value)
        if not isinstance(value, dict):
            names = ", ".join(f.name for f in dataclasses.fields(kind))
            self.report(path, "sai kiểu dữ liệu", expected=f"một nhóm trường ({names})", got=show(value))
            return None
        self._unknown_keys(value, _fields(kind), path)
        values, complete = {}, True
        for slot in _slots(kind):
            given = value.get(slot.name)
            if given is None:  # absent or left empty: fine, unless the field is required
                values[slot.name] = None
                if slot.required:
                    self._missing(slot, value, path)
                    complete = False
                continue
            values[slot.name] = converted = self._apply(slot.how, given, path + (slot.name,))
            complete = complete and converted is not None  # a value given that failed
        if complete:
            return kind(**{k: v for k, v in values.items() if v is not None})
        return _partial(kind, values)

    def _missing(self, slot: _Slot, mapping: dict, path: tuple) -> None:
        where = path + (slot.name,) if slot.name in mapping else path
        self.report(where, f"thiếu trường bắt buộc '{slot.name}'", expected=slot.doc.split(".")[0])

    def _unknown_keys(self, mapping: dict, fields: dict, path: tuple):
        for key in mapping:
            if key not in fields:
                self.report(
                    path + (key,), f"trường không được hỗ trợ '{key}'",
                    expected="một trong " + ", ".join(fields), hint=suggest(key, fields), key=True,
                )

    def _scalar(self, kind, value, path):
        if not isinstance(value, str):
            self.report(path, "sai kiểu dữ liệu", expected=_scalar_expected(kind), got=show(value))
            return None
        if len(value) > MAX_TEXT:  # before parsing: a 10 MB line must not reach a regular expression
            self.report(path, "quá dài", expected=f"tối đa {MAX_TEXT:,} ký tự".replace(",", "."),
                        got=f"{len(value):,} ký tự".replace(",", "."))
            return None
        try:
            return kind.parse(value) if hasattr(kind, "parse") else kind(value)
        except Invalid as e:
            self.report(path, e.message, expected=e.expected, got=show(value), hint=e.hint)
            return None


def _partial(kind, values: dict):
    """A record some of whose fields failed: the good ones are kept, the rest are None.

    The rules pass still runs over it, so one run reports every problem; rules that
    reach a None simply have nothing to say (the schema problem already explains it).
    """
    record = object.__new__(kind)
    for name, value in values.items():
        object.__setattr__(record, name, value)
    return record


@functools.cache
def _dispatch(kind) -> tuple[str, Any]:
    """(converter method, its argument) for a kind: worked out once per type.

    The argument is what the method needs, resolved here too: an optional or a
    list's item kind comes already dispatched, a literal as its choices. Hashing a
    typing form (``Literal[…]``, ``X | None``) to look it up costs more than converting
    a scalar, so nested kinds are never looked up again value by value.
    """
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return "_optional", _dispatch(next(a for a in get_args(kind) if a is not type(None)))
    if origin is Literal:
        return "_literal", get_args(kind)
    if origin is tuple:
        return "_sequence", _dispatch(get_args(kind)[0])
    if getattr(kind, "raw_mapping", False):
        return "_raw_mapping", kind
    if dataclasses.is_dataclass(kind) and not hasattr(kind, "parse"):
        return "_record", kind
    if hasattr(kind, "choose"):
        return "choose", kind
    return "_scalar", kind


@functools.cache
def _fields(kind) -> dict:
    """A record type's fields by name (dataclasses.fields builds a new tuple each call)."""
    return {f.name: f for f in dataclasses.fields(kind)}


@dataclasses.dataclass(frozen=True)
class _Slot:
    """One field of a record type, as the converter walks it."""

    name: str
    how: tuple[str, Any]  # its kind, dispatched
    required: bool
    doc: str


@functools.cache
def _slots(kind) -> tuple[_Slot, ...]:
    """A record type's fields, each with its converter: resolving type hints is slow, and they never change."""
    hints = get_type_hints(kind)
    return tuple(_Slot(f.name, _dispatch(hints[f.name]), _required(f), f.metadata.get("doc", ""))
                 for f in dataclasses.fields(kind))


def _required(f: dataclasses.Field) -> bool:
    return f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING


def _scalar_expected(kind) -> str:
    return getattr(kind, "expected", "một đoạn văn bản")


def field_docs(kind) -> list[tuple[str, str, bool, str]]:
    """(name, type description, required, meaning) for each field of a record type."""
    hints = get_type_hints(kind)
    return [
        (f.name, describe(hints[f.name]), _required(f), f.metadata.get("doc", ""))
        for f in dataclasses.fields(kind)
    ]


def describe(kind) -> str:
    """A short Vietnamese description of a field type, for the docs."""
    origin = get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return describe(next(a for a in get_args(kind) if a is not type(None)))
    if origin is Literal:
        return "một trong " + ", ".join(f"`{c}`" for c in get_args(kind))
    if origin is tuple:
        return f"danh sách: {describe(get_args(kind)[0])}"
    if dataclasses.is_dataclass(kind):
        return f"nhóm trường `{kind.__name__}`"
    if hasattr(kind, "choose"):
        return kind.expected
    return _scalar_expected(kind)
