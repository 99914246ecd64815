"""Every output stays inside the output folder; a plan whose name cannot be a folder is refused, located."""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner
from helpers import DRAFT, MINIMAL_PLAN, TEMPLATES, TODAY, tree_snapshot, write_plan

from cchc_docs.cli.app import main
from cchc_docs.errors import OutputError, SourceError
from cchc_docs.pipeline import batch, build
from cchc_docs.pipeline.options import Options


def build_folder(data, out):
    return batch.build_all([data], Options(out, TEMPLATES, TODAY))


@pytest.mark.parametrize(("file_name", "problem"), [
    ("...yaml", "tên '..' chỉ có dấu chấm, tức là chính thư mục kết quả hoặc thư mục cha của nó"),
    ("..yaml", "tên '.' chỉ có dấu chấm, tức là chính thư mục kết quả hoặc thư mục cha của nó"),
    (".cchc.yaml", "tên '.cchc' bắt đầu bằng dấu chấm (thư mục ẩn, nơi chương trình giữ tệp riêng)"),
    ("xa:a.yaml", "tên 'xa:a' có ký tự không dùng được trong tên thư mục trên Windows: :"),
    ("xa?a.yaml", "tên 'xa?a' có ký tự không dùng được trong tên thư mục trên Windows: ?"),
    ("xa-a .yaml", "tên 'xa-a ' kết thúc bằng dấu chấm hoặc khoảng trắng (Windows bỏ đi)"),
    ("CON.yaml", "tên 'CON' là tên thiết bị dành riêng của Windows"),
    ("lpt1.yaml", "tên 'lpt1' là tên thiết bị dành riêng của Windows"),
    (f"{'x' * 101}.yaml", f"tên '{'x' * 20}…' dài 101 ký tự (tối đa 100)"),
], ids=["dot-dot", "dot", "hidden", "colon", "question-mark", "trailing-space", "con", "lpt1", "long"])
def test_plan_whose_name_gives_an_odd_output_folder_is_refused_and_the_others_are_built(tmp_path, file_name, problem):
    data = tmp_path / "data"
    data.mkdir()
    write_plan(data, DRAFT, "xa-b.yaml")
    odd = write_plan(data, DRAFT, file_name)
    out = tmp_path / "out"
    around = tree_snapshot(tmp_path)
    summary = build_folder(data, out)
    [refused] = [p for p in summary.plans if p.error]
    out_dir = file_name.removesuffix(".yaml")
    assert refused.error == (
        f"{odd}: văn bản của kế hoạch này sẽ nằm trong thư mục kết quả '{out_dir}', nhưng {problem}; "
        "hãy đổi tên tệp (hoặc thư mục) kế hoạch, ví dụ xa-thuong-hong-2025.yaml")
    assert summary.exit_code == 1 and summary.line() == "1 đã tạo, 0 không đổi, 1 lỗi"
    written = {path for path in tree_snapshot(tmp_path) if path not in around}
    assert written == {"out/xa-b/quyet-dinh.docx", "out/.cchc-manifest.json",
                       *(f"out/.cchc/{p.name}" for p in (out / ".cchc").iterdir())}


def test_library_build_refuses_a_plan_named_to_escape_the_output_folder(tmp_path):
    plan = write_plan(tmp_path, MINIMAL_PLAN, "...yaml")
    with pytest.raises(SourceError) as caught:
        build.build(plan, tmp_path / "out", TEMPLATES, TODAY)
    assert "thư mục kết quả '..'" in str(caught.value)
    assert not (tmp_path / "quyet-dinh.docx").exists() and not (tmp_path / "out").exists()


def test_cli_reports_an_oddly_named_plan_as_a_data_file_problem_not_an_internal_error(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    write_plan(data, DRAFT, "...yaml")
    result = CliRunner().invoke(main, ["build", str(data), "-o", str(tmp_path / "out"), "--templates", str(TEMPLATES),
                                       "--date", "2025-09-15", "-j", "1"])
    assert result.exit_code == 1 and "Lỗi nội bộ" not in result.output
    assert f"{data / '...yaml'}: văn bản của kế hoạch này sẽ nằm trong thư mục kết quả '..'" in (
        result.stderr)


def test_two_plans_whose_folders_differ_only_in_case_are_not_both_built(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    first, second = write_plan(data, DRAFT, "Xa-A.yaml"), write_plan(data, DRAFT, "xa-a.yaml")
    summary = build_folder(data, tmp_path / "out")
    [refused] = [p for p in summary.plans if p.error]
    assert refused.error == (
        f"{second}: văn bản của kế hoạch này sẽ nằm trong thư mục kết quả 'xa-a', trùng với thư mục của {first} "
        "(tên thư mục không phân biệt chữ hoa, chữ thường); hãy đổi tên một trong hai tệp")
    assert [p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")] == ["Xa-A"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_output_folder_linked_outside_the_output_root_is_not_written_through(tmp_path):
    plan = write_plan(tmp_path, DRAFT, "xa-a.yaml")
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "xa-a").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutputError) as caught:
        build.build(plan, out, TEMPLATES, TODAY)
    assert str(caught.value) == (f"{out / 'xa-a' / 'quyet-dinh.docx'}: nằm ngoài thư mục kết quả {out} (qua liên kết "
                                 "tượng trưng); không ghi văn bản nào của kế hoạch này")
    assert list(elsewhere.iterdir()) == []
