"""A folder of customised templates: copied out of the program, and named once in ``cchc-docs.toml``.

``export`` copies the shipped templates into a folder of the clerk's; it never writes
over a template already there (that may be a morning's work) unless asked.

The folder can be given to every command with ``--templates``, or once for a working
folder in a small TOML file read by the command line, ``cchc-docs.toml`` in the folder
the commands are run from::

    # Mẫu văn bản đã sửa của xã (đường dẫn tính từ thư mục chứa tệp này)
    templates = "mau-van-ban"

A config file rather than a field of the plan: the templates belong to the office, not
to one plan, and ``build data/`` makes many plans with the same templates. ``--templates``
wins over the file. The file has one key; anything else in it is an error, said with
its line, so a typo never silently falls back to the shipped templates.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_docs.errors import Location, OutputError, Problem, SourceError, os_reason
from cchc_docs.write import write_atomic

if TYPE_CHECKING:
    import tomllib

CONFIG_NAME = "cchc-docs.toml"
KEYS = ("templates",)


def export(shipped: Path, target: Path, force: bool = False) -> list[Path]:
    """Copy every shipped template into ``target``; refuse, writing nothing, if one is already there."""
    sources = sorted(shipped.glob("*.docx"))
    there = [target / s.name for s in sources if (target / s.name).exists()]
    if there and not force:
        raise OutputError("\n".join(f"{path}: đã có, không ghi đè (có thể là mẫu đã sửa); xóa tệp, chọn thư mục "
                                    "khác hoặc dùng --force" for path in there))
    written = []
    for source in sources:
        write_atomic(target / source.name, source.read_bytes())
        written.append(target / source.name)
    return written


def configured_templates(folder: Path) -> Path | None:
    """The templates folder ``folder/cchc-docs.toml`` names, or None when there is no such file."""
    path = folder / CONFIG_NAME
    if not path.is_file():
        return None
    import tomllib  # every command asks; few folders have the file

    try:
        text = path.read_text(encoding="utf-8")
        settings = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise SourceError(str(_decode_problem(path, e))) from e
    except (OSError, UnicodeDecodeError) as e:
        reason = os_reason(e) if isinstance(e, OSError) else "không phải văn bản UTF-8"
        raise SourceError(f"{path}: không đọc được tệp cấu hình ({reason})") from e
    problems = [_unknown_key(path, text, key) for key in settings if key not in KEYS]
    value = settings.get("templates")
    if value is None and not problems:
        return None
    templates = _templates(path, text, value, problems)
    if problems:
        raise SourceError("\n".join(map(str, problems)))
    return templates


def _unknown_key(path: Path, text: str, key: str) -> Problem:
    from cchc_docs.model.schema import suggest  # only here: every command reads this file, few get it wrong

    return Problem(_where(path, text, key), key, "không có thiết lập này", expected=", ".join(KEYS),
                   hint=suggest(key, KEYS))


def _templates(path: Path, text: str, value, problems: list[Problem]) -> Path | None:
    """The folder ``templates = "…"`` names, relative to the config file; a problem when it is not one."""
    if value is None:
        return None
    where = _where(path, text, "templates")
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem(where, "templates", "cần đường dẫn thư mục mẫu, viết trong dấu nháy kép",
                                expected='templates = "mau-van-ban"', got=repr(value)))
        return None
    folder = path.parent / value
    if not folder.is_dir():
        problems.append(Problem(where, "templates", "thư mục mẫu không tồn tại", expected="một thư mục có sẵn "
                                "(tạo bằng cchc-docs templates export THƯ-MỤC)", got=str(folder)))
        return None
    return folder


def _where(path: Path, text: str, key: str) -> Location:
    """The line that sets ``key`` (its first column), or the file's start."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.split("=", 1)[0].strip().strip("\"'") == key:
            return Location(str(path), number, len(line) - len(line.lstrip()) + 1)
    return Location(str(path), 1, 1)


def _decode_problem(path: Path, error: tomllib.TOMLDecodeError) -> Problem:
    """tomllib says "… (at line 2, column 5)"; the project says ``file:2:5:``."""
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
    line, column = (int(found[1]), int(found[2])) if found else (1, 1)
    return Problem(Location(str(path), line, column), "", "tệp cấu hình viết sai cú pháp TOML",
                   expected='templates = "mau-van-ban"', hint=f"chi tiết: {str(error).split(' (at ')[0]}")
