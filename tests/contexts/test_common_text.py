"""Data text as the documents print it: one space between words, no end punctuation doubled."""

import random
import re

from cchc_docs import vn
from cchc_docs.contexts.common import bare, clean


def test_clean_gives_one_plain_space_for_every_kind_of_space_and_line_break():
    assert clean("  Phòng\u00a0Văn hóa\t– Xã hội\n\n(VHXH)\u3000 ") == "Phòng Văn hóa – Xã hội (VHXH)"


def test_bare_drops_the_end_punctuation_the_documents_add_themselves():
    assert bare("Tổ chức hội nghị; ") == "Tổ chức hội nghị"
    assert bare("Ban hành Kế hoạch ./. ") == "Ban hành Kế hoạch"
    assert bare("Quyết định số 39/QĐ-UBND") == "Quyết định số 39/QĐ-UBND"


def test_clean_and_bare_agree_with_the_regular_expressions_they_stand_for():
    def by_regex(text):
        text = vn.nfc(text).strip()
        return re.sub(r"\s+", " ", text) if re.search(r"\s\s|[^\S ]", text) else text

    alphabet = ["a", "ễ", "e\u0302\u0301", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\x1c", "\x85", ";", ",", ".",
                "./.", "/", "-"]
    rng = random.Random(13)
    for _ in range(20_000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        assert clean(text) == by_regex(text), repr(text)
        assert bare(text) == re.sub(r"(\s|[;,.]|\./\.)+$", "", by_regex(text)), repr(text)
