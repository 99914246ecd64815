"""Deterministic DOCX packaging: the same parts always give the same bytes.

python-docx stamps every zip entry with the wall-clock time, so two builds of the
same input differ. Re-packing with a fixed timestamp, fixed permissions and the
original member order makes outputs byte-identical, which the build manifest and
"nothing changed" rebuilds rely on.
"""

from __future__ import annotations

import io
import zipfile

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def deterministic_zip(data: bytes) -> bytes:
    """Re-pack a zip with fixed timestamps and attributes, members in their order."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(_fixed_info(info.filename), source.read(info.filename))
    return out.getvalue()


def _fixed_info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    info.create_system = 0
    return info
