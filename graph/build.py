"""Orchestration over the graph functions: an Extraction in, its named graph written.

A writer is anything with the methods of :class:`Writer`; the embedded store
(graph/store.py) is one, the SPARQL Graph Store Protocol client (graph/endpoint.py) is
another. Both replace a text's graph whole, so a text is never half-written; a writer may
hold texts back until ``commit`` (the store bulk-loads new texts together).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import pyoxigraph as ox
from policykg.graph.rdf import TextGraph, text_graph
from policykg.graph.resolve import resolve
from policykg.ontology.namespaces import text_iri
from policykg.ontology.records import Extraction

__all__ = ["Writer", "graph_of", "remove_text", "write_extraction"]


class Writer(Protocol):
    def write_graph(self, graph: TextGraph) -> int:
        """Write one text's graph, replacing its previous version, now or at ``commit``."""

    def commit(self) -> None:
        """Write whatever ``write_graph`` still holds back."""

    def flush(self) -> None:
        """At the end of a build: commit, and leave the store quick to open again."""

    def write_text(self, text_iri: str, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Replace the text's named graph by these statements (one transaction)."""

    def replace_graph(self, iri: str, lines: Iterable[str]) -> int:
        """Replace a named graph by these N-Triples lines, however many (the summary's)."""

    def remove_text(self, text_iri: str) -> bool:
        """Drop the text's named graph; False if it was not there."""

    def has_text(self, text_iri: str, sha256: str) -> bool:
        """Whether the text is there, built from source bytes with this sha-256."""


def graph_of(extraction: Extraction) -> TextGraph:
    """Resolve one text's entities and turn them into the quads of its named graph."""
    return text_graph(resolve(extraction))


def write_extraction(writer: Writer, extraction: Extraction) -> TextGraph:
    """Write one text's graph, replacing its previous version; returns what was written."""
    graph = graph_of(extraction)
    writer.write_graph(graph)
    writer.commit()
    return graph


def remove_text(writer: Writer, text_id: str) -> bool:
    """Take out the text whose id (file stem) is ``text_id``; False if it was not there."""
    return writer.remove_text(text_iri(text_id))
