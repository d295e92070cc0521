"""The benchmark: how fast policykg reads, builds and answers, beside the floor of each.

:func:`run_bench` writes a synthetic corpus (policykg/synth.py), then measures, each speed
beside a baseline taken in the same run on the same texts:

- extraction chars/s on one core and on ``workers`` processes, beside a bare regex pass
  over the same texts (``《[^》]*》`` and ``\\d+``: the floor of reading them); the parallel
  output is checked equal to the serial one, text by text;
- the build (extract, resolve, write into a fresh on-disk store) in texts/s and triples/s,
  run in a process of its own whose whole process tree is watched for peak RSS;
- writing the same triples into an on-disk Oxigraph store alone, beside loading them
  into an in-memory rdflib Graph (on the first ``rdflib_texts`` texts: rdflib holds
  about 1 KB per triple);
- p50/p95 latency of every named SPARQL query on the built graph, and with ``optimize``
  again once the store is compacted (``policykg optimize``, timed);
- Neo4j push nodes+relationships/s when a server is given (the whole graph, or the first
  ``neo4j_texts`` texts; the store compacted first with ``optimize``): `policykg neo4j
  push --store` end to end, reads included, on the server just started (the target's
  figure), then the rows read whole (timed apart) pushed ``neo4j_pushes`` times into the
  emptied database, the last into a server warmed by the others;
- with ``rss_texts``, the same build on the first ``rss_texts`` texts, so the peak RSS of
  a small and a large corpus can be compared (text i is the same in both).
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import platform
import re
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from policykg import synth
from policykg.extract.api import extract_many
from policykg.extract.parallel import extract_parallel
from policykg.extract.pipeline import shared_pipeline
from policykg.graph import cypher
from policykg.graph import query as q
from policykg.graph.neo4j_writer import Neo4jTarget, push, push_store, read_store, run_cypher
from policykg.graph.rdf import TextGraph
from policykg.graph.resolve import resolve
from policykg.graph.store import OxigraphStore
from policykg.ontology.errors import PolicyKGError

_FLOOR = (re.compile("《[^》]*》"), re.compile(r"\d+"))

#: (result key, comparison, threshold, what it means) on this 2-core machine.
#: Pushes of the same texts into the emptied Neo4j database: the first on a server just
#: started, the last once the JVM has compiled its hot paths (two were not enough for that).
NEO4J_PUSHES = 3

TARGETS = (
    ("extract_chars_per_s_per_core", ">=", 500_000, "extraction chars/s on one core"),
    ("build_projected_s_10000", "<=", 180, "10,000 texts built into the store, all cores"),
    ("build_peak_rss_mb", "<=", 2048, "peak RSS of the build's process tree"),
    ("rss_growth", "<=", 1.2, "peak RSS, large corpus over small corpus"),
    ("query_p95_ms_max", "<=", 100, "slowest named query's p95"),
    ("neo4j_facts_per_s", ">=", 20_000, "Neo4j push nodes+relationships/s, reads included"),
)


@dataclass
class BenchConfig:
    texts: int = 1000
    seed: int = 0
    workers: int = 0  # 0: one per core
    extract_texts: int = 1000  # texts timed for the standalone extraction speeds
    rdflib_texts: int = 100  # texts whose triples go through the write baselines
    neo4j_texts: int = 0  # texts pushed to Neo4j; 0: all, the graph the queries run on
    neo4j_pushes: int = NEO4J_PUSHES  # the same push again and again: the last is warm
    query_runs: int = 20
    query_budget: float = 20.0  # seconds of timed runs per query at most (one run at least)
    query_timeout: float = 300.0  # a query process still running then is stopped
    rss_texts: int = 0  # also build this many texts to compare peak RSS; 0: skip
    optimize: bool = True  # compact the store after the queries, then time them again
    progress: bool = False  # the build's progress bar on stderr
    workdir: str | None = None  # kept if given; a temporary folder otherwise
    neo4j: Neo4jTarget | None = field(default=None, repr=False)  # when a server is given


@dataclass
class Speed:
    items: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.items / self.seconds if self.seconds > 0 else 0.0


def run_bench(config: BenchConfig, say: Callable[[str], None] | None = None,
              checkpoint: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Run every measurement; returns the JSON-ready result (see :func:`render`).

    ``checkpoint`` gets the result so far after each phase (a long run that is stopped
    still leaves what it measured)."""
    say = say or (lambda line: print(line, file=sys.stderr))
    workers = config.workers or os.cpu_count() or 1
    own_dir = config.workdir is None
    work = Path(config.workdir or tempfile.mkdtemp(prefix="policykg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    texts_dir, store_dir = work / "texts", work / "store"
    m: dict[str, Any] = {}  # the raw measures, phase by phase

    def done() -> None:
        if checkpoint:
            checkpoint(assemble(config, workers, m))

    try:
        shutil.rmtree(texts_dir, ignore_errors=True)
        say(f"writing {config.texts} synthetic texts (seed {config.seed}) to {texts_dir}")
        started = time.perf_counter()
        paths = list(synth.write_corpus(texts_dir, config.texts, config.seed))
        m["generate_seconds"] = time.perf_counter() - started
        m["bytes"] = sum(p.stat().st_size for p in paths)
        sample = paths[: config.extract_texts]

        say(f"regex floor over {len(paths)} texts")
        m["floor_all"], m["floor"] = regex_floor(paths), regex_floor(sample)
        say(f"extraction of {len(sample)} texts on 1 core, then on {workers} processes")
        shared_pipeline()  # built before the clock starts, as the workers' is not
        m["serial"], _, serial_digests = timed_extraction(sample, 1)
        m["parallel_all"], m["parallel"], parallel_digests = timed_extraction(sample, workers)
        m["equal"] = serial_digests == parallel_digests
        done()

        say(f"build of {len(paths)} texts into {store_dir} with {workers} workers")
        m["build"] = build_in_child(texts_dir, store_dir, workers, config.progress)
        done()

        if 0 < config.rss_texts < len(paths):
            say(f"build of the first {config.rss_texts} texts, for the peak RSS comparison")
            small_dir = work / "texts-small"
            shutil.rmtree(small_dir, ignore_errors=True)
            small_dir.mkdir()
            for path in paths[: config.rss_texts]:
                os.link(path, small_dir / path.name)
            m["small"] = build_in_child(small_dir, work / "store-small", workers, config.progress)
            shutil.rmtree(work / "store-small", ignore_errors=True)
            shutil.rmtree(small_dir, ignore_errors=True)
            done()

        say(f"write baselines on the triples of the first {config.rdflib_texts} texts")
        scratch = work / "store-baseline"
        m["store_write"], m["rdflib"] = write_baselines(store_dir, config.rdflib_texts, scratch)
        shutil.rmtree(scratch, ignore_errors=True)
        done()

        samples = sample_values(paths[:4])
        say(f"named queries, {config.query_runs} runs each")
        m["queries"] = query_latencies(store_dir, samples, config.query_runs,
                                       config.query_budget, config.query_timeout)
        done()

        if config.optimize:
            say(f"compaction of {store_dir} (policykg optimize), then the queries again")
            m["optimize"] = timed_optimize(store_dir)
            m["queries_optimized"] = query_latencies(
                store_dir, samples, config.query_runs, config.query_budget,
                config.query_timeout)
            done()

        if config.neo4j:
            pushed = store_dir
            if 0 < config.neo4j_texts < len(paths):
                copy_texts(store_dir, config.neo4j_texts, scratch)
                pushed = scratch
            say(f"Neo4j push of {min(config.neo4j_texts or len(paths), len(paths))} texts, "
                f"{config.neo4j_pushes} times")
            m["neo4j"] = neo4j_push(pushed, config.neo4j, config.neo4j_pushes)
            shutil.rmtree(scratch, ignore_errors=True)
            done()

    finally:
        if own_dir:
            shutil.rmtree(work, ignore_errors=True)
    return assemble(config, workers, m)


def assemble(config: BenchConfig, workers: int, m: dict[str, Any]) -> dict[str, Any]:
    """The result document from the measures taken so far."""
    results: dict[str, Any] = {}
    baselines: dict[str, Any] = {}
    ratios: dict[str, Any] = {}
    floor = m.get("floor")
    if "serial" in m:
        serial, parallel, parallel_all = m["serial"], m["parallel"], m["parallel_all"]
        results |= {
            "extract_chars_per_s_per_core": serial.rate,
            "extract_chars_per_s_all_cores": parallel.rate,
            "extract_chars_per_s_all_cores_with_startup": parallel_all.rate,
            "extract_workers_startup_s": parallel_all.seconds - parallel.seconds,
            "extract_parallel_equals_serial": m["equal"],
        }
        baselines |= {"regex_chars_per_s": floor.rate,
                      "regex_chars_per_s_all_texts": m["floor_all"].rate}
        ratios |= {"extract_1_core_vs_regex": serial.rate / floor.rate,
                   "extract_all_cores_vs_regex": parallel.rate / floor.rate,
                   "parallel_speedup": parallel.rate / serial.rate}
    if "build" in m:
        build = m["build"]
        results |= {
            "build_seconds": build["seconds"],
            "build_texts_per_s": build["texts"] / build["seconds"],
            "build_chars_per_s": m["floor_all"].items / build["seconds"],
            "build_triples": build["triples"],
            "build_triples_per_s": build["triples"] / build["seconds"],
            "build_failures": build["failures"],
            "build_projected_s_10000": build["seconds"] * 10_000 / max(build["texts"], 1),
            "build_peak_rss_mb": build["tree_peak_rss_mb"],
            "build_main_rss_mb": build["main_maxrss_mb"],
        }
    if "queries" in m:
        queries = m["queries"]
        results["queries"] = queries
        # a query stopped at the timeout counts as taking the whole timeout
        results["query_p95_ms_max"] = _slowest(queries, config.query_timeout)
        results["query_failures"] = sorted(n for n, r in queries.items() if "p95_ms" not in r)
    if "optimize" in m:
        # The target is judged on the store as `policykg build` leaves it, above.
        optimized = m["queries_optimized"]
        results |= m["optimize"] | {"queries_optimized": optimized}
        results["query_p95_ms_max_optimized"] = _slowest(optimized, config.query_timeout)
    if "rdflib" in m:
        rdflib_load = m["rdflib"]
        results["store_write_triples_per_s"] = m["store_write"].rate
        baselines |= {"rdflib_triples_per_s": rdflib_load.rate,
                      "rdflib_triples": rdflib_load.items}
        ratios["store_write_vs_rdflib"] = m["store_write"].rate / rdflib_load.rate
        if "build" in m:
            ratios["build_triples_vs_rdflib"] = results["build_triples_per_s"] / rdflib_load.rate
        if "neo4j" in m:
            pushes = m["neo4j"]
            results |= {"neo4j_texts": pushes.texts, "neo4j_facts": pushes.command.items,
                        "neo4j_seconds": pushes.command.seconds,
                        "neo4j_facts_per_s": pushes.command.rate,
                        "neo4j_read_seconds": pushes.command_read_seconds,
                        "neo4j_peak_rss_mb": pushes.command_peak_rss_mb,
                        "neo4j_rows_read_seconds": pushes.read_seconds,
                        "neo4j_rows_seconds": pushes.first.seconds,
                        "neo4j_rows_facts_per_s": pushes.first.rate,
                        "neo4j_warm_seconds": pushes.last.seconds,
                        "neo4j_warm_facts_per_s": pushes.last.rate,
                        "neo4j_pushes": config.neo4j_pushes}
            ratios["neo4j_facts_vs_rdflib_triples"] = pushes.command.rate / rdflib_load.rate
    if "small" in m and "build" in m:
        results |= {
            "rss_small_texts": config.rss_texts,
            "rss_small_peak_mb": m["small"]["tree_peak_rss_mb"],
            "rss_growth": m["build"]["tree_peak_rss_mb"] / m["small"]["tree_peak_rss_mb"],
        }
    return {
        "config": {k: v for k, v in asdict(config).items() if k != "neo4j"}
        | {"workers": workers, "neo4j": config.neo4j.describe() if config.neo4j else None},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform()},
        "corpus": {"texts": config.texts, "chars": m["floor_all"].items if floor else None,
                   "bytes": m.get("bytes"), "generate_seconds": m.get("generate_seconds"),
                   "extract_sample_texts": min(config.extract_texts, config.texts),
                   "extract_sample_chars": floor.items if floor else None},
        "results": results,
        "baselines": baselines,
        "ratios": ratios,
        "targets": check_targets(results),
    }


def _slowest(queries: dict[str, dict[str, Any]], timeout: float) -> float:
    """The slowest p95 in ms; a query stopped at the timeout counts as the whole timeout."""
    return max((r.get("p95_ms", timeout * 1000) for r in queries.values()), default=0.0)


# --- the measurements -------------------------------------------------------------------


def regex_floor(paths: list[Path]) -> Speed:
    """Read every text and run the two bare patterns over it: chars per second."""
    chars, hits = 0, 0
    started = time.perf_counter()
    for path in paths:
        text = path.read_bytes().decode("utf-8")
        chars += len(text)
        for pattern in _FLOOR:
            hits += sum(1 for _ in pattern.finditer(text))
    return Speed(chars, time.perf_counter() - started)


def timed_extraction(paths: list[Path], workers: int) -> tuple[Speed, Speed, list[str]]:
    """Extraction chars/s, start-up included and from the first result on (the steady
    pace, without building each worker's pipeline), and a digest of each result."""
    chars, first_chars, first, digests = 0, 0, 0.0, []
    started = time.perf_counter()
    results = extract_many(paths) if workers == 1 else extract_parallel(paths, workers)
    for path, result in results:
        if not isinstance(result, PolicyKGError):
            chars += len(result.text)
        if not first:
            first, first_chars = time.perf_counter() - started, chars
        digests.append(hashlib.sha256(f"{path}{result!r}".encode()).hexdigest())
    seconds = time.perf_counter() - started
    return (Speed(chars, seconds), Speed(chars - first_chars, seconds - first), digests)


def build_in_child(texts_dir: Path, store_dir: Path, workers: int,
                   progress: bool = False) -> dict[str, Any]:
    """`policykg build --workers N` in a fresh process, its process tree's RSS watched."""
    shutil.rmtree(store_dir, ignore_errors=True)
    return _in_child(_build_child, (str(texts_dir), str(store_dir), workers, progress),
                     "build", watch_rss=True)


def _in_child(work: Callable[..., None], args: tuple[Any, ...], what: str,
              watch_rss: bool = False) -> dict[str, Any]:
    """``work(*args, send)`` in a fresh process; the dict it sends (``error``: raised),
    with ``watch_rss`` the peak RSS of the child's process tree in ``tree_peak_rss_mb``."""
    ctx = multiprocessing.get_context("spawn")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=work, args=(*args, send))
    child.start()
    send.close()
    watch = TreeRss(child.pid) if watch_rss else None
    if watch:
        watch.start()
    try:
        out = receive.recv()
    except EOFError:
        out = {"error": f"the {what} process died"}
    child.join()
    if watch:
        watch.stop()
        out["tree_peak_rss_mb"] = watch.peak / 2**20
    if "error" in out:
        raise PolicyKGError(f"benchmark {what} failed: {out['error']}")
    return out


def _build_child(texts_dir: str, store_dir: str, workers: int, progress: bool,
                 send: Any) -> None:
    from policykg import pipeline

    try:
        started = time.perf_counter()
        report = pipeline.build([texts_dir], OxigraphStore(store_dir), progress=progress,
                                report=lambda line: None, workers=workers)
        seconds = time.perf_counter() - started
        send.send({
            "seconds": seconds, "texts": report.built, "triples": report.triples,
            "failures": len(report.failures),
            "main_maxrss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        })
    except Exception as err:  # reported by the parent as one line
        send.send({"error": f"{type(err).__name__}: {err}"})


class TreeRss(threading.Thread):
    """Polls /proc for the summed RSS of a process and all its descendants (the build,
    the fork server and the workers, which getrusage cannot add up while they run)."""

    def __init__(self, pid: int, every: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.every, self.peak = pid, every, 0
        self._done = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def run(self) -> None:
        while not self._done.is_set():
            self.peak = max(self.peak, self.sample())
            self._done.wait(self.every)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def sample(self) -> int:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
        total, todo = 0, [self.pid]
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * self._page
            except (OSError, IndexError, ValueError):
                continue
        return total


def query_latencies(store_dir: Path, samples: dict[str, list[str]], runs: int,
                    budget: float = 20.0, timeout: float = 300.0) -> dict[str, dict[str, Any]]:
    """p50/p95 wall time of every named query on the store, rows materialised.

    Each query runs in a process of its own on the store opened read-only: one warm-up
    run, then ``runs`` timed runs, fewer when a run takes more than ``budget`` seconds
    (but each sample value at least once); a process still running after ``timeout``
    seconds is stopped and the query reported as timed out. A query with parameters gets
    the first sample values it finds rows for."""
    out: dict[str, dict[str, Any]] = {}
    ctx = multiprocessing.get_context("spawn")
    for name in q.named_queries():
        receive, send = ctx.Pipe(duplex=False)
        child = ctx.Process(target=_query_child,
                            args=(str(store_dir), name, samples, runs, budget, send))
        child.start()
        send.close()
        if receive.poll(timeout):
            try:
                out[name] = receive.recv()
            except EOFError:
                out[name] = {"error": "the query process died"}
        else:
            child.terminate()
            out[name] = {"timed_out_after_s": timeout}
        child.join()
    return out


#: The page whose latency is reported beside a paged query's whole answer.
PAGE_ROWS = 100


def _query_child(store_dir: str, name: str, samples: dict[str, list[str]], runs: int,
                 budget: float, send: Any) -> None:
    store = OxigraphStore(store_dir, read_only=True).store
    named = q.named_query(name)
    # Every sample value set that gives rows: the runs go round them, so the p95 is over
    # the values a user might ask for (an agency by its full name, or by a printed form
    # such as 县信访局 that every county's bureau shares), not one value's best case.
    chosen, rows, warm = [], [], 0.0
    for choice in _choices(named, samples):
        params = named.bind(choice)
        started = time.perf_counter()
        table = q.run_local(store, named.text, params)
        warm = max(warm, time.perf_counter() - started)
        if table.rows or not named.params:
            chosen.append(params)
            rows.append(len(table.rows))
    chosen = chosen or [params]
    times = []
    # Every value at least once, however slow: timing only the first few would leave a
    # slow broad name out of the p95.
    for i in range(max(len(chosen), min(runs, int(budget / max(warm, 1e-9))))):
        started = time.perf_counter()
        q.run_local(store, named.text, chosen[i % len(chosen)])
        times.append((time.perf_counter() - started) * 1000)
    result = {"p50_ms": statistics.median(times), "p95_ms": _percentile(times, 95),
              "runs": len(times), "rows": max(rows, default=0), "values": len(chosen),
              "params": [{k: str(v) for k, v in p.items()} for p in chosen]}
    if named.page_by:  # the first page, as `policykg query --limit` reads it
        text, page = named.page(PAGE_ROWS)
        page |= chosen[0]
        paged = []
        for _ in range(runs):
            started = time.perf_counter()
            q.run_local(store, text, page)
            paged.append((time.perf_counter() - started) * 1000)
        result["page_p95_ms"] = _percentile(paged, 95)
    send.send(result)


def sample_values(paths: list[Path]) -> dict[str, list[str]]:
    """Parameter values by kind, from what these texts say: the agencies that issued
    something, each by its canonical name and as printed (a printed 县信访局 names every
    county's bureau: the broad case), and the documents they cite, as printed."""
    issuers, titles, ids = [], [], []
    for _path, ex in extract_many(paths):
        if isinstance(ex, PolicyKGError):
            continue
        ids.append(ex.text_id)
        entities = resolve(ex).entities
        for link in ex.links:
            if link.kind == "issued" and link.source in entities:
                agency = entities[link.source]
                issuers += [agency.label, *agency.printed]
        titles += [doc["title"] for doc in ex.summary()["documents"]]
    labels = list(dict.fromkeys(issuers))[:6] + list(dict.fromkeys(titles))[:2]
    return {"label": labels, "title": list(dict.fromkeys(titles))[:4], "string": ids[:4]}


def _choices(named: q.NamedQuery, samples: dict[str, list[str]]) -> Iterator[dict[str, str]]:
    if not named.params:
        yield {}
        return
    kinds = {p: samples.get(spec.kind, []) for p, spec in named.params.items()}
    for i in range(max(1, *(len(v) for v in kinds.values()))):
        yield {p: values[min(i, len(values) - 1)] if values else "" for p, values in kinds.items()}


def _percentile(values: list[float], pct: float) -> float:
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def timed_optimize(store_dir: Path) -> dict[str, Any]:
    """``policykg optimize`` on the built store: its time and the index files around it."""
    done = OxigraphStore(store_dir).optimize()
    (files, size), (after, after_size) = done.before, done.after
    return {"optimize_seconds": done.seconds, "optimize_index_files": [files, after],
            "optimize_index_mb": [size / 1e6, after_size / 1e6]}


def write_baselines(store_dir: Path, texts: int, scratch: Path) -> tuple[Speed, Speed]:
    """The triples of the first ``texts`` texts written into a fresh on-disk Oxigraph store
    (``scratch``, left for the Neo4j push) the way the build writes them (new texts: bulk
    loads), and parsed into
    an in-memory rdflib Graph."""
    import rdflib

    store = OxigraphStore(store_dir, read_only=True)
    graphs = [ox.NamedNode(iri) for iri in store.text_iris()[:texts]]
    per_text = [list(store.store.quads_for_pattern(None, None, None, g)) for g in graphs]
    del store
    triples = sum(len(t) for t in per_text)
    built = [_as_graph(g.value, quads) for g, quads in zip(graphs, per_text, strict=True)]
    shutil.rmtree(scratch, ignore_errors=True)
    target = OxigraphStore(scratch)
    started = time.perf_counter()
    for graph in built:
        target.write_graph(graph)
    target.commit()
    oxi = Speed(triples, time.perf_counter() - started)
    del target, built
    data = [ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES) or b""
            for quads in per_text]
    del per_text
    started = time.perf_counter()
    memory = rdflib.Graph()
    for chunk in data:
        memory.parse(data=chunk, format="nt")
    loaded = Speed(triples, time.perf_counter() - started)
    del memory
    return oxi, loaded


def copy_texts(store_dir: Path, texts: int, scratch: Path) -> None:
    """A fresh store in ``scratch`` holding the graphs of the first ``texts`` texts."""
    store = OxigraphStore(store_dir, read_only=True)
    shutil.rmtree(scratch, ignore_errors=True)
    target = OxigraphStore(scratch)
    for iri in store.text_iris()[:texts]:
        quads = list(store.store.quads_for_pattern(None, None, None, ox.NamedNode(iri)))
        target.write_graph(_as_graph(iri, quads))
    target.flush()


def _as_graph(iri: str, quads: list[ox.Quad]) -> TextGraph:
    return TextGraph(iri, ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"", len(quads))


@dataclass
class Pushes:
    texts: int
    command: Speed  # `policykg neo4j push --store`, reads included, server just started
    command_read_seconds: float  # of which reading the store
    command_peak_rss_mb: float  # of its process
    read_seconds: float  # reading the rows and provenance out of the store whole, once
    first: Speed  # of those rows, the first push (the server warmed by the command's)
    last: Speed  # after the others, as a server that has been running takes it


def neo4j_push(store_dir: Path, target: Neo4jTarget, pushes: int = NEO4J_PUSHES) -> Pushes:
    """Push the store to Neo4j as `policykg neo4j push --store` does, in a process of its
    own on the server just started (the target's figure: what a user waits for, the
    store's reads included, and the process's peak RSS); then, the rows read whole once
    (timed apart), ``pushes`` times more into the emptied database, Neo4j's own pace. A
    server just started pays for the JVM's warming up (10-30 CPU s of JIT compiling)
    whatever the push's size: all 10,000 texts' rows went in at 18.7-20.5k facts/s on a
    fresh server and 22.5-26k on a warm one. The last push is what a server that has been
    running takes."""
    store = OxigraphStore(store_dir, read_only=True)
    command = _store_push_in_child(store_dir, target)
    texts = len(store.text_iris())
    started = time.perf_counter()
    nodes, edges, provenance = read_store(store)
    read = time.perf_counter() - started
    speeds = []
    for _ in range(max(1, pushes)):
        _empty(target)
        report = push(target, nodes, edges, provenance=provenance)
        speeds.append(Speed(report.facts, report.seconds))
    return Pushes(texts, Speed(command["facts"], command["seconds"]), command["read_seconds"],
                  command["peak_rss_mb"], read, speeds[0], speeds[-1])


def _empty(target: Neo4jTarget) -> None:
    while run_cypher(target, cypher.DELETE_SOME, {"limit": 10_000}).rows[0][0]:
        pass


def _store_push_in_child(store_dir: Path, target: Neo4jTarget) -> dict[str, Any]:
    _empty(target)
    return _in_child(_store_push_child, (str(store_dir), target), "push")


def _store_push_child(store_dir: str, target: Neo4jTarget, send: Any) -> None:
    try:
        report = push_store(target, OxigraphStore(store_dir, read_only=True))
    except PolicyKGError as err:
        send.send({"error": str(err)})
        return
    send.send({"facts": report.facts, "seconds": report.seconds,
               "read_seconds": report.read_seconds,
               "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024})


# --- targets and the table ---------------------------------------------------------------


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for key, op, threshold, meaning in TARGETS:
        value = results.get(key)
        met = None if value is None else (value >= threshold if op == ">=" else value <= threshold)
        out.append({"key": key, "target": f"{op} {threshold:g}", "value": value, "met": met,
                    "meaning": meaning})
    return out


def render(result: dict[str, Any]) -> str:
    """The result as a plain-text table: each speed, its baseline and the ratio."""
    r, b, x = result["results"], result["baselines"], result["ratios"]
    c = result["corpus"]
    w = result["config"]["workers"]
    rows = [
        ("corpus", f"{c['texts']} texts, {c['chars'] / 1e6:.1f}M chars", "", ""),
        ("regex floor (1 core)", f"{b['regex_chars_per_s'] / 1e6:.2f}M chars/s", "", ""),
        ("extract, 1 core", f"{r['extract_chars_per_s_per_core'] / 1e3:.0f}k chars/s",
         "regex floor", f"{x['extract_1_core_vs_regex']:.3f}x"),
        (f"extract, {w} processes", f"{r['extract_chars_per_s_all_cores'] / 1e3:.0f}k chars/s",
         "regex floor", f"{x['extract_all_cores_vs_regex']:.3f}x"),
        ("  with worker start-up", f"{r['extract_chars_per_s_all_cores_with_startup'] / 1e3:.0f}k"
         f" chars/s", f"start-up {r['extract_workers_startup_s']:.1f} s", ""),
        ("parallel == serial", str(r["extract_parallel_equals_serial"]), "",
         f"speedup {x['parallel_speedup']:.2f}x"),
        (f"build, {w} workers", f"{r['build_seconds']:.1f} s, {r['build_texts_per_s']:.1f} texts/s",
         "", f"10k texts: {r['build_projected_s_10000']:.0f} s"),
        ("build triples written", f"{r['build_triples_per_s'] / 1e3:.1f}k triples/s",
         f"rdflib {b['rdflib_triples_per_s'] / 1e3:.1f}k/s",
         f"{x['build_triples_vs_rdflib']:.2f}x"),
        ("store write only", f"{r['store_write_triples_per_s'] / 1e3:.1f}k triples/s",
         "rdflib in memory", f"{x['store_write_vs_rdflib']:.2f}x"),
        ("build peak RSS (tree)", f"{r['build_peak_rss_mb']:.0f} MB",
         f"main process {r['build_main_rss_mb']:.0f} MB", ""),
    ]
    if "rss_growth" in r:
        rows.append((f"peak RSS at {r['rss_small_texts']} texts",
                     f"{r['rss_small_peak_mb']:.0f} MB", "", f"growth {r['rss_growth']:.2f}x"))
    if "optimize_seconds" in r:
        (files, after), (size, after_size) = r["optimize_index_files"], r["optimize_index_mb"]
        rows.append(("optimize (compaction)", f"{r['optimize_seconds']:.1f} s",
                     f"index files {files} -> {after}", f"{size:.0f} -> {after_size:.0f} MB"))
    if "neo4j_facts_per_s" in r:
        rows.append((f"Neo4j push --store, {r['neo4j_texts']} texts",
                     f"{r['neo4j_facts_per_s'] / 1e3:.1f}k facts/s",
                     "rdflib", f"{x['neo4j_facts_vs_rdflib_triples']:.2f}x"))
        rows.append(("  of which reading the store",
                     f"{r['neo4j_read_seconds']:.1f} s of {r['neo4j_seconds']:.1f} s",
                     f"peak RSS {r['neo4j_peak_rss_mb']:.0f} MB", f"{r['neo4j_facts']} facts"))
        rows.append(("  the rows read whole, pushed",
                     f"{r['neo4j_rows_facts_per_s'] / 1e3:.1f}k facts/s",
                     f"read {r['neo4j_rows_read_seconds']:.1f} s", ""))
        rows.append((f"  push {r['neo4j_pushes']} of those rows",
                     f"{r['neo4j_warm_facts_per_s'] / 1e3:.1f}k facts/s", "", ""))
    rows += _query_rows(r["queries"], "query")
    if "queries_optimized" in r:
        rows += _query_rows(r["queries_optimized"], "optimized")
    head = ("measure", "value", "baseline", "ratio")
    widths = [max(len(str(row[i])) for row in [head, *rows]) for i in range(4)]
    lines = ["  ".join(str(v).ljust(widths[i]) for i, v in enumerate(row)).rstrip()
             for row in [head, *rows]]
    lines.insert(1, "  ".join("-" * n for n in widths))
    lines.append("")
    for t in result["targets"]:
        state = {True: "met", False: "MISSED", None: "not measured"}[t["met"]]
        value = "-" if t["value"] is None else f"{t['value']:.6g}"
        lines.append(f"target {t['meaning']}: {value} {t['target']}: {state}")
    return "\n".join(lines) + "\n"


def _query_rows(queries: dict[str, dict[str, Any]], prefix: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for name, lat in queries.items():
        if "p95_ms" not in lat:
            problem = lat.get("error") or f"stopped after {lat['timed_out_after_s']:.0f} s"
            rows.append((f"{prefix} {name}", problem, "", ""))
            continue
        page = (f"; first {PAGE_ROWS} rows p95 {lat['page_p95_ms']:.1f} ms"
                if "page_p95_ms" in lat else "")
        rows.append((f"{prefix} {name}",
                     f"p50 {lat['p50_ms']:.1f} ms, p95 {lat['p95_ms']:.1f} ms{page}",
                     f"≤ {lat['rows']} rows", f"{lat['runs']} runs, {lat['values']} values"))
    return rows
