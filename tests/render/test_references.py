"""The fast path's số/ký hiệu marking does exactly what the reference pattern does."""

import random

from cchc_docs.render import references


def reference_sub(xml: str) -> str:
    """The definition: every match of REFERENCE, its hyphens made non-breaking."""
    return references.REFERENCE.sub(lambda m: m.group().replace("-", references._NO_BREAK), xml)


def test_hyphens_of_a_so_ky_hieu_in_body_xml_become_non_breaking():
    xml = '<w:t>Số: 39/QĐ-UBND ngày 05/01/2025, 12/UBND-VHXH-TH</w:t><w:t>7/a-b</w:t>'
    marked = references.unbreakable(xml)
    assert marked.count("<w:noBreakHyphen/>") == 3
    assert "7/a-b" in marked  # lower case is no số/ký hiệu


def test_unbreakable_equals_the_reference_pattern_on_random_text():
    # Digits (one Arabic-Indic), the classes around '/' and '-', and markup: runs that touch,
    # overlap and follow each other, where a search from the '/' could go wrong.
    alphabet = ["1", "2", "0", "٣", "/", "-", "A", "Đ", "Q", "a", "<", ">", " ", "w:t", "12/QĐ-UB"]
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert references.unbreakable(text) == reference_sub(text), text
