"""Fixtures of the register tests."""

from __future__ import annotations

import pytest
from helpers import write_plan
from register_support import DRAFT


@pytest.fixture
def draft(tmp_path):
    """A draft plan file, ``plan.yaml``, alone in its folder (the register will be beside it)."""
    return write_plan(tmp_path, DRAFT)
