"""Running the notebooks of notebooks/ with nbclient, as a user would top to bottom."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"


@pytest.fixture(scope="session")
def notebooks_dir() -> Path:
    return NOTEBOOKS


@pytest.fixture
def run_notebook(monkeypatch):
    """Execute a notebook in its own folder with the python3 kernel of this interpreter
    (the venv's: jupyter_client starts ``python`` as sys.executable); return the executed
    notebook and the seconds it took."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    # the kernel finds the venv's scripts and packages first
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"])

    def run(name: str):
        notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
        client = nbclient.NotebookClient(
            notebook, kernel_name="python3", timeout=120,
            resources={"metadata": {"path": str(NOTEBOOKS)}},
        )
        start = time.monotonic()
        client.execute()
        return notebook, time.monotonic() - start

    return run
