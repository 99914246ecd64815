"""Deterministic DOCX packaging: the same parts always give the same bytes.

python-docx stamps every zip entry with the wall-clock time, so two builds of the
same input differ. Re-packing with a fixed timestamp, fixed permissions and the
original member order makes outputs byte-identical, which the build manifest and
"nothing changed" rebuilds rely on.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(data: bytes, replace: dict[str, bytes] | None = None) -> bytes:
    """Re-pack a zip with fixed timestamps and attributes, members in their order.

    ``replace`` gives new contents for members by name (the document properties);
    a name the zip does not have is not added, since no relationship would list it.
    """
    replace = replace or {}
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            name = info.filename
            target.writestr(_fixed_info(name), replace[name] if name in replace else source.read(name))
    return out.getvalue()


def _fixed_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info


# ---------------------------------------------------------------- raw packing
#
# The fast render path compresses the template's unchanged members once and then
# writes them into every output as they are. zipfile has no public way to write
# already-compressed data, so the few records of the zip format are written here.

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, as FIXED_TIME
_DOS_TIME = 0
_LEVEL = 6  # zlib's default, as zipfile uses


@dataclass(frozen=True)
class Member:
    """A zip member ready to be written: its name, CRC, sizes and deflated bytes."""

    name: str
    crc: int
    size: int
    deflated: bytes


def deflate(name: str, data: bytes, level: int = _LEVEL) -> Member:
    """Compress ``data`` as a raw deflate stream (what a zip member holds)."""
    stream = Deflater(name, level)
    stream.write(data)
    return stream.member()


class Deflater:
    """A member compressed as its bytes come, piece by piece: the same bytes as in one piece.

    zlib's output does not depend on how its input is cut (the build's outputs are
    compared before and after the change on every sample and bench plan), so a large
    document never has to be held whole.
    """

    def __init__(self, name: str, level: int = _LEVEL):
        self.name = name
        self._compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
        self._deflated: list[bytes] = []
        self._crc = self._size = 0

    def write(self, data: bytes) -> None:
        self._deflated.append(self._compressor.compress(data))
        self._crc = zlib.crc32(data, self._crc)
        self._size += len(data)

    def member(self) -> Member:
        self._deflated.append(self._compressor.flush())
        return Member(self.name, self._crc, self._size, b"".join(self._deflated))


def pack(members: list[Member]) -> bytes:
    """A complete zip file of ``members`` in order, with fixed timestamps."""
    out = io.BytesIO()
    central = []
    for m in members:
        offset = out.tell()
        name = m.name.encode("utf-8")
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0, 8, _DOS_TIME, _DOS_DATE,
                              m.crc, len(m.deflated), m.size, len(name), 0))
        out.write(name)
        out.write(m.deflated)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 20, 20, 0, 8, _DOS_TIME, _DOS_DATE,
                                   m.crc, len(m.deflated), m.size, len(name), 0, 0, 0, 0,
                                   0o644 << 16, offset) + name)
    start = out.tell()
    out.write(b"".join(central))
    size = out.tell() - start
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(members), len(members), size, start, 0))
    return out.getvalue()
