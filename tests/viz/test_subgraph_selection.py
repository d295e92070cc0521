"""Choosing what the picture shows: focus by name, depth, kinds, the size cap."""

from __future__ import annotations

import pytest
from policykg.graph.subgraph import find_node, keep_kinds, most_connected, neighbourhood, select
from policykg.ontology.errors import SelectionError

P = "https://w3id.org/policykg/id/"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("云岭省青石市司法局", "agency/sfj"),  # canonical
        ("市人民政府", "agency/zf"),  # label as printed
        ("《青石市优化营商环境若干措施》", "document/cs"),  # with book-title marks
        ("法治政府建设实施纲要", "document/gy"),  # part of the title
        (P + "agency/ly-sfj", "agency/ly-sfj"),  # IRI
    ],
)
def test_subgraph_find_node_by_name(small_graph, name, expected):
    assert find_node(small_graph, name) == P + expected


@pytest.mark.parametrize("name", ["司法局", "教育局", "一网通办"])
def test_subgraph_find_node_refuses_ambiguous_or_missing(small_graph, name):
    # 司法局: two agencies; 教育局: none; 一网通办 is a measure, not a document or agency.
    with pytest.raises(SelectionError):
        find_node(small_graph, name)


@pytest.mark.parametrize(
    ("depth", "expected"),
    [
        (0, {"document/cs"}),
        (1, {"document/cs", "agency/zf", "text/qs-2023", "measure/ywtb", "document/gy"}),
    ],
)
def test_subgraph_neighbourhood_depth(small_graph, depth, expected):
    part = neighbourhood(small_graph, P + "document/cs", depth)
    assert set(part) == {P + n for n in expected}
    # every edge among the kept nodes is kept, parallel ones included
    assert part.number_of_edges() == small_graph.subgraph(part).number_of_edges()


def test_subgraph_neighbourhood_reaches_other_texts_through_a_document(small_graph):
    near = neighbourhood(small_graph, P + "document/gy", 1)
    assert {P + "text/ly-2022", P + "text/qs-2023", P + "document/cs"} <= set(near)
    assert P + "agency/ly-sfj" not in near
    # two steps: the author of the other text that cites it
    assert P + "agency/ly-sfj" in neighbourhood(small_graph, P + "document/gy", 2)


def test_subgraph_keep_kinds_drops_other_kinds_and_their_edges(small_graph):
    part = keep_kinds(small_graph, ["Document", "Agency"])
    assert {d["kind"] for _, d in part.nodes(data=True)} == {"Document", "Agency"}
    assert {r for *_, r in part.edges(keys=True)} == {"ISSUED", "IMPLEMENTS", "PART_OF"}


def test_subgraph_keep_kinds_rejects_unknown_kind(small_graph):
    with pytest.raises(SelectionError, match="Agencies"):
        keep_kinds(small_graph, ["Agencies"])


def test_subgraph_most_connected_keeps_hubs_and_their_edges(star_graph):
    part = most_connected(star_graph, 7)
    assert part.number_of_nodes() == 7
    # the two issuers and the five documents both issued
    assert set(part) == {P + "agency/hub", P + "agency/two"} | {
        P + f"document/{i:02d}" for i in range(5)
    }
    assert part.number_of_edges() == 10


def test_subgraph_select_keeps_focus_through_kinds_and_cut(star_graph):
    chosen = select(star_graph, focus="青石市第29号通知", depth=1, kinds=["Agency"], max_nodes=1)
    assert chosen.focus == P + "document/29"
    assert set(chosen.graph) == {P + "document/29"}
    assert chosen.total_nodes == 2 and chosen.cut


def test_subgraph_select_without_cut_says_so(small_graph):
    chosen = select(small_graph, max_nodes=100)
    assert not chosen.cut
    assert chosen.graph.number_of_nodes() == small_graph.number_of_nodes()
    assert chosen.graph is not small_graph
