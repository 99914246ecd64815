"""Look inside a template without rendering it: its tags, the data they use, its styles, its page numbers.

What a clerk's edit can break before any document is made, found the way docxtpl
reads the template (its own preprocessing, ``patch_xml``) and described by the text
the clerk sees in Word, never by XML offsets:

- a jinja **syntax error** (a deleted dot or ``{%p endfor %}``), located
  by the paragraph it is in; the body is parsed with one line per paragraph, so a line
  number names a paragraph;
- a **tag split** in a way docxtpl cannot join: its text is in the paragraph, but
  after docxtpl's preprocessing the tag is not one piece (a tracked deletion between
  its braces, a hyperlink ending inside it) or it runs on into another paragraph;
- the **data** each tag uses, as dotted paths with loops resolved (``row.content`` in
  ``{%tr for row in appendix.rows %}`` is ``appendix.rows.*.content``), for the caller
  to compare with the shipped template and with a sample context;
- paragraphs whose **style** is not defined, and the names of the styles that are;
- sections that would show **no page number** from their second page (or one on their
  first), once :mod:`.resave` has given back what an office-suite save dropped.

The result is plain data; the Vietnamese findings are made by ``cchc_docs.templating``.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docx.oxml.ns import qn
from jinja2 import nodes

from cchc_docs.render import resave
from cchc_docs.render.engine import environment, open_template


@dataclass(frozen=True)
class Problem:
    """Something in a template that stops or spoils rendering: ``kind`` "syntax", "split", "style" or "pages"."""

    kind: str
    near: str  # visible text of the paragraph it is in ("" when not in one)
    detail: str  # Vietnamese


@dataclass(frozen=True)
class Use:
    """Where a template reads one piece of data: as written in the tag, and the paragraph's text."""

    written: str  # "row.content", "decision.articles[…]"
    near: str


@dataclass(frozen=True)
class TemplateFacts:
    """What a template uses and what is wrong in it, as the clerk would see it."""

    paths: dict[str, Use]  # data path ("appendix.rows.*.content") → its first use
    problems: tuple[Problem, ...]
    style_names: frozenset[str]  # names of its paragraph styles


TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_STRAY = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_LETTER = re.compile(r"^\{([{%#])(?:p|tr|tc|r)\s")  # docxtpl's {%p …%}, {{r …}}: the letter goes
NEAR = 80  # characters of visible text quoted


def inspect(template: Path) -> TemplateFacts:
    """The facts of ``template`` (raises TemplateError when it is not a readable DOCX)."""
    doc = open_template(template)  # with the page numbers a save dropped given back, as rendering does
    paragraphs = list(doc.docx.element.body.iter(qn("w:p")))
    texts = [visible(p) for p in paragraphs]
    problems = [*_split_tags(doc, paragraphs, texts), *_missing_styles(doc.docx, texts), *_unnumbered(doc.docx)]
    paths: dict[str, Use] = {}
    try:
        tree = environment().parse(_one_line_per_paragraph(doc))
    except jinja2.TemplateSyntaxError as e:
        problems.append(_syntax_problem(e, texts))
    else:
        for path, written, line in _Paths().collect(tree):
            paths.setdefault(path, Use(written, _near(texts, line)))
    return TemplateFacts(paths, tuple(problems), frozenset(resave.style_names(doc.docx).values()))


def visible(p) -> str:
    """The text Word shows for a paragraph (its ``w:t``; deleted text and field codes are not shown)."""
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= NEAR else text[: NEAR - 1] + "…"


def _near(texts: list[str], line: int) -> str:
    """The visible text of the paragraph on jinja's ``line`` (line 2 is the first paragraph)."""
    index = min(max(line - 2, 0), len(texts) - 1) if texts else -1
    return _short(texts[index]) if index >= 0 else ""


def _one_line_per_paragraph(doc) -> str:
    """The body as docxtpl hands it to jinja, with a line break before each paragraph."""
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", doc.xml_to_string(doc.docx.element.body))
    return doc.patch_xml(xml)


# ---------------------------------------------------------------- tags docxtpl cannot join


_XML_TAG = re.compile(r"</?\w+:\w+")
_STRAIGHT = str.maketrans("‘’“”", "''\"\"")  # docxtpl straightens quotes inside tags, so Word's curly ones do no harm


def _normal(tag: str) -> str:
    """A tag as jinja gets it, for comparing: no docxtpl letter, no spaces, straight quotes, no entities."""
    return re.sub(r"\s+", "", html.unescape(_LETTER.sub(r"{\1", tag))).translate(_STRAIGHT)


def _split_tags(doc, paragraphs: list, texts: list[str]) -> list[Problem]:
    problems = []
    for p, text in zip(paragraphs, texts, strict=True):
        if "{" not in text and "}" not in text:
            continue
        if _STRAY.search(TAG.sub("", text)):
            problems.append(Problem("split", _short(text), "thẻ mở ở đoạn này nhưng đóng ở đoạn khác, hoặc thừa, "
                                    "thiếu dấu ngoặc: mỗi thẻ {{ … }}, {% … %} phải nằm trọn trong một đoạn"))
            continue
        seen = TAG.findall(doc.patch_xml(doc.xml_to_string(p)))
        if Counter(map(_normal, TAG.findall(text))) != Counter(map(_normal, seen)) or any(map(_XML_TAG.search, seen)):
            problems.append(Problem("split", _short(text), "thẻ bị Word tách thành nhiều phần mà docxtpl không ghép "
                                    "lại được (thường do theo dõi thay đổi hoặc liên kết trong thẻ): xóa cả thẻ "
                                    "rồi gõ lại liền một lần, tắt Track Changes"))
    return problems


# ---------------------------------------------------------------- syntax errors

def _syntax_problem(error: jinja2.TemplateSyntaxError, texts: list[str]) -> Problem:
    message = error.message or str(error)
    near = _near(texts, error.lineno)
    if message.startswith("Unexpected end of template"):
        wanted = re.findall(r"'(end\w+)'", message)
        near = _unclosed(texts) or near
        detail = f"thiếu thẻ đóng {{%p {wanted[0] if wanted else 'end…'} %}} cho thẻ mở ở đoạn này"
    elif message.startswith("Encountered unknown tag"):
        name = re.findall(r"tag '(\w+)'", message)
        detail = f"thẻ {{% {name[0] if name else '…'} %}} không hợp lệ hoặc thừa (không có thẻ mở tương ứng)"
    else:
        detail = "cú pháp thẻ {{ … }} hoặc {% … %} sai"
    return Problem("syntax", near, f"{detail} (jinja: {message})")


_BLOCK = re.compile(r"\{%-?\s*(?:p|tr|tc|r)?\s*(for|if|endfor|endif)\b")


def _unclosed(texts: list[str]) -> str:
    """The visible text of the last block tag ({% for %}, {% if %}) left open, if any."""
    stack: list[str] = []
    for text in texts:
        for word in _BLOCK.findall(text):
            if word.startswith("end"):
                if stack:
                    stack.pop()
            else:
                stack.append(_short(text))
    return stack[-1] if stack else ""


# ---------------------------------------------------------------- styles and page numbers


def _missing_styles(document, texts: list[str]) -> list[Problem]:
    defined = set(resave.style_names(document))
    problems = []
    for p, text in zip(document.element.body.iter(qn("w:p")), texts, strict=True):
        style = resave.paragraph_style(p)
        if style is not None and style not in defined:
            problems.append(Problem("style", _short(text), f"đoạn dùng kiểu (style) '{style}' không có trong mẫu"))
    return problems


def _unnumbered(document) -> list[Problem]:
    """Sections that show no page number from their second page, or show one on their first."""
    problems, in_force, first_in_force = [], None, None
    for number, sect in enumerate(resave.sections(document), start=1):
        own = sect.get_headerReference(resave.DEFAULT)
        first = sect.get_headerReference(resave.FIRST)
        in_force = own.rId if own is not None else in_force
        first_in_force = first.rId if first is not None else first_in_force
        if not resave.numbered(document, in_force):
            problems.append(Problem("pages", "", f"phần {number} của mẫu không có số trang (trường PAGE) ở đầu trang"))
        elif not sect.titlePg_val or resave.numbered(document, first_in_force):
            problems.append(Problem("pages", "", f"phần {number} của mẫu hiện số trang ở trang đầu "
                                    "(cần chọn Different First Page / Trang đầu khác)"))
    return problems


# ---------------------------------------------------------------- the data a template uses


class _Paths:
    """Dotted data paths of every name a template reads, loop variables resolved to their lists."""

    def __init__(self):
        self.found: list[tuple[str, str, int]] = []  # (path, as written, line)
        self.builtins = set(environment().globals)  # range, dict, namespace …: not data

    def collect(self, tree: nodes.Template) -> list[tuple[str, str, int]]:
        self._node(tree, {})
        return self.found

    def _node(self, node: nodes.Node, scope: dict) -> None:
        """Walk statements; a loop gives its body a scope of its own, ``{% set %}`` adds to the current one."""
        if isinstance(node, nodes.For):
            source = self._expr(node.iter, scope)
            inner = {**scope, "loop": None}
            if isinstance(node.target, nodes.Name) and source is not None:
                inner[node.target.name] = source + ("*",)
            for child in node.body:
                self._node(child, inner)
            for child in node.else_:
                self._node(child, scope)
        elif isinstance(node, nodes.Assign) and isinstance(node.target, nodes.Name):
            scope[node.target.name] = self._expr(node.node, scope)
        elif isinstance(node, nodes.Expr):
            self._expr(node, scope)
        else:
            for child in node.iter_child_nodes():
                self._node(child, scope)

    def _expr(self, node: nodes.Node, scope: dict) -> tuple | None:
        """Record the data paths ``node`` reads; return its own path when it is one."""
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Getattr):  # x.strip(): x is the data
            node = nodes.Call(node.node.node, node.args, node.kwargs, node.dyn_args, node.dyn_kwargs,
                              lineno=node.lineno)
        path = self._path(node, scope)
        if path is not None:
            if path:
                self.found.append((".".join(path), _written(node), node.lineno))
            return path
        for child in node.iter_child_nodes():
            self._expr(child, scope)
        return None

    def _path(self, node: nodes.Node, scope: dict) -> tuple | None:
        """``("appendix", "rows", "*", "content")`` for a chain of names; () for the loop object; None otherwise."""
        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name] or ()
            return None if node.name in self.builtins else (node.name,)
        if isinstance(node, nodes.Getattr):
            base = self._path(node.node, scope)
            return None if base is None else (base + (node.attr,) if base else ())
        if isinstance(node, nodes.Getitem):
            base = self._path(node.node, scope)
            if base is None or not (isinstance(node.arg, nodes.Slice) or _constant(node.arg)):
                return None
            return base + ("*",) if base and not isinstance(node.arg, nodes.Slice) else base  # a slice is a list
        return None


def _written(node: nodes.Node) -> str:
    """A chain of names as the tag spells it."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_written(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_written(node.node)}[…]"
    return "…"


def _constant(node: nodes.Node) -> bool:
    """True for an index written as a constant (``[0]``, ``[-1]``)."""
    try:
        node.as_const()
    except nodes.Impossible:
        return False
    return True
