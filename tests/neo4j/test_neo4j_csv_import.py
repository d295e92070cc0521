"""The neo4j-admin CSV export: its headers, and a real `database import full` of it."""

from __future__ import annotations

import csv
import subprocess

import pytest
from neo4j_fixtures import snapshot
from neo4j_server import SCRIPT, Neo4jServer
from policykg.graph.neo4j_csv import header_type, write_neo4j_csv
from policykg.graph.neo4j_writer import Neo4jTarget, push_store
from policykg.graph.view import edge_rows, node_rows

from policykg.cli import main

# The property types of the import tool's header (neo4j-admin database import docs).
TYPES = {"int", "long", "float", "double", "boolean", "byte", "short", "char", "string",
         "point", "date", "localtime", "time", "localdatetime", "datetime", "duration"}


@pytest.mark.parametrize(("values", "expected"), [
    ([2023, None, 2021], "long"),
    ([126.0, 12], "double"),
    (["鹤政发〔2023〕5号", None], "string"),
    ([["heming-2023"], ["fengqiao-2023", "heming-2023"]], "string[]"),
    ([[3, 17], [40]], "long[]"),
    ([True, False], "boolean"),
])
def test_neo4j_csv_header_types(values, expected):
    assert header_type(values) == expected


def test_neo4j_csv_headers_follow_the_import_form(two_texts_store, tmp_path):
    files = write_neo4j_csv(two_texts_store, tmp_path / "csv")
    rows_by_file = {}
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            header, *rows = list(csv.reader(handle))
        rows_by_file[path.name] = rows
        fixed = ["iri:ID", ":LABEL"] if path.name.startswith("nodes_") else \
            [":START_ID", ":END_ID", ":TYPE"]
        assert header[: len(fixed)] == fixed, path.name
        for column in header[len(fixed):]:
            name, _, kind = column.partition(":")
            assert name and kind.removesuffix("[]") in TYPES, (path.name, column)
    nodes = list(node_rows(two_texts_store))
    for kind in {n.kind for n in nodes}:
        assert len(rows_by_file[f"nodes_{kind}.csv"]) == sum(n.kind == kind for n in nodes)
    edges = list(edge_rows(two_texts_store))
    for relation in {e.relation for e in edges}:
        want = sum(e.relation == relation for e in edges)
        assert len(rows_by_file[f"relationships_{relation}.csv"]) == want
    # the relationships went through scratch files, text by text: none is left behind
    assert sorted((tmp_path / "csv").iterdir()) == sorted(files)


@pytest.mark.parametrize(("rows", "expected"), [
    # a provenance column: lists of spans in one relationship, none in another
    ([[3, 17], None, [40]], "long[]"),
    # a column that is a list in one row and a scalar in another can only be text
    ([["鹤政发〔2023〕5号"], "鹤政发〔2023〕5号"], "string"),
    ([[], []], "string[]"),
    ([1, True], "string"),  # a flag and a number are not one type
])
def test_neo4j_csv_header_types_of_mixed_rows(rows, expected):
    assert header_type(rows) == expected


def test_neo4j_csv_export_command(two_texts_store_path, tmp_path):
    out = tmp_path / "out"
    code = main(["export", "--format", "neo4j-csv", "--store", str(two_texts_store_path),
                 str(out)])
    assert code == 0
    assert (out / "nodes_Document.csv").exists() and (out / "relationships_CITES.csv").exists()


@pytest.mark.neo4j
@pytest.mark.slow
def test_neo4j_csv_import_gives_the_pushed_graph(two_texts_store, neo4j_target, tmp_path):
    """neo4j-admin's import of the files = the Bolt push of the same store."""
    write_neo4j_csv(two_texts_store, tmp_path / "csv")
    home = tmp_path / "imported"
    done = subprocess.run([str(SCRIPT), "import", str(home), str(tmp_path / "csv")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]

    push_store(neo4j_target, two_texts_store)
    pushed_nodes, pushed_rels = snapshot(neo4j_target)
    for _, props in pushed_nodes:
        props.pop("pushed_sha256", None)  # the push's own bookkeeping

    server = Neo4jServer(home=home)
    server.start()
    try:
        imported = snapshot(Neo4jTarget(server.uri, server.user, server.password))
    finally:
        server.stop()
    assert imported == (pushed_nodes, pushed_rels)
