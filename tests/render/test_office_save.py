"""Every shipped template, saved as a clerk would save it, still gives lawful documents.

Each template in ``templates/`` (listed when the test runs, so a new one is covered
without editing this file) is saved through LibreOffice headless (``soffice
--convert-to docx``) and through a python-docx open-and-save; the sample plan, with one
amendment so that the amending decision and the consolidated plan are made too, and the
sample of a plan issued on its own (Kế hoạch số …/KH-UBND) are built with the saved
templates, and the công văn đôn đốc is written with them. Every
document passes the self-check without an error: rules short, page numbers on every
page but the first of each part.
"""

from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from helpers import ROOT, SAMPLE, TEMPLATES, TODAY
from office_support import libreoffice_saved
from test_render_fast import canonical_parts

from cchc_docs import checks
from cchc_docs.contexts import registry
from cchc_docs.model import load
from cchc_docs.model.status import reporting_calendar
from cchc_docs.pipeline import build
from cchc_docs.render import engine
from cchc_docs.sheets import remind
from cchc_docs.templating import check

# A real amendment of the sample: its decision, Phụ lục I (comparison) and the consolidated plan.
SAMPLE_AMENDMENT = """
amendments:
  - id: SD01
    decision:
      number: "75"
      date: "2025-10-15"
      title: Sửa đổi, bổ sung Kế hoạch Cải cách hành chính nhà nước xã Thượng Hồng 6 tháng cuối năm 2025
      authority: ỦY BAN NHÂN DÂN XÃ THƯỢNG HỒNG
      legal_bases: [Luật Tổ chức chính quyền địa phương ngày 16/6/2025]
      executors: Chánh Văn phòng HĐND và UBND xã, Trưởng phòng Văn hóa - Xã hội
      recipients: [Như Điều 4, Sở Nội vụ thành phố Hải Phòng]
      archive: [VHXH]
      signer: {on_behalf_of: ỦY BAN NHÂN DÂN, title: CHỦ TỊCH, name: Nguyễn Văn An}
    changes:
      - action: change
        task: T15
        set: {deadline: "2025-12-15"}
        reason: Lùi thời hạn theo hướng dẫn của Sở Nội vụ
"""
REMIND_ON = dt.date(2025, 11, 20)
# The plan issued on its own: the only plan that uses ke-hoach-ban-hanh.docx.
ISSUED_SAMPLE = ROOT / "data" / "an-binh-2025-kh.yaml"


def python_docx_saved(folder):
    """Every template opened and saved by python-docx, as a script that edits them would."""
    folder.mkdir()
    for template in sorted(TEMPLATES.glob("*.docx")):
        docx.Document(str(template)).save(str(folder / template.name))
    return folder


def sample_with_amendment(tmp_path):
    """The sample plan and its status files, with SAMPLE_AMENDMENT added, in ``tmp_path``."""
    shutil.copytree(SAMPLE.with_suffix(""), tmp_path / SAMPLE.stem)
    plan = tmp_path / SAMPLE.name
    plan.write_text(SAMPLE.read_text(encoding="utf-8") + SAMPLE_AMENDMENT, encoding="utf-8")
    return plan


def build_everything(plan, templates, out):
    """Every document of the plan and a công văn, made with ``templates``: {template name: [findings]}."""
    findings: dict[str, list] = {}
    for source in (plan, ISSUED_SAMPLE):
        template_of = {job.kind: job.template for job in _jobs(source)}
        for output in build.build(source, out, templates, TODAY, check=False):
            findings.setdefault(template_of[output.kind], []).extend(checks.check_bytes(output.data))
    letter = remind.write_letter(remind.reminder(plan, REMIND_ON), out / "cong-van.docx", templates, check=False)
    findings.setdefault(remind.TEMPLATE, []).extend(checks.check_bytes(letter.data))
    return findings


def _jobs(plan):
    loaded = load.load_all(plan)
    return registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), TODAY)


def errors_by_template(findings):
    return {name: [f"{f.rule}: {f.message} ({f.got})" for f in found if f.severity == "error"]
            for name, found in findings.items()}


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    return sample_with_amendment(tmp_path_factory.mktemp("plan"))


@pytest.fixture(scope="module")
def libreoffice_templates(tmp_path_factory):
    """Every template opened and saved by LibreOffice Writer, once for the module."""
    return libreoffice_saved(sorted(TEMPLATES.glob("*.docx")), tmp_path_factory.mktemp("saved") / "lo")


def test_the_round_trip_makes_every_shipped_template(plan, tmp_path):
    findings = build_everything(plan, TEMPLATES, tmp_path / "out")
    assert sorted(findings) == sorted(t.name for t in TEMPLATES.glob("*.docx")), (
        "a template no document of the sample uses: add data that uses it to this test")
    assert errors_by_template(findings) == {name: [] for name in findings}


@pytest.mark.libreoffice
def test_templates_saved_by_libreoffice_give_documents_without_format_errors(plan, libreoffice_templates, tmp_path):
    findings = build_everything(plan, libreoffice_templates, tmp_path / "out")
    assert sorted(findings) == sorted(t.name for t in TEMPLATES.glob("*.docx"))
    assert errors_by_template(findings) == {name: [] for name in findings}


def test_templates_saved_by_python_docx_give_documents_without_format_errors(plan, tmp_path):
    saved = python_docx_saved(tmp_path / "pd")
    findings = build_everything(plan, saved, tmp_path / "out")
    assert errors_by_template(findings) == {name: [] for name in findings}



@pytest.mark.libreoffice
def test_templates_saved_by_libreoffice_render_the_same_by_both_paths(plan, libreoffice_templates):
    for job in _jobs(plan):
        template, context = libreoffice_templates / job.template, job.context()
        assert engine.compile_template(template).body is not None, f"{job.template}: fast path refused"
        assert canonical_parts(engine.render(template, context)) == canonical_parts(
            engine.render_plain(template, context)), job.template


@pytest.mark.libreoffice
def test_templates_saved_by_libreoffice_pass_templates_check(libreoffice_templates):
    results = check.check_folder(libreoffice_templates, TEMPLATES)
    assert [(r.file, r.findings, r.error) for r in results if r.findings or r.error] == []


def test_templates_saved_by_python_docx_pass_templates_check(tmp_path):
    results = check.check_folder(python_docx_saved(tmp_path / "pd"), TEMPLATES)
    assert [(r.file, r.findings, r.error) for r in results if r.findings or r.error] == []
