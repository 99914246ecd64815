"""Issue 14.13: a plan issued on its own takes its number from the register, in the KH series of the body."""

from __future__ import annotations

import datetime as dt

from helpers import edited, open_docx, stand_alone, texts, write_plan
from register_support import request

from cchc_docs.register import documents, issue
from cchc_docs.register.store import ISSUED

# The stand-alone plan as the clerk receives it: no number, the signing month only.
DRAFT = edited(stand_alone(), '    number: "11"\n    date: "2025-07-31"\n', '    date: "2025-07"\n')


def test_the_numbered_document_of_a_stand_alone_plan_is_the_plan_itself(tmp_path):
    (found,) = documents.numbered(write_plan(tmp_path, stand_alone()))
    assert (found.document, found.symbol, found.number, found.field) == ("ke-hoach", "KH-UBND", 11,
                                                                        "plan.issue.number")


def test_issue_numbers_a_stand_alone_plan_writes_its_data_and_renders_ke_hoach_docx(tmp_path):
    plan = write_plan(tmp_path, DRAFT)
    outcome = issue.issue(request(plan, "ke-hoach", date=dt.date(2025, 7, 31)))
    assert '    number: "01"' in plan.read_text(encoding="utf-8").splitlines()
    assert "Số: 01/KH-UBND" in texts(open_docx(outcome.output))
    assert outcome.output.name == "ke-hoach.docx"
    row = outcome.row
    assert (str(row.reference), row.state, row.document, row.type_name) == ("01/KH-UBND", ISSUED, "ke-hoach",
                                                                            "Kế hoạch")
    assert (row.summary, row.signer, row.archive) == ("cải cách hành chính năm 2025", "Nguyễn Văn An", "VT, VHXH")
