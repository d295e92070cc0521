"""The embedded on-disk store: pyoxigraph.Store in a folder, one named graph per text.

It is the build's default writer (see graph/build.py's Writer): ``write_text`` replaces a
text's graph in ONE SPARQL UPDATE request (queries/writer_replace_text.rq: DELETE DATA what
the new version drops, INSERT DATA what it adds), which Oxigraph applies as one
transaction; a text not yet in the store is added with one ``Store.extend``, also one
transaction. A build killed midway
leaves each text either as it was or as it is now, never half-written. Queries see the
union of the named graphs as the default graph. Failures of the store are StoreError.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from policykg.ontology.errors import StoreError
from policykg.ontology.namespaces import PKG

__all__ = ["DEFAULT_STORE", "OxigraphStore", "open_store"]

DEFAULT_STORE = "policykg-store"
FLUSH_EVERY = 500_000  # statements (about 200 texts) between two flushes of the memtables
T = TypeVar("T")
_SHA256 = ox.NamedNode(str(PKG.sha256))


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
                if not (self.path / "CURRENT").exists():
                    raise StoreError(f"{self.path}: no store here (run `policykg build`)")
                self.store = ox.Store.read_only(str(self.path))
            else:
                self.store = ox.Store(str(self.path))
        except (OSError, RuntimeError) as err:
            raise StoreError(f"{self.path}: {_problem(err)}") from err
        self._replace = _template()
        self._unflushed = 0  # statements written since the last flush

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

    def remove_text(self, text_iri: str) -> bool:
        """Take one text's graph out; False if the store did not hold it."""
        graph = ox.NamedNode(text_iri)
        if not self._run(lambda: self.store.contains_named_graph(graph), "cannot read"):
            return False
        self._run(lambda: self.store.remove_graph(graph), f"cannot remove {text_iri}")
        return True

    def has_text(self, text_iri: str, sha256: str) -> bool:
        """Whether the store holds this text built from these very bytes."""
        graph = ox.NamedNode(text_iri)
        found = self.store.quads_for_pattern(graph, _SHA256, ox.Literal(sha256), graph)
        return self._run(lambda: next(iter(found), None) is not None, "cannot read")

    # --- reading -----------------------------------------------------------------------

    def text_iris(self) -> list[str]:
        """The IRIs of the texts in the store, sorted."""
        names = self._run(lambda: list(self.store.named_graphs()), "cannot read")
        return sorted(g.value for g in names if isinstance(g, ox.NamedNode))

    def select(self, query: str, bindings: Mapping[str, ox.NamedNode | ox.Literal] | None = None,
               ) -> Iterator[ox.QuerySolution]:
        """Run a SELECT over the union of the named graphs; values go in as substitutions."""
        subs = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        return iter(self._run(
            lambda: self.store.query(query, use_default_graph_as_union=True, substitutions=subs),
            "query failed"))

    def nquads(self) -> bytes:
        """The whole dataset as N-Quads, lines sorted: byte-identical for the same graph."""
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


def _ntriples(quads: set[ox.Quad]) -> str:
    body = ox.serialize([q.triple for q in quads], format=ox.RdfFormat.N_TRIPLES)
    return (body or b"").decode("utf-8")


def _problem(err: BaseException) -> str:
    text = " ".join(str(err).split())
    if "lock" in text.lower():
        return "the store is in use by another process (a build or a query still running?)"
    return text or type(err).__name__
