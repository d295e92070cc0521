"""The embedded on-disk store: pyoxigraph.Store in a folder, one named graph per text.

It is the build's default writer (see graph/build.py's Writer): ``write_text`` replaces a
text's graph in ONE SPARQL UPDATE request (queries/writer_replace_text.rq: DELETE DATA what
the new version drops, INSERT DATA what it adds), which Oxigraph applies as one
transaction; a text not yet in the store is added with one ``Store.extend``, also one
transaction. A build killed midway
leaves each text either as it was or as it is now, never half-written. Queries see the
union of the named graphs as the default graph. Failures of the store are StoreError.

The build writes through ``write_graph``, which gathers the texts new to the store and
bulk-loads them together (``commit``): Oxigraph's bulk loader writes index files directly,
about 2.5 times as fast as transactions, but is not atomic. So the IRIs of a batch are
written to a file in the store's folder (``policykg-pending``) before its bulk load and
the file is removed after it; a store opened for writing that still has that file was
left by a killed build, and first takes out every text of that batch (``recovered``),
which the next build then writes again; until then the store cannot be opened read-only.
Texts already in the store are never in a bulk load: they are replaced one transaction
each, as above, unless a graph is too big for one transaction (``BULK_EVERY`` statements
or more), which is taken out and bulk-loaded under the same note. The summary graph
(graph/summary.py) comes to ``replace_graph`` as a stream of N-Triples lines: fewer than
``PART``, one transaction as a text's; more, taken out one statement at a time and
bulk-loaded ``PART`` lines at a time under the note. At 10,000 texts it is a million
statements, which as Python terms, and removed or inserted in one transaction, took
gigabytes.
``flush`` at the end of a build leaves no log for the next open to replay; ``optimize``
(``policykg optimize``), after a large build, compacts what the bulk loads left.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from policykg.graph.rdf import TextGraph
from policykg.ontology.errors import StoreError
from policykg.ontology.namespaces import GRAPH_VERSION, PKG, SUMMARY_GRAPH, XSD

__all__ = ["DEFAULT_STORE", "Compaction", "OxigraphStore", "existing_store", "index_files",
           "open_store"]

DEFAULT_STORE = "policykg-store"
FLUSH_EVERY = 500_000  # statements (about 200 texts) between two flushes of the memtables
REMOVED_FLUSH_EVERY = 100_000  # statements taken out one by one between two flushes
PART = 100_000  # N-Triples lines replace_graph bulk-loads at a time (fewer: one transaction)
BULK_EVERY = 250_000  # statements of new texts gathered for one bulk load (about 100 texts)
PENDING = "policykg-pending"  # the texts of a bulk load under way, one IRI a line
T = TypeVar("T")
_SHA256 = ox.NamedNode(str(PKG.sha256))
_VERSION = ox.NamedNode(str(PKG.graphVersion))
_THIS_VERSION = ox.Literal(str(GRAPH_VERSION), datatype=ox.NamedNode(str(XSD.integer)))


def _template() -> str:
    text = resources.files("policykg.graph").joinpath("queries", "writer_replace_text.rq")
    lines = text.read_text("utf-8").splitlines()
    return "\n".join(line for line in lines if not line.startswith("#"))


class OxigraphStore:
    """A policykg store in ``path`` (created on first write)."""

    def __init__(self, path: str | Path = DEFAULT_STORE, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                existing_store(self.path)
                if self._pending_note.exists():  # a reader must not see a graph in part
                    raise StoreError(f"{self.path}: a build stopped while writing "
                                     f"{self._pending_what()} (run `policykg build` again: "
                                     "it takes them out first)")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)  # RocksDB makes the leaf only
                self.store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as err:
            raise StoreError(f"{self.path}: {_problem(err)}") from err
        self._replace = _template()
        self._unflushed = 0  # statements written since the last flush
        self._bulk: dict[str, bytes] = {}  # new texts' N-Quads, waiting for commit()
        self._bulk_size = 0
        self.recovered: list[str] = []  # texts of a killed build's bulk load, taken out
        if not read_only:
            self._recover()

    # --- the Writer interface -----------------------------------------------------------

    def write_text(self, text_iri: str, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Replace the text's graph by these statements, atomically; returns how many."""
        graph = ox.NamedNode(text_iri)
        statements = []
        for statement in quads:
            if isinstance(statement, ox.Triple):
                statement = ox.Quad(statement.subject, statement.predicate, statement.object,
                                    graph)
            elif statement.graph_name != graph:
                raise StoreError(f"{text_iri}: a statement belongs to {statement.graph_name}")
            statements.append(statement)
        if len(statements) >= BULK_EVERY:
            return self._replace_in_bulk(text_iri, statements)
        self._unflushed += len(statements)
        if self._unflushed >= FLUSH_EVERY:
            # RocksDB keeps writes in memtables that grow past 2 GB over a long build before
            # it flushes them itself; flushing every so many statements keeps memory flat.
            self._run(self.store.flush, "cannot flush")
            self._unflushed = 0
        if not self._run(lambda: self.store.contains_named_graph(graph), "cannot read"):
            # A new text: one transactional insert, faster than a SPARQL update.
            self._run(lambda: self.store.extend(statements), f"cannot write {text_iri}")
            return len(statements)
        # A text already there: one update that deletes what the new version drops and
        # inserts what it adds (nothing at all when it did not change).
        old = set(self._run(lambda: list(self.store.quads_for_pattern(None, None, None, graph)),
                            "cannot read"))
        new = set(statements)
        if old != new:
            update = self._replace.replace("{graph}", str(graph)).replace(
                "{deleted}", _ntriples(old - new)).replace("{inserted}", _ntriples(new - old))
            self._run(lambda: self.store.update(update), f"cannot write {text_iri}")
        return len(statements)

    def write_graph(self, graph: TextGraph) -> int:
        """Write one text's graph, replacing its previous version; returns how many
        statements. A text new to the store waits for the next bulk load (``commit``)."""
        if graph.iri in self._bulk:
            self.commit()
        if self._run(lambda: self.store.contains_named_graph(ox.NamedNode(graph.iri)),
                     "cannot read"):
            return self.write_text(graph.iri, graph.quads)
        self._bulk[graph.iri] = graph.nquads
        self._bulk_size += graph.count
        if self._bulk_size >= BULK_EVERY:
            self.commit()
        return graph.count

    def commit(self) -> None:
        """Bulk-load the new texts gathered by ``write_graph``."""
        if not self._bulk:
            return
        data = b"".join(self._bulk.values())
        with self._pending(list(self._bulk)):
            self._run(lambda: self.store.bulk_load(data, format=ox.RdfFormat.N_QUADS),
                      f"cannot write {len(self._bulk)} texts")
        self._bulk.clear()
        self._bulk_size = 0

    def flush(self) -> None:
        """Write the memtables to disk: the next open then has no log to replay (which
        takes seconds and about 1 KB of memory per statement written since the flush)."""
        self.commit()
        if self._unflushed:
            self._run(self.store.flush, "cannot flush")
            self._unflushed = 0

    def optimize(self) -> Compaction:
        """Compact the store: every index rewritten as one sorted run. A build's bulk loads
        leave many overlapping index files, and reading a term then looks in each; at
        10,000 texts compacting took 60-74 s, left 40% less on disk, and reads were 1.4 to
        4.5 times as fast (docs/performance.md)."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only, cannot be optimized")
        self.flush()
        before, started = index_files(self.path), time.perf_counter()
        self._run(self.store.optimize, "cannot optimize")
        seconds = time.perf_counter() - started
        return Compaction(seconds, before, index_files(self.path))

    def replace_graph(self, iri: str, lines: Iterable[str]) -> int:
        """Replace a named graph by these N-Triples lines (each ending in a line break);
        returns how many. Fewer than ``PART``: one transaction, as ``write_text``. More:
        bulk-loaded ``PART`` at a time as they come, under the pending note (a
        replace stopped midway leaves the note, and the next open for writing takes the
        graph out whole)."""
        lines = iter(lines)
        what = f"cannot write {iri}"
        # Pulling the lines may run queries on this store (the summary's): in _run too.
        part = self._run(lambda: "".join(islice(lines, PART)), what)
        if part.count("\n") < PART:
            triples = self._run(lambda: [q.triple for q in ox.parse(
                part, format=ox.RdfFormat.N_TRIPLES)], what)
            return self.write_text(iri, triples)
        self.commit()
        graph = ox.NamedNode(iri)
        count = 0
        with self._pending([iri]):
            self._remove_graph(graph)
            while part:
                self._run(lambda: self.store.bulk_load(part.encode("utf-8"),  # noqa: B023
                                                       format=ox.RdfFormat.N_TRIPLES,
                                                       to_graph=graph), what)
                count += part.count("\n")
                part = self._run(lambda: "".join(islice(lines, PART)), what)
        return count

    def _replace_in_bulk(self, iri: str, statements: list[ox.Quad]) -> int:
        # One transaction holds all its writes in memory: for a graph this big that is
        # gigabytes. Out and in, under the note.
        return self.replace_graph(iri, (f"{quad.triple} .\n" for quad in statements))

    def _remove_graph(self, graph: ox.NamedNode) -> None:
        """Take a graph out one statement at a time: ``remove_graph`` is one transaction,
        which holds every removal in memory (1.3 GB for a million statements)."""
        what = f"cannot remove {graph.value}"
        for quad in self._run(lambda: self.store.quads_for_pattern(None, None, None, graph),
                              what):
            self._run(lambda quad=quad: self.store.remove(quad), what)
            self._unflushed += 1
            if self._unflushed >= REMOVED_FLUSH_EVERY:  # 600 MB of memtables at 500,000
                self._run(self.store.flush, "cannot flush")
                self._unflushed = 0
        self._run(lambda: self.store.remove_graph(graph), what)  # the name, now empty

    @contextmanager
    def _pending(self, iris: list[str]) -> Iterator[None]:
        """The note that these graphs are being written in bulk, there while they are."""
        pending = self._pending_note
        written = pending.with_name(PENDING + ".new")
        try:
            written.write_text("".join(f"{iri}\n" for iri in iris), "utf-8")
            os.replace(written, pending)  # the list is whole, or not there at all
        except OSError as err:
            raise StoreError(f"{self.path}: cannot write {pending.name} ({err})") from err
        yield
        pending.unlink()

    @property
    def _pending_note(self) -> Path:
        return self.path / PENDING

    def _pending_iris(self) -> list[str]:
        """The graphs the pending note lists, one IRI a line."""
        return [line for line in self._pending_note.read_text("utf-8").splitlines() if line]

    def _pending_what(self) -> str:
        """The graphs of the pending note, for a message: how many, and the first."""
        try:
            iris = self._pending_iris()
        except (OSError, UnicodeDecodeError):
            iris = []
        if not iris:
            return "some graphs"
        if len(iris) == 1:
            return f"the graph {iris[0]}"
        return f"{len(iris)} graphs ({iris[0]}, …)"

    def _recover(self) -> None:
        if not self._pending_note.exists():
            return
        iris = self._pending_iris()
        for iri in iris:
            self._remove_graph(ox.NamedNode(iri))
        self._pending_note.unlink()
        self.recovered = iris

    def remove_text(self, text_iri: str) -> bool:
        """Take one text's graph out; False if the store did not hold it."""
        self.commit()
        graph = ox.NamedNode(text_iri)
        if not self._run(lambda: self.store.contains_named_graph(graph), "cannot read"):
            return False
        self._run(lambda: self.store.remove_graph(graph), f"cannot remove {text_iri}")
        return True

    def has_text(self, text_iri: str, sha256: str) -> bool:
        """Whether the store holds this text built from these very bytes, by this version
        of the graph (GRAPH_VERSION)."""
        self.commit()
        graph = ox.NamedNode(text_iri)

        def held(predicate: ox.NamedNode, value: ox.Literal) -> bool:
            found = self.store.quads_for_pattern(graph, predicate, value, graph)
            return next(iter(found), None) is not None
        return self._run(lambda: held(_SHA256, ox.Literal(sha256))
                         and held(_VERSION, _THIS_VERSION), "cannot read")

    # --- reading -----------------------------------------------------------------------

    def text_iris(self) -> list[str]:
        """The IRIs of the texts in the store, sorted (not the summary graph's)."""
        self.commit()
        names = self._run(lambda: list(self.store.named_graphs()), "cannot read")
        return sorted(g.value for g in names
                      if isinstance(g, ox.NamedNode) and g.value != SUMMARY_GRAPH)

    def select(self, query: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
               ) -> Iterator[ox.QuerySolution]:
        """Run a SELECT over the union of the named graphs; values go in as substitutions."""
        self.commit()
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return iter(self._run(
            lambda: self.store.query(query, use_default_graph_as_union=True, substitutions=subs),
            "query failed"))

    def nquads(self) -> bytes:
        """The whole dataset as N-Quads, lines sorted: byte-identical for the same graph."""
        self.commit()
        data = self._run(lambda: self.store.dump(format=ox.RdfFormat.N_QUADS), "cannot read")
        lines = sorted(set((data or b"").splitlines()))
        return b"".join(line + b"\n" for line in lines if line)

    def _run(self, action: Callable[[], T], what: str) -> T:
        try:
            return action()
        except (OSError, RuntimeError, SyntaxError, ValueError) as err:
            raise StoreError(f"{self.path}: {what} ({_problem(err)})") from err


def open_store(path: str | Path = DEFAULT_STORE, read_only: bool = False) -> OxigraphStore:
    return OxigraphStore(path, read_only=read_only)


@dataclass(frozen=True)
class Compaction:
    """What ``optimize`` did: its time, and the index files (count, bytes) around it."""

    seconds: float
    before: tuple[int, int]
    after: tuple[int, int]


def existing_store(path: str | Path) -> Path:
    """``path``, if a store is there; a StoreError naming it otherwise."""
    path = Path(path)
    if not (path / "CURRENT").exists():
        raise StoreError(f"{path}: no store here (run `policykg build`)")
    return path


def index_files(path: str | Path) -> tuple[int, int]:
    """How many index files (RocksDB's .sst) the store in ``path`` has, and their bytes."""
    sizes = []
    for file in Path(path).glob("*.sst"):
        try:
            sizes.append(file.stat().st_size)
        except FileNotFoundError:  # merged away by a compaction between listing and now
            continue
    return len(sizes), sum(sizes)


def _ntriples(quads: set[ox.Quad]) -> str:
    body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
    return (body or b"").decode("utf-8")


def _problem(err: BaseException) -> str:
    text = " ".join(str(err).split())
    if "lock" in text.lower():
        return "the store is in use by another process (a build or a query still running?)"
    return text or type(err).__name__
