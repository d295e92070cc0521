"""On the real dev corpus: Neo4j holds what the RDF store holds, and every query pair agrees."""

from __future__ import annotations

from collections import Counter

import pytest
from neo4j_fixtures import cells
from policykg.graph.neo4j_writer import counts, named_cypher, push_store, run_cypher
from policykg.graph.query import named_queries, run_local
from policykg.graph.store import open_store
from policykg.graph.view import edge_rows, node_rows

from policykg import pipeline

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture(scope="module")
def dev_store(dev_dir, tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("dev-store") / "store")
    report = pipeline.build([dev_dir], store, progress=False)
    assert report.built > 0
    return store


def _params_from(store) -> dict[str, list[dict[str, str]]]:
    """Parameters that find something in this corpus, read off the graph itself."""
    nodes = {n.id: n for n in node_rows(store)}
    edges = list(edge_rows(store))
    issuer = next(nodes[e.source].label for e in edges if e.relation == "ISSUED")
    cited = Counter(e.target for e in edges if e.relation == "CITES").most_common(1)[0][0]
    agency = Counter(e.target for e in edges if e.relation == "MENTIONS"
                     and nodes[e.target].kind == "Agency").most_common(1)[0][0]
    linked = next(e.source for e in edges if e.relation == "CARRIES_OUT")
    reporting = next(e.text for e in edges if e.relation == "REPORTS")
    return {
        "documents-of-issuer": [{"issuer": issuer}],
        "facts-of": [{"name": nodes[linked].label}, {"name": nodes[cited].label}],
        "provenance-of": [{"name": nodes[agency].label}, {"name": nodes[cited].label}],
        "agencies-together": [{"name": nodes[agency].label}],
        "texts-citing": [{"title": nodes[cited].canonical}],
        "figures-of-text": [{"text_id": reporting}],
    }


def test_neo4j_dev_corpus_counts_and_queries_agree(neo4j_target, dev_store):
    report = push_store(neo4j_target, dev_store)
    want_nodes = Counter(n.kind for n in node_rows(dev_store))
    want_rels = Counter(e.relation for e in edge_rows(dev_store))
    assert counts(neo4j_target) == (dict(want_nodes), dict(want_rels))
    assert report.facts == sum(want_nodes.values()) + sum(want_rels.values())

    params = _params_from(dev_store)
    differ = []
    for name, sparql in named_queries().items():
        for values in params.get(name, [{}]):
            want = run_local(dev_store.store, sparql.text, sparql.bind(values))
            got = run_cypher(neo4j_target, *named_cypher(name, values))
            assert want.rows, f"{name} {values}: no rows, the pair would agree vacuously"
            if got.columns != want.columns or cells(got.rows) != cells(want.rows):
                differ.append(f"{name} {values}: {len(want.rows)} SPARQL rows, "
                              f"{len(got.rows)} Cypher rows")
    assert not differ, "\n".join(differ)
