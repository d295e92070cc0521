"""The summary graph: the whole-graph queries answer from it exactly what their defining
aggregations count over the texts' graphs, it follows builds and removes, and nothing that
reads the texts' graphs sees it."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
import rdflib
from policykg.graph.build import write_extraction
from policykg.graph.export import export
from policykg.graph.query import named_queries, run_local
from policykg.graph.store import OxigraphStore, open_store
from policykg.graph.summary import SUMMARISED, defined_rows, refresh_summary
from policykg.graph.view import edge_rows, node_rows
from policykg.ontology.namespaces import PKG, SUMMARY_GRAPH, text_iri

from policykg.cli import main

JIANDU = "雾溪市行政执法监督办法"


def _named(store: OxigraphStore, name: str) -> list[tuple]:
    return run_local(store.store, named_queries()[name].text).rows


def _counted(store: OxigraphStore, name: str) -> list[tuple]:
    """What the query's definition counts over the texts' graphs right now."""
    return defined_rows(store, name).rows


def _assert_summary_is_current(store: OxigraphStore) -> None:
    for name in SUMMARISED:
        assert _named(store, name) == _counted(store, name), name


def test_summary_queries_give_the_rows_their_definitions_count(query_store):
    _assert_summary_is_current(query_store)
    for name in SUMMARISED:
        assert _named(query_store, name), f"{name}: an empty result proves nothing"


def test_summary_refresh_skips_when_no_text_changed(query_extractions, new_store):
    store = new_store(query_extractions[:2])
    assert _named(store, "most-cited-documents") == []  # never refreshed: nothing yet
    assert refresh_summary(store) > 0
    assert refresh_summary(store) == 0  # the same texts: nothing recomputed or written
    assert (JIANDU, "雾政发〔2021〕7号", 2) in _named(store, "most-cited-documents")
    write_extraction(store, query_extractions[2])
    assert (JIANDU, "雾政发〔2021〕7号", 2) in _named(store, "most-cited-documents")  # stale
    assert refresh_summary(store) > 0
    assert (JIANDU, "雾政发〔2021〕7号", 3) in _named(store, "most-cited-documents")
    assert refresh_summary(store, force=True) > 0
    _assert_summary_is_current(store)


def test_summary_remove_drops_the_counts(query_extractions, new_store):
    store = new_store(query_extractions)
    refresh_summary(store)
    assert ("雾溪市人民政府", 2, 2) in _named(store, "agencies-by-texts")
    path = store.path
    del store  # the command opens the store itself
    assert main(["remove", "wuxi-notice-2021.txt", "--store", str(path)]) == 0
    store = OxigraphStore(path, read_only=True)
    assert ("雾溪市人民政府", 1, 1) in _named(store, "agencies-by-texts")
    assert (JIANDU, "雾政发〔2021〕7号", 2) in _named(store, "most-cited-documents")
    assert "双随机、一公开监管制度" not in {row[0] for row in _named(store, "measures")}
    _assert_summary_is_current(store)


def test_summary_graph_is_no_text(query_extractions, new_store, tmp_path):
    store = new_store(query_extractions)
    nodes, edges = list(node_rows(store)), list(edge_rows(store))
    before = tmp_path / "before.nq"
    export(store, "nq", before)
    assert refresh_summary(store) > 0
    assert ox.NamedNode(SUMMARY_GRAPH) in set(store.store.named_graphs())
    assert store.text_iris() == sorted(text_iri(e.text_id) for e in query_extractions)
    # The networkx / Neo4j rows and every export are what they were before the summary.
    assert list(node_rows(store)) == nodes
    assert list(edge_rows(store)) == edges
    assert not any(n.id.startswith(SUMMARY_GRAPH) for n in nodes)
    after = tmp_path / "after.nq"
    export(store, "nq", after)
    assert after.read_bytes() == before.read_bytes()
    assert SUMMARY_GRAPH.encode() not in after.read_bytes()


def test_summary_graph_passes_the_shapes(query_extractions, new_store, shapes):
    from pyshacl import validate

    store = new_store(query_extractions)
    refresh_summary(store)
    data = rdflib.Dataset()
    data.parse(data=store.nquads().decode("utf-8"), format="nquads")
    summary = data.graph(rdflib.URIRef(SUMMARY_GRAPH))
    assert len(summary) > 0
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, report
    # A row that does not say which query it belongs to is caught.
    summary.remove((None, rdflib.URIRef(str(PKG.summaryOf)), None))
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    assert not conforms
    assert "summaryOf" in report


@pytest.mark.slow
def test_summary_follows_build_and_remove_of_the_samples(samples_dir, tmp_path, capsys):
    path = tmp_path / "store"
    assert main(["build", str(samples_dir), "--store", str(path)]) == 0
    store = OxigraphStore(path, read_only=True)
    _assert_summary_is_current(store)
    for name in ("most-cited-documents", "agencies-by-texts", "documents-by-type-and-year"):
        assert _named(store, name), f"{name}: an empty result proves nothing"
    cited = {row[0]: row[2] for row in _named(store, "most-cited-documents")}
    del store
    assert main(["remove", "yunling-plan-2022.txt", "--store", str(path)]) == 0
    store = OxigraphStore(path, read_only=True)
    _assert_summary_is_current(store)
    after = {row[0]: row[2] for row in _named(store, "most-cited-documents")}
    dropped = {title for title, texts in cited.items() if after.get(title, 0) == texts - 1}
    assert dropped, "the removed text cited nothing the others did not"
    assert all(after.get(title, 0) in (texts, texts - 1) for title, texts in cited.items())
    del store
    capsys.readouterr()
    assert main(["build", str(samples_dir), "--store", str(path)]) == 0  # put back
    _assert_summary_is_current(open_store(path, read_only=True))
    assert {row[0]: row[2] for row in _named(open_store(path, read_only=True),
                                             "most-cited-documents")} == cited


def test_summary_written_in_parts_gives_the_rows_their_definitions_count(
        query_extractions, new_store, monkeypatch):
    # A large corpus's summary is bulk-loaded a part at a time while its queries are read:
    # parts of 7 statements make these three texts' summary take that path.
    monkeypatch.setattr("policykg.graph.store.PART", 7)
    store = new_store(query_extractions[:2])
    assert refresh_summary(store) > 7
    _assert_summary_is_current(store)
    write_extraction(store, query_extractions[2])
    written = refresh_summary(store)  # replaces the summary already there, in parts
    assert written == sum(1 for _ in store.store.quads_for_pattern(
        None, None, None, ox.NamedNode(SUMMARY_GRAPH)))
    _assert_summary_is_current(store)
    assert (JIANDU, "雾政发〔2021〕7号", 3) in _named(store, "most-cited-documents")
    assert store.remove_text(text_iri(query_extractions[0].text_id))
    refresh_summary(store)
    _assert_summary_is_current(store)
    assert (JIANDU, "雾政发〔2021〕7号", 2) in _named(store, "most-cited-documents")
    assert not (store.path / "policykg-pending").exists()
