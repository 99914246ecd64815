"""The YAML reader's limits and checks: each hostile or silent case is a located message."""

from __future__ import annotations

import pytest

from cchc_docs.errors import Location, SourceError
from cchc_docs.model import compose, source


def refused(text: str) -> str:
    with pytest.raises(SourceError) as caught:
        source.parse(text, "plan.yaml")
    return str(caught.value)


def problems(text: str) -> list[str]:
    return [str(p) for p in source.parse(text, "plan.yaml").problems]


@pytest.mark.parametrize("text", [
    "a: " + "[" * 1000 + "]" * 1000 + "\n",
    "a: " + "{b: " * 1000 + "1" + "}" * 1000 + "\n",
    "a:\n" + "".join("  " * i + "- \n" for i in range(1, 200)),
])
def test_nesting_past_the_limit_is_refused_where_it_goes_too_deep(text):
    message = refused(text)
    assert message.startswith("plan.yaml:")
    assert message.endswith(f"dữ liệu lồng nhau quá sâu (quá {compose.MAX_DEPTH} tầng); "
                            "kiểm tra lại dấu [ ], { } và thụt lề")


def test_a_billion_laughs_is_refused_at_the_alias_that_overflows():
    lines = ['a0: &a0 ["ha","ha","ha","ha","ha","ha","ha","ha","ha","ha"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    message = refused("\n".join(lines) + "\n")
    assert message.startswith("plan.yaml:7:")
    assert "làm tệp nở ra quá 2.000.000 giá trị" in message


def test_an_alias_is_a_copy_that_stays_located_at_the_alias():
    parsed = source.parse("a: &x [1, 2]\nb: *x\n", "plan.yaml")
    assert parsed.tree == {"a": ["1", "2"], "b": ["1", "2"]}
    assert parsed.tree["a"] is not parsed.tree["b"]
    assert str(parsed.where(("b", 1))) == "plan.yaml:2:4"


@pytest.mark.parametrize(("value", "tag"), [
    ("!!binary aGVsbG8=", "!!binary"), ("!!python/name:os.system x", "!!python/name:os.system"),
    ("!!int 5", "!!int"), ("!vi xin chào", "!vi"),
])
def test_tags_are_refused_and_the_value_dropped(value, tag):
    parsed = source.parse(f"a: b\nc: {value}\n", "plan.yaml")
    assert parsed.tree == {"a": "b", "c": None}
    assert [str(p) for p in parsed.problems] == [
        f"plan.yaml:2:4: c: không dùng thẻ YAML '{tag}' trong tệp dữ liệu; ghi giá trị như chữ thường, bỏ thẻ"]


def test_a_list_item_indented_deeper_than_its_siblings_is_flagged_not_merged_silently():
    text = "recipients:\n  - Như Điều 3\n  - Sở Nội vụ\n    - Bộ Nội vụ\n"
    assert problems(text) == [
        "plan.yaml:4:5: recipients[1]: dòng '- …' này thụt lề sâu hơn các mục khác nên bị gộp vào mục trên nó; "
        "nếu đây là một mục mới, đặt dấu '-' thẳng hàng với dấu '-' của các mục khác"]


def test_a_wrapped_plain_value_is_one_value_without_a_problem():
    parsed = source.parse("a: Ban hành Kế hoạch\n  cải cách hành chính - năm 2025\n", "plan.yaml")
    assert parsed.tree == {"a": "Ban hành Kế hoạch cải cách hành chính - năm 2025"}
    assert parsed.problems == ()


def test_a_wrong_character_is_located_at_its_own_column_in_a_plain_value():
    assert problems("issuing_body:\n  place: Thượng Hοng\n") == [
        "plan.yaml:2:18: issuing_body.place: từ 'Hοng' có chữ trông giống chữ Việt nhưng là chữ Hy Lạp 'ο' (U+03BF); "
        "có phải ý bạn là 'Hong'?"]


def test_an_escaped_lone_surrogate_is_read_then_refused_at_its_value():
    assert problems('a: "x \\udc80 y"\n') == [
        "plan.yaml:1:4: a: có mã ký tự hỏng (U+DC80, nửa cặp UTF-16); gõ lại chữ ở chỗ này"]


@pytest.mark.parametrize(("raw", "where", "code"), [
    (b"a: x\x00y\n", "1:5", "0000"), (b"a: b\nc: \x1b\n", "2:4", "001B"), (b"a: \x07\n", "1:4", "0007"),
])
def test_a_raw_control_byte_is_located_in_vietnamese(raw, where, code):
    assert refused(raw) == (f"plan.yaml:{where}: có ký tự điều khiển U+{code}, không được phép trong tệp dữ liệu; "
                            "xóa ký tự này")


def test_the_closing_line_break_of_a_block_value_is_not_part_of_it():
    assert source.parse("a: |\n  xin chào\nb: >\n  tạm biệt\n", "plan.yaml").tree == {"a": "xin chào", "b": "tạm biệt"}


def test_locations_read_like_a_dict_of_locations_of_every_key_and_value():
    located = source.parse("a:\n  - x\n  - {b: y}\n", "plan.yaml").locations
    places = {(): (1, 1), ("@key", "a"): (1, 1), ("a",): (2, 3), ("a", 0): (2, 5), ("a", 1): (3, 5),
              ("@key", "a", 1, "b"): (3, 6), ("a", 1, "b"): (3, 9)}
    expected = {path: Location("plan.yaml", *place) for path, place in places.items()}
    assert dict(located) == expected and len(located) == len(expected)
    assert located[("a", 1, "b")] == Location("plan.yaml", 3, 9) and ("a", 0) in located
    assert located.get(("a", 2)) is None and located.get(("a", 2), expected[()]) == expected[()]
    with pytest.raises(KeyError):
        located[("a", 2)]


def test_a_key_given_twice_names_both_lines():
    assert refused("a: 1\nb: 2\na: 3\n") == "plan.yaml:3:1: trường 'a' bị khai báo hai lần (lần đầu ở dòng 1)"
