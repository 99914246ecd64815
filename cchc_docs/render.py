"""Render a DOCX template with a context: the only module that imports docxtpl.

Templates are data, not code: jinja runs in a sandbox, with ``StrictUndefined`` (a
missing value is an error, never an empty string in an official document) and with
autoescape on, so ``<``, ``&`` or ``{{ 7*7 }}`` in the data appear literally.

After jinja, one layout step that a template cannot express: the rules (đường kẻ)
under the issuing body and the trích yếu get the indents that give them the length
the context computed from the text above them.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from docx.shared import Mm
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2.sandbox import SandboxedEnvironment

from .errors import TemplateError
from .zipdet import deterministic_zip


def environment() -> jinja2.Environment:
    """The jinja environment every template renders in."""
    return SandboxedEnvironment(undefined=jinja2.StrictUndefined, autoescape=True)


def render(template: Path, context: dict) -> bytes:
    """Render ``template`` with ``context``; return the DOCX bytes (deterministic)."""
    doc = _open(template)
    try:
        doc.render(context, jinja_env=environment(), autoescape=True)
    except jinja2.TemplateError as e:
        raise TemplateError(_template_message(template, e)) from e
    _size_rules(doc.docx, context.get("rules", {}))
    buffer = io.BytesIO()
    doc.save(buffer)
    return deterministic_zip(buffer.getvalue())


def _open(template: Path) -> DocxTemplate:
    if not template.is_file():
        raise TemplateError(f"{template}: không tìm thấy tệp mẫu")
    try:
        doc = DocxTemplate(template)
        doc.init_docx()
    except Exception as e:  # a corrupt zip or not a Word document: many kinds
        raise TemplateError(f"{template}: tệp mẫu hỏng hoặc không phải DOCX ({e})") from e
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
    """Indent each rule paragraph (by style id) so its border has the computed length."""
    if not indents_mm:
        return
    for p in document.element.body.iter(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) in indents_mm:
            indent = Mm(indents_mm[style.get(qn("w:val"))])
            fmt = Paragraph(p, None).paragraph_format
            fmt.left_indent = fmt.right_indent = indent
