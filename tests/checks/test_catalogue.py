"""The rule catalogue: docs/rules.md in sync, every rule described and exercised by a test."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_docs.checks import RULES, catalogue, pdf_rules
from cchc_docs.checks.rules.looks import LOOKS

HERE = Path(__file__).resolve().parent


def test_committed_catalogue_matches_the_registry():
    committed = catalogue.DOC_PATH.read_text(encoding="utf-8")
    assert committed == catalogue.markdown(), "chạy python -m cchc_docs.checks.catalogue để cập nhật docs/rules.md"


def test_every_rule_has_a_stable_id_a_tag_an_article_and_a_vietnamese_summary():
    for rule in RULES.values():
        assert re.fullmatch(r"ND30(-[A-Z0-9]+)+", rule.id)
        assert rule.tag in "CMP"
        assert rule.article
        assert rule.summary


# A clerk looks a rule up in the decree: "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục II.6 điểm e",
# "NĐ 30/2020/NĐ-CP, Điều 15", "Phụ lục III, Mẫu 1.3"; what the decree leaves open says so.
DECREE_PLACE = re.compile(r"(NĐ|Nghị định) \d+/\d{4}/NĐ-CP, (Điều \d+|Phụ lục [IVX]+, (Mục [IVX]+|Mẫu \d))")
PRACTICE = re.compile(r"thực tiễn", re.IGNORECASE)


def test_every_citation_names_the_decree_or_says_it_is_practice_never_a_section_of_our_notes():
    citations = {entry["id"]: entry["article"] for entry in catalogue.entries()}
    assert len(citations) == len(RULES) + len(pdf_rules.PDF_RULES)
    for rule_id, article in citations.items():
        assert "§" not in article, rule_id
        assert DECREE_PLACE.search(article) or PRACTICE.search(article), (rule_id, article)
        assert not re.search(r"NĐ 30/2020(?!/NĐ-CP)", article), (rule_id, article)  # the full number, always


def test_a_practice_rule_says_so_in_its_citation():
    assert "thực tiễn soạn thảo (không bắt buộc)" in RULES["ND30-DECIMAL-NUMBERING"].article
    assert "thực tiễn" in RULES["ND30-TEXT-NFC"].article
    assert pdf_rules.PDF_RULES["PDF-PAGE-BLANK"][1] == "Thực tiễn in ấn (không bắt buộc)"


def test_citations_point_at_the_khoan_of_the_decree_that_sets_the_rule():
    assert RULES["ND30-MARGIN-LEFT"].article == "NĐ 30/2020/NĐ-CP, Phụ lục I, Mục I.3 (định lề trang)"
    assert RULES["ND30-NATIONAL-TITLE-SIZE"].article.endswith("Phụ lục I, Mục II.1 (Quốc hiệu và Tiêu ngữ)")
    assert RULES["ND30-NUMBER-LEADING-ZERO"].article.startswith("NĐ 30/2020/NĐ-CP, Điều 15; Phụ lục I, Mục II.3")
    assert "Mục II.6 điểm e" in RULES["ND30-BODY-INDENT"].article
    assert "Mục II.9" in RULES["ND30-RECIPIENTS-LABEL-SIZE"].article
    assert "Mục III.1" in RULES["ND30-APPENDIX-LABEL-SIZE"].article
    assert "Mục I.7" in RULES["ND30-PAGE-NUMBER-FIRST-PAGE"].article
    assert "Mẫu 1.2, 1.3" in RULES["ND30-AUTHORITY-BOLD"].article
    assert "Mục I.4" in RULES["ND30-FONT-FAMILY"].article
    assert "Mục I.4" in pdf_rules.ARTICLE_FONT
    assert pdf_rules.PDF_RULES["PDF-FONT-SUBSTITUTED"][1] == pdf_rules.ARTICLE_FONT


def test_the_catalogue_explains_how_to_read_a_citation():
    assert "điểm e khoản 6 Mục II Phần I Phụ lục I" in catalogue.markdown()


def test_only_rules_the_decree_states_are_errors():
    for rule in RULES.values():
        assert (rule.severity == "error") == (rule.tag == "C")


def test_every_rule_is_exercised_by_a_test():
    text = "\n".join(path.read_text(encoding="utf-8") for path in HERE.glob("test_*.py"))
    generated = {f"ND30-{look.stem}-{suffix}" for look in LOOKS
                 for suffix, attribute in (("SIZE", "sizes"), ("BOLD", "bold"), ("ITALIC", "italic"), ("CASE", "case"),
                                           ("ALIGN", "align")) if getattr(look, attribute) is not None}
    margins = {f"ND30-MARGIN-{side}" for side in ("TOP", "BOTTOM", "LEFT", "RIGHT")}
    untested = {rule_id for rule_id in RULES if rule_id not in text} - generated - margins
    assert untested == set()


def test_list_rules_text_names_every_rule():
    listed = catalogue.text()
    assert all(rule_id in listed for rule_id in RULES)
