"""The master table (§2): size, bold, italic, case and alignment of each component.

Every generated rule (``ND30-<COMPONENT>-<PROPERTY>``) gets a passing document (the
clean one) and a failing one (the component broken on that property).
"""

from __future__ import annotations

import functools

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH

from cchc_docs.checks.rules.looks import LOOKS

from .conftest import decision, fired, for_runs, full, letter, report, set_text, with_drafter_code

BUILDERS = {
    "decision": decision,
    "governed": lambda: decision(governing="UBND TỈNH HẢI DƯƠNG"),
    "full": full,
    "report": report,
    "letter": letter,
    "drafter": with_drafter_code,
}

# component stem → (document, how to reach the paragraph in the built document)
WHERE = {
    "NATIONAL-TITLE": ("decision", lambda b: b["national_title"]),
    "MOTTO": ("decision", lambda b: b["motto"]),
    "GOVERNING-BODY": ("governed", lambda b: b["governing"]),
    "ISSUING-BODY": ("decision", lambda b: b["body_lines"][1]),
    "NUMBER": ("decision", lambda b: b["number"]),
    "DATE": ("decision", lambda b: b["date"]),
    "LETTER-SUMMARY": ("letter", lambda b: b["letter_summary"]),
    "DOC-TYPE": ("decision", lambda b: b["doc_type"]),
    "SUMMARY": ("decision", lambda b: b["summary"]),
    "AUTHORITY": ("decision", lambda b: b["authority"]),
    "BASIS": ("decision", lambda b: b["bases"][1]),
    "DECIDES": ("decision", lambda b: b["decides"]),
    "BODY": ("decision", lambda b: b["articles"][1]),
    "SECTION-HEADING": ("full", lambda b: b["sections"][0]),
    "ADDRESSEE": ("report", lambda b: b["addressee"]),
    "RECIPIENTS-LABEL": ("decision", lambda b: b["recipients_label"]),
    "RECIPIENTS-ITEM": ("decision", lambda b: b["recipients"][1]),
    "SIGNER-TITLE": ("decision", lambda b: b["signer_titles"][1]),
    "SIGNER-NAME": ("decision", lambda b: b["signer_name"]),
    "DRAFTER-CODE": ("drafter", lambda b: b["drafter"]),
    "APPENDIX-LABEL": ("full", lambda b: b["appendix_labels"][0]),
    "APPENDIX-TITLE": ("full", lambda b: b["appendix_title"]),
    "ATTACHED": ("full", lambda b: b["attached"]),
}


def _cases():
    for look in LOOKS:
        for suffix, attribute in (("SIZE", "sizes"), ("BOLD", "bold"), ("ITALIC", "italic"), ("CASE", "case"),
                                  ("ALIGN", "align")):
            if getattr(look, attribute) is not None:
                yield pytest.param(look, suffix, id=f"ND30-{look.stem}-{suffix}")


@functools.cache
def _clean_ids(document: str) -> frozenset[str]:
    return frozenset(BUILDERS[document]().ids())


def _break(look, suffix: str, paragraph) -> None:
    if suffix == "SIZE":
        for_runs(paragraph, size=look.sizes[1] + 2 if look.sizes[1] < 14 else 16)
    elif suffix == "BOLD":
        for_runs(paragraph, bold=not look.bold)
    elif suffix == "ITALIC":
        for_runs(paragraph, italic=not look.italic)
    elif suffix == "CASE":
        text = paragraph.text
        set_text(paragraph, text.upper() if look.case != "upper" else text[0] + text[1:].lower())
    elif suffix == "ALIGN":
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def test_every_component_of_the_table_is_covered():
    assert {look.stem for look in LOOKS} == set(WHERE)


@pytest.mark.parametrize("look, suffix", list(_cases()))
def test_clean_component_passes_and_broken_component_is_reported(look, suffix):
    rule_id = f"ND30-{look.stem}-{suffix}"
    document, reach = WHERE[look.stem]
    assert rule_id not in _clean_ids(document)
    built = BUILDERS[document]()
    _break(look, suffix, reach(built))
    findings = fired(built, rule_id)
    assert findings, f"{rule_id} not reported"
    assert findings[0].component == look.name and findings[0].excerpt


def test_a_nơi_nhận_item_at_13_pt_says_expected_and_got():
    built = decision()
    for_runs(built["recipients"][0], size=13)
    (finding,) = fired(built, "ND30-RECIPIENTS-ITEM-SIZE")
    assert (finding.expected, finding.got) == ("11 pt", "13 pt")


def test_all_caps_formatting_counts_as_capitals():
    built = decision()
    set_text(built["doc_type"], "Quyết định")
    for run in built["doc_type"].runs:
        run.font.all_caps = True
    assert not fired(built, "ND30-DOC-TYPE-CASE")
