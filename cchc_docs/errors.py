"""The project's errors: one base class, structured subclasses.

Every error the user can cause derives from :class:`CchcError`. The CLI catches that
base class in one place and prints ``str(error)``; anything else reaching the CLI is a
bug and is reported as one. Messages are Vietnamese and follow the form
``file:line:col: field.path: what is wrong (expected …, got …)``.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


class CchcError(Exception):
    """Base of every error the user can cause and fix."""

    #: The CLI's exit status for this error (1: data, template, output; 3: format findings).
    exit_code = 1


@dataclass(frozen=True)
class Location:
    """Where a value stands in a source file (1-based line and column)."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Problem:
    """One problem found in the input data, located and explained."""

    location: Location | None
    path: str
    message: str
    expected: str | None = None
    got: str | None = None
    hint: str | None = None
    warning: bool = False  # said, but does not stop the build

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location else ""
        subject = f"{self.path}: " if self.path else ""
        text = f"{where}{subject}{'cảnh báo: ' if self.warning else ''}{self.message}"
        details = []
        if self.expected is not None:
            details.append(f"cần {self.expected}")
        if self.got is not None:
            details.append(f"nhận được {self.got}")
        if details:
            text += f" ({', '.join(details)})"
        if self.hint:
            text += f"; {self.hint}"
        return text

    def sort_key(self) -> tuple:
        """Order problems by file, line and column, the way an editor lists them."""
        if self.location is None:
            return ("", 0, 0, self.path)
        return (self.location.file, self.location.line, self.location.column, self.path)


class DataError(CchcError):
    """The input data has one or more problems; all of them are carried, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=Problem.sort_key)
        super().__init__("\n".join(str(p) for p in self.problems))


class SourceError(CchcError):
    """A file cannot be read or parsed at all (missing, not UTF-8, not YAML)."""


class TemplateError(CchcError):
    """A template is missing, broken, or asks for a value the context does not have."""


class OutputError(CchcError):
    """An output file cannot be written."""


class ToolMissingError(CchcError):
    """An external program cchc-docs drives (LibreOffice, poppler) is not installed."""


class ConversionError(CchcError):
    """One or more documents could not be converted to PDF; every failure is carried."""

    def __init__(self, failures: list[str]):
        self.failures = list(failures)
        super().__init__("\n".join(self.failures))


class PdfReadError(CchcError):
    """A PDF cannot be read back (broken file, or not a PDF at all)."""


class PreviewError(CchcError):
    """The pages asked for a preview are not in the PDF."""


class FormatError(CchcError):
    """A rendered document breaks Nghị định 30/2020 (error findings of the self-check).

    ``failures`` pairs each failing output path with its findings (errors and warnings);
    the build writes nothing when this is raised.
    """

    exit_code = 3

    def __init__(self, failures: list[tuple[object, tuple]]):
        self.failures = list(failures)
        lines = []
        for path, findings in self.failures:
            errors = sum(1 for f in findings if f.severity == "error")
            lines.append(f"{path}: văn bản sinh ra sai thể thức ({errors} lỗi), không ghi tệp; "
                         "sửa mẫu hoặc dữ liệu (hoặc dùng --no-check khi đang sửa mẫu):")
            lines += [f"  {finding}" for finding in findings]
        super().__init__("\n".join(lines))


class ConflictError(CchcError):
    """Issued documents whose inputs changed: they were kept, not overwritten."""

    exit_code = 4

    def __init__(self, paths: list[str]):
        self.paths = paths
        super().__init__("\n".join(
            f"{path}: văn bản đã ban hành (có số) nhưng dữ liệu đã thay đổi; giữ nguyên tệp, "
            "không ghi đè (dùng cchc-docs build … --new-version để ghi bản mới bên cạnh)" for path in paths
        ))


# What the operating system said, in Vietnamese: its own words (strerror) are English.
_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy; hãy giải phóng chỗ trống rồi chạy lại",
    getattr(errno, "EDQUOT", -1): "đã hết hạn mức dung lượng của người dùng trên ổ đĩa",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
    errno.EEXIST: "ở đó đã có một tệp cùng tên, không phải thư mục",
    errno.EISDIR: "đây là một thư mục",
    errno.ENOENT: "không tìm thấy",
    errno.ENAMETOOLONG: "đường dẫn quá dài",
    errno.EIO: "lỗi đọc ghi của thiết bị",
}


def os_reason(error: OSError) -> str:
    """Why a file operation failed, said in Vietnamese (the system's own words when unknown)."""
    return _OS_REASONS.get(error.errno) or f"lỗi của hệ điều hành: {error.strerror or error}"
