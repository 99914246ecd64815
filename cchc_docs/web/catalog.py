"""The plans of the data folder, named in addresses by their path under it, and what the list page says of each.

A plan is found the way ``cchc-docs build DATA_DIR`` finds it (:func:`batch.discover`), so
its documents go to the same folder under the output root and the build manifest is
shared with the command line. An address can name only a plan found there: a name that
is not in the list, or a file that resolves outside the data folder (through a link), is
"not found", so no address reaches a file outside DATA_DIR.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cchc_docs.errors import CchcError, DataError, SourceError
from cchc_docs.model import source
from cchc_docs.model.load import load_all
from cchc_docs.model.paths import status_folder
from cchc_docs.pipeline import batch, confine
from cchc_docs.pipeline import manifest as manifest_mod
from cchc_docs.web.config import Settings


class NotFound(CchcError):
    """An address names no plan, period or file the application serves."""

    status_code = 404


@dataclass(frozen=True)
class PlanRef:
    """A plan of the data folder: its address key (``thuong-hong-2025-h2``), file and build target."""

    key: str
    path: Path
    target: batch.Target

    @property
    def out_dir(self) -> str:
        return self.target.out_dir


@dataclass(frozen=True)
class Summary:
    """One line of the plan list."""

    ref: PlanRef
    title: str
    issued: bool
    last_built: dt.datetime | None
    problems: int
    first_problem: str | None
    amendments: int
    periods: tuple[str, ...]

    @property
    def state(self) -> str:
        return "đã ban hành" if self.issued else "dự thảo"


def plans(settings: Settings) -> list[PlanRef]:
    """Every plan in the data folder (none is an empty list, not an error)."""
    try:
        targets = batch.discover([settings.data_dir])
    except SourceError:
        return []
    return [PlanRef(t.out_dir, t.plan, t) for t in targets if _inside(settings.data_dir, t.plan)]


def _inside(root: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def find(settings: Settings, key: str) -> PlanRef:
    """The plan an address names; anything else is :class:`NotFound`."""
    ref = next((p for p in plans(settings) if p.key == key), None)
    if ref is None:
        raise NotFound(f"không có kế hoạch '{key}' trong thư mục dữ liệu {settings.data_dir}")
    return ref


def output_file(settings: Settings, ref: PlanRef, name: str) -> Path:
    """A document of the plan's output folder, by file name: only there, only the kinds a clerk downloads."""
    relative = f"{ref.out_dir}/{name}"
    suffix = Path(name).suffix.lower()
    if "/" in name or "\\" in name or suffix not in DOWNLOADS or not confine.inside(settings.out_root, relative):
        raise NotFound(f"không có tệp '{name}' trong thư mục kết quả của kế hoạch")
    path = settings.out_root / relative
    if not path.is_file():
        raise NotFound(f"{path}: chưa có tệp này (hãy tạo văn bản trước)")
    return path


DOWNLOADS = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def summary(settings: Settings, ref: PlanRef) -> Summary:
    """State, last build and problem count of one plan (every problem counted, as ``validate`` reports them)."""
    tree = _tree(ref.path)
    problems, first = 0, None
    try:
        load_all(ref.path)
    except DataError as e:
        problems, first = len(e.problems), str(e.problems[0]) if e.problems else None
    except CchcError as e:
        problems, first = 1, str(e)
    plan = tree.get("plan") if isinstance(tree.get("plan"), dict) else {}
    # Issued: the decision has its number, or the plan issued on its own has (plan.issue).
    issuer = next((d for d in (tree.get("decision"), plan.get("issue")) if isinstance(d, dict)), {})
    amendments = tree.get("amendments") if isinstance(tree.get("amendments"), list) else []
    return Summary(ref, str(plan.get("title") or ref.key), bool(issuer.get("number")),
                   last_built(settings, ref), problems, first, len(amendments), _periods(ref.path))


def _tree(path: Path) -> dict:
    try:
        tree = source.load(path).tree
    except CchcError:
        return {}
    return tree if isinstance(tree, dict) else {}


def _periods(plan_path: Path) -> tuple[str, ...]:
    folder = status_folder(plan_path)
    return tuple(sorted(p.stem for p in folder.glob("*.yaml"))) if folder.is_dir() else ()


def last_built(settings: Settings, ref: PlanRef) -> dt.datetime | None:
    """When the plan's documents were last written (the newest output the manifest knows of)."""
    manifest = manifest_mod.load(settings.out_root)
    times = []
    for path, entry in manifest.outputs.items():
        if entry.plan == ref.target.key and confine.inside(settings.out_root, path):
            try:
                times.append((settings.out_root / path).stat().st_mtime)
            except OSError:
                continue
    return dt.datetime.fromtimestamp(max(times)) if times else None
