"""The build recipe: load → validate → build contexts → render → write.

Every document of a plan is rendered in memory before any file is written, so a
problem in the data or a template leaves the output folder exactly as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from . import documents, render, source, validate
from .errors import TemplateError
from .model import PlanFile
from .write import write_atomic


@dataclass(frozen=True)
class Output:
    """A rendered document, ready to be written."""

    kind: str
    path: Path
    data: bytes


def load_plan(plan_path: Path) -> PlanFile:
    """Read and validate a plan file (raises DataError with every problem)."""
    return validate.validate(source.load(plan_path))


def render_plan(plan_file: PlanFile, plan_path: Path, out_root: Path, templates: Path,
                today: dt.date) -> list[Output]:
    """Render every document of the plan in memory (pure apart from reading templates)."""
    out_dir = out_root / plan_path.stem
    outputs = []
    for kind in documents.for_plan(plan_file):
        context = kind.build_context(plan_file, today)
        data = render.render(templates / kind.template, context)
        outputs.append(Output(kind.name, out_dir / kind.output, data))
    return outputs


def build(plan_path: Path, out_root: Path, templates: Path, today: dt.date) -> list[Output]:
    """Build all documents of one plan file into ``out_root/<plan-stem>/``."""
    # Load and validate: every problem of the data at once.
    plan_file = load_plan(plan_path)
    # Render everything in memory: nothing is written if anything fails.
    outputs = render_plan(plan_file, plan_path, out_root, templates, today)
    # Write, each file atomically.
    for output in outputs:
        write_atomic(output.path, output.data)
    return outputs


def default_templates() -> Path:
    """The templates folder of this checkout (``templates/`` beside the package)."""
    folder = Path(__file__).resolve().parent.parent / "templates"
    if not folder.is_dir():
        raise TemplateError(
            f"{folder}: không tìm thấy thư mục mẫu; chỉ rõ bằng tùy chọn --templates"
        )
    return folder
