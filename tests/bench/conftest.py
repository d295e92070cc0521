"""Fixtures of the benchmark tests: a small synthetic corpus written once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from policykg.synth import write_corpus


@pytest.fixture(scope="session")
def synth_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six synthetic texts (seed 11): enough to fill two workers' batches."""
    folder = tmp_path_factory.mktemp("synth")
    list(write_corpus(folder, 6, seed=11))
    return folder
