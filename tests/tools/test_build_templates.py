"""tools/build_templates.py builds the committed templates, and they are lean and sound."""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate
from lxml import etree

from cchc_docs.render import engine

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
DECISION = TEMPLATES / "quyet-dinh.docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def tool():
    spec = importlib.util.spec_from_file_location("build_templates", ROOT / "tools" / "build_templates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def canonical(name: str, data: bytes) -> bytes:
    """XML parts in C14N form (attribute order, quoting, declaration do not matter)."""
    if not name.endswith((".xml", ".rels")):
        return data
    return etree.tostring(etree.fromstring(data), method="c14n")


def test_the_tool_builds_the_decision_template(tool):
    assert "quyet-dinh.docx" in tool.TEMPLATES


def test_committed_decision_template_is_what_the_tool_builds(tool):
    built = members(tool.TEMPLATES["quyet-dinh.docx"]())
    committed = members(DECISION.read_bytes())
    assert list(built) == list(committed), "chạy python tools/build_templates.py"
    for name in committed:
        assert canonical(name, built[name]) == canonical(name, committed[name]), (
            f"{name} khác bản dựng từ tools/build_templates.py; chạy lại công cụ"
        )


def test_every_committed_template_is_what_the_tool_builds(tool):
    stale = []
    for name, build in sorted(tool.TEMPLATES.items()):
        path = TEMPLATES / name
        built = members(build())
        committed = members(path.read_bytes()) if path.is_file() else {}
        if list(built) != list(committed) or any(
            canonical(n, built[n]) != canonical(n, committed[n]) for n in committed
        ):
            stale.append(name)
    assert stale == [], "chạy python tools/build_templates.py"


def test_canonical_comparison_ignores_serialisation_only():
    a = b'<?xml version="1.0"?><r b="2" a="1"><x/></r>'
    b = b"<r a='1' b='2'><x></x></r>"
    assert canonical("p.xml", a) == canonical("p.xml", b)
    assert canonical("p.xml", a) != canonical("p.xml", a.replace(b'b="2"', b'b="3"'))


COMMITTED = sorted(TEMPLATES.glob("*.docx"))


@pytest.mark.parametrize("template", COMMITTED, ids=[t.name for t in COMMITTED])
def test_template_is_lean(template):
    data = template.read_bytes()
    names = list(members(data))
    assert len(data) < 60_000
    assert [n for n in names if re.search(r"stylesWithEffects|thumbnail|customXml|webSettings", n)] == []


@pytest.mark.parametrize("template", COMMITTED, ids=[t.name for t in COMMITTED])
def test_template_has_no_dangling_relationships(template):
    parts = members(template.read_bytes())
    for name, data in parts.items():
        if not name.endswith(".rels"):
            continue
        base = name.replace("_rels/", "").removesuffix(".rels").rsplit("/", 1)[0] if "/" in name else ""
        for rel in etree.fromstring(data):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target").lstrip("/")
            full = target if name == "_rels/.rels" or rel.get("Target").startswith("/") else f"{base}/{target}"
            assert full in parts, f"{name} points to missing {full}"


def _styles(parts: dict[str, bytes]) -> dict[str, set[str]]:
    root = etree.fromstring(parts["word/styles.xml"])
    found: dict[str, set[str]] = {}
    for style in root.iter(f"{W}style"):
        found.setdefault(style.get(f"{W}type"), set()).add(style.get(f"{W}styleId"))
    return found


@pytest.mark.parametrize("template", COMMITTED, ids=[t.name for t in COMMITTED])
def test_every_style_the_template_uses_exists(template):
    parts = members(template.read_bytes())
    styles = _styles(parts)
    used = {"paragraph": set(), "character": set(), "table": set()}
    for name in [n for n in parts if re.fullmatch(r"word/(document|header\d+|footer\d+)\.xml", n)]:
        root = etree.fromstring(parts[name])
        used["paragraph"] |= {e.get(f"{W}val") for e in root.iter(f"{W}pStyle")}
        used["character"] |= {e.get(f"{W}val") for e in root.iter(f"{W}rStyle")}
        used["table"] |= {e.get(f"{W}val") for e in root.iter(f"{W}tblStyle")}
    assert len(used["paragraph"]) > 10
    for kind, ids in used.items():
        assert ids <= styles.get(kind, set()), f"{kind} styles missing: {ids - styles.get(kind, set())}"


def test_template_tags_parse_and_use_only_names_of_the_decision_context(sample_context):
    names = DocxTemplate(DECISION).get_undeclared_template_variables(engine.environment())
    assert {"header", "document", "decision", "plan", "appendix"} <= names
    assert names <= set(sample_context)


# Schema order (ECMA-376 Part 1, CT_TblPr and CT_SectPr): Word may refuse a document
# whose property children are out of order or repeated.
TBLPR = ["tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
         "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
         "tblCaption", "tblDescription"]
SECTPR = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
          "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
          "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"]
REPEATABLE = {"headerReference", "footerReference"}


def _out_of_order(element, order: list[str]) -> list[str]:
    names = [etree.QName(child).localname for child in element]
    positions = [order.index(n) if n in order else -1 for n in names]
    repeated = sorted(n for n in set(names) if names.count(n) > 1 and n not in REPEATABLE)
    late = [name for i, name in enumerate(names) if positions[i] < max(positions[:i], default=-1)]
    return [f"{n} repeated" for n in repeated] + [f"{n} out of order" for n in late]


def test_table_and_section_properties_follow_schema_order():
    root = etree.fromstring(members(DECISION.read_bytes())["word/document.xml"])
    problems = [f"tblPr: {n}" for e in root.iter(f"{W}tblPr") for n in _out_of_order(e, TBLPR)]
    problems += [f"sectPr: {n}" for e in root.iter(f"{W}sectPr") for n in _out_of_order(e, SECTPR)]
    assert problems == []
