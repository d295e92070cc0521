"""The issue's bar for the document side, measured by the shared scorer on the dev corpus:
documents F1 >= 0.98, document-number accuracy >= 0.95, issued F1 >= 0.60."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from policykg.extract.api import extract_file


def load_scorer(dev_dir: Path):
    path = dev_dir.parent.parent / "tools" / "score.py"
    if not path.is_file():
        pytest.skip("../shared/tools/score.py is not beside this checkout")
    spec = importlib.util.spec_from_file_location("policykg_dev_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_pipeline_dev_scores_documents_numbers_issued(dev_dir: Path, tmp_path: Path) -> None:
    scorer = load_scorer(dev_dir)
    texts = sorted(dev_dir.glob("*.txt"))
    assert texts
    for path in texts:
        ext = extract_file(path)
        (tmp_path / f"{path.stem}.json").write_text(
            json.dumps(ext.to_dict(), ensure_ascii=False), encoding="utf-8")
    result = scorer.score(dev_dir, tmp_path)
    assert result["documents"]["f1"] >= 0.98, result["documents"]
    assert result["document_numbers"]["accuracy"] >= 0.95, result["document_numbers"]
    assert result["issued"]["f1"] >= 0.60, result["issued"]
