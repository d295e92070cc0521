"""graph/cypher.py: values only as parameters, labels and types only from the model."""

from __future__ import annotations

import re

import pytest
from policykg.graph import cypher
from policykg.graph.neo4j_writer import named_cypher, push_store, run_cypher
from policykg.graph.query import named_queries

HOSTILE = "区司法局'}) DETACH DELETE n //\"$x"


@pytest.mark.parametrize("bad", ["Agency) DETACH DELETE (n", "agency", "Person", ""])
def test_cypher_statements_refuse_a_label_outside_the_model(bad):
    for build in (cypher.node_constraint, cypher.forget_texts, cypher.merge_nodes,
                  cypher.create_nodes):
        with pytest.raises(ValueError):
            build(bad)
    with pytest.raises(ValueError):
        cypher.create_relations("CITES", "Text", bad)


@pytest.mark.parametrize("bad", ["CITES]->() DELETE r //", "cites", "KNOWS"])
def test_cypher_statements_refuse_a_type_outside_the_model(bad):
    for build in (cypher.relation_index, cypher.delete_text_relations):
        with pytest.raises(ValueError):
            build(bad)
    with pytest.raises(ValueError):
        cypher.create_relations(bad, "Text", "Document")


def test_cypher_statements_take_rows_as_parameters():
    statements = [build(label) for label in cypher.LABELS
                  for build in (cypher.merge_nodes, cypher.create_nodes)] + [
        cypher.create_relations(rel, start[0], end[0])
        for rel, (start, end) in cypher.RELATIONS.items()
    ]
    for text in statements:
        assert text.startswith("UNWIND $rows AS row ")
        # no quoted value anywhere: every value comes from row
        assert "'" not in text and '"' not in text


@pytest.mark.parametrize("name", sorted(cypher.NAMED))
def test_cypher_statements_named_use_exactly_the_declared_parameters(name):
    declared = set(named_queries()[name].params)
    used = set(re.findall(r"\$([A-Za-z_]\w*)", cypher.NAMED[name]))
    assert used == declared


@pytest.mark.neo4j
def test_cypher_statements_hostile_value_is_only_data(neo4j_target, two_texts_store):
    push_store(neo4j_target, two_texts_store)
    before = run_cypher(neo4j_target, "MATCH (n) RETURN count(n) AS n").rows
    for name in ("facts-of", "provenance-of"):
        table = run_cypher(neo4j_target, *named_cypher(name, {"name": HOSTILE}))
        assert table.rows == []
    table = run_cypher(neo4j_target, "RETURN $v AS v", {"v": HOSTILE})
    assert table.rows == [(HOSTILE,)]
    assert run_cypher(neo4j_target, "MATCH (n) RETURN count(n) AS n").rows == before
