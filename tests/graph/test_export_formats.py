"""Exports parse back: N-Quads, Turtle and JSON-LD in rdflib, GraphML in networkx."""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib
from policykg.graph.export import export
from policykg.graph.view import to_networkx

from policykg.cli import main


@pytest.fixture(scope="module")
def store_dir(query_extractions, tmp_path_factory):
    from policykg.graph.build import write_extraction
    from policykg.graph.store import open_store

    path = tmp_path_factory.mktemp("export") / "store"
    store = open_store(path)
    for extraction in query_extractions:
        write_extraction(store, extraction)
    del store  # release the lock: the command opens it read-only
    return path


def _read(store_dir):
    from policykg.graph.store import OxigraphStore

    return OxigraphStore(store_dir, read_only=True)


def _quads(store_dir) -> int:
    return len(_read(store_dir).nquads().splitlines())


def test_export_nquads_parse_back_as_the_same_dataset(store_dir, tmp_path):
    out = tmp_path / "graph.nq"
    assert main(["export", "--format", "nq", "--store", str(store_dir), str(out)]) == 0
    data = rdflib.Dataset()
    data.parse(out, format="nquads")
    assert len(list(data.quads())) == _quads(store_dir)
    graphs = {str(g.identifier) for g in data.graphs() if len(g)}
    assert {g for g in graphs if "/text/" in g} == set(_read(store_dir).text_iris())


def test_export_turtle_is_the_merged_graph(store_dir, tmp_path):
    out = export(_read(store_dir), "ttl", tmp_path / "graph.ttl")
    graph = rdflib.Graph().parse(out, format="turtle")
    union = {(s, p, o) for s, p, o, _ in _dataset(store_dir).quads()}
    # Turtle prints 18 as the decimal 18.0: compare values, not lexical forms
    assert {(s, p, o.toPython()) for s, p, o in graph} == \
        {(s, p, o.toPython()) for s, p, o in union}
    assert "@prefix eli:" in out.read_text("utf-8")


def test_export_jsonld_keeps_named_graphs_and_context(store_dir, tmp_path):
    out = export(_read(store_dir), "jsonld", tmp_path / "graph.jsonld")
    text = out.read_text("utf-8")
    assert '"@context"' in text and "法治政府建设实施纲要" in text  # not \u-escaped
    data = rdflib.Dataset()
    data.parse(data=text, format="json-ld")
    assert len(list(data.quads())) == _quads(store_dir)


def test_export_graphml_loads_in_networkx(store_dir, tmp_path):
    out = export(_read(store_dir), "graphml", tmp_path / "graph.graphml")
    loaded = nx.read_graphml(out, force_multigraph=True)
    view = to_networkx(_read(store_dir))
    assert loaded.number_of_nodes() == view.number_of_nodes()
    assert loaded.number_of_edges() == view.number_of_edges()
    node = next(n for n, d in view.nodes(data=True) if d["label"] == "雾溪市行政执法监督办法")
    assert loaded.nodes[node]["kind"] == "Document"
    assert loaded.nodes[node]["texts"] == "bailu-2022 | songtao-2023 | wuxi-notice-2021"


def test_export_without_a_store_is_a_one_line_error(tmp_path, capsys):
    code = main(["export", "--format", "nq", "--store", str(tmp_path / "none"),
                 str(tmp_path / "x.nq")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "no store here" in err


def _dataset(store_dir) -> rdflib.Dataset:
    data = rdflib.Dataset()
    data.parse(data=_read(store_dir).nquads().decode("utf-8"), format="nquads")
    return data
