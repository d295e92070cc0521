"""`policykg viz`: the graph (or a part of it) as one self-contained interactive HTML page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policykg.graph.store import DEFAULT_STORE, open_store
from policykg.graph.subgraph import KINDS, select
from policykg.graph.view import to_networkx
from policykg.ontology.errors import PolicyKGError, SelectionError

DEFAULT_MAX_NODES = 300  # beyond a few hundred nodes the picture is a hairball, and slow


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "viz",
        help="write the graph as an interactive HTML page that works offline",
        description="Write the graph, or the neighbourhood of one document or agency, as "
        "one HTML file with everything inline (opens with no network). Selection order: "
        "--focus/--depth, then --types, then --max-nodes (the focus node always stays).",
    )
    parser.add_argument("--store", default=DEFAULT_STORE, help="the on-disk store (%(default)s)")
    parser.add_argument("--out", required=True, type=Path, help="the HTML file to write")
    parser.add_argument("--focus", metavar="NAME",
                        help="a document or agency: its IRI, name or part of its name")
    parser.add_argument("--depth", type=int, default=1,
                        help="with --focus: how many edges away to go (%(default)s)")
    parser.add_argument("--types", metavar="KIND,…",
                        help=f"only these node kinds, comma-separated: {','.join(KINDS)}")
    parser.add_argument("--max-nodes", type=int, default=DEFAULT_MAX_NODES,
                        help="keep only this many most connected nodes (%(default)s)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.depth != 1 and not args.focus:
        raise SelectionError("--depth needs --focus")
    # pyvis is the optional `viz` extra: every other command must work without it
    try:
        from policykg.graph.viz import write_html
    except ImportError as err:
        raise PolicyKGError(f"viz needs pyvis: pip install 'policykg[viz]' ({err})") from err

    kinds = [k.strip() for k in args.types.split(",") if k.strip()] if args.types else None
    graph = to_networkx(open_store(args.store, read_only=True))
    chosen = select(graph, focus=args.focus, depth=args.depth, kinds=kinds,
                    max_nodes=args.max_nodes)
    title = "policykg"
    if chosen.focus:
        name = graph.nodes[chosen.focus].get("label") or chosen.focus
        title = f"policykg: {name} (depth {args.depth})"
    try:
        write_html(chosen.graph, args.out, title=title, note=chosen.note, focus=chosen.focus)
    except OSError as err:
        raise SelectionError(f"{args.out}: cannot write ({err.strerror or err})") from err
    print(f"{args.out}: {chosen.graph.number_of_nodes()} nodes, "
          f"{chosen.graph.number_of_edges()} edges" + (" (cut)" if chosen.cut else ""),
          file=sys.stderr)
    return 0
