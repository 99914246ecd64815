"""Status entry per period: tasks grouped by unit, counts, the status files' own rules, the units' workbooks."""

from __future__ import annotations

import difflib

from cchc_docs.model.load import load_all
from web.conftest import PLAN

Q3 = f"/ke-hoach/{PLAN}/so-lieu/2025-Q3"


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_the_periods_of_the_plan_are_offered(site):
    (site.data / PLAN / "bao-cao" / "2025-H2.yaml").unlink()
    page = site.client.get(f"/ke-hoach/{PLAN}/so-lieu").text
    for code in ("2025-Q3", "2025-Q4", "2025-H2", "2025-Y"):
        assert f"/so-lieu/{code}" in page
    assert "2025-H2, chưa có" in page


def test_tasks_are_grouped_by_their_lead_unit(site):
    page = site.client.get(Q3).text
    groups = page.split('class="unit-group"')[1:]
    assert "Phòng VHXH" in groups[0] and 'id="row-T01"' in groups[0]
    assert "Trung tâm PVHCC" in page.split('id="row-T12"')[0].split('class="unit-group"')[-1]


def test_saving_one_task_changes_its_entry_only(site):
    path = site.data / PLAN / "bao-cao" / "2025-Q3.yaml"
    before = path.read_text(encoding="utf-8")
    form = site.form(site.client.get(Q3).text, "status-form")
    form.set("tasks[T06].result", "Phối hợp giám sát 02 cuộc")
    answer = site.submit(form)
    assert answer.status_code == 200, answer.text
    assert _changed(before, path.read_text(encoding="utf-8")) == [
        "-   - {id: T06, status: đang thực hiện}",
        "+   - {id: T06, status: đang thực hiện, result: Phối hợp giám sát 02 cuộc}"]
    load_all(site.plan_file)  # the command line reads it as valid


def test_a_task_done_earlier_than_later_reports_say_names_those_reports(site):
    form = site.form(site.client.get(Q3).text, "status-form")
    form.set("tasks[T04].status", "hoàn thành").set("tasks[T04].completed", "2025-09-05")
    answer = site.submit(form)
    assert answer.status_code == 200
    assert "2025-Q4.yaml:35:5: tasks[3]: nhiệm vụ T04 đã hoàn thành ở kỳ trước" in answer.text


def test_a_completion_after_the_report_is_shown_beside_the_task(site):
    path = site.data / PLAN / "bao-cao" / "2025-Q3.yaml"
    before = path.read_bytes()
    form = site.form(site.client.get(Q3).text, "status-form")
    form.set("tasks[T04].status", "hoàn thành").set("tasks[T04].completed", "2025-09-12")
    form.set("indicators.feedback.resolved", "7")
    answer = site.submit(form)
    assert answer.status_code == 422
    assert path.read_bytes() == before
    row = answer.text.split('id="row-T04"')[1].split("</tr>")[0]
    assert "ngày hoàn thành sau ngày báo cáo (cần không sau 08/9/2025, nhận được &#39;2025-09-12&#39;)" in row
    counts = answer.text.split("Phản ánh, kiến nghị")[1]
    assert "số phản ánh, kiến nghị đã xử lý (7) lớn hơn" in counts or "(7)" in counts
    assert site.form(answer.text, "status-form").get("indicators.feedback.resolved") == "7"


def test_a_new_period_starts_from_the_last_report_and_is_created_on_save(site):
    (site.data / PLAN / "bao-cao" / "2025-H2.yaml").unlink()
    page = site.client.get(f"/ke-hoach/{PLAN}/so-lieu/2025-H2").text
    form = site.form(page, "status-form")
    assert form.get("tasks[T01].status") == "hoàn thành"  # carried from quý IV, the latest earlier report
    form.set("report.date", "2025-12").set("report.recipients", "TT Đảng ủy, TT HĐND xã")
    answer = site.submit(form)
    assert answer.status_code == 200, answer.text
    created = site.data / PLAN / "bao-cao" / "2025-H2.yaml"
    assert created.read_text(encoding="utf-8").startswith("# Số liệu báo cáo 6 tháng cuối năm 2025")
    assert load_all(site.plan_file).statuses


def test_workbooks_are_made_and_one_returned_is_merged(site):
    q4 = f"/ke-hoach/{PLAN}/so-lieu/2025-Q4"
    token = site.csrf(site.client.get(q4).text)
    made = site.client.post(f"{q4}/lap-phieu", data={"csrf": token})
    assert "phieu-2025-q4-VHXH.xlsx" in made.text
    workbook = site.client.get(f"/tep/{PLAN}/phieu-2025-q4-VHXH.xlsx")
    assert workbook.status_code == 200
    answer = site.client.post(f"{q4}/nhap-phieu", data={"csrf": token, "force": "1"},
                              files={"workbooks": ("phieu-2025-q4-VHXH.xlsx", workbook.content)})
    assert answer.status_code == 200, answer.text
    assert "Đã nhập phiếu của 1 đơn vị (VHXH)" in answer.text


def test_a_hand_edited_status_file_is_not_overwritten_by_an_import_without_consent(site):
    q4 = f"/ke-hoach/{PLAN}/so-lieu/2025-Q4"
    token = site.csrf(site.client.get(q4).text)
    site.client.post(f"{q4}/lap-phieu", data={"csrf": token})
    workbook = site.client.get(f"/tep/{PLAN}/phieu-2025-q4-KT.xlsx").content
    path = site.data / PLAN / "bao-cao" / "2025-Q4.yaml"
    before = path.read_bytes()
    answer = site.client.post(f"{q4}/nhap-phieu", data={"csrf": token},
                              files={"workbooks": ("phieu-2025-q4-KT.xlsx", workbook)})
    assert path.read_bytes() == before
    assert "đã được sửa tay" in answer.text or "không thay đổi" in answer.text


def test_the_report_of_the_period_is_built(site):
    token = site.csrf(site.client.get(Q3).text)
    answer = site.client.post(f"{Q3}/bao-cao", data={"csrf": token}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/viec/")
