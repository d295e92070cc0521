"""The graph out of the store as files: N-Quads, Turtle, JSON-LD, GraphML.

- ``nq``: the whole dataset, one named graph per text, lines sorted (byte-identical for
  the same graph); the summary graph (graph/summary.py) is left out of every format, as
  it is no text's and ``policykg build`` computes it again;
- ``ttl``: the merged view (the union of the named graphs) as Turtle, with our prefixes;
- ``jsonld``: the dataset (named graphs kept) as JSON-LD with a context of our prefixes;
- ``graphml``: the networkx view (graph/view.py); list attributes (texts, sentences,
  printed) are joined with `` | `` and empty ones left out, as GraphML holds scalars only;
- ``neo4j-csv``: a folder of CSV files for ``neo4j-admin database import full``
  (graph/neo4j_csv.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import rdflib
from policykg.graph.neo4j_csv import write_neo4j_csv
from policykg.graph.store import OxigraphStore
from policykg.graph.view import to_networkx
from policykg.ontology.errors import StoreError
from policykg.ontology.namespaces import PREFIXES, SUMMARY_GRAPH

__all__ = ["FORMATS", "LIST_SEPARATOR", "export", "graphml_ready"]

LIST_SEPARATOR = " | "


def _texts_nquads(store: OxigraphStore) -> bytes:
    """The texts' graphs as sorted N-Quads: every line but the summary graph's (a line's
    graph is its last term, and the store holds nothing outside a named graph)."""
    summary = f" <{SUMMARY_GRAPH}> .".encode()
    return b"".join(line for line in store.nquads().splitlines(keepends=True)
                    if not line.rstrip().endswith(summary))


def _dataset(store: OxigraphStore) -> rdflib.Dataset:
    data = rdflib.Dataset()
    data.parse(data=_texts_nquads(store).decode("utf-8"), format="nquads")
    for prefix, iri in PREFIXES.items():
        data.bind(prefix, iri, replace=True)
    return data


def _nquads(store: OxigraphStore, out: Path) -> None:
    out.write_bytes(_texts_nquads(store))


def _turtle(store: OxigraphStore, out: Path) -> None:
    union = rdflib.Graph()
    for prefix, iri in PREFIXES.items():
        union.bind(prefix, iri, replace=True)
    for s, p, o, _ in _dataset(store).quads():
        union.add((s, p, o))
    union.serialize(destination=str(out), format="turtle", encoding="utf-8")


def _jsonld(store: OxigraphStore, out: Path) -> None:
    text = _dataset(store).serialize(format="json-ld", context=dict(PREFIXES), indent=1,
                                     ensure_ascii=False)
    out.write_text(text, encoding="utf-8")


def graphml_ready(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy GraphML can hold: lists joined, None dropped."""
    def flat(data: dict) -> dict:
        out = {}
        for name, value in data.items():
            if isinstance(value, list | tuple):
                value = LIST_SEPARATOR.join(str(v) for v in value)
            if value is not None and value != "":
                out[name] = value
        return out

    ready = nx.MultiDiGraph()
    ready.add_nodes_from((n, flat(d)) for n, d in graph.nodes(data=True))
    ready.add_edges_from((u, v, k, flat(d)) for u, v, k, d in graph.edges(keys=True, data=True))
    return ready


def _graphml(store: OxigraphStore, out: Path) -> None:
    nx.write_graphml(graphml_ready(to_networkx(store)), str(out), encoding="utf-8")


FORMATS: dict[str, Callable[[OxigraphStore, Path], None]] = {
    "nq": _nquads,
    "ttl": _turtle,
    "jsonld": _jsonld,
    "graphml": _graphml,
    "neo4j-csv": write_neo4j_csv,
}


def export(store: OxigraphStore, fmt: str, out: str | Path) -> Path:
    out = Path(out)
    try:
        FORMATS[fmt](store, out)
    except OSError as err:
        raise StoreError(f"{out}: cannot write the export ({err.strerror or err})") from err
    return out
