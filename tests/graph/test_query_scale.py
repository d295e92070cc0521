"""The named queries stay linear when many texts repeat the same entities.

Every text's graph repeats the type and label of each entity it mentions, and
Oxigraph's union default graph keeps those repeats: a query that joined on them there
grew with the square (or worse) of the number of texts naming an agency. Twenty copies
of the three fixture texts took minutes that way; read per text graph, well under a
second each.
"""

from __future__ import annotations

import dataclasses

import pytest
from policykg.graph.build import write_extraction
from policykg.graph.query import named_queries, run_local
from policykg.graph.store import open_store
from policykg.graph.summary import refresh_summary

COPIES = 20
PARAMS = {
    "documents-of-issuer": {"issuer": "雾溪市人民政府"},
    "figures-of-text": {"text_id": "bailu-2022"},
    "texts-citing": {"title": "雾溪市行政执法监督办法"},
    "provenance-of": {"name": "区司法局"},
    "facts-of": {"name": "雾溪市人民政府"},
    "agencies-together": {"name": "区公安局"},
}


def _times(row: tuple, *columns: int) -> tuple:
    return tuple(v * COPIES if i in columns else v for i, v in enumerate(row))


#: How the rows on the copies follow from the rows on the three texts.
EXPECTED = {
    "most-cited-documents": lambda rows: [_times(r, 2) for r in rows],
    "agencies-by-texts": lambda rows: [_times(r, 1, 2) for r in rows],
    "agencies-together": lambda rows: [_times(r, 2, 3) for r in rows],
    "documents-implemented": lambda rows: [_times(r, 2) for r in rows],
    # One row per copy of each text that says it; sorted by text id, copies interleave.
    "texts-citing": lambda rows: len(rows) * COPIES,
    "provenance-of": lambda rows: len(rows) * COPIES,
    "facts-of": lambda rows: len(rows) * COPIES,
}


@pytest.fixture(scope="module")
def copies_store(query_extractions, tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("copies") / "store")
    for i in range(COPIES):
        for extraction in query_extractions:
            write_extraction(store, dataclasses.replace(extraction,
                                                        text_id=f"{extraction.text_id}-{i}"))
    refresh_summary(store)
    return store


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_query_scale_copies_multiply_counts_not_time(copies_store, query_store, name):
    query = named_queries()[name]
    params = dict(PARAMS.get(name, {}))
    once = run_local(query_store.store, query.text, query.bind(params)).rows
    if name == "figures-of-text":
        params["text_id"] += "-7"
    rows = run_local(copies_store.store, query.text, query.bind(params)).rows
    assert once
    expected = EXPECTED.get(name, lambda rows: rows)(once)
    assert (len(rows) if isinstance(expected, int) else rows) == expected
