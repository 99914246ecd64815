"""What a clerk typed into a cell, read as the status format wants it: dates, statuses, counts, text.

Excel hands back whatever the cell holds: a ``datetime`` when the date was entered as
a date, a serial number when the cell lost its format, text such as ``15/10/2025`` or
``15-10-2025 08:30`` when it was typed into a text cell, a float for a count. Each
reader returns the value in the form :mod:`cchc_docs.model.status` parses, or raises
:class:`CellError` with a message a clerk understands. Pure: no workbook here.
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import re
import unicodedata

from cchc_docs.sheets.layout import STATUS_SYNONYMS, STATUSES, normalise, status_of

_EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 is 1900-01-01 (Excel's leap-year bug is before March 1900)
_LAST_SERIAL = 2958465  # 9999-12-31
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{2}|\d{4})")
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_TIME = re.compile(r"(\s+|T)\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(SA|CH|AM|PM)?$", re.IGNORECASE)


class CellError(ValueError):
    """A cell whose content cannot mean what its column asks for; the message says why, in Vietnamese."""


def text(value: object) -> str | None:
    """Plain text of a cell: NFC, trimmed (trailing spaces are a typing slip), None when empty."""
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    cleaned = unicodedata.normalize("NFC", str(value)).replace("\u00a0", " ").strip()
    return cleaned or None


def date(value: object, what: str = "ngày hoàn thành") -> dt.date | None:
    """A date from a date cell, an Excel serial number or text (``15/10/2025``, ``15-10-2025``, ``2025-10-15``)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _serial(value, what)
    return _date_text(text(value), what)


def _serial(value: float, what: str) -> dt.date:
    if not 1 <= value <= _LAST_SERIAL:
        raise CellError(f"{what} không đọc được: {text(value)} không phải một ngày (cần ngày/tháng/năm)")
    return _EXCEL_EPOCH + dt.timedelta(days=int(value))


def _date_text(written: str, what: str) -> dt.date:
    bare = _TIME.sub("", written)
    if match := _DAY_MONTH_YEAR.fullmatch(bare):
        day, month, year = (int(g) for g in match.groups())
        year += 2000 if year < 100 else 0
    elif match := _YEAR_MONTH_DAY.fullmatch(bare):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise CellError(f"{what} '{written}' không đọc được (cần ngày/tháng/năm, ví dụ 15/10/2025)")
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise CellError(f"{what} {bare} không có thật")
    return dt.date(year, month, day)


def status(value: object) -> str | None:
    """One of the three statuses, from the drop-down or typed (``Hoàn Thành``, ``xong``, ``đang làm``)."""
    written = text(value)
    if written is None:
        return None
    found = status_of(written)
    if found is None:
        near = difflib.get_close_matches(normalise(written), list(STATUS_SYNONYMS), n=1, cutoff=0.6)
        hint = f"; có phải ý bạn là '{STATUS_SYNONYMS[near[0]]}'?" if near else ""
        choices = ", ".join(f"'{s}'" for s in STATUSES)
        raise CellError(f"trạng thái '{written}' không hợp lệ (cần một trong {choices}){hint}")
    return found


def count(value: object) -> str | None:
    """A count as the status format writes it (``"35"``); the format's own parser judges the rest.

    A float that is a whole number is one (Excel stores every number as a float); any
    other number is passed on written the Vietnamese way (``96,5``) so the message
    quotes what the clerk sees.
    """
    if isinstance(value, bool):
        raise CellError("số liệu phải là một số nguyên không âm")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value).replace(".", ",")
    return text(value)


def evidence(value: object) -> tuple[str, ...]:
    """Documents cited as evidence: one per line or separated by ``;``."""
    written = text(value)
    if written is None:
        return ()
    return tuple(part.strip() for part in re.split(r"[;\n]+", written) if part.strip())
