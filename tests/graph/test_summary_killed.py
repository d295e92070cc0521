"""A refresh of the summary killed (SIGKILL) while it bulk-loads leaves no half summary:
the store opens for writing without it, refuses readers until then, and the next
build's refresh puts it back whole."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from policykg.graph.query import named_queries, run_local
from policykg.graph.store import OxigraphStore
from policykg.graph.summary import SUMMARISED, defined_rows, refresh_summary
from policykg.ontology.errors import StoreError
from policykg.ontology.namespaces import SUMMARY_GRAPH

from policykg.cli import main

# The child refreshes the summary in parts of 5 statements and says "part" after the first
# part is loaded, then waits there to be killed (the old summary is out, the new one half in).
_CHILD = r"""
import sys, time
import policykg.graph.store as store_module
from policykg.graph.store import OxigraphStore
from policykg.graph.summary import refresh_summary

store_module.PART = 5
store = OxigraphStore(sys.argv[1])

class Slow:
    def __init__(self, store):
        self.store = store
    def __getattr__(self, name):
        return getattr(self.store, name)
    def bulk_load(self, *args, **kwargs):
        self.store.bulk_load(*args, **kwargs)
        print("part", flush=True)
        time.sleep(60)

store.store = Slow(store.store)
refresh_summary(store, force=True)
print("done", flush=True)
"""


def _summary_rows(store: OxigraphStore) -> dict[str, list[tuple]]:
    return {name: run_local(store.store, named_queries()[name].text).rows
            for name in SUMMARISED}


def _kill_refresh(killed, path) -> None:
    """Run the child on the store at ``path`` and kill it once its first part is in."""
    with killed(_CHILD, str(path)) as child:
        assert child.stdout.readline().strip() == "part"


def test_summary_killed_refresh_is_rebuilt_by_the_next_build(query_extractions, new_store,
                                                              killed, tmp_path, capsys):
    store = new_store(query_extractions)
    refresh_summary(store)
    before = _summary_rows(store)
    assert all(before.values()), "an empty summary proves nothing"
    store.flush()
    path = store.path
    del store
    _kill_refresh(killed, path)

    with pytest.raises(StoreError, match="writing the graph https://w3id.org/policykg/id/summary "
                       r"\(run `policykg build` again"):
        OxigraphStore(path, read_only=True)  # a reader never sees half a summary
    # The next build (of no new file here) takes the half summary out, says nothing of
    # texts taken out (there were none), and writes the summary again, whole.
    empty = tmp_path / "nothing-new"
    empty.mkdir()
    capsys.readouterr()
    assert main(["build", str(empty), "--store", str(path)]) == 0
    assert "took out" not in capsys.readouterr().err
    store = OxigraphStore(path, read_only=True)
    assert len(store.text_iris()) == len(query_extractions)  # the texts are untouched
    assert _summary_rows(store) == before
    for name in SUMMARISED:
        assert before[name] == defined_rows(store, name).rows, name


def test_summary_killed_refresh_leaves_the_store_without_it(query_extractions, new_store,
                                                             killed):
    store = new_store(query_extractions)
    refresh_summary(store)
    store.flush()
    path = store.path
    del store
    _kill_refresh(killed, path)
    store = OxigraphStore(path)  # opens for writing, the half summary taken out whole
    assert store.recovered == [SUMMARY_GRAPH]
    assert ox.NamedNode(SUMMARY_GRAPH) not in set(store.store.named_graphs())
    assert len(store.text_iris()) == len(query_extractions)
