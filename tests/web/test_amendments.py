"""Amendments: a list of changes recorded at the end of the plan file, with the comparison table previewed."""

from __future__ import annotations

from cchc_docs.model.load import load_all
from web.conftest import PLAN

AMEND = f"/ke-hoach/{PLAN}/sua-doi"


def _filled(site):
    form = site.form(site.client.get(AMEND).text, "amendment")
    form.set("changes[n1].item", "T05").set("changes[n1].deadline_kind", "date")
    form.set("changes[n1].deadline", "2025-11-30").set("changes[n1].reason", "Lùi thời hạn theo hướng dẫn của Sở")
    form.set("amendment.decision.executors", "Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội")
    form.set("amendment.decision.recipients", "Như Điều 4\nSở Nội vụ thành phố Hải Phòng")
    return form


def test_the_preview_is_the_decisions_comparison_table_and_writes_nothing(site):
    before = site.plan_file.read_bytes()
    answer = site.submit(_filled(site), op="preview")
    assert answer.status_code == 200
    table = answer.text.split('id="comparison"')[1]
    assert "Nhiệm vụ số 5 của Danh mục nhiệm vụ" in table
    assert "Thời gian hoàn thành: Thường xuyên" in table and "Thời gian hoàn thành: 30/11/2025" in table
    assert "Lùi thời hạn theo hướng dẫn của Sở" in table
    assert site.plan_file.read_bytes() == before


def test_saving_appends_the_amendment_and_leaves_the_plan_as_issued(site):
    before = site.plan_file.read_text(encoding="utf-8")
    answer = site.submit(_filled(site), op="save")
    assert answer.status_code == 200 and "Đã lưu lần sửa đổi" in answer.text
    after = site.plan_file.read_text(encoding="utf-8")
    assert after.startswith(before)
    added = after[len(before):]
    assert "amendments:\n  - id: SD01\n" in added
    assert '      - action: change\n        task: T05\n        set:\n          deadline: "2025-11-30"\n' in added
    versions = load_all(site.plan_file).versions
    assert len(versions) == 2 and versions[1].plan.tasks[4].deadline.label == "30/11/2025"
    assert "SD01" in site.client.get(AMEND).text.split('id="amendment"')[0]


def test_an_unknown_task_is_named_beside_its_change(site):
    form = _filled(site).set("changes[n1].item", "T99")
    answer = site.submit(form, op="save")
    assert answer.status_code == 422
    change = answer.text.split('class="change')[1]
    assert "không có nhiệm vụ mã &#39;T99&#39; để sửa đổi" in change
    assert "amendments:" not in site.plan_file.read_text(encoding="utf-8")


def test_changes_are_added_and_removed_on_the_page(site):
    form = _filled(site)
    more = site.form(site.submit(form, op="changes-add").text, "amendment")
    assert more.get("changes[n2].action") == "change"
    fewer = site.form(site.submit(more, op="changes-remove:n1").text, "amendment")
    assert [value for key, value in fewer.fields if key == "changes.key"] == ["n2"]
