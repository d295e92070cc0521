"""Each named Cypher query gives the rows of its SPARQL twin on the same graph."""

from __future__ import annotations

import pytest
from neo4j_fixtures import GANGYAO, GONGSHI, cells
from policykg.graph import cypher
from policykg.graph.neo4j_writer import named_cypher, push_store, run_cypher
from policykg.graph.query import named_queries, run_local

#: Parameters per query: every query runs once per value set, and at least one set of
#: each query must give rows, so no pair agrees by both being empty.
CASES: dict[str, list[dict[str, str]]] = {
    "most-cited-documents": [{}],
    "documents-of-issuer": [{"issuer": "鹤鸣市人民政府"}, {"issuer": "无此机构"}],
    "agencies-by-texts": [{}],
    "agencies-together": [{"name": "市司法局"}, {"name": "无此机构"}],
    "documents-by-type-and-year": [{}],
    "documents-implemented": [{}],
    "facts-of": [{"name": "市司法局"}, {"name": GONGSHI}, {"name": "码上监督制度"}],
    "figures-of-text": [{"text_id": "heming-2023"}, {"text_id": "fengqiao-2023"}],
    "measures": [{}],
    "provenance-of": [{"name": "市司法局"}, {"name": GANGYAO}, {"name": "87件"}],
    "texts-citing": [{"title": f"《{GANGYAO}》"}, {"title": GONGSHI}],
}


def test_cypher_named_every_sparql_query_has_a_twin():
    assert set(cypher.NAMED) == set(named_queries()) == set(CASES)


@pytest.mark.neo4j
def test_cypher_named_rows_equal_sparql_rows(neo4j_target, two_texts_store):
    push_store(neo4j_target, two_texts_store)
    differ, answered = [], set()
    for name, cases in CASES.items():
        sparql = named_queries()[name]
        for params in cases:
            want = run_local(two_texts_store.store, sparql.text, sparql.bind(params))
            got = run_cypher(neo4j_target, *named_cypher(name, params))
            if got.columns != want.columns or cells(got.rows) != cells(want.rows):
                differ.append(f"{name} {params}:\n  sparql {want.columns} {want.rows}\n"
                              f"  cypher {got.columns} {got.rows}")
            if want.rows:
                answered.add(name)
    assert not differ, "\n".join(differ)
    assert answered == set(CASES), f"no rows at all: {set(CASES) - answered}"
