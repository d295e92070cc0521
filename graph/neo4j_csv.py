"""The graph as CSV files for `neo4j-admin database import full`: the bulk path to Neo4j.

One file per node label (``nodes_<Label>.csv``) and per relationship type
(``relationships_<TYPE>.csv``), with the same properties the Bolt push writes
(graph/neo4j_writer.py) and the header form of the import tool: ``iri:ID`` (one ID space:
IRIs are unique), ``:LABEL``, ``:START_ID``, ``:END_ID``, ``:TYPE``, and typed properties
(``year:long``, ``value:double``, ``texts:string[]``, ``mention_starts:long[]``). Arrays
are joined by ``;`` (the tool's default ``--array-delimiter``); a ``;`` inside an item
becomes the full-width ``；`` so it cannot split it. Fields are quoted as CSV does;
sentences may hold line breaks, hence ``--multiline-fields=true`` in :data:`IMPORT_HINT`.
"""

from __future__ import annotations

import csv
import json
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping
from contextlib import ExitStack
from pathlib import Path
from typing import IO, Any

from policykg.graph.neo4j_writer import edge_properties, node_properties, text_provenance
from policykg.graph.store import OxigraphStore
from policykg.graph.view import node_rows, text_edge_rows, text_graphs

__all__ = ["ARRAY_DELIMITER", "IMPORT_HINT", "header_type", "write_neo4j_csv"]

ARRAY_DELIMITER = ";"
IMPORT_HINT = (
    "neo4j-admin database import full --multiline-fields=true "
    "--nodes=DIR/nodes_<Label>.csv … --relationships=DIR/relationships_<TYPE>.csv … DATABASE"
)


class _Kind:
    """The import tool's type of one property, gathered from its values one at a time."""

    __slots__ = ("scalars", "shape")

    def __init__(self) -> None:
        self.shape: str | None = None  # "list", "scalar", or "mixed" (both: a string)
        self.scalars: set[type] = set()  # the types of the values or of the lists' items

    def add(self, value: Any) -> None:
        if value is None:
            return
        shape = "list" if isinstance(value, list) else "scalar"
        self.shape = shape if self.shape in (None, shape) else "mixed"
        for item in value if shape == "list" else (value,):
            if item is not None:
                self.scalars.add(type(item) if type(item) in (bool, int, float) else str)

    @property
    def name(self) -> str:
        if self.shape == "mixed":
            return "string"
        found = self.scalars
        base = ("boolean" if found == {bool} else "long" if found == {int}
                else "double" if found and found <= {int, float} else "string")
        return base + "[]" if self.shape == "list" else base


def header_type(values: Iterable[Any]) -> str:
    """The import tool's type of a property from all its values in one file."""
    kind = _Kind()
    for value in values:
        kind.add(value)
    return kind.name


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(
            _cell(v).replace(ARRAY_DELIMITER, "；") if isinstance(v, str) else _cell(v)
            for v in value
        )
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_Row = tuple[list[str], dict[str, Any]]


def _write(path: Path, fixed: list[str], rows: Iterable[_Row],
           kinds: Mapping[str, _Kind]) -> None:
    """``fixed`` columns (already typed headers) then every property, typed by ``kinds``
    (all the rows' values of each)."""
    names = sorted(kinds)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(fixed + [f"{k}:{kinds[k].name}" for k in names])
        for cells, props in rows:
            out.writerow(cells + [_cell(props.get(k)) for k in names])


def _kinds(rows: Iterable[_Row]) -> dict[str, _Kind]:
    kinds: dict[str, _Kind] = defaultdict(_Kind)
    for _, props in rows:
        for key, value in props.items():
            kinds[key].add(value)
    return kinds


def write_neo4j_csv(store: OxigraphStore, out: str | Path) -> list[Path]:
    """Write the files into the folder ``out`` (created); returns them, nodes first.

    The nodes are read whole (their texts and properties merge across texts). The
    relationships are read text by text and go to a scratch file per type, unnamed, in
    ``out``, as they come: a file's header needs the types of all its rows first, and the
    relationships with their provenance are most of the graph."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, list[_Row]] = defaultdict(list)
    for node in node_rows(store):
        props = node_properties(node)
        iri = props.pop("iri")
        nodes[node.kind].append(([iri, node.kind], props))
    written = []
    for label, rows in sorted(nodes.items()):
        path = folder / f"nodes_{label}.csv"
        _write(path, ["iri:ID", ":LABEL"], rows, _kinds(rows))
        written.append(path)
    del nodes
    spills: dict[str, tuple[IO[str], dict[str, _Kind]]] = {}
    with ExitStack() as scratch:
        for graph, text in text_graphs(store):
            provenance = text_provenance(store, graph, text)
            for edge in text_edge_rows(store, graph, text):
                if edge.relation not in spills:
                    spills[edge.relation] = (scratch.enter_context(tempfile.TemporaryFile(
                        "w+", encoding="utf-8", dir=folder)), defaultdict(_Kind))
                handle, kinds = spills[edge.relation]
                props = {**edge_properties(edge), **provenance.of(edge)}
                for key, value in props.items():
                    kinds[key].add(value)
                json.dump([[edge.source, edge.target, edge.relation], props], handle,
                          ensure_ascii=False)
                handle.write("\n")
        for relation, (handle, kinds) in sorted(spills.items()):
            handle.seek(0)
            path = folder / f"relationships_{relation}.csv"
            _write(path, [":START_ID", ":END_ID", ":TYPE"],
                   (json.loads(line) for line in handle), kinds)
            written.append(path)
    return written
