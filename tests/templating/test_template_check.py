"""``templates check`` catches each way an edit breaks a template, and says where in words the clerk sees.

Every test copies the shipped templates, makes one breakage in a copy with python-docx or
lxml (as Word or a clerk would), checks the folder and reads the findings.
"""

from __future__ import annotations

import copy
import functools
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from helpers import TEMPLATES

from cchc_docs.checks import output
from cchc_docs.render.lint import visible
from cchc_docs.templating import check

DECISION = "quyet-dinh.docx"


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """The shipped templates, checked once: the reference every breakage is compared with."""
    return check.check_folder(TEMPLATES, TEMPLATES)


@pytest.fixture
def folder(tmp_path):
    """A copy of the shipped templates to break."""
    target = tmp_path / "mau"
    shutil.copytree(TEMPLATES, target)
    return target


def edit(path: Path, change) -> None:
    """Open ``path`` with python-docx, apply ``change(document)``, save it back."""
    document = docx.Document(str(path))
    change(document)
    document.save(str(path))


def paragraph_with(document, text: str):
    """The one body paragraph whose visible text is ``text``."""
    found = [p for p in document.element.body.iter(qn("w:p")) if visible(p) == text]
    assert found, f"no paragraph {text!r}"
    return found[0]


def retype(document, old: str, new: str) -> None:
    """Replace the text of the first paragraph reading ``old`` (one run) by ``new``."""
    paragraph_with(document, old).find(f"{qn('w:r')}/{qn('w:t')}").text = new


@functools.cache
def sample_contexts() -> dict:
    return check.sample.contexts()


def findings_of(folder: Path, name: str = DECISION) -> list:
    """The findings of one template of ``folder`` (the folder's other files are the subject of their own tests)."""
    result = check.check_template(folder / name, TEMPLATES / name, sample_contexts()[name])
    assert result.error is None, result.error
    return list(result.findings)


def rules_of(findings) -> set[str]:
    return {f.rule for f in findings}


def test_the_shipped_templates_have_no_findings(clean):
    assert [(r.file, r.findings, r.error) for r in clean if r.findings or r.error] == []
    assert output.exit_code(clean, strict=True) == 0


def test_every_shipped_template_is_checked_with_a_sample_render(clean):
    assert sorted(Path(r.file).name for r in clean) == sorted(p.name for p in TEMPLATES.glob("*.docx"))
    assert set(sample_contexts()) == {p.name for p in TEMPLATES.glob("*.docx")}


# --- placeholders --------------------------------------------------------------------------------


def test_a_placeholder_the_program_does_not_provide_is_named_where_it_stands(folder):
    edit(folder / DECISION, lambda d: retype(d, "{{ decision.title }}", "{{ decision.titel }}"))
    found = findings_of(folder)
    unknown = [f for f in found if f.rule == "MAU-PLACEHOLDER-UNKNOWN"]
    assert len(unknown) == 1 and "{{ decision.titel }}" in unknown[0].message
    assert unknown[0].excerpt == "{{ decision.titel }}"
    assert any(f.rule == "MAU-PLACEHOLDER-LOST" and "decision.title" in f.message for f in found)


def test_a_placeholder_inside_a_loop_is_checked_against_the_items_of_its_list(folder):
    edit(folder / DECISION, lambda d: retype(d, "{{ row.content }}", "{{ row.contents }}"))
    unknown = [f for f in findings_of(folder) if f.rule == "MAU-PLACEHOLDER-UNKNOWN"]
    assert [f.message for f in unknown] == [
        "mẫu dùng {{ row.contents }} (dữ liệu appendix.rows.*.contents) nhưng chương trình không có dữ liệu này"]


def test_a_placeholder_typed_over_with_plain_text_is_reported_lost_with_its_original_place(folder):
    edit(folder / DECISION, lambda d: retype(d, "{{ plan.title }}", "Cải cách hành chính năm 2025"))
    lost = [f for f in findings_of(folder) if f.rule == "MAU-PLACEHOLDER-LOST"]
    assert len(lost) == 1
    assert "{{ plan.title }}" in lost[0].message and lost[0].excerpt == "{{ plan.title }}"
    assert lost[0].severity == "error"


def test_new_data_the_program_provides_is_allowed(folder):
    added = "{{ decision.title }} {{ document.place_date }}"
    edit(folder / DECISION, lambda d: retype(d, "{{ decision.title }}", added))
    assert findings_of(folder) == []


# --- jinja syntax --------------------------------------------------------------------------------


def test_a_syntax_error_is_located_by_the_text_of_its_paragraph(folder):
    edit(folder / DECISION, lambda d: retype(d, "{{ decision.title }}", "{{ decision title }}"))
    syntax = [f for f in findings_of(folder) if f.rule == "MAU-SYNTAX"]
    assert len(syntax) == 1
    assert syntax[0].excerpt == "{{ decision title }}"
    assert syntax[0].message.startswith("cú pháp thẻ {{ … }} hoặc {% … %} sai")


def test_quotes_word_curled_inside_a_tag_are_no_problem(folder):
    """docxtpl straightens ‘ ’ “ ” inside tags, so Word's AutoFormat cannot break a condition."""
    edit(folder / DECISION, lambda d: retype(d, "{%p if p.kind == 'section' %}", "{%p if p.kind == ‘section’ %}"))
    assert findings_of(folder) == []


def test_a_deleted_endfor_is_reported_at_the_loop_it_leaves_open(folder):
    def drop_last_endfor(document):
        endfors = [p for p in document.element.body.iter(qn("w:p")) if visible(p) == "{%p endfor %}"]
        endfors[-1].getparent().remove(endfors[-1])

    edit(folder / DECISION, drop_last_endfor)
    found = findings_of(folder)
    syntax = [f for f in found if f.rule == "MAU-SYNTAX"]
    assert len(syntax) == 1 and "endfor" in syntax[0].message
    assert syntax[0].excerpt == "{%p for p in plan.paragraphs %}"
    assert not any(f.rule.startswith(("ND30", "MAU-PLACEHOLDER")) for f in found)  # nothing rendered on a broken tag


# --- tags split across runs ----------------------------------------------------------------------


def split_run(paragraph, at: int, between: str = ""):
    """Split the paragraph's one run after ``at`` characters, with XML ``between`` the two halves."""
    run = paragraph.find(qn("w:r"))
    text = run.find(qn("w:t")).text
    second = copy.deepcopy(run)
    run.find(qn("w:t")).text, second.find(qn("w:t")).text = text[:at], text[at:]
    run.addnext(second)
    if between:
        run.addnext(parse_xml(between))


def test_a_tag_split_across_runs_by_word_is_joined_and_not_reported(folder):
    edit(folder / DECISION, lambda d: split_run(paragraph_with(d, "{{ decision.title }}"), 7))
    assert findings_of(folder) == []


def test_a_tracked_deletion_between_the_braces_is_a_split_tag_docxtpl_cannot_join(folder):
    deletion = (f'<w:del {nsdecls("w")} w:id="1" w:author="Văn thư" w:date="2025-09-15T00:00:00Z">'
                "<w:r><w:delText>x</w:delText></w:r></w:del>")
    edit(folder / DECISION, lambda d: split_run(paragraph_with(d, "{{ decision.title }}"), 1, deletion))
    split = [f for f in findings_of(folder) if f.rule == "MAU-SPLIT-TAG"]
    assert len(split) == 1 and split[0].excerpt == "{{ decision.title }}"


def test_a_tag_broken_over_two_paragraphs_is_a_split_tag(folder):
    def press_enter_inside(document):
        p = paragraph_with(document, "{{ decision.title }}")
        second = copy.deepcopy(p)
        p.find(f"{qn('w:r')}/{qn('w:t')}").text = "{{ decision."
        second.find(f"{qn('w:r')}/{qn('w:t')}").text = "title }}"
        p.addnext(second)

    edit(folder / DECISION, press_enter_inside)
    split = [f for f in findings_of(folder) if f.rule == "MAU-SPLIT-TAG"]
    assert [f.excerpt for f in split] == ["{{ decision.", "title }}"]


# --- styles --------------------------------------------------------------------------------------


def test_a_renamed_style_is_a_missing_named_style(folder):
    def rename(document):
        document.styles["Tiêu ngữ"].name = "Khẩu hiệu"

    edit(folder / DECISION, rename)
    missing = [f for f in findings_of(folder) if f.rule == "MAU-STYLE-MISSING"]
    assert len(missing) == 1 and "“Tiêu ngữ”" in missing[0].message


def test_a_rule_style_renamed_with_a_new_id_also_loses_the_rule_in_the_sample(folder):
    def rename(document):
        style = document.styles["Đường kẻ dưới tiêu ngữ"]
        style.name, style.style_id = "Đường kẻ", "ngk"

    edit(folder / DECISION, rename)
    rules = rules_of(findings_of(folder))
    assert "MAU-STYLE-MISSING" in rules and any(r.startswith("ND30-MOTTO-RULE") for r in rules), rules


def test_a_paragraph_whose_style_was_deleted_is_named(folder):
    def delete_style(document):
        style = document.styles["Trích yếu"].element
        style.getparent().remove(style)

    edit(folder / DECISION, delete_style)
    missing = [f for f in findings_of(folder) if f.rule == "MAU-STYLE-MISSING"]
    assert any(f.excerpt == "{{ decision.title }}" and "'TrichYeu'" in f.message for f in missing)
    assert any("“Trích yếu”" in f.message for f in missing)


# --- page set-up, fonts, sizes, page numbers: ND30 on the sample render --------------------------


def test_a_changed_margin_breaks_nd30_in_the_sample_render(folder):
    def narrow(document):
        for section in document.sections:
            section.left_margin = Mm(20)

    edit(folder / DECISION, narrow)
    margin = [f for f in findings_of(folder) if f.rule == "ND30-MARGIN-LEFT"]
    assert margin and margin[0].severity == "error" and margin[0].message.startswith(check.SAMPLE_NOTE)


def test_a_changed_font_and_size_break_nd30_in_the_sample_render(folder):
    def restyle(document):  # select all, pick Arial; then shrink the Quốc hiệu style
        for run in document.element.body.iter(qn("w:r")):
            fonts = run.get_or_add_rPr().get_or_add_rFonts()
            fonts.set(qn("w:ascii"), "Arial")
            fonts.set(qn("w:hAnsi"), "Arial")
        document.styles["Quốc hiệu"].font.size = Pt(10)

    edit(folder / DECISION, restyle)
    rules = rules_of(findings_of(folder))
    assert any(r.startswith("ND30-FONT") for r in rules), rules
    assert any(r.startswith("ND30-NATIONAL-TITLE") for r in rules), rules


def test_a_page_number_deleted_from_the_header_is_reported(folder):
    def delete_field(document):
        header = document.sections[0].header._element
        for run in list(header.iter(qn("w:r"))):
            run.getparent().remove(run)

    edit(folder / DECISION, delete_field)
    pages = [f for f in findings_of(folder) if f.rule == "MAU-PAGE-NUMBER"]
    assert [f.message for f in pages] == [f"phần {n} của mẫu không có số trang (trường PAGE) ở đầu trang"
                                          for n in (1, 2, 3)]


def test_a_page_number_shown_on_the_first_page_is_reported(folder):
    def same_first_page(document):
        document.sections[0].different_first_page_header_footer = False

    edit(folder / DECISION, same_first_page)
    assert [f.message for f in findings_of(folder) if f.rule == "MAU-PAGE-NUMBER"] == [
        "phần 1 của mẫu hiện số trang ở trang đầu (cần chọn Different First Page / Trang đầu khác)"]


# --- files ---------------------------------------------------------------------------------------


def test_a_missing_template_a_stray_file_and_an_unreadable_file(folder):
    (folder / "ke-hoach.docx").unlink()
    shutil.copy(folder / DECISION, folder / "quyet-dinh (ban sao).docx")
    (folder / "cong-van.docx").write_bytes(b"not a zip")
    results = {Path(r.file).name: r for r in check.check_folder(folder, TEMPLATES)}
    assert [f.rule for f in results["ke-hoach.docx"].findings] == ["MAU-FILE-MISSING"]
    assert [(f.rule, f.severity) for f in results["quyet-dinh (ban sao).docx"].findings] == [
        ("MAU-FILE-UNKNOWN", "warning")]
    assert "tệp mẫu hỏng hoặc không phải DOCX" in results["cong-van.docx"].error
    assert output.exit_code(list(results.values()), strict=False) == 1
