"""The manifest is not trusted blindly: a damaged one is set aside, and --prune stays inside the folder."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner
from helpers import DRAFT, MINIMAL_PLAN, ROOT, TEMPLATES, TODAY, plans_folder

from cchc_docs.cli.app import main
from cchc_docs.pipeline import batch, fingerprint, manifest
from cchc_docs.pipeline.options import Options


def build(data, out, **kwargs):
    return batch.build_all([data], Options(out, TEMPLATES, TODAY), **kwargs)


def edit_manifest(out, change) -> None:
    path = out / manifest.FILE_NAME
    raw = json.loads(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(json.dumps(raw), encoding="utf-8")


def statuses(summary) -> dict[str, str]:
    return {r.path: r.status for p in summary.plans for r in p.results}


def _entry(raw) -> dict:
    return next(iter(raw["outputs"].values()))


DAMAGES = {
    "bad-json": (lambda out: (out / manifest.FILE_NAME).write_text("{\"format\": 1,", encoding="utf-8"),
                 "không phải JSON hợp lệ (dòng 1, cột 14)"),
    "outputs-a-list": (lambda out: edit_manifest(out, lambda raw: raw.update(outputs=list(raw["outputs"]))),
                       "'outputs' cần bảng (tên → giá trị), nhận được danh sách"),
    "size-as-text": (lambda out: edit_manifest(out, lambda raw: _entry(raw).update(size="12")),
                     "mục 'xa-a/quyet-dinh.docx': 'size' cần số, nhận được chuỗi"),
    "field-missing": (lambda out: edit_manifest(out, lambda raw: _entry(raw).pop("sha256")),
                      "mục 'xa-a/quyet-dinh.docx' cần đúng các trường key, sha256, size, plan, final"),
    "plans-not-text": (lambda out: edit_manifest(out, lambda raw: raw["plans"].update({"x.yaml": 5})),
                       "plans['x.yaml'] cần chuỗi, nhận được số"),
    "other-format": (lambda out: edit_manifest(out, lambda raw: raw.update(format=7)),
                     "cần định dạng 1, nhận được 7"),
}


@pytest.mark.parametrize("damage", list(DAMAGES))
def test_damaged_manifest_is_set_aside_with_one_warning_and_everything_is_rebuilt(tmp_path, damage):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT}), tmp_path / "out"
    build(data, out)
    spoil, why = DAMAGES[damage]
    spoil(out)
    summary = build(data, out)
    assert summary.warnings == [
        f"{out / manifest.FILE_NAME}: tệp kê khai bị hỏng, {why}; đã bỏ qua nó và tạo lại mọi văn bản"]
    [result] = [r for p in summary.plans for r in p.results]
    assert (result.reasons, summary.exit_code) == (("chưa có trong lần tạo trước",), 0)
    assert manifest.load(out).damaged is None and "xa-a/quyet-dinh.docx" in manifest.load(out).outputs


def test_cli_prints_the_damaged_manifest_warning_on_one_line(tmp_path):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT}), tmp_path / "out"
    args = ["build", str(data), "-o", str(out), "--templates", str(TEMPLATES), "--date", "2025-09-15", "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    edit_manifest(out, lambda raw: raw.update(outputs=[]))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0
    warnings = [line for line in result.stderr.splitlines() if "tệp kê khai bị hỏng" in line]
    assert warnings == [f"{out / manifest.FILE_NAME}: tệp kê khai bị hỏng, 'outputs' cần bảng (tên → giá trị), "
                        "nhận được danh sách; đã bỏ qua nó và tạo lại mọi văn bản"]


def test_manifest_naming_a_file_outside_the_folder_is_damaged_and_prune_deletes_nothing_there(tmp_path):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT}), tmp_path / "out"
    build(data, out)
    victim = tmp_path / "victim.docx"
    victim.write_bytes(b"van ban cua nguoi khac")
    edit_manifest(out, lambda raw: raw["outputs"].update({"../victim.docx": raw["outputs"]["xa-b/quyet-dinh.docx"]}))
    (data / "xa-b.yaml").unlink()  # its outputs, and the forged one, are no longer produced
    summary = build(data, out, prune=True)
    assert victim.read_bytes() == b"van ban cua nguoi khac"
    assert summary.warnings == [f"{out / manifest.FILE_NAME}: tệp kê khai bị hỏng, mục '../victim.docx' trỏ ra "
                                "ngoài thư mục kết quả; đã bỏ qua nó và tạo lại mọi văn bản"]
    assert summary.pruned == [] and statuses(summary) == {"xa-a/quyet-dinh.docx": "unchanged"}


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_prune_does_not_follow_a_link_out_of_the_output_folder(tmp_path):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT}), tmp_path / "out"
    build(data, out)
    elsewhere = tmp_path / "elsewhere"
    shutil.move(out / "xa-b", elsewhere)
    (out / "xa-b").symlink_to(elsewhere, target_is_directory=True)
    (data / "xa-b.yaml").unlink()
    summary = build(data, out, prune=True)
    assert (elsewhere / "quyet-dinh.docx").is_file() and summary.pruned == []
    assert summary.kept == {
        "xa-b/quyet-dinh.docx": "không còn được tạo, nhưng nằm ngoài thư mục kết quả (qua liên kết); không xóa"}


def test_prune_keeps_an_issued_document_unless_issued_documents_are_named(tmp_path):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": MINIMAL_PLAN}), tmp_path / "out"
    build(data, out)
    (data / "xa-b.yaml").unlink()
    summary = build(data, out, prune=True)
    assert (out / "xa-b" / "quyet-dinh.docx").is_file() and summary.pruned == []
    assert summary.kept == {
        "xa-b/quyet-dinh.docx": "văn bản đã ban hành (có số) không còn được tạo; giữ nguyên (xóa bằng --prune-issued)"}
    assert "xa-b/quyet-dinh.docx" in manifest.load(out).outputs  # still known, still reported
    summary = build(data, out, prune_issued=True)
    assert summary.pruned == ["xa-b/quyet-dinh.docx"] and not (out / "xa-b" / "quyet-dinh.docx").exists()


def test_cli_prune_issued_deletes_an_issued_document_no_longer_produced(tmp_path):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": MINIMAL_PLAN}), tmp_path / "out"
    args = ["build", str(data), "-o", str(out), "--templates", str(TEMPLATES), "--date", "2025-09-15", "-j", "1"]
    assert CliRunner().invoke(main, args).exit_code == 0
    (data / "xa-b.yaml").unlink()
    kept = CliRunner().invoke(main, [*args, "--prune"])
    assert (f"{out / 'xa-b' / 'quyet-dinh.docx'}: văn bản đã ban hành (có số) không còn được tạo; giữ nguyên "
            "(xóa bằng --prune-issued)") in kept.stdout
    assert (out / "xa-b" / "quyet-dinh.docx").is_file()
    pruned = CliRunner().invoke(main, [*args, "--prune-issued"])
    assert f"{out / 'xa-b' / 'quyet-dinh.docx'}: đã xóa" in pruned.stdout
    assert not (out / "xa-b" / "quyet-dinh.docx").exists()


def test_data_fingerprint_written_by_an_earlier_version_still_names_the_changed_field(tmp_path):
    # Before issue 13 the file beside the manifest held the fingerprint's leaves, not the plan's data.
    from cchc_docs.pipeline import fingerprint
    from cchc_docs.pipeline.options import relative

    data = plans_folder(tmp_path, {"xa-a": DRAFT})
    out = tmp_path / "out"
    build(data, out)
    plan = relative(data / "xa-a.yaml")
    saved = manifest.fingerprint_path(out, plan)
    tree = json.loads(saved.read_text(encoding="utf-8"))["tree"]
    saved.write_text(json.dumps(fingerprint.fingerprint(tree)), encoding="utf-8")
    (data / "xa-a.yaml").write_text(DRAFT.replace("name: Nguyễn Văn An", "name: Trần Thị Bình"), encoding="utf-8")
    (result,) = build(data, out).plans[0].results
    assert result.status == "updated"
    assert result.reasons == ("dữ liệu thay đổi: decision.signer.name",)


# ---------------------------------------------------------------- keys and fingerprints as JSON


def standard_json(value) -> bytes:
    """What the build wrote before orjson: the standard library's canonical JSON."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def sample_contexts() -> list[dict]:
    from cchc_docs.contexts import registry
    from cchc_docs.model.load import load_all
    from cchc_docs.model.status import reporting_calendar

    contexts = []
    for plan in sorted((ROOT / "data").glob("*.yaml")):
        loaded = load_all(plan)
        jobs = registry.plan_jobs(loaded.versions, loaded.statuses, reporting_calendar(loaded.versions[0]), TODAY)
        contexts += [job.context() for job in jobs]
    return contexts


def test_every_sample_context_is_keyed_by_the_same_json_as_before_so_earlier_builds_stay_valid():
    contexts = sample_contexts()
    assert len(contexts) >= 10
    for context in contexts:
        assert manifest.canonical(context) == standard_json(context)


@pytest.mark.parametrize("value", [{2: "hai", 1: "một"}, {"n": 2**70}, {"a": [{"b": None, "a": True}]}])
def test_a_context_orjson_refuses_is_keyed_all_the_same(value):
    assert manifest.canonical(value) == standard_json(value)


def test_a_saved_fingerprint_reads_back_as_the_plans_data(tmp_path):
    trees = {"plan": {"tasks": [{"id": "T01", "content": "Rà soát \"thủ tục\" <hành chính>\n", "note": None}]}}
    manifest.save_fingerprint(tmp_path, "xa-a.yaml", trees)
    saved = manifest.fingerprint_path(tmp_path, "xa-a.yaml").read_bytes()
    assert saved == json.dumps({"format": manifest.TREE_FORMAT, "tree": trees}, ensure_ascii=False,
                               separators=(",", ":")).encode()
    assert manifest.load_fingerprint(tmp_path, "xa-a.yaml") == fingerprint.fingerprint(trees)
