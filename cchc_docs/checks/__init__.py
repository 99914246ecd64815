"""Format checks: does a DOCX follow Nghị định 30/2020/NĐ-CP?

``check(facts)`` recognises the components of every document in the file
(:mod:`.components`), runs every registered rule (:mod:`.rules`, :mod:`.registry`) and
returns the findings in document order. ``check_bytes`` and ``check_file`` read a DOCX
first; they raise :class:`~cchc_docs.errors.SourceError` with a one-line Vietnamese
message when the input cannot be read, or holds no text at all. Given the text of the
pages of the document's PDF (``page_texts``), findings carry their real page numbers
(:mod:`.pdfpages`); without it they carry none — never a guess.
"""

from __future__ import annotations

import os

from cchc_docs import collector, vn
from cchc_docs.checks import pages, pdfpages, pieces
from cchc_docs.checks import rules as rules  # imported for its side effect: registers every rule
from cchc_docs.checks.components import recognise
from cchc_docs.checks.findings import Finding
from cchc_docs.checks.registry import RULES, run
from cchc_docs.errors import SourceError
from cchc_docs.facts import package
from cchc_docs.facts.extract import DocFacts, extract

__all__ = ["RULES", "check", "check_bytes", "check_file"]


def check(facts: DocFacts, poll=None, page_texts: list[str] | None = None) -> list[Finding]:
    """Every finding for a document's facts, in document order (``poll(count)``: see
    :func:`registry.run`; ``page_texts``: the text of each page of its PDF, for real page numbers)."""
    try:
        found = pdfpages.paragraph_pages(facts, page_texts) if page_texts else ()
        layout = recognise(facts, found)
        return run(layout, poll=poll)
    finally:
        pieces.forget()
        pages.forget()


def check_bytes(data: bytes, limits: package.Limits | None = None) -> list[Finding]:
    """Check a DOCX held in memory (the build checks what it renders before writing it)."""
    return _check_source("<bytes>", data, limits)


def check_file(path: str | os.PathLike, limits: package.Limits | None = None,
               page_texts: list[str] | None = None) -> list[Finding]:
    """Check a DOCX on disk (refused unless it is a regular file within the limits)."""
    return _check_source(os.fspath(path), path, limits, page_texts)


def _check_source(name: str, source, limits: package.Limits | None,
                  page_texts: list[str] | None = None) -> list[Finding]:
    limits = limits or package.LIMITS
    deadline = package.Deadline(name, limits.seconds)

    def poll(found: int) -> None:  # while the rules run: the time limit, and the findings one may list
        deadline.check()
        if found > limits.findings:
            cap = vn.format_number(limits.findings)
            raise package.too_large(name, "số chỗ sai thể thức", f"hơn {cap}", cap)

    with collector.paused():  # a document's facts live until its check ends
        try:
            facts = extract(source, limits, deadline.check)
        except (MemoryError, RecursionError):
            raise SourceError(f"{name}: tệp quá lớn hoặc lồng nhau quá sâu, không đọc được") from None
        if not any(p.text.strip() for p in facts.paragraphs):
            raise SourceError(f"{name}: tài liệu rỗng, không có nội dung để kiểm tra")
        return check(facts, poll, page_texts)
