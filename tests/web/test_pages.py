"""The plan list, downloads, errors as pages, and what every answer carries."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from helpers import ROOT

import cchc_docs.web
from cchc_docs.web import catalog
from web.conftest import PLAN, make_site


def test_the_plan_list_says_state_last_build_and_problems(site):
    page = site.client.get("/")
    assert page.status_code == 200
    row = page.text.split("<tbody>")[1]
    assert "Cải cách hành chính trên địa bàn xã Thượng Hồng 6 tháng cuối năm 2025" in row
    assert "đã ban hành" in row and "chưa tạo" in row and "không có" in row
    assert "2025-Q3, 2025-Q4, 2025-Y" in row


def test_a_plan_issued_on_its_own_is_listed_as_issued_by_its_own_number(site):
    """Issue 14.13: the number in plan.issue makes a plan issued, as a decision's number does."""
    (site.data / "an-binh-2025-kh.yaml").write_bytes((ROOT / "data" / "an-binh-2025-kh.yaml").read_bytes())
    rows = site.client.get("/").text.split("<tbody>")[1].split("<tr")
    row = next(r for r in rows if "Cải cách hành chính năm 2025 trên địa bàn xã An Bình" in r)
    assert "đã ban hành" in row and "không có" in row  # no problem


def test_a_plan_with_problems_shows_how_many(site):
    text = site.plan_file.read_text(encoding="utf-8")
    site.plan_file.write_text(text.replace('number: "39"', "").replace('deadline: "2025-08"', 'deadline: "2025-13"', 1),
                              encoding="utf-8")
    row = site.client.get("/").text.split("<tbody>")[1]
    assert "dự thảo" in row
    assert '<span class="count bad"' in row and "1 lỗi" in row


def test_an_empty_data_folder_says_what_to_do(tmp_path):
    made = make_site(tmp_path)
    for path in sorted(made.data.rglob("*.yaml"), reverse=True):
        path.unlink()
    assert "chưa có tệp kế hoạch nào" in made.client.get("/").text


@pytest.mark.parametrize("address", [
    "/ke-hoach/khong-co/sua", "/ke-hoach/../etc/passwd/sua", f"/tep/{PLAN}/..%2F..%2Fdata%2F{PLAN}.yaml",
    f"/tep/{PLAN}/quyet-dinh.docx", f"/tep/{PLAN}/anh/..%2Fquyet-dinh.docx", "/khong-co-trang-nay",
])
def test_addresses_outside_what_is_served_are_vietnamese_not_found_pages(site, address):
    page = site.client.get(address)
    assert page.status_code == 404
    assert "Không" in page.text and "Traceback" not in page.text


def test_a_file_outside_the_output_folder_is_never_served_through_a_link(site, tmp_path):
    secret = tmp_path / "bi-mat.docx"
    secret.write_bytes(b"PK")
    (site.out / PLAN).mkdir(parents=True)
    (site.out / PLAN / "quyet-dinh.docx").symlink_to(secret)
    assert site.client.get(f"/tep/{PLAN}/quyet-dinh.docx").status_code == 404


def test_a_plan_file_linked_from_outside_the_data_folder_is_not_listed(site, tmp_path):
    outside = tmp_path / "ngoai.yaml"
    outside.write_text(site.plan_file.read_text(encoding="utf-8"), encoding="utf-8")
    (site.data / "lien-ket.yaml").symlink_to(outside)
    assert [ref.key for ref in catalog.plans(site.client.app.state.settings)] == [PLAN]
    assert site.client.get("/ke-hoach/lien-ket/sua").status_code == 404


def test_every_answer_carries_the_security_headers(site):
    answer = site.client.get("/")
    assert "script-src 'self'" in answer.headers["content-security-policy"]
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["x-content-type-options"] == "nosniff"


def test_the_front_end_is_served_from_the_package_not_a_cdn(site):
    head = site.client.get("/").text.split("<body>")[0]
    addresses = re.findall(r'(?:src|href)="([^"]+)"', head)
    assert addresses and all(a.startswith("http://testserver/static/") for a in addresses)
    htmx = site.client.get("/static/htmx.min.js")
    assert htmx.status_code == 200 and "htmx" in htmx.text[:200]


def test_an_unreadable_plan_is_a_vietnamese_page_with_the_cli_message(site):
    site.plan_file.write_text("decision: [mở mà không đóng\n", encoding="utf-8")
    page = site.client.get(f"/ke-hoach/{PLAN}/sua")
    assert page.status_code == 400
    assert "Không thực hiện được" in page.text and "lỗi cú pháp YAML" in page.text


def test_a_bug_is_a_page_that_says_so_without_a_traceback(site, monkeypatch):
    def broken(*args):
        raise ZeroDivisionError("chia cho không")

    monkeypatch.setattr(catalog, "plans", broken)
    page = site.client.get("/")
    assert page.status_code == 500
    assert "Lỗi nội bộ của cchc-docs" in page.text
    assert "Traceback" not in page.text and "chia cho không" not in page.text


def test_another_host_name_is_refused_on_the_loopback_address(site):
    assert site.client.get("/", headers={"host": "ke-xau.example"}).status_code == 400


def test_the_shipped_htmx_is_the_recorded_release():
    folder = Path(cchc_docs.web.__file__).parent / "static"
    recorded = re.search(r"`htmx\.min\.js` .*? \| (\S+) \| `([0-9a-f]{64})`", (folder / "README.md").read_text("utf-8"))
    assert recorded[1] == "2.0.11"
    assert hashlib.sha256((folder / "htmx.min.js").read_bytes()).hexdigest() == recorded[2]


def test_the_editor_opens_a_plan_issued_on_its_own_and_saves_it_untouched_byte_for_byte(site):
    """Issue 14.13: the page edits the plan and its tasks; it adds no decision to a plan issued on its own."""
    plan = site.data / "an-binh-2025-kh.yaml"
    plan.write_bytes((ROOT / "data" / "an-binh-2025-kh.yaml").read_bytes())
    before = plan.read_bytes()
    page = site.client.get("/ke-hoach/an-binh-2025-kh/sua")
    assert page.status_code == 200
    form = site.form(page.text, "editor")
    assert form.get("tasks[f1].lead") == "VHXH" and ["tasks[f1].co_leads", "VP"] in form.fields
    assert site.submit(form).status_code == 200
    assert plan.read_bytes() == before
