"""Tests for cchc_docs.build and cchc_docs.write: where outputs go, and that a failure writes nothing."""

from __future__ import annotations

import os
import stat

import docx
import pytest
from helpers import MINIMAL_PLAN, TEMPLATES, TODAY, edited, open_docx, texts, tree_snapshot, write_plan

from cchc_docs.errors import ConflictError, DataError, OutputError, TemplateError
from cchc_docs.pipeline import batch, build, options
from cchc_docs.pipeline.options import Options
from cchc_docs.write import write_atomic


def test_output_goes_to_out_stem_quyet_dinh_docx(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN, name="xa-a-2025.yaml")
    outputs = build.build(plan, tmp_path / "out", TEMPLATES, TODAY)
    expected = tmp_path / "out" / "xa-a-2025" / "quyet-dinh.docx"
    assert [(o.kind, o.path) for o in outputs] == [("quyet-dinh", expected)]
    assert expected.read_bytes() == outputs[0].data
    assert texts(open_docx(expected))[:2] == ["ỦY BAN NHÂN DÂN", "XÃ THƯỢNG HỒNG"]


def test_build_writes_the_plan_data_into_the_document(tmp_path):
    plan = write_plan(tmp_path, edited(MINIMAL_PLAN, "name: Nguyễn Văn An", "name: Trần Thị Bình"))
    (output,) = build.build(plan, tmp_path / "out", TEMPLATES, TODAY)
    assert "Trần Thị Bình" in texts(open_docx(output.path))


def test_two_builds_of_the_same_plan_are_byte_identical(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    (first,) = build.build(plan, tmp_path / "a", TEMPLATES, TODAY)
    (second,) = build.build(plan, tmp_path / "b", TEMPLATES, TODAY)
    assert first.path != second.path
    assert first.path.read_bytes() == second.path.read_bytes()


def test_docxtpl_escape_syntax_in_a_task_prints_exactly_as_typed(tmp_path):
    content = "Rà soát {_{ x }_}, {_% if y %_} và {_# z #_}"
    plan = write_plan(tmp_path, edited(MINIMAL_PLAN, "content: Ban hành Kế hoạch", f"content: '{content}'"))
    (output,) = build.build(plan, tmp_path / "out", TEMPLATES, TODAY)
    assert content in texts(open_docx(output.path))


def test_undated_draft_takes_its_month_from_the_build_date(tmp_path):
    plan = write_plan(tmp_path, edited(MINIMAL_PLAN, '  date: "2025-07-31"\n', ""))
    (output,) = build.build(plan, tmp_path / "out", TEMPLATES, TODAY)
    assert "Thượng Hồng, ngày      tháng 9 năm 2025" in texts(open_docx(output.path))


@pytest.fixture
def previous_build(tmp_path):
    """An out/ folder holding an earlier build of plan.yaml, and its exact contents."""
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    out = tmp_path / "out"
    build.build(plan, out, TEMPLATES, TODAY)
    (out / "plan" / "ghi-chu.txt").write_text("tệp của người dùng", encoding="utf-8")
    return plan, out, tree_snapshot(out)


def test_data_error_leaves_the_output_folder_unchanged(previous_build):
    plan, out, before = previous_build
    plan.write_text(edited(MINIMAL_PLAN, 'date: "2025-07-31"', 'date: "2025-02-30"'), encoding="utf-8")
    with pytest.raises(DataError):
        build.build(plan, out, TEMPLATES, TODAY)
    assert tree_snapshot(out) == before


def test_template_error_leaves_the_output_folder_unchanged(previous_build, tmp_path):
    plan, out, before = previous_build
    broken = tmp_path / "broken-templates"
    broken.mkdir()
    document = docx.Document()
    document.add_paragraph("{{ decision.khong_co }}")
    document.save(str(broken / "quyet-dinh.docx"))
    with pytest.raises(TemplateError):
        build.build(plan, out, broken, TODAY)
    assert tree_snapshot(out) == before


def test_missing_template_leaves_no_output_folder(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    with pytest.raises(TemplateError):
        build.build(plan, tmp_path / "out", tmp_path / "khong-co-mau", TODAY)
    assert not (tmp_path / "out").exists()


def test_successful_build_leaves_no_temporary_files(previous_build):
    plan, out, _before = previous_build
    build.build(plan, out, TEMPLATES, TODAY)
    assert sorted(tree_snapshot(out)) == ["plan/ghi-chu.txt", "plan/quyet-dinh.docx"]


def test_rebuild_replaces_a_draft(tmp_path):
    draft = edited(MINIMAL_PLAN, '  number: "39"\n', "")
    plan, out = write_plan(tmp_path, draft), tmp_path / "out"
    build.build(plan, out, TEMPLATES, TODAY)
    plan.write_text(edited(draft, "name: Nguyễn Văn An", "name: Trần Thị Bình"), encoding="utf-8")
    build.build(plan, out, TEMPLATES, TODAY)
    assert "Trần Thị Bình" in texts(open_docx(out / "plan" / "quyet-dinh.docx"))


def test_rebuild_never_overwrites_an_issued_decision_whose_data_changed(previous_build):
    plan, out, before = previous_build
    plan.write_text(edited(MINIMAL_PLAN, "name: Nguyễn Văn An", "name: Trần Thị Bình"), encoding="utf-8")
    with pytest.raises(ConflictError) as caught:
        build.build(plan, out, TEMPLATES, TODAY)
    assert caught.value.exit_code == 4 and "--new-version" in str(caught.value)
    assert tree_snapshot(out) == before


# --- write_atomic ----------------------------------------------------------------------------------


def test_atomic_write_creates_folders_and_leaves_only_the_file(tmp_path):
    target = tmp_path / "a" / "b" / "x.docx"
    write_atomic(target, b"noi dung")
    assert target.read_bytes() == b"noi dung"
    assert sorted(p.name for p in target.parent.iterdir()) == ["x.docx"]


def test_failed_atomic_write_keeps_the_old_file_and_removes_its_temporary(tmp_path):
    target = tmp_path / "x.docx"
    target.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(OutputError) as e:
        write_atomic(target, b"noi dung")
    assert str(e.value).startswith(f"{target}: không ghi được tệp")
    assert [p.name for p in tmp_path.iterdir()] == ["x.docx"]
    assert target.is_dir()


def test_output_folder_that_cannot_be_created_is_an_output_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    with pytest.raises(OutputError):
        write_atomic(blocker / "plan" / "quyet-dinh.docx", b"x")


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_atomic_write_gives_the_file_the_mode_the_umask_allows(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "x.docx", b"noi dung")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "x.docx").stat().st_mode) == mode


def test_every_file_a_batch_build_writes_is_readable_by_others_under_umask_022(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN)
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        batch.build_targets(batch.discover([plan]), Options(out, TEMPLATES, TODAY))
    finally:
        os.umask(old)
    written = [path for path in out.rglob("*") if path.is_file()]
    assert {path.name for path in written} >= {"quyet-dinh.docx", ".cchc-manifest.json"}
    assert {path.name: oct(stat.S_IMODE(path.stat().st_mode)) for path in written} == {
        path.name: "0o644" for path in written}


def test_default_templates_folder_is_the_checkout_templates():
    assert options.default_templates() == TEMPLATES
