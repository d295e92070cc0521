"""`policykg query`: the named list, the three formats, free queries, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from policykg.graph.query import named_queries

from policykg.cli import main

JIANDU = "雾溪市行政执法监督办法"


@pytest.fixture()
def store_dir(query_store) -> str:
    return str(query_store.path)


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["query", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_query_cli_list_names_every_query_with_its_description(capsys):
    code, out, _ = _run(capsys, "--list")
    assert code == 0
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == sorted(named_queries())
    for line, query in zip(lines, named_queries().values(), strict=True):
        assert query.description in line
        for param in query.params:
            assert f"--param {param}=" in line


def test_query_cli_formats_carry_the_same_rows(capsys, store_dir):
    args = ["--name", "texts-citing", "--param", f"title={JIANDU}", "--store", store_dir]
    _, as_csv, _ = _run(capsys, *args, "--format", "csv")
    _, as_json, _ = _run(capsys, *args, "--format", "json")
    code, as_table, _ = _run(capsys, *args)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(as_csv)))
    records = json.loads(as_json)
    assert [r["text"] for r in rows] == ["bailu-2022", "songtao-2023", "wuxi-notice-2021"]
    assert [r["text"] for r in records] == [r["text"] for r in rows]
    assert [r["start"] for r in records] == [int(r["start"]) for r in rows]  # numbers stay numbers
    assert [r["sentence"] for r in records] == [r["sentence"] for r in rows]
    table = as_table.splitlines()
    assert table[0].split() == ["text", "start", "sentence"]
    assert table[-1] == "(3 rows)"
    # Columns line up on a terminal even with Chinese (two columns a character).
    assert len({line.index("bailu") for line in table if "bailu" in line}) == 1
    # Long sentences are cut for the terminal, whole in csv and json.
    cells = [line.split(None, 2)[2] for line in table[2:-1]]
    for cell, row in zip(cells, rows, strict=True):
        assert row["sentence"].startswith(cell.rstrip("…"))
    assert any(cell.endswith("…") for cell in cells)


def test_query_cli_free_query_and_file_take_params(capsys, store_dir, tmp_path):
    query = ('PREFIX dct: <http://purl.org/dc/terms/> '
             "SELECT ?title WHERE { ?t dct:identifier ?id ; dct:title ?title }")
    code, out, _ = _run(capsys, query, "--param", "id=wuxi-notice-2021", "--store", store_dir,
                        "--format", "csv")
    assert (code, out) == (0, f"title\n雾溪市人民政府关于印发《{JIANDU}》的通知\n")
    path = tmp_path / "q.rq"
    path.write_text(query, encoding="utf-8")
    code, out, _ = _run(capsys, "--file", str(path), "--param", "id=no-such-text",
                        "--store", store_dir, "--format", "json")
    assert (code, json.loads(out)) == (0, [])


def test_query_cli_unbound_cells_are_empty(capsys, store_dir):
    code, out, _ = _run(capsys, "--name", "most-cited-documents", "--store", store_dir,
                        "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert records[1]["number"] is None
    assert records[1]["texts"] == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--name", "no-such-query"], "no named query 'no-such-query'"),
        (["--name", "texts-citing"], "needs --param title=VALUE"),
        (["--name", "texts-citing", "--param", "title=x", "--param", "titel=y"],
         "has no parameter 'titel'"),
        (["--name", "texts-citing", "--param", "title"], "expected name=value"),
        (["--name", "texts-citing", "--param", "title=a", "--param", "title=b"], "given twice"),
        (["SELECT ?x WHERE { ?x"], "malformed SPARQL"),
        (["CONSTRUCT WHERE { ?s ?p ?o }"], "only SELECT and ASK"),
        (["--file", "/nonexistent/q.rq"], "cannot read the query"),
    ],
)
def test_query_cli_errors_are_one_line(capsys, store_dir, argv, message):
    code, out, err = _run(capsys, *argv, "--store", store_dir)
    assert code == 1
    assert out == ""
    assert err.startswith("policykg: ") and message in err
    assert err.count("\n") == 1


def test_query_cli_missing_store_is_one_line(capsys, tmp_path):
    code, _, err = _run(capsys, "--name", "measures", "--store", str(tmp_path / "none"))
    assert code == 1
    assert "no store here" in err and err.count("\n") == 1


@pytest.mark.slow
def test_query_cli_store_without_summary_says_to_build_not_empty_rows(samples_dir, tmp_path,
                                                                      capsys):
    # A store built before the summary graph existed: its summarised queries would answer
    # with no rows, which is wrong, so the CLI says what to do; a build with no file
    # changed then computes the summary.
    import pyoxigraph as ox
    from policykg.graph.store import OxigraphStore
    from policykg.ontology.namespaces import SUMMARY_GRAPH

    store = str(tmp_path / "store")
    assert main(["build", str(samples_dir), "--store", store]) == 0
    opened = OxigraphStore(store)
    opened.store.remove_graph(ox.NamedNode(SUMMARY_GRAPH))
    opened.flush()
    del opened
    capsys.readouterr()
    code, out, err = _run(capsys, "--name", "most-cited-documents", "--store", store)
    assert code == 1 and not out
    assert "run `policykg build` once" in err
    assert main(["build", str(samples_dir), "--store", store]) == 0
    code, out, _ = _run(capsys, "--name", "most-cited-documents", "--store", store,
                        "--format", "csv")
    assert code == 0 and len(out.splitlines()) > 2


@pytest.mark.parametrize("name", ["measures", "most-cited-documents", "agencies-by-texts"])
def test_query_cli_pages_are_slices_of_the_whole(capsys, store_dir, name):
    # Summarised queries read only a page's rows (graph/query.py, ``# page: rank``); the
    # page must be exactly that slice of the whole answer, also past its end.
    assert named_queries()[name].page_by == "rank"
    _, whole, _ = _run(capsys, "--name", name, "--store", store_dir, "--format", "json")
    rows = json.loads(whole)
    assert len(rows) >= 3
    for limit, offset in ((1, 0), (2, 1), (len(rows), 0), (5, len(rows) - 1), (3, len(rows))):
        code, page, _ = _run(capsys, "--name", name, "--store", store_dir, "--format", "json",
                             "--limit", str(limit), "--offset", str(offset))
        assert code == 0
        assert json.loads(page) == rows[offset:offset + limit], (limit, offset)


def test_query_cli_limit_cuts_a_query_that_numbers_no_rows(capsys, store_dir):
    args = ["--name", "texts-citing", "--param", f"title={JIANDU}", "--store", store_dir]
    _, whole, _ = _run(capsys, *args, "--format", "csv")
    code, page, _ = _run(capsys, *args, "--format", "csv", "--offset", "1", "--limit", "1")
    assert code == 0
    lines = whole.splitlines()
    assert page.splitlines() == [lines[0], lines[2]]  # the header, then the second row


def test_query_cli_limit_must_be_a_count(capsys, store_dir):
    with pytest.raises(SystemExit):
        main(["query", "--name", "measures", "--store", store_dir, "--limit", "-1"])
    assert "whole number" in capsys.readouterr().err
