"""Render a DOCX template with a context: the only module that imports docxtpl.

Templates are data, not code: jinja runs in a sandbox, with ``StrictUndefined`` (a
missing value is an error, never an empty string in an official document) and with
autoescape on, so ``<``, ``&`` or ``{{ 7*7 }}`` in the data appear literally; docxtpl's
own escape syntax (``{_{ }_}``) is kept as typed in data too (see :func:`_as_typed`).

Two paths give the same document XML:

- the **plain path** is docxtpl as documented: load the template, render, save;
- the **fast path** does docxtpl's per-template work once per process — reading the
  package, its regex preprocessing (``patch_xml``), compiling the jinja template,
  compressing the parts that never change — and per document only renders the body,
  compresses it piece by piece between the parts of ``word/document.xml`` around it
  and packs the zip with the precompressed members. Steps that analysis of the template shows are no-ops (``fix_tables``
  without column loops, ``fix_docpr_ids`` without pictures, ``resolve_listing``
  when the text has no tab or line-break characters) are skipped.

A template that uses anything the fast path does not model (tags outside the body,
column loops, merged-cell tags, pictures, rich text, sub-documents) falls back to the
plain path automatically; ``tests/test_render_fast.py`` proves both paths give the
same canonical XML for every shipped template.

After jinja, both paths apply one layout step a template cannot express: the rules
(đường kẻ) under the issuing body and the trích yếu get the indents that give them
the length the context computed from the text above them. Rule paragraphs are found
by the name of their style, and a section that lost its page-number header in an
office-suite save gets it back, when the template is opened (see :mod:`.resave`).

Both paths also write the document properties (Word's File › Info) last, from the
context's ``properties`` (see :func:`cchc_docs.contexts.common.properties`):
``docProps/core.xml`` and ``docProps/app.xml`` are made anew by :func:`property_parts`,
so nothing of the template's (python-docx's comment, a fake author or date, tags that
docxtpl renders there) reaches an output, and the same context gives the same bytes.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import jinja2
import markupsafe
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_SignedTwipsMeasure
from docx.shared import Mm
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment
from lxml import etree

from cchc_docs.errors import TemplateError
from cchc_docs.render import references, resave
from cchc_docs.render.zipdet import Deflater, Member, deflate, deterministic_zip, pack

DOCUMENT_PART = "word/document.xml"
CORE_PART, APP_PART = "docProps/core.xml", "docProps/app.xml"
LANGUAGE = "vi-VN"  # as the styles' w:lang: every document is in Vietnamese
# Body tags whose post-processing the fast path does not reproduce.
_UNSUPPORTED = ("{%tc", "{% tc", "colspan", "cellbg", "{%vm", "{%hm", "{{r ", "{{p ", "{{i ", "wp:docPr")


class _Sandbox(SandboxedEnvironment):
    """The sandbox, reading ``row.text`` on our plain-dict contexts as the key it names.

    Jinja tries the attribute first and falls back to the key; on a dict that costs a
    raised and caught AttributeError per lookup, tens of thousands per report. Item
    access is never restricted by the sandbox, so answering with the key is as safe;
    anything else goes through the sandbox's own checks.
    """

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment() -> jinja2.Environment:
    """The jinja environment every template renders in."""
    return _Sandbox(undefined=jinja2.StrictUndefined, autoescape=True, finalize=_as_typed)


# docxtpl's escape syntax: after jinja it turns ``{_{ }_}`` and ``{_% %_}`` of the whole
# rendered XML into ``{{ }}`` and ``{% %}`` (both paths do it, see :func:`_unescape`).
# That is meant for template text; in data it would change what the clerk typed.
_ESCAPE_UNDERSCORE = re.compile(r"(?<=\{)_|_(?=\})")


def _as_typed(value):
    """Each value a template prints, XML-escaped, with docxtpl's escape syntax kept as typed.

    An underscore next to a brace is written as the character reference ``&#95;``: Word
    reads it as ``_``, but docxtpl's text replacement no longer sees ``{_{`` or ``}_}``.
    Text without an underscore is left to jinja's own escape, which follows this call:
    escaped twice it would cost a third of the body's rendering.
    """
    if type(value) is str and "_" not in value:
        return value
    text = markupsafe.escape(value)
    if "_" not in text:
        return text
    return markupsafe.Markup(_ESCAPE_UNDERSCORE.sub("&#95;", text))


def render(template: Path, context: dict, plain: bool = False) -> bytes:
    """Render ``template`` with ``context``; return the DOCX bytes (deterministic).

    ``plain=True`` says the caller knows the context is plain data (JSON-able), which
    saves the fast path from checking it.
    """
    compiled = compile_template(template)
    if compiled.body is None or not (plain or _is_plain_data(context)):
        return render_plain(template, context)
    return compiled.render(context)


# ---------------------------------------------------------------- plain path


def render_plain(template: Path, context: dict) -> bytes:
    """docxtpl as documented, plus the rule sizing: the reference for the fast path."""
    doc = open_template(template)
    try:
        doc.render(context, jinja_env=environment(), autoescape=True)
    except jinja2.TemplateError as e:
        raise TemplateError(_template_message(template, e)) from e
    _size_rules(doc.docx, context.get("rule_indents", {}))
    references.unbreakable_runs(doc.docx.element.body)
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue(), property_parts(context))


def open_template(source: Path | bytes, name: Path | str = "mẫu") -> DocxTemplate:
    """The template as docxtpl opens it, with page numbers a save dropped given back (see :mod:`.resave`)."""
    name = source if isinstance(source, Path) else name
    if isinstance(source, Path) and not source.is_file():
        raise TemplateError(f"{source}: không tìm thấy tệp mẫu")
    try:
        doc = DocxTemplate(source if isinstance(source, Path) else io.BytesIO(source))
        doc.init_docx()
    except Exception as e:  # a corrupt zip or not a Word document: many kinds
        raise TemplateError(f"{name}: tệp mẫu hỏng hoặc không phải DOCX ({e})") from e
    resave.restore_page_numbers(doc.docx)
    return doc


def _template_message(template: Path, error: jinja2.TemplateError) -> str:
    """Name the template and the visible text near the failure, not preprocessed XML."""
    near = " ".join(getattr(error, "docx_context", None) or []).strip()
    near = re.sub(r"\s+", " ", near)[:120]
    what = _JINJA_VI.get(type(error).__name__, "lỗi trong mẫu")
    where = f' gần "{near}"' if near else ""
    return f"{template}: {what}{where} ({error.message or error})"


_JINJA_VI = {
    "UndefinedError": "mẫu dùng một giá trị không có trong dữ liệu",
    "TemplateSyntaxError": "cú pháp thẻ {{ … }} hoặc {% … %} trong mẫu sai",
    "SecurityError": "mẫu gọi một thao tác không được phép",
}


def _size_rules(document, indents_mm: dict[str, float]) -> None:
    """Indent each rule paragraph (found by its style) so its border has the computed length."""
    kinds = resave.rule_styles(document)
    for p in document.element.body.iter(qn("w:p")):
        kind = kinds.get(resave.paragraph_style(p))
        if kind:
            _indent_rule(p, _twips(indents_mm[kind]) if kind in indents_mm else None)


# ---------------------------------------------------------------- fast path


@dataclass(frozen=True)
class CompiledTemplate:
    """A template prepared once: its compiled body and its precompressed parts."""

    path: Path
    body: jinja2.Template | None  # None: the fast path does not apply
    reason: str  # why not, when it does not
    prefix: bytes = b""  # word/document.xml before <w:body>, UTF-8
    suffix: bytes = b""  # and after </w:body>
    members: tuple[Member | None, ...] = ()  # None marks word/document.xml
    listing: DocxTemplate | None = None  # for docxtpl's resolve_listing, when needed

    def render(self, context: dict) -> bytes:
        try:
            document = self._document(context) or self._document(context, whole=True)
        except jinja2.TemplateError:
            # The plain path raises the same error, with the text near it located.
            return render_plain(self.path, context)
        parts = {name: deflate(name, xml) for name, xml in property_parts(context).items()}
        return pack([document if m is None else parts.get(m.name, m) for m in self.members])

    def _document(self, context: dict, whole: bool = False) -> Member | None:
        """word/document.xml, compressed as jinja makes the body: a report of 10,000 tasks is
        never held whole (30 MB of XML, and each step after jinja copied it).

        The steps after jinja change nothing that spans a "<" (see :func:`_pieces`), so
        each piece is finished on its own. docxtpl's ``resolve_listing`` rewrites whole
        paragraphs: text with tabs or line breaks is rendered again in one piece
        (``whole``); None says so.
        """
        document = Deflater(DOCUMENT_PART, level=1)
        document.write(self.prefix)
        indents = context.get("rule_indents", {})
        for xml in [self.body.render(context)] if whole else _pieces(self.body.generate(context), PIECE):
            xml = _unescape(xml)
            if any(ch in xml for ch in _LISTING):
                if not whole:
                    return None
                xml = self.listing.resolve_listing(xml)
            document.write(references.unbreakable(_fill_rule_marks(xml, indents)).encode("utf-8"))
        document.write(self.suffix)
        return document.member()


PIECE = 1 << 13  # jinja's output strings joined at a time: about 100 kB of body XML


def _pieces(rendered: Iterator[str], count: int = PIECE) -> Iterator[str]:
    """jinja's output in pieces of ``count`` strings, each cut just before a "<".

    Nothing the steps after jinja rewrite crosses such a cut: docxtpl's escapes and a
    số/ký hiệu hold no "<", and a rule's indent mark has one only at its start.
    """
    held = ""
    while batch := list(islice(rendered, count)):
        xml = held + "".join(batch)
        cut = max(xml.rfind("<"), 0)
        held = xml[cut:]
        if cut:
            yield xml[:cut]
    yield held


_CACHE: dict[tuple[Path, str], CompiledTemplate] = {}


def compile_template(template: Path) -> CompiledTemplate:
    """The compiled form of ``template``, made once per process and template content."""
    try:
        data = template.read_bytes()
    except FileNotFoundError as e:
        raise TemplateError(f"{template}: không tìm thấy tệp mẫu") from e
    key = (template.resolve(), hashlib.sha256(data).hexdigest())
    if key not in _CACHE:
        _CACHE[key] = _compile(template, data)
    return _CACHE[key]


def _compile(template: Path, data: bytes) -> CompiledTemplate:
    doc = open_template(data, template)  # errors name the template, not "mẫu"
    reason = _unsupported(doc)
    if reason:
        return CompiledTemplate(template, None, reason)
    try:
        body = environment().from_string(_prepared_body(doc))
    except jinja2.TemplateError:
        # The plain path reports the same error with the visible text near it.
        return CompiledTemplate(template, None, "lỗi cú pháp trong mẫu")
    prefix, suffix = _around_body(doc)
    return CompiledTemplate(template, body, "", prefix, suffix, _members(doc), doc)


def _unsupported(doc: DocxTemplate) -> str:
    """Why the fast path cannot render this template, or "" when it can."""
    for part in doc.docx.part.package.iter_parts():
        if part is not doc.docx.part and part.partname.endswith(".xml") and re.search(rb"\{[{%]", part.blob):
            return f"thẻ mẫu trong {part.partname}"
    body = doc.xml_to_string(doc.docx.element.body)
    return next((f"thẻ {tag} trong thân văn bản" for tag in _UNSUPPORTED if tag in body), "")


def _prepared_body(doc: DocxTemplate) -> str:
    """The body XML as docxtpl would hand it to jinja, with rule marks added."""
    body = copy.deepcopy(doc.docx.element.body)
    _mark_rules(body, resave.rule_styles(doc.docx))
    # docxtpl also puts a line break before each <w:p> (for error line numbers) and
    # removes it after rendering; without it the output is the same, so it is skipped.
    return doc.patch_xml(doc.xml_to_string(body))


# docxtpl's clean-up after jinja, each step only when it has work to do: its escape syntax,
# then ``resolve_listing`` for the characters it turns into Word's tabs, breaks and paragraphs.
_LISTING = "\t\a\n\f"


def _unescape(xml: str) -> str:
    # One-character searches first: they are fast, where "{_" scans the body character by character.
    if ("{" in xml or "}" in xml) and ("{_" in xml or "_}" in xml):
        xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    return xml


def _around_body(doc: DocxTemplate) -> tuple[bytes, bytes]:
    xml = serialize_part_xml(doc.docx.element)
    start, end = xml.index(b"<w:body"), xml.rindex(b"</w:body>") + len(b"</w:body>")
    return xml[:start], xml[end:]


def _members(doc: DocxTemplate) -> tuple[Member | None, ...]:
    """Every part but the document, compressed once, in the order python-docx saves."""
    doc.render_properties({}, environment())  # as docxtpl does; no tags there (checked)
    buffer = io.BytesIO()
    doc.docx.save(buffer)
    with zipfile.ZipFile(buffer) as z:
        return tuple(
            None if name == DOCUMENT_PART else deflate(name, z.read(name)) for name in z.namelist()
        )


# Rule paragraphs get an indent whose value is filled per document from the context.
_RULE_MARK = "__cchc_rule_{}__"


def _mark_rules(body, kinds: dict[str, str]) -> None:
    """Give each rule paragraph (style id → rule kind in ``kinds``) an indent to fill in per document.

    An indent the template already has (a clerk's, or LibreOffice's ``w:hanging="0"``)
    is replaced: the rule's length is the program's to set.
    """
    for p in body.iter(qn("w:p")):
        kind = kinds.get(resave.paragraph_style(p))
        if kind:
            _indent_rule(p, _RULE_MARK.format(kind))


def _indent_rule(p, value: str | None) -> None:
    """Replace the paragraph's indent by ``value`` on both sides (twips, or a mark to fill in; None: none)."""
    ppr = p.get_or_add_pPr()
    ppr._remove_ind()
    if value is None:
        return
    ind = ppr.get_or_add_ind()  # in schema order among the other w:pPr children
    ind.set(qn("w:left"), value)
    ind.set(qn("w:right"), value)


def _twips(mm: float) -> str:
    return ST_SignedTwipsMeasure.convert_to_xml(Mm(mm))


_RULE_IND = re.compile(r'<w:ind w:left="__cchc_rule_(\w+?)__" w:right="__cchc_rule_\1__"/>')
_RULE_START = '<w:ind w:left="__cchc_rule_'


def _fill_rule_marks(xml: str, indents_mm: dict[str, float]) -> str:
    """``_RULE_IND.sub``, the marks found by a string search (the regex tries every character)."""
    return references.splice(xml, _rule_marks(xml, indents_mm))


def _rule_marks(xml: str, indents_mm: dict[str, float]):
    at = xml.find(_RULE_START)
    while at != -1:
        match = _RULE_IND.match(xml, at)
        if match:
            twips = _twips(indents_mm[match[1]]) if match[1] in indents_mm else None
            yield at, match.end(), f'<w:ind w:left="{twips}" w:right="{twips}"/>' if twips else ""
        at = xml.find(_RULE_START, match.end() if match else at + 1)


# ---------------------------------------------------------------- document properties

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
_VT = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def property_parts(context: dict) -> dict[str, bytes]:
    """core.xml and app.xml from ``context["properties"]``; none (the template's stay) without it.

    Only parts the package already has are replaced (see ``zipdet``): a template
    without app.xml gets no Company rather than a part its relationships do not list.
    """
    props = context.get("properties")
    if not props:
        return {}
    return {CORE_PART: core_xml(props), APP_PART: app_xml(props["company"])}


def core_xml(props: dict | None = None) -> bytes:
    """docProps/core.xml: title, author, dates (midnight UTC of ``props["date"]``), language.

    Nothing else: no comment, keywords or category; revision 1, as a fresh document.
    ``None`` gives the neutral part the templates carry (language only).
    """
    root = etree.Element(f"{{{_CP}}}coreProperties",
                         nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI})
    if props:
        when = f"{props['date']}T00:00:00Z"
        for ns, tag, text in ((_DC, "title", props["title"]), (_DC, "creator", props["author"]),
                              (_CP, "lastModifiedBy", props["author"]), (_CP, "revision", "1"),
                              (_DCTERMS, "created", when), (_DCTERMS, "modified", when)):
            etree.SubElement(root, f"{{{ns}}}{tag}").text = text
        for date in root.iterfind(f"{{{_DCTERMS}}}*"):
            date.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
    etree.SubElement(root, f"{{{_DC}}}language").text = LANGUAGE
    return _xml(root)


def app_xml(company: str | None = None) -> bytes:
    """docProps/app.xml with only the Company: no application, page or word counts to go stale."""
    root = etree.Element(f"{{{_EP}}}Properties", nsmap={None: _EP, "vt": _VT})
    if company:
        etree.SubElement(root, f"{{{_EP}}}Company").text = company
    return _xml(root)


def _xml(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _is_plain_data(context: dict) -> bool:
    """Contexts of plain data only: objects (RichText, images) need docxtpl's own path."""
    try:
        json.dumps(context)
    except (TypeError, ValueError):
        return False
    return True
