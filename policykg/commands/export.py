"""`policykg export --format nq|ttl|jsonld|graphml|neo4j-csv OUT`: the graph as a file
(neo4j-csv: a folder)."""

from __future__ import annotations

import argparse
import sys

from policykg.graph.export import FORMATS, export
from policykg.graph.store import DEFAULT_STORE, OxigraphStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export",
        help="write the graph as N-Quads, Turtle, JSON-LD or GraphML",
        description="nq: the dataset (a named graph per text); ttl: the merged graph; "
        "jsonld: the dataset with a context; graphml: the networkx view; neo4j-csv: a "
        "folder of CSV files for neo4j-admin database import full.",
    )
    parser.add_argument("--format", choices=sorted(FORMATS), required=True)
    parser.add_argument("--store", default=DEFAULT_STORE, help="the on-disk store (%(default)s)")
    parser.add_argument("out", metavar="OUT", help="the file to write")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    out = export(OxigraphStore(args.store, read_only=True), args.format, args.out)
    print(f"wrote {out}", file=sys.stderr)
    return 0
