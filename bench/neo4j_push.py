"""Neo4j push throughput (nodes + relationships per second) on a corpus of >= 100k facts.

The dev corpus is extracted once; its texts are then written into a temporary store again
and again under new ids (``<stem>-c007``: what copies of the files under other stems
would give, without extracting each copy), until the graph holds at least ``--min-facts``
nodes + relationships. That store is pushed into an empty Neo4j database; the figure is
the push's own time (rows already read from the store). A freshly started JVM runs the
first push cold (the JIT compiles Neo4j's hot paths during it), so the database is then
emptied and the same push timed again on the warm server, as a long-running Neo4j would
take it; last, a push with nothing changed.

    .venv/bin/python bench/neo4j_push.py                       # starts its own Neo4j
    NEO4J_URI=bolt://… NEO4J_PASSWORD=… .venv/bin/python bench/neo4j_push.py --uri-from-env

Without --uri-from-env it starts scripts/neo4j-test-server on a free port with a fresh
home (the database must be empty: a push mirrors the store), and then also reports the
CPU seconds the server and this process spent in the push: on a busy shared machine the
wall-clock rate says more about the neighbours than about the push. ``--workdir DIR``
keeps the built store there and reuses it on the next run; ``--store DIR`` pushes a store
already built (at ~1M facts: `policykg build` of 5,000 synthetic texts is quicker than
copies of dev).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from policykg.extract.api import extract_many
from policykg.graph import cypher
from policykg.graph.build import write_extraction
from policykg.graph.neo4j_writer import (
    BATCH_SIZE,
    WRITERS,
    Neo4jTarget,
    push,
    run_cypher,
    store_provenance,
)
from policykg.graph.store import open_store
from policykg.graph.view import edge_rows, node_rows

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _jit_seconds(pid: int) -> float:
    """CPU seconds of the JVM's JIT compiler threads: on a cold server, most of its time."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            if not (task / "comm").read_text().startswith(("C1 Compiler", "C2 Compiler")):
                continue
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the thread ended
            continue
        total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(home: Path, java_opts: str) -> tuple[subprocess.Popen, Neo4jTarget]:
    """Our own server; its page cache 1 GB unless NEO4J_PAGECACHE_MB says otherwise (the
    launcher's 64 MB, made for tests, holds a small part of the store of 1M facts)."""
    port, password = _free_port(), "bench-" + secrets.token_hex(8)
    env = {"NEO4J_PAGECACHE_MB": "1024", **os.environ, "NEO4J_PASSWORD": password,
           "NEO4J_JAVA_OPTS": java_opts}
    proc = subprocess.Popen([str(ROOT / "scripts" / "neo4j-test-server"), "run", str(port),
                             str(home)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env=env)
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith(b"READY"):
            return proc, Neo4jTarget(f"bolt://127.0.0.1:{port}", "neo4j", password)
    raise SystemExit(f"the Neo4j launcher exited with {proc.wait()}")


def _facts(store: object) -> int:
    return sum(1 for _ in node_rows(store)) + sum(1 for _ in edge_rows(store))


def build(corpus: Path, store_dir: Path, min_facts: int) -> tuple[object, int, float]:
    extractions = [e for _, e in extract_many(sorted(corpus.glob("*.txt")))
                   if not isinstance(e, Exception)]
    store = open_store(store_dir)
    started, copies = time.monotonic(), 0

    def add(n: int) -> None:
        nonlocal copies
        for _ in range(n):
            for extraction in extractions:
                write_extraction(store, dataclasses.replace(
                    extraction, text_id=f"{extraction.text_id}-c{copies:03d}"))
            copies += 1

    # Shared entities (documents, agencies, measures) are written once whatever the
    # copies; each copy adds its texts, figures and relationships: grow by that step.
    add(1)
    first = _facts(store)
    add(1)
    facts = _facts(store)
    while facts < min_facts:
        add(max(1, -(-(min_facts - facts) // (facts - first))))
        facts = _facts(store)
    return store, copies, time.monotonic() - started


def _timed_push(target, proc, nodes, edges, provenance, batch_size, writers):
    """A push into an empty database: the report and its speed, in wall and CPU time."""
    server_cpu = _cpu_seconds(proc.pid) if proc else None
    jit_cpu = _jit_seconds(proc.pid) if proc else None
    client_cpu = time.process_time()
    report = push(target, nodes, edges, batch_size=batch_size, provenance=provenance,
                  writers=writers)
    client_cpu = time.process_time() - client_cpu
    if proc:
        server_cpu = _cpu_seconds(proc.pid) - server_cpu
        jit_cpu = _jit_seconds(proc.pid) - jit_cpu
    return report, {
        "seconds": round(report.seconds, 2),
        "facts_per_s": round(report.facts / report.seconds),
        "cpu_seconds_server": round(server_cpu, 2) if server_cpu is not None else None,
        "cpu_seconds_server_jit": round(jit_cpu, 2) if jit_cpu is not None else None,
        "cpu_seconds_client": round(client_cpu, 2),
        "facts_per_cpu_s": round(report.facts / (client_cpu + (server_cpu or 0))),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEV)
    parser.add_argument("--min-facts", type=int, default=100_000)
    parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
    parser.add_argument("--writers", type=int, default=WRITERS,
                        help="transactions in flight at once")
    parser.add_argument("--uri-from-env", action="store_true",
                        help="push to NEO4J_URI/NEO4J_USER/NEO4J_PASSWORD: a database this "
                        "bench may empty (it does, between its cold and warm runs)")
    parser.add_argument("--java-opts", default="-Xmx2g", help="JVM options of our own server")
    parser.add_argument("--workdir", type=Path, help="keep (and reuse) the built store here")
    parser.add_argument("--store", type=Path, help="push this store (opened read-only; a "
                        "`policykg build` of any corpus) instead of building copies of dev")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="neo4j-bench-") as tmp:
        store_dir = args.store or (args.workdir or Path(tmp)) / f"store-{args.min_facts}"
        if store_dir.exists():
            store, copies, build_s = open_store(store_dir, read_only=True), None, None
        else:
            print("building the store …", file=sys.stderr)
            store, copies, build_s = build(args.corpus, store_dir, args.min_facts)
        started = time.monotonic()
        nodes, edges = list(node_rows(store)), list(edge_rows(store))
        provenance = store_provenance(store)
        read_s = time.monotonic() - started
        proc = None
        if args.uri_from_env:
            target = Neo4jTarget(os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"),
                                 os.environ.get("NEO4J_USER", "neo4j"),
                                 os.environ["NEO4J_PASSWORD"])
        else:
            print("starting Neo4j …", file=sys.stderr)
            proc, target = start_server(Path(tmp) / "neo4j", args.java_opts)
        try:
            cold = _timed_push(target, proc, nodes, edges, provenance, args.batch_size,
                               args.writers)
            while run_cypher(target, cypher.DELETE_SOME, {"limit": 10_000}).rows[0][0]:
                pass
            warm = _timed_push(target, proc, nodes, edges, provenance, args.batch_size,
                               args.writers)
            again = push(target, nodes, edges, batch_size=args.batch_size,
                         provenance=provenance, writers=args.writers)
        finally:
            if proc is not None:
                proc.terminate()
                proc.wait()
    first = cold[0]
    result = {
        "texts": len(first.texts_written), "copies_of_dev": copies,
        "nodes": first.nodes, "relationships": first.relationships, "facts": first.facts,
        "cold": cold[1], "warm": warm[1],
        "repush_unchanged_seconds": round(again.seconds, 2),
        "read_rows_seconds": round(read_s, 2),
        "build_store_seconds": round(build_s, 2) if build_s is not None else None,
        "batch_size": args.batch_size, "writers": args.writers,
        "load_average_1min_after": os.getloadavg()[0],
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
