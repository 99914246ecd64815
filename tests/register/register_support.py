"""Helpers of the register tests: a draft plan, an issue request, and the register's invariants.

The invariants are what `issue` promises whatever happens to it (a failure, a kill -9):
no number twice, no number missing inside a series, and every number written in a plan
file held by the register for that very document.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from pathlib import Path

from helpers import MINIMAL_PLAN, TEMPLATES, TODAY, edited

from cchc_docs.register import documents, issue, schema
from cchc_docs.register.audit import plan_key
from cchc_docs.register.store import ISSUED, PENDING, open_register

# MINIMAL_PLAN as the clerk receives it: no number, the signing month only, comments to keep.
DRAFT = edited(MINIMAL_PLAN, '  number: "39"\n  date: "2025-07-31"\n',
               "  # Số và ngày do văn thư ghi khi ban hành (cchc-docs issue)\n"
               '  date: "2025-07"   # tháng dự kiến ký\n')


def request(plan: Path, document: str = "quyet-dinh", **changes) -> issue.Request:
    """What `cchc-docs issue PLAN --doc …` asks, with the outputs under ``<plan folder>/out``."""
    return dataclasses.replace(issue.Request(plan, document, plan.parent / "out", TEMPLATES, TODAY), **changes)


def consistency(folder: Path) -> dict[str, int]:
    """Assert the register's invariants over every plan in ``folder``; return what was counted."""
    with open_register(folder / schema.FILE_NAME) as register:
        rows = register.rows()
    series = defaultdict(list)
    for row in rows:
        series[(row.year, row.series)].append(row.number)
    for key, numbers in series.items():
        assert len(numbers) == len(set(numbers)), f"a number twice in {key}: {sorted(numbers)}"
        assert sorted(numbers) == list(range(1, len(numbers) + 1)), f"a gap in {key}: {sorted(numbers)}"
    by_document = {(row.plan, row.document): row for row in rows if row.state in (PENDING, ISSUED)}
    assert len(by_document) == sum(1 for row in rows if row.state in (PENDING, ISSUED)), "a document numbered twice"
    register_path = folder / schema.FILE_NAME
    numbered_in_data = 0
    for plan in sorted(folder.glob("*.yaml")):
        for item in documents.numbered(plan):
            row = by_document.get((plan_key(plan, register_path), item.document))
            if item.number is not None:
                numbered_in_data += 1
                assert row is not None, f"{plan}: number {item.number} in the data, none in the register"
                assert (row.number, row.date) == (item.number, item.complete_date), f"{plan}: data ≠ register"
            else:
                assert row is None or row.state == PENDING, f"{plan}: issued in the register, no number in the data"
    return {"rows": len(rows), "pending": sum(r.state == PENDING for r in rows),
            "issued": sum(r.state == ISSUED for r in rows), "numbered_in_data": numbered_in_data}
