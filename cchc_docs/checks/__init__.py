"""Format checks: does a DOCX follow Nghị định 30/2020/NĐ-CP?

``check(facts)`` recognises the components of every document in the file
(:mod:`.components`), runs every registered rule (:mod:`.rules`, :mod:`.registry`) and
returns the findings in document order. ``check_bytes`` and ``check_file`` read a DOCX
first; they raise :class:`~cchc_docs.errors.SourceError` with a one-line Vietnamese
message when the input cannot be read, or holds no text at all.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

from cchc_docs.checks import pages
from cchc_docs.checks import rules as rules  # imported for its side effect: registers every rule
from cchc_docs.checks.components import recognise
from cchc_docs.checks.findings import Finding
from cchc_docs.checks.registry import RULES, run
from cchc_docs.errors import SourceError
from cchc_docs.facts.extract import DocFacts, extract, refuse_oversized

__all__ = ["RULES", "check", "check_bytes", "check_file"]

#: Larger inputs are refused before anything is parsed (a DOCX this size is mostly images).
MAX_FILE_BYTES = 200 * 1024 * 1024


def check(facts: DocFacts) -> list[Finding]:
    """Every finding for a document's facts, in document order."""
    return run(recognise(facts, pages.estimate(facts)))


def check_bytes(data: bytes) -> list[Finding]:
    """Check a DOCX held in memory (the build checks what it renders before writing it)."""
    refuse_oversized("<bytes>", io.BytesIO(data))
    return _check_source("<bytes>", data)


def check_file(path: str | os.PathLike) -> list[Finding]:
    """Check a DOCX on disk."""
    path = Path(path)
    if path.is_file() and path.stat().st_size > MAX_FILE_BYTES:
        megabytes = path.stat().st_size // (1024 * 1024)
        raise SourceError(f"{path}: tệp quá lớn ({megabytes} MB, tối đa {MAX_FILE_BYTES // (1024 * 1024)} MB)")
    if path.is_file():
        refuse_oversized(str(path), path)
    return _check_source(str(path), path)


def _check_source(name: str, source) -> list[Finding]:
    try:
        facts = extract(source)
    except (MemoryError, RecursionError):
        raise SourceError(f"{name}: tệp quá lớn hoặc lồng nhau quá sâu, không đọc được") from None
    if not any(p.text.strip() for p in facts.paragraphs):
        raise SourceError(f"{name}: tài liệu rỗng, không có nội dung để kiểm tra")
    return check(facts)

