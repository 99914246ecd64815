"""Shared fixtures: the sample plan, its decision context and one shared build per session.

Helpers that tests import by name live in ``helpers.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import SAMPLE, TEMPLATES, TODAY, open_docx

from cchc_docs.contexts import decision as decision_context
from cchc_docs.model import load
from cchc_docs.model.plan import PlanFile
from cchc_docs.pipeline import build


@pytest.fixture(scope="session")
def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def sample_plan() -> PlanFile:
    return load.load_plan(SAMPLE)


@pytest.fixture(scope="session")
def sample_context(sample_plan) -> dict:
    return decision_context.build(sample_plan, TODAY)


@pytest.fixture(scope="session")
def sample_docx_path(tmp_path_factory) -> Path:
    """The sample plan built once per session with the real templates."""
    out = tmp_path_factory.mktemp("sample-build")
    outputs = build.build(SAMPLE, out, TEMPLATES, TODAY)
    (output,) = [o for o in outputs if o.kind == "quyet-dinh"]
    return output.path


@pytest.fixture(scope="session")
def sample_document(sample_docx_path):
    """The shared sample as a python-docx Document. Read it; never modify it."""
    return open_docx(sample_docx_path)
