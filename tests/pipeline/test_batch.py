"""Batch and incremental builds: exactly what changed is rebuilt, issued documents are never overwritten."""

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner
from docx.shared import Pt
from helpers import DRAFT, MINIMAL_PLAN, SAMPLE, TEMPLATES, TODAY, edited, open_docx, plans_folder, texts, tree_snapshot

from cchc_docs.cli.app import main
from cchc_docs.contexts import registry
from cchc_docs.errors import SourceError
from cchc_docs.model.load import load_all
from cchc_docs.model.status import reporting_calendar
from cchc_docs.pipeline import batch, manifest
from cchc_docs.pipeline.build import Options


def build(folder: Path, out: Path, **options):
    prune = options.pop("prune", False)
    jobs = options.pop("jobs", 1)
    return batch.build_all([folder], Options(out, TEMPLATES, TODAY, **options), jobs=jobs, prune=prune)


def statuses(summary) -> dict[str, str]:
    return {r.path: r.status for p in summary.plans for r in p.results}


def test_fresh_build_builds_everything(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT})
    summary = build(data, tmp_path / "out")
    assert statuses(summary) == {"xa-a/quyet-dinh.docx": "created", "xa-b/quyet-dinh.docx": "created"}
    assert summary.line() == "2 đã tạo, 0 không đổi" and summary.exit_code == 0


def test_immediate_rebuild_skips_every_plan_without_parsing(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    before = tree_snapshot(out)
    summary = build(data, out)
    assert all(p.skipped for p in summary.plans)
    assert summary.line() == "0 đã tạo, 2 không đổi"
    assert tree_snapshot(out) == before


# A rebuild in which nothing changed is mostly Python's start-up: it must not pay for
# loading YAML, the validator, the renderer, the checker or babel (a fresh interpreter lists them).
_LOADED_BY_REBUILD = """
import sys
from cchc_docs.cli.app import main
try:
    main(["build", sys.argv[1], "-o", sys.argv[2], "--date", sys.argv[3]])
except SystemExit as exit:
    print("exit", exit.code)
heavy = ("yaml", "babel", "docxtpl", "jinja2", "docx", "lxml", "tempfile", "cchc_docs.model.load",
         "cchc_docs.model.validate", "cchc_docs.contexts", "cchc_docs.render", "cchc_docs.checks", "cchc_docs.facts")
print(" ".join(sorted(m for m in sys.modules if m.startswith(heavy))) or "-")
"""


def test_rebuild_with_nothing_changed_loads_neither_the_loader_nor_the_renderer_nor_the_checker(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    done = subprocess.run([sys.executable, "-c", _LOADED_BY_REBUILD, str(data), str(out), TODAY.isoformat()],
                          capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-2:] == ["exit 0", "-"]


def test_one_changed_field_rebuilds_only_that_plan_and_says_why(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    (data / "xa-a.yaml").write_text(edited(DRAFT, 'deadline: "2025-08"', 'deadline: "2025-09"'), encoding="utf-8")
    summary = build(data, out)
    results = {r.path: r for p in summary.plans for r in p.results}
    assert results["xa-a/quyet-dinh.docx"].status == "updated"
    assert results["xa-a/quyet-dinh.docx"].reasons == ("dữ liệu thay đổi: plan.tasks[T01].deadline",)
    assert results["xa-b/quyet-dinh.docx"].status == "unchanged"


def test_a_change_that_does_not_reach_a_document_leaves_it_unchanged(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    (data / "xa-a.yaml").write_text(DRAFT + "# chỉ thêm một dòng ghi chú\n", encoding="utf-8")
    summary = build(data, out)
    assert statuses(summary) == {"xa-a/quyet-dinh.docx": "unchanged"}
    assert not summary.plans[0].skipped  # inputs changed, so it was looked at


def test_dry_run_lists_what_would_be_rebuilt_and_writes_nothing(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    (data / "xa-a.yaml").write_text(edited(DRAFT, "name: Nguyễn Văn An", "name: Trần Thị Bình"), encoding="utf-8")
    before = tree_snapshot(out)
    summary = build(data, out, dry_run=True)
    [result] = [r for p in summary.plans for r in p.results]
    assert (result.status, result.reasons) == ("stale", ("dữ liệu thay đổi: decision.signer.name",))
    assert tree_snapshot(out) == before


def test_template_change_rebuilds_every_document_of_that_template(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT})
    out, templates = tmp_path / "out", tmp_path / "templates"
    templates.mkdir()
    for template in TEMPLATES.glob("*.docx"):
        (templates / template.name).write_bytes(template.read_bytes())
    options = Options(out, templates, TODAY)
    batch.build_all([data], options)
    document = open_docx(templates / "quyet-dinh.docx")
    document.styles["Nội dung văn bản"].paragraph_format.space_after = Pt(1)  # a change that reaches every output
    document.save(templates / "quyet-dinh.docx")
    summary = batch.build_all([data], options)
    assert {r.status for p in summary.plans for r in p.results} == {"updated"}
    assert {r.reasons for p in summary.plans for r in p.results} == {
        ("mẫu văn bản hoặc phiên bản chương trình thay đổi",)
    }


def test_issued_document_is_never_overwritten_when_its_data_changes(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    issued = (out / "xa-a" / "quyet-dinh.docx").read_bytes()
    (data / "xa-a.yaml").write_text(
        edited(MINIMAL_PLAN, "name: Nguyễn Văn An", "name: Trần Thị Bình"), encoding="utf-8"
    )
    summary = build(data, out)
    [result] = [r for p in summary.plans for r in p.results]
    assert (result.status, result.reasons) == ("conflict", ("dữ liệu thay đổi: decision.signer.name",))
    assert summary.exit_code == 4
    assert (out / "xa-a" / "quyet-dinh.docx").read_bytes() == issued
    assert build(data, out).exit_code == 4  # still reported on the next build


def test_a_draft_becomes_the_issued_document_when_its_number_is_typed_in(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})  # the văn thư typed the number
    summary = build(data, out)
    assert [r.status for p in summary.plans for r in p.results] == ["updated"]
    assert summary.exit_code == 0
    assert "Số: 39/QĐ-UBND" in texts(open_docx(out / "xa-a" / "quyet-dinh.docx"))


def test_an_issued_document_is_not_replaced_by_a_draft_when_its_number_is_taken_out(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    issued = (out / "xa-a" / "quyet-dinh.docx").read_bytes()
    plans_folder(tmp_path, {"xa-a": DRAFT})
    summary = build(data, out)
    assert [r.status for p in summary.plans for r in p.results] == ["conflict"]
    assert (out / "xa-a" / "quyet-dinh.docx").read_bytes() == issued


def test_new_version_of_an_issued_document_is_written_beside_it(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    issued = (out / "xa-a" / "quyet-dinh.docx").read_bytes()
    (data / "xa-a.yaml").write_text(
        edited(MINIMAL_PLAN, "name: Nguyễn Văn An", "name: Trần Thị Bình"), encoding="utf-8"
    )
    summary = build(data, out, new_version=True)
    [result] = [r for p in summary.plans for r in p.results]
    assert (result.status, result.written) == ("new-version", "xa-a/quyet-dinh.v2.docx")
    assert (out / "xa-a" / "quyet-dinh.docx").read_bytes() == issued
    assert "Trần Thị Bình" in texts(open_docx(out / "xa-a" / "quyet-dinh.v2.docx"))
    again = build(data, out, new_version=True)  # no v3 for the same content
    assert not (out / "xa-a" / "quyet-dinh.v3.docx").exists()
    assert "bản mới đã có: xa-a/quyet-dinh.v2.docx" in again.plans[0].results[0].reasons


SIGNER_CHANGED = edited(MINIMAL_PLAN, "name: Nguyễn Văn An", "name: Trần Thị Bình")


@pytest.fixture
def issued_then_deleted(tmp_path):
    """(data, out): an issued decision built, deleted by hand, and its signer changed since."""
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    (out / "xa-a" / "quyet-dinh.docx").unlink()
    (data / "xa-a.yaml").write_text(SIGNER_CHANGED, encoding="utf-8")
    return data, out


def test_deleted_issued_document_is_not_re_created_from_changed_data(issued_then_deleted):
    data, out = issued_then_deleted
    summary = build(data, out)
    [result] = [r for p in summary.plans for r in p.results]
    assert (result.status, result.reasons) == (
        "conflict", ("tệp đã bị xóa hoặc bị sửa ngoài chương trình", "dữ liệu thay đổi: decision.signer.name"))
    assert summary.exit_code == 4 and not (out / "xa-a" / "quyet-dinh.docx").exists()
    assert build(data, out).exit_code == 4  # the manifest still remembers what was issued


def test_deleted_issued_document_is_re_created_from_the_same_data(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    issued = (out / "xa-a" / "quyet-dinh.docx").read_bytes()
    (out / "xa-a" / "quyet-dinh.docx").unlink()
    summary = build(data, out)
    assert statuses(summary) == {"xa-a/quyet-dinh.docx": "created"} and summary.exit_code == 0
    assert (out / "xa-a" / "quyet-dinh.docx").read_bytes() == issued


def test_deleted_issued_document_with_changed_data_gets_a_new_version_only_when_asked(issued_then_deleted):
    data, out = issued_then_deleted
    summary = build(data, out, new_version=True)
    [result] = [r for p in summary.plans for r in p.results]
    assert (result.status, result.written) == ("new-version", "xa-a/quyet-dinh.v2.docx")
    assert not (out / "xa-a" / "quyet-dinh.docx").exists()
    assert "Trần Thị Bình" in texts(open_docx(out / "xa-a" / "quyet-dinh.v2.docx"))


def test_cli_says_a_deleted_issued_document_was_not_re_created_and_why(issued_then_deleted):
    data, out = issued_then_deleted
    args = ["build", str(data), "-o", str(out), "--templates", str(TEMPLATES), "--date", TODAY.isoformat(), "-j", "1"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 4
    assert (f"{out / 'xa-a' / 'quyet-dinh.docx'}: văn bản đã ban hành (có số) đã bị xóa, và tạo lại thì khác bản "
            "đã ban hành (tệp đã bị xóa hoặc bị sửa ngoài chương trình; dữ liệu thay đổi: decision.signer.name); "
            "không tạo lại (dùng --new-version để ghi bản mới bên cạnh)") in result.stderr


def test_broken_plan_is_reported_and_the_others_are_built(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-hong": edited(DRAFT, "lead: VHXH", "lead: VHX")})
    summary = build(data, tmp_path / "out")
    broken = next(p for p in summary.plans if p.error)
    assert "có phải ý bạn là 'VHXH'?" in broken.error
    assert (tmp_path / "out" / "xa-a" / "quyet-dinh.docx").is_file()
    assert summary.exit_code == 1 and summary.line() == "1 đã tạo, 0 không đổi, 1 lỗi"


def test_outputs_no_longer_produced_are_reported_and_deleted_only_with_prune(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    (data / "xa-b.yaml").unlink()
    summary = build(data, out)
    assert summary.obsolete == ["xa-b/quyet-dinh.docx"] and (out / "xa-b" / "quyet-dinh.docx").exists()
    summary = build(data, out, prune=True)
    assert summary.pruned == ["xa-b/quyet-dinh.docx"] and not (out / "xa-b" / "quyet-dinh.docx").exists()
    assert "xa-b/quyet-dinh.docx" not in manifest.load(out).outputs


def test_deleted_output_is_rebuilt(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    (out / "xa-a" / "quyet-dinh.docx").unlink()
    summary = build(data, out)
    assert statuses(summary) == {"xa-a/quyet-dinh.docx": "created"}


def test_worker_processes_give_the_same_outputs_as_one_process(tmp_path):
    data = plans_folder(tmp_path, {f"xa-{i}": DRAFT for i in range(4)})
    build(data, tmp_path / "one")
    build(data, tmp_path / "two", jobs=2)
    strip = {k: v for k, v in tree_snapshot(tmp_path / "one").items() if k.endswith(".docx")}
    assert strip == {k: v for k, v in tree_snapshot(tmp_path / "two").items() if k.endswith(".docx")}


# Run in a fresh interpreter, so no template is compiled yet: where were the templates
# compiled, and is the checker loaded?
_WORKERS_INHERIT = """
import datetime as dt, multiprocessing, os, sys
from pathlib import Path
from cchc_docs.pipeline import batch
from cchc_docs.pipeline.options import Options
from cchc_docs.render import engine

compile_once = engine._compile
def compile_and_say(template, data):
    print("compiled in", "parent" if os.getpid() == parent else "worker", flush=True)
    return compile_once(template, data)
parent, engine._compile = os.getpid(), compile_and_say
multiprocessing.set_start_method(sys.argv[5])
options = Options(Path(sys.argv[2]), Path(sys.argv[3]), dt.date.fromisoformat(sys.argv[4]), check=False)
summary = batch.build_all([Path(sys.argv[1])], options, jobs=2)
print("exit", summary.exit_code, "checker", "cchc_docs.checks" in sys.modules)
"""


@pytest.mark.skipif(multiprocessing.get_start_method() != "fork", reason="workers are not forked here")
@pytest.mark.parametrize("alone", [False, True], ids=["plans in workers", "documents of one plan in children"])
def test_processes_forked_by_a_build_inherit_templates_compiled_once_before_them(tmp_path, alone):
    given = SAMPLE if alone else plans_folder(tmp_path, {f"xa-{i}": DRAFT for i in range(4)})
    done = subprocess.run([sys.executable, "-c", _WORKERS_INHERIT, str(given), str(tmp_path / "out"), str(TEMPLATES),
                           TODAY.isoformat(), "fork"], capture_output=True, text=True, check=True)
    compiled, last = done.stdout.splitlines()[:-1], done.stdout.splitlines()[-1]
    used = {"to-trinh.docx", "quyet-dinh.docx", "bao-cao-quy.docx"} if alone else registry.templates()
    assert compiled == ["compiled in parent"] * len(used)
    assert last == "exit 0 checker False"
    assert len(list((tmp_path / "out").rglob("*.docx"))) >= 4


def test_a_pool_whose_workers_are_not_forked_compiles_nothing_before_them(tmp_path):
    # Spawned workers start afresh: what the builder compiled would be compiled for nothing.
    data = plans_folder(tmp_path, {f"xa-{i}": DRAFT for i in range(2)})
    done = subprocess.run([sys.executable, "-c", _WORKERS_INHERIT, str(data), str(tmp_path / "out"), str(TEMPLATES),
                           TODAY.isoformat(), "spawn"], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == ["exit 0 checker False"]
    assert len(list((tmp_path / "out").rglob("*.docx"))) == 2


def test_every_template_the_sample_plans_use_is_one_the_registry_lists_and_ships():
    used = set()
    for plan in sorted((TEMPLATES.parent / "data").glob("*.yaml")):
        loaded = load_all(plan)
        jobs = registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), TODAY)
        used |= {job.template for job in jobs}
    assert len(used) >= 4 and used <= set(registry.templates())  # Tờ trình, decisions, issued plans, reports
    assert all((TEMPLATES / name).is_file() for name in registry.templates())


def test_status_files_are_not_taken_for_plans(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    (data / "xa-a" / "bao-cao").mkdir(parents=True)
    (data / "xa-a" / "bao-cao" / "2025-Q3.yaml").write_text("period: 2025-Q3\n", encoding="utf-8")
    assert [t.plan.name for t in batch.discover([data])] == ["xa-a.yaml"]


def test_cli_build_prints_reasons_in_dry_run_and_the_summary(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    args = ["build", str(data), "-o", str(out), "--templates", str(TEMPLATES), "--date", "2025-09-15", "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    (data / "xa-a.yaml").write_text(edited(DRAFT, 'deadline: "2025-08"', 'deadline: "2025-09"'), encoding="utf-8")
    result = CliRunner().invoke(main, [*args, "--dry-run"])
    assert (
        f"sẽ tạo lại {out / 'xa-a' / 'quyet-dinh.docx'} (dữ liệu thay đổi: plan.tasks[T01].deadline)" in result.stdout
    )
    assert result.stdout.splitlines()[-1] == "0 đã tạo, 1 sẽ tạo lại, 0 không đổi"


def is_complete_docx(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return z.testzip() is None and "word/document.xml" in z.namelist()
    except zipfile.BadZipFile:
        return False


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_build_killed_at_a_random_moment_is_repaired_by_the_next_build(tmp_path, seed):
    data = plans_folder(tmp_path, {f"xa-{i}": DRAFT.replace("Thượng Hồng", f"Thượng Hồng {i}") for i in range(6)})
    out, clean = tmp_path / "out", tmp_path / "clean"
    command = [
        sys.executable,
        "-m",
        "cchc_docs.cli",
        "build",
        str(data),
        "-o",
        str(out),
        "--templates",
        str(TEMPLATES),
        "--date",
        "2025-09-15",
        "-j",
        "2",
    ]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(random.Random(seed).uniform(0.3, 2.0))
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert all(is_complete_docx(p) for p in out.rglob("*.docx")), "no torn output after the kill"
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*command[:6], str(clean), *command[7:]], check=True, stdout=subprocess.DEVNULL)
    outputs = {k: v for k, v in tree_snapshot(out).items() if not k.startswith(".cchc")}
    assert outputs == {k: v for k, v in tree_snapshot(clean).items() if not k.startswith(".cchc")}


def test_a_file_given_by_name_is_taken_as_a_plan_whatever_its_suffix(tmp_path):
    plan = tmp_path / "xa-a.txt"
    plan.write_text(DRAFT, encoding="utf-8")
    assert [(t.plan, t.out_dir) for t in batch.discover([plan])] == [(plan, "xa-a")]


def test_a_word_document_given_to_build_is_reported_as_one_and_the_others_are_built(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    document = tmp_path / "quyet-dinh.docx"
    docx.Document().save(document)
    summary = batch.build_all([data, document], Options(tmp_path / "out", TEMPLATES, TODAY))
    broken = next(p for p in summary.plans if p.error)
    assert broken.error == (
        f"{document}: đây là văn bản Word (DOCX), không phải tệp kế hoạch YAML; "
        f"để kiểm tra thể thức văn bản này hãy dùng: cchc-docs check {document}"
    )
    assert summary.exit_code == 1
    assert summary.line() == "1 đã tạo, 0 không đổi, 1 lỗi"


def test_a_folder_without_plans_is_an_error_that_says_so(tmp_path):
    data = plans_folder(tmp_path, {})
    (data / "xa-a" / "bao-cao").mkdir(parents=True)
    (data / "xa-a" / "bao-cao" / "2025-Q3.yaml").write_text("period: 2025-Q3\n", encoding="utf-8")
    with pytest.raises(SourceError) as caught:
        batch.discover([data])
    assert str(caught.value) == (
        f"{data}: thư mục không chứa tệp kế hoạch YAML nào (cần ít nhất một tệp .yaml ngoài bao-cao/)"
    )


def test_a_folder_of_word_documents_points_to_check(tmp_path):
    folder = tmp_path / "out" / "xa-a"
    folder.mkdir(parents=True)
    docx.Document().save(folder / "quyet-dinh.docx")
    with pytest.raises(SourceError) as caught:
        batch.discover([folder])
    assert str(caught.value).endswith(
        "; đây là thư mục văn bản Word (DOCX), để kiểm tra thể thức các văn bản "
        f"này hãy dùng: cchc-docs check {folder}/*.docx"
    )


# ---------------------------------------------------------------- a dry run tells the truth

SIGNER_CHANGED = edited(MINIMAL_PLAN, "name: Nguyễn Văn An", "name: Trần Thị Bình")
Q3_STATUS = """\
period: 2025-Q3
report: {number: "52", date: "2025-09-15", recipients: [TT Đảng ủy xã]}
tasks: [{id: T01, status: đang thực hiện}]
"""


def test_dry_run_predicts_the_conflict_of_an_issued_document_whose_data_changed(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    plans_folder(tmp_path, {"xa-a": SIGNER_CHANGED})
    before = tree_snapshot(out)
    predicted = build(data, out, dry_run=True)
    assert (statuses(predicted), predicted.exit_code) == ({"xa-a/quyet-dinh.docx": "conflict"}, 4)
    assert tree_snapshot(out) == before
    real = build(data, out)
    assert (statuses(real), real.exit_code) == (statuses(predicted), predicted.exit_code)


def test_dry_run_with_force_agrees_with_the_forced_build(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN, "xa-b": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    predicted = build(data, out, dry_run=True, force=True)
    real = build(data, out, force=True)
    assert statuses(predicted) == statuses(real) == {"xa-a/quyet-dinh.docx": "unchanged",
                                                    "xa-b/quyet-dinh.docx": "unchanged"}
    assert predicted.exit_code == real.exit_code == 0


def test_after_a_refused_build_the_next_run_still_names_the_data_change(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    out = tmp_path / "out"
    build(data, out)
    plans_folder(tmp_path, {"xa-a": SIGNER_CHANGED})
    assert build(data, out).exit_code == 4
    [again] = [r for p in build(data, out, dry_run=True).plans for r in p.results]
    assert again.reasons == ("dữ liệu thay đổi: decision.signer.name",)  # not "mẫu văn bản … thay đổi"


def test_a_conflict_names_only_the_data_changes_that_feed_that_document(tmp_path):
    data = plans_folder(tmp_path, {"xa-a": MINIMAL_PLAN})
    (data / "xa-a" / "bao-cao").mkdir(parents=True)
    (data / "xa-a" / "bao-cao" / "2025-Q3.yaml").write_text(Q3_STATUS, encoding="utf-8")
    out = tmp_path / "out"
    build(data, out)
    plans_folder(tmp_path, {"xa-a": SIGNER_CHANGED})
    (data / "xa-a" / "bao-cao" / "2025-Q3.yaml").write_text(Q3_STATUS.replace("đang thực hiện", "chưa thực hiện"),
                                                            encoding="utf-8")
    reasons = {r.path: r.reasons for p in build(data, out).plans for r in p.results}
    assert reasons["xa-a/quyet-dinh.docx"] == ("dữ liệu thay đổi: decision.signer.name",)
    assert reasons["xa-a/bao-cao-2025-q3.docx"] == (
        "dữ liệu thay đổi: bao-cao.2025-Q3.tasks[T01].status, decision.signer.name",)
