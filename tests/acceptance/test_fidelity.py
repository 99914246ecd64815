"""Fidelity to the seed: every sentence of the transcribed Quyết định 39/QĐ-UBND and its
Kế hoạch appears in the document built from data/thuong-hong-2025-h2.yaml.

The seed (tests/fixtures/seed-quyet-dinh-39-2025.md) is the scanned original as
transcribed. The generated document differs from it only where the program applies a
rule of Nghị định 30/2020/NĐ-CP or where the data deliberately resolves an unreadable
word; those places are the CORRECTIONS below, each explained. Every correction must
still match the seed, so the list cannot silently grow stale.
"""

from __future__ import annotations

import re
import unicodedata

import pytest
from helpers import SEED, section_texts

# (pattern, replacement, why). Patterns are applied with re.sub to each seed paragraph
# (markdown stripped, whitespace normalised), in order; a replacement of None drops the
# paragraph.
CORRECTIONS: list[tuple[str, object, str]] = [
    # Căn cứ lines end with ";" and the last line with "." (§6.2): the seed ends the 3rd
    # with "," and the cut-off 4th with nothing.
    (r"^(Căn cứ .*?)[,;]?$", r"\1;", "căn cứ endings"),
    # The last Nơi nhận line is "- Lưu: VT, <unit>." (§8); the seed has no colon.
    (r"^- Lưu VT, VHXH\.$", "- Lưu: VT, VHXH.", "Lưu line"),
    # The signer's surname is unreadable in the scan; the data marks it "[Họ]".
    (r"^\[\?\] Thị Thay$", "[Họ] Thị Thay", "signer surname placeholder"),
    # The unreadable word in "trình Ủy ban nhân xã [?] gửi" is read as "để".
    (r"xã \[\?\] gửi", "xã để gửi", "[?] → để"),
    # The attached plan cites the decision with the full date and the issuing body that
    # issued it (§9.1); the seed attributes it to the Chủ tịch and writes 31/7/2025.
    (
        r"^\(Kèm theo Quyết định số 39/QĐ-UBND, ngày 31/7/2025 của Chủ tịch UBND xã Thượng Hồng\)$",
        "(Kèm theo Quyết định số 39/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng)",
        "Kèm theo line",
    ),
    # The attached plan has no place-and-date line of its own (§9.1, attached-document model).
    (r"^Thượng Hồng, ngày 31 tháng 7 năm 2025$", None, "plan date line"),
    # Numbering is generated from position (§6.4): the seed skips target 4 ...
    (r"^([5-7])\. (?=Phấn đấu vượt|100% hồ sơ|Mức độ hài lòng)", lambda m: f"{int(m[1]) - 1}. ", "target numbers"),
    # ... numbers two sections "III." ...
    (r"^III\. KINH PHÍ$", "IV. KINH PHÍ", "section numbers"),
    (r"^IV\. TỔ CHỨC THỰC HIỆN$", "V. TỔ CHỨC THỰC HIỆN", "section numbers"),
    # ... and numbers the points of khoản 2 "2.1." … "2.6." instead of a) b) c) d) đ) e).
    (r"^2\.([1-6])\. ", lambda m: "abcdđe"[int(m[1]) - 1] + ") ", "point letters"),
    # Headings carry no trailing colon (§6.4); the seed is inconsistent about it.
    (r"^((?:\d+\.|[a-zđ]\)) [^-+].*):$", r"\1", "heading colons"),
]


def seed_parts() -> dict[str, list[str]]:
    """Part 1 (decision) and Part 2 (plan) of the seed as plain paragraphs."""
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    part1 = text.split("# Part 1 — Decision", 1)[1].split("# Part 2", 1)[0]
    part2 = text.split("# Part 2 — Plan (attached to the decision)", 1)[1].split("# Notes on the source", 1)[0]
    return {"decision": _paragraphs(part1), "plan": _paragraphs(part2)}


def _paragraphs(markdown: str) -> list[str]:
    result = []
    for line in markdown.splitlines():
        line = re.sub(r"^#+\s*", "", line)  # headings
        line = line.replace("\\.", ".")  # "1\." escapes a list number
        line = normalise(line)
        if line:
            result.append(line)
    return result


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


LABEL = re.compile(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.|Điều \d+\.)$")


def sentences(paragraph: str) -> list[str]:
    """Split at ". ", "? ", "! " before a capital or a bracket; labels stay with their text."""
    parts = re.split(r"(?<=[.!?])\s+", paragraph)
    merged: list[str] = []
    for part in parts:
        starts = part[:1].isupper() or part[:1] in "(“\"-+"
        if merged and (LABEL.fullmatch(merged[-1]) or not starts):
            merged[-1] += " " + part
        else:
            merged.append(part)
    return merged


def corrected(paragraphs: list[str], used: set[str]) -> list[str]:
    result = []
    for paragraph in paragraphs:
        for pattern, replacement, _why in CORRECTIONS:
            if re.search(pattern, paragraph):
                used.add(pattern)
                if replacement is None:
                    paragraph = ""
                    break
                paragraph = re.sub(pattern, replacement, paragraph)
        if paragraph:
            result.append(paragraph)
    return result


@pytest.fixture(scope="module")
def generated(sample_document) -> dict[str, str]:
    """The generated decision and plan (sections 1 and 2), one paragraph per line."""
    decision, plan, _appendix = section_texts(sample_document)
    return {"decision": "\n".join(map(normalise, decision)), "plan": "\n".join(map(normalise, plan))}


@pytest.mark.parametrize("part", ["decision", "plan"])
def test_every_seed_sentence_appears_in_the_generated_document(part, generated):
    paragraphs = corrected(seed_parts()[part], set())
    missing = [s for p in paragraphs for s in sentences(p) if s not in generated[part]]
    assert len(paragraphs) > 20
    assert missing == []


def test_every_correction_matches_the_seed():
    used: set[str] = set()
    for part in ("decision", "plan"):
        corrected(seed_parts()[part], used)
    assert [why for pattern, _, why in CORRECTIONS if pattern not in used] == []


def test_seed_text_needs_the_corrections():
    # Without the corrections, the numbering and endings of the seed would not be found:
    # this guards the check above against a splitter that hides every difference.
    text = "\n".join(seed_parts()["plan"])
    assert "III. KINH PHÍ" in text and "5. Phấn đấu vượt" in text


def test_sentence_splitter_keeps_labels_and_abbreviations_together():
    assert sentences("5. Phấn đấu vượt chỉ tiêu. Thu hút vốn đầu tư.") == [
        "5. Phấn đấu vượt chỉ tiêu.",
        "Thu hút vốn đầu tư.",
    ]
    assert sentences("Điều 2. Quyết định có hiệu lực thi hành kể từ ngày ký.") == [
        "Điều 2. Quyết định có hiệu lực thi hành kể từ ngày ký."
    ]
    assert sentences("2.1. Phòng Văn hóa - Xã hội:") == ["2.1. Phòng Văn hóa - Xã hội:"]
    assert sentences("theo TCVN ISO 9001:2015 tại xã. và tiếp") == ["theo TCVN ISO 9001:2015 tại xã. và tiếp"]
