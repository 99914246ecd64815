"""The plan editor over HTTP: what the page shows, what a save writes, what a problem keeps."""

from __future__ import annotations

import difflib

from web.conftest import PLAN

EDIT = f"/ke-hoach/{PLAN}/sua"


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_the_editor_shows_the_plan_as_written(site):
    page = site.client.get(EDIT)
    assert page.status_code == 200
    form = site.form(page.text, "editor")
    assert form.get("decision.number") == "39"
    assert form.get("tasks[f0].deadline") == "2025-08"
    assert form.get("tasks[f0].deadline_kind") == "month"
    assert form.get("tasks[f2].deadline_kind") == "ongoing"
    assert "Luật Tổ chức chính quyền địa phương ngày 16/6/2025" in form.get("decision.legal_bases")


def test_saving_one_deadline_changes_that_line_only(site):
    before = site.plan_file.read_text(encoding="utf-8")
    form = site.form(site.client.get(EDIT).text, "editor")
    form.set("tasks[f0].deadline_kind", "date").set("tasks[f0].deadline", "2025-08-20")
    answer = site.submit(form)
    assert answer.status_code == 200, answer.text
    assert "Đã lưu." in answer.text
    after = site.plan_file.read_text(encoding="utf-8")
    assert _changed_lines(before, after) == ['-       deadline: "2025-08"', '+       deadline: "2025-08-20"']


def test_saving_the_form_untouched_leaves_the_file_byte_for_byte(site):
    before = site.plan_file.read_bytes()
    form = site.form(site.client.get(EDIT).text, "editor")
    assert site.submit(form).status_code == 200
    assert site.plan_file.read_bytes() == before


def test_an_impossible_date_is_shown_beside_its_field_and_nothing_is_written(site):
    before = site.plan_file.read_bytes()
    form = site.form(site.client.get(EDIT).text, "editor")
    form.set("tasks[f3].deadline_kind", "date").set("tasks[f3].deadline", "2025-02-30")
    form.set("decision.signer.name", "Nguyễn Thị Thay")
    answer = site.submit(form)
    assert answer.status_code == 422
    assert site.plan_file.read_bytes() == before
    row = answer.text.split('id="task-f3"')[1].split('class="task')[0]
    assert ("ngày không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày (cần ngày từ 01 đến 28, "
            "nhận được &#39;2025-02-30&#39;)") in row
    kept = site.form(answer.text, "editor")
    assert kept.get("tasks[f3].deadline") == "2025-02-30"
    assert kept.get("decision.signer.name") == "Nguyễn Thị Thay"
