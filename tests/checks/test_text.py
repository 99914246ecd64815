"""Folding text for recognition: fast, and the same as the plain definition."""

from __future__ import annotations

import unicodedata

import pytest

from cchc_docs.checks.text import fold


def _reference(text: str) -> str:
    """fold as first written: đ → d, drop every combining mark, casefold, single spaces."""
    text = text.replace("đ", "d").replace("Đ", "D")
    stripped = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


@pytest.mark.parametrize("text", [
    "CỘNG  HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "nǎm ǒ ǔ",  # legacy look-alikes keep their letters
    "a\u034fb",  # U+034F sits among the marks but is none: kept
    "Ω̈ e\u0323\u0302 x\u1dc0 \u05b0\u05d0 \u093f",  # marks outside the Vietnamese block
    "ﬁ ß Σς İ",  # casefold expands and folds
    "",
])
def test_fold_is_the_plain_definition(text):
    assert fold(text) == _reference(text)


def test_fold_drops_vietnamese_marks_and_spacing():
    assert fold("  Thượng   Hồng, ngày 05 tháng 01 ") == "thuong hong, ngay 05 thang 01"
