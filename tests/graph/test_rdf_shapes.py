"""Every built graph passes ontology/shapes.ttl, and the shapes do catch a broken graph."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib
from policykg.graph.build import graph_of
from policykg.ontology.records import Extraction

OA = "http://www.w3.org/ns/oa#"


def _conforms(store, shapes) -> tuple[bool, str]:
    return _conforms_nquads(store.nquads().decode("utf-8"), shapes)


def _conforms_nquads(nquads: str, shapes) -> tuple[bool, str]:
    from pyshacl import validate

    data = rdflib.Dataset()
    data.parse(data=nquads, format="nquads")
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    return conforms, report


def test_rdf_built_graphs_pass_the_shapes(query_extractions, new_store, shapes):
    store = new_store(query_extractions)
    conforms, report = _conforms(store, shapes)
    assert conforms, report


def _one_mention_changed(extraction, predicate: str, replace) -> str:
    """The text's N-Quads with one mention's `predicate` statement replaced (or dropped)."""
    lines = graph_of(extraction).nquads.decode("utf-8").splitlines(keepends=True)
    mention = next(line.split()[0] for line in lines if "/id/mention/" in line.split()[0])
    at = next(i for i, line in enumerate(lines)
              if line.startswith(mention) and line.split()[1] == f"<{predicate}>")
    lines[at] = replace(lines[at], mention)
    return "".join(lines)


@pytest.mark.parametrize("term", ["hasBody", "hasTarget"])
def test_rdf_shapes_reject_a_mention_without_body_or_target(query_extractions, shapes, term):
    nquads = _one_mention_changed(query_extractions[0], f"{OA}{term}", lambda line, _: "")
    conforms, report = _conforms_nquads(nquads, shapes)
    assert not conforms
    assert term in report


@pytest.mark.parametrize("target", [
    "{mention}/target",  # a node of its own (the old SpecificResource)
    "{text}",  # the whole text, no span
    "{text}#char=5",  # a position, not a span
    "https://example.org/other#char=5,9",  # not a text
])
def test_rdf_shapes_reject_a_target_that_is_not_a_span_of_a_text(query_extractions, shapes,
                                                                  target):
    def replace(line: str, mention: str) -> str:
        s, p, _, g, dot = line.split()
        text = g.strip("<>")
        return f"{s} {p} <{target.format(mention=mention.strip('<>'), text=text)}> {g} {dot}\n"

    conforms, report = _conforms_nquads(
        _one_mention_changed(query_extractions[0], f"{OA}hasTarget", replace), shapes)
    assert not conforms
    assert "hasTarget" in report


@pytest.mark.parametrize("span", ["9,5", "5,5"])
def test_rdf_shapes_reject_a_span_that_does_not_end_after_it_starts(query_extractions, shapes,
                                                                    span):
    def replace(line: str, mention: str) -> str:
        s, p, _, g, dot = line.split()
        return f"{s} {p} <{g.strip('<>')}#char={span}> {g} {dot}\n"

    conforms, report = _conforms_nquads(
        _one_mention_changed(query_extractions[0], f"{OA}hasTarget", replace), shapes)
    assert not conforms
    assert "does not end after it starts" in report


def test_rdf_has_no_blank_nodes_and_one_graph_per_text(query_extractions):
    for extraction in query_extractions:
        graph = graph_of(extraction)
        assert {q.graph_name.value for q in graph.quads} == {graph.iri}
        for q in graph.quads:
            assert not isinstance(q.subject, ox.BlankNode)
            assert not isinstance(q.object, ox.BlankNode)


def test_rdf_json_round_trip_gives_the_same_quads(query_extractions):
    # `policykg extract` writes JSON; a graph built from it is the graph built from records.
    for extraction in query_extractions:
        again = Extraction.from_dict(json.loads(json.dumps(extraction.to_dict())))
        expected = [str(q) for q in graph_of(extraction).quads]
        assert [str(q) for q in graph_of(again).quads] == expected


@pytest.mark.parametrize(("value", "literal"), [(326.0, "326"), (12.5, "12.5"), (0.0001, "0.0001")])
def test_rdf_figure_value_is_a_plain_decimal(query_extractions, value, literal):
    record = Extraction.from_dict(query_extractions[0].to_dict())
    record.metrics[0].value = value
    values = [q.object for q in graph_of(record).quads if q.predicate.value.endswith("#value")]
    assert ox.Literal(literal, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#decimal")) \
        in values


def test_rdf_blank_names_are_no_nodes_and_the_graph_stays_valid(query_extractions, new_store,
                                                                 shapes):
    record = Extraction.from_dict(query_extractions[0].to_dict())
    record.agencies[0].name = record.agencies[0].canonical = " "
    record.documents[0].title = record.documents[0].canonical = ""
    record.metrics[0].text = ""
    conforms, report = _conforms(new_store([record]), shapes)
    assert conforms, report
    labels = [q.object.value for q in graph_of(record).quads
              if q.predicate.value.endswith("prefLabel")]
    assert "" not in labels and " " not in labels


def test_rdf_two_records_of_one_agency_stay_valid(query_extractions, new_store, shapes):
    # 县司法局 and 白鹭县司法局 resolve to one agency; their kinds must not both be stated.
    from policykg.ontology.records import AgencyRecord

    record = Extraction.from_dict(query_extractions[0].to_dict())
    record.agencies.append(AgencyRecord("a9", "白鹭县司法局", "白鹭县司法局", kind="department"))
    record.agencies[0].kind = "office"
    conforms, report = _conforms(new_store([record]), shapes)
    assert conforms, report
