"""``cchc-docs templates check``: lint a folder of edited templates before any build.

Each template of the folder is compared with the shipped template of the same name and
rendered with the sample (:mod:`.sample`); what comes out is one
:class:`~cchc_docs.checks.output.FileResult` per file, so the command prints and exits
exactly like ``cchc-docs check`` (0 nothing wrong, 3 findings, 1 a file that cannot be
read). Findings of the template itself have ids ``MAU-…``; those of the sample render
are the format rules' own (``ND30-…``), marked as coming from the sample.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from cchc_docs import checks
from cchc_docs.checks.findings import Finding
from cchc_docs.checks.output import FileResult
from cchc_docs.errors import CchcError
from cchc_docs.render import engine, lint
from cchc_docs.render.resave import name_key
from cchc_docs.templating import sample

GUIDE = "hướng dẫn sửa mẫu: docs/templates.md"
SAMPLE_NOTE = "Bản sinh thử từ mẫu (dữ liệu mẫu): "


def check_folder(folder: Path, shipped: Path) -> list[FileResult]:
    """One result per template the build uses (in ``folder`` or missing from it), then per stray file."""
    contexts = sample.contexts()
    names = sorted(p.name for p in shipped.glob("*.docx"))
    results = [check_template(folder / name, shipped / name, contexts.get(name)) for name in names]
    strays = sorted(p for p in folder.glob("*.docx") if p.name not in names)
    return results + [FileResult(str(p), (_finding("MAU-FILE-UNKNOWN", "warning", (
        f"tệp không phải mẫu của chương trình nên không được dùng (tên mẫu: {', '.join(names)})")),)) for p in strays]


def check_template(path: Path, original: Path, context: dict | None) -> FileResult:
    """Everything wrong with one edited template, or why it cannot be read."""
    if not path.is_file():
        return FileResult(str(path), (_finding("MAU-FILE-MISSING", "error", (
            "thiếu tệp mẫu; --templates cần đủ các mẫu (chép bằng cchc-docs templates export)")),))
    try:
        edited = lint.inspect(path)
    except CchcError as e:
        return FileResult(str(path), error=str(e))
    reference = lint.inspect(original)
    findings = [*_problems(edited), *_lost(reference, edited), *_unknown(reference, edited, context),
                *_missing_styles(reference, edited)]
    if context is not None and not any(f.rule in _NO_RENDER for f in findings):
        findings += _sample_render(path, context)
    return FileResult(str(path), tuple(findings))


# Findings after which the sample cannot be rendered (the render would stop on the same tag).
_NO_RENDER = ("MAU-SYNTAX", "MAU-SPLIT-TAG", "MAU-PLACEHOLDER-UNKNOWN")


def _finding(rule: str, severity: str, message: str, near: str = "") -> Finding:
    return Finding(rule, severity, message, GUIDE, excerpt=near or None)


_PROBLEM_RULES = {"syntax": "MAU-SYNTAX", "split": "MAU-SPLIT-TAG", "style": "MAU-STYLE-MISSING",
                  "pages": "MAU-PAGE-NUMBER"}


def _problems(facts: lint.TemplateFacts) -> list[Finding]:
    return [_finding(_PROBLEM_RULES[p.kind], "error", p.detail, p.near) for p in facts.problems]


def _lost(reference: lint.TemplateFacts, edited: lint.TemplateFacts) -> list[Finding]:
    """Data the shipped template prints or tests and the edited one no longer does."""
    if any(p.kind == "syntax" for p in edited.problems):
        return []  # nothing could be read: the syntax error says why
    return [_finding("MAU-PLACEHOLDER-LOST", "error", f"mẫu đã mất {_tag(use, path)}, có ở đoạn trích của mẫu "
                     "gốc: văn bản sinh ra sẽ thiếu nội dung này", use.near)
            for path, use in reference.paths.items() if path not in edited.paths]


def _tag(use: lint.Use, path: str) -> str:
    """``{{ row.content }} (dữ liệu appendix.rows.*.content)``; the path only when it says more."""
    return f"{{{{ {use.written} }}}}" + (f" (dữ liệu {path})" if path != use.written else "")


def _unknown(reference: lint.TemplateFacts, edited: lint.TemplateFacts, context: dict | None) -> list[Finding]:
    """Data the edited template reads that the program does not provide."""
    if context is None:
        return []
    return [_finding("MAU-PLACEHOLDER-UNKNOWN", "error",
                     f"mẫu dùng {_tag(use, path)} nhưng chương trình không có dữ liệu này", use.near)
            for path, use in edited.paths.items()
            if path not in reference.paths and not provided(context, path.split("."))]


def provided(value, path: list[str]) -> bool:
    """True when ``path`` ("*" for each item of a list) exists in ``value``; an empty list cannot say no."""
    if not path:
        return True
    head, rest = path[0], path[1:]
    if head == "*":
        if isinstance(value, list | tuple):
            return not value or any(provided(item, rest) for item in value)
        return isinstance(value, str) and not rest
    return isinstance(value, dict) and head in value and provided(value[head], rest)


def _missing_styles(reference: lint.TemplateFacts, edited: lint.TemplateFacts) -> list[Finding]:
    """Named styles of the shipped template that the edited one lost or renamed."""
    have = {name_key(name) for name in edited.style_names}
    return [_finding("MAU-STYLE-MISSING", "error",
                     f"mẫu không còn kiểu (style) “{name}” của mẫu gốc (đã xóa hoặc đổi tên); các đoạn dùng kiểu "
                     "này mất định dạng, đường kẻ không được tìm thấy")
            for name in sorted(reference.style_names) if name_key(name) not in have]


def _sample_render(path: Path, context: dict) -> list[Finding]:
    """The format rules on the sample rendered with the edited template."""
    try:
        data = engine.render(path, context, plain=True)
    except CchcError as e:
        return [_finding("MAU-RENDER", "error", f"không sinh được văn bản từ mẫu với dữ liệu mẫu: {e}")]
    return [replace(f, message=SAMPLE_NOTE + f.message) for f in checks.check_bytes(data)]
