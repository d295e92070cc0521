"""`policykg viz` on the sample corpus: the file, the cut, the focus, one-line errors."""

from __future__ import annotations

import json
import re

import pytest
from policykg.graph.store import open_store
from policykg.graph.subgraph import find_node, neighbourhood
from policykg.graph.view import to_networkx

from policykg.cli import main

pytestmark = pytest.mark.slow


def _data(page: str) -> dict:
    block = re.search(r'id="policykg-data">(.*?)</script>', page, re.S).group(1)
    return json.loads(block)


@pytest.fixture(scope="module")
def sample_graph(sample_store):
    return to_networkx(open_store(sample_store, read_only=True))


def test_viz_command_cuts_to_max_nodes_with_a_note(sample_store, sample_graph, tmp_path):
    out = tmp_path / "cut.html"
    assert main(["viz", "--store", str(sample_store), "--out", str(out), "--max-nodes", "25"]) == 0
    page = out.read_text("utf-8")
    data = _data(page)
    assert len(data["nodes"]) == 25
    # the most connected: no node left out has a higher degree than one kept
    kept = {n["id"] for n in data["nodes"]}
    lowest_kept = min(sample_graph.degree(n) for n in kept)
    assert all(sample_graph.degree(n) <= lowest_kept for n in sample_graph if n not in kept)
    note = re.search(r'class="note">(.*?)</p>', page).group(1)
    assert f"共 {sample_graph.number_of_nodes()} 个" in note and "25" in note


def test_viz_command_focus_draws_the_neighbourhood(sample_store, sample_graph, tmp_path):
    agency = next(d for _, d in sample_graph.nodes(data=True) if d["kind"] == "Agency")
    out = tmp_path / "focus.html"
    args = ["viz", "--store", str(sample_store), "--out", str(out),
            "--focus", agency["canonical"], "--depth", "2", "--max-nodes", "10000"]
    assert main(args) == 0
    expected = neighbourhood(sample_graph, find_node(sample_graph, agency["canonical"]), 2)
    data = _data(out.read_text("utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(expected)
    assert len(data["edges"]) == expected.number_of_edges()
    assert 'class="note" hidden' in out.read_text("utf-8")


def test_viz_command_types_keep_only_those_kinds(sample_store, tmp_path):
    out = tmp_path / "types.html"
    args = ["viz", "--store", str(sample_store), "--out", str(out), "--types", "Document,Agency"]
    assert main(args) == 0
    legend = {e["kind"] for e in _data(out.read_text("utf-8"))["legend"]}
    assert legend == {"Document", "Agency"}


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--focus", "不存在的某某委员会"], "names no document or agency"),
        (["--types", "Document,Agencies"], "unknown kind Agencies"),
        (["--max-nodes", "0"], "max-nodes must be 1 or more"),
        (["--depth", "2"], "--depth needs --focus"),
    ],
)
def test_viz_command_user_errors_are_one_line(sample_store, tmp_path, capsys, extra, message):
    out = tmp_path / "x.html"
    assert main(["viz", "--store", str(sample_store), "--out", str(out), *extra]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()
