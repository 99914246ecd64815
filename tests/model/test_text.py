"""Characters that would print wrongly are found, placed and given their fix."""

from __future__ import annotations

import pytest

from cchc_docs.model import text


def found(value: str) -> list[tuple[str, int, str | None]]:
    return [(p.message, p.position, p.hint) for p in text.problems(value)]


@pytest.mark.parametrize("value", [
    "Ủy ban nhân dân xã Thượng Hồng", "Số: 05/QĐ-UBND", "“Ngày pháp luật” – 09/11", "100 %", "Điều 1.\u00a0Ban hành",
    "dòng một\ndòng hai", "cột\tcột", "…", "€ và ₫ không có ở đây nhưng ‰ thì có",
])
def test_text_that_prints_as_written_has_no_problem(value):
    assert found(value) == []


@pytest.mark.parametrize(("value", "message", "position", "hint"), [
    ("nǎm 2025", "từ 'nǎm' có chữ trông giống chữ Việt nhưng là chữ có dấu mũ ngược (bảng mã cũ) 'ǎ' (U+01CE)", 2,
     "có phải ý bạn là 'năm'?"),
    ("Bаn hành", "từ 'Bаn' có chữ trông giống chữ Việt nhưng là chữ Kirin 'а' (U+0430)", 2,
     "có phải ý bạn là 'Ban'?"),
    ("xã Hοng", "từ 'Hοng' có chữ trông giống chữ Việt nhưng là chữ Hy Lạp 'ο' (U+03BF)", 5,
     "có phải ý bạn là 'Hong'?"),
    ("Ðoàn", "từ 'Ðoàn' có chữ trông giống chữ Việt nhưng là một chữ khác 'Ð' (U+00D0)", 1,
     "có phải ý bạn là 'Đoàn'?"),
    ("ab\u200bc", "có ký tự vô hình: khoảng trắng không độ rộng (U+200B)", 3, "xóa ký tự này"),
    ("ab\ufeffc", "có ký tự vô hình: dấu BOM (U+FEFF) lẫn trong chữ", 3, "xóa ký tự này"),
    ("a\u202eb", "có ký tự đảo chiều chữ (U+202E), làm chữ in ngược", 2, "xóa ký tự này"),
    ("a\x07b", "có ký tự điều khiển U+0007, không in được", 2, "xóa ký tự này"),
    ("a\x00b", "có ký tự điều khiển U+0000, không in được", 2, "xóa ký tự này"),
    ("a\x1bb", "có ký tự điều khiển U+001B, không in được", 2, "xóa ký tự này"),
    ("a\x85b", "có ký tự ngắt dòng lạ (U+0085); nó sẽ thành một đoạn văn lạc trong văn bản", 2,
     "viết liền trên một dòng, hoặc tách thành mục riêng"),
    ("a\vb", "có ký tự ngắt dòng lạ (U+000B); nó sẽ thành một đoạn văn lạc trong văn bản", 2,
     "viết liền trên một dòng, hoặc tách thành mục riêng"),
    ("a\ufffeb", "có ký tự không hợp lệ (U+FFFE)", 2, "xóa ký tự này"),
    ("a\ue000b", "có ký tự không hợp lệ (U+E000)", 2, "xóa ký tự này"),
    ("a\udc80b", "có mã ký tự hỏng (U+DC80, nửa cặp UTF-16)", 2, "gõ lại chữ ở chỗ này"),
    ("a\u2003b", "có dấu cách lạ (U+2003)", 2, "thay bằng dấu cách thường"),
    ("x\u0301", "có dấu rời (U+0301) không ghép được vào chữ trước nó", 2,
     "gõ lại chữ ở chỗ này bằng bộ gõ Unicode dựng sẵn"),
])
def test_each_kind_of_wrong_character_is_named_placed_and_fixed(value, message, position, hint):
    assert found(value) == [(message, position, hint)]


def test_every_problem_in_a_value_is_found_in_order():
    assert [p.position for p in text.problems("Bаn\u200b hành nǎm")] == [2, 4, 12]


def test_exactly_the_characters_outside_the_printable_spans_or_latin_lookalikes_are_looked_at_closer():
    every = "".join(map(chr, range(0x110000)))
    looked_at = {match.start() for match in text._SUSPECT.finditer(every)}
    printable = {code for first, last in text.PRINTABLE for code in range(ord(first), ord(last) + 1)}
    lookalikes = {ord(ch) for ch in text.LATIN_LOOKALIKES}
    assert looked_at == (set(range(0x110000)) - printable) | lookalikes
    assert lookalikes < printable  # each cut out of a span, not merely added
