"""Numbering series and số/ký hiệu: which counter a document draws its number from.

Nghị định 30/2020, Điều 15 khoản 2: numbers run from 01 on 1 January to 31 December; for
administrative documents the head of the agency chooses one shared series or one series
per document type. The type is read from the ký hiệu (``QĐ`` in ``QĐ-UBND``, Phụ lục III);
a ký hiệu that starts with no type code is a công văn (``UBND-VP``), which has a series of
its own when series go by type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cchc_docs import vn
from cchc_docs.register.errors import RegisterError

# How a register numbers its documents (the `register init --series` values).
SHARED = "chung"  # one series for every administrative document of the year
BY_TYPE = "theo-loai"  # one series per document type (QĐ, KH, BC, …, công văn)
MODES = (BY_TYPE, SHARED)
DEFAULT_MODE = BY_TYPE
MODE_VI = {BY_TYPE: "theo từng loại văn bản (mỗi loại một dãy số)", SHARED: "chung một dãy số cho mọi loại văn bản"}

# Nghị định 30/2020, Phụ lục III: tên loại văn bản hành chính and its abbreviation.
TYPE_NAMES = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
    "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTr": "Tờ trình",
    "HĐ": "Hợp đồng", "CĐ": "Công điện", "GNh": "Bản ghi nhớ", "TTh": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo",
}
OFFICIAL_LETTER = "CV"  # the series key of công văn, which carry no type code
OFFICIAL_LETTER_NAME = "Công văn"

_SYMBOL = re.compile(r"[^\s/]+(?:-[^\s/]+)*")


def type_code(symbol: str) -> str:
    """``QĐ-UBND`` → ``QĐ``; a công văn's ký hiệu (``UBND-VP``) → ``CV``."""
    head = symbol.split("-", 1)[0]
    return head if head in TYPE_NAMES else OFFICIAL_LETTER


def type_name(symbol: str) -> str:
    """Tên loại văn bản of a ký hiệu: ``Quyết định`` for ``QĐ-UBND``."""
    return TYPE_NAMES.get(type_code(symbol), OFFICIAL_LETTER_NAME)


def series_key(symbol: str, mode: str) -> str:
    """The counter a ký hiệu draws from: its type code, or ``""`` for the one shared series."""
    return "" if mode == SHARED else type_code(symbol)


def series_label(series: str) -> str:
    """How a series is named to the user: ``loại QĐ (Quyết định)`` or ``chung``."""
    if not series:
        return "chung"
    return f"loại {series} ({TYPE_NAMES.get(series, OFFICIAL_LETTER_NAME)})"


@dataclass(frozen=True, order=True)
class Reference:
    """A số/ký hiệu: ``05/QĐ-UBND`` is number 5 with symbol ``QĐ-UBND``."""

    number: int
    symbol: str

    def __str__(self) -> str:
        return f"{vn.number_text(self.number)}/{self.symbol}"


def parse_reference(text: str) -> Reference:
    """``05/QĐ-UBND`` (or ``5/QĐ-UBND``) → Reference(5, "QĐ-UBND")."""
    text = unicodedata.normalize("NFC", text.strip())
    number, _, symbol = text.partition("/")
    if not number.isdigit() or int(number) < 1 or not _SYMBOL.fullmatch(symbol):
        raise RegisterError(f"cần số/ký hiệu dạng 05/QĐ-UBND, nhận được '{text}'")
    return Reference(int(number), symbol)


def check_symbol(text: str) -> str:
    """A ký hiệu as typed (``KH-UBND``, ``UBND-VP``), NFC, or RegisterError."""
    symbol = unicodedata.normalize("NFC", text.strip())
    if not _SYMBOL.fullmatch(symbol) or "-" not in symbol:
        raise RegisterError(f"cần ký hiệu dạng KH-UBND hoặc UBND-VP (không ghi số), nhận được '{text}'")
    return symbol
