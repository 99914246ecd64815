"""Values past the documented limits, and files that are no regular files, are refused with their place."""

from __future__ import annotations

import os

import pytest
from helpers import MINIMAL_PLAN, edited, parse_plan, plan_with

from cchc_docs.errors import DataError, SourceError
from cchc_docs.model import load, source, validate


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_plan(text)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(("old", "new", "expected"), [
    ('date: "2025-07-31"', 'date: "0000-07-31"',
     "plan.yaml:14:9: decision.date: năm 0 nằm ngoài khoảng cho phép "
     "(cần năm từ 2000 đến 2100, nhận được '0000-07-31')"),
    ('deadline: "2025-08"', 'deadline: "0000-Q3"',
     "plan.yaml:60:17: plan.tasks[0].deadline: năm 0 nằm ngoài khoảng cho phép "
     "(cần năm từ 2000 đến 2100, nhận được '0000-Q3')"),
    ('number: "39"', 'number: "³"',
     "plan.yaml:13:11: decision.number: số văn bản phải là số nguyên dương "
     "(cần số thứ tự của văn bản, ví dụ '39' hoặc '05', nhận được '³')"),
    ('number: "39"', 'number: "' + "1" * 40 + '"',
     "plan.yaml:13:11: decision.number: số văn bản quá lớn (cần tối đa 4 chữ số (số chạy từ 01 mỗi năm), nhận được "),
    ('value: "100"', 'value: "10³"', "plan.yaml:52:14: plan.targets[0].value: không phải một số"),
    ("    - id: T01", "    - id: T" + "0" * 40,
     "plan.yaml:55:11: plan.tasks[0].id: quá dài: 41 ký tự (cần tối đa 30 ký tự, nhận được "),
    ("- Sở Nội vụ", "- Sở " + "Nội vụ " * 2000,
     "plan.yaml:27:7: decision.recipients[1]: quá dài (cần tối đa 2.000 ký tự, nhận được 14.002 ký tự)"),
])
def test_a_value_past_its_limit_is_refused_at_its_line(old, new, expected):
    (found,) = problems(edited(MINIMAL_PLAN, old, new))
    assert found.startswith(expected)


def test_amendment_ids_that_differ_only_in_case_are_one_id():
    change = "      - action: remove\n        target: CT01\n        reason: Không còn phù hợp\n"
    second = plan_with(change).split("amendments:\n")[1].replace("SD01", "sd01").replace('"52"', '"53"')
    found = problems(plan_with(change) + second.replace("target: CT01", "task: T01"))
    assert any(": amendments[1].id: mã lần sửa đổi 'sd01' bị trùng (trùng 'SD01': mã không phân biệt chữ hoa, "
               "chữ thường); lần đầu ở mục thứ 1" in p for p in found)


def test_two_status_files_for_one_period_are_refused_naming_both(tmp_path):
    for name in ("2025-q3.yaml", "2025-Q3.yaml"):
        (tmp_path / name).write_text("period: 2025-Q3\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load.status_files(tmp_path)
    assert str(caught.value) == (f"{tmp_path / '2025-q3.yaml'}:1:1: hai tệp số liệu cùng kỳ 2025-Q3; "
                                 "giữ một trong hai tệp: 2025-Q3.yaml hoặc 2025-q3.yaml")


def test_a_fifo_given_as_a_plan_is_refused_without_reading_it(tmp_path):
    fifo = tmp_path / "plan.yaml"
    os.mkfifo(fifo)
    with pytest.raises(SourceError) as caught:
        source.load(fifo, "plan.yaml")  # would block forever if it were opened
    assert str(caught.value) == "plan.yaml: không phải tệp thường (ống dẫn, thiết bị…); hãy chỉ ra tệp YAML"


def test_a_data_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "plan.yaml"
    with path.open("wb") as f:
        f.truncate(source.MAX_FILE_BYTES + 1)
    with pytest.raises(SourceError) as caught:
        source.load(path, "plan.yaml")
    assert str(caught.value) == "plan.yaml: tệp quá lớn (16,0 MB; tối đa 16 MB)"


def test_a_plan_with_more_tasks_than_the_limit_is_refused_before_validation():
    task = "    - {id: T%d, area: direction, content: Việc, lead: VHXH, deadline: \"2025-08\", product: Báo cáo}\n"
    text = MINIMAL_PLAN + "".join(task % i for i in range(2, validate.MAX_TASKS + 2))
    (found,) = problems(text)
    assert found == ("plan.yaml:55:5: plan.tasks: kế hoạch có quá nhiều nhiệm vụ (10.001) "
                     "(cần tối đa 10.000 nhiệm vụ); tách thành nhiều kế hoạch")
