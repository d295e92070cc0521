"""The resolved graph into Neo4j: nodes by label, relationships by type, each with its text.

A push makes the Neo4j database hold what the given rows say (docs/model.md: node kinds
are labels, relations are relationship types, the IRI is every node's unique key):

1. uniqueness constraints on ``iri`` for every label, an index on ``text`` for every
   relationship type;
2. the texts whose facts are stale (pushed from other bytes, half-pushed, or, with
   ``prune``, no longer in the source) lose their relationships, their claim on the
   nodes' ``texts`` and the nodes no text holds any more;
3. every node is merged by IRI with its properties replaced (created, when the push
   began on an empty database: a batch replayed then fails on the IRI's uniqueness and
   is merged instead);
4. the relationships of the stale and new texts are written, one per start, end and text,
   a batch of whole texts per transaction that first deletes what those texts had (a
   replayed batch adds nothing; when the push began on an empty database only a
   transaction run again, after a failure, has anything to delete);
5. each text is marked pushed with its source's sha-256 (``pushed_sha256``), last, so a
   push that dies midway is finished by the next one.

Rows go in batches of ``UNWIND $rows … MERGE`` (relationships: delete by text, then
``UNWIND $rows … CREATE``, see cypher.create_relations), one transaction per batch,
``writers`` transactions at once in sessions of their own (steps 3 and 4 each end before
the next begins), through the driver's managed transactions (transient errors, lost
connections and deadlocks between the writers are retried for up to ``retry_seconds``).
Every driver failure becomes one-line Neo4jError; the password is in no message.
"""

from __future__ import annotations

import gc
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import pyoxigraph as ox
from policykg.graph import cypher, query
from policykg.graph.query import Table, query_file
from policykg.graph.resolve import normalise_title
from policykg.graph.store import OxigraphStore
from policykg.graph.view import (
    RELATIONS,
    EdgeRow,
    NodeRow,
    edge_rows,
    node_rows,
    text_edge_rows,
    text_graphs,
)
from policykg.ontology.errors import Neo4jError, QueryError

__all__ = [
    "Neo4jTarget",
    "Provenance",
    "PushReport",
    "counts",
    "edge_properties",
    "named_cypher",
    "node_properties",
    "push",
    "push_store",
    "read_store",
    "run_cypher",
    "store_provenance",
]

DEFAULT_URI = "bolt://127.0.0.1:7687"
DEFAULT_USER = "neo4j"
BATCH_SIZE = 10_000  # rows a transaction: 2,000 took 1.5x the server CPU of 10,000 warm
#: Transactions in flight at once, each in its own session: the server runs each on its
#: own thread, and the client packs the next batch while the server writes one.
WRITERS = 2


@dataclass(frozen=True)
class Neo4jTarget:
    """Where to push: the password is kept out of repr so no log or traceback shows it."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str | None = None  # None: the server's default database
    retry_seconds: float = 30.0  # how long transient failures are retried

    def describe(self) -> str:
        return self.uri + (f" (database {self.database})" if self.database else "")


@dataclass
class PushReport:
    nodes: int = 0  # node rows written
    relationships: int = 0  # relationship rows written
    texts_written: list[str] = field(default_factory=list)  # text ids (new or changed)
    texts_unchanged: int = 0
    texts_removed: list[str] = field(default_factory=list)
    seconds: float = 0.0  # the whole push (push_store: the reads included)
    read_seconds: float = 0.0  # push_store: reading the store, before and between batches

    @property
    def facts(self) -> int:
        return self.nodes + self.relationships

    def summary(self) -> str:
        rate = self.facts / self.seconds if self.seconds else 0.0
        read = f", {self.read_seconds:.1f} s of it reading the store" if self.read_seconds else ""
        return (
            f"pushed {self.nodes} nodes and {self.relationships} relationships in "
            f"{self.seconds:.1f} s ({rate:.0f}/s{read}); texts: {len(self.texts_written)} written, "
            f"{self.texts_unchanged} unchanged, {len(self.texts_removed)} removed"
        )


# --- connection and errors ------------------------------------------------------------------


def _driver(target: Neo4jTarget) -> Any:
    from neo4j import GraphDatabase

    with _errors(target):
        driver = GraphDatabase.driver(
            target.uri,
            auth=(target.user, target.password),
            max_transaction_retry_time=target.retry_seconds,
            connection_timeout=10.0,
            # the server's hints (an unknown property on a first push …) are no news to a user
            notifications_min_severity="OFF",
        )
        try:
            # Fails at once on a wrong address or password, rather than after the retries.
            driver.verify_connectivity()
        except BaseException:
            driver.close()
            raise
    return driver


class _Connection:
    """Statements run in managed (retried) write transactions of one driver."""

    def __init__(self, driver: Any, database: str | None) -> None:
        self._driver, self._database = driver, database

    def __call__(self, query: str, params: Mapping[str, Any] | None = None) -> Any:
        """One statement in its own transaction; its result."""
        return self._driver.execute_query(query, dict(params or {}), database_=self._database)

    def together(self, statements: list[tuple[str, Mapping[str, Any]]],
                 on_retry: list[tuple[str, Mapping[str, Any]]] | None = None) -> None:
        """Several statements in one transaction: all of them or none. A retry runs all,
        after ``on_retry`` (statements only a transaction run again needs)."""
        attempts = 0

        def work(tx: Any) -> None:
            nonlocal attempts
            attempts += 1
            retry = (on_retry or []) if attempts > 1 else []
            for statement, params in [*retry, *statements]:
                tx.run(statement, dict(params)).consume()

        with self._driver.session(database=self._database) as session:
            session.execute_write(work)


@contextmanager
def _session(target: Neo4jTarget) -> Iterator[_Connection]:
    driver = _driver(target)
    try:
        with _errors(target):
            yield _Connection(driver, target.database)
    finally:
        driver.close()


@contextmanager
def _errors(target: Neo4jTarget) -> Iterator[None]:
    from neo4j import exceptions as nx

    try:
        yield
    except nx.AuthError as err:
        raise Neo4jError(
            f"{target.describe()}: the server refused the credentials of user {target.user!r}"
        ) from err
    except (nx.ServiceUnavailable, nx.SessionExpired) as err:
        raise Neo4jError(
            f"{target.describe()}: the server is unreachable or went away "
            f"({_line(err, target)})"
        ) from err
    except (nx.Neo4jError, nx.DriverError) as err:
        raise Neo4jError(f"{target.describe()}: {_line(err, target)}") from err
    except (ValueError, OSError) as err:  # a malformed URI, a socket failure
        raise Neo4jError(f"{target.describe()}: {_line(err, target)}") from err


def _line(err: BaseException, target: Neo4jTarget) -> str:
    message = getattr(err, "message", None) or str(err) or type(err).__name__
    code = getattr(err, "code", None)
    line = " ".join(str(message).split())
    if len(line) > 300:
        line = line[:299] + "…"
    if target.password and len(target.password) >= 4:
        line = line.replace(target.password, "***")
    return f"{code}: {line}" if code else line


# --- rows -------------------------------------------------------------------------------------


def _value(value: Any) -> Any:
    """A Neo4j property value: scalars and homogeneous lists of scalars, else JSON text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        items = [v for v in value if v is not None]
        if all(isinstance(v, str) for v in items) or all(
            isinstance(v, int | float) and not isinstance(v, bool) for v in items
        ):
            return items
        return [v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) for v in items]
    return json.dumps(value, ensure_ascii=False, default=str)


def node_properties(node: NodeRow) -> dict[str, Any]:
    """The properties of a node in Neo4j: the view's fields and props, nulls left out."""
    values: dict[str, Any] = {
        "iri": node.id, "label": node.label, "canonical": node.canonical,
        "texts": list(node.texts), "sentences": list(node.sentences),
    }
    for key, value in node.props.items():
        values.setdefault(key, value)
    # Nothing and an empty list are both "no property" (as after a CSV import).
    return {k: _value(v) for k, v in values.items() if _value(v) not in (None, [])}


def edge_properties(edge: EdgeRow) -> dict[str, Any]:
    values = {"text": edge.text, "sentence": edge.sentence, "trigger": edge.trigger}
    return {k: v for k, v in values.items() if v is not None}


#: The Text relationships that carry the spans of the entity's mentions in that text.
MENTION_RELATIONS = ("CITES", "MENTIONS", "REPORTS")


@dataclass
class Provenance:
    """What the view's one-sentence edges leave out, as relationship properties: every
    mention (span, printed form, sentence) on the Text's CITES/MENTIONS/REPORTS, every
    sentence and trigger that states a link on that link. Lists run in parallel; a
    missing sentence or trigger is "" and a missing sentence index -1 (Neo4j lists hold
    no nulls)."""

    mentions: dict[tuple[str, str], dict[str, list]] = field(default_factory=dict)
    assertions: dict[tuple[str, str, str, str], dict[str, list]] = field(default_factory=dict)

    def update(self, other: Provenance) -> None:
        """Add another's texts (a text's keys are all its own: nothing is overwritten)."""
        self.mentions.update(other.mentions)
        self.assertions.update(other.assertions)

    def split(self) -> dict[str, Provenance]:
        """Each text's share."""
        texts: dict[str, Provenance] = defaultdict(Provenance)
        for key, lists in self.mentions.items():
            texts[key[0]].mentions[key] = lists
        for key, lists in self.assertions.items():
            texts[key[0]].assertions[key] = lists
        return texts

    def of(self, edge: EdgeRow) -> dict[str, list]:
        found: dict[str, list] = {}
        if edge.relation in MENTION_RELATIONS:
            found.update(self.mentions.get((edge.text, edge.target), {}))
        found.update(self.assertions.get((edge.text, edge.source, edge.relation, edge.target), {}))
        return found


def text_provenance(store: OxigraphStore, graph: str, text: str) -> Provenance:
    """The mentions and assertions of one text, its graph's IRI and its id
    (queries/writer_neo4j_*.rq, bound to that graph)."""
    prov = Provenance()
    bound = {"g": ox.NamedNode(graph)}
    # Sorted here, not by the queries: Oxigraph's ORDER BY compares the strings themselves
    # (a missing index is -1 and a missing text "", first, as there).
    mentions = sorted(
        (row["node"].value, int(row["start"].value), int(row["end"].value),
         _text(row["printed"]), _text(row["sentence"]), _index(row["index"]))
        for row in store.select(query_file("writer_neo4j_mentions.rq"), bound))
    for node, start, end, printed, sentence, index in mentions:
        lists = prov.mentions.setdefault((text, node), defaultdict(list))
        lists["mention_starts"].append(start)
        lists["mention_ends"].append(end)
        lists["mention_printed"].append(printed)
        lists["mention_sentences"].append(sentence)
        lists["mention_indexes"].append(index)
    assertions = sorted(
        (row["s"].value, row["p"].value, row["o"].value, _index(row["index"]),
         _text(row["trigger"]), _text(row["sentence"]))
        for row in store.select(query_file("writer_neo4j_assertions.rq"), bound))
    for s, p, o, index, trigger, sentence in assertions:
        relation, inverse = RELATIONS[p]
        source, target = (o, s) if inverse else (s, o)
        lists = prov.assertions.setdefault((text, source, relation, target), defaultdict(list))
        lists["assertion_sentences"].append(sentence)
        lists["assertion_indexes"].append(index)
        lists["assertion_triggers"].append(trigger)
    return prov


def store_provenance(store: OxigraphStore) -> Provenance:
    """The mentions and assertions of every text (:func:`text_provenance`, all texts)."""
    prov = Provenance()
    for graph, text in text_graphs(store):
        prov.update(text_provenance(store, graph, text))
    return prov


def _text(term: Any) -> str:
    return term.value if term is not None else ""


def _index(term: Any) -> int:
    return int(term.value) if term is not None else -1


def _batches(rows: list[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


# --- the push ------------------------------------------------------------------------------------


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while rows are read, as it was after: they are
    hundreds of thousands of lists, dicts and strings with no cycles, and the collector
    went through them again and again, for nothing (a tenth of the read's CPU)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def _rows_frozen() -> Iterator[None]:
    """While the rows read are written: the objects alive now (those rows) out of the
    cycle collector's sight, which still runs for the new ones. The driver's transactions
    leave reference cycles that hold each batch's rows: with the collector off, a push of
    10,000 texts held every batch it had written, 2 GB more by its end. Scanning the rows
    read, again and again, had cost 0.8-1.6 s of a warm 9-10 s push of 194k facts."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


#: What a push writes for the texts it is given, text by text in their order: (text id,
#: its edges, their provenance).
TextRows = Callable[[list[str]], Iterator[tuple[str, list[EdgeRow], Provenance]]]


def push(
    target: Neo4jTarget,
    nodes: Iterable[NodeRow],
    edges: Iterable[EdgeRow],
    prune: bool = True,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    provenance: Provenance | None = None,
    writers: int = WRITERS,
) -> PushReport:
    """Write the graph given as graph/view.py's rows; see the module doc for the steps.

    ``prune``: take out of Neo4j the texts that are not among the rows (a push of a whole
    store mirrors it); without it only the given texts are added or replaced.
    ``progress`` is called with the number of rows of each batch written; ``provenance``
    (:func:`store_provenance`) adds every mention and stating sentence to the relationships.
    ``writers``: transactions in flight at once (nodes all go in before any relationship).
    """
    with _collector_paused():
        by_text: dict[str, list[EdgeRow]] = defaultdict(list)
        for edge in edges:
            by_text[edge.text].append(edge)
        shares = (provenance or Provenance()).split()

    def rows(texts: list[str]) -> Iterator[tuple[str, list[EdgeRow], Provenance]]:
        for text in texts:
            yield text, by_text.get(text, []), shares.get(text) or Provenance()

    with _rows_frozen():
        return _push(target, nodes, rows, prune=prune, batch_size=batch_size,
                     progress=progress, writers=writers)


def push_store(target: Neo4jTarget, store: OxigraphStore, **options: Any) -> PushReport:
    """Push a store's graph with its full provenance (options as :func:`push`).

    The nodes are read whole first: each node's texts and properties gather across texts.
    The relationships and their provenance are read a text at a time, each text's queries
    bound to its graph, as the batches are written: the push holds the nodes and a few
    batches, not the whole graph. ``read_seconds`` of the report is the time in the reads."""
    started = time.monotonic()
    with _collector_paused():
        nodes = list(node_rows(store))
        graphs = {text: graph for graph, text in text_graphs(store)}
    read = time.monotonic() - started

    def rows(texts: list[str]) -> Iterator[tuple[str, list[EdgeRow], Provenance]]:
        nonlocal read
        for text in texts:
            began = time.monotonic()
            found = (text_edge_rows(store, graphs[text], text),
                     text_provenance(store, graphs[text], text))
            read += time.monotonic() - began
            yield text, *found

    with _rows_frozen():
        report = _push(target, nodes, rows, **options)
    report.read_seconds, report.seconds = read, time.monotonic() - started
    return report


def read_store(store: OxigraphStore) -> tuple[list[NodeRow], list[EdgeRow], Provenance]:
    """Everything a push of the store writes, read whole (the benchmark times Neo4j alone
    on it, apart from the read)."""
    with _collector_paused():  # a tenth of the read's time, for nothing
        return list(node_rows(store)), list(edge_rows(store)), store_provenance(store)


def _push(target: Neo4jTarget, nodes: Iterable[NodeRow], text_rows: TextRows, *,
          prune: bool = True, batch_size: int = BATCH_SIZE,
          progress: Callable[[int], None] | None = None, writers: int = WRITERS) -> PushReport:
    kind_of: dict[str, str] = {}
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    sha_of: dict[str, str] = {}  # text id -> sha-256 of its source
    iri_of: dict[str, str] = {}  # text id -> Text IRI
    for node in nodes:
        if node.kind not in cypher.LABELS:
            raise Neo4jError(f"{node.id}: node kind {node.kind!r} is not in the graph model")
        kind_of[node.id] = node.kind
        props = node_properties(node)
        by_label[node.kind].append({"iri": node.id, "props": props, "texts": props["texts"]})
        if node.kind == "Text":
            for text in node.texts:
                sha_of[text] = str(node.props.get("sha256") or "")
                iri_of[text] = node.id
    started = time.monotonic()  # from here, the time in Neo4j (and, streamed, the reads)
    report = PushReport()
    with _session(target) as run:
        for label in cypher.LABELS:
            run(cypher.node_constraint(label))
        for relation in cypher.RELATIONS:
            run(cypher.relation_index(relation))
        run(cypher.AWAIT_INDEXES, {"seconds": 300})

        pushed: dict[str, str | None] = {}
        for record in run(cypher.TEXT_STATE).records:
            for text in record["texts"] or []:
                pushed[text] = record["pushed"]
        gone = sorted(t for t in pushed if t not in sha_of) if prune else []
        fresh = sorted(t for t, sha in sha_of.items() if pushed.get(t) != sha)
        stale = gone + [t for t in fresh if t in pushed]
        report.texts_removed = gone
        report.texts_written = fresh
        report.texts_unchanged = len(sha_of) - len(fresh)

        for texts in _batches(stale, batch_size):
            for relation in cypher.RELATIONS:
                run(cypher.delete_text_relations(relation), {"texts": texts})
            for label in cypher.LABELS:
                run(cypher.forget_texts(label), {"texts": texts})

        empty = not run(cypher.ANY_NODE).records[0]["any"]
        node_jobs = (partial(_write_nodes, run, label, batch, empty)
                     for label in cypher.LABELS
                     for batch in _batches(by_label.get(label, []), batch_size))
        for written in _parallel(node_jobs, writers):
            report.nodes += written
            if progress:
                progress(written)

        # Texts are read and rows made as the jobs are wanted, so the client reads and
        # packs one batch while Neo4j writes others.
        relation_jobs = (
            partial(_write_relations, run, texts,
                    partial(_relation_rows, batch, kind_of, provenance), empty)
            for texts, batch, provenance in _text_batches(text_rows(fresh), kind_of, batch_size))
        for written in _parallel(relation_jobs, writers):
            report.relationships += written
            if progress:
                progress(written)

        marks = [{"iri": iri_of[t], "sha256": sha} for t, sha in sorted(sha_of.items())]
        for batch in _batches(marks, batch_size):
            run(cypher.MARK_PUSHED, {"rows": batch})
    report.seconds = time.monotonic() - started
    return report


def _parallel(jobs: Iterable[Callable[[], int]], writers: int) -> Iterator[int]:
    """Run the jobs, ``writers`` at a time, yielding what each returns as it ends. The
    first failure stops the jobs not yet started and is raised once the running ones end."""
    with ThreadPoolExecutor(max(1, writers), thread_name_prefix="neo4j-push") as pool:
        running: set[Future[int]] = set()
        try:
            for job in jobs:
                if len(running) >= max(1, writers):
                    done, running = wait(running, return_when=FIRST_COMPLETED)
                    yield from (future.result() for future in done)
                running.add(pool.submit(job))
            while running:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                yield from (future.result() for future in done)
        finally:
            for future in running:
                future.cancel()


def _write_nodes(run: _Connection, label: str, rows: list[dict[str, Any]], new: bool) -> int:
    """Merge the rows' nodes, or create them when the push began on an empty database."""
    from neo4j.exceptions import ConstraintError

    if new:
        try:
            run(cypher.create_nodes(label), {"rows": rows})
            return len(rows)
        except ConstraintError:  # this batch replayed after its commit went through
            pass
    run(cypher.merge_nodes(label), {"rows": rows})
    return len(rows)


def _write_relations(run: _Connection, texts: list[str], make: Callable[[], _Grouped],
                     new: bool) -> int:
    """The relationships of whole texts in one transaction, after deleting what those
    texts had: none on a first push, the ones a replay of this very batch wrote otherwise.
    ``new`` (the push began on an empty database): only a retry of the transaction deletes,
    as nothing else can have written these texts (12 statements a batch saved)."""
    grouped = make()
    relations = sorted({relation for relation, _, _ in grouped})
    deletes = [(cypher.delete_text_relations(r), {"texts": texts}) for r in relations]
    creates = [(cypher.create_relations(*key), {"rows": rows})
               for key, rows in sorted(grouped.items())]
    if new:
        run.together(creates, on_retry=deletes)
    else:
        run.together(deletes + creates)
    return sum(len(rows) for rows in grouped.values())


_Grouped = dict[tuple[str, str, str], list[list[Any]]]
_PROVENANCE = cypher.RELATION_PROPERTIES[3:]  # after text, sentence and trigger
_PROVENANCE_KEYS = frozenset(_PROVENANCE)


def _check_edges(edges: list[EdgeRow], kind_of: Mapping[str, str]) -> None:
    """Each edge of a text against the model, before any of that text is written."""
    for edge in edges:
        if edge.relation not in cypher.RELATIONS:
            raise Neo4jError(f"{edge.source}: relation {edge.relation!r} is not in the model")
        if edge.source not in kind_of or edge.target not in kind_of:
            raise Neo4jError(
                f"{edge.source} {edge.relation} {edge.target}: an end is not among the nodes"
            )


def _relation_rows(
    edges: list[EdgeRow], kind_of: Mapping[str, str], provenance: Provenance
) -> _Grouped:
    """The edges as rows of cypher.create_relations, by (type, start label, end label)."""
    grouped: _Grouped = defaultdict(list)
    for edge in edges:
        found = provenance.of(edge)
        if not found.keys() <= _PROVENANCE_KEYS:
            raise Neo4jError(f"{edge.source} {edge.relation}: properties {sorted(found)} "
                             "outside cypher.RELATION_PROPERTIES")
        grouped[edge.relation, kind_of[edge.source], kind_of[edge.target]].append(
            [edge.source, edge.target, edge.text, edge.sentence, edge.trigger,
             *[found.get(k) for k in _PROVENANCE]])
    return grouped


def _text_batches(
    rows: Iterator[tuple[str, list[EdgeRow], Provenance]], kind_of: Mapping[str, str],
    size: int,
) -> Iterator[tuple[list[str], list[EdgeRow], Provenance]]:
    """Whole texts, about ``size`` edges a batch (a text with more is a batch of its own)."""
    texts: list[str] = []
    batch: list[EdgeRow] = []
    provenance = Provenance()
    for text, edges, found in rows:
        _check_edges(edges, kind_of)
        texts.append(text)
        batch.extend(edges)
        provenance.update(found)
        if len(batch) >= size:
            yield texts, batch, provenance
            texts, batch, provenance = [], [], Provenance()
    if texts:
        yield texts, batch, provenance


# --- reading back -------------------------------------------------------------------------------


def counts(target: Neo4jTarget) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type in the database."""
    with _session(target) as run:
        nodes = {r["label"]: r["count"] for r in run(cypher.NODE_COUNTS).records}
        relations = {r["relation"]: r["count"] for r in run(cypher.RELATION_COUNTS).records}
    return nodes, relations


def run_cypher(
    target: Neo4jTarget, text: str, params: Mapping[str, Any] | None = None
) -> Table:
    """Run one Cypher statement with parameters (never formatted in) as a table."""
    with _session(target) as run:
        result = run(text, params)
    columns = list(result.keys)
    return Table(columns, [tuple(_plain(record[c]) for c in columns) for record in result.records])


def named_cypher(name: str, values: Mapping[str, str]) -> tuple[str, dict[str, str]]:
    """The Cypher twin of the named SPARQL query and its parameters, checked like the
    SPARQL ones (all declared parameters, no others; a title normalised as a key)."""
    sparql = query.named_query(name)
    if name not in cypher.NAMED:
        raise QueryError(f"the named query {name!r} has no Cypher version")
    sparql.bind(values)
    params = {
        key: normalise_title(value) if sparql.params[key].kind == "title" else value
        for key, value in values.items()
    }
    return cypher.NAMED[name], params


def _plain(value: Any) -> Any:
    """Nodes and relationships as their IRI or type, lists as lists: cells a table can show."""
    from neo4j.graph import Node, Relationship

    if isinstance(value, Node):
        return value.get("iri") or value.element_id
    if isinstance(value, Relationship):
        return value.type
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
