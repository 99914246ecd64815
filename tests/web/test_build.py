"""Builds from the page: the command line's recipe, its downloads, and an issued document never overwritten."""

from __future__ import annotations

import io
import re
import time

import docx

from cchc_docs.pipeline import manifest
from web.conftest import PLAN


def _build(site, **fields) -> str:
    page = site.client.get(f"/ke-hoach/{PLAN}/tao")
    answer = site.client.post(f"/ke-hoach/{PLAN}/tao", data={"csrf": site.csrf(page.text), **fields},
                              follow_redirects=False)
    assert answer.status_code == 303
    job = answer.headers["location"]
    for _ in range(600):  # the build runs in the server's worker thread
        text = site.client.get(job).text
        if "hx-trigger" not in text.split('id="job"')[1].split(">")[0]:
            return text
        time.sleep(0.1)
    raise AssertionError("lượt tạo văn bản không xong")


def test_a_build_writes_the_documents_and_offers_them_for_download(site):
    text = _build(site)
    assert "Đã xong" in text and "7 đã tạo" in text
    for name in ("quyet-dinh.docx", "bao-cao-2025-q3.docx", "bao-cao-2025-q4.docx", "bao-cao-2025-y.docx"):
        assert f"/tep/{PLAN}/{name}" in text
    assert "ND30-PLACEHOLDER" in text  # the self-check's one deliberate warning: the signer's name
    answer = site.client.get(f"/tep/{PLAN}/quyet-dinh.docx")
    assert answer.status_code == 200
    assert "attachment" in answer.headers["content-disposition"]
    paragraphs = [p.text for p in docx.Document(io.BytesIO(answer.content)).paragraphs]
    assert "QUYẾT ĐỊNH" in paragraphs


def test_the_build_shares_the_command_lines_manifest(site):
    _build(site)
    recorded = manifest.load(site.out)
    assert set(recorded.outputs) >= {f"{PLAN}/quyet-dinh.docx", f"{PLAN}/bao-cao-2025-q3.docx"}
    assert "0 đã tạo, 7 không đổi" in _build(site)
    row = site.client.get("/").text.split("<tbody>")[1]
    assert "chưa tạo" not in row and re.search(r"\d\d:\d\d ngày \d\d/\d{1,2}/20\d\d", row)


def test_an_issued_decision_is_kept_when_its_data_changed_with_the_librarys_message(site):
    _build(site)
    before = (site.out / PLAN / "quyet-dinh.docx").read_bytes()
    form = site.form(site.client.get(f"/ke-hoach/{PLAN}/sua").text, "editor")
    form.set("tasks[f0].deadline", "2025-09")
    assert site.submit(form).status_code == 200
    text = _build(site)
    assert "xung đột" in text
    assert ("văn bản đã ban hành (có số) nhưng dữ liệu đã thay đổi; giữ nguyên tệp, không ghi đè") in text
    assert (site.out / PLAN / "quyet-dinh.docx").read_bytes() == before
    again = _build(site, new_version="1")
    assert "quyet-dinh.v2.docx" in again
    assert (site.out / PLAN / "quyet-dinh.v2.docx").is_file()


def test_a_plan_with_a_problem_builds_nothing_and_says_where(site):
    site.plan_file.write_text(site.plan_file.read_text(encoding="utf-8").replace('"2025-08"', '"2025-13"', 1),
                              encoding="utf-8")
    text = _build(site)
    assert "Không tạo được" in text
    assert "plan.tasks[0].deadline: không có tháng 13" in text
    assert not (site.out / PLAN / "quyet-dinh.docx").exists()
