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


def test_a_task_added_on_the_page_is_written_at_the_end_in_field_order(site):
    page = site.client.get(EDIT)
    form = site.form(page.text, "editor")
    added = site.form(site.submit(form, op="tasks-add").text, "editor")
    assert added.get("tasks[n1].id") == "T43"
    added.set("tasks[n1].content", "Số hóa hồ sơ lưu trữ của xã").set("tasks[n1].lead", "VP")
    added.set("tasks[n1].deadline_kind", "quarter").set("tasks[n1].deadline", "2025-Q4")
    added.set("tasks[n1].product", "Hồ sơ được số hóa")
    assert site.submit(added).status_code == 200
    tail = site.plan_file.read_text(encoding="utf-8").splitlines()[-6:]
    assert tail == ["    - id: T43", "      area: digital_government", "      content: Số hóa hồ sơ lưu trữ của xã",
                    "      lead: VP", '      deadline: "2025-Q4"', "      product: Hồ sơ được số hóa"]


def test_moving_a_task_keeps_the_comment_above_the_task_it_was_above(site):
    form = site.form(site.client.get(EDIT).text, "editor")
    moved = site.form(site.submit(form, op="tasks-up:f7").text, "editor")  # T08 above T07
    assert site.submit(moved).status_code == 200
    text = site.plan_file.read_text(encoding="utf-8")
    assert "    # --- 2. Cải cách thể chế ---\n    - id: T08\n" in text
    assert text.index("- id: T08") < text.index("- id: T07")


def test_removing_a_task_that_reports_mention_saves_and_names_the_status_files(site):
    form = site.form(site.client.get(EDIT).text, "editor")
    fewer = site.form(site.submit(form, op="tasks-remove:f41").text, "editor")
    answer = site.submit(fewer)
    assert answer.status_code == 200
    assert "- id: T42" not in site.plan_file.read_text(encoding="utf-8")
    assert "không có nhiệm vụ mã &#39;T42&#39; trong kế hoạch" in answer.text


def test_a_cleared_required_field_is_named_beside_it(site):
    form = site.form(site.client.get(EDIT).text, "editor").set("decision.title", "")
    answer = site.submit(form)
    assert answer.status_code == 422
    field = answer.text.split('for="decision.title"')[1].split('class="field')[0]
    assert "thiếu trường bắt buộc &#39;title&#39;" in field


def test_a_file_changed_elsewhere_meanwhile_is_not_overwritten(site):
    form = site.form(site.client.get(EDIT).text, "editor").set("decision.signer.name", "Nguyễn Thị Thay")
    site.plan_file.write_text(site.plan_file.read_text(encoding="utf-8") + "# sửa tay\n", encoding="utf-8")
    answer = site.submit(form)
    assert answer.status_code == 422
    assert "đã được sửa ở nơi khác" in answer.text
    assert "[Họ] Thị Thay" in site.plan_file.read_text(encoding="utf-8")


def test_a_paragraph_is_edited_and_one_added_in_place(site):
    form = site.form(site.client.get(EDIT).text, "editor")
    form.set("plan.sections[3].body[0]", "Kinh phí thực hiện được bố trí trong dự toán năm 2025 của xã.")
    form.set("added[plan.sections[3].body].kind", "text")
    form.set("added[plan.sections[3].body].text", "Huy động thêm nguồn xã hội hóa hợp pháp.")
    assert site.submit(form).status_code == 200
    text = site.plan_file.read_text(encoding="utf-8")
    assert ("      body:\n        - Kinh phí thực hiện được bố trí trong dự toán năm 2025 của xã.\n"
            "        - Huy động thêm nguồn xã hội hóa hợp pháp.\n") in text


def test_windows_line_ends_and_a_bom_survive_a_save(site):
    original = site.plan_file.read_text(encoding="utf-8")
    site.plan_file.write_bytes(b"\xef\xbb\xbf" + original.replace("\n", "\r\n").encode("utf-8"))
    form = site.form(site.client.get(EDIT).text, "editor").set("decision.signer.name", "Nguyễn Thị Thay")
    assert site.submit(form).status_code == 200
    raw = site.plan_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == original.count("\n")
    assert raw.decode("utf-8-sig").replace("\r\n", "\n") == original.replace("[Họ] Thị Thay", "Nguyễn Thị Thay")


def test_a_deadline_of_the_wrong_kind_is_named(site):
    form = site.form(site.client.get(EDIT).text, "editor")
    form.set("tasks[f0].deadline_kind", "quarter").set("tasks[f0].deadline", "2025-09")
    answer = site.submit(form)
    assert answer.status_code == 422
    assert "thời hạn không đúng loại đã chọn (cần quý dạng YYYY-Qn, nhận được &#39;2025-09&#39;)" in answer.text
