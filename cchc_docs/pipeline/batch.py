"""Build many plans at once: one commune or a whole city's worth.

Plans are found in the folders and files given, built in worker processes (forked
after the templates are compiled, once for the whole build), and reported as they
finish. One broken plan is reported and skipped; the others are built. The manifest is written last and
atomically, so a build killed at any moment leaves every output either the old or
the new complete file and the next build repairs the rest.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cchc_docs.errors import CchcError, SourceError
from cchc_docs.model.paths import STATUS_FOLDER
from cchc_docs.pipeline import confine
from cchc_docs.pipeline import manifest as manifest_mod
from cchc_docs.pipeline.options import (
    Options,
    PlanResult,
    Prior,
    Result,
    relative,
    templates_digest,
    up_to_date,
)
from cchc_docs.write import remove_leftovers

STATUS_VI = {
    "created": "đã tạo", "updated": "đã tạo", "new-version": "bản mới", "unchanged": "không đổi",
    "stale": "sẽ tạo lại", "conflict": "xung đột", "failed": "lỗi",
}


@dataclass(frozen=True)
class Target:
    """A plan file, the folder (under the output root) its documents go to, its manifest key."""

    plan: Path
    out_dir: str
    key: str = ""


@dataclass
class Summary:
    """Everything a batch did, for the CLI to print."""

    plans: list[PlanResult] = field(default_factory=list)
    obsolete: list[str] = field(default_factory=list)  # outputs no longer produced
    pruned: list[str] = field(default_factory=list)  # … and deleted (--prune)
    kept: dict[str, str] = field(default_factory=dict)  # … and left in place: how to delete them, or why not
    warnings: list[str] = field(default_factory=list)  # about the batch itself (a damaged manifest)
    errors: list[str] = field(default_factory=list)  # … (the manifest could not be written)

    def counts(self) -> Counter:
        counts = Counter(STATUS_VI[r.status] for p in self.plans for r in p.results)
        counts["lỗi"] += sum(1 for p in self.plans if p.error) + len(self.errors)
        return counts

    def line(self) -> str:
        """``12 đã tạo, 288 không đổi, 1 lỗi``."""
        counts = self.counts()
        order = ["đã tạo", "sẽ tạo lại", "bản mới", "không đổi", "xung đột", "lỗi"]
        shown = [f"{counts[name]} {name}" for name in order if counts[name] or name in ("đã tạo", "không đổi")]
        return ", ".join(shown)

    @property
    def exit_code(self) -> int:
        """The worst result: a plan that failed (1), then format errors (3), then conflicts (4)."""
        codes = {p.exit_code for p in self.plans} | ({1} if self.errors else set())
        return next((code for code in (1, 3, 4) if code in codes), 0)


def discover(paths: Iterable[Path]) -> list[Target]:
    """Plan files in ``paths``: files as given, folders searched (status files left out).

    A file given by name is taken as a plan whatever its name (a plan may be ``.txt``);
    what it really is, is told only if it cannot be read as YAML (see :mod:`.sniff`).
    """
    targets: dict[Path, Target] = {}
    for path in paths:
        if path.is_dir():
            for plan in _plans_in(path):
                out_dir = plan.relative_to(path).with_suffix("").as_posix()
                targets.setdefault(relative(plan), Target(plan, out_dir, relative(plan)))
        elif path.is_file():
            targets.setdefault(relative(path), Target(path, path.stem, relative(path)))
        else:
            raise SourceError(f"{path}: không tìm thấy tệp hoặc thư mục")
    return list(targets.values())


def _plans_in(folder: Path) -> list[Path]:
    """The plans under ``folder``; none at all means the wrong folder was given (say, out/…)."""
    plans = [p for p in sorted(folder.rglob("*.yaml")) if STATUS_FOLDER not in p.relative_to(folder).parts[:-1]]
    if plans:
        return plans
    message = f"{folder}: thư mục không chứa tệp kế hoạch YAML nào (cần ít nhất một tệp .yaml ngoài {STATUS_FOLDER}/)"
    if next(folder.glob("*.docx"), None) is not None:
        from cchc_docs.model import sniff

        message += ("; đây là thư mục văn bản Word (DOCX), để kiểm tra thể thức các văn bản này hãy dùng: "
                    f"cchc-docs check {sniff.quoted(str(folder))}/*.docx")
    raise SourceError(message)


def build_all(paths: list[Path], options: Options, jobs: int = 1, prune: bool = False,
              on_plan: Callable[[PlanResult], None] | None = None, *, prune_issued: bool = False) -> Summary:
    """Build every plan found in ``paths``; ``on_plan`` is told of each as it finishes."""
    return build_targets(discover(paths), options, jobs, prune, on_plan, prune_issued=prune_issued)


def build_targets(targets: list[Target], options: Options, jobs: int = 1, prune: bool = False,
                  on_plan: Callable[[PlanResult], None] | None = None, *, prune_issued: bool = False) -> Summary:
    """Build the plans already found (see :func:`discover`).

    ``prune`` deletes the outputs no longer produced, drafts only; with ``prune_issued``
    issued documents (with a number) too.
    """
    if not options.dry_run:  # what a killed build left half-written is not an output
        for folder in (options.out_root, options.out_root / manifest_mod.FINGERPRINTS):
            remove_leftovers(folder)
    manifest = manifest_mod.load(options.out_root)
    before = (dict(manifest.outputs), dict(manifest.plans))
    options = replace(options, templates_digest=templates_digest(options.templates))
    summary = Summary(warnings=[manifest.damaged] if manifest.damaged else [])
    for result in _run(targets, options, manifest, jobs):
        summary.plans.append(result)
        if on_plan:
            on_plan(result)
    if options.dry_run:
        return summary
    _record(manifest, summary)
    if options.report is None:  # one report says nothing about the plan's other outputs
        summary.obsolete = _obsolete(manifest, summary, targets)
    _prune(manifest, summary, options.out_root, prune or prune_issued, prune_issued)
    if (manifest.outputs, manifest.plans) != before:  # a failed run leaves out/ exactly as it was
        try:
            manifest_mod.save(options.out_root, manifest)
        except CchcError as e:  # what was written is still said (a full disk)
            summary.errors.append(f"{e}; tệp kê khai không được cập nhật, lần tạo sau sẽ kiểm tra lại mọi văn bản")
    return summary


def _run(targets: list[Target], options: Options, manifest, jobs: int):
    """Plan results as they finish: unchanged plans at once, the rest in this process or a pool."""
    work = []
    by_plan: dict[str, dict] = {}
    for path, entry in manifest.outputs.items():
        by_plan.setdefault(entry.plan, {})[path] = entry
    folders: dict[str, Target] = {}
    for target in targets:
        refused = _refused(target, folders)
        if refused:
            yield PlanResult(target.key, error=refused, exit_code=1)
            continue
        prior = Prior(manifest.plans.get(target.key), by_plan.get(target.key, {}))
        skipped = _skip(target, options, prior)
        if skipped:
            yield skipped
        else:
            work.append((target.plan, target.out_dir, options, prior))
    if not work:
        return
    # Loading the renderer, validator, checker and worker pool is paid only when a plan needs them.
    from cchc_docs.pipeline import workers
    from cchc_docs.pipeline.build import build_plan, prepare

    if jobs <= 1 or len(work) <= 1:  # one plan: its documents share the jobs instead
        yield from (build_plan(plan, out_dir, replace(opts, jobs=jobs), prior) for plan, out_dir, opts, prior in work)
        return
    if workers.inherit():  # workers forked after this have what it loads
        prepare(options)
    yield from workers.run(build_plan, work, jobs, _lost)


def _lost(args: tuple, why: str) -> PlanResult:
    """The result of a plan whose worker died under it."""
    return PlanResult(relative(args[0]), error=why, exit_code=1)


def _refused(target: Target, folders: dict[str, Target]) -> str | None:
    """Why ``target``'s outputs cannot go where its name puts them: an odd name, or a folder taken.

    Folders are compared as Windows and macOS compare names, without regard to case.
    """
    problem = confine.target_problem(target.plan, target.out_dir)
    if problem:
        return problem
    first = folders.setdefault(target.out_dir.casefold(), target)
    if first is target:
        return None
    return (f"{target.plan}: văn bản của kế hoạch này sẽ nằm trong thư mục kết quả '{target.out_dir}', trùng với "
            f"thư mục của {first.plan} (tên thư mục không phân biệt chữ hoa, chữ thường); "
            "hãy đổi tên một trong hai tệp")


def _skip(target: Target, options: Options, prior: Prior) -> PlanResult | None:
    """The result of a plan whose inputs and outputs are as the manifest recorded, or None."""
    if options.dry_run or options.report:
        return None  # a dry run explains, and one report is decided on its own key: both need the contexts
    if options.force or prior.input_hash is None:
        return None  # nothing to compare the inputs with: not worth reading them (the build hashes them)
    try:
        inputs, skip = up_to_date(target.plan, options, prior)
    except Exception:  # an unreadable plan, say: the build reports it properly
        return None
    if not skip:
        return None
    unchanged = tuple(Result(path, Path(path).stem, "unchanged", entry=entry) for path, entry in prior.entries.items())
    return PlanResult(target.key, inputs, unchanged, skipped=True)


def _record(manifest, summary: Summary) -> None:
    """Fold the results into the manifest: every output written, even by a plan that then failed."""
    for plan in summary.plans:
        for result in plan.results:
            if result.entry is not None:
                manifest.outputs[result.path] = result.entry
        clean = not plan.error and all(r.status not in ("failed", "conflict", "new-version") for r in plan.results)
        # Only a plan built without trouble may be skipped next time on its inputs alone.
        if clean and plan.input_hash:
            manifest.plans[plan.plan] = plan.input_hash
        else:
            manifest.plans.pop(plan.plan, None)


def _obsolete(manifest, summary: Summary, targets: list[Target]) -> list[str]:
    """Outputs in the manifest that a plan built now no longer produces, or whose plan is gone."""
    built = {p.plan: {r.path for r in p.results} for p in summary.plans if not p.error}
    plans = {entry.plan for entry in manifest.outputs.values()}
    missing = {plan for plan in plans if plan not in built and not Path(plan).exists()}
    gone = [path for path, entry in manifest.outputs.items()
            if (entry.plan in built and path not in built[entry.plan]) or entry.plan in missing]
    return sorted(gone)


def _prune(manifest, summary: Summary, root: Path, prune: bool, issued: bool) -> None:
    """Delete what ``--prune`` may, and say of every other obsolete output how to delete it, or why not.

    Only a file proven, by its resolved path, to lie inside the output folder is deleted,
    and an issued document only when asked in so many words (``--prune-issued``).
    """
    for path in summary.obsolete:
        entry = manifest.outputs[path]
        if entry.final and not issued:
            summary.kept[path] = "văn bản đã ban hành (có số) không còn được tạo; giữ nguyên (xóa bằng --prune-issued)"
        elif not confine.inside(root, path):
            summary.kept[path] = "không còn được tạo, nhưng nằm ngoài thư mục kết quả (qua liên kết); không xóa"
        elif not prune:
            summary.kept[path] = "không còn được tạo (xóa bằng --prune)"
        else:
            with contextlib.suppress(FileNotFoundError):
                os.remove(root / path)
            manifest.outputs.pop(path)
            summary.pruned.append(path)
