"""The fast render path gives the same document as plain docxtpl, or steps aside."""

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from cchc_docs.contexts import registry
from cchc_docs.model import load
from cchc_docs.model.status import reporting_calendar
from cchc_docs.render import engine

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"


def canonical_parts(docx: bytes) -> dict[str, bytes]:
    """Every zip member, XML ones canonicalised (C14N), so serialisation quirks don't count."""
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return {
            name: etree.tostring(etree.fromstring(z.read(name)), method="c14n")
            if name.endswith((".xml", ".rels")) else z.read(name)
            for name in z.namelist()
        }


def sample_contexts():
    """Every shipped template with every sample context it renders."""
    loaded = load.load_all(SAMPLE)
    versions, statuses = loaded.versions, loaded.statuses
    for today in (dt.date(2025, 7, 20), dt.date(2026, 1, 2)):
        for job in registry.plan_jobs(versions, statuses, reporting_calendar(versions[0]), today):
            yield job.template, job.context()


@pytest.mark.parametrize("template, context", list(sample_contexts()))
def test_fast_path_xml_equals_plain_docxtpl(template, context):
    path = ROOT / "templates" / template
    assert engine.compile_template(path).body is not None, "shipped templates use the fast path"
    assert canonical_parts(engine.render(path, context)) == canonical_parts(engine.render_plain(path, context))


def test_both_paths_write_the_context_properties_not_the_templates():
    path = ROOT / "templates" / "quyet-dinh.docx"
    context = registry.DECISION.build_context(load.load_plan(SAMPLE), dt.date(2025, 7, 1))
    context["properties"] = {**context["properties"], "title": "Tiêu đề thử"}
    for data in (engine.render(path, context), engine.render_plain(path, context)):
        props = Document(io.BytesIO(data)).core_properties
        assert (props.title, props.author) == ("Tiêu đề thử", "Ủy ban nhân dân xã Thượng Hồng")
        assert props.created == dt.datetime(2025, 7, 31, tzinfo=dt.UTC)


def test_fast_path_equals_plain_for_a_draft_with_escaped_text():
    path = ROOT / "templates" / "quyet-dinh.docx"
    plan_file = load.load_plan(SAMPLE)
    context = registry.DECISION.build_context(plan_file, dt.date(2025, 7, 1))
    context["decision"]["title"] = "Về việc <thử> & {{ 7*7 }} {% if %}"
    assert canonical_parts(engine.render(path, context)) == canonical_parts(engine.render_plain(path, context))


def test_fast_path_output_is_deterministic():
    path = ROOT / "templates" / "quyet-dinh.docx"
    context = registry.DECISION.build_context(load.load_plan(SAMPLE), dt.date(2025, 7, 1))
    assert engine.render(path, context) == engine.render(path, context)


def make_template(tmp_path: Path, header_text: str = "", body_text: str = "{{ x }}") -> Path:
    doc = Document()
    doc.add_paragraph(body_text)
    if header_text:
        doc.sections[0].header.paragraphs[0].text = header_text
    path = tmp_path / "t.docx"
    doc.save(path)
    return path


def test_template_with_tags_in_its_header_falls_back_to_plain_docxtpl(tmp_path):
    path = make_template(tmp_path, header_text="{{ x }}")
    assert engine.compile_template(path).body is None
    text = Document(io.BytesIO(engine.render(path, {"x": "chữ đầu trang"}))).sections[0].header.paragraphs[0].text
    assert text == "chữ đầu trang"


def test_template_with_column_loop_falls_back_to_plain_docxtpl(tmp_path):
    path = make_template(tmp_path, body_text="{%tc for c in cols %}{{ c }}{%tc endfor %}")
    compiled = engine.compile_template(path)
    assert compiled.body is None and "{%tc" in compiled.reason


def test_context_with_objects_falls_back_to_plain_docxtpl(tmp_path):
    path = make_template(tmp_path)

    class Named:
        def __str__(self):
            return "đối tượng"

    assert Document(io.BytesIO(engine.render(path, {"x": Named()}))).paragraphs[0].text == "đối tượng"


def test_undefined_value_in_fast_path_reports_the_template(tmp_path):
    path = make_template(tmp_path, body_text="{{ missing }}")
    with pytest.raises(engine.TemplateError, match=r"t\.docx: mẫu dùng một giá trị không có trong dữ liệu"):
        engine.render(path, {})


def test_changed_template_content_is_compiled_again(tmp_path):
    path = make_template(tmp_path, body_text="A {{ x }}")
    first = engine.render(path, {"x": "1"})
    make_template(tmp_path, body_text="B {{ x }}")
    second = engine.render(path, {"x": "1"})
    assert Document(io.BytesIO(first)).paragraphs[0].text == "A 1"
    assert Document(io.BytesIO(second)).paragraphs[0].text == "B 1"


@pytest.mark.parametrize("template, context", list(sample_contexts())[:4])
def test_body_finished_in_small_pieces_gives_the_same_document(monkeypatch, template, context):
    # A 10,000-task report is compressed piece by piece; the samples fit in one piece unless told.
    path = ROOT / "templates" / template
    whole = canonical_parts(engine.render(path, context))
    monkeypatch.setattr(engine, "PIECE", 3)
    assert canonical_parts(engine.render(path, context)) == whole


def test_tabs_and_line_breaks_give_what_plain_docxtpl_gives_when_the_body_comes_in_pieces(tmp_path, monkeypatch):
    # docxtpl turns them into Word's tabs and breaks paragraph by paragraph: the body is rendered whole then.
    path = make_template(tmp_path, body_text="{{ a }} {{ b }} {{ c }}")
    context = {"a": "Số 05/QĐ-UBND", "b": "dòng một\ndòng hai\tcột", "c": "cuối"}
    monkeypatch.setattr(engine, "PIECE", 1)
    fast = engine.render(path, context)
    assert canonical_parts(fast) == canonical_parts(engine.render_plain(path, context))
    assert "<w:br/>" in Document(io.BytesIO(fast)).paragraphs[0]._p.xml
