"""Open a .docx as a zip package, within limits, and read only the parts the facts need.

A .docx given to ``cchc-docs check`` may come from anyone, so nothing here trusts it:

* only a regular file is read; a FIFO, a device or a folder is refused from its
  ``stat`` without being opened for reading in a way that could block;
* the zip's directory is judged before anything is unpacked: its size, the number of
  members, the total size they declare and each member's compression ratio (a zip
  bomb is a member of highly compressible bytes);
* a member is unpacked as a stream with a hard cap, so a directory that lies about
  sizes still cannot make us hold more than the cap;
* XML is parsed with entities never resolved and no network access, so an external
  or recursive entity opens no file and expands nothing.

Media (images, embedded objects) are never unpacked. The figures are :data:`LIMITS`;
``docs/rules.md`` prints them (generated from here).
"""

from __future__ import annotations

import io
import os
import posixpath
import stat
import time
import zipfile
from dataclasses import dataclass

from lxml import etree

from cchc_docs import vn
from cchc_docs.errors import SourceError
from cchc_docs.model import sniff

__all__ = ["LIMITS", "Limits", "Package", "open_package", "parse_xml"]

MIB = 1024 * 1024
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RT_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
OFFICE_DOCUMENT = RT_BASE + "officeDocument"


@dataclass(frozen=True)
class Limits:
    """What one .docx may cost to read. Above any figure it is refused, with the figure named."""

    file_bytes: int = 200 * MIB  # the .docx itself
    members: int = 10_000  # entries in the zip's directory
    directory_bytes: int = 4 * MIB  # the zip's central directory
    total_bytes: int = 1024 * MIB  # all members unpacked, as the directory declares them
    xml_bytes: int = 64 * MIB  # one XML part unpacked (counted while unpacking)
    tree_bytes: int = 4 * MIB  # XML parsed into whole trees (styles, headers …, a body that fits)
    stream_bytes: int = 4 * MIB  # a larger body is walked while it is parsed …
    held_bytes: int = 4 * MIB  # … holding at most this much of its XML at once
    ratio: int = 100  # unpacked ÷ packed size of one member
    ratio_floor: int = 1 * MIB  # members smaller than this unpacked are not judged by ratio
    paragraphs: int = 120_000  # paragraphs in the body, the headers and the footers
    runs: int = 240_000  # pieces of text (runs split at tabs and breaks)
    text_chars: int = 10_000_000  # characters of text in all
    findings: int = 50_000  # format findings in one document
    seconds: float = 60.0  # reading and checking one document


LIMITS = Limits()


def too_large(name: str, what: str, got: str, cap: str) -> SourceError:
    """The one message every limit gives: what is too large, how large, what is allowed."""
    return SourceError(f"{name}: tệp quá lớn, không kiểm tra ({what} {got}, tối đa {cap})")


def megabytes(count: int) -> str:
    """A size as the messages write it: 64 MB, 1.024 MB, 500.000 byte."""
    return f"{vn.format_number(round(count / MIB))} MB" if count >= MIB else f"{vn.format_number(count)} byte"


class Deadline:
    """The time a document may take to read and check (cooperative: polled between steps)."""

    def __init__(self, name: str, seconds: float) -> None:
        self.name, self.seconds = name, seconds
        self.end = time.monotonic() + seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise SourceError(f"{self.name}: tệp quá lớn hoặc quá phức tạp, không kiểm tra xong trong "
                              f"{self.seconds:g} giây")


# Every XML parse: no entity resolved, no network, libxml2's own size guards on.
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False, no_network=True, huge_tree=False)


def parse_xml(data: bytes, name: str, partname: str):
    """The root element of one XML part; a part that is not well-formed is a damaged file."""
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError:
        raise SourceError(f"{name}: phần /{partname} của tệp .docx bị hỏng") from None


# --- the file ------------------------------------------------------------------------------


def open_package(source: str | os.PathLike | bytes, limits: Limits = LIMITS) -> Package:
    """The package of a .docx on disk or in memory, after every check that needs no unpacking."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return Package("<bytes>", io.BytesIO(bytes(source)), limits)
    name = os.fspath(source)
    return Package(str(name), _open_regular(str(name), limits), limits)


def _open_regular(name: str, limits: Limits):
    """A regular file opened for reading; anything else refused without blocking on it.

    ``O_NONBLOCK`` makes opening a FIFO return at once (it would wait for a writer), and
    the type is checked on the opened descriptor, so a file swapped after ``stat`` is
    still caught.
    """
    try:
        kind = os.stat(name).st_mode
    except FileNotFoundError:
        raise SourceError(f"{name}: không tìm thấy tệp") from None
    except OSError as exc:
        raise SourceError(f"{name}: không đọc được tệp ({exc.strerror})") from None
    if stat.S_ISDIR(kind):
        raise sniff.docx_error(name, sniff.FOLDER)
    if not stat.S_ISREG(kind):
        raise _not_regular(name, kind)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise SourceError(f"{name}: không đọc được tệp ({exc.strerror})") from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        raise _not_regular(name, info.st_mode)
    if info.st_size > limits.file_bytes:
        os.close(fd)
        raise too_large(name, "kích thước tệp", megabytes(info.st_size), megabytes(limits.file_bytes))
    return os.fdopen(fd, "rb")


def _not_regular(name: str, mode: int) -> SourceError:
    what = "ống dẫn FIFO" if stat.S_ISFIFO(mode) else "socket" if stat.S_ISSOCK(mode) else "thiết bị"
    return SourceError(f"{name}: không phải tệp thông thường (đây là {what}); hãy chỉ ra một tệp .docx")


# --- the package ---------------------------------------------------------------------------


class Package:
    """A .docx opened as a zip: its directory judged, its parts read on demand within limits."""

    def __init__(self, name: str, stream, limits: Limits) -> None:
        self.name, self.stream, self.limits = name, stream, limits
        self.zip: zipfile.ZipFile | None = None
        self.parsed = 0  # bytes of XML parsed into whole trees so far
        try:
            self.zip = self._open_zip()
            self.infos = {info.filename: info for info in self.zip.infolist()}
            self._refuse_bombs()
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()
        self.stream.close()

    def __enter__(self) -> Package:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- opening -----------------------------------------------------------------------------

    def _open_zip(self) -> zipfile.ZipFile:
        directory = _directory_size(self.stream)
        if directory is not None:
            entries, size = directory
            if entries > self.limits.members:
                raise too_large(self.name, "số phần trong gói ZIP", vn.format_number(entries),
                                vn.format_number(self.limits.members))
            if size > self.limits.directory_bytes:
                raise too_large(self.name, "mục lục gói ZIP", megabytes(size), megabytes(self.limits.directory_bytes))
        try:
            archive = zipfile.ZipFile(self.stream)
        except Exception:  # BadZipFile, or worse on a damaged directory: all mean "not a zip"
            raise self._not_a_docx() from None
        wrong = sniff.docx_error(self.name, sniff.zip_kind(archive.namelist()))
        if wrong is not None:
            archive.close()
            raise wrong
        return archive

    def _not_a_docx(self) -> SourceError:
        """What the bytes are instead, told only once they are not a readable zip."""
        self.stream.seek(0)
        kind = sniff.sniff(self.stream.read(_SNIFF_BYTES), self.name)
        wrong = sniff.docx_error(self.name, kind)
        if wrong is not None:
            return wrong
        if kind is sniff.DOCX:  # a damaged zip whose first members are still readable
            return SourceError(f"{self.name}: tệp .docx bị hỏng, không đọc được (gói ZIP không trọn vẹn)")
        return SourceError(f"{self.name}: không phải tệp .docx (không phải gói ZIP hợp lệ hoặc tệp bị hỏng)")

    def _refuse_bombs(self) -> None:
        limits = self.limits
        total = sum(info.file_size for info in self.infos.values())
        if total > limits.total_bytes:
            raise too_large(self.name, "dung lượng sau khi giải nén", megabytes(total), megabytes(limits.total_bytes))
        for info in self.infos.values():
            ratio = info.file_size / max(info.compress_size, 1)
            if info.file_size >= limits.ratio_floor and ratio > limits.ratio:
                raise too_large(self.name, f"tỉ lệ nén của phần {info.filename}", f"{ratio:.0f}:1",
                                f"{limits.ratio}:1")

    # -- parts -------------------------------------------------------------------------------

    def has(self, partname: str) -> bool:
        return partname in self.infos

    def open_part(self, partname: str) -> CappedReader:
        """A part as a stream that refuses to give more than the XML cap (whatever the directory says)."""
        try:
            raw = self.zip.open(self.infos[partname])
        except (KeyError, NotImplementedError, RuntimeError, zipfile.BadZipFile, OSError) as exc:
            raise self.damaged(f"phần /{partname}: {type(exc).__name__}") from None
        return CappedReader(raw, self, partname)

    def read(self, partname: str) -> bytes:
        """A part's bytes, unpacked within the cap."""
        with self.open_part(partname) as reader:
            return reader.read()

    def xml(self, partname: str | None):
        """A part parsed into a tree, or None when there is no such part.

        Trees cost ten to thirty times their XML, so what is parsed whole is counted
        against ``tree_bytes``; only a body may be larger, and it is streamed.
        """
        if partname is None or partname not in self.infos:
            return None
        return self.parse(self.read(partname), partname)

    def parse(self, data: bytes, partname: str):
        """``data``, the bytes of ``partname``, parsed: counted against the limit on whole trees."""
        self.parsed += len(data)
        if self.parsed > self.limits.tree_bytes:
            raise too_large(self.name, "các phần XML đọc trọn (kiểu chữ, đầu trang, chân trang …)",
                            megabytes(self.parsed), megabytes(self.limits.tree_bytes))
        return parse_xml(data, self.name, partname)

    def damaged(self, detail: str) -> SourceError:
        return SourceError(f"{self.name}: tệp .docx bị hỏng, không đọc được ({detail})")

    # -- relationships -------------------------------------------------------------------------

    def relationships(self, partname: str) -> dict[str, tuple[str, str | None]]:
        """``rId → (type, target partname or None when external)`` of one part (or of the package: "")."""
        folder, base = posixpath.split(partname)
        rels_name = posixpath.join(folder, "_rels", base + ".rels")
        root = self.xml(rels_name)
        found: dict[str, tuple[str, str | None]] = {}
        for rel in root.iter(_REL) if root is not None else ():
            target = rel.get("Target") or ""
            internal = (rel.get("TargetMode") or "Internal") != "External"
            found[rel.get("Id") or ""] = (rel.get("Type") or "", _resolve(folder, target) if internal else None)
        return found

    def related(self, partname: str, reltype: str) -> str | None:
        """The first internal part ``partname`` relates to with ``reltype``."""
        return next((target for kind, target in self.relationships(partname).values()
                     if kind == reltype and target is not None), None)

    def main_part(self) -> str:
        """The main document part, proven a WordprocessingML document by its content type."""
        main = self.related("", OFFICE_DOCUMENT)
        if main is None or main not in self.infos or "wordprocessingml" not in self.content_type(main):
            raise SourceError(f"{self.name}: không phải tài liệu Word (thiếu word/document.xml)")
        return main

    def content_type(self, partname: str) -> str:
        root = self.xml("[Content_Types].xml")
        if root is None:
            raise self.damaged("thiếu [Content_Types].xml")
        for override in root.iter(_CT + "Override"):
            if (override.get("PartName") or "").lstrip("/").lower() == partname.lower():
                return override.get("ContentType") or ""
        extension = posixpath.splitext(partname)[1].lstrip(".").lower()
        for default in root.iter(_CT + "Default"):
            if (default.get("Extension") or "").lower() == extension:
                return default.get("ContentType") or ""
        return ""


_SNIFF_BYTES = 8 * MIB  # what is read of a file that is no zip, to say what it is


def _resolve(folder: str, target: str) -> str:
    """A relationship's target as a partname (no leading slash), relative to the source's folder."""
    path = target if target.startswith("/") else posixpath.join("/" + folder, target)
    return posixpath.normpath(path).lstrip("/")


class CappedReader(io.RawIOBase):
    """One member unpacked as a stream; more bytes than the XML cap is a refusal, not a read.

    A streaming reader may also set ``hold``: the bytes it may read between two
    :meth:`release` calls (what its parser's tree can hold at once).
    """

    def __init__(self, raw, package: Package, partname: str) -> None:
        super().__init__()
        self.raw, self.package, self.partname = raw, package, partname
        self.count = self.released = 0
        self.hold: int | None = None

    def release(self) -> None:
        """What was read so far has been walked and freed."""
        self.released = self.count

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self._take(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def read(self, size: int = -1) -> bytes:
        """``size`` bytes, or all of the part: unpacked in one call (a buffer of its own per chunk
        cost more than the unpacking of a report), never more than one byte past the cap."""
        if size is not None and size >= 0:
            return super().read(size)
        return self._take(self.package.limits.xml_bytes - self.count + 1)

    def _take(self, size: int) -> bytes:
        """At most ``size`` bytes more, counted against the cap and the hold."""
        try:
            data = self.raw.read(size)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:  # CRC, truncated, bad deflate
            raise self.package.damaged(f"phần /{self.partname}: {type(exc).__name__}") from None
        self.count += len(data)
        cap = self.package.limits.xml_bytes
        if self.count > cap:
            raise too_large(self.package.name, f"phần /{self.partname} sau khi giải nén", f"hơn {megabytes(cap)}",
                            megabytes(cap))
        if self.hold is not None and self.count - self.released > self.hold:
            raise SourceError(f"{self.package.name}: tệp quá phức tạp, không kiểm tra (một khối nội dung của "
                              f"phần /{self.partname} dài hơn {megabytes(self.hold)} XML)")
        return data

    def close(self) -> None:
        self.raw.close()
        super().close()



def _directory_size(stream) -> tuple[int, int] | None:
    """``(entries, bytes)`` of the zip's central directory from its end record, before
    :mod:`zipfile` builds an object per entry; None when there is no end record (then
    zipfile fails and the file is told apart by its bytes)."""
    stream.seek(0, io.SEEK_END)
    size = stream.tell()
    tail_start = max(0, size - 22 - 65535)
    stream.seek(tail_start)
    tail = stream.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return None
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory = int.from_bytes(tail[at + 12 : at + 16], "little")
    if entries == 0xFFFF or directory == 0xFFFFFFFF:  # ZIP64: the true figures sit in another record
        return _zip64_directory(stream, tail, at, tail_start)
    return entries, directory


def _zip64_directory(stream, tail: bytes, at: int, tail_start: int) -> tuple[int, int] | None:
    locator = at - 20
    if locator < 0 or tail[locator : locator + 4] != b"PK\x06\x07":
        return None
    offset = int.from_bytes(tail[locator + 8 : locator + 16], "little")
    stream.seek(offset)
    record = stream.read(56)
    if record[:4] != b"PK\x06\x06" or len(record) < 56:
        return None
    return int.from_bytes(record[32:40], "little"), int.from_bytes(record[40:48], "little")
