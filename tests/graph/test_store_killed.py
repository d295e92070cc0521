"""A build killed (SIGKILL) in the middle of writing a text leaves no half-written text."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

import pyoxigraph as ox
import pytest
from policykg.graph.store import OxigraphStore

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
def test_store_killed_build_leaves_no_half_written_text(tmp_path, mode):
    path = tmp_path / "store"
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path), mode],
                             stdout=subprocess.PIPE, text=True)
    lines, seen = [], {}
    try:
        while len(lines) < 7:  # three writes done (two replacing a text), the fourth begun
            lines.append(child.stdout.readline().strip())
            seen[lines[-1]] = time.monotonic()
        assert lines[-1] == "start 3"
        # Kill well inside the fourth write, timed by the third (a non-atomic writer,
        # remove_graph then add quad by quad, is caught half-written this way).
        time.sleep((seen["done 2"] - seen["start 2"]) * 0.7)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        lines.extend(line.strip() for line in child.stdout)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
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
for i in range(1000):
    build([sys.argv[2]], store, progress=False, report=lambda line: None, force=True)
    if i == 0:  # what every round writes: this process's code does not change under it
        Path(sys.argv[3]).write_bytes(store.nquads())
    print("round", i, flush=True)
"""


def _by_graph(nquads: bytes) -> dict[bytes, set[bytes]]:
    graphs: dict[bytes, set[bytes]] = {}
    for line in nquads.splitlines():
        graphs.setdefault(line.rsplit(b" ", 2)[-2], set()).add(line)
    return graphs


@pytest.mark.slow
def test_store_killed_real_build_keeps_every_text_whole(samples_dir, tmp_path):
    # A real build rebuilds the samples over and over (--force) and is killed in a round.
    path, reference = tmp_path / "store", tmp_path / "round-0.nq"
    child = subprocess.Popen(
        [sys.executable, "-c", _BUILDER, str(path), str(samples_dir), str(reference)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().startswith("round 0")
        began = time.monotonic()
        assert child.stdout.readline().startswith("round 1")
        time.sleep((time.monotonic() - began) * 0.6)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    expected = _by_graph(reference.read_bytes())
    found = _by_graph(OxigraphStore(path).nquads())
    assert found.keys() == expected.keys()  # every text there (round 0 wrote them all)
    for graph, lines in found.items():
        assert lines == expected[graph], f"{graph.decode()} is not whole"
