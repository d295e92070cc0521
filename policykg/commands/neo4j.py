"""`policykg neo4j push`: the resolved graph of a store (or of files) into Neo4j; and the
Neo4j side of `policykg query` (--cypher, --neo4j)."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from policykg.graph.neo4j_writer import (
    BATCH_SIZE,
    DEFAULT_URI,
    DEFAULT_USER,
    Neo4jTarget,
    named_cypher,
    push_store,
    run_cypher,
)
from policykg.graph.query import Table, parse_param
from policykg.graph.store import DEFAULT_STORE, OxigraphStore
from policykg.ontology.errors import Neo4jError, QueryError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "neo4j",
        help="push the graph into a Neo4j 5 server",
        description="Write the resolved graph into Neo4j: node kinds as labels, relations "
        "as relationship types, each relationship with the text it came from.",
    )
    sub = parser.add_subparsers(dest="neo4j_command", required=True)
    p = sub.add_parser(
        "push",
        help="write a store (or files, built first) into Neo4j",
        description="Push the graph of --store DIR (mirrored: texts not in the store are "
        "taken out of Neo4j) or of the files given (built into a temporary store first; "
        "only those texts are added or replaced). Pushing twice changes nothing; a changed "
        "text replaces only its own facts.",
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                   help="files or folders to build and push instead of a store")
    p.add_argument("--store", help=f"the on-disk store to push (default {DEFAULT_STORE})")
    add_connection_arguments(p)
    p.add_argument("--batch-size", type=int, default=BATCH_SIZE,
                   help=f"rows per transaction (default {BATCH_SIZE})")
    p.set_defaults(func=run_push)


def add_connection_arguments(parser: argparse.ArgumentParser) -> None:
    """--uri/--user/--password/--database, defaulting to NEO4J_URI … from the environment."""
    env = os.environ
    parser.add_argument("--uri", default=env.get("NEO4J_URI", DEFAULT_URI),
                        help="Bolt URI (NEO4J_URI, default %(default)s)")
    parser.add_argument("--user", default=env.get("NEO4J_USER", DEFAULT_USER),
                        help="user (NEO4J_USER, default %(default)s)")
    parser.add_argument("--password", default=None,
                        help="password (prefer NEO4J_PASSWORD: an argument shows in ps)")
    parser.add_argument("--database", default=env.get("NEO4J_DATABASE") or None,
                        help="database (NEO4J_DATABASE, default: the server's default)")
    parser.add_argument("--retry-seconds", type=float, default=30.0,
                        help="how long to retry transient failures (%(default)s)")


def target_of(args: argparse.Namespace) -> Neo4jTarget:
    password = args.password if args.password is not None else os.environ.get("NEO4J_PASSWORD")
    if not password:
        raise Neo4jError(f"{args.uri}: no password (set NEO4J_PASSWORD or give --password)")
    return Neo4jTarget(uri=args.uri, user=args.user, password=password,
                       database=args.database, retry_seconds=args.retry_seconds)


def run_push(args: argparse.Namespace) -> int:
    target = target_of(args)
    if args.paths and args.store:
        raise Neo4jError("give either --store or files to build, not both")
    failed = 0
    if args.paths:
        from policykg import pipeline  # the extractor is only needed here

        with tempfile.TemporaryDirectory(prefix="policykg-push-") as tmp:
            store = OxigraphStore(Path(tmp) / "store")
            built = pipeline.build(args.paths, store)
            print(built.summary(), file=sys.stderr)
            failed = len(built.failures)
            report = push_store(target, store, prune=False, batch_size=args.batch_size)
            del store  # closed before its folder goes
    else:
        store = OxigraphStore(args.store or DEFAULT_STORE, read_only=True)
        report = push_store(target, store, prune=True, batch_size=args.batch_size)
    print(f"{target.describe()}: {report.summary()}", file=sys.stderr)
    return 1 if failed else 0


def query_table(args: argparse.Namespace) -> Table:
    """`policykg query --cypher TEXT` or `--name NAME --neo4j`: rows from Neo4j, values as
    parameters ($name) from --param name=value."""
    params: dict[str, str] = {}
    for spec in args.param:
        name, value = parse_param(spec)
        if name in params:
            raise QueryError(f"--param {name} given twice")
        params[name] = value
    if args.cypher:
        text, values = args.cypher, params
    elif args.name:
        text, values = named_cypher(args.name, params)
    else:
        raise QueryError("--neo4j runs --cypher TEXT or a --name query")
    return run_cypher(target_of(args), text, values)
