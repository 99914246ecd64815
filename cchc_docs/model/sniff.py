"""Say what a file really is when it is not the kind a command takes.

A Word document given to ``build`` fails to decode as UTF-8, and "save the file as
UTF-8" is then the wrong advice: the user gave the wrong file. :func:`sniff` recognises
a file from its first bytes (and, for a zip or an OLE2 container, from the names of its
members); :func:`data_file_error` and :func:`docx_error` turn that into a one-line
Vietnamese message naming the file's kind and the command that takes it. They run only
once reading has already failed, so a build over hundreds of plans never pays for them.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from cchc_docs.errors import SourceError
from cchc_docs.model.paths import STATUS_FOLDER

HEAD = 64 * 1024  # the bytes looked at, except a zip's central directory (at its end)


@dataclass(frozen=True)
class Kind:
    """What a file is: a key for the message tables and how to name it to the user."""

    key: str
    label: str


DOCX = Kind("docx", "văn bản Word (DOCX)")
XLSX = Kind("xlsx", "bảng tính Excel (XLSX)")
PPTX = Kind("pptx", "bản trình chiếu PowerPoint (PPTX)")
ZIP = Kind("zip", "tệp nén ZIP")
PDF = Kind("pdf", "tệp PDF")
DOC = Kind("doc", "tệp .doc (Word 97-2003)")
XLS = Kind("xls", "tệp .xls (Excel 97-2003)")
OLE = Kind("ole", "tệp Office 97-2003 (.doc hoặc .xls)")
ENCRYPTED = Kind("encrypted", "tệp Office được đặt mật khẩu (mã hóa)")
PNG = Kind("png", "ảnh PNG")
JPEG = Kind("jpeg", "ảnh JPEG")
RTF = Kind("rtf", "văn bản RTF")
UTF16 = Kind("utf16", "tệp văn bản mã UTF-16")
PLAN = Kind("plan", "tệp kế hoạch YAML")
STATUS = Kind("status", "tệp số liệu báo cáo YAML")
TEXT = Kind("text", "tệp văn bản thuần (text)")
FOLDER = Kind("folder", "thư mục")
EMPTY = Kind("empty", "tệp rỗng")

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# OLE2 stream names (UTF-16 in the container's directory), most telling first.
_OLE_STREAMS = [("EncryptedPackage", ENCRYPTED), ("WordDocument", DOC), ("Workbook", XLS), ("Book", XLS)]
_OLE_SUFFIXES = {".doc": DOC, ".dot": DOC, ".xls": XLS, ".xlt": XLS}
_SIGNATURES = [(b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"{\\rtf", RTF),
               (b"\xff\xfe", UTF16), (b"\xfe\xff", UTF16)]
# The first key of a plan or status file: ``issuing_body:``, ``"report":`` … (a line of prose
# such as ``Ghi chú: …`` is YAML too, but no file of ours starts with one).
_YAML_KEY = re.compile(r"""["']?[A-Za-z_][\w.-]*["']?:(\s|$)""")


def sniff(data: bytes, name: str = "") -> Kind | None:
    """The kind of a file from its bytes (``name`` only breaks ties); None when unknown."""
    if not data:
        return EMPTY
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    if data[:1024].lstrip().startswith(b"%PDF-"):
        return PDF
    if data.startswith(_OLE2):
        return _ole_kind(data, name)
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    return _text_kind(data[:HEAD], name)


def zip_kind(names: list[str]) -> Kind:
    """An Office Open XML package is a zip; its member names (any case, as OPC allows) tell
    which application wrote it."""
    lowered = {n.lower() for n in names}
    if any(n.startswith("word/") for n in lowered):
        return DOCX
    if "xl/workbook.xml" in lowered:
        return XLSX
    return PPTX if "ppt/presentation.xml" in lowered else ZIP


def _zip_kind(data: bytes) -> Kind | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return zip_kind(archive.namelist())
    except Exception:  # a damaged zip: read the names its first local headers still hold
        names = _local_names(data[:HEAD])
        return zip_kind(names) if names else None


def _local_names(head: bytes) -> list[str]:
    """Member names from the local file headers in ``head`` (a name follows each header)."""
    names = []
    for match in re.finditer(b"PK\x03\x04", head):
        start = match.start() + 30
        length = int.from_bytes(head[match.start() + 26:match.start() + 28], "little")
        if length > 0 and start + length <= len(head):
            names.append(head[start:start + length].decode("utf-8", "replace"))
    return names


def _ole_kind(data: bytes, name: str) -> Kind:
    """Word and Excel 97-2003 files, and password-protected .docx, are all OLE2 containers."""
    for stream, kind in _OLE_STREAMS:
        if stream.encode("utf-16-le") in data:
            return kind
    return _OLE_SUFFIXES.get(PurePath(name).suffix.lower(), OLE)


def _text_kind(head: bytes, name: str) -> Kind | None:
    """UTF-8 text: a YAML data file when it opens with a mapping key, else plain text."""
    try:
        text = codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        return None
    if "\x00" in text:
        return None
    first = next((line for line in text.splitlines() if _significant(line)), "")
    return data_file_kind(name) if _YAML_KEY.match(first) else TEXT


def _significant(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith(("#", "---", "%YAML"))


def data_file_kind(name: str) -> Kind:
    """Which YAML data file a name is: status files are named by period or sit in ``bao-cao/``."""
    path = PurePath(name)
    return STATUS if path.parent.name == STATUS_FOLDER or _period(path.stem) else PLAN


def _period(stem: str) -> str | None:
    from cchc_docs.model import periods

    try:
        return periods.parse(stem).code
    except periods.PeriodError:
        return None


# --------------------------------------------------------------------- messages

# What each input expects, and what to tell the user of each kind found instead.
# Hints are format strings: {q} the file (quoted when needed), {period} its period code.
_GUIDES = {PLAN: "docs/data-format.md", STATUS: "docs/status-format.md"}
_DATA_HINTS = {
    DOCX: "để kiểm tra thể thức văn bản này hãy dùng: cchc-docs check {q}",
    PDF: "để xem các trang của tệp này hãy dùng: cchc-docs preview {q}",
    DOC: "để kiểm tra thể thức, hãy mở bằng Word, lưu lại dưới dạng .docx rồi dùng: cchc-docs check <tệp .docx>",
    XLSX: "cchc-docs không đọc bảng tính, hãy chép dữ liệu sang {expected} theo {guide}",
    XLS: "cchc-docs không đọc bảng tính, hãy chép dữ liệu sang {expected} theo {guide}",
    ZIP: "nếu tệp nén chứa các kế hoạch, hãy giải nén rồi dùng: cchc-docs build <thư mục đã giải nén>",
}
_DEFAULT_DATA_HINT = "{expected} là tệp văn bản soạn theo {guide}"
_DOCX_HINTS = {
    PLAN: "để sinh văn bản từ kế hoạch này hãy dùng: cchc-docs build {q} "
          "(chỉ kiểm tra dữ liệu: cchc-docs validate {q})",
    STATUS: "để sinh báo cáo từ tệp số liệu này hãy dùng: "
            "cchc-docs report <tệp kế hoạch> --period {period} --status {q}",
    PDF: "cchc-docs check chỉ đọc tệp .docx: hãy kiểm tra tệp .docx gốc "
         "(xem các trang PDF bằng: cchc-docs preview {q})",
    DOC: "hãy mở bằng Word và lưu lại dưới dạng .docx (Word Document)",
    OLE: "nếu là văn bản Word, hãy mở bằng Word và lưu lại dưới dạng .docx (Word Document)",
    RTF: "hãy mở bằng Word và lưu lại dưới dạng .docx (Word Document)",
    ZIP: "nếu tệp nén chứa văn bản, hãy giải nén rồi kiểm tra các tệp .docx bên trong",
    FOLDER: "hãy chỉ rõ các tệp, ví dụ: cchc-docs check {q}/*.docx",
}
_UNSAID = {None, PLAN, STATUS, TEXT, EMPTY, UTF16}  # a data file's own decoding or parse error says it better


def data_file_error(name: str, kind: Kind | None) -> SourceError | None:
    """The error for ``kind`` found where a YAML plan or status file belongs; None when the
    file may well be that YAML (the decoding or parse error then says what is wrong)."""
    if kind in _UNSAID:
        return None
    expected = data_file_kind(name)
    hint = _DATA_HINTS.get(kind, _DEFAULT_DATA_HINT)
    if kind is FOLDER:
        hint = "lệnh build nhận cả thư mục: cchc-docs build {q}" if expected is PLAN else None
    return _error(name, kind, expected.label, hint, expected=expected.label, guide=_GUIDES[expected])


def docx_error(name: str, kind: Kind | None) -> SourceError | None:
    """The error for ``kind`` found where a .docx belongs; None when the kind is unknown
    (or is a .docx: then the package itself is damaged, which the reader says)."""
    if kind is None or kind is DOCX:
        return None
    if kind is ENCRYPTED:
        return SourceError(f"{name}: tệp được đặt mật khẩu (mã hóa), không đọc được; "
                           "hãy mở bằng Word, gỡ mật khẩu rồi lưu lại")
    return _error(name, kind, "tệp .docx", _DOCX_HINTS.get(kind), period=_period(PurePath(name).stem) or "<kỳ>")


def _error(name: str, kind: Kind, wanted: str, hint: str | None, **values: str) -> SourceError:
    text = f"{name}: đây là {kind.label}, không phải {wanted}"
    if hint:
        text += "; " + hint.format(q=quoted(name), **values)
    return SourceError(text)


def quoted(name: str) -> str:
    """A file name as it can be pasted after a command (in double quotes when it must be)."""
    return f'"{name}"' if re.search(r"""[\s'"()&;|<>$`]""", name) else name
