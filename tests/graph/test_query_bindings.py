"""Parameter values are data: whatever they hold, they bind a variable and nothing else."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from policykg.graph.query import run_local, values_clause
from policykg.ontology.errors import QueryError

EX = "https://example.org/"
LABEL = ox.NamedNode(f"{EX}label")
# Values an attacker or an unlucky title could hold: quotes, braces, IRI brackets,
# backslashes, line breaks, a SPARQL update, a comment sign, Chinese quotes.
HOSTILE = [
    '" } ; DROP ALL ; { "',
    "> <https://example.org/a",
    '"\\" . ?s ?p ?o . FILTER(true) #',
    "line one\nline two\r\tend",
    "\\u0022 } UNION { ?s ?p ?o }",
    "《纲要》“一站式”'单引号'",
    "#",
    "",
]


@pytest.fixture()
def labelled_store() -> ox.Store:
    store = ox.Store()
    graph = ox.NamedNode(f"{EX}graph")
    for i, label in enumerate([*HOSTILE, "plain"]):
        store.add(ox.Quad(ox.NamedNode(f"{EX}r{i}"), LABEL, ox.Literal(label), graph))
    return store


@pytest.mark.parametrize("value", HOSTILE)
def test_query_bindings_hostile_value_matches_only_its_own_literal(labelled_store, value):
    table = run_local(labelled_store, "SELECT ?r WHERE { ?r <https://example.org/label> ?v }",
                      {"v": value})
    assert table.rows == [(f"{EX}r{HOSTILE.index(value)}",)]


@pytest.mark.parametrize("value", HOSTILE)
def test_query_bindings_hostile_value_of_unknown_label_finds_nothing(labelled_store, value):
    table = run_local(labelled_store, "SELECT ?r WHERE { ?r <https://example.org/label> ?v }",
                      {"v": value + " (not stored)"})
    assert table.rows == []
    assert len(labelled_store) == len(HOSTILE) + 1  # nothing was changed either


def test_query_bindings_numbers_and_iris_keep_their_type(labelled_store):
    table = run_local(labelled_store,
                      "SELECT ?n ?x ?r WHERE { ?r <https://example.org/label> \"plain\" }",
                      {"n": 3, "x": 2.5})
    assert table.rows == [(3, 2.5, f"{EX}r{len(HOSTILE)}")]
    table = run_local(labelled_store, "ASK { ?r <https://example.org/label> \"plain\" }",
                      {"r": ox.NamedNode(f"{EX}r0")})
    assert table.rows == [(False,)]


def test_query_bindings_bad_variable_name_is_refused():
    with pytest.raises(QueryError):
        values_clause({"v } ; DROP ALL ; {": "x"})


def test_query_bindings_iri_with_brackets_cannot_be_made():
    # An IRI parameter is a NamedNode, which refuses characters that would end the term.
    with pytest.raises(ValueError):
        ox.NamedNode("https://example.org/a> <https://example.org/b")
