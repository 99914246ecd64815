"""cchc_docs.checks.scan: only paragraphs that may hold a key line are asked, and no key line is lost."""

from __future__ import annotations

import sys
from types import SimpleNamespace

import pytest
from corpus.documents import SAMPLES

from cchc_docs.checks import scan
from cchc_docs.checks.components import recognise
from cchc_docs.checks.text import fold
from cchc_docs.facts.extract import extract

# Every letter and sign of the key phrases scan looks for. None holds an "s": the capital
# sharp s (ẞ) folds to "ss", which the projection drops.
KEY = set("vietnghacopulmkyq/.")


def _letters(text: str) -> list[str]:
    return [ch for ch in text if ch in KEY]


def _is_subsequence(small: list[str], large: list[str]) -> bool:
    remaining = iter(large)
    return all(ch in remaining for ch in small)


def test_the_projection_keeps_every_key_letter_that_folding_keeps_for_every_character():
    # Shown as typed or in capitals ("All caps"), each character's folded key letters
    # stand, in order, in its projection: a key phrase fold finds, scan finds.
    lost = []
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        projected = _letters(scan.project([ch]))
        for shown in (ch, ch.upper()):
            if not _is_subsequence(_letters(fold(shown)), projected):
                lost.append(f"U+{code:04X}")
    assert lost == []


@pytest.mark.parametrize("text", [
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Cộng hoà xã hội chủ nghĩa Việt Nam", "CO\u0323\u0302NG HÒA",
    "Phụ lục", "PHỤ\u00a0LỤC II", "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI", "Vi\u200bệt Nam",
])
def test_a_line_that_may_open_a_part_is_a_candidate(text):
    assert scan.find(_paragraphs("Văn bản", text, "Nội dung")).opening == (1,)


@pytest.mark.parametrize("text", [
    "Nơi nhận:", "NƠI NHẬN", "Nơi\u00a0nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH",
    "TL. CHỦ TỊCH", "TUQ. CHỦ TỊCH", "T/M ỦY BAN", "K.T CHỦ TỊCH", "THAY MẶT ỦY BAN", "KÝ THAY CHỦ TỊCH",
    "THỪA LỆNH", "THỪA ỦY QUYỀN", "  TM.\u2003ỦY BAN", "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN",
    "- Lưu: VT.\tTM. ỦY BAN", "\u200bTM. ỦY BAN",
])
def test_a_line_that_may_start_the_closing_is_a_candidate(text):
    assert scan.find(_paragraphs("Văn bản", text, "Nội dung")).closing == (1,)


@pytest.mark.parametrize("text", ["Triển khai nhiệm vụ cải cách hành chính", "Quý IV/2025", "Tăng cường kỷ luật",
                                  "Văn phòng HĐND và UBND", "Tổ chức thực hiện", "Thông tin tuyên truyền"])
def test_ordinary_lines_are_not_candidates(text):
    found = scan.find(_paragraphs(text))
    assert found.opening == () and found.closing == ()


def test_a_symbol_character_that_reads_as_the_separator_makes_every_paragraph_a_candidate():
    found = scan.find(_paragraphs("a", "b\x00c", "d" * 300))
    assert found.opening == (0, 1) and found.closing == (0, 1, 2)


def test_the_closing_candidates_of_a_range_are_those_within_it():
    found = scan.Candidates((), (2, 5, 9, 14))
    assert found.closing_from(5, 13) == (5, 9)


# Texts whose projection could depend on their neighbours if it were not made text by text:
# accents before or after the text (NFD reorders a run of them), letters that grow when put
# in capitals (ß, ﬁ), a capital sigma (lower() looks at what surrounds it), breaks and spaces.
TRICKY = ["\u0301\u0323a\u0300", "Ò\u0323", "ß", "ﬁ", "İ", "ΟΔΟΣ", "Σ", "a\tb\nc", "Nơi\u00a0nhận",
          "Vi\u200bệt\ufeff", "Đ", "", "plain", "\u0323", "CỘNG HÒA"]


def test_texts_are_projected_as_they_would_be_all_at_once_whatever_was_met_before(monkeypatch):
    monkeypatch.setattr(scan, "_KEPT", {})
    at_once = scan._projected("\x00" + "\x00".join(TRICKY))
    assert scan.project(TRICKY) == at_once  # none met before
    assert scan.project(TRICKY) == at_once  # all met before
    reordered = TRICKY[::-1] + TRICKY[:3]
    assert scan.project(reordered) == scan._projected("\x00" + "\x00".join(reordered))
    half_known = ["mới", *TRICKY[5:], "\u0300"]
    assert scan.project(half_known) == scan._projected("\x00" + "\x00".join(half_known))


def test_texts_holding_the_separator_are_projected_all_at_once_and_not_kept(monkeypatch):
    monkeypatch.setattr(scan, "_KEPT", {})
    texts = ["Việt", "b\x00c", "Nam"]
    assert scan.project(texts) == "\x00viet\x00b\x00c\x00nam"
    assert scan._KEPT == {}


def test_what_is_kept_starts_again_rather_than_grow_beyond_its_size(monkeypatch):
    monkeypatch.setattr(scan, "_KEPT", {})
    monkeypatch.setattr(scan, "_KEEP", 3)
    scan.project(["a", "b"])
    assert scan.project(["Đ", "e"]) == "\x00d\x00e"
    assert set(scan._KEPT) == {"Đ", "e"}
    assert scan.project(["f", "g", "h", "i"]) == "\x00f\x00g\x00h\x00i"
    assert scan._KEPT == {}  # more texts than it keeps: none kept


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.name)
def test_the_texts_of_a_document_are_projected_as_all_at_once_before_and_after_they_are_kept(sample, monkeypatch):
    monkeypatch.setattr(scan, "_KEPT", {})
    texts = [p.text for p in extract(sample.build()).paragraphs]
    at_once = scan._projected("\x00" + "\x00".join(texts))
    assert scan.project(texts) == at_once
    assert scan.project(texts) == at_once


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda sample: sample.name)
def test_hand_made_documents_are_cut_into_the_same_parts_with_and_without_the_scan(sample, monkeypatch):
    facts = extract(sample.build())
    scanned = recognise(facts)
    with monkeypatch.context() as patch:
        patch.setattr(scan, "find", _every_paragraph)
        asked = recognise(facts)
    assert scanned.parts == asked.parts


def _every_paragraph(paragraphs) -> scan.Candidates:
    every = tuple(range(len(paragraphs)))
    return scan.Candidates(tuple(i for i in every if len(paragraphs[i].text) < 200), every)


def _paragraphs(*texts: str) -> list[SimpleNamespace]:
    """Paragraphs as scan reads them: their text (tabs and breaks as the walker writes them) and index."""
    return [SimpleNamespace(index=i, text=text) for i, text in enumerate(texts)]
