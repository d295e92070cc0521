"""Analyses of the networkx view for the notebooks: plain functions ``f(G, ...)``.

``G`` is :func:`policykg.graph.view.to_networkx`'s MultiDiGraph (node attributes
``kind``, ``label``, ``canonical``, ``texts``, ``sentences`` and the kind's properties;
edges keyed by relation). Functions that return tables return pandas DataFrames; pandas is
in the ``notebooks`` extra, so it is imported inside them.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations
from typing import TYPE_CHECKING, Any

import networkx as nx

if TYPE_CHECKING:
    import pandas as pd
    from policykg.graph.store import OxigraphStore

__all__ = [
    "LEVELS",
    "agency_centrality",
    "citation_graph",
    "citation_table",
    "comention_graph",
    "counts_by_kind",
    "figures_table",
    "issuer_level",
    "query_frame",
    "use_cjk_font",
]

#: Levels of government, highest first; "unknown" where the name does not say.
LEVELS = ("national", "provincial", "city", "county", "township", "unknown")

_NATIONAL = re.compile(r"^(中华人民共和国|国务院|中共中央|全国|国家|中央)")
# Smallest unit first: 县 in 云岭市青溪县 decides, and 自治区 is a province, not a 区.
_UNITS = (
    ("township", re.compile(r"(乡|镇|街道)(?!村)")),
    ("county", re.compile(r"(县|(?<!自治)区|旗)")),
    ("city", re.compile(r"(市|自治州|州|盟)")),
    ("provincial", re.compile(r"(省|自治区)")),
)
# Only the place part of a name counts: 市场监督管理局 is not a city.
_PLACE = re.compile(
    r"^(?:[^省市州盟县区旗乡镇]{1,8}(?:省|自治区|市|自治州|州|盟|县|区|旗|乡|镇|街道))+"
)


def _kind_nodes(g: nx.MultiDiGraph, kind: str) -> list[tuple[str, dict[str, Any]]]:
    return [(n, d) for n, d in g.nodes(data=True) if d.get("kind") == kind]


def _sources(g: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    return sorted({u for u, _, key in g.in_edges(node, keys=True) if key == relation})


def _targets(g: nx.MultiDiGraph, node: str, relation: str) -> list[str]:
    return sorted({v for _, v, key in g.out_edges(node, keys=True) if key == relation})


def _label(g: nx.MultiDiGraph, node: str) -> str:
    return str(g.nodes[node].get("label") or node)


def counts_by_kind(g: nx.MultiDiGraph) -> dict[str, int]:
    """How many nodes of each kind, most first."""
    return dict(Counter(d.get("kind") for _, d in g.nodes(data=True)).most_common())


def query_frame(store: OxigraphStore, name: str, **params: str) -> pd.DataFrame:
    """A named query (graph/queries/NAME.rq) run on the store, as a DataFrame."""
    import pandas as pd
    from policykg.graph import query

    named = query.named_query(name)
    table = query.run_local(store.store, named.text, named.bind(params))
    return pd.DataFrame(table.rows, columns=table.columns)


def comention_graph(g: nx.MultiDiGraph) -> nx.Graph:
    """Agencies mentioned together: an edge between two agencies named in the same
    sentence, weighted by how many such sentences (``weight``), with the number of texts
    naming both (``texts``). Sentences are those the view keeps per node (at most
    view.MAX_SENTENCES each), so weights are lower bounds."""
    c = nx.Graph()
    by_sentence: dict[str, set[str]] = {}
    for node, d in _kind_nodes(g, "Agency"):
        c.add_node(node, label=d.get("label"), canonical=d.get("canonical"))
        for sentence in d.get("sentences") or ():
            by_sentence.setdefault(sentence, set()).add(node)
    for agencies in by_sentence.values():
        for a, b in combinations(sorted(agencies), 2):
            if c.has_edge(a, b):
                c.edges[a, b]["weight"] += 1
            else:
                shared = set(g.nodes[a].get("texts") or ()) & set(g.nodes[b].get("texts") or ())
                c.add_edge(a, b, weight=1, texts=len(shared))
    return c


def agency_centrality(g: nx.MultiDiGraph, c: nx.Graph | None = None) -> pd.DataFrame:
    """One row per agency: the texts naming it, its degree in the whole graph, its degree
    and betweenness centrality among agencies mentioned together, and its community
    (greedy modularity on the co-mention graph, 0 the largest). Sorted by betweenness."""
    import pandas as pd

    c = comention_graph(g) if c is None else c
    degree = nx.degree_centrality(c) if c.number_of_nodes() > 1 else dict.fromkeys(c, 0.0)
    # betweenness along strong ties: distance is the inverse of the co-mention weight
    for _, _, d in c.edges(data=True):
        d["distance"] = 1 / d["weight"]
    between = nx.betweenness_centrality(c, weight="distance")
    communities = (
        nx.community.greedy_modularity_communities(c, weight="weight") if c.number_of_edges()
        else [{n} for n in c]
    )
    community = {n: i for i, members in enumerate(communities) for n in members}
    rows = [
        {
            "agency": _label(g, n),
            "canonical": g.nodes[n].get("canonical"),
            "texts": len(g.nodes[n].get("texts") or ()),
            "degree": g.degree(n),
            "comention_degree": c.degree(n),
            "degree_centrality": round(degree[n], 4),
            "betweenness": round(between[n], 4),
            "community": community[n],
            "iri": n,
        }
        for n in c
    ]
    columns = ["agency", "canonical", "texts", "degree", "comention_degree",
               "degree_centrality", "betweenness", "community", "iri"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["betweenness", "degree", "agency"], ascending=[False, False, True],
                             ignore_index=True)


def issuer_level(name: str | None) -> str:
    """The level of government a name belongs to, from its place part: 国务院 national,
    云岭省… provincial, 云岭市… city, 青溪县/松溪区… county, …镇/街道 township."""
    if not name:
        return "unknown"
    if _NATIONAL.match(name):
        return "national"
    place = _PLACE.match(name)
    if place:
        for level, unit in _UNITS:
            if unit.search(place.group(0)):
                return level
    return "unknown"


def citation_graph(g: nx.MultiDiGraph) -> nx.DiGraph:
    """The citation network: texts and documents, with an edge for each text that cites a
    document (CITES) and each document that implements another (IMPLEMENTS); node
    attributes ``kind`` and ``label``, edge attribute ``relation``."""
    c = nx.DiGraph()
    for u, v, key in g.edges(keys=True):
        if key in ("CITES", "IMPLEMENTS"):
            for node in (u, v):
                c.add_node(node, kind=g.nodes[node].get("kind"), label=_label(g, node))
            c.add_edge(u, v, relation=key)
    return c


def citation_table(g: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per document: how many texts cite it (``cited_by_texts``), how many
    documents implement it, its type, year, number, issuers and the issuer's level (from
    the issuing agency, else from the document's own title). Most cited first."""
    import pandas as pd

    rows = []
    for node, d in _kind_nodes(g, "Document"):
        citing = _sources(g, node, "CITES")
        issuers = _sources(g, node, "ISSUED")
        names = [str(g.nodes[a].get("canonical") or _label(g, a)) for a in issuers]
        levels = {issuer_level(n) for n in names} - {"unknown"}
        level = min(levels, key=LEVELS.index) if levels else issuer_level(d.get("label"))
        rows.append({
            "document": _label(g, node),
            "cited_by_texts": len(citing),
            "implemented_by": len(_sources(g, node, "IMPLEMENTS")),
            "implements": len(_targets(g, node, "IMPLEMENTS")),
            "doc_type": d.get("doc_type"),
            "year": d.get("year"),
            "number": d.get("number"),
            "issuers": "、".join(_label(g, a) for a in issuers),
            "level": level,
            "iri": node,
        })
    columns = ["document", "cited_by_texts", "implemented_by", "implements", "doc_type",
               "year", "number", "issuers", "level", "iri"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame.sort_values(["cited_by_texts", "implemented_by", "document"],
                             ascending=[False, False, True], ignore_index=True)


def figures_table(g: nx.MultiDiGraph) -> pd.DataFrame:
    """Every figure, one row per text that prints it: the text's id, title and
    jurisdiction, the figure as printed, its value, unit, the thing counted, what it is
    about and its sentence. Sorted by jurisdiction and text."""
    import pandas as pd

    rows = []
    for node, d in _kind_nodes(g, "Figure"):
        texts = _sources(g, node, "REPORTS")
        for text in texts or [None]:
            places = _targets(g, text, "IN_JURISDICTION") if text else []
            about = _targets(g, node, "ABOUT")
            rows.append({
                "jurisdiction": "、".join(_label(g, p) for p in places) or None,
                "text": g.nodes[text].get("canonical") if text else None,
                "text_title": _label(g, text) if text else None,
                "figure": d.get("text") or d.get("label"),
                "value": d.get("value"),
                "unit": d.get("unit"),
                "counted": d.get("counted"),
                "about": "、".join(_label(g, a) for a in about) or None,
                "sentence": (d.get("sentences") or [None])[0],
                "iri": node,
            })
    columns = ["jurisdiction", "text", "text_title", "figure", "value", "unit", "counted",
               "about", "sentence", "iri"]
    frame = pd.DataFrame(rows, columns=columns)
    return frame.sort_values(["jurisdiction", "text"], na_position="last", kind="stable",
                             ignore_index=True)


def use_cjk_font() -> str | None:
    """Make matplotlib draw Chinese: the first installed CJK font becomes the default
    sans-serif. Returns its name, or None when no CJK font is installed."""
    from matplotlib import font_manager, rcParams

    wanted = ("WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Sans CJK SC",
              "Source Han Sans SC", "SimHei", "Microsoft YaHei", "PingFang SC")
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for name in wanted:
        if name in installed:
            rcParams["font.sans-serif"] = [name, *rcParams["font.sans-serif"]]
            rcParams["font.family"] = "sans-serif"
            rcParams["axes.unicode_minus"] = False
            return name
    return None
