"""`policykg query`: run SPARQL (given, from a file or a named query) on the graph."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from policykg.commands import neo4j
from policykg.graph import query as q
from policykg.graph.endpoint import Endpoint
from policykg.graph.store import DEFAULT_STORE, open_store
from policykg.graph.summary import SUMMARISED, state_query
from policykg.ontology.errors import QueryError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "query",
        help="run a SPARQL query (text, --file or --name) and print the rows",
        description="Run a SPARQL SELECT/ASK on the store. Values go in with --param as "
        "bindings of the query's variables (?name), never pasted into its text.",
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("sparql", nargs="?", help="the SPARQL query text")
    source.add_argument("--file", type=Path, help="read the query from this .rq file")
    source.add_argument("--name", help="a named query (see --list)")
    source.add_argument("--list", action="store_true", help="list the named queries")
    source.add_argument("--cypher", metavar="QUERY", help="a Cypher query, run on Neo4j")
    parser.add_argument(
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="bind ?NAME to VALUE (repeatable); a free query gets a plain string literal, "
        "a named query the kind its header declares",
    )
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--store", default=DEFAULT_STORE, help="the on-disk store (%(default)s)")
    target.add_argument(
        "--sparql-endpoint",
        metavar="URL",
        help="query a SPARQL server instead (oxigraph layout: URL/query)",
    )
    parser.add_argument("--graph-store", metavar="URL",
                        help="with --sparql-endpoint: the Graph Store Protocol URL, the "
                        "endpoint URL then being the query URL (Fuseki: …/ds/data, …/ds/query)")
    target.add_argument("--neo4j", action="store_true",
                        help="run --name's Cypher twin on Neo4j (connection as neo4j push)")
    neo4j.add_connection_arguments(parser)
    parser.add_argument("--limit", type=_count, metavar="N",
                        help="print at most N rows (default: all)")
    parser.add_argument("--offset", type=_count, default=0, metavar="M",
                        help="skip the first M rows (with --limit: a page)")
    parser.add_argument("--format", choices=q.FORMATS, default="table",
                        help="table (long cells cut for the terminal), or csv and json "
                        "(cells whole); default %(default)s")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.list:
        sys.stdout.write(list_named())
        return 0
    if args.cypher or args.neo4j:
        table = q.cut(neo4j.query_table(args), args.limit, args.offset)
        sys.stdout.write(q.render(table, args.format))
        return 0
    if args.graph_store and not args.sparql_endpoint:
        raise QueryError("--graph-store goes with --sparql-endpoint")
    text, params, paged = _query_and_params(args)
    if args.sparql_endpoint:
        endpoint = Endpoint.from_url(args.sparql_endpoint, args.graph_store)
        run_query = endpoint.query
    else:
        store = open_store(args.store, read_only=True).store

        def run_query(text: str, params: dict[str, q.Binding] | None = None) -> q.Table:
            return q.run_local(store, text, params)
    table = run_query(text, params)
    if not paged:
        table = q.cut(table, args.limit, args.offset)
    if not table.rows and args.name in SUMMARISED and not run_query(state_query()).rows:
        # An empty answer would be wrong, not empty: the rows are not computed yet.
        raise QueryError(f"{args.name} reads the summary graph, which this store does not "
                         "have yet (built before policykg kept one): run `policykg build` "
                         "once, it computes the summary even when no file changed")
    sys.stdout.write(q.render(table, args.format))
    return 0


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number ≥ 0")
    return int(value)


def list_named() -> str:
    queries = q.named_queries().values()
    width = max((len(query.name) for query in queries), default=0)
    lines = []
    for query in queries:
        params = " ".join(f"--param {p}=…" for p in query.params)
        lines.append(f"{query.name:<{width}}  {query.description}"
                     + (f"  [{params}]" if params else ""))
    return "\n".join(lines) + "\n"


def _query_and_params(args: argparse.Namespace) -> tuple[str, dict[str, q.Binding], bool]:
    """The query, its bindings, and whether they select the --limit/--offset page already
    (a named query that numbers its rows reads only the page's; any other is cut after)."""
    params: dict[str, str] = {}
    for spec in args.param:
        name, value = q.parse_param(spec)
        if name in params:
            raise QueryError(f"--param {name} given twice")
        params[name] = value
    if args.name:
        named = q.named_query(args.name)
        text, page = (named.page(args.limit, args.offset) if args.limit is not None
                      else (named.text, {}))
        return text, named.bind(params) | page, bool(page)
    if args.file:
        try:
            return args.file.read_text(encoding="utf-8"), params, False
        except (OSError, UnicodeDecodeError) as err:
            raise QueryError(f"{args.file}: cannot read the query ({err})") from err
    return args.sparql, params, False
