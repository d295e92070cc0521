"""The graph as plain rows and as a networkx MultiDiGraph, for analysis, pictures and exports.

:func:`node_rows` and :func:`edge_rows` read the store (queries/view_*.rq) into plain
dataclasses that every other view reuses (networkx here, GraphML/CSV exports, the Neo4j
writer); :func:`to_networkx` builds the MultiDiGraph from them.

Nodes: ``id`` is the IRI; ``kind`` is one of :data:`KINDS`; ``label`` a Chinese display
name; ``canonical`` the key the IRI comes from; ``props`` the kind-specific properties
(Document: number, doc_type, year, abbreviation; Agency: agency_kind; Measure:
measure_kind; Figure: value, unit, text, counted; Text: title, date, year, doc_type,
sha256, source_file; any: printed, the forms as printed, a sorted list); ``texts`` the
ids of the texts that say it; ``sentences`` the source sentences it is mentioned in
(reading order, at most :data:`MAX_SENTENCES`).

Edges: one :class:`EdgeRow` per relation, source, target and text that states it, with
the relation name of docs/model.md (CITES, ISSUED, …) and the sentence and trigger word
where the text gives one. In the MultiDiGraph the rows of the same relation between the
same nodes are one edge keyed by the relation, with ``texts`` listing every text.

>>> from policykg.graph.store import OxigraphStore
>>> g = to_networkx(OxigraphStore("policykg-store"))          # doctest: +SKIP
>>> sorted({kind for _, kind in g.nodes(data="kind")})        # doctest: +SKIP
['Agency', 'Document', 'Figure', 'Jurisdiction', 'Measure', 'Text']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
from policykg.graph.query import query_file
from policykg.graph.store import OxigraphStore
from policykg.ontology import namespaces as ns

__all__ = ["KINDS", "MAX_SENTENCES", "RELATIONS", "EdgeRow", "NodeRow", "edge_rows",
           "node_rows", "text_edge_rows", "text_graphs", "to_networkx"]

KINDS = ("Document", "Agency", "Measure", "Figure", "Text", "Jurisdiction")
MAX_SENTENCES = 5

#: predicate IRI → (relation name, whether the edge runs object → subject)
RELATIONS: dict[str, tuple[str, bool]] = {
    str(ns.ELI.cites): ("CITES", False),
    str(ns.PKG.mentions): ("MENTIONS", False),
    str(ns.DCTERMS.creator): ("AUTHORED_BY", False),
    str(ns.DCTERMS.spatial): ("IN_JURISDICTION", False),
    str(ns.ELI.passed_by): ("ISSUED", True),
    str(ns.ELI.ensures_implementation_of): ("IMPLEMENTS", False),
    str(ns.PKG.establishedBy): ("ESTABLISHES", True),
    str(ns.PKG.carriesOut): ("CARRIES_OUT", False),
    str(ns.ORG.memberOf): ("MEMBER_OF", False),
    str(ns.ORG.subOrganizationOf): ("PART_OF", False),
    str(ns.PKG.reports): ("REPORTS", False),
    str(ns.PKG.about): ("ABOUT", False),
}
_CONCEPT_BASES = (str(ns.DOC_TYPE), str(ns.AGENCY_KIND))
_LISTS = ("printed",)
_DECIMAL, _INTEGER = str(ns.XSD.decimal), str(ns.XSD.integer)


@dataclass(frozen=True)
class NodeRow:
    id: str
    kind: str
    label: str
    canonical: str
    props: dict[str, object] = field(default_factory=dict)
    texts: tuple[str, ...] = ()
    sentences: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgeRow:
    source: str
    target: str
    relation: str
    text: str
    sentence: str | None = None
    trigger: str | None = None


def _text_ids(store: OxigraphStore) -> dict[str, str]:
    """Each text graph's IRI → the text's id."""
    return {row["g"].value: row["text"].value for row in store.select(query_file("view_texts.rq"))}


def text_graphs(store: OxigraphStore) -> list[tuple[str, str]]:
    """(text graph IRI, text id) of every text, by text id."""
    return sorted(_text_ids(store).items(), key=lambda item: item[1])


def node_rows(store: OxigraphStore) -> Iterator[NodeRow]:
    """Every node once, sorted by IRI. Read text graph by text graph (each query bound to
    one graph) and merged as it comes: a node's texts, its properties' values, its first
    sentences. At 10,000 texts the same queries over the whole store took 143 s and held
    2.3 GB of rows in memory before they were merged."""
    heads: dict[str, tuple[str, str, str]] = {}
    texts: dict[str, list[str]] = defaultdict(list)
    values: dict[str, dict[str, set[object]]] = defaultdict(lambda: defaultdict(set))
    firsts: dict[str, list[str]] = defaultdict(list)
    shared: dict[str, str] = {}  # one object for each distinct string: labels, sentences …
    # By graph IRI, then sentence index: the reading order of the first sentences.
    for graph, text in sorted(_text_ids(store).items()):
        bound = {"g": ox.NamedNode(graph)}
        for row in store.select(query_file("view_nodes.rq"), bound):
            node = row["node"].value
            if node not in heads:
                heads[node] = (row["kind"].value, shared.setdefault(row["label"].value,
                                                                    row["label"].value),
                               row["key"].value)
            if not texts[node] or texts[node][-1] != text:
                texts[node].append(text)
        for row in store.select(query_file("view_node_props.rq"), bound):
            node = row["node"].value
            if node in heads:  # pkg:printed is on the mentions too
                value = _value(row["value"])
                if isinstance(value, str):
                    value = shared.setdefault(value, value)
                values[node][row["prop"].value].add(value)
        mentions = sorted((int(row["index"].value), row["node"].value, row["sentence"].value)
                          for row in store.select(query_file("view_sentences.rq"), bound))
        for _, node, sentence in mentions:
            found = firsts[node]
            if len(found) < MAX_SENTENCES and sentence not in found:
                found.append(shared.setdefault(sentence, sentence))
    for node in sorted(heads):
        kind, label, key = heads[node]
        props = {
            name: sorted(vs, key=str) if name in _LISTS else min(vs, key=str)
            for name, vs in sorted(values[node].items())
        }
        yield NodeRow(node, kind, label, key, props, tuple(sorted(texts[node])),
                      tuple(firsts.get(node, ())))


def edge_rows(store: OxigraphStore) -> Iterator[EdgeRow]:
    """One row per relation, source, target and text, sorted: text by text (a text's
    rows are all in its own graph, so a push can read them as it writes them)."""
    for graph, text in text_graphs(store):
        yield from text_edge_rows(store, graph, text)


def text_edge_rows(store: OxigraphStore, graph: str, text: str) -> list[EdgeRow]:
    """The rows of one text (its graph's IRI and its id), sorted. Each query is bound to
    the graph: at 10,000 texts, a few ms a text, where the same queries over the whole
    store joined every text's mentions in memory."""
    bound = {"g": ox.NamedNode(graph)}
    first: dict[str, tuple[int, str]] = {}  # the lowest sentence index wins
    for row in store.select(query_file("view_sentences.rq"), bound):
        node, at = row["node"].value, int(row["index"].value)
        if node not in first or at < first[node][0]:
            first[node] = (at, row["sentence"].value)
    # The first sentence (in reading order) and trigger the text states each link in.
    stated: dict[tuple[str, str, str], tuple[int, str | None, str | None]] = {}
    for row in store.select(query_file("view_assertions.rq"), bound):
        key = (row["s"].value, row["p"].value, row["o"].value)
        index = int(row["index"].value) if row["index"] else -1
        found = (index, row["sentence"].value if row["sentence"] else None,
                 row["trigger"].value if row["trigger"] else None)
        if key not in stated or (found[0], str(found[2])) < (stated[key][0], str(stated[key][2])):
            stated[key] = found
    rows = set()
    for row in store.select(query_file("view_edges.rq"), bound):
        s, p, o = row["s"].value, row["p"].value, row["o"].value
        relation, inverse = RELATIONS[p]
        source, target = (o, s) if inverse else (s, o)
        _, sentence, trigger = stated.get((s, p, o), (None, None, None))
        rows.add(EdgeRow(source, target, relation, text,
                         sentence or first.get(o, (0, None))[1], trigger))
    return sorted(rows, key=lambda e: (e.source, e.relation, e.target))


def to_networkx(store: OxigraphStore) -> nx.MultiDiGraph:
    """The merged graph: nodes keyed by IRI, edges keyed by relation name (module doc)."""
    graph = nx.MultiDiGraph()
    for node in node_rows(store):
        graph.add_node(node.id, kind=node.kind, label=node.label, canonical=node.canonical,
                       texts=list(node.texts), sentences=list(node.sentences), **node.props)
    for edge in edge_rows(store):
        if graph.has_edge(edge.source, edge.target, key=edge.relation):
            data = graph.edges[edge.source, edge.target, edge.relation]
            data["texts"].append(edge.text)
            continue
        graph.add_edge(edge.source, edge.target, key=edge.relation, relation=edge.relation,
                       text=edge.text, texts=[edge.text], sentence=edge.sentence,
                       trigger=edge.trigger)
    return graph


def _value(term: ox.NamedNode | ox.Literal) -> object:
    if isinstance(term, ox.NamedNode):
        for base in _CONCEPT_BASES:
            if term.value.startswith(base):
                return unquote(term.value[len(base):])
        return term.value
    datatype = term.datatype.value
    if datatype == _DECIMAL:
        return float(term.value)
    if datatype == _INTEGER:
        return int(term.value)
    return term.value
