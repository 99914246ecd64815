"""Issue 14.14 on the web page: a task led jointly is chosen with "Cùng chủ trì" and entered once per period."""

from __future__ import annotations

import difflib

from web.conftest import PLAN

EDIT = f"/ke-hoach/{PLAN}/sua"


def _changed(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def _joint(site) -> str:
    """T02 of the sample led jointly by the Trung tâm VHTT&TT and Phòng VHXH (as a clerk would write it)."""
    text = site.plan_file.read_text(encoding="utf-8")
    joint = text.replace("      lead: TTVHTTTT\n      partners: [VHXH, BBT]\n",
                         "      lead: [TTVHTTTT, VHXH]\n      partners: [BBT]\n", 1)
    assert joint != text
    site.plan_file.write_text(joint, encoding="utf-8")
    return joint


def test_ticking_a_co_lead_writes_the_lead_as_a_list_and_only_that_line(site):
    before = site.plan_file.read_text(encoding="utf-8")
    form = site.form(site.client.get(EDIT).text, "editor")
    form.fields.append(["tasks[f1].co_leads", "VP"])
    answer = site.submit(form)
    assert answer.status_code == 200, answer.text
    assert _changed(before, site.plan_file.read_text(encoding="utf-8")) == [
        "-       lead: TTVHTTTT", "+       lead: [TTVHTTTT, VP]"]


def test_a_joint_lead_shows_as_the_first_lead_and_its_co_leads_and_saves_unchanged(site):
    before = _joint(site).encode("utf-8")
    page = site.client.get(EDIT).text
    form = site.form(page, "editor")
    assert form.get("tasks[f1].lead") == "TTVHTTTT"
    assert [v for k, v in form.fields if k == "tasks[f1].co_leads"] == ["VHXH"]
    assert "Cùng chủ trì: VHXH" in page
    assert site.submit(form).status_code == 200
    assert site.plan_file.read_bytes() == before


def test_unticking_the_co_lead_writes_the_single_code_again(site):
    _joint(site)
    form = site.form(site.client.get(EDIT).text, "editor")
    form.fields.remove(["tasks[f1].co_leads", "VHXH"])
    assert site.submit(form).status_code == 200
    assert "      lead: TTVHTTTT\n      partners: [BBT]\n" in site.plan_file.read_text(encoding="utf-8")


def test_a_joint_task_is_entered_once_in_a_group_named_by_both_leads(site):
    _joint(site)
    page = site.client.get(f"/ke-hoach/{PLAN}/so-lieu/2025-Q3").text
    assert page.count('id="row-T02"') == 1
    group = page.split('id="row-T02"')[0].split('class="unit-group"')[-1]
    assert "Trung tâm VHTT&amp;TT, Phòng VHXH" in group and "(TTVHTTTT, VHXH, 1 nhiệm vụ)" in group

