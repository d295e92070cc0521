"""Choosing the part of the graph a picture shows: a focus, its depth, kinds, a size cap.

Plain functions over the networkx view of the graph (node id = IRI, node attributes
``kind``, ``label``, ``canonical``). Each returns a new graph and leaves its input alone.
:func:`select` chains them in the order the ``viz`` command applies them: the focus
neighbourhood first (in the whole graph, so a document's neighbours through the texts
that cite it are found), then the kinds, then the cut to ``max_nodes``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
from policykg.ontology.errors import SelectionError

__all__ = [
    "KINDS",
    "Selection",
    "find_node",
    "keep_kinds",
    "most_connected",
    "neighbourhood",
    "select",
]

#: The node kinds of the graph contract (docs/model.md).
KINDS = ("Document", "Agency", "Measure", "Figure", "Text", "Jurisdiction")

#: The kinds a focus may name.
FOCUS_KINDS = ("Document", "Agency")


@dataclass
class Selection:
    """The graph to draw and what was left out of it, for the note on the page."""

    graph: nx.MultiDiGraph
    focus: str | None = None  # IRI of the focus node
    total_nodes: int = 0  # nodes before the cut to max_nodes
    max_nodes: int | None = None

    @property
    def cut(self) -> bool:
        return self.max_nodes is not None and self.total_nodes > self.graph.number_of_nodes()

    @property
    def note(self) -> str | None:
        """What the page says when the graph was cut, in Chinese and English."""
        if not self.cut:
            return None
        shown, total = self.graph.number_of_nodes(), self.total_nodes
        return (f"只显示连接最多的 {shown} 个节点（共 {total} 个）。"
                f"Showing the {shown} most connected of {total} nodes "
                f"(max-nodes {self.max_nodes}).")


def _norm(name: str) -> str:
    # Users type titles with or without 《》, in half- or full-width forms.
    return "".join(unicodedata.normalize("NFKC", name).strip("《》<> ").split())


def find_node(g: nx.MultiDiGraph, name: str, kinds: Iterable[str] = FOCUS_KINDS) -> str:
    """The node ``name`` means: its IRI, else an exact label or canonical name, else one
    node whose label or canonical name contains it. Raises SelectionError when none or
    several match."""
    if name in g:
        return name
    wanted = _norm(name)
    if not wanted:
        raise SelectionError("the focus is empty")
    kinds = tuple(kinds)
    candidates = [(n, d) for n, d in g.nodes(data=True) if d.get("kind") in kinds]

    def names(d: dict) -> set[str]:
        return {_norm(str(d[k])) for k in ("label", "canonical") if d.get(k)}

    exact = sorted(n for n, d in candidates if wanted in names(d))
    partial = sorted(n for n, d in candidates if any(wanted in s for s in names(d)))
    for found in (exact, partial):
        if len(found) == 1:
            return found[0]
        if found:
            shown = "、".join(str(g.nodes[n].get("label", n)) for n in found[:5])
            more = f" and {len(found) - 5} more" if len(found) > 5 else ""
            raise SelectionError(
                f"focus {name!r} matches {len(found)} nodes ({shown}{more}); "
                "give the full name or the IRI"
            )
    raise SelectionError(f"focus {name!r} names no {' or '.join(kinds).lower()} in the graph")


def neighbourhood(g: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """The nodes within ``depth`` edges of ``node`` (either direction) and every edge
    among them."""
    if depth < 0:
        raise SelectionError(f"depth must be 0 or more, not {depth}")
    reach = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), node, depth)
    return g.subgraph(reach).copy()


def keep_kinds(
    g: nx.MultiDiGraph, kinds: Iterable[str], keep: Iterable[str] = ()
) -> nx.MultiDiGraph:
    """The nodes of the given kinds (and the nodes in ``keep``) with the edges among them."""
    kinds = set(kinds)
    unknown = sorted(kinds - set(KINDS))
    if unknown:
        raise SelectionError(f"unknown kind {', '.join(unknown)}; kinds are {', '.join(KINDS)}")
    keep = set(keep)
    chosen = [n for n, d in g.nodes(data=True) if d.get("kind") in kinds or n in keep]
    return g.subgraph(chosen).copy()


def most_connected(
    g: nx.MultiDiGraph, max_nodes: int, keep: Iterable[str] = ()
) -> nx.MultiDiGraph:
    """The ``max_nodes`` nodes of highest degree (ties by IRI, so runs agree), always
    including ``keep``, with the edges among them."""
    if max_nodes < 1:
        raise SelectionError(f"max-nodes must be 1 or more, not {max_nodes}")
    if g.number_of_nodes() <= max_nodes:
        return g.copy()
    keep = [n for n in keep if n in g][:max_nodes]
    ranked = sorted(g.nodes, key=lambda n: (-g.degree(n), str(n)))
    chosen = list(dict.fromkeys([*keep, *ranked]))[:max_nodes]
    return g.subgraph(chosen).copy()


def select(
    g: nx.MultiDiGraph,
    focus: str | None = None,
    depth: int = 1,
    kinds: Iterable[str] | None = None,
    max_nodes: int | None = None,
) -> Selection:
    """Focus, then kinds, then the size cap; the focus node survives the last two."""
    focus_id = find_node(g, focus) if focus else None
    part = neighbourhood(g, focus_id, depth) if focus_id else g
    keep = [focus_id] if focus_id else []
    if kinds is not None:
        part = keep_kinds(part, kinds, keep)
    total = part.number_of_nodes()
    if max_nodes is not None:
        part = most_connected(part, max_nodes, keep)
    return Selection(part.copy() if part is g else part, focus_id, total, max_nodes)
