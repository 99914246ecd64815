"""Output paths that stay inside the output folder and that every system can write.

A plan's documents go to ``<out>/<its path under the folder given, without .yaml>/``, so
the plan's file name becomes a folder name. Some names cannot be one: ``...yaml`` would
give ``out/..`` (outside the output folder), ``..yaml`` the output folder itself, and
names with ``:`` or ``?``, or named ``CON``, cannot be created on Windows. Such a name
is a problem of the data file, refused with its path.

Two proofs guard the folder, one by the letter of a path (a manifest entry must be a plain
relative path, no ``..``), one by where it really leads (:func:`inside` resolves links)
before a file is written or deleted.
"""

from __future__ import annotations

import os
from pathlib import Path

MAX_NAME = 100  # characters in one folder name: Windows paths stay short
UNSAFE = frozenset('<>:"/\\|?*')  # not allowed in a Windows file name
RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT") for n in range(1, 10))})


def name_problem(name: str) -> str | None:
    """Why ``name`` cannot be a folder for outputs, or None when it can."""
    if name.strip(".") == "":
        return f"tên '{name}' chỉ có dấu chấm, tức là chính thư mục kết quả hoặc thư mục cha của nó"
    if name.startswith("."):
        return f"tên '{name}' bắt đầu bằng dấu chấm (thư mục ẩn, nơi chương trình giữ tệp riêng)"
    unsafe = sorted({ch for ch in name if ch in UNSAFE or ord(ch) < 32})
    if unsafe:
        shown = " ".join(repr(ch)[1:-1] for ch in unsafe)
        return f"tên '{name}' có ký tự không dùng được trong tên thư mục trên Windows: {shown}"
    if name[-1] in ". ":
        return f"tên '{name}' kết thúc bằng dấu chấm hoặc khoảng trắng (Windows bỏ đi)"
    if name.split(".")[0].upper() in RESERVED:
        return f"tên '{name}' là tên thiết bị dành riêng của Windows"
    if len(name) > MAX_NAME:
        return f"tên '{name[:20]}…' dài {len(name)} ký tự (tối đa {MAX_NAME})"
    return None


def folder_problem(out_dir: str) -> str | None:
    """Why ``out_dir`` (``quan-1/xa-a``) cannot hold a plan's outputs, or None."""
    return next(filter(None, map(name_problem, out_dir.split("/"))), None)


def target_problem(plan: object, out_dir: str) -> str | None:
    """The located refusal of a plan whose name gives ``out_dir`` an odd folder, or None."""
    problem = folder_problem(out_dir)
    if problem is None:
        return None
    return (f"{plan}: văn bản của kế hoạch này sẽ nằm trong thư mục kết quả '{out_dir}', nhưng {problem}; "
            "hãy đổi tên tệp (hoặc thư mục) kế hoạch, ví dụ xa-thuong-hong-2025.yaml")


def plainly_inside(relative: str) -> bool:
    """``relative`` names a file below the folder by its letter: relative, no ``.``/``..``, no drive."""
    if not isinstance(relative, str) or "\\" in relative or ":" in relative or relative.startswith("/"):
        return False
    return all(part not in ("", ".", "..") for part in relative.split("/"))


def inside(root: Path, relative: str) -> bool:
    """``root / relative`` really is below ``root``, symbolic links followed."""
    base = os.path.realpath(root)
    target = os.path.realpath(os.path.join(base, relative))
    try:
        return os.path.commonpath([base, target]) == base and target != base
    except ValueError:  # another drive on Windows
        return False
