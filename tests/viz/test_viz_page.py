"""The page as written: self-contained, escaped, styled by kind (no browser needed)."""

from __future__ import annotations

import json
import re

import networkx as nx
import pytest
from policykg.graph.viz import KIND_STYLES, render_html

P = "https://w3id.org/policykg/id/"
HOSTILE = [
    "<script>window.pwned=1</script>",
    '<img src=x onerror="window.pwned=1">',
    "--><!--<script>",
    "</script><script>window.pwned=1</script>",
]


def _data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="policykg-data">(.*?)</script>',
                      page, re.S)
    return json.loads(block.group(1))


def test_viz_page_loads_nothing_from_outside(small_graph):
    page = render_html(small_graph)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?(https?:)?//", page, re.I)
    assert "<link" not in page and "bootstrap" not in page.lower()
    assert "default-src 'none'" in page  # the page's CSP forbids any load


@pytest.mark.parametrize("hostile", HOSTILE)
def test_viz_page_hostile_names_stay_inside_the_json(small_graph, hostile):
    small_graph.add_node(P + "agency/x", kind="Agency", label=hostile, canonical=hostile,
                         sentences=[hostile], texts=["qs-2023"])
    page = render_html(small_graph, title=hostile, note=hostile)
    # the template's three script elements (vis-network's code holds a "<script>" literal);
    # none was opened or closed by a name
    plain = render_html(nx.MultiDiGraph())
    assert page.count("</script>") == plain.count("</script>") == 3
    assert page.count("<script") == plain.count("<script")
    assert "<!--" not in page.split("<body>", 1)[1]
    node = next(n for n in _data(page)["nodes"] if n["id"] == P + "agency/x")
    assert node["label"].startswith(hostile[:17]) and hostile in node["title"]


def test_viz_page_styles_nodes_by_kind_with_legend(small_graph):
    data = _data(render_html(small_graph))
    kinds = {n: d["kind"] for n, d in small_graph.nodes(data=True)}
    for node in data["nodes"]:
        style = KIND_STYLES[kinds[node["id"]]]
        assert (node["color"], node["shape"]) == (style.color, style.shape)
    legend = {e["kind"]: e["count"] for e in data["legend"]}
    assert legend == {"Document": 2, "Agency": 3, "Measure": 1, "Figure": 1, "Text": 2,
                      "Jurisdiction": 2}


def test_viz_page_tooltips_carry_canonical_kind_and_sentence(small_graph):
    data = _data(render_html(small_graph))
    agency = next(n for n in data["nodes"] if n["id"] == P + "agency/sfj")
    assert agency["label"] == "市司法局"
    assert "云岭省青石市司法局" in agency["title"] and "Agency" in agency["title"]
    assert "认真贯彻落实《法治政府建设实施纲要" in agency["title"]
    assert {e["label"] for e in data["edges"]} >= {"CITES", "MENTIONS", "ISSUED", "ABOUT"}
    assert len(data["edges"]) == small_graph.number_of_edges()


def test_viz_page_physics_stops_after_stabilising(small_graph):
    page = render_html(small_graph)
    assert _data(page)["options"]["physics"]["stabilization"]["enabled"] is True
    assert re.search(r'"stabilizationIterationsDone".*?setOptions\(\{physics: false\}\)', page,
                     re.S)


def test_viz_page_note_shown_only_when_given(small_graph):
    assert 'class="note" hidden' in render_html(small_graph)
    page = render_html(small_graph, note="只显示连接最多的 5 个节点")
    assert re.search(r'class="note">只显示连接最多的 5 个节点<', page)


def test_viz_page_focus_node_stands_out(small_graph):
    data = _data(render_html(small_graph, focus=P + "agency/zf"))
    widths = {n["id"]: n.get("borderWidth") for n in data["nodes"]}
    assert widths.pop(P + "agency/zf") == 4
    assert set(widths.values()) == {None}
