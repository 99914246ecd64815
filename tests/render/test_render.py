"""Tests for cchc_docs.render: data stays data, templates fail loudly and by name."""

from __future__ import annotations

import io
import subprocess
import zipfile

import docx
import jinja2
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from helpers import MINIMAL_PLAN, TEMPLATES, context_of, edited, open_docx, texts
from pdf_support import require_office

from cchc_docs.errors import TemplateError
from cchc_docs.pdf import office
from cchc_docs.render import engine

DECISION_TEMPLATE = TEMPLATES / "quyet-dinh.docx"


def tiny_template(folder, *lines: str):
    """A one-paragraph-per-line DOCX template made here with python-docx."""
    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    path = folder / "mau.docx"
    document.save(str(path))
    return path


# --- data is printed literally ------------------------------------------------------------------

TRICKY = "a < b && c > d {{ 7*7 }} {% if x %}y{% endif %} {#c#} ]]>"


def test_markup_and_jinja_in_data_appear_literally_in_the_document():
    text = edited(MINIMAL_PLAN, "        - Các phòng triển khai Kế hoạch này.", f"        - '{TRICKY}'")
    text = edited(text, "    - Sở Nội vụ", "    - 'Sở <Nội vụ> & {{ 7*7 }}'")
    document = open_docx(engine.render(DECISION_TEMPLATE, context_of(text)))
    found = texts(document)
    assert TRICKY + "./." in found
    assert "- Sở <Nội vụ> & {{ 7*7 }};" in found
    assert not any("49" in t for t in found)


DOCXTPL_ESCAPES = "{_{ x }_} {_% y %_} {_# z #_} a_}b {_}"


@pytest.mark.parametrize("path", [engine.render, engine.render_plain], ids=["fast", "plain"])
def test_docxtpl_escape_syntax_in_data_prints_as_typed_and_still_works_in_template_text(tmp_path, path):
    template = tiny_template(tmp_path, "{{ text }}", "Mẫu: {_{ so }_}")
    document = open_docx(path(template, {"text": DOCXTPL_ESCAPES}))
    assert [p.text for p in document.paragraphs] == [DOCXTPL_ESCAPES, "Mẫu: {{ so }}"]


def test_rendered_text_comes_from_the_context(tmp_path):
    template = tiny_template(tmp_path, "Số: {{ so }}", "{% for x in items %}{{ x }};{% endfor %}")
    document = open_docx(engine.render(template, {"so": "05", "items": ["a", "b"]}))
    assert [p.text for p in document.paragraphs] == ["Số: 05", "a;b;"]


def test_rendered_package_has_fixed_timestamps():
    data = engine.render(DECISION_TEMPLATE, context_of(MINIMAL_PLAN))
    stamps = {info.date_time for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert stamps == {(1980, 1, 1, 0, 0, 0)}


def test_rule_paragraphs_get_the_indents_from_the_context():
    ctx = context_of(MINIMAL_PLAN)
    ctx["rule_indents"] = {**ctx["rule_indents"], "RuleMotto": 25.0}
    document = open_docx(engine.render(DECISION_TEMPLATE, ctx))
    mottos = [
        p for p in document.element.body.iter(qn("w:p")) if p.xpath("string(./w:pPr/w:pStyle/@w:val)") == "RuleMotto"
    ]
    assert len(mottos) == 2  # decision and attached plan
    for p in mottos:
        fmt = Paragraph(p, None).paragraph_format
        assert round(fmt.left_indent.mm, 1) == round(fmt.right_indent.mm, 1) == 25.0


# --- template errors -----------------------------------------------------------------------------


def test_undefined_name_in_a_template_is_a_template_error_naming_the_template(tmp_path):
    template = tiny_template(tmp_path, "Trước", "{{ missing }}")
    with pytest.raises(TemplateError) as e:
        engine.render(template, {})
    assert str(e.value) == f"{template}: mẫu dùng một giá trị không có trong dữ liệu ('missing' is undefined)"
    assert isinstance(e.value.__cause__, jinja2.UndefinedError)


def test_undefined_attribute_is_not_rendered_as_empty_text(tmp_path):
    template = tiny_template(tmp_path, "{{ decision.missing }}")
    with pytest.raises(TemplateError) as e:
        engine.render(template, {"decision": {"title": "x"}})
    assert str(e.value).startswith(f"{template}: mẫu dùng một giá trị không có trong dữ liệu")


def test_sandbox_violation_in_a_template_is_a_template_error(tmp_path):
    template = tiny_template(tmp_path, "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateError) as e:
        engine.render(template, {})
    assert str(e.value).startswith(f"{template}: mẫu gọi một thao tác không được phép")
    assert isinstance(e.value.__cause__, jinja2.exceptions.SecurityError)


def test_broken_tag_is_a_template_error_naming_the_template(tmp_path):
    template = tiny_template(tmp_path, "Căn cứ", "{% if %}")
    with pytest.raises(TemplateError) as e:
        engine.render(template, {})
    assert str(e.value).startswith(f"{template}: cú pháp thẻ {{{{ … }}}} hoặc {{% … %}} trong mẫu sai")
    assert isinstance(e.value.__cause__, jinja2.TemplateSyntaxError)


def test_missing_template_file_is_a_template_error(tmp_path):
    with pytest.raises(TemplateError) as e:
        engine.render(tmp_path / "khong-co.docx", {})
    assert str(e.value) == f"{tmp_path / 'khong-co.docx'}: không tìm thấy tệp mẫu"


def test_file_that_is_not_a_docx_is_a_template_error(tmp_path):
    path = tmp_path / "mau.docx"
    path.write_text("không phải DOCX", encoding="utf-8")
    with pytest.raises(TemplateError) as e:
        engine.render(path, {})
    assert str(e.value).startswith(f"{path}: tệp mẫu hỏng hoặc không phải DOCX")


# --- a số/ký hiệu never breaks at its hyphen --------------------------------------------------------

@pytest.mark.parametrize("path", [engine.render, engine.render_plain], ids=["fast", "plain"])
def test_the_hyphens_of_a_so_ky_hieu_are_non_breaking_and_read_back_as_hyphens(tmp_path, path):
    template = tiny_template(tmp_path, "{{ text }}")
    document = open_docx(path(template, {"text": "theo Quyết định số 156/QĐ-UBND và Công văn số 12/UBND-VHXH-VP"}))
    runs = document.paragraphs[0]._p.findall(f"{qn('w:r')}")
    assert sum(len(r.findall(qn("w:noBreakHyphen"))) for r in runs) == 3
    assert document.paragraphs[0].text == "theo Quyết định số 156/QĐ-UBND và Công văn số 12/UBND-VHXH-VP"


@pytest.mark.libreoffice
def test_a_so_ky_hieu_near_the_end_of_a_line_is_never_split_in_the_pdf(tmp_path):
    """Five lines that LibreOffice breaks right after "156/QĐ-" when the hyphen is an ordinary one."""
    require_office()
    document = docx.Document()
    for i in range(1, 6):
        run = document.add_paragraph().add_run(f"{{{{ t{i} }}}}")
        run.font.name, run.font.size = "Times New Roman", Pt(14)
    document.save(str(tmp_path / "mau.docx"))
    context = {f"t{i}": "chữ " * 12 + "x" * i + " theo số 156/QĐ-UBND xong" for i in range(1, 6)}
    (tmp_path / "so.docx").write_bytes(engine.render(tmp_path / "mau.docx", context))
    subprocess.run([str(office.find_soffice()), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "so.docx")],
                   capture_output=True, timeout=180, check=True)
    lines = subprocess.run(["pdftotext", "-layout", str(tmp_path / "so.pdf"), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    assert sum("156/QĐ-UBND" in line for line in lines) == 5, lines
