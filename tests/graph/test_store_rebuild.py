"""The store: the same input gives the same quads; one text changes or goes, the rest stay."""

from __future__ import annotations

import copy

from policykg.graph.build import graph_of, remove_text, write_extraction
from policykg.graph.view import to_networkx
from policykg.ontology.errors import StoreError
from policykg.ontology.namespaces import text_iri


def _graph_lines(store, text_id: str) -> list[bytes]:
    iri = f"<{text_iri(text_id)}>".encode()
    return [line for line in store.nquads().splitlines() if line.endswith(iri + b" .")]


def test_store_rebuild_gives_identical_nquads(query_extractions, new_store):
    first = new_store(query_extractions).nquads()
    again = new_store(list(reversed(query_extractions))).nquads()  # order does not matter
    assert first == again
    store = new_store(query_extractions)
    for extraction in query_extractions:  # rewriting over itself changes nothing
        write_extraction(store, extraction)
    assert store.nquads() == first


def test_store_changed_text_replaces_only_its_own_graph(query_extractions, new_store):
    store = new_store(query_extractions)
    bailu, songtao, wuxi = query_extractions
    before = {e.text_id: _graph_lines(store, e.text_id) for e in query_extractions}
    changed = copy.deepcopy(songtao)
    changed.sha256 = "f" * 64
    changed.measures = changed.measures[:1]  # the 首违不罚 measure is gone from the new version
    write_extraction(store, changed)
    assert _graph_lines(store, bailu.text_id) == before[bailu.text_id]
    assert _graph_lines(store, wuxi.text_id) == before[wuxi.text_id]
    assert _graph_lines(store, songtao.text_id) != before[songtao.text_id]
    labels = {d["label"] for _, d in to_networkx(store).nodes(data=True)}
    assert "首违不罚清单" not in labels
    assert store.has_text(text_iri(songtao.text_id), "f" * 64)
    assert not store.has_text(text_iri(songtao.text_id), songtao.sha256)


def test_store_remove_takes_out_one_text_only(query_extractions, new_store):
    bailu, songtao, wuxi = query_extractions
    store = new_store(query_extractions)
    assert remove_text(store, songtao.text_id)
    assert store.nquads() == new_store([bailu, wuxi]).nquads()
    assert not remove_text(store, songtao.text_id)  # not there any more


def test_store_has_text_only_for_the_same_bytes(query_extractions, new_store):
    store = new_store(query_extractions[:1])
    e = query_extractions[0]
    assert store.has_text(text_iri(e.text_id), e.sha256)
    assert not store.has_text(text_iri(e.text_id), "0" * 64)
    assert not store.has_text(text_iri("other"), e.sha256)


def test_store_locked_by_another_process_is_a_one_line_error(tmp_path):
    import subprocess
    import sys

    import pytest
    from policykg.graph.store import OxigraphStore

    path = tmp_path / "store"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('open', flush=True); "
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(StoreError) as err:
            OxigraphStore(path)
        assert "\n" not in str(err.value) and str(path) in str(err.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=10)


def test_store_graph_of_is_sorted_and_stable(query_extractions):
    quads = graph_of(query_extractions[0]).quads
    keys = [(q.subject.value, q.predicate.value, q.object.value) for q in quads]
    assert keys == sorted(keys)
    assert [str(q) for q in graph_of(query_extractions[0]).quads] == [str(q) for q in quads]
