"""A mention's target is its text's IRI with the span as an RFC 5147 fragment
(``…/text/bailu-2022#char=12,17``): what it names is what the text prints there, and
provenance-of reads the same spans back."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from policykg.graph.build import graph_of
from policykg.graph.query import named_queries, run_local
from policykg.graph.resolve import resolve
from policykg.ontology.records import Extraction

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_MENTION = "https://w3id.org/policykg/ns#Mention"
_HAS_BODY = "http://www.w3.org/ns/oa#hasBody"
_HAS_TARGET = "http://www.w3.org/ns/oa#hasTarget"
_PRINTED = "https://w3id.org/policykg/ns#printed"


def _mentions(extraction: Extraction) -> tuple[str, dict[str, dict[str, str]]]:
    """The text's graph IRI and each mention node's statements (predicate → value)."""
    graph = graph_of(extraction)
    nodes: dict[str, dict[str, str]] = {}
    for q in graph.quads:
        nodes.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
    return graph.iri, {s: p for s, p in nodes.items() if p.get(_RDF_TYPE) == _MENTION}


def _record_spans(extraction: Extraction) -> set[tuple[str, int, int, str]]:
    resolved = resolve(extraction)
    return {(resolved.entities[r.id].iri, m.start, m.end, m.text)
            for records in (extraction.documents, extraction.agencies, extraction.measures,
                            extraction.metrics)
            for r in records if r.id in resolved.entities for m in r.mentions}


def test_rdf_mention_target_names_the_text_and_the_printed_span(query_extractions):
    for extraction in query_extractions:
        text_iri, mentions = _mentions(extraction)
        spans = set()
        for node in mentions.values():
            source, _, span = node[_HAS_TARGET].partition("#char=")
            start, end = (int(n) for n in span.split(","))
            assert source == text_iri
            assert extraction.text[start:end] == node[_PRINTED]
            spans.add((node[_HAS_BODY], start, end, node[_PRINTED]))
        assert spans == _record_spans(extraction)


def test_rdf_mention_is_one_node_of_six_statements(query_extractions):
    quads = graph_of(query_extractions[0]).quads
    mentions = {q.subject.value for q in quads if q.object.value == _MENTION}
    statements = [q for q in quads if q.subject.value in mentions]
    assert mentions and len(statements) == 6 * len(mentions)
    # nothing hangs off a mention (no …/target, no …/selector)
    assert not any(q.subject.value.startswith(tuple(mentions)) for q in quads
                   if q.subject.value not in mentions)


@pytest.mark.parametrize("text_id", ["bailu#2022", "bailu 2022?draft"])
def test_rdf_mention_target_of_a_text_named_with_a_hash_is_unambiguous(query_extractions,
                                                                       text_id):
    extraction = Extraction.from_dict({**query_extractions[0].to_dict(), "text_id": text_id})
    text_iri, mentions = _mentions(extraction)
    for node in mentions.values():
        assert node[_HAS_TARGET].count("#") == 1
        assert node[_HAS_TARGET].startswith(f"{text_iri}#char=")
        ox.NamedNode(node[_HAS_TARGET])  # a valid IRI


def test_rdf_mention_provenance_of_gives_every_mention_of_a_name(query_store,
                                                                 query_extractions):
    # Expected rows from the records alone: every mention, in every text, of the entities
    # that have the name as label or printed form.
    rows_of: dict[str, set] = {}  # entity IRI -> its rows
    names: dict[str, set[str]] = {}  # entity IRI -> its label and printed forms
    for extraction in query_extractions:
        resolved = resolve(extraction)
        for record in (*extraction.documents, *extraction.agencies, *extraction.measures,
                       *extraction.metrics):
            entity = resolved.entities.get(record.id)
            if entity is None:
                continue
            names.setdefault(entity.iri, {entity.label}).update(entity.printed)
            rows_of.setdefault(entity.iri, set()).update(
                (entity.label, extraction.text_id, m.start, m.end, m.text,
                 extraction.sentences[m.sentence].text.strip()) for m in record.mentions)
    query = named_queries()["provenance-of"]
    for name in sorted(set().union(*names.values())):
        expected = set().union(*(rows_of[iri] for iri, forms in names.items() if name in forms))
        rows = run_local(query_store.store, query.text, query.bind({"name": name})).rows
        assert len(rows) == len(expected) and set(rows) == expected, name
