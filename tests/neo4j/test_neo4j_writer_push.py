"""The push into a real Neo4j 5: what lands, pushing again, a changed and a removed text."""

from __future__ import annotations

import gc
from collections import Counter

import pytest
from neo4j import GraphDatabase, Session
from neo4j_fixtures import build_store, fengqiao_report, heming_report, snapshot
from policykg.graph import neo4j_writer
from policykg.graph.build import write_extraction
from policykg.graph.neo4j_writer import Neo4jTarget, counts, push, push_store, read_store
from policykg.graph.view import edge_rows, node_rows

pytestmark = pytest.mark.neo4j

def store_counts(store) -> tuple[Counter, Counter]:
    return (Counter(n.kind for n in node_rows(store)),
            Counter(e.relation for e in edge_rows(store)))


def test_neo4j_writer_counts_match_store(neo4j_target, two_texts_store):
    report = push_store(neo4j_target, two_texts_store)
    want_nodes, want_rels = store_counts(two_texts_store)
    got_nodes, got_rels = counts(neo4j_target)
    assert got_nodes == dict(want_nodes)
    assert got_rels == dict(want_rels)
    assert report.facts == sum(want_nodes.values()) + sum(want_rels.values())
    # the fixture exercises every relationship type of the model
    assert set(got_rels) == {
        "CITES", "MENTIONS", "AUTHORED_BY", "IN_JURISDICTION", "ISSUED", "IMPLEMENTS",
        "ESTABLISHES", "CARRIES_OUT", "MEMBER_OF", "PART_OF", "REPORTS", "ABOUT",
    }


@pytest.mark.parametrize("collecting", [True, False])
def test_neo4j_writer_push_leaves_the_cycle_collector_as_it_was(neo4j_target, two_texts_store,
                                                               collecting):
    # the push pauses it while it reads; a caller's own choice must stand after
    (gc.enable if collecting else gc.disable)()
    try:
        push_store(neo4j_target, two_texts_store)
        assert gc.isenabled() is collecting
    finally:
        gc.enable()


def test_neo4j_writer_push_runs_the_collector_while_it_writes(neo4j_target, two_texts_store,
                                                              monkeypatch):
    # The driver's transactions leave reference cycles that hold a batch's rows: the
    # collector must run while the push writes, or the push holds every batch it wrote.
    write = neo4j_writer._write_relations
    seen: list[bool] = []

    def watched(run, texts, make, new):
        seen.append(gc.isenabled())
        return write(run, texts, make, new)

    monkeypatch.setattr(neo4j_writer, "_write_relations", watched)
    push_store(neo4j_target, two_texts_store, batch_size=1, writers=1)
    assert seen == [True, True]


def test_neo4j_writer_relationships_carry_their_text(neo4j_target, two_texts_store):
    push_store(neo4j_target, two_texts_store)
    nodes, rels = snapshot(neo4j_target)
    by_iri = {props["iri"]: props for _, props in nodes}
    cites = [(by_iri[a]["label"], props["text"]) for a, t, _, props in rels if t == "CITES"]
    gangyao = [r for r in rels if r[1] == "CITES" and by_iri[r[2]]["label"].startswith("法治政府")]
    # one document cited by both texts: one node, two relationships, each with its text
    assert sorted(r[3]["text"] for r in gangyao) == ["fengqiao-2023", "heming-2023"]
    assert len(cites) == 4
    # and the spans of the title in each text: the provenance down to the character
    assert all(len(r[3]["mention_starts"]) == len(r[3]["mention_ends"]) == 1 for r in gangyao)
    issued = [props for _, t, _, props in rels if t == "ISSUED"]
    assert issued and all("印发" in p["sentence"] for p in issued)
    document = next(p for _, p in nodes if p["label"] == "鹤鸣市行政执法公示办法")
    assert document["number"] == "鹤政发〔2023〕5号"
    assert sorted(document["texts"]) == ["fengqiao-2023", "heming-2023"]


def test_neo4j_writer_push_twice_changes_nothing(neo4j_target, two_texts_store):
    push_store(neo4j_target, two_texts_store)
    first = snapshot(neo4j_target)
    again = push_store(neo4j_target, two_texts_store)
    assert snapshot(neo4j_target) == first
    assert again.texts_written == [] and again.relationships == 0
    assert again.texts_unchanged == 2


def test_neo4j_writer_changed_text_replaces_only_its_facts(neo4j_target, tmp_path):
    store = build_store(tmp_path / "store", [heming_report(), fengqiao_report()])
    push_store(neo4j_target, store)
    heming_before = [r for r in snapshot(neo4j_target)[1] if r[3]["text"] == "heming-2023"]

    write_extraction(store, fengqiao_report(measure="首违不罚", count=40))
    report = push_store(neo4j_target, store)
    assert report.texts_written == ["fengqiao-2023"]
    changed = snapshot(neo4j_target)

    # the same as pushing the changed store into an empty database
    fresh = build_store(tmp_path / "fresh", [heming_report(),
                                              fengqiao_report(measure="首违不罚", count=40)])
    _empty(neo4j_target)
    push_store(neo4j_target, fresh)
    assert snapshot(neo4j_target) == changed

    labels = {p["label"] for _, p in changed[0]}
    assert "首违不罚制度" in labels and "36次" not in labels
    # the measure both texts had stays, now held by the city's report alone
    shared = next(p for _, p in changed[0] if p["label"] == "码上监督制度")
    assert shared["texts"] == ["heming-2023"]
    assert [r for r in changed[1] if r[3]["text"] == "heming-2023"] == heming_before


def test_neo4j_writer_prune_removes_texts_gone_from_store(neo4j_target, tmp_path):
    both = build_store(tmp_path / "both", [heming_report(), fengqiao_report()])
    push_store(neo4j_target, both)
    one = build_store(tmp_path / "one", [heming_report()])

    push_store(neo4j_target, one, prune=False)
    assert counts(neo4j_target)[0]["Text"] == 2  # a partial push leaves other texts alone

    report = push_store(neo4j_target, one)
    assert report.texts_removed == ["fengqiao-2023"]
    want_nodes, want_rels = store_counts(one)
    assert counts(neo4j_target) == (dict(want_nodes), dict(want_rels))


def _empty(target: Neo4jTarget) -> None:
    with GraphDatabase.driver(target.uri, auth=(target.user, target.password)) as driver:
        driver.execute_query("MATCH (n) DETACH DELETE n")


def test_neo4j_writer_replayed_relationship_batches_add_nothing(neo4j_target, two_texts_store,
                                                                monkeypatch):
    push_store(neo4j_target, two_texts_store)
    clean = snapshot(neo4j_target)
    _empty(neo4j_target)

    # Each relationship transaction committed, then its work run again in a new one, as
    # the driver's retry does when the connection drops after the commit went through.
    execute_write = Session.execute_write

    def twice(self, work, *args, **kwargs):
        execute_write(self, work, *args, **kwargs)
        return execute_write(self, work, *args, **kwargs)

    monkeypatch.setattr(Session, "execute_write", twice)
    report = push_store(neo4j_target, two_texts_store, batch_size=3)
    assert snapshot(neo4j_target) == clean
    assert report.relationships == sum(1 for _ in edge_rows(two_texts_store))


def _recording(monkeypatch, twice: str = "") -> list[str]:
    """The statements the writer runs one by one; those starting with ``twice`` run twice
    (a replay after the commit went through)."""
    seen: list[str] = []
    call = neo4j_writer._Connection.__call__

    def recording(self, statement, params=None):
        seen.append(statement)
        if twice and statement.startswith(twice):
            call(self, statement, params)
        return call(self, statement, params)

    monkeypatch.setattr(neo4j_writer._Connection, "__call__", recording)
    return seen


CREATE_NODES = "UNWIND $rows AS row CREATE (n:"


def test_neo4j_writer_first_push_creates_what_merging_gives(neo4j_target, tmp_path, monkeypatch):
    both = build_store(tmp_path / "both", [heming_report(), fengqiao_report()])
    seen = _recording(monkeypatch)
    push_store(neo4j_target, both)
    assert any(s.startswith(CREATE_NODES) for s in seen)  # the empty database's path
    created = snapshot(neo4j_target)

    _empty(neo4j_target)
    push_store(neo4j_target, build_store(tmp_path / "one", [fengqiao_report()]))
    seen.clear()
    push_store(neo4j_target, both)
    assert not any(s.startswith(CREATE_NODES) for s in seen)  # merged into what is there
    assert snapshot(neo4j_target) == created


def test_neo4j_writer_replayed_first_push_node_batches_add_nothing(neo4j_target,
                                                                  two_texts_store, monkeypatch):
    push_store(neo4j_target, two_texts_store)
    clean = snapshot(neo4j_target)
    _empty(neo4j_target)

    _recording(monkeypatch, twice=CREATE_NODES)
    push_store(neo4j_target, two_texts_store, batch_size=3)
    assert snapshot(neo4j_target) == clean


def test_neo4j_writer_store_push_reads_each_text_as_it_writes_it(neo4j_target, two_texts_store,
                                                                 monkeypatch):
    # The whole read, pushed at once: what the text-by-text push must write too.
    nodes, edges, provenance = read_store(two_texts_store)
    push(neo4j_target, nodes, edges, provenance=provenance)
    whole = snapshot(neo4j_target)
    _empty(neo4j_target)

    events: list[str] = []
    read, write = neo4j_writer.text_edge_rows, neo4j_writer._write_relations
    monkeypatch.setattr(neo4j_writer, "text_edge_rows",
                        lambda store, graph, text: events.append(f"read {text}")
                        or read(store, graph, text))
    monkeypatch.setattr(neo4j_writer, "_write_relations",
                        lambda run, texts, *rest: events.append(f"write {texts}")
                        or write(run, texts, *rest))
    report = push_store(neo4j_target, two_texts_store, batch_size=1, writers=1)
    assert snapshot(neo4j_target) == whole
    # one text in memory at a time: the second is read once the first is written
    assert events == ["read fengqiao-2023", "write ['fengqiao-2023']",
                      "read heming-2023", "write ['heming-2023']"]
    assert 0 < report.read_seconds < report.seconds
