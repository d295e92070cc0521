"""The summary graph: the rows of the whole-graph queries, computed when the graph changes.

Five named queries (:data:`SUMMARISED`) count over every text's graph; at 10,000 texts
that takes seconds a call. So their rows are computed once per change, at the end of every
build and remove, by the aggregation queries that define them
(``queries/summary_<name>.rq``), and written through the writer (the embedded store or a
Graph Store Protocol server alike) into a named graph of their own,
:data:`~policykg.ontology.namespaces.SUMMARY_GRAPH`. The named queries read that graph.
At 10,000 texts that graph is a million statements: each definition's solutions become
N-Triples lines, which the store bulk-loads part by part (``OxigraphStore.replace_graph``),
so the graph's terms are never all held in Python (they took 1.5 GB as tables and terms,
the write 1 GB more); one query's rows at a time are, to be put in order.

A definition has no ORDER BY but an ``# order:`` line naming its columns, ``-`` before one
sorted descending, an unbound cell after every value: :func:`defined_rows` sorts in
Python, because Oxigraph's ORDER BY compares the strings themselves (at 10,000 texts, 22 of
the refresh's 62 s).

A row is ``pkgr:summary/{query}/{rank}``, a ``pkg:SummaryRow`` with ``pkg:summaryOf`` (the
query's name), ``column:{query}.rank`` (its place in the defining query's order, from 1)
and a ``column:{query}.{name}`` per cell that has a value: predicates of one query's rows
only, so that reading them scans nothing else. The graph also keeps, as ``pkg:sources``, a
digest of the texts (IRI and sha-256) it was computed from: a refresh that finds the same
texts does nothing, and a build killed before its refresh is caught up by the next one.

The summary uses no predicate or class of the texts' graphs, so the queries that read
every named graph as a text's (graph/view.py, the Neo4j writer) never match it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import pyoxigraph as ox
from policykg.graph.endpoint import EndpointWriter
from policykg.graph.query import Table, parse_header, query_file, run_local, to_term
from policykg.graph.store import OxigraphStore
from policykg.ontology.namespaces import COLUMN, PKG, RDF, SUMMARY_GRAPH

__all__ = ["SUMMARISED", "defined_rows", "definition", "refresh_summary", "state_query"]

#: The named queries that read the summary graph, each defined by queries/summary_<name>.rq.
SUMMARISED = (
    "agencies-by-texts",
    "documents-by-type-and-year",
    "documents-implemented",
    "measures",
    "most-cited-documents",
)

_GRAPH = ox.NamedNode(SUMMARY_GRAPH)
_TYPE, _ROW = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(PKG.SummaryRow))
_OF = ox.NamedNode(str(PKG.summaryOf))
_SOURCES = ox.NamedNode(str(PKG.sources))


def refresh_summary(target: OxigraphStore | EndpointWriter, force: bool = False) -> int:
    """Recompute the summary graph from the texts' graphs and write it whole; returns how
    many statements were written, 0 when the texts are those it was computed from (and
    not ``force``: a rebuild of unchanged files by a new extractor)."""
    sources = _sources(target)
    if not force and _table(target, query_file("summary_state.rq")).rows == [(sources,)]:
        return 0
    return target.replace_graph(SUMMARY_GRAPH, _lines(target, sources))


def state_query() -> str:
    """The query giving the summary's digest row: no row, no summary graph yet."""
    return query_file("summary_state.rq")


def definition(name: str) -> str:
    """The aggregation over the texts' graphs whose rows the summary keeps for ``name``."""
    return query_file(f"summary_{name}.rq")


def defined_rows(target: OxigraphStore | EndpointWriter, name: str) -> Table:
    """The rows the summary keeps for ``name``: its definition's, in its ``# order:``."""
    query = definition(name)
    table = _table(target, query)
    columns, rows = table.columns, table.rows
    # Stable sorts, the last key first; unbound cells go after the values either way.
    for spec in reversed(parse_header(query, f"summary_{name}.rq").order):
        at = columns.index(spec.lstrip("-"))
        rows = (sorted((r for r in rows if r[at] is not None), key=lambda r: r[at],
                       reverse=spec.startswith("-"))
                + [r for r in rows if r[at] is None])
    return Table(columns=columns, rows=rows)


def _lines(target: OxigraphStore | EndpointWriter, sources: str) -> Iterator[str]:
    """The summary graph as N-Triples lines, one query's rows after another (a row's rank
    is its place in the definition's order)."""
    yield f"{_GRAPH} {_SOURCES} {ox.Literal(sources)} .\n"
    for name in SUMMARISED:
        table = defined_rows(target, name)
        columns, rows = table.columns, table.rows
        rank_of = ox.NamedNode(str(COLUMN[f"{name}.rank"]))
        cells = [ox.NamedNode(str(COLUMN[f"{name}.{column}"])) for column in columns]
        typed, of = f" {_TYPE} {_ROW} .\n", f" {_OF} {ox.Literal(name)} .\n"
        for rank, row in enumerate(rows, 1):
            node = f"<{SUMMARY_GRAPH}/{name}/{rank}>"
            yield f"{node}{typed}"
            yield f"{node}{of}"
            yield f"{node} {rank_of} {to_term(rank)} .\n"
            # A cell goes back as the literal it reads as (numbers typed, the rest strings).
            for predicate, value in zip(cells, row, strict=True):
                if value is not None:
                    yield f"{node} {predicate} {to_term(value)} .\n"


def _sources(target: OxigraphStore | EndpointWriter) -> str:
    """A digest of the texts in the graph: each one's IRI, source sha-256 and graph version
    (texts rebuilt for a new version change what the summary counts)."""
    lines = sorted(f"{text} {sha} {version}\n" for text, sha, version in
                   _table(target, query_file("summary_sources.rq")).rows)
    return hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def _table(target: OxigraphStore | EndpointWriter, query: str) -> Table:
    if isinstance(target, EndpointWriter):
        return target.endpoint.query(query)
    return run_local(target.store, query)


