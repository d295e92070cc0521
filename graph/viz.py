"""The interactive picture: a networkx view of the graph as one self-contained HTML page.

pyvis turns nodes and edges into vis-network's data; the page is our own template
(graph/assets/template.html) with vis-network's JS and CSS inlined, so it opens with no
network at all. Names and sentences reach the page only as JSON inside a
``<script type="application/json">`` (every ``<`` escaped) and are shown through text
nodes: vis-network puts string tooltips in with ``innerText`` and draws labels on a
canvas, so a title holding ``<script>`` shows as text and runs nothing.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from pyvis.network import Network

__all__ = ["KIND_STYLES", "KindStyle", "iframe", "render_html", "vis_data", "write_html"]


@dataclass(frozen=True)
class KindStyle:
    name: str  # Chinese name in the legend
    color: str
    shape: str  # vis-network shape
    mark: str  # the legend's glyph for that shape


KIND_STYLES: dict[str, KindStyle] = {
    "Document": KindStyle("文件", "#4e79a7", "square", "■"),
    "Agency": KindStyle("机构", "#e15759", "dot", "●"),
    "Measure": KindStyle("措施", "#59a14f", "diamond", "◆"),
    "Figure": KindStyle("数据", "#f28e2b", "triangle", "▲"),
    "Text": KindStyle("文本", "#9c755f", "star", "★"),
    "Jurisdiction": KindStyle("地区", "#b07aa1", "triangleDown", "▼"),
}
OTHER = KindStyle("其他", "#bab0ac", "dot", "●")

FONT = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'

#: vis-network options: physics that settles (stabilisation) and then is switched off by
#: the page on 'stabilizationIterationsDone', so the picture stops moving.
OPTIONS: dict[str, Any] = {
    "nodes": {"font": {"face": FONT, "size": 14}, "borderWidth": 1},
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"face": FONT, "size": 9, "align": "middle", "color": "#555"},
        "color": {"color": "#9aa5b1", "highlight": "#333", "hover": "#333"},
        "smooth": {"enabled": True, "type": "continuous"},
    },
    "physics": {
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 110},
        "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 25, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 150},
    "layout": {"randomSeed": 7},  # the same graph gives the same picture
}

LABEL_CHARS = 18  # longer labels are cut on the canvas; the tooltip has them whole
SENTENCES_SHOWN = 3
SENTENCE_CHARS = 160
# Attributes every node has, shown in the tooltip's first lines rather than as props, and
# a checksum nobody reads in a tooltip.
_NOT_PROPS = {"kind", "label", "canonical", "texts", "sentences", "sha256"}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sentences(values: Any) -> list[str]:
    if not values:
        return []
    if isinstance(values, str):
        values = [values]
    shown = [f"「{_short(str(s), SENTENCE_CHARS)}」" for s in list(values)[:SENTENCES_SHOWN]]
    if len(values) > SENTENCES_SHOWN:
        shown.append(f"… 另有 {len(values) - SENTENCES_SHOWN} 句")
    return shown


def _node_title(node: str, d: dict[str, Any]) -> str:
    """Plain text: vis-network shows it with innerText, the page keeps the line breaks."""
    kind = d.get("kind", "")
    lines = [str(d.get("label") or node), f"{kind} · {d.get('canonical') or ''}".rstrip(" ·")]
    for key, value in sorted(d.items()):
        if key not in _NOT_PROPS and value not in (None, "", [], ()):
            shown = "、".join(map(str, value)) if isinstance(value, list | tuple) else value
            lines.append(f"{key}: {shown}")
    if d.get("texts"):
        lines.append("文本: " + "、".join(map(str, d["texts"])))
    found = _sentences(d.get("sentences"))
    if found:
        lines += ["出处:", *found]
    lines.append(str(node))
    return "\n".join(lines)


def _edge_title(d: dict[str, Any], relation: str) -> str:
    lines = [relation + (f" ({d['trigger']})" if d.get("trigger") else "")]
    texts = d.get("texts") or ([d["text"]] if d.get("text") else [])
    if texts:
        lines.append("文本: " + "、".join(map(str, texts)))
    lines += _sentences(d.get("sentence"))
    return "\n".join(lines)


def vis_data(
    g: nx.MultiDiGraph, focus: str | None = None
) -> tuple[list[dict], list[dict]]:
    """vis-network's nodes and edges for ``g``, built with pyvis: style by kind, size by
    degree, labels cut to fit, tooltips as plain text; the ``focus`` node stands out."""
    net = Network(directed=True)
    for node, d in g.nodes(data=True):
        style = KIND_STYLES.get(d.get("kind", ""), OTHER)
        stand_out = {"borderWidth": 4, "font": {"size": 18}} if node == focus else {}
        net.add_node(
            str(node),
            label=_short(str(d.get("label") or node), LABEL_CHARS),
            title=_node_title(str(node), d),
            shape=style.shape,
            color=style.color,
            size=10 + 3 * g.degree(node) ** 0.5,
            **stand_out,
        )
    parallel: Counter[frozenset] = Counter()
    for u, v, key, d in g.edges(keys=True, data=True):
        relation = str(d.get("relation") or key)
        pair = frozenset((u, v))
        # Parallel edges (a text that both mentions and authored an agency) would be drawn
        # on top of one another: bend each further one a little more.
        bend = parallel[pair]
        parallel[pair] += 1
        smooth = {"enabled": True, "type": "curvedCW", "roundness": 0.2 * bend} if bend else None
        options = {"smooth": smooth} if smooth else {}
        net.add_edge(str(u), str(v), label=relation, title=_edge_title(d, relation), **options)
    return net.nodes, net.edges


def _legend(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts = Counter(d.get("kind", "") for _, d in g.nodes(data=True))
    order = [*KIND_STYLES, *sorted(k for k in counts if k not in KIND_STYLES)]
    return [
        {"kind": kind or "?", "count": counts[kind], **vars(KIND_STYLES.get(kind, OTHER))}
        for kind in order
        if counts[kind]
    ]


def _script_json(value: Any) -> str:
    """JSON safe inside a <script> element: no '</script', no '<!--', no line separators."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                          ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escaped)
    return text


def _asset(name: str) -> str:
    return resources.files("policykg.graph").joinpath("assets", name).read_text("utf-8")


def render_html(
    g: nx.MultiDiGraph, title: str = "policykg", note: str | None = None,
    focus: str | None = None,
) -> str:
    """The whole page for ``g`` as one string; ``note`` is shown above the picture, the
    ``focus`` node (an IRI) drawn with a thick border."""
    nodes, edges = vis_data(g, focus)
    parts = {
        "title": html.escape(title),
        "note": html.escape(note or ""),
        "note_hidden": "" if note else " hidden",
        "vis_css": _asset("vis-network.css"),
        "vis_js": _asset("vis-network.min.js"),
        "data": _script_json(
            {"nodes": nodes, "edges": edges, "options": OPTIONS, "legend": _legend(g)}
        ),
    }
    # One pass: text put in is never scanned for placeholders again.
    return re.sub(r"\{\{ (\w+) \}\}", lambda m: parts[m.group(1)], _asset("template.html"))


def write_html(
    g: nx.MultiDiGraph, path: str | Path, title: str = "policykg", note: str | None = None,
    focus: str | None = None,
) -> Path:
    """Write the page for ``g`` to ``path`` (UTF-8) and return the path."""
    path = Path(path)
    path.write_text(render_html(g, title, note, focus), encoding="utf-8")
    return path


def iframe(page: str, height: int = 640) -> str:
    """``page`` inside an ``<iframe srcdoc>``, for a notebook's output: shown inline, with
    no file and no server. Not sandboxed (in a sandboxed, opaque-origin frame headless
    chromium left the network undrawn); the page's safety rests on its escaping and its
    Content-Security-Policy."""
    return (f'<iframe srcdoc="{html.escape(page, quote=True)}" '
            f'style="width: 100%; height: {int(height)}px; border: 1px solid #ddd"></iframe>')
