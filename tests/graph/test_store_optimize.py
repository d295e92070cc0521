"""`policykg optimize` and OxigraphStore.optimize: fewer index files, the same statements."""

from __future__ import annotations

import pytest
from policykg.graph.query import named_query, run_local
from policykg.graph.store import OxigraphStore, index_files
from policykg.graph.summary import refresh_summary
from policykg.ontology.errors import StoreError

from policykg.cli import main


@pytest.fixture()
def built(query_extractions, new_store) -> OxigraphStore:
    """The three texts, each its own bulk load (as write_extraction commits), and the
    summary: the overlapping index files a build leaves."""
    store = new_store(query_extractions)
    refresh_summary(store)
    store.flush()
    return store


def test_store_optimize_keeps_every_statement_in_fewer_index_files(built):
    before, files = built.nquads(), index_files(built.path)[0]
    built.optimize()
    assert built.nquads() == before
    assert index_files(built.path)[0] < files


def test_store_optimize_refuses_a_read_only_store(built):
    built.store.flush()
    reader = OxigraphStore(built.path, read_only=True)
    with pytest.raises(StoreError, match=f"{built.path}: opened read-only"):
        reader.optimize()


def test_store_opens_in_a_folder_not_made_yet(tmp_path, query_extractions):
    from policykg.graph.build import write_extraction

    store = OxigraphStore(tmp_path / "new" / "deeper" / "store")
    write_extraction(store, query_extractions[0])
    assert store.text_iris()


def test_cli_optimize_reports_the_files_and_queries_answer_the_same(built, capsys):
    path = str(built.path)
    query = named_query("most-cited-documents").text
    rows = run_local(built.store, query).rows
    del built.store  # the command opens the store itself: one writer at a time
    assert main(["optimize", "--store", path]) == 0
    err = capsys.readouterr().err
    assert err.startswith(f"optimized {path} in ") and " after" in err
    assert run_local(OxigraphStore(path, read_only=True).store, query).rows == rows
    assert rows


def test_cli_optimize_names_a_missing_store(tmp_path, capsys):
    missing = tmp_path / "nothing"
    assert main(["optimize", "--store", str(missing)]) != 0
    assert f"{missing}: no store here" in capsys.readouterr().err
