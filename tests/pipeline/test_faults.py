"""Faults in a batch: a plan that trips a bug is skipped, and a full disk is reported truthfully."""

from __future__ import annotations

import errno
import os

import pytest
from click.testing import CliRunner
from helpers import DRAFT, TEMPLATES, TODAY, edited, open_docx, plans_folder, texts

from cchc_docs.cli.app import main
from cchc_docs.pipeline import batch, build, manifest
from cchc_docs.pipeline.options import Options

RENAMED = edited(DRAFT, "name: Nguyễn Văn An", "name: Trần Thị Bình")



def cli_build(data, out):
    return CliRunner().invoke(main, ["build", str(data), "-o", str(out), "--templates", str(TEMPLATES),
                                     "--date", "2025-09-15", "-j", "1"])


def test_unexpected_exception_in_one_plan_is_reported_and_the_others_are_built(tmp_path, monkeypatch):
    data = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-bug": DRAFT, "xa-c": DRAFT})
    load_all = build.load_all

    def buggy(plan_path, *args):
        if plan_path.stem == "xa-bug":
            raise KeyError("nhiem-vu")  # stands for a bug the data triggers
        return load_all(plan_path, *args)

    monkeypatch.setattr(build, "load_all", buggy)
    summary = batch.build_all([data], Options(tmp_path / "out", TEMPLATES, TODAY))
    [failed] = [p for p in summary.plans if p.error]
    assert failed.plan == os.path.relpath(data / "xa-bug.yaml")
    assert failed.error == build.INTERNAL.format("KeyError: 'nhiem-vu'")
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == ["xa-a", "xa-c"]
    assert summary.exit_code == 1 and summary.line() == "2 đã tạo, 0 không đổi, 1 lỗi"


def full_disk_after(monkeypatch, writes: int) -> None:
    """Every file write after the first ``writes`` fails as on a full disk (at fsync, where it shows)."""
    fsync, done = os.fsync, []

    def filling(fd):
        if len(done) >= writes:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        done.append(fd)
        return fsync(fd)

    monkeypatch.setattr(os, "fsync", filling)


def test_full_disk_summary_counts_the_documents_rewritten_and_says_the_disk_is_full(tmp_path, monkeypatch):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT}), tmp_path / "out"
    assert cli_build(data, out).exit_code == 0
    for name in ("xa-a", "xa-b"):
        (data / f"{name}.yaml").write_text(RENAMED, encoding="utf-8")
    before = (out / manifest.FILE_NAME).read_bytes()
    with monkeypatch.context() as patched:
        full_disk_after(patched, 1)  # xa-a's document is written, then the disk is full
        result = cli_build(data, out)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "1 đã tạo, 0 không đổi, 3 lỗi"
    assert f"đã tạo {out / 'xa-a' / 'quyet-dinh.docx'} (dữ liệu thay đổi: decision.signer.name)" in result.stdout
    assert f"{out / 'xa-b' / 'quyet-dinh.docx'}: không ghi được tệp (ổ đĩa đã đầy; " in result.stderr
    assert f"{out / manifest.FILE_NAME}: không ghi được tệp (ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại); " \
           "tệp kê khai không được cập nhật, lần tạo sau sẽ kiểm tra lại mọi văn bản" in result.stderr
    assert "Trần Thị Bình" in texts(open_docx(out / "xa-a" / "quyet-dinh.docx"))
    assert (out / manifest.FILE_NAME).read_bytes() == before
    # With room again, the next build finishes the work.
    again = cli_build(data, out)
    assert again.exit_code == 0 and again.stdout.splitlines()[-1] == "1 đã tạo, 1 không đổi"
    assert "Trần Thị Bình" in texts(open_docx(out / "xa-b" / "quyet-dinh.docx"))


def test_fingerprint_folder_that_is_a_file_is_reported_after_the_documents_written(tmp_path):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT}), tmp_path / "out"
    assert cli_build(data, out).exit_code == 0
    for leftover in (out / manifest.FINGERPRINTS).iterdir():
        leftover.unlink()
    (out / manifest.FINGERPRINTS).rmdir()
    (out / manifest.FINGERPRINTS).write_text("không phải thư mục", encoding="utf-8")
    (data / "xa-a.yaml").write_text(RENAMED, encoding="utf-8")
    result = cli_build(data, out)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "1 đã tạo, 0 không đổi, 1 lỗi"
    assert (f"{out / manifest.FINGERPRINTS}: không tạo được thư mục hoặc tệp tạm (ở đó đã có một tệp cùng tên, "
            f"không phải thư mục); {build.FINGERPRINT_LOST}") in result.stderr
    assert "Trần Thị Bình" in texts(open_docx(out / "xa-a" / "quyet-dinh.docx"))


@pytest.mark.parametrize("writes", [0, 1, 2, 3])
def test_a_full_disk_at_any_write_never_leaves_a_torn_file_or_a_false_count(tmp_path, monkeypatch, writes):
    data, out = plans_folder(tmp_path, {"xa-a": DRAFT, "xa-b": DRAFT}), tmp_path / "out"
    with monkeypatch.context() as patched:
        full_disk_after(patched, writes)
        summary = batch.build_all([data], Options(out, TEMPLATES, TODAY))
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*.docx"))
    assert written == sorted(r.path for p in summary.plans for r in p.results if r.status == "created")
    assert all(not p.name.endswith(".tmp") for p in out.rglob("*"))
    assert summary.exit_code == 1
