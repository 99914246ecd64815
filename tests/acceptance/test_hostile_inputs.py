"""A corpus of hostile and careless inputs, each with its exit code and its located message.

The cases are generated here, in the repository, from the kinds of input a careless or
hostile user produces: every kind of wrong character in every kind of text field, and
the structural attacks on the YAML reader (nesting, alias bombs, tags, encodings).
Each case says exactly what `cchc-docs validate` must answer; a case the program accepts
must then build too (validate and build never disagree).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
from click.testing import CliRunner
from helpers import MINIMAL_PLAN, TODAY, edited

from cchc_docs.cli.app import main


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    exit_code: int
    message: str  # the start of the first line of stderr ("" when accepted); {path} is the file

    def __str__(self) -> str:
        return self.name


# Text fields of the minimal plan: (field path, the line as written, the value on it).
FIELDS = [
    ("issuing_body.name", "  name: Ủy ban nhân dân xã Thượng Hồng\n", "Ủy ban nhân dân xã Thượng Hồng"),
    ("issuing_body.place", "  place: Thượng Hồng\n", "Thượng Hồng"),
    ("units[0].name", "    name: Phòng Văn hóa - Xã hội\n", "Phòng Văn hóa - Xã hội"),
    ("decision.title", "  title: Ban hành Kế hoạch cải cách hành chính năm 2025\n",
     "Ban hành Kế hoạch cải cách hành chính năm 2025"),
    ("decision.legal_bases[0]", "    - Luật Tổ chức chính quyền địa phương ngày 16/6/2025\n",
     "Luật Tổ chức chính quyền địa phương ngày 16/6/2025"),
    ("decision.proposal", "  proposal: Trưởng phòng Văn hóa - Xã hội\n", "Trưởng phòng Văn hóa - Xã hội"),
    ("decision.recipients[1]", "    - Sở Nội vụ\n", "Sở Nội vụ"),
    ("decision.signer.name", "    name: Nguyễn Văn An\n", "Nguyễn Văn An"),
    ("plan.title", "  title: Cải cách hành chính năm 2025\n", "Cải cách hành chính năm 2025"),
    ("plan.targets[0].text", "      text: Hoàn thành 100% nhiệm vụ được giao.\n",
     "Hoàn thành 100% nhiệm vụ được giao."),
    ("plan.tasks[0].content", "      content: Ban hành Kế hoạch\n", "Ban hành Kế hoạch"),
    ("plan.tasks[0].product", "      product: Kế hoạch được ban hành\n", "Kế hoạch được ban hành"),
]

# Wrong characters: (name, how to spoil the value, the start of the message).
SPOILERS = [
    ("nul", lambda v: v.replace(" ", " \x00", 1), "có ký tự điều khiển U+0000, không in được"),
    ("bel", lambda v: v.replace(" ", " \x07", 1), "có ký tự điều khiển U+0007, không in được"),
    ("esc", lambda v: v.replace(" ", " \x1b", 1), "có ký tự điều khiển U+001B, không in được"),
    ("vertical-tab", lambda v: v.replace(" ", "\v", 1), "có ký tự ngắt dòng lạ (U+000B)"),
    ("nel", lambda v: v.replace(" ", "\x85", 1), "có ký tự ngắt dòng lạ (U+0085)"),
    ("fffe", lambda v: v + "\ufffe", "có ký tự không hợp lệ (U+FFFE)"),
    ("surrogate", lambda v: v.replace(" ", " \udc80", 1), "có mã ký tự hỏng (U+DC80, nửa cặp UTF-16)"),
    ("zero-width-space", lambda v: v.replace(" ", "\u200b ", 1), "có ký tự vô hình: khoảng trắng không độ rộng"),
    ("bom-inside", lambda v: v[:2] + "\ufeff" + v[2:], "có ký tự vô hình: dấu BOM (U+FEFF) lẫn trong chữ"),
    ("soft-hyphen", lambda v: v[:3] + "\u00ad" + v[3:], "có ký tự vô hình: dấu gạch nối mềm (U+00AD)"),
    ("rtl-override", lambda v: "\u202e" + v, "có ký tự đảo chiều chữ (U+202E)"),
    ("em-space", lambda v: v.replace(" ", "\u2003", 1), "có dấu cách lạ (U+2003)"),
    ("cyrillic-o", lambda v: v[0] + "о" + v[1:], "từ '"),
    ("greek-omicron", lambda v: v[0] + "ο" + v[1:], "từ '"),
    ("caron-a", lambda v: v[0] + "ǎ" + v[1:], "từ '"),
    ("private-use", lambda v: v + "\ue000", "có ký tự không hợp lệ (U+E000)"),
]


def _spoiled(field: str, line: str, value: str, spoil) -> Case:
    bad = spoil(value)
    escaped = json.dumps(bad)  # a YAML double-quoted scalar: control characters written as escapes
    text = edited(MINIMAL_PLAN, line, line.replace(value, escaped))
    number = MINIMAL_PLAN[:MINIMAL_PLAN.index(line)].count("\n") + 1
    return text.encode("utf-8", errors="surrogatepass"), f"{{path}}:{number}:", field


def _text_cases() -> list[Case]:
    cases = []
    for field, line, value in FIELDS:
        for name, spoil, message in SPOILERS:
            data, where, path = _spoiled(field, line, value, spoil)
            cases.append(Case(f"{name}-in-{field}", data, 1, f"{where}{_column(line)}: {path}: {message}"))
    return cases


def _column(line: str) -> int:
    """Column of the value on its line (after '- ' or 'key: ')."""
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    return indent + (3 if stripped.startswith("- ") else stripped.index(": ") + 3)


def _replace(old: str, new: str) -> bytes:
    return edited(MINIMAL_PLAN, old, new).encode("utf-8")


STRUCTURE = [
    Case("flow-nesting-1000", (MINIMAL_PLAN + "x: " + "[" * 1000 + "]" * 1000 + "\n").encode(), 1,
         "{path}:62:43: dữ liệu lồng nhau quá sâu (quá 40 tầng)"),
    Case("block-nesting-300", (MINIMAL_PLAN + "x:\n" + "".join("  " * i + "-\n" for i in range(1, 300))).encode(), 1,
         "{path}:102:81: dữ liệu lồng nhau quá sâu (quá 40 tầng)"),
    Case("billion-laughs", ("a0: &a0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n" + "".join(
        f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 10))).encode(), 1,
         "{path}:7:"),
    Case("undefined-alias", (MINIMAL_PLAN + "x: *nothing\n").encode(), 1,
         "{path}:62:4: lỗi cú pháp YAML: không có neo '&nothing' cho tham chiếu '*nothing'"),
    Case("binary-tag", _replace('value: "100"', "value: !!binary aGVsbG8="), 1,
         "{path}:52:14: plan.targets[0].value: không dùng thẻ YAML '!!binary' trong tệp dữ liệu"),
    Case("python-tag", _replace("place: Thượng Hồng", "place: !!python/object/apply:os.system [ls]"), 1,
         "{path}:5:10: issuing_body.place: không dùng thẻ YAML '!!python/object/apply:os.system'"),
    Case("folded-list-item", _replace("    - Sở Nội vụ\n", "    - Sở Nội vụ\n      - Bộ Nội vụ\n"), 1,
         "{path}:28:7: decision.recipients[1]: dòng '- …' này thụt lề sâu hơn các mục khác"),
    Case("second-document", (MINIMAL_PLAN + "---\nx: 1\n").encode(), 1,
         "{path}:62:1: lỗi cú pháp YAML: tệp chỉ được có một tài liệu YAML"),
    Case("duplicate-key", _replace("  place: Thượng Hồng\n", "  place: Thượng Hồng\n  place: Hồng Thái\n"), 1,
         "{path}:6:3: trường 'place' bị khai báo hai lần (lần đầu ở dòng 5)"),
    Case("unclosed-quote", _replace("content: Ban hành Kế hoạch", 'content: "Ban hành Kế hoạch'), 1,
         "{path}:57:16: lỗi cú pháp YAML: dấu nháy mở ở đây không được đóng trên cùng dòng"),
    Case("raw-nul-byte", _replace("content: Ban hành", "content: Ban\x00 hành"), 1,
         "{path}:57:19: có ký tự điều khiển U+0000, không được phép trong tệp dữ liệu"),
    Case("raw-esc-byte", _replace("content: Ban hành", "content: Ban\x1b hành"), 1,
         "{path}:57:19: có ký tự điều khiển U+001B, không được phép trong tệp dữ liệu"),
    Case("latin-1", MINIMAL_PLAN.encode("utf-8").replace("Ban hành".encode(), "Ban hành".encode("latin-1")), 1,
         "{path}:15:15: tệp không ở mã UTF-8 (có vẻ là bảng mã cũ Windows-1252 (Latin-1))"),
    Case("cp1258", MINIMAL_PLAN.encode("cp1258", errors="replace"), 1,
         "{path}:2:18: tệp không ở mã UTF-8 (có vẻ là bảng mã cũ Windows-1258 (CP1258))"),
    Case("utf-16-with-bom", MINIMAL_PLAN.encode("utf-16"), 0, ""),
    Case("utf-16-be-without-bom", MINIMAL_PLAN.encode("utf-16-be"), 0, ""),
    Case("utf-8-with-bom", MINIMAL_PLAN.encode("utf-8-sig"), 0, ""),
    Case("no-break-space-kept", _replace("content: Ban hành", "content: Ban\u00a0hành"), 0, ""),
    Case("empty-file", b"", 1, "{path}:1:1: tệp không có nội dung"),
    Case("year-zero-date", _replace('date: "2025-07-31"', 'date: "0000-07-31"'), 1,
         "{path}:14:9: decision.date: năm 0 nằm ngoài khoảng cho phép"),
    Case("year-zero-quarter", _replace('deadline: "2025-08"', 'deadline: "0000-Q3"'), 1,
         "{path}:60:17: plan.tasks[0].deadline: năm 0 nằm ngoài khoảng cho phép"),
    Case("superscript-number", _replace('number: "39"', 'number: "³"'), 1,
         "{path}:13:11: decision.number: số văn bản phải là số nguyên dương"),
    Case("forty-digit-number", _replace('number: "39"', 'number: "' + "9" * 40 + '"'), 1,
         "{path}:13:11: decision.number: số văn bản quá lớn"),
    Case("long-task-id", _replace("    - id: T01", "    - id: T" + "1" * 300), 1,
         "{path}:55:11: plan.tasks[0].id: quá dài: 301 ký tự"),
    Case("ten-megabyte-recipient", _replace("- Sở Nội vụ", "- Sở " + "Nội vụ " * 1_500_000), 1,
         "{path}:27:7: decision.recipients[1]: quá dài (cần tối đa 2.000 ký tự, nhận được 10.500.002 ký tự)"),
    Case("tab-indent", _replace("  place: Thượng Hồng", "\tplace: Thượng Hồng"), 1,
         "{path}:5:1: lỗi cú pháp YAML: có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"),
]

CASES = _text_cases() + STRUCTURE


def test_the_corpus_is_as_large_as_promised():
    assert len(CASES) >= 150


@pytest.mark.parametrize("case", CASES, ids=str)
def test_validate_answers_each_hostile_input_with_its_exit_code_and_located_message(tmp_path, case):
    path = tmp_path / "plan.yaml"
    path.write_bytes(case.data)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == case.exit_code, result.output
    assert "Lỗi nội bộ" not in result.stderr
    if case.message:
        assert result.stderr.startswith(case.message.format(path=path)), result.stderr[:400]


@pytest.mark.parametrize("case", [c for c in CASES if c.exit_code == 0], ids=str)
def test_an_input_validate_accepts_builds(tmp_path, case):
    path = tmp_path / "plan.yaml"
    path.write_bytes(case.data)
    result = CliRunner().invoke(main, ["build", str(path), "-o", str(tmp_path / "out"), "--date", TODAY.isoformat()])
    assert result.exit_code == 0, result.output
