"""Each notebook runs top to bottom on the sample corpus, in under a minute, and shows
what it promises: tables, plots, the picture inline."""

from __future__ import annotations

import re

import pytest

EXPECTED = {
    # notebook: the outputs a reader must see
    "01-quickstart.ipynb": {"table": 4, "iframe": 2},
    "02-agencies.ipynb": {"table": 2, "image": 2},
    "03-documents.ipynb": {"table": 4, "image": 2},
    "04-figures.ipynb": {"table": 2, "image": 1},
}


def _outputs(notebook) -> dict[str, int]:
    found = {"table": 0, "image": 0, "iframe": 0, "error": 0}
    for cell in notebook.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                found["error"] += 1
            data = out.get("data", {})
            page = data.get("text/html", "")
            found["table"] += "<table" in page and "dataframe" in page
            found["iframe"] += bool(re.search(r"<iframe srcdoc=\"[^\"]*vis\.Network", page))
            found["image"] += "image/png" in data
    return found


def test_notebooks_stored_without_outputs(notebooks_dir):
    import nbformat

    names = sorted(p.name for p in notebooks_dir.glob("*.ipynb"))
    assert names == sorted(EXPECTED)
    for name in names:
        notebook = nbformat.read(notebooks_dir / name, as_version=4)
        code = [c for c in notebook.cells if c.cell_type == "code"]
        assert code and all(not c.outputs and c.execution_count is None for c in code), name
        # notebooks import the project's functions; they define none
        assert not any(re.search(r"^\s*(def|class) ", c.source, re.M) for c in code), name


@pytest.mark.notebook
@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_notebooks_run_top_to_bottom(run_notebook, name):
    notebook, seconds = run_notebook(name)
    found = _outputs(notebook)
    assert found["error"] == 0
    for kind, count in EXPECTED[name].items():
        assert found[kind] >= count, (kind, found)
    assert seconds < 60
