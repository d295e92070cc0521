"""Writing through the SPARQL Graph Store Protocol to a real `oxigraph serve`, reading back."""

from __future__ import annotations

import dataclasses
import socket
import time
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest
from policykg.graph.build import graph_of, remove_text, write_extraction
from policykg.graph.endpoint import Endpoint, EndpointWriter
from policykg.graph.query import named_queries, run_local
from policykg.graph.summary import refresh_summary
from policykg.ontology.namespaces import SUMMARY_GRAPH, text_iri
from policykg.ontology.records import Sentence

pytestmark = pytest.mark.server

JIANDU = "雾溪市行政执法监督办法"


@pytest.fixture()
def writer(oxigraph_server, query_extractions):
    """A writer to the shared server, which is left empty of the fixture texts (and of
    the summary of them) afterwards."""
    writer = EndpointWriter(oxigraph_server)
    yield writer
    for extraction in query_extractions:
        writer.remove_text(text_iri(extraction.text_id))
    writer.remove_text(SUMMARY_GRAPH)


def _served_triples(base: str, text_id: str) -> set[str]:
    """The text's graph as the server returns it (GET, N-Triples), one string per triple."""
    url = f"{base}/store?{urllib.parse.urlencode({'graph': text_iri(text_id)})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=10) as resp:
        return {str(t) for t in ox.parse(resp.read(), format=ox.RdfFormat.N_TRIPLES)}


def _cited(writer: EndpointWriter) -> list[tuple]:
    refresh_summary(writer)  # as a build or remove ends, over HTTP
    query = named_queries()["most-cited-documents"]
    return writer.endpoint.query(query.text).rows


def test_endpoint_roundtrip_write_query_change_remove(writer, oxigraph_server,
                                                      query_extractions):
    bailu, songtao, _ = query_extractions
    for extraction in (bailu, songtao):
        write_extraction(writer, extraction)

    # What the server holds is exactly what the builder made, graph by graph.
    for extraction in (bailu, songtao):
        expected = {str(q.triple) for q in graph_of(extraction).quads}
        assert _served_triples(oxigraph_server, extraction.text_id) == expected
        assert writer.has_text(text_iri(extraction.text_id), extraction.sha256)
    # Two texts cite the same two documents: one node each, cited twice (ties by title).
    assert _cited(writer) == [("法治政府建设实施纲要(2021-2025年)", None, 2),
                              (JIANDU, "雾政发〔2021〕7号", 2),
                              ("松涛区重大行政决策程序规定", "松政办发〔2023〕3号", 1),
                              ("白鹭县法治政府建设工作要点", None, 1)]

    # Change one: songtao's last sentence no longer cites the 办法 (new bytes, new sha).
    last = songtao.sentences[3]
    changed_text = songtao.text[: last.start] + "区公安局评查执法案卷15件。"
    changed = dataclasses.replace(
        songtao,
        sha256="0" * 64,
        text=changed_text,
        sentences=[*songtao.sentences[:3],
                   Sentence(last.start, len(changed_text), changed_text[last.start:])],
        documents=[d for d in songtao.documents if d.title != JIANDU],
        measures=[m for m in songtao.measures if m.name != "首违不罚清单"],
        metrics=[m for m in songtao.metrics if m.text != "15件"],
        links=[link for link in songtao.links if link.trigger != "按照"],
    )
    write_extraction(writer, changed)
    assert writer.has_text(text_iri(songtao.text_id), changed.sha256)
    assert not writer.has_text(text_iri(songtao.text_id), songtao.sha256)
    assert _served_triples(oxigraph_server, songtao.text_id) == {
        str(q.triple) for q in graph_of(changed).quads}
    assert (JIANDU, "雾政发〔2021〕7号", 1) in _cited(writer)
    # bailu's graph was not touched by songtao's replacement.
    assert _served_triples(oxigraph_server, bailu.text_id) == {
        str(q.triple) for q in graph_of(bailu).quads}

    # Remove one: bailu's documents and figures are gone, songtao's stay.
    assert remove_text(writer, bailu.text_id) is True
    assert remove_text(writer, bailu.text_id) is False
    assert not writer.has_text(text_iri(bailu.text_id), bailu.sha256)
    assert _cited(writer) == [("松涛区重大行政决策程序规定", "松政办发〔2023〕3号", 1),
                              ("法治政府建设实施纲要(2021-2025年)", None, 1)]
    figures = named_queries()["figures-of-text"]
    assert writer.endpoint.query(figures.text, figures.bind({"text_id": "bailu-2022"})).rows == []


@pytest.mark.parametrize("server", ["oxigraph_server", "oxigraph_server_plain"])
def test_endpoint_roundtrip_named_queries_agree_with_the_embedded_store(
        request, server, query_store, query_extractions):
    """Every named query, with the parameters of its tests, gives the same rows over HTTP,
    also from a server whose default graph is not the union of the texts'."""
    writer = EndpointWriter(request.getfixturevalue(server))
    for extraction in query_extractions:
        write_extraction(writer, extraction)
    request.addfinalizer(lambda: [writer.remove_text(iri) for iri in (
        *(text_iri(e.text_id) for e in query_extractions), SUMMARY_GRAPH)])
    refresh_summary(writer)
    assert all(writer.has_text(text_iri(e.text_id), e.sha256) for e in query_extractions)
    params = {
        "documents-of-issuer": [{"issuer": "雾溪市人民政府"}, {"issuer": "区政府办公室"}],
        "figures-of-text": [{"text_id": "bailu-2022"}, {"text_id": "songtao-2023"}],
        "texts-citing": [{"title": JIANDU}],
        "provenance-of": [{"name": "区司法局"}],
        "facts-of": [{"name": "一站式矛盾调解机制"}],
        "agencies-together": [{"name": "区司法局"}, {"name": "市司法局"}],
    }
    for name, query in named_queries().items():
        for values in params.get(name, [{}]):
            bound = query.bind(values)
            local = run_local(query_store.store, query.text, bound)
            remote = writer.endpoint.query(query.text, bound)
            assert remote.columns == local.columns, name
            assert remote.rows == local.rows, f"{name} {values}"
            assert local.rows, f"{name} {values}: an empty result proves nothing"


def test_endpoint_roundtrip_hostile_values_are_data(writer, query_extractions):
    """Quotes, braces and IRI brackets in a parameter neither break nor widen the query."""
    write_extraction(writer, query_extractions[0])
    texts_citing = named_queries()["texts-citing"]
    for value in ['" } ?s ?p ?o . { "', "> <x", JIANDU + '"@zh } UNION { ?x ?y ?z', "\\"]:
        assert writer.endpoint.query(texts_citing.text, texts_citing.bind({"title": value})).rows \
            == []
    assert len(writer.endpoint.query(texts_citing.text, texts_citing.bind({"title": JIANDU})).rows
               ) == 1


def test_endpoint_roundtrip_query_over_http_from_the_cli(writer, oxigraph_server,
                                                         query_extractions, capsys):
    from policykg.cli import main

    write_extraction(writer, query_extractions[2])
    code = main(["query", "--name", "documents-of-issuer", "--param", "issuer=市司法局",
                 "--sparql-endpoint", oxigraph_server, "--format", "csv"])
    assert code == 0
    assert capsys.readouterr().out == "agency,title,number\n"  # issued nothing
    code = main(["query", "--name", "texts-citing", "--param", f"title={JIANDU}",
                 "--sparql-endpoint", oxigraph_server, "--format", "csv"])
    assert code == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "text,start,sentence"
    assert out[1].startswith("wuxi-notice-2021,")
    assert len(out) == 2


def test_endpoint_roundtrip_errors_are_one_line(oxigraph_server, free_port):
    from policykg.ontology.errors import EndpointError

    dead = EndpointWriter(f"http://127.0.0.1:{free_port}")
    with pytest.raises(EndpointError, match=r"unreachable") as err:
        dead.has_text(text_iri("x"), "0" * 64)
    assert "\n" not in str(err.value)
    with pytest.raises(EndpointError, match=r"HTTP 400") as err:
        Endpoint.from_url(oxigraph_server).query("SELECT WHERE {")
    assert "\n" not in str(err.value)
    with pytest.raises(EndpointError, match="not an http"):
        EndpointWriter("ftp://127.0.0.1/")


def test_endpoint_roundtrip_cut_off_write_leaves_the_text_as_it_was(
        writer, oxigraph_server, query_extractions):
    """A build killed in the middle of sending a text: the server keeps the old version."""
    bailu = query_extractions[0]
    write_extraction(writer, bailu)
    before = _served_triples(oxigraph_server, bailu.text_id)
    newer = dataclasses.replace(bailu, sha256="1" * 64, links=[])
    body = ox.serialize([q.triple for q in graph_of(newer).quads],
                        format=ox.RdfFormat.N_TRIPLES)
    half = body[: body.index(b"\n", len(body) // 2) + 1]  # whole lines: valid N-Triples
    host, port = urllib.parse.urlsplit(oxigraph_server).netloc.split(":")
    path = f"/store?{urllib.parse.urlencode({'graph': text_iri(bailu.text_id)})}"
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(f"PUT {path} HTTP/1.1\r\nHost: {host}\r\n"
                     "Content-Type: application/n-triples\r\n"
                     f"Content-Length: {len(body)}\r\n\r\n".encode() + half)
        time.sleep(0.3)  # the server is reading the body when the client dies
    time.sleep(0.3)
    assert _served_triples(oxigraph_server, bailu.text_id) == before
    assert writer.has_text(text_iri(bailu.text_id), bailu.sha256)
