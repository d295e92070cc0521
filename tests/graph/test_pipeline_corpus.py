"""Whole corpora through the real pipeline: the graph passes the shapes, rebuilds the same."""

from __future__ import annotations

import pytest
import rdflib
from policykg.graph.store import open_store

from policykg.pipeline import build

pytestmark = pytest.mark.slow  # the real extractor over every text


def _conforms(store, shapes) -> tuple[bool, str]:
    from pyshacl import validate

    data = rdflib.Dataset()
    data.parse(data=store.nquads().decode("utf-8"), format="nquads")
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    return conforms, report


@pytest.mark.parametrize("corpus", ["samples_dir", "dev_dir"])
def test_pipeline_corpus_is_shacl_valid_and_rebuilds_identically(corpus, request, tmp_path,
                                                                  shapes):
    folder = request.getfixturevalue(corpus)
    first = open_store(tmp_path / "first")
    report = build([folder], first, progress=False, report=lambda line: None)
    assert report.built > 0 and not report.failures, report.failures
    conforms, text = _conforms(first, shapes)
    assert conforms, text[:2000]
    second = open_store(tmp_path / "second")
    build([folder], second, progress=False, report=lambda line: None)
    assert second.nquads() == first.nquads()
