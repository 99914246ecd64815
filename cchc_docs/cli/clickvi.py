"""click's own words in Vietnamese: usage lines, help headings and every error it prints.

click marks what it shows the user with gettext (each module does ``from gettext
import gettext as _`` and ``ngettext``) but ships no catalogue, so the user reads
English. :func:`install` puts a lookup over :data:`MESSAGES` and :data:`PLURALS` in
those modules' globals: click then finds Vietnamese every time it formats a message,
with its own placeholders filled in as before. The few English words click keeps
outside gettext (type names, ``[OPTIONS]``, ``COMMAND [ARGS]...``) are replaced here
too. tests/test_clickvi.py reads click's source and fails when a release adds a
message this table does not translate.
"""

from __future__ import annotations

import importlib
import sys

import click


class Noun(str):
    """A Vietnamese noun that click capitalises or turns into a metavar.

    click writes ``name.title()`` at the start of a sentence ("File 'x' does not exist")
    and ``name.upper()`` for a default metavar. Vietnamese capitalises the first
    syllable only, and a metavar must be one word, so the syllables are hyphenated.
    """

    __slots__ = ()

    def title(self) -> str:
        return self[:1].upper() + self[1:]

    def upper(self) -> str:
        return str.upper(self.replace(" ", "-"))


# msgid (as written in click's source) → Vietnamese, with click's placeholders kept.
# A placeholder may be left out (str.format ignores it) when its value is an English
# word, e.g. {param_type} ("option", "argument"); none may be added.
MESSAGES: dict[str, str] = {
    # Help pages.
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Positional arguments": "Đối số",
    "Show this message and exit.": "In hướng dẫn này và thoát.",
    "Show the version and exit.": "In phiên bản và thoát.",
    "%(prog)s, version %(version)s": "%(prog)s, phiên bản %(version)s",
    "default: {default}": "mặc định: {default}",
    "env var: {var}": "biến môi trường: {var}",
    "required": "bắt buộc",
    "(dynamic)": "(tính khi chạy)",
    "deprecated": "lỗi thời",
    "(Deprecated) {text}": "(Lỗi thời) {text}",
    "{text} {deprecated_message}": "{text} {deprecated_message}",
    "Do you want to continue?": "Bạn có muốn tiếp tục không?",
    "Confirm the action without prompting.": "Xác nhận luôn, không hỏi lại.",
    # Usage errors and how they are shown.
    "Error: {message}": "Lỗi: {message}",
    "Error: {e.message}": "Lỗi: {e.message}",
    "Try '{command} {option}' for help.": "Chạy '{command} {option}' để xem hướng dẫn.",
    "Aborted!": "Đã hủy!",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing {param_type}": "Thiếu tham số",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "Missing command.": "Thiếu lệnh.",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Argument {name!r} takes {nargs} values.": "Đối số {name!r} cần {nargs} giá trị.",
    "Invalid start character for option ({option})": "Ký tự đầu của tùy chọn không hợp lệ ({option})",
    "Value must be an iterable.": "Giá trị phải là một dãy.",
    "unknown error": "lỗi không rõ",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "DeprecationWarning: The command {name!r} is deprecated.":
        "Cảnh báo: lệnh {name!r} đã lỗi thời.",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}":
        "Cảnh báo: lệnh {name!r} đã lỗi thời.{extra_message}",
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}":
        "Cảnh báo: tham số {name!r} đã lỗi thời.{extra_message}",
    # Values that do not convert.
    "file": Noun("tệp"),
    "directory": Noun("thư mục"),
    "path": Noun("đường dẫn"),
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "{name} {filename!r} không đọc được.",
    "{name} {filename!r} is not writable.": "{name} {filename!r} không ghi được.",
    "{name} {filename!r} is not executable.": "{name} {filename!r} không chạy được.",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
    "Choice({choices})": "Lựa chọn({choices})",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là {number_type} hợp lệ.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not a valid boolean.": "{value!r} không phải là giá trị đúng/sai hợp lệ.",
    "{value!r} is not a valid boolean. Recognized values: {states}":
        "{value!r} không phải là giá trị đúng/sai hợp lệ. Các giá trị được nhận: {states}",
    "{value!r} is not a valid UUID.": "{value!r} không phải là UUID hợp lệ.",
    # Prompts, the terminal and the shell.
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai giá trị đã nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: dữ liệu nhập không hợp lệ",
    "Error: The value you entered was invalid.": "Lỗi: giá trị đã nhập không hợp lệ.",
    "Press any key to continue...": "Nhấn phím bất kỳ để tiếp tục...",
    "Unknown color {colour!r}": "Không có màu {colour!r}",
    "Unknown standard stream '{name}'": "Không có luồng chuẩn '{name}'",
    "{editor}: Editing failed": "{editor}: sửa không thành công",
    "{editor}: Editing failed: {e}": "{editor}: sửa không thành công: {e}",
    "d": " ngày",
    "Windows error: {error}": "Lỗi Windows: {error}",
    "Couldn't detect Bash version, shell completion is not supported.":
        "Không xác định được phiên bản Bash, không hỗ trợ tự hoàn thành lệnh.",
    "Shell completion is not supported for Bash versions older than 4.4.":
        "Không hỗ trợ tự hoàn thành lệnh với Bash cũ hơn 4.4.",
    # Mistakes in declaring a command (seen by developers, translated all the same).
    "Could not determine name for option with declarations {decls!r}":
        "Không xác định được tên tùy chọn từ khai báo {decls!r}",
    "No options defined but a name was passed ({name}). Did you mean to declare an argument instead? "
    "Did you mean to pass '--{name}'?":
        "Chưa khai báo tùy chọn nào nhưng lại có tên ({name}). Có phải ý bạn là khai báo một đối số? "
        "Hay là '--{name}'?",
    "Name '{name}' defined twice": "Tên '{name}' được khai báo hai lần",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.":
        "Mỗi đối số nhận đúng một khai báo, nhận được {length}: {decls}.",
    "Boolean option {decl!r} cannot use the same flag for true/false.":
        "Tùy chọn đúng/sai {decl!r} không thể dùng cùng một cờ cho cả bật và tắt.",
}

# (singular, plural) msgids → (Vietnamese for one, for several). Vietnamese nouns do not
# change with the count, but click's two forms often carry different placeholders.
PLURALS: dict[tuple[str, str], tuple[str, str]] = {
    ("Got unexpected extra argument ({args})", "Got unexpected extra arguments ({args})"):
        ("Thừa đối số ({args})", "Thừa đối số ({args})"),
    ("Option {name!r} requires an argument.", "Option {name!r} requires {nargs} arguments."):
        ("Tùy chọn {name!r} cần một giá trị.", "Tùy chọn {name!r} cần {nargs} giá trị."),
    ("Did you mean {possibility}?", "(Did you mean one of: {possibilities}?)"):
        ("Có phải ý bạn là {possibility}?", "(Có phải ý bạn là một trong: {possibilities}?)"),
    ("Did you mean {possibility}?", "(Possible options: {possibilities})"):
        ("Có phải ý bạn là {possibility}?", "(Các tùy chọn gần giống: {possibilities})"),
    ("Takes {nargs} values but 1 was given.", "Takes {nargs} values but {len} were given."):
        ("Cần {nargs} giá trị nhưng chỉ nhận được 1.", "Cần {nargs} giá trị nhưng nhận được {len}."),
    ("{len_type} values are required, but {len_value} was given.",
     "{len_type} values are required, but {len_value} were given."):
        ("Cần {len_type} giá trị, nhưng nhận được {len_value}.",
         "Cần {len_type} giá trị, nhưng nhận được {len_value}."),
    ("{value!r} is not {choice}.", "{value!r} is not one of {choices}."):
        ("{value!r} không phải là {choice}.", "{value!r} không phải là một trong {choices}."),
    ("{value!r} does not match the format {format}.", "{value!r} does not match the formats {formats}."):
        ("{value!r} không đúng dạng {format}.", "{value!r} không đúng dạng nào trong {formats}."),
}

# click.types classes → the Vietnamese name click puts in messages and default metavars.
TYPE_NAMES: dict[str, str] = {
    "StringParamType": "chuỗi",
    "UnprocessedParamType": "chuỗi",
    "Choice": "lựa chọn",
    "DateTime": "ngày giờ",
    "IntParamType": "số nguyên",
    "IntRange": "số nguyên",
    "FloatParamType": "số",
    "FloatRange": "số",
    "BoolParamType": "giá trị đúng/sai",
    "UUIDParameterType": "UUID",
    "File": "tệp",
}

# The placeholders click writes in usage lines without gettext.
METAVARS: dict[str, str] = {
    "[OPTIONS]": "[TÙY-CHỌN]",
    "COMMAND [ARGS]...": "LỆNH [ĐỐI-SỐ]...",
    "[COMMAND] [ARGS]...": "[LỆNH] [ĐỐI-SỐ]...",
    "COMMAND1 [ARGS]... [COMMAND2 [ARGS]...]...": "LỆNH-1 [ĐỐI-SỐ]... [LỆNH-2 [ĐỐI-SỐ]...]...",
    "[COMMAND1] [ARGS]... [COMMAND2 [ARGS]...]...": "[LỆNH-1] [ĐỐI-SỐ]... [LỆNH-2 [ĐỐI-SỐ]...]...",
}

# click's modules that show text; _winconsole exists only on Windows.
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "shell_completion", "termui",
           "types", "utils", "_termui_impl") + (("_winconsole",) if sys.platform == "win32" else ())


def gettext(message: str) -> str:
    """click's ``_()``: the Vietnamese text, or the message itself (a user's own help text)."""
    return MESSAGES.get(message, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """click's ``ngettext()``: the Vietnamese form for ``n``."""
    one, other = PLURALS.get((singular, plural), (singular, plural))
    return one if n == 1 else other


def install() -> None:
    """Make click speak Vietnamese in this process; calling it again changes nothing.

    Run before any command is declared: ``click.Path`` names itself when created.
    """
    for name in MODULES:
        module = importlib.import_module(f"click.{name}")
        names = vars(module)  # not getattr: click warns on some deprecated module attributes
        if "_" in names:
            module._ = gettext
        if "ngettext" in names:
            module.ngettext = ngettext
    for name, noun in TYPE_NAMES.items():
        kind = vars(click.types).get(name)
        if isinstance(kind, type):
            kind.name = Noun(noun)


def metavar(text: str | None) -> str | None:
    """click's English usage placeholder in Vietnamese (other text as it is)."""
    return METAVARS.get(text, text) if text else text


class Command(click.Command):
    """A command whose usage line reads ``[TÙY-CHỌN]`` instead of ``[OPTIONS]``."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options_metavar = metavar(self.options_metavar)


class Group(click.Group):
    """A group whose usage line reads ``[TÙY-CHỌN] LỆNH [ĐỐI-SỐ]...``; its commands too."""

    command_class = Command
    group_class = type  # click's way of saying: subgroups are of this same class

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.options_metavar = metavar(self.options_metavar)
        self.subcommand_metavar = metavar(self.subcommand_metavar)
