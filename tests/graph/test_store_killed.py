"""A build killed (SIGKILL) in the middle of writing a text leaves no half-written text."""

from __future__ import annotations

import shutil
import time

import pyoxigraph as ox
import pytest
from policykg.graph.store import OxigraphStore
from policykg.ontology.errors import StoreError

# The child writes big texts through OxigraphStore.write_text, saying "start i" before
# and "done i" after each write: in mode "replace" two texts in turn, each write replacing
# the other version; in mode "new" a new text each time.
_CHILD = r"""
import sys
import pyoxigraph as ox
from policykg.graph.store import OxigraphStore

store = OxigraphStore(sys.argv[1])
p = ox.NamedNode("https://w3id.org/policykg/ns#printed")

def version(text, tag, n):
    g = ox.NamedNode(f"https://w3id.org/policykg/id/text/{text}")
    return [ox.Quad(ox.NamedNode(f"https://w3id.org/policykg/id/figure/{text}-{i}"), p,
                    ox.Literal(f"{tag} {i}"), g) for i in range(n)]

for i in range(1000):
    text, tag = ("t1", "t2")[i % 2], "AB"[(i // 2) % 2]
    if sys.argv[2] == "new":
        text = f"t{i}"
    quads = version(text, tag, 20000 + 7 * (tag == "B"))
    print("start", i, flush=True)
    store.write_text(f"https://w3id.org/policykg/id/text/{text}", quads)
    print("done", i, flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["replace", "new"])
def test_store_killed_build_leaves_no_half_written_text(tmp_path, mode, killed):
    path = tmp_path / "store"
    lines, seen = [], {}
    with killed(_CHILD, str(path), mode) as child:
        while len(lines) < 7:  # three writes done (two replacing a text), the fourth begun
            lines.append(child.stdout.readline().strip())
            seen[lines[-1]] = time.monotonic()
        assert lines[-1] == "start 3"
        # Kill well inside the fourth write, timed by the third (a non-atomic writer,
        # remove_graph then add quad by quad, is caught half-written this way).
        time.sleep((seen["done 2"] - seen["start 2"]) * 0.7)
    lines.extend(line.strip() for line in child.stdout)
    assert lines[-1].startswith("start"), "the kill did not land inside a write"

    store = OxigraphStore(path)  # opens after the crash
    texts = [iri.rsplit("/", 1)[1] for iri in store.text_iris()]
    assert {"t1", "t2"} <= set(texts) and "t4" not in texts
    for text in texts:
        graph = ox.NamedNode(f"https://w3id.org/policykg/id/text/{text}")
        values = [q.object.value for q in store.store.quads_for_pattern(None, None, None, graph)]
        tags = {v.split()[0] for v in values}
        assert len(tags) == 1, f"{text} mixes two versions"
        expected = 20000 + 7 * (tags == {"B"})
        assert len(values) == expected, f"{text} is half-written"


_BUILDER = r"""
import sys
from pathlib import Path
from policykg.graph.store import OxigraphStore
from policykg.pipeline import build

store = OxigraphStore(sys.argv[1])
folders = sys.argv[2:4]
for i in range(1000):
    build([folders[i % 2]], store, progress=False, report=lambda line: None, force=True)
    if i < 2:  # what the rounds write: this process's code does not change under it
        Path(sys.argv[4 + i]).write_bytes(store.nquads())
    print("round", i, flush=True)
"""


def _by_graph(nquads: bytes) -> dict[bytes, frozenset[bytes]]:
    graphs: dict[bytes, set[bytes]] = {}
    for line in nquads.splitlines():
        graphs.setdefault(line.rsplit(b" ", 2)[-2], set()).add(line)
    return {g: frozenset(lines) for g, lines in graphs.items()}


@pytest.mark.slow
def test_store_killed_real_build_keeps_every_text_whole(samples_dir, tmp_path, killed):
    # A real build alternates between the samples and a version of them with one more
    # sentence per .txt text, so every round rewrites those texts; it is killed mid-round.
    changed = tmp_path / "changed" / samples_dir.name
    shutil.copytree(samples_dir, changed)
    rewritten = 0
    for path in changed.glob("*.txt"):
        try:
            text = path.read_text("utf-8")
        except UnicodeDecodeError:
            continue  # a sample in another encoding stays as it is
        path.write_text(text + "\n全年另办理行政复议案件12件。\n", "utf-8")
        rewritten += 1
    assert rewritten
    path, refs = tmp_path / "store", [tmp_path / "round-0.nq", tmp_path / "round-1.nq"]
    with killed(_BUILDER, str(path), str(samples_dir), str(changed), *map(str, refs)) as child:
        assert child.stdout.readline().startswith("round 0")
        began = time.monotonic()
        assert child.stdout.readline().startswith("round 1")
        time.sleep((time.monotonic() - began) * 0.6)

    versions = [_by_graph(ref.read_bytes()) for ref in refs]
    assert versions[0] != versions[1]
    found = _by_graph(OxigraphStore(path).nquads())
    assert found.keys() == versions[0].keys()  # every text there (round 0 wrote them all)
    for graph, lines in found.items():
        assert lines in (versions[0][graph], versions[1][graph]), f"{graph.decode()} is torn"


# New texts go through write_graph, which bulk-loads them together at commit(): the child
# says "start i" before and "done i" after the bulk load of batch i (five texts).
_BULK = r"""
import sys
from policykg.graph.rdf import TextGraph
from policykg.graph.store import OxigraphStore

store = OxigraphStore(sys.argv[1])
P = "https://w3id.org/policykg/ns#printed"

def graph(n):
    iri = f"https://w3id.org/policykg/id/text/t{n}"
    lines = "".join(f'<https://w3id.org/policykg/id/figure/{n}-{i}> <{P}> "{n} {i}" <{iri}> .\n'
                    for i in range(20000))
    return TextGraph(iri, lines.encode(), 20000)

for batch in range(1000):
    for n in range(5 * batch, 5 * batch + 5):
        store.write_graph(graph(n))
    print("start", batch, flush=True)
    store.commit()
    print("done", batch, flush=True)
"""


@pytest.mark.slow
def test_store_killed_bulk_load_is_taken_out_on_reopen(tmp_path, killed):
    path = tmp_path / "store"
    seen = {}
    with killed(_BULK, str(path)) as child:
        while "start 3" not in seen:
            seen[child.stdout.readline().strip()] = time.monotonic()
        time.sleep((seen["done 2"] - seen["start 2"]) * 0.5)
    lines = [line.strip() for line in child.stdout]
    assert "done 3" not in lines, "the kill did not land inside the bulk load"

    with pytest.raises(StoreError, match=r"a build stopped while writing 5 graphs "
                       r"\(https://w3id.org/policykg/id/text/t15, …\)"):
        OxigraphStore(path, read_only=True)  # a reader never sees the batch in part
    store = OxigraphStore(path)  # opens after the crash, and takes out the unfinished batch
    assert store.recovered == [f"https://w3id.org/policykg/id/text/t{n}" for n in range(15, 20)]
    texts = sorted(int(iri.rsplit("/t", 1)[1]) for iri in store.text_iris())
    assert texts == list(range(15))  # the batches done stay, the killed one is gone whole
    for n in texts:
        graph = ox.NamedNode(f"https://w3id.org/policykg/id/text/t{n}")
        assert sum(1 for _ in store.store.quads_for_pattern(None, None, None, graph)) == 20000
    del store
    assert OxigraphStore(path).recovered == []  # once
    assert len(OxigraphStore(path, read_only=True).text_iris()) == 15


def test_store_killed_graph_too_big_for_one_transaction_is_replaced_whole(tmp_path):
    # A graph of BULK_EVERY statements or more (the summary graph of a large corpus) is
    # taken out and bulk-loaded under the same note: after it the graph is the new one.
    from policykg.graph.store import BULK_EVERY

    store = OxigraphStore(tmp_path / "store")
    iri = "https://w3id.org/policykg/id/text/big"
    p = ox.NamedNode("https://w3id.org/policykg/ns#printed")

    def version(tag: str) -> list[ox.Triple]:
        return [ox.Triple(ox.NamedNode(f"https://w3id.org/policykg/id/figure/{i}"), p,
                          ox.Literal(f"{tag} {i}")) for i in range(BULK_EVERY + 3)]

    for tag in ("A", "B"):
        assert store.write_text(iri, version(tag)) == BULK_EVERY + 3
        graph = ox.NamedNode(iri)
        tags = {q.object.value.split()[0]
                for q in store.store.quads_for_pattern(None, None, None, graph)}
        assert tags == {tag}
        assert not (tmp_path / "store" / "policykg-pending").exists()
    store.flush()
    del store
    assert len(OxigraphStore(tmp_path / "store", read_only=True).text_iris()) == 1


def test_store_killed_empty_pending_note_still_refuses_readers(tmp_path):
    # A note left empty (a disk that lost its contents) still means a write did not end:
    # readers get the one-line refusal, not a crash on its missing first line.
    store = OxigraphStore(tmp_path / "store")
    store.write_text("https://w3id.org/policykg/id/text/t", [ox.Triple(
        ox.NamedNode("https://w3id.org/policykg/id/figure/1"),
        ox.NamedNode("https://w3id.org/policykg/ns#printed"), ox.Literal("1"))])
    store.flush()
    del store
    (tmp_path / "store" / "policykg-pending").write_text("", "utf-8")
    with pytest.raises(StoreError, match="a build stopped while writing some graphs"):
        OxigraphStore(tmp_path / "store", read_only=True)
    assert OxigraphStore(tmp_path / "store").text_iris()  # the writer's open clears it
