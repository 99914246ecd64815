"""The rule catalogue: docs/rules.md in sync, every rule described and exercised by a test."""

from __future__ import annotations

import re
from pathlib import Path

from cchc_docs.checks import RULES, catalogue
from cchc_docs.checks.rules.looks import LOOKS

HERE = Path(__file__).resolve().parent


def test_committed_catalogue_matches_the_registry():
    committed = catalogue.DOC_PATH.read_text(encoding="utf-8")
    assert committed == catalogue.markdown(), "chạy python -m cchc_docs.checks.catalogue để cập nhật docs/rules.md"


def test_every_rule_has_a_stable_id_a_tag_an_article_and_a_vietnamese_summary():
    for rule in RULES.values():
        assert re.fullmatch(r"ND30(-[A-Z0-9]+)+", rule.id)
        assert rule.tag in "CMP" and rule.article.startswith(("NĐ 30/2020", "TCVN"))
        assert rule.summary


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
