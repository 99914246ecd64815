"""The sample plans of data/ as a new user meets them (issue 14): each builds clean, and reads right.

A ward (phường Hồng Hải) whose decision a Phó Chủ tịch signs for the Chủ tịch; a plan a commune
issues on its own (Kế hoạch số 11/KH-UBND of xã An Bình, with its Tờ trình and a report); and the
Thượng Hồng sample, whose decision cites the Tờ trình that is now generated too.
"""

from __future__ import annotations

import re

import pytest
from helpers import ROOT, TEMPLATES, TODAY, open_docx, texts

from cchc_docs.pipeline import build

WARD = ROOT / "data" / "hong-hai-2025.yaml"
STAND_ALONE = ROOT / "data" / "an-binh-2025-kh.yaml"
SAMPLE = ROOT / "data" / "thuong-hong-2025-h2.yaml"
# "xã" as the level of a unit, not in "xã hội" (society), as a word of its own.
_COMMUNE = re.compile(r"(?<!\w)xã(?!\w)(?!\s+hội)", re.IGNORECASE)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Each sample's outputs by file name: {plan stem: {name: Output}}."""
    out = tmp_path_factory.mktemp("out")
    return {plan.stem: {o.path.name: o for o in build.build(plan, out, TEMPLATES, TODAY)}
            for plan in (WARD, STAND_ALONE, SAMPLE)}


def errors(outputs: dict) -> dict[str, list[str]]:
    return {name: [f"{f.rule}: {f.message}" for f in o.findings if f.severity == "error"]
            for name, o in outputs.items()}


def test_the_ward_sample_builds_with_no_self_check_error(built):
    outputs = built[WARD.stem]
    assert sorted(outputs) == ["bao-cao-2025-q3.docx", "quyet-dinh.docx"]
    assert errors(outputs) == {name: [] for name in outputs}


def test_the_ward_sample_says_phường_and_never_a_stray_xã_in_any_sentence(built):
    for name, output in built[WARD.stem].items():
        lines = texts(open_docx(output.data))
        stray = [line for line in lines if _COMMUNE.search(line)]
        assert stray == [], f"{name}: {stray}"
    report = texts(open_docx(built[WARD.stem]["bao-cao-2025-q3.docx"].data))
    assert any("đài truyền thanh phường" in line for line in report)
    assert any("thẩm quyền giải quyết của phường" in line for line in report)


def test_the_ward_decision_is_signed_by_the_vice_chairman_for_the_chairman(built):
    lines = texts(open_docx(built[WARD.stem]["quyet-dinh.docx"].data))
    start = lines.index("TM. ỦY BAN NHÂN DÂN")
    assert lines[start:start + 3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_the_stand_alone_sample_builds_its_plan_its_tờ_trình_and_its_report_with_no_error(built):
    outputs = built[STAND_ALONE.stem]
    assert sorted(outputs) == ["bao-cao-2025-q1.docx", "ke-hoach.docx", "to-trinh.docx"]
    assert errors(outputs) == {name: [] for name in outputs}
    plan = texts(open_docx(outputs["ke-hoach.docx"].data))
    for line in ("Số: 11/KH-UBND", "KẾ HOẠCH", "Cải cách hành chính năm 2025 trên địa bàn xã An Bình", "Nơi nhận:",
                 "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Trần Văn Bình", "Phòng VHXH, Văn phòng"):
        assert line in plan
    report = texts(open_docx(outputs["bao-cao-2025-q1.docx"].data))
    assert any(line.startswith("Căn cứ Nghị định số 09/2019/NĐ-CP") for line in report)
    assert any(line.startswith("Thực hiện Kế hoạch số 11/KH-UBND ngày 10 tháng 01 năm 2025") and
               "; Kế hoạch số 15/KH-UBND ngày 20/01/2025" in line for line in report)


def test_the_thượng_hồng_sample_now_generates_the_tờ_trình_its_decision_cites(built):
    outputs = built[SAMPLE.stem]
    assert errors(outputs) == {name: [] for name in outputs}
    tờ_trình = texts(open_docx(outputs["to-trinh.docx"].data))
    assert "Số: 25/TTr-VHXH" in tờ_trình and "Thượng Hồng, ngày 31 tháng 7 năm 2025" in tờ_trình
    decision = texts(open_docx(outputs["quyet-dinh.docx"].data))
    assert any("Tờ trình số 25/TTr-VHXH ngày 31/7/2025" in line for line in decision)
