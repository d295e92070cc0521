"""`policykg build PATH...`: read, extract, resolve and write the texts into the graph."""

from __future__ import annotations

import argparse
import sys

from policykg import pipeline
from policykg.graph.build import Writer
from policykg.graph.store import DEFAULT_STORE, OxigraphStore
from policykg.ontology.errors import EndpointError
from policykg.ontology.namespaces import SUMMARY_GRAPH


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "build",
        help="build the graph of files and folders into the store",
        description="Read the files (folders: every .txt/.html/.pdf/.docx inside), extract, "
        "resolve across texts and write one named graph per text. Unchanged files are "
        "skipped; a changed one replaces only its own graph; a bad one is reported and the "
        "rest go on (exit code 1 at the end).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
    parser.add_argument("--force", action="store_true",
                        help="rebuild unchanged files too (after upgrading policykg)")
    target = parser.add_mutually_exclusive_group()
    target.add_argument("--store", default=DEFAULT_STORE, help="the on-disk store (%(default)s)")
    target.add_argument("--sparql-endpoint", metavar="URL",
                        help="write to a SPARQL 1.1 Graph Store Protocol server instead "
                        "(oxigraph layout: URL/store, URL/query)")
    parser.add_argument("--graph-store", metavar="URL",
                        help="with --sparql-endpoint: the Graph Store Protocol URL, the "
                        "endpoint URL then being the query URL (Fuseki: …/ds/data, …/ds/query)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="extract in N processes (0: one per core; default: one per "
                        f"core when there are {pipeline.AUTO_WORKERS_FROM} files or more to "
                        "build, else 1)")
    parser.set_defaults(func=run)


def writer_for(args: argparse.Namespace) -> Writer:
    if args.sparql_endpoint:
        from policykg.graph.endpoint import EndpointWriter

        return EndpointWriter(args.sparql_endpoint, args.graph_store)
    if args.graph_store:
        raise EndpointError("--graph-store goes with --sparql-endpoint")
    return OxigraphStore(args.store)


def run(args: argparse.Namespace) -> int:
    writer = writer_for(args)
    # A summary graph taken out is no text: this build's end writes it again anyway.
    recovered = writer.recovered if isinstance(writer, OxigraphStore) else []
    texts = [iri for iri in recovered if iri != SUMMARY_GRAPH]
    if texts:
        print(f"policykg: {writer.path}: took out {len(texts)} texts that a stopped "
              "build had not finished writing (given again, they are built now)",
              file=sys.stderr)
    report = pipeline.build(args.paths, writer, workers=args.workers, force=args.force)
    print(report.summary(), file=sys.stderr)
    return 1 if report.failures else 0
