"""The package's layers: no module imports a package on a higher floor.

Every module under ``cchc_docs/`` is parsed with :mod:`ast` (nothing is imported), so
every import counts: at the top of a module, inside a function (a lazy import is still a
dependency), relative or absolute, and ``importlib.import_module("…")`` with a literal
name. README.md ("Mã nguồn được tổ chức thế nào") states the rule this file enforces.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGE = "cchc_docs"
ROOT = Path(__file__).resolve().parents[1] / PACKAGE

# The floors, bottom to top, in the order of the flow. A module may import its own package,
# the packages of its own floor (sideways, as long as no cycle forms) and those of lower
# floors; never a higher one. "cchc_docs" is the package's __init__: every import of a
# submodule runs it first, so it sits below everything, holds __version__ and imports nothing.
FLOORS: dict[int, tuple[str, ...]] = {
    0: (PACKAGE,),
    1: ("errors", "vn", "write", "typeset", "collector"),  # no knowledge of plans or documents
    2: ("model", "render", "facts"),  # YAML → records; context → DOCX; DOCX → facts
    3: ("contexts", "checks"),  # records → contexts; facts → findings
    4: ("pipeline", "pdf", "sheets", "templating"),  # the recipe and batch; DOCX → PDF and its checks; Excel
    # workbooks in and out; customised templates (export, check with a sample render, the config file)
    5: ("register",),  # the outgoing-document register: numbers documents by running the recipe
    6: ("cli", "web"),  # the command line (click commands, their Vietnamese texts, the progress display); the web page
}
FLOOR_OF = {place: floor for floor, places in FLOORS.items() for place in places}

# Packages a package never imports, whatever the floors allow (the rules, kept even
# if a floor moves).
NEVER: dict[str, tuple[str, ...]] = {
    "model": ("contexts", "render", "pipeline"),
    "checks": ("render",),
}

# Who may import a third-party (or stdlib) library: a package ("facts") or one module
# ("pdf.poppler"). OOXML is read in facts only and written in render only (docxtpl's
# python-docx document, and lxml for docProps and rule indents); pdf/poppler parses the
# XHTML pdftotext prints with lxml, which is not OOXML.
OWNERS: dict[str, tuple[str, ...]] = {
    "docxtpl": ("render",),
    "jinja2": ("render", "web"),  # documents; the web page's own HTML templates
    "markupsafe": ("render",),
    "docx": ("facts", "render"),  # python-docx
    "lxml": ("facts", "render", "pdf.poppler"),
    "xml": ("facts",),  # the stdlib parsers (xml.etree, xml.dom, xml.sax, expat)
    "yaml": ("model",),
    "orjson": ("pipeline.manifest",),  # canonical JSON of contexts and data trees, for build keys and fingerprints
    "click": ("cli",),
    "starlette": ("web",),  # the web page: routes, sessions, forms
    "uvicorn": ("cli.web",),  # the web server, started by `cchc-docs serve`
    "ruamel": ("web",),  # round-trip YAML: a plan edited on the page keeps its comments and order
    "subprocess": ("pdf",),  # LibreOffice, poppler, fc-list
    "sqlite3": ("register",),  # the register file
    "openpyxl": ("sheets", "register.xlsx"),  # the units' workbooks, and the printable register
}

MAX_LINES = 500
MAX_TOP_LEVEL_MODULES = 8  # counting __init__.py


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    path: str  # its file, relative to the repository
    line: int
    target: str  # the imported module, dotted and absolute

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.target}"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in sorted(ROOT.rglob("*.py"))}


def _import_module_name(node: ast.Call) -> str | None:
    """The literal module name of ``importlib.import_module(…)`` / ``__import__(…)``, or its literal prefix."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name not in ("import_module", "__import__") or not node.args:
        return None
    arg = node.args[0]
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
        prefix = str(arg.values[0].value)  # f"click.{name}" → "click"
        return prefix.rsplit(".", 1)[0] if "." in prefix else prefix or None
    return None


@cache
def _imports() -> tuple[Import, ...]:
    """Every import in every module, targets resolved to absolute dotted names."""
    modules = _modules()
    found = []
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        rel = path.relative_to(ROOT.parent).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=rel)):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = module.split(".") if is_package else module.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                # ``from cchc_docs import vn`` imports the module cchc_docs.vn; ``from x import name`` imports x.
                targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in modules else source for a in node.names]
            elif isinstance(node, ast.Call) and (name := _import_module_name(node)):
                targets = [name]
            found += [Import(module, rel, node.lineno, target) for target in targets]
    return tuple(found)


def _place(module: str) -> str:
    """The floor-bearing unit of a module: its sub-package or top-level module ("model", "vn", "cchc_docs")."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else PACKAGE


def _inside(module: str, owner: str) -> bool:
    full = f"{PACKAGE}.{owner}"
    return module == full or module.startswith(full + ".")


def _internal() -> list[Import]:
    return [i for i in _imports() if i.target.split(".")[0] == PACKAGE]


def _package_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for i in _internal():
        if _place(i.module) != _place(i.target):
            graph.setdefault(_place(i.module), set()).add(_place(i.target))
    return graph


def test_the_package_is_where_the_test_looks():
    assert (ROOT / "__init__.py").is_file()
    assert len(_modules()) > 50
    assert any(i.target == "docxtpl" for i in _imports())  # the walk sees third-party imports
    assert any(i.line > 1 and i.module == f"{PACKAGE}.cli.build" for i in _internal())  # and imports inside functions


def test_every_module_and_package_has_a_floor():
    places = {_place(m) for m in _modules()}
    missing = sorted(places - FLOOR_OF.keys())
    assert not missing, f"no floor in tests/test_layers.py FLOORS for: {', '.join(missing)}"
    gone = sorted(FLOOR_OF.keys() - places)
    assert not gone, f"FLOORS names what no longer exists: {', '.join(gone)}"


def test_no_import_goes_up_a_floor():
    upward = [
        f"{i}: {_place(i.module)} (floor {FLOOR_OF[_place(i.module)]}) → "
        f"{_place(i.target)} (floor {FLOOR_OF[_place(i.target)]})"
        for i in _internal()
        if _place(i.module) in FLOOR_OF and _place(i.target) in FLOOR_OF
        and FLOOR_OF[_place(i.target)] > FLOOR_OF[_place(i.module)]
    ]
    assert not upward, "imports from a higher floor:\n" + "\n".join(upward)


def test_the_package_init_imports_nothing_from_the_package():
    own = [str(i) for i in _internal() if i.module == PACKAGE]
    assert not own, "cchc_docs/__init__.py runs before every submodule and must import none:\n" + "\n".join(own)


def test_no_cycle_between_packages():
    """Sideways imports on one floor are allowed, a loop between two packages is not."""
    graph = _package_graph()
    cycles: set[str] = set()

    def visit(node: str, trail: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in trail:
                cycle = trail[trail.index(nxt):] + [nxt]
                if min(cycle[:-1]) == cycle[0]:  # report each loop once, from its smallest name
                    cycles.add(" → ".join(cycle))
            else:
                visit(nxt, trail + [nxt])

    for start in sorted(graph):
        visit(start, [start])
    assert not cycles, "packages import each other:\n" + "\n".join(sorted(cycles))


@pytest.mark.parametrize("package", sorted(NEVER))
def test_package_never_imports(package):
    banned = NEVER[package]
    wrong = [str(i) for i in _internal() if _place(i.module) == package and _place(i.target) in banned]
    assert not wrong, f"{package} must not import {', '.join(banned)}:\n" + "\n".join(wrong)


@pytest.mark.parametrize("library", sorted(OWNERS))
def test_only_its_owners_import_a_library(library):
    owners = OWNERS[library]
    wrong = [
        str(i) for i in _imports()
        if i.target.split(".")[0] == library and not any(_inside(i.module, o) for o in owners)
    ]
    allowed = ", ".join(f"cchc_docs/{o.replace('.', '/')}" for o in owners)
    assert not wrong, f"only {allowed} may import {library}:\n" + "\n".join(wrong)


def test_no_module_over_500_lines():
    long = [
        f"{path.relative_to(ROOT.parent).as_posix()}: {n} lines"
        for path in _modules().values()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    ]
    assert not long, f"modules over {MAX_LINES} lines (split them):\n" + "\n".join(long)


def test_few_modules_at_the_top_level():
    top = sorted(p.name for p in ROOT.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, (
        f"{len(top)} modules directly in cchc_docs/ (at most {MAX_TOP_LEVEL_MODULES}; "
        f"put the new one in the sub-package of its floor): {', '.join(top)}"
    )


def test_every_subpackage_says_its_role_in_one_line():
    """PEP 257: a summary line of its own, then (optionally) a blank line and more."""
    wrong = []
    for folder in sorted({p.parent for p in ROOT.rglob("*.py")}):
        init = folder / "__init__.py"
        name = folder.relative_to(ROOT.parent).as_posix()
        if not init.is_file():
            wrong.append(f"{name}/: no __init__.py")
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")), clean=True)
        lines = (doc or "").splitlines()
        if not lines or not lines[0].strip():
            wrong.append(f"{name}/__init__.py: no docstring saying the package's role")
        elif len(lines) > 1 and lines[1].strip():
            wrong.append(f"{name}/__init__.py: the docstring's summary runs over two lines: {lines[0]!r}")
    assert not wrong, "\n".join(wrong)
