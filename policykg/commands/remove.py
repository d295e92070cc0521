"""`policykg remove FILE...`: take texts out of the graph, nothing else."""

from __future__ import annotations

import argparse
import sys

from policykg import pipeline
from policykg.commands.build import writer_for
from policykg.graph.store import DEFAULT_STORE, existing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "remove",
        help="remove the texts of these files from the graph",
        description="Remove each file's text (known by the file name's stem; the file need "
        "not exist any more) with everything it said; what other texts say stays.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--store", default=DEFAULT_STORE, help="the on-disk store (%(default)s)")
    target.add_argument("--sparql-endpoint", metavar="URL", help="a SPARQL server instead")
    parser.add_argument("--graph-store", metavar="URL",
                        help="with --sparql-endpoint: the Graph Store Protocol URL, the "
                        "endpoint URL then being the query URL (Fuseki: …/ds/data, …/ds/query)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.sparql_endpoint:
        existing_store(args.store)
    missing = pipeline.remove(args.files, writer_for(args))
    for name in args.files:
        if name in missing:
            print(f"policykg: {name}: not in the graph", file=sys.stderr)
        else:
            print(f"removed {name}", file=sys.stderr)
    return 1 if missing else 0
