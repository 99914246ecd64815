"""Tests for cchc_docs.source: YAML → plain tree with every scalar kept as written."""

from __future__ import annotations

import unicodedata

import pytest

from cchc_docs.errors import Location, SourceError
from cchc_docs.model import source


def tree(text: str) -> object:
    return source.parse(text, "plan.yaml").tree


# --- scalars are kept as written --------------------------------------------------------


def test_zero_padded_number_stays_text():
    assert tree("number: 05\n") == {"number": "05"}


def test_yaml_boolean_word_stays_text():
    assert tree("recipients: [no, yes, off]\n") == {"recipients": ["no", "yes", "off"]}


def test_impossible_date_stays_text_for_the_validator():
    assert tree("date: 2025-02-30\n") == {"date": "2025-02-30"}


def test_valid_date_is_not_resolved_to_a_date_object():
    assert tree("date: 2025-07-31\n") == {"date": "2025-07-31"}


def test_float_looking_value_keeps_its_digits():
    assert tree("value: 96.50\n") == {"value": "96.50"}


def test_plain_null_words_become_none_but_quoted_ones_stay_text():
    assert tree("a: ~\nb: null\nc:\nd: 'null'\ne: ''\n") == {"a": None, "b": None, "c": None, "d": "null", "e": ""}


def test_decomposed_vietnamese_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "name: Thượng Hồng\n")
    assert tree(decomposed) == {"name": "Thượng Hồng"}


def test_utf8_byte_order_mark_is_accepted():
    assert source.parse("\ufeffa: b\n".encode("utf-8"), "plan.yaml").tree == {"a": "b"}


# --- broken files ----------------------------------------------------------------------


def test_duplicate_key_names_the_line_of_both_keys():
    text = "decision:\n  number: 1\ndecision:\n  title: x\n"
    with pytest.raises(SourceError) as e:
        source.parse(text, "plan.yaml")
    assert str(e.value) == "plan.yaml:3:1: trường 'decision' bị khai báo hai lần (lần đầu ở dòng 1)"


def test_nested_duplicate_key_is_located_at_the_second_key():
    text = "plan:\n  title: A\n  start: '2025-07-01'\n  title: B\n"
    with pytest.raises(SourceError) as e:
        source.parse(text, "plan.yaml")
    assert str(e.value) == "plan.yaml:4:3: trường 'title' bị khai báo hai lần (lần đầu ở dòng 2)"


def test_tab_indentation_is_reported_in_vietnamese_with_position():
    with pytest.raises(SourceError) as e:
        source.parse("decision:\n\tnumber: 1\n", "plan.yaml")
    assert str(e.value) == (
        "plan.yaml:2:1: lỗi cú pháp YAML: có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"
    )


def test_unquoted_colon_in_text_is_reported_in_vietnamese_with_position():
    with pytest.raises(SourceError) as e:
        source.parse("decision:\n  title: Kế hoạch: năm 2025\n", "plan.yaml")
    assert str(e.value) == (
        "plan.yaml:2:18: lỗi cú pháp YAML: không được đặt dấu ':' ở đây "
        "(thiếu dấu nháy quanh văn bản có dấu ':'?)"
    )


def test_yaml_error_keeps_the_parser_error_as_cause():
    with pytest.raises(SourceError) as e:
        source.parse("a:\n\tb: 1\n", "plan.yaml")
    assert e.value.__cause__ is not None


def test_non_utf8_file_is_a_source_error_that_asks_for_utf8(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_bytes("place: Thượng Hồng\n".encode("cp1258", errors="replace") + b"\xff\n")
    with pytest.raises(SourceError) as e:
        source.load(path, display_name="plan.yaml")
    assert str(e.value) == ("plan.yaml:1:10: tệp không ở mã UTF-8 (có vẻ là bảng mã cũ Windows-1258 (CP1258)); "
                            "hãy mở tệp và lưu lại với mã hóa UTF-8 (Notepad: Lưu thành… › Mã hóa: UTF-8)")


def test_missing_file_is_a_source_error(tmp_path):
    with pytest.raises(SourceError) as e:
        source.load(tmp_path / "khong-co.yaml", display_name="khong-co.yaml")
    assert str(e.value) == "khong-co.yaml: không tìm thấy tệp"


def test_load_names_the_file_by_its_path_by_default(tmp_path):
    path = tmp_path / "plan.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    assert source.load(path).file == str(path)


def test_empty_file_gives_an_empty_tree_located_at_its_start():
    src = source.parse("# chỉ có chú thích\n", "plan.yaml")
    assert src.tree is None
    assert src.where(("decision",)) == Location("plan.yaml", 1, 1)


# --- locations -----------------------------------------------------------------------------


RECIPIENTS = """\
decision:
  title: Ban hành Kế hoạch
  recipients:
    - Như Điều 3
    - Sở Nội vụ
    -   Đảng ủy xã
    - no
  archive: [VHXH, VP]
"""


@pytest.mark.parametrize(
    ("path", "where"),
    [
        (("decision", "recipients", 0), "plan.yaml:4:7"),
        (("decision", "recipients", 2), "plan.yaml:6:9"),
        (("decision", "recipients", 3), "plan.yaml:7:7"),
        (("decision", "archive", 1), "plan.yaml:8:19"),
        (("decision", "title"), "plan.yaml:2:10"),
    ],
)
def test_nested_values_are_located_at_line_and_column(path, where):
    located = source.parse(RECIPIENTS, "plan.yaml").where(path)
    assert str(located) == where


def test_keys_are_located_separately_from_their_values():
    src = source.parse(RECIPIENTS, "plan.yaml")
    assert src.locations[("@key", "decision", "recipients")] == Location("plan.yaml", 3, 3)
    assert src.locations[("decision", "recipients")] == Location("plan.yaml", 4, 5)


def test_unlocated_path_falls_back_to_its_nearest_ancestor():
    src = source.parse(RECIPIENTS, "plan.yaml")
    assert src.where(("decision", "signer", "name")) == src.locations[("decision",)]


def test_list_item_text_is_kept_as_written():
    assert tree(RECIPIENTS)["decision"]["recipients"] == ["Như Điều 3", "Sở Nội vụ", "Đảng ủy xã", "no"]


@pytest.mark.parametrize("text, message", [
    ('a: "abc\nb: 1\n', "plan.yaml:1:4: lỗi cú pháp YAML: dấu nháy mở ở đây chưa được đóng"),
    ("a: [1, 2\nb: 3\n", "plan.yaml:1:4: lỗi cú pháp YAML: danh sách trong dấu [ ] mở ở đây chưa được đóng bằng ']'"),
    ("a: {x: 1\n", "plan.yaml:1:4: lỗi cú pháp YAML: nhóm trường trong dấu { } mở ở đây chưa được đóng bằng '}'"),
    ('a: "\\q"\n', "plan.yaml:1:6: lỗi cú pháp YAML: ký tự '\\q' không hợp lệ trong dấu nháy kép; "
                   "dùng dấu nháy đơn hoặc viết '\\\\'"),
    ("a: *neo\n", "plan.yaml:1:4: lỗi cú pháp YAML: không có neo '&neo' cho tham chiếu '*neo'"),
    ("a: @x\n", "plan.yaml:1:4: lỗi cú pháp YAML: không được mở đầu giá trị bằng ký tự '@'; "
                "hãy đặt giá trị trong dấu nháy kép"),
    ("a: 1\n---\nb: 2\n",
     "plan.yaml:2:1: lỗi cú pháp YAML: tệp chỉ được có một tài liệu YAML (bỏ dòng '---' ở giữa tệp)"),
])
def test_syntax_errors_are_said_in_vietnamese_where_the_user_should_look(text, message):
    with pytest.raises(SourceError) as caught:
        source.parse(text, "plan.yaml")
    assert str(caught.value) == message


# --- a file that is no YAML is named for what it is ------------------------------------------


def _docx_bytes() -> bytes:
    import io

    from docx import Document

    stream = io.BytesIO()
    Document().save(stream)
    return stream.getvalue()


def test_docx_given_as_a_plan_is_named_as_word_with_the_command_that_takes_it(tmp_path):
    path = tmp_path / "quyet-dinh.docx"
    path.write_bytes(_docx_bytes())
    with pytest.raises(SourceError) as caught:
        source.load(path, display_name="out/xa-a/quyet-dinh.docx")
    assert str(caught.value) == ("out/xa-a/quyet-dinh.docx: đây là văn bản Word (DOCX), không phải tệp kế hoạch YAML; "
                                 "để kiểm tra thể thức văn bản này hãy dùng: cchc-docs check out/xa-a/quyet-dinh.docx")
    assert isinstance(caught.value.__cause__, SourceError)  # the decoding error it replaces


def test_docx_named_yaml_is_still_recognised_as_word():
    with pytest.raises(SourceError, match=r"^plan\.yaml: đây là văn bản Word \(DOCX\), không phải tệp kế hoạch YAML;"):
        source.parse(_docx_bytes(), "plan.yaml")


def test_pdf_written_as_ascii_fails_as_yaml_and_is_named_as_pdf():
    with pytest.raises(SourceError) as caught:
        source.parse(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n", "ke-hoach.pdf")
    assert str(caught.value) == ("ke-hoach.pdf: đây là tệp PDF, không phải tệp kế hoạch YAML; "
                                 "để xem các trang của tệp này hãy dùng: cchc-docs preview ke-hoach.pdf")


def test_word_document_given_as_a_status_file_is_named_against_a_status_file():
    with pytest.raises(SourceError) as caught:
        source.parse(_docx_bytes(), "data/xa-a/bao-cao/2025-Q3.yaml")
    assert str(caught.value).startswith(
        "data/xa-a/bao-cao/2025-Q3.yaml: đây là văn bản Word (DOCX), không phải tệp số liệu báo cáo YAML; ")


def test_folder_given_as_a_plan_says_build_takes_folders(tmp_path):
    with pytest.raises(SourceError) as caught:
        source.load(tmp_path, display_name="data")
    assert str(caught.value) == ("data: đây là thư mục, không phải tệp kế hoạch YAML; "
                                 "lệnh build nhận cả thư mục: cchc-docs build data")


def test_folder_given_as_a_status_file_gives_no_build_advice(tmp_path):
    with pytest.raises(SourceError) as caught:
        source.load(tmp_path, display_name="xa-a/bao-cao/2025-Q3.yaml")
    assert str(caught.value) == "xa-a/bao-cao/2025-Q3.yaml: đây là thư mục, không phải tệp số liệu báo cáo YAML"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_text_saved_by_windows_tools_is_read_whatever_its_unicode_encoding(encoding):
    """Notepad and Excel write UTF-16 (with or without a BOM) or UTF-8 with a BOM."""
    assert source.parse("xã: Thượng Hồng\n".encode(encoding), "plan.yaml").tree == {"xã": "Thượng Hồng"}


def test_unclosed_quote_is_reported_where_it_opens_not_where_yaml_gave_up():
    text = 'a:\n  b: "Ban hành Kế hoạch\n  c: VHXH\n  d: "2025-08"\n'
    with pytest.raises(SourceError) as caught:
        source.parse(text, "plan.yaml")
    assert str(caught.value) == ("plan.yaml:2:6: lỗi cú pháp YAML: dấu nháy mở ở đây không được đóng trên cùng dòng "
                                 "(giá trị kéo dài đến dòng 4)")


def test_plan_with_any_name_is_read_as_yaml(tmp_path):
    path = tmp_path / "xa-a.txt"
    path.write_text("a: b\n", encoding="utf-8")
    assert source.load(path).tree == {"a": "b"}


def test_broken_yaml_keeps_its_syntax_error_whatever_its_name():
    with pytest.raises(SourceError) as caught:
        source.parse(b"decision:\n\tnumber: 1\n", "xa-a.txt")
    assert str(caught.value) == "xa-a.txt:2:1: lỗi cú pháp YAML: có ký tự Tab; YAML chỉ dùng dấu cách để thụt lề"
