"""The page in a real browser (headless chromium, every host unresolvable)."""

from __future__ import annotations

import html
import json
import re

import networkx as nx
import pytest
from policykg.graph.subgraph import select
from policykg.graph.viz import KIND_STYLES, iframe, render_html, write_html

pytestmark = pytest.mark.browser
P = "https://w3id.org/policykg/id/"


def _status(dom: str) -> dict:
    return json.loads(html.unescape(re.search(r'id="policykg-status">(.*?)<', dom).group(1)))


def _probe(dom: str) -> dict:
    found = re.search(r'<pre id="probe">(.*?)</pre>', dom, re.S)
    status = re.search(r'id="policykg-status">(.*?)<', dom)
    # not the whole DOM in the failure message: it is the size of vis-network
    assert found, f"the probe did not finish; status {status and status.group(1)}"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize(
    ("graph", "focus", "max_nodes"),
    [("small_graph", None, None), ("small_graph", "市人民政府", None), ("star_graph", None, 12)],
)
def test_viz_browser_network_holds_the_graph(request, browse, tmp_path, graph, focus, max_nodes):
    chosen = select(request.getfixturevalue(graph), focus=focus, max_nodes=max_nodes).graph
    dom = browse(write_html(chosen, tmp_path / "page.html"))
    # the layout settled and physics was switched off: the picture stands still
    assert _status(dom) == {
        "nodes": chosen.number_of_nodes(), "edges": chosen.number_of_edges(),
        "stabilized": True, "physics": False,
    }


def test_viz_browser_empty_graph_reports_settled(browse, tmp_path):
    dom = browse(write_html(nx.MultiDiGraph(), tmp_path / "empty.html"))
    assert _status(dom)["nodes"] == _status(dom)["edges"] == 0
    assert _status(dom)["stabilized"] is True


def test_viz_browser_loads_nothing_and_hovers_plain_text(small_graph, browse, with_probe, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(with_probe(render_html(small_graph), P + "agency/sfj"), encoding="utf-8")
    probe = _probe(browse(page))
    assert probe["tooltip"] is not None, probe
    assert probe["resources"] == [] and probe["violations"] == []
    # the tooltip opened on hover, with the canonical name, kind and source sentence
    assert "云岭省青石市司法局" in probe["tooltip"] and "Agency" in probe["tooltip"], probe
    assert "认真贯彻落实" in probe["tooltip"]


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>window.pwned=1</script>",
        "<img src=x onerror=\"window.pwned=1\">",
        "</script><script>window.pwned=1</script>",
    ],
)
def test_viz_browser_hostile_names_run_nothing(small_graph, browse, with_probe, tmp_path, hostile):
    node = P + "agency/hostile"
    small_graph.add_node(node, kind="Agency", label=hostile, canonical=hostile,
                         sentences=[hostile], texts=["qs-2023"])
    small_graph.add_edge(P + "text/qs-2023", node, key="MENTIONS", relation="MENTIONS",
                         sentence=hostile)
    page = tmp_path / "page.html"
    text = with_probe(render_html(small_graph, title=hostile, note=hostile), node)
    page.write_text(text, encoding="utf-8")
    dom = browse(page)
    probe = _probe(dom)
    assert probe["tooltip"] is not None, probe
    assert probe["pwned"] is False and probe["violations"] == []
    # the tooltip shows the markup as text; its only elements are innerText's line breaks
    assert hostile in probe["tooltip"] and set(probe["tooltipTags"]) == {"BR"}
    # no element was made from a name: no image, no script beyond the page's own
    assert probe["images"] == 0 and probe["scripts"] == text.count("</script>")
    assert _status(dom)["nodes"] == small_graph.number_of_nodes()


def _drawn(shot, color: str) -> int:
    """How many pixels of the screenshot have this colour (to within 2 per channel)."""
    image = pytest.importorskip("matplotlib.image")
    pixels = (image.imread(shot)[..., :3] * 255).round()
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    return int((abs(pixels - rgb).max(axis=-1) <= 2).sum())


def test_viz_browser_screenshot_draws_every_kind(small_graph, browse, tmp_path):
    shot = tmp_path / "shot.png"
    browse(write_html(small_graph, tmp_path / "page.html"), screenshot=shot)
    for kind, style in KIND_STYLES.items():
        assert _drawn(shot, style.color) > 30, f"no {kind} drawn"


def test_viz_browser_notebook_iframe_draws_the_network(small_graph, star_graph, browse,
                                                       tmp_path):
    # the notebook's output: the page inside an iframe srcdoc of a host page (a graph of
    # some size: a sandboxed frame drew 11 nodes but not 43)
    host = tmp_path / "output.html"
    graph = nx.compose(small_graph, star_graph)
    host.write_text('<!DOCTYPE html><meta charset="utf-8"><body>'
                    + iframe(render_html(graph), height=700), encoding="utf-8")
    shot = tmp_path / "shot.png"
    browse(host, screenshot=shot)
    assert _drawn(shot, KIND_STYLES["Agency"].color) > 100


@pytest.mark.slow
def test_viz_browser_sample_corpus_page_holds_the_cut_graph(sample_store, browse, tmp_path):
    from policykg.cli import main

    out = tmp_path / "samples.html"
    args = ["viz", "--store", str(sample_store), "--out", str(out), "--max-nodes", "60",
            "--types", "Document,Agency,Measure,Text"]
    assert main(args) == 0
    data = json.loads(re.search(r'id="policykg-data">(.*?)</script>',
                                out.read_text("utf-8"), re.S).group(1))
    status = _status(browse(out))
    assert status == {"nodes": 60, "edges": len(data["edges"]), "stabilized": True,
                      "physics": False}
