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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from urllib.parse import unquote

import networkx as nx
import pyoxigraph as ox
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


def _query(name: str) -> str:
    return resources.files("policykg.graph").joinpath("queries", name).read_text("utf-8")


def _text_ids(store: OxigraphStore) -> dict[str, str]:
    """Each text graph's IRI → the text's id."""
    return {row["g"].value: row["text"].value for row in store.select(_query("view_texts.rq"))}


def text_graphs(store: OxigraphStore) -> list[tuple[str, str]]:
    """(text graph IRI, text id) of every text, by text id."""
    return sorted(_text_ids(store).items(), key=lambda item: item[1])


#: (node IRI, text graph IRI, sentence index, sentence) of a mention.
SentenceRow = tuple[str, str, int, str]


def _sentences(store: OxigraphStore) -> Iterator[SentenceRow]:
    """queries/view_sentences.rq's rows, each distinct string one object (a sentence or a
    text's IRI is in many rows)."""
    shared: dict[str, str] = {}
    for row in store.select(_query("view_sentences.rq")):
        node, graph, sentence = row["node"].value, row["g"].value, row["sentence"].value
        yield (shared.setdefault(node, node), shared.setdefault(graph, graph),
               int(row["index"].value), shared.setdefault(sentence, sentence))


def node_rows(store: OxigraphStore) -> Iterator[NodeRow]:
    """Every node once, sorted by IRI."""
    text_of = _text_ids(store)
    heads: dict[str, tuple[str, str, str]] = {}
    texts: dict[str, set[str]] = defaultdict(set)
    for row in store.select(_query("view_nodes.rq")):
        node = row["node"].value
        heads.setdefault(node, (row["kind"].value, row["label"].value, row["key"].value))
        texts[node].add(text_of[row["g"].value])
    props: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for row in store.select(_query("view_node_props.rq")):
        node = row["node"].value
        if node in heads:
            props[node][row["prop"].value].append(_value(row["value"]))
    firsts = _first_sentences(_sentences(store), MAX_SENTENCES)
    for node in sorted(heads):
        kind, label, key = heads[node]
        values = {
            name: sorted(set(vs), key=str) if name in _LISTS else min(vs, key=str)
            for name, vs in sorted(props[node].items())
        }
        yield NodeRow(node, kind, label, key, values, tuple(sorted(texts[node])),
                      tuple(firsts.get(node, ())))


def _first_sentences(rows: Iterable[SentenceRow], limit: int) -> dict[str, list[str]]:
    """Each node's first ``limit`` distinct sentences in reading order (text graph, then
    sentence index), keeping at most a few times ``limit`` candidates a node at a time."""
    best: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for node, graph, index, sentence in rows:
        at = (graph, index)
        found = best[node]
        if sentence not in found or at < found[sentence]:
            found[sentence] = at
            if len(found) > 4 * limit:  # a sentence dropped here can only come back earlier
                best[node] = dict(sorted(found.items(), key=lambda item: item[1])[:limit])
    return {node: [s for s, _ in sorted(found.items(), key=lambda item: item[1])[:limit]]
            for node, found in best.items()}


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
    for row in store.select(_query("view_sentences.rq"), bound):
        node, at = row["node"].value, int(row["index"].value)
        if node not in first or at < first[node][0]:
            first[node] = (at, row["sentence"].value)
    # The first sentence (in reading order) and trigger the text states each link in.
    stated: dict[tuple[str, str, str], tuple[int, str | None, str | None]] = {}
    for row in store.select(_query("view_assertions.rq"), bound):
        key = (row["s"].value, row["p"].value, row["o"].value)
        index = int(row["index"].value) if row["index"] else -1
        found = (index, row["sentence"].value if row["sentence"] else None,
                 row["trigger"].value if row["trigger"] else None)
        if key not in stated or (found[0], str(found[2])) < (stated[key][0], str(stated[key][2])):
            stated[key] = found
    rows = set()
    for row in store.select(_query("view_edges.rq"), bound):
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
    if datatype == str(ns.XSD.decimal):
        return float(term.value)
    if datatype == str(ns.XSD.integer):
        return int(term.value)
    return term.value
