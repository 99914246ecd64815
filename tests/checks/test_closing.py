"""Boxes 7 and 9b: Nơi nhận and the signer block (§7, §8)."""

from __future__ import annotations

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm

from .conftest import decision, fired, letter, report, set_text


def test_missing_recipients_block_is_reported(built_decision):
    assert not fired(built_decision, "ND30-RECIPIENTS-MISSING")
    set_text(built_decision["recipients_label"], "")
    assert fired(built_decision, "ND30-RECIPIENTS-MISSING")


@pytest.mark.parametrize("text", ["Nơi nhận", "Nơi Nhận:", "NƠI NHẬN:", "Nơi nhận :"])
def test_recipients_label_is_exact(text):
    built = decision()
    set_text(built["recipients_label"], text)
    assert fired(built, "ND30-RECIPIENTS-LABEL")


def test_recipients_are_flush_left(built_decision):
    assert not fired(built_decision, "ND30-RECIPIENTS-FLUSH-LEFT")
    built_decision["recipients"][1].paragraph_format.left_indent = Mm(10)
    built_decision["recipients_label"].alignment = WD_ALIGN_PARAGRAPH.CENTER
    assert len(fired(built_decision, "ND30-RECIPIENTS-FLUSH-LEFT")) == 2


@pytest.mark.parametrize("text", ["Sở Nội vụ;", "– Sở Nội vụ;", "• Sở Nội vụ;", "+ Sở Nội vụ;"])
def test_recipient_items_start_with_a_hyphen(text):
    built = decision()
    set_text(built["recipients"][1], text)
    assert fired(built, "ND30-RECIPIENTS-ITEM-DASH")


def test_recipient_items_end_with_a_semicolon(built_decision):
    assert not fired(built_decision, "ND30-RECIPIENTS-ITEM-END")
    set_text(built_decision["recipients"][1], "- Sở Nội vụ,")
    assert fired(built_decision, "ND30-RECIPIENTS-ITEM-END")


@pytest.mark.parametrize("text", ["- Lưu VT, VHXH.", "- Lưu: VT, VHXH", "- Lưu: VHXH, VT.", "- Lưu: VT.",
                                  "- Lưu: VT; VHXH."])
def test_last_item_is_the_archive_line(text):
    built = decision()
    set_text(built["recipients"][-1], text)
    (finding,) = fired(built, "ND30-RECIPIENTS-LAST-ITEM")
    assert finding.component == "Nơi nhận - mục"


@pytest.mark.parametrize("text", ["- Lưu: VT, VHXH.", "- Lưu: VT, VHXH, 02b.", "- Lưu: VT, VP, VHXH."])
def test_valid_archive_lines_pass(text):
    built = decision()
    set_text(built["recipients"][-1], text)
    assert not fired(built, "ND30-RECIPIENTS-LAST-ITEM")


def test_archive_line_must_come_last(built_decision):
    set_text(built_decision["recipients"][1], "- Lưu: VT, VHXH.")
    set_text(built_decision["recipients"][2], "- Sở Nội vụ;")
    assert fired(built_decision, "ND30-RECIPIENTS-LAST-ITEM")


def test_missing_archive_line_is_reported(built_decision):
    set_text(built_decision["recipients"][2], "- Phòng Văn hóa - Xã hội.")
    assert fired(built_decision, "ND30-RECIPIENTS-LAST-ITEM")


def test_with_kinh_gui_recipients_open_with_nhu_tren():
    built = report()
    assert not fired(built, "ND30-RECIPIENTS-AS-ABOVE")
    set_text(built["recipients"][0], "- Sở Nội vụ;")
    assert fired(built, "ND30-RECIPIENTS-AS-ABOVE")


def test_decision_recipients_open_with_the_implementing_article(built_decision):
    assert not fired(built_decision, "ND30-RECIPIENTS-AS-ARTICLE")
    set_text(built_decision["recipients"][0], "- Các phòng, ban;")
    (finding,) = fired(built_decision, "ND30-RECIPIENTS-AS-ARTICLE")
    assert finding.severity == "warning"


def test_missing_signer_name_is_reported(built_decision):
    assert not fired(built_decision, "ND30-SIGNER-MISSING")
    set_text(built_decision["signer_name"], "")
    (finding,) = fired(built_decision, "ND30-SIGNER-MISSING")
    assert finding.component == "Họ tên người ký"


def test_missing_signer_block_is_reported():
    built = letter()
    for paragraph in (*built["signer_titles"], built["signer_name"]):
        set_text(paragraph, "")
    assert fired(built, "ND30-SIGNER-MISSING")


@pytest.mark.parametrize("text", ["T/M. ỦY BAN NHÂN DÂN", "TM ỦY BAN NHÂN DÂN", "T.M. ỦY BAN NHÂN DÂN", "KT CHỦ TỊCH",
                                  "THAY MẶT ỦY BAN NHÂN DÂN", "TM.ỦY BAN NHÂN DÂN"])
def test_authority_prefix_forms(text):
    built = decision()
    set_text(built["signer_titles"][0], text)
    assert fired(built, "ND30-SIGNER-PREFIX")


@pytest.mark.parametrize("text", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "Q. CHỦ TỊCH", "TL. CHỦ TỊCH",
                                  "TUQ. CHỦ TỊCH"])
def test_valid_authority_prefixes_pass(text):
    built = decision()
    set_text(built["signer_titles"][0], text)
    assert not fired(built, "ND30-SIGNER-PREFIX")


@pytest.mark.parametrize("name", ["TS. Nguyễn Văn Bình", "ThS. Nguyễn Văn Bình", "Tiến sĩ Nguyễn Văn Bình"])
def test_no_academic_title_before_the_signer_name(name):
    built = decision()
    set_text(built["signer_name"], name)
    assert fired(built, "ND30-SIGNER-NAME-HONORIFIC")
