"""Tests for cchc_docs.contexts.decision: the decision's text as plain data (Mẫu 1.3)."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import MINIMAL_PLAN, context_of, edited

BLANK = " " * 6


def without(text: str, line: str) -> str:
    return edited(text, line, "")


# --- Số and the place-and-date line -----------------------------------------------------------


def test_final_number_line_pads_numbers_below_ten():
    ctx = context_of(edited(MINIMAL_PLAN, 'number: "39"', "number: 05"))
    assert ctx["document"]["number_line"] == "Số: 05/QĐ-UBND"


def test_draft_number_line_leaves_six_spaces_before_the_symbol():
    ctx = context_of(without(MINIMAL_PLAN, '  number: "39"\n'))
    assert ctx["document"]["number_line"] == "Số:" + BLANK + "/QĐ-UBND"


def test_signed_date_is_written_in_full_with_nd30_padding():
    ctx = context_of(edited(MINIMAL_PLAN, 'date: "2025-07-31"', 'date: "2025-01-05"'))
    assert ctx["document"]["place_date"] == "Thượng Hồng, ngày 05 tháng 01 năm 2025"


def test_month_only_date_leaves_the_day_blank():
    ctx = context_of(edited(MINIMAL_PLAN, 'date: "2025-07-31"', 'date: "2025-07"'))
    assert ctx["document"]["place_date"] == "Thượng Hồng, ngày" + BLANK + "tháng 7 năm 2025"


def test_undated_draft_uses_the_month_of_today():
    ctx = context_of(without(MINIMAL_PLAN, '  date: "2025-07-31"\n'), today=dt.date(2026, 2, 20))
    assert ctx["document"]["place_date"] == "Thượng Hồng, ngày" + BLANK + "tháng 02 năm 2026"


def test_dated_decision_ignores_today():
    assert context_of(MINIMAL_PLAN, today=dt.date(2030, 1, 1))["document"]["place_date"] == (
        "Thượng Hồng, ngày 31 tháng 7 năm 2025"
    )


@pytest.mark.parametrize(
    ("old", "new", "final"),
    [
        ("", "", True),
        ('  number: "39"\n', "", False),
        ('date: "2025-07-31"', 'date: "2025-07"', False),
    ],
)
def test_document_is_final_only_with_a_number_and_a_full_date(old, new, final):
    text = edited(MINIMAL_PLAN, old, new) if old else MINIMAL_PLAN
    assert context_of(text)["document"]["final"] is final


def test_attached_plan_cites_the_decision_number_and_date():
    ctx = context_of(edited(MINIMAL_PLAN, 'number: "39"', "number: 05"))
    assert ctx["plan"]["attached_to"] == (
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 31 tháng 7 năm 2025 của Ủy ban nhân dân xã Thượng Hồng)"
    )


def test_attached_plan_of_a_draft_leaves_number_and_day_blank():
    text = without(edited(MINIMAL_PLAN, 'date: "2025-07-31"', 'date: "2025-07"'), '  number: "39"\n')
    assert context_of(text)["plan"]["attached_to"] == (
        f"(Kèm theo Quyết định số{BLANK}/QĐ-UBND ngày{BLANK}tháng 7 năm 2025 "
        "của Ủy ban nhân dân xã Thượng Hồng)"
    )


# --- căn cứ ----------------------------------------------------------------------------------


def test_legal_bases_end_with_semicolons_and_the_proposal_with_a_full_stop():
    assert context_of(MINIMAL_PLAN)["decision"]["bases"] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
        "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.",
    ]


def test_last_legal_basis_ends_with_full_stop_when_no_proposal():
    ctx = context_of(without(MINIMAL_PLAN, "  proposal: Trưởng phòng Văn hóa - Xã hội\n"))
    assert ctx["decision"]["bases"] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.",
    ]


def test_punctuation_written_in_the_data_is_replaced_not_doubled():
    text = edited(MINIMAL_PLAN, "ngày 16/6/2025\n", "ngày 16/6/2025,\n")
    text = edited(text, "15/7/2021 của Chính phủ\n", "15/7/2021 của Chính phủ;\n")
    text = edited(text, "proposal: Trưởng phòng Văn hóa - Xã hội", "proposal: Trưởng phòng Văn hóa - Xã hội.")
    assert context_of(text)["decision"]["bases"] == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ;",
        "Theo đề nghị của Trưởng phòng Văn hóa - Xã hội.",
    ]


# --- Điều ------------------------------------------------------------------------------------


def test_articles_are_numbered_and_only_the_last_ends_with_the_end_mark():
    articles = context_of(MINIMAL_PLAN)["decision"]["articles"]
    assert [a["label"] for a in articles] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert articles[0]["text"] == "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025."
    assert articles[1]["text"] == "Quyết định có hiệu lực kể từ ngày ký."
    assert articles[2]["text"] == (
        "Chánh Văn phòng và các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này./."
    )


def test_end_mark_written_in_the_data_appears_once_on_the_last_article_only():
    text = edited(MINIMAL_PLAN, "kể từ ngày ký.", "kể từ ngày ký./.")
    text = edited(text, "thi hành Quyết định này.", "thi hành Quyết định này./.")
    articles = context_of(text)["decision"]["articles"]
    assert articles[1]["text"] == "Quyết định có hiệu lực kể từ ngày ký."
    assert articles[2]["text"].endswith("Quyết định này./.")
    assert sum(a["text"].count("./.") for a in articles) == 1


def test_single_article_ends_with_the_end_mark():
    text = MINIMAL_PLAN
    for line in (
        "    - Quyết định có hiệu lực kể từ ngày ký.\n",
        "    - Chánh Văn phòng và các cơ quan có liên quan chịu trách nhiệm thi hành Quyết định này.\n",
    ):
        text = without(text, line)
    articles = context_of(text)["decision"]["articles"]
    assert [(a["label"], a["text"]) for a in articles] == [
        ("Điều 1.", "Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm 2025./.")
    ]


# --- Nơi nhận --------------------------------------------------------------------------------


def test_recipients_get_dashes_semicolons_and_the_luu_line_last():
    assert context_of(MINIMAL_PLAN)["decision"]["recipients"] == [
        "- Như Điều 3;",
        "- Sở Nội vụ;",
        "- Lưu: VT, VHXH.",
    ]


def test_luu_line_lists_every_archiving_unit_after_vt():
    ctx = context_of(edited(MINIMAL_PLAN, "archive: [VHXH]", "archive: [VHXH, VP]"))
    assert ctx["decision"]["recipients"][-1] == "- Lưu: VT, VHXH, VP."


def test_recipient_no_is_printed_as_no():
    ctx = context_of(edited(MINIMAL_PLAN, "    - Sở Nội vụ", "    - no"))
    assert ctx["decision"]["recipients"] == ["- Như Điều 3;", "- no;", "- Lưu: VT, VHXH."]


# --- signer ----------------------------------------------------------------------------------

SIGNER = """\
    on_behalf_of: ỦY BAN NHÂN DÂN
    title: CHỦ TỊCH
"""


@pytest.mark.parametrize(
    ("signer", "lines"),
    [
        (SIGNER, ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]),
        (
            "    on_behalf_of: ỦY BAN NHÂN DÂN\n    prefix: KT.\n    for_title: CHỦ TỊCH\n    title: PHÓ CHỦ TỊCH\n",
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
        ),
        ("    prefix: Q.\n    title: CHỦ TỊCH\n", ["Q. CHỦ TỊCH"]),
        (
            "    on_behalf_of: ỦY BAN NHÂN DÂN\n    prefix: Q.\n    title: CHỦ TỊCH\n",
            ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"],
        ),
        (
            "    prefix: TL.\n    for_title: CHỦ TỊCH\n    title: CHÁNH VĂN PHÒNG\n",
            ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"],
        ),
        ("    title: CHỦ TỊCH\n", ["CHỦ TỊCH"]),
    ],
    ids=["TM", "TM+KT", "Q", "TM+Q", "TL", "plain"],
)
def test_signer_lines_follow_the_signing_authority(signer, lines):
    ctx = context_of(edited(MINIMAL_PLAN, SIGNER, signer))
    assert ctx["decision"]["signer"] == {"lines": lines, "name": "Nguyễn Văn An"}


# --- whitespace ------------------------------------------------------------------------------


def test_line_breaks_and_double_spaces_in_data_collapse_to_single_spaces():
    text = edited(
        MINIMAL_PLAN,
        "  title: Ban hành Kế hoạch cải cách hành chính năm 2025\n",
        "  title: |\n    Ban hành Kế hoạch  cải cách\n    hành chính năm 2025\n",
    )
    text = edited(text, "    name: Nguyễn Văn An", "    name: '  Nguyễn   Văn An '")
    decision = context_of(text)["decision"]
    assert decision["title"] == "Ban hành Kế hoạch cải cách hành chính năm 2025"
    assert decision["signer"]["name"] == "Nguyễn Văn An"


def test_every_context_text_is_free_of_line_breaks(sample_context):
    def strings(value):
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            for item in value.values():
                yield from strings(item)
        elif isinstance(value, list):
            for item in value:
                yield from strings(item)

    found = list(strings(sample_context))
    assert len(found) > 300
    assert [s for s in found if "\n" in s or "  " in s.strip()] == []
