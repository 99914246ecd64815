"""Issue 14.15: a report's preamble with several căn cứ and references to more than one plan."""

from __future__ import annotations

import pytest
from helpers import MINIMAL_PLAN, TEMPLATES, open_docx, parse_plan, texts, write_plan

from cchc_docs.contexts import report
from cchc_docs.errors import DataError
from cchc_docs.model import consistency, periods, source
from cchc_docs.model.load import load_all
from cchc_docs.model.validate_status import validate as validate_status
from cchc_docs.render import engine

Q3 = """\
period: 2025-Q3
report:
  number: "52"
  date: "2025-09-08"
  recipients: [TT Đảng ủy xã]
  legal_bases:
    - Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo cáo của cơ quan hành chính nhà nước
    - Quyết định số 3041/QĐ-UBND ngày 26/7/2025 của Ủy ban nhân dân thành phố Hải Phòng
  plans:
    - Kế hoạch số 15/KH-UBND ngày 05/8/2025 của Ủy ban nhân dân xã về tuyên truyền cải cách hành chính năm 2025
    - Kế hoạch số 17/KH-UBND ngày 12/8/2025 của Ủy ban nhân dân xã về kiểm tra cải cách hành chính năm 2025
  request: Công văn số 1520/SNV-CCHC ngày 20/8/2025 của Sở Nội vụ thành phố Hải Phòng
"""
PERIOD = periods.parse("2025-Q3")


def status(text: str = Q3):
    return validate_status(source.parse(text, "2025-Q3.yaml"), parse_plan(MINIMAL_PLAN), PERIOD)


def context(text: str = Q3) -> dict:
    return report.build(parse_plan(MINIMAL_PLAN), status(text), PERIOD)


def test_căn_cứ_are_lines_of_their_own_before_the_thực_hiện_sentence():
    c = context()
    assert c["report"]["grounds"] == [
        "Căn cứ Nghị định số 09/2019/NĐ-CP ngày 24/01/2019 của Chính phủ quy định chế độ báo cáo của cơ quan hành "
        "chính nhà nước;",
        "Căn cứ Quyết định số 3041/QĐ-UBND ngày 26/7/2025 của Ủy ban nhân dân thành phố Hải Phòng."]
    assert c["report"]["opening"].startswith("Thực hiện Quyết định số 39/QĐ-UBND")


def test_the_opening_cites_the_plan_then_the_other_plans_then_the_request():
    opening = context()["report"]["opening"]
    decision = opening.index("Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng "
                             "ban hành Kế hoạch cải cách hành chính năm 2025")
    first = opening.index("; Kế hoạch số 15/KH-UBND ngày 05/8/2025 của Ủy ban nhân dân xã về tuyên truyền")
    second = opening.index("; Kế hoạch số 17/KH-UBND ngày 12/8/2025 của Ủy ban nhân dân xã về kiểm tra")
    request = opening.index("; thực hiện Công văn số 1520/SNV-CCHC")
    assert decision < first < second < request
    assert opening.endswith("như sau:")


def test_without_căn_cứ_or_other_plans_the_report_opens_with_thực_hiện_as_before():
    c = context('period: 2025-Q3\nreport: {date: "2025-09-08", recipients: [A]}\n')
    assert c["report"]["grounds"] == []
    assert c["report"]["opening"].startswith("Thực hiện Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban "
                                             "nhân dân xã Thượng Hồng ban hành Kế hoạch cải cách hành chính năm 2025; "
                                             "Ủy ban nhân dân xã Thượng Hồng báo cáo")


def test_the_document_prints_each_căn_cứ_then_the_opening_after_the_kính_gửi_line():
    data = engine.render(TEMPLATES / "bao-cao-quy.docx", context(), plain=True)
    lines = texts(open_docx(data))
    first = next(i for i, line in enumerate(lines) if line.startswith("Căn cứ Nghị định số 09/2019"))
    assert lines[first + 1].startswith("Căn cứ Quyết định số 3041/QĐ-UBND")
    assert lines[first + 2].startswith("Thực hiện Quyết định số 39/QĐ-UBND")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("    - Nghị định số 09", "    - Căn cứ Nghị định số 09",
     "report.legal_bases[0]: không ghi chữ 'Căn cứ' đầu dòng"),
    ("    - Kế hoạch số 15", "    - Thực hiện Kế hoạch số 15", "report.plans[0]: không ghi chữ 'Thực hiện' đầu dòng"),
    ("    - Kế hoạch số 15/KH-UBND", "    - Quyết định số 39/QĐ-UBND",
     "report.plans[0]: Quyết định số 39/QĐ-… đã được dẫn trong câu mở đầu"),
])
def test_a_preamble_line_written_wrongly_is_located(old, new, message):
    with pytest.raises(DataError) as e:
        status(Q3.replace(old, new, 1))
    assert any(message in str(p) for p in e.value.problems), [str(p) for p in e.value.problems]


def test_a_report_citing_a_plan_signed_after_it_is_a_located_error():
    text = Q3.replace("ngày 12/8/2025", "ngày 12/9/2025")
    src = source.parse(text, "2025-Q3.yaml")
    (found,) = consistency.report_preamble_problems(status(text), src)
    assert str(found).startswith("2025-Q3.yaml:11:7: report.plans[1]: văn bản được dẫn ký sau báo cáo "
                                 "(cần ngày ký không sau 08/9/2025 (ngày của báo cáo), nhận được 12/9/2025)")


def test_loading_the_plan_folder_reports_the_late_citation_with_every_other_problem(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    folder = tmp_path / "plan" / "bao-cao"
    folder.mkdir(parents=True)
    (folder / "2025-Q3.yaml").write_text(Q3.replace("ngày 26/7/2025", "ngày 26/9/2025"), encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_all(plan)
    assert [p.path for p in e.value.problems] == ["report.legal_bases[1]"]
