"""`policykg bench --texts N --out FILE`: the benchmark table, and its JSON."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from policykg.bench import NEO4J_PUSHES, BenchConfig, render, run_bench
from policykg.commands.neo4j import add_connection_arguments, target_of


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="benchmark extraction, build, queries (and Neo4j) on synthetic texts",
        description="Write N synthetic texts, then time extraction (1 core and all), the "
        "build into a fresh on-disk store, the write baselines, the named queries (again "
        "once the store is compacted) and, with --neo4j, a Neo4j push. Prints a table; "
        "--out writes the JSON.",
    )
    parser.add_argument("--texts", type=int, default=1000, help="corpus size (%(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=0,
                        help="extraction processes (0: one per core)")
    parser.add_argument("--extract-texts", type=int, default=1000, metavar="N",
                        help="texts timed for the standalone extraction speeds (%(default)s)")
    parser.add_argument("--rdflib-texts", type=int, default=100, metavar="N",
                        help="texts whose triples the write baselines load (%(default)s)")
    parser.add_argument("--neo4j-texts", type=int, default=0, metavar="N",
                        help="texts --neo4j pushes (0, the default: all of them)")
    parser.add_argument("--neo4j-pushes", type=int, default=NEO4J_PUSHES, metavar="N",
                        help="pushes of those texts' rows, read whole, into the emptied "
                        "database after the target's push (`neo4j push --store`, reads "
                        "included); the last shows a warm server (%(default)s)")
    parser.add_argument("--query-runs", type=int, default=20, metavar="N",
                        help="timed runs of each named query (%(default)s)")
    parser.add_argument("--query-budget", type=float, default=20.0, metavar="S",
                        help="seconds of timed runs per query at most; a slower query is "
                        "run fewer times, at least once (%(default)s)")
    parser.add_argument("--query-timeout", type=float, default=300.0, metavar="S",
                        help="stop a query still running after S seconds (%(default)s)")
    parser.add_argument("--rss-texts", type=int, default=None, metavar="N",
                        help="also build the first N texts to compare peak RSS (default: "
                        "1000 when --texts is at least 5000; 0: skip)")
    parser.add_argument("--no-optimize", dest="optimize", action="store_false",
                        help="skip the compaction (policykg optimize) of the built store "
                        "and the second timing of the queries on it")
    parser.add_argument("--workdir", help="keep the corpus and store here (default: a "
                        "temporary folder, removed)")
    parser.add_argument("--out", type=Path,
                        help="write the JSON result here (also after each phase)")
    parser.add_argument("--progress", action="store_true",
                        help="show the build's progress bar on stderr")
    parser.add_argument("--neo4j", action="store_true",
                        help="also push to Neo4j (connection from the options below)")
    add_connection_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    rss_texts = args.rss_texts
    if rss_texts is None:
        rss_texts = 1000 if args.texts >= 5000 else 0
    neo4j = target_of(args) if args.neo4j else None
    config = BenchConfig(texts=args.texts, seed=args.seed, workers=args.workers,
                         extract_texts=args.extract_texts, rdflib_texts=args.rdflib_texts,
                         neo4j_texts=args.neo4j_texts, neo4j_pushes=args.neo4j_pushes,
                         query_runs=args.query_runs,
                         query_budget=args.query_budget,
                         query_timeout=args.query_timeout, rss_texts=rss_texts,
                         optimize=args.optimize,
                         workdir=args.workdir, progress=args.progress, neo4j=neo4j)

    def save(result: dict) -> None:
        if args.out:
            args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n",
                                "utf-8")

    result = run_bench(config, checkpoint=save)
    save(result)
    sys.stdout.write(render(result))
    return 0  # a missed target is a finding shown in the table, not a failure to run
