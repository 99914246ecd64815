"""click in Vietnamese: every message the installed click can show has a translation.

The first tests read click's own source, so a click release that adds a message fails
here the day CI installs it.
"""

from __future__ import annotations

import ast
import re
import string
import sys
import unicodedata
from pathlib import Path

import click
import pytest

from cchc_docs.cli import clickvi

clickvi.install()

CLICK_SOURCES = sorted(Path(click.__file__).parent.glob("*.py"))
# Calls whose text is not written in click's source: the value is a msgid listed here,
# or a help text of the program's own (passed through unchanged).
DYNAMIC_CALLS = {"_(extra['required'])": "required", "_(text)": None}


def gettext_calls() -> list[tuple[str, ast.Call]]:
    """Every ``_(…)`` and ``ngettext(…)`` call in click's modules, with its file name."""
    calls = []
    for source in CLICK_SOURCES:
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "ngettext"):
                calls.append((source.name, node))
    return calls


def literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def placeholders(text: str) -> set[str]:
    """``{name!r}`` and ``%(name)s`` fields, as click fills them."""
    fields = {f"{{{name}{'!' + conversion if conversion else ''}}}"
              for _, name, _, conversion in string.Formatter().parse(text) if name is not None}
    return fields | set(re.findall(r"%\(\w+\)s", text))


def test_click_source_was_found():
    assert len(gettext_calls()) > 50  # guards the tests below against reading nothing


def test_every_message_of_the_installed_click_is_translated():
    missing = [f"{name}:{call.lineno} {literal(call.args[0])!r}" for name, call in gettext_calls()
               if call.func.id == "_" and literal(call.args[0]) is not None
               and literal(call.args[0]) not in clickvi.MESSAGES]
    assert missing == []


def test_every_plural_message_of_the_installed_click_is_translated():
    missing = [f"{name}:{call.lineno} {ast.unparse(call)}" for name, call in gettext_calls()
               if call.func.id == "ngettext"
               and (literal(call.args[0]), literal(call.args[1])) not in clickvi.PLURALS]
    assert missing == []


def test_messages_click_builds_at_run_time_are_known():
    unknown = [f"{name}:{call.lineno} {ast.unparse(call)}" for name, call in gettext_calls()
               if call.func.id == "_" and literal(call.args[0]) is None and ast.unparse(call) not in DYNAMIC_CALLS]
    assert unknown == []
    assert all(msgid is None or msgid in clickvi.MESSAGES for msgid in DYNAMIC_CALLS.values())


def translations() -> list[tuple[str, str]]:
    pairs = list(clickvi.MESSAGES.items())
    for (one, other), (vi_one, vi_other) in clickvi.PLURALS.items():
        pairs += [(f"{one}\n{other}", vi_one), (f"{one}\n{other}", vi_other)]
    return pairs


@pytest.mark.parametrize(("english", "vietnamese"), translations())
def test_translations_fill_only_placeholders_click_supplies(english, vietnamese):
    assert placeholders(vietnamese) <= placeholders(english)


@pytest.mark.parametrize(("english", "vietnamese"), translations())
def test_translations_are_in_composed_unicode(english, vietnamese):
    assert unicodedata.is_normalized("NFC", vietnamese)


def test_every_click_module_with_messages_is_patched():
    uses_gettext = {source.stem for source in CLICK_SOURCES if "from gettext import" in source.read_text("utf-8")}
    windows_only = {"_winconsole"} if sys.platform != "win32" else set()
    assert uses_gettext - windows_only <= set(clickvi.MODULES)
    for name in uses_gettext - windows_only:
        module = sys.modules[f"click.{name}"]
        assert vars(module).get("_", clickvi.gettext) is clickvi.gettext, name
        assert vars(module).get("ngettext", clickvi.ngettext) is clickvi.ngettext, name


def test_every_named_click_type_has_a_vietnamese_name():
    named = {name for name, kind in vars(click.types).items()
             if isinstance(kind, type) and issubclass(kind, click.ParamType)
             and isinstance(vars(kind).get("name"), str)}
    assert named <= set(clickvi.TYPE_NAMES)
    assert click.INT.name == "số nguyên"
    assert click.IntRange(1, 2).name == "số nguyên"


def test_install_twice_changes_nothing():
    before = click.core._, click.types.IntRange.name
    clickvi.install()
    assert (click.core._, click.types.IntRange.name) == before


def test_a_noun_starts_a_sentence_and_makes_a_one_word_metavar():
    noun = clickvi.Noun("thư mục")
    assert (noun.title(), noun.upper()) == ("Thư mục", "THƯ-MỤC")


def test_a_missing_path_is_named_in_vietnamese():
    with pytest.raises(click.BadParameter) as caught:
        click.Path(exists=True, dir_okay=False).convert("khong-co.docx", None, None)
    assert caught.value.format_message() == "Giá trị không hợp lệ: Tệp 'khong-co.docx' không tồn tại."


def test_a_folder_given_for_a_file_is_named_in_vietnamese(tmp_path):
    with pytest.raises(click.BadParameter) as caught:
        click.Path(dir_okay=False).convert(str(tmp_path), None, None)
    assert caught.value.message == f"Tệp '{tmp_path}' là một thư mục."


def test_a_date_in_the_wrong_format_is_explained_in_vietnamese():
    with pytest.raises(click.BadParameter) as caught:
        click.DateTime(["%Y-%m-%d"]).convert("31/12/2025", None, None)
    assert caught.value.message == "'31/12/2025' không đúng dạng '%Y-%m-%d'."


def test_a_value_out_of_range_is_explained_in_vietnamese():
    with pytest.raises(click.BadParameter) as caught:
        click.IntRange(1, 16).convert("20", None, None)
    assert caught.value.message == "20 nằm ngoài khoảng 1<=x<=16."


def test_a_wrong_choice_lists_the_choices_in_vietnamese():
    with pytest.raises(click.BadParameter) as caught:
        click.Choice(["text", "json"]).convert("xml", None, None)
    assert caught.value.message == "'xml' không phải là một trong 'text', 'json'."


def test_plural_forms_follow_the_count():
    one, other = ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments.")
    assert clickvi.ngettext(one, other, 1).format(name="-o", nargs=1) == "Tùy chọn '-o' cần một giá trị."
    assert clickvi.ngettext(one, other, 2).format(name="-o", nargs=2) == "Tùy chọn '-o' cần 2 giá trị."


def test_a_help_text_of_the_program_passes_through_unchanged():
    assert clickvi.gettext("Sinh văn bản.") == "Sinh văn bản."
