"""The issue's bar for the document side, measured by the shared scorer on the dev corpus:
documents F1 >= 0.98, document-number accuracy >= 0.95, issued F1 >= 0.60."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_pipeline_dev_scores_documents_numbers_issued(dev_scores: dict) -> None:
    assert dev_scores["documents"]["f1"] >= 0.98, dev_scores["documents"]
    assert dev_scores["document_numbers"]["accuracy"] >= 0.95, dev_scores["document_numbers"]
    assert dev_scores["issued"]["f1"] >= 0.60, dev_scores["issued"]
