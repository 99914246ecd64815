"""Issue 14.13: a plan issued on its own — its document (ke-hoach.docx) and how other documents cite it."""

from __future__ import annotations

import datetime as dt

from helpers import TODAY, edited, parse_plan, stand_alone

from cchc_docs.contexts import issued_plan, registry, reminder, report
from cchc_docs.contexts.report_body import plan_sentences
from cchc_docs.model import periods, source
from cchc_docs.model.periods import Calendar
from cchc_docs.model.validate_status import validate as validate_status
from cchc_docs.sheets.forms import _issued_by

Q3 = """\
period: 2025-Q3
report: {number: "52", date: "2025-09-08", recipients: [TT Đảng ủy xã]}
tasks:
  - {id: T01, status: đang thực hiện}
"""


def context(text: str | None = None) -> dict:
    return issued_plan.build(parse_plan(text or stand_alone()), TODAY)


def test_the_plan_is_a_document_of_its_own_with_number_date_grounds_nơi_nhận_and_signer():
    c = context()
    assert c["document"] == {"number_line": "Số: 11/KH-UBND", "place_date": "Thượng Hồng, ngày 31 tháng 7 năm 2025",
                             "final": True}
    assert c["plan"]["grounds"] == [
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.",
        "Thực hiện Kế hoạch số 245/KH-UBND ngày 20/7/2025 của Ủy ban nhân dân thành phố về cải cách hành chính;",
        "Ủy ban nhân dân xã Thượng Hồng ban hành Kế hoạch cải cách hành chính năm 2025 như sau:",
    ]
    last = c["plan"]["paragraphs"][-1]
    assert last["kind"] == "end" and last["text"].endswith("./.")
    assert c["plan"]["recipients"] == ["- Sở Nội vụ;", "- CT, các PCT UBND xã;", "- Lưu: VT, VHXH."]
    assert c["plan"]["signer"] == {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Nguyễn Văn An"}
    assert c["appendix"]["attached_to"] == ("(Kèm theo Kế hoạch số 11/KH-UBND ngày 31 tháng 7 năm 2025 của Ủy ban "
                                            "nhân dân xã Thượng Hồng)")
    assert c["properties"]["title"] == "Kế hoạch cải cách hành chính năm 2025"


def test_without_căn_cứ_the_plan_opens_with_its_first_section():
    text = edited(stand_alone(), "    legal_bases: [Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ]\n", "")
    text = edited(text, "    implements: [Kế hoạch số 245/KH-UBND ngày 20/7/2025 của Ủy ban nhân dân thành phố về "
                        "cải cách hành chính]\n", "")
    assert context(text)["plan"]["grounds"] == []


def test_a_draft_plan_leaves_its_number_and_day_blank_and_is_not_final():
    text = edited(stand_alone(), '    number: "11"\n    date: "2025-07-31"\n', "")
    c = context(text)
    assert c["document"]["number_line"] == "Số:      /KH-UBND" and c["document"]["final"] is False
    jobs = registry.plan_jobs([parse_plan(text)], {}, Calendar(), TODAY)
    assert [(j.output, j.final) for j in jobs] == [("ke-hoach.docx", False)]


def test_the_build_makes_ke_hoach_docx_instead_of_quyet_dinh_docx_final_when_numbered():
    jobs = registry.plan_jobs([parse_plan(stand_alone())], {}, Calendar(), TODAY)
    assert [(j.output, j.template, j.final) for j in jobs] == [("ke-hoach.docx", "ke-hoach-ban-hanh.docx", True)]


def test_reports_cite_the_plan_by_its_own_number_not_a_decision():
    plan_file = parse_plan(stand_alone())
    period = periods.parse("2025-Q3")
    status = validate_status(source.parse(Q3, "2025-Q3.yaml"), plan_file, period)
    c = report.build(plan_file, status, period)
    assert c["report"]["opening"].startswith(
        "Thực hiện Kế hoạch số 11/KH-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng về cải cách "
        "hành chính năm 2025; Ủy ban nhân dân xã Thượng Hồng báo cáo kết quả")
    assert "Quyết định" not in c["report"]["opening"]
    first = plan_sentences(report.report_facts(plan_file, status, period))[0]["text"]
    assert first == ("Ủy ban nhân dân xã Thượng Hồng ban hành Kế hoạch số 11/KH-UBND ngày 31/7/2025 về cải cách hành "
                     "chính năm 2025, gồm 1 nhiệm vụ và 1 chỉ tiêu chủ yếu.")
    assert c["report"]["signer"] == {"lines": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Nguyễn Văn An"}


def test_the_workbook_and_the_reminder_letter_cite_the_plan_by_its_own_number():
    plan_file = parse_plan(stand_alone())
    assert _issued_by(plan_file) == "Kế hoạch số 11/KH-UBND ngày 31/7/2025 của Ủy ban nhân dân xã Thượng Hồng"
    letter = reminder.build(reminder.reminder(plan_file, None, dt.date(2025, 9, 5), 15))
    assert letter["letter"]["body"][0]["text"].startswith(
        "Thực hiện Kế hoạch số 11/KH-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng về cải cách "
        "hành chính năm 2025; theo dữ liệu hiện có")
