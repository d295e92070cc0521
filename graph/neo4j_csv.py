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
from collections import defaultdict
from pathlib import Path
from typing import Any

from policykg.graph.neo4j_writer import edge_properties, node_properties, store_provenance
from policykg.graph.store import OxigraphStore
from policykg.graph.view import edge_rows, node_rows

__all__ = ["ARRAY_DELIMITER", "IMPORT_HINT", "header_type", "write_neo4j_csv"]

ARRAY_DELIMITER = ";"
IMPORT_HINT = (
    "neo4j-admin database import full --multiline-fields=true "
    "--nodes=DIR/nodes_<Label>.csv … --relationships=DIR/relationships_<TYPE>.csv … DATABASE"
)


def header_type(values: list[Any]) -> str:
    """The import tool's type of a property from all its values in one file."""
    present = [v for v in values if v is not None]
    if present and all(isinstance(v, list) for v in present):
        items = [i for v in present for i in v]
        return header_type(items) + "[]" if items else "string[]"
    if present and all(isinstance(v, bool) for v in present):
        return "boolean"
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return "long"
    if present and all(isinstance(v, int | float) and not isinstance(v, bool) for v in present):
        return "double"
    return "string"


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


def _write(path: Path, fixed: list[str], rows: list[tuple[list[str], dict[str, Any]]]) -> None:
    """``fixed`` columns (already typed headers) then every property seen, typed."""
    names = sorted({k for _, props in rows for k in props})
    types = {k: header_type([props.get(k) for _, props in rows]) for k in names}
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(fixed + [f"{k}:{types[k]}" for k in names])
        for cells, props in rows:
            out.writerow(cells + [_cell(props.get(k)) for k in names])


def write_neo4j_csv(store: OxigraphStore, out: str | Path) -> list[Path]:
    """Write the files into the folder ``out`` (created); returns them, nodes first."""
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    nodes: dict[str, list] = defaultdict(list)
    for node in node_rows(store):
        props = node_properties(node)
        iri = props.pop("iri")
        nodes[node.kind].append(([iri, node.kind], props))
    provenance = store_provenance(store)
    relations: dict[str, list] = defaultdict(list)
    for edge in edge_rows(store):
        props = {**edge_properties(edge), **provenance.of(edge)}
        relations[edge.relation].append(([edge.source, edge.target, edge.relation], props))
    written = []
    for label, rows in sorted(nodes.items()):
        path = folder / f"nodes_{label}.csv"
        _write(path, ["iri:ID", ":LABEL"], rows)
        written.append(path)
    for relation, rows in sorted(relations.items()):
        path = folder / f"relationships_{relation}.csv"
        _write(path, [":START_ID", ":END_ID", ":TYPE"], rows)
        written.append(path)
    return written
