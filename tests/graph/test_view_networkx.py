"""The networkx view: one node per resolved entity, edges by relation, traced to sentences."""

from __future__ import annotations

import pytest
from policykg.graph.view import (
    KINDS,
    edge_rows,
    node_rows,
    text_edge_rows,
    text_graphs,
    to_networkx,
)

GANGYAO = "法治政府建设实施纲要(2021-2025年)"
JIANDU = "雾溪市行政执法监督办法"


@pytest.fixture(scope="module")
def graph(query_store):
    return to_networkx(query_store)


def _node(graph, label):
    found = [n for n, d in graph.nodes(data=True) if d["label"] == label]
    assert len(found) == 1, (label, found)
    return found[0]


def test_view_document_cited_by_two_texts_is_one_node(graph):
    gangyao = _node(graph, GANGYAO)
    citing = sorted(graph.nodes[u]["canonical"] for u, _, k in graph.in_edges(gangyao, keys=True)
                    if k == "CITES")
    assert citing == ["bailu-2022", "songtao-2023"]
    assert graph.nodes[gangyao]["texts"] == ["bailu-2022", "songtao-2023"]
    # printed with a full-width dash in both texts; kept as a printed form
    assert "法治政府建设实施纲要（2021－2025年）" in graph.nodes[gangyao]["printed"]


def test_view_document_cited_by_three_texts_keeps_its_number(graph):
    jiandu = _node(graph, JIANDU)
    assert graph.in_degree(jiandu) >= 3
    assert graph.nodes[jiandu]["number"] == "雾政发〔2021〕7号"
    assert graph.nodes[jiandu]["doc_type"] == "办法"
    assert graph.nodes[jiandu]["year"] == 2021


def test_view_agency_is_qualified_and_shared(graph):
    # 区司法局 of 松涛区 and 县司法局 of 白鹭县 are different bodies; 雾溪市人民政府 is one
    assert _node(graph, "松涛区司法局") != _node(graph, "白鹭县司法局")
    city = _node(graph, "雾溪市人民政府")
    issued = [graph.nodes[v]["label"] for _, v, k in graph.out_edges(city, keys=True)
              if k == "ISSUED"]
    assert issued == [JIANDU]
    edge = graph.edges[city, _node(graph, JIANDU), "ISSUED"]
    assert sorted(edge["texts"]) == ["bailu-2022", "wuxi-notice-2021"]
    assert edge["sentence"] and "印发" in edge["sentence"]


def test_view_nodes_carry_kind_label_and_sentences(graph):
    kinds = {d["kind"] for _, d in graph.nodes(data=True)}
    assert kinds == set(KINDS)
    figure = _node(graph, "326件")
    data = graph.nodes[figure]
    shown = (data["kind"], data["value"], data["unit"], data["counted"])
    assert shown == ("Figure", 326.0, "件", "纠纷")
    assert data["sentences"] == ["县司法局、县公安局建立“一站式”矛盾调解机制，全年调解纠纷326件。"]


def test_view_edges_use_the_model_relations(graph):
    relations = {k for _, _, k in graph.edges(keys=True)}
    assert relations == {"CITES", "MENTIONS", "AUTHORED_BY", "IN_JURISDICTION", "ISSUED",
                         "IMPLEMENTS", "ESTABLISHES", "CARRIES_OUT", "REPORTS", "ABOUT"}
    for _, _, k, d in graph.edges(keys=True, data=True):
        assert d["relation"] == k and d["text"] in d["texts"]


def test_view_rows_match_the_graph(query_store, graph):
    nodes = list(node_rows(query_store))
    assert [n.id for n in nodes] == sorted(graph.nodes)
    edges = list(edge_rows(query_store))
    assert {(e.source, e.target, e.relation) for e in edges} == set(graph.edges(keys=True))


def test_view_edge_rows_come_text_by_text_each_from_its_own_graph(query_store,
                                                                  query_extractions):
    texts = text_graphs(query_store)
    assert [text for _, text in texts] == sorted(e.text_id for e in query_extractions)
    together = []
    for graph_iri, text in texts:
        rows = text_edge_rows(query_store, graph_iri, text)
        assert rows and {row.text for row in rows} == {text}
        together += rows
    assert together == list(edge_rows(query_store))
    assert together == sorted(together, key=lambda e: (e.text, e.source, e.relation, e.target))
