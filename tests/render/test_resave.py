"""What an office-suite save does to a template, and what the renderer does about it.

Each test makes in a copy of a shipped template the change LibreOffice 7.4 makes when
it saves it (measured: ``test_office_save.py`` runs LibreOffice itself): style ids
rewritten from the style names, an indent on the rule paragraphs, and a one-page
section written back with its empty first-page header as the default and no
"different first page".
"""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx.oxml.ns import qn
from helpers import MINIMAL_PLAN, TEMPLATES, context_of, open_docx
from lxml import etree

from cchc_docs import checks
from cchc_docs.render import engine, resave

DECISION = TEMPLATES / "quyet-dinh.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def edited_template(source: Path, target: Path, **edits) -> Path:
    """A copy of ``source`` with ``edits[part](root)`` applied to parts named like ``word_styles`` → word/styles.xml."""
    parts = {name.replace("/", "_").removesuffix(".xml"): name for name in zipfile.ZipFile(source).namelist()}
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            key = next((k for k, n in parts.items() if n == item.filename and k in edits), None)
            if key:
                root = etree.fromstring(data)
                edits[key](root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            new.writestr(item, data)
    return target


def ids_from_names(styles) -> None:
    """As LibreOffice: each custom style's id becomes its name without spaces, diacritics or đ."""
    for style in styles.iter(f"{{{W}}}style"):
        if style.get(f"{{{W}}}customStyle") or style.get(f"{{{W}}}styleId", "").startswith("Rule"):
            name = style.find(f"{{{W}}}name").get(f"{{{W}}}val")
            style.set(f"{{{W}}}styleId", "".join(c for c in name if c.isascii() and c.isalnum()))


def references_from_names(styles_source: Path):
    """An edit of document.xml pointing every pStyle at the new id of its style (see ids_from_names)."""
    root = etree.fromstring(zipfile.ZipFile(styles_source).read("word/styles.xml"))
    renamed = {}
    for style in root.iter(f"{{{W}}}style"):
        name = style.find(f"{{{W}}}name").get(f"{{{W}}}val")
        renamed[style.get(f"{{{W}}}styleId")] = "".join(c for c in name if c.isascii() and c.isalnum())

    def edit(document):
        for ref in document.iter(f"{{{W}}}pStyle"):
            if ref.get(f"{{{W}}}val").startswith("Rule"):
                ref.set(f"{{{W}}}val", renamed[ref.get(f"{{{W}}}val")])
    return edit


def sections_of(document_root):
    return document_root.xpath("./w:body/w:p/w:pPr/w:sectPr | ./w:body/w:sectPr", namespaces={"w": W})


def second_section_saved_as_one_page(document) -> None:
    """As LibreOffice for a one-page section: the empty first-page header becomes its default, no w:titlePg."""
    first, second = sections_of(document)[:2]
    empty = first.find(f"{{{W}}}headerReference[@{{{W}}}type='first']").get(f"{{{R}}}id")
    second.remove(second.find(f"{{{W}}}titlePg"))
    ref = etree.Element(f"{{{W}}}headerReference", {f"{{{W}}}type": "default", f"{{{R}}}id": empty})
    second.insert(0, ref)


def rule_indents_mm(data: bytes, style_id: str) -> list[tuple[float, float]]:
    document = open_docx(data)
    found = []
    for p in document.element.body.iter(qn("w:p")):
        if resave.paragraph_style(p) == style_id:
            ind = p.pPr.ind
            found.append((round(ind.left.mm, 1), round(ind.right.mm, 1)))
    return found


@pytest.fixture
def context():
    ctx = context_of(MINIMAL_PLAN)
    ctx["rule_indents"] = {**ctx["rule_indents"], "RuleMotto": 25.0}
    return ctx


@pytest.mark.parametrize("render", [engine.render, engine.render_plain], ids=["fast", "plain"])
def test_rules_are_found_by_the_name_of_their_style_when_the_ids_changed(tmp_path, context, render):
    template = edited_template(DECISION, tmp_path / "t.docx", word_styles=ids_from_names,
                               word_document=references_from_names(DECISION))
    data = render(template, context)
    # "Đường kẻ dưới tiêu ngữ" → ngkditiung; decision and attached plan each have one.
    assert rule_indents_mm(data, "ngkditiung") == [(25.0, 25.0), (25.0, 25.0)]


def test_an_indent_already_on_a_rule_paragraph_is_replaced_the_same_way_by_both_paths(tmp_path, context):
    def indent_rules(document):
        for p in document.iter(f"{{{W}}}p"):
            style = p.find(f"{{{W}}}pPr/{{{W}}}pStyle")
            if style is not None and style.get(f"{{{W}}}val").startswith("Rule"):
                ind = etree.SubElement(p.find(f"{{{W}}}pPr"), f"{{{W}}}ind")
                ind.set(f"{{{W}}}left", "0")
                ind.set(f"{{{W}}}hanging", "0")

    template = edited_template(DECISION, tmp_path / "t.docx", word_document=indent_rules)
    fast, plain = engine.render(template, context), engine.render_plain(template, context)
    assert rule_indents_mm(fast, "RuleMotto") == rule_indents_mm(plain, "RuleMotto") == [(25.0, 25.0)] * 2
    for data in (fast, plain):
        rules = [p for p in open_docx(data).element.body.iter(qn("w:p")) if resave.paragraph_style(p) == "RuleMotto"]
        assert all(len(p.pPr.findall(qn("w:ind"))) == 1 and p.pPr.ind.hanging is None for p in rules)


def test_a_section_saved_without_its_page_numbers_gets_them_back_from_page_two(tmp_path, sample_context):
    template = edited_template(DECISION, tmp_path / "t.docx", word_document=second_section_saved_as_one_page)
    data = engine.render(template, sample_context)
    document = open_docx(data)
    plan = document.sections[1]
    assert plan.different_first_page_header_footer
    assert resave.has_page_field(plan.header._element)
    assert not resave.has_page_field(plan.first_page_header._element)
    assert [f.rule for f in checks.check_bytes(data) if f.rule.startswith("ND30-PAGE")] == []


def test_the_unsaved_template_needs_no_page_number_restored():
    assert resave.restore_page_numbers(open_docx(DECISION)) == []


def test_restoring_names_the_sections_it_gave_page_numbers(tmp_path):
    template = edited_template(DECISION, tmp_path / "t.docx", word_document=second_section_saved_as_one_page)
    assert resave.restore_page_numbers(open_docx(template)) == [2]


def test_a_template_without_any_page_number_is_left_as_it_is_for_the_check_to_report(tmp_path, sample_context):
    def no_field(header):
        for run in header.iter(f"{{{W}}}r"):
            if run.find(f"{{{W}}}instrText") is not None or run.find(f"{{{W}}}fldChar") is not None:
                run.getparent().remove(run)

    template = edited_template(DECISION, tmp_path / "t.docx", word_header1=no_field)
    assert resave.restore_page_numbers(open_docx(template)) == []
    rules = {f.rule for f in checks.check_bytes(engine.render(template, sample_context))}
    assert "ND30-PAGE-NUMBER-MISSING" in rules


def test_style_names_compare_as_word_compares_them():
    assert resave.name_key("Đường  kẻ dưới TIÊU NGỮ") == resave.name_key("đường kẻ dưới tiêu ngữ")
    assert resave.name_key(unicodedata.normalize("NFD", "tiêu ngữ")) == resave.name_key("tiêu ngữ")
