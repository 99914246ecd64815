"""Issue 14.13: a plan issued on its own (Kế hoạch số 11/KH-UBND, no decision) — what the data may say."""

from __future__ import annotations

import pytest
from helpers import AMENDMENT, MINIMAL_PLAN, PLAN_ISSUE, edited, parse_plan, stand_alone

from cchc_docs.errors import DataError
from cchc_docs.model import consistency, source
from cchc_docs.model.load import load_all


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as e:
        parse_plan(text)
    return [str(p) for p in e.value.problems]


def test_a_stand_alone_plan_validates_without_a_decision_and_its_issue_is_the_issuer():
    plan_file = parse_plan(stand_alone())
    assert plan_file.decision is None
    issuer = plan_file.issuer
    assert (issuer.type_code, issuer.type_name, issuer.number) == ("KH", "Kế hoạch", 11)
    assert issuer.signer.title == "CHỦ TỊCH" and issuer.archive == ("VHXH",)


def test_a_plan_with_both_a_decision_and_its_own_issue_is_refused_at_plan_issue():
    text = MINIMAL_PLAN.replace("plan:\n", "plan:\n" + PLAN_ISSUE, 1)
    (found,) = problems(text)
    assert found.startswith("plan.yaml:35:5: plan.issue: Kế hoạch đã được ban hành kèm theo Quyết định (decision) "
                            "(cần ghi đúng một trong 'decision' hoặc 'plan.issue')")


def test_a_plan_with_neither_a_decision_nor_its_own_issue_is_refused():
    text = stand_alone(issue="")
    assert problems(text) == ["plan.yaml:1:1: thiếu văn bản ban hành Kế hoạch (cần trường 'decision' (Quyết định ban "
                              "hành Kế hoạch) hoặc 'plan.issue' (Kế hoạch ban hành độc lập, có số riêng))"]


def test_amendments_of_a_stand_alone_plan_are_refused_at_their_line_with_what_to_do():
    changes = "      - {action: change, task: T01, set: {deadline: \"2025-09\"}, reason: Lùi thời hạn}\n"
    text = stand_alone() + AMENDMENT.replace("{changes}", changes)
    (found,) = [p for p in problems(text) if "amendments:" in p]
    assert "amendments: chưa hỗ trợ sửa đổi, bổ sung Kế hoạch ban hành độc lập (plan.issue)" in found
    assert "lập tệp kế hoạch mới" in found


def test_the_issue_is_checked_like_a_decision_its_lines_recipients_archive_and_signer():
    text = edited(stand_alone(), "legal_bases: [Nghị", "legal_bases: [Căn cứ Nghị")
    text = edited(text, "implements: [Kế", "implements: [Thực hiện Kế")
    text = edited(text, 'recipients: [Sở Nội vụ, "CT, các PCT UBND xã"]', "recipients: [Sở Nội vụ, Lưu VT]")
    text = edited(text, "archive: [VHXH]", "archive: [VHX]")
    text = edited(text, "title: CHỦ TỊCH, name", "title: Chủ tịch, name")
    found = "\n".join(problems(text))
    for expected in ("plan.issue.legal_bases[0]: không ghi chữ 'Căn cứ' đầu dòng",
                     "plan.issue.implements[0]: không ghi chữ 'Thực hiện' đầu dòng",
                     "plan.issue.recipients[1]: dòng 'Lưu' không ghi trong recipients",
                     "plan.issue.archive[0]: không có đơn vị mã 'VHX'",
                     "plan.issue.signer.title: phải viết CHỮ IN HOA"):
        assert expected in found


def test_a_stand_alone_plan_signed_before_a_document_it_implements_is_a_located_error(tmp_path):
    text = edited(stand_alone(), 'date: "2025-07-31"', 'date: "2025-07-10"')
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as e:
        load_all(path)
    (found,) = [str(p) for p in e.value.problems]
    assert ": plan.issue.implements[0]: văn bản được dẫn ký sau Kế hoạch (cần ngày ký không sau 10/7/2025 " in found


def test_the_number_of_a_stand_alone_plan_is_its_own_kh_series():
    plan_file = parse_plan(stand_alone())
    src = source.parse(stand_alone(), "plan.yaml")
    assert consistency.numbers_problems(plan_file, src, {}) == []
    assert next(consistency._numbered(plan_file, src, {}))[:2] == (11, "KH")
