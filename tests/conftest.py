"""Fixtures shared by every test. Area fixtures live in the conftest.py of tests/<area>/."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="session")
def dev_dir() -> Path:
    """The shared dev corpus (real texts: read here, never copied into the repo)."""
    if not DEV.is_dir():
        # CI always has it: there the scores and dev-corpus checks must run, never vanish
        if os.environ.get("CI"):
            pytest.fail("../shared/corpus/dev is not beside this checkout (CI must have it)")
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return DEV


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The repo's fictional sample corpus."""
    return SAMPLES
