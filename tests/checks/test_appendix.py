"""Appendices (§9.2)."""

from __future__ import annotations

import pytest

from .conftest import appendix_part, decision, fired, full, plan_part, set_text


@pytest.mark.parametrize("label", ["PHỤ LỤC", "Phụ lục 1", "Phụ lục số 01", "phụ lục"])
def test_appendix_label_form(label):
    built = full()
    assert not fired(built, "ND30-APPENDIX-LABEL")
    set_text(built["appendix_labels"][0], label)
    assert fired(built, "ND30-APPENDIX-LABEL")


def _two_appendices(first: str, second: str):
    built = decision()
    plan_part(built)
    appendix_part(built, first)
    appendix_part(built, second)
    return built


def test_several_appendices_are_numbered_in_roman():
    assert not fired(_two_appendices("Phụ lục I", "Phụ lục II"), "ND30-APPENDIX-NUMBERING")
    (finding,) = fired(_two_appendices("Phụ lục I", "Phụ lục III"), "ND30-APPENDIX-NUMBERING")
    assert finding.expected == "Phụ lục II"
    assert fired(_two_appendices("Phụ lục", "Phụ lục"), "ND30-APPENDIX-NUMBERING")


def test_appendix_needs_a_title():
    built = full()
    assert not fired(built, "ND30-APPENDIX-TITLE-MISSING")
    set_text(built["appendix_title"], "")
    assert fired(built, "ND30-APPENDIX-TITLE-MISSING")
