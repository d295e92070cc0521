"""What a user sees when Neo4j is not there, refuses the password or dies during a push."""

from __future__ import annotations

import gc
import threading

import pytest
from policykg.graph.neo4j_writer import Neo4jTarget, counts, push
from policykg.graph.view import EdgeRow, NodeRow
from policykg.ontology.errors import Neo4jError

from policykg.cli import main

pytestmark = pytest.mark.neo4j

P = "https://w3id.org/policykg/id/"


def wide_graph(texts: int, agencies: int) -> tuple[list[NodeRow], list[EdgeRow]]:
    """Many texts, each mentioning its own agencies: enough batches to die in between."""
    nodes, edges = [], []
    for t in range(texts):
        text = f"report-{t:03d}"
        nodes.append(NodeRow(f"{P}text/{text}", "Text", f"第{t}号报告", text,
                             {"sha256": f"{t:064x}"}, (text,)))
        for a in range(agencies):
            iri = f"{P}agency/{t:03d}-{a:03d}"
            nodes.append(NodeRow(iri, "Agency", f"第{a}工作组", f"清河县第{t}-{a}工作组", {},
                                 (text,), ("清河县各工作组按时报送材料。",)))
            edges.append(EdgeRow(f"{P}text/{text}", iri, "MENTIONS", text,
                                 "清河县各工作组按时报送材料。"))
    return nodes, edges


def test_neo4j_writer_wrong_password_is_one_line(neo4j_server, two_texts_store_path, capsys,
                                                 monkeypatch):
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password-42")
    store = str(two_texts_store_path)
    code = main(["neo4j", "push", "--store", store, "--uri", neo4j_server.uri])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "refused the credentials" in err
    assert "Traceback" not in err and "not-the-password-42" not in err


def test_neo4j_writer_unreachable_server_is_one_line(two_texts_store_path, capsys,
                                                     monkeypatch):
    from neo4j_server import free_port

    monkeypatch.setenv("NEO4J_PASSWORD", "secret-secret")
    uri = f"bolt://127.0.0.1:{free_port()}"
    code = main(["neo4j", "push", "--store", str(two_texts_store_path), "--uri", uri])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and uri in err and "unreachable" in err
    assert "Traceback" not in err and "secret-secret" not in err
    assert gc.isenabled()  # the push pauses Python's cycle collector, and turns it back on


def test_neo4j_writer_no_password_is_one_line(capsys, monkeypatch):
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert main(["neo4j", "push"]) == 1
    assert "NEO4J_PASSWORD" in capsys.readouterr().err


@pytest.mark.slow
def test_neo4j_writer_server_dies_mid_push_then_push_again(neo4j_server, neo4j_target):
    nodes, edges = wide_graph(texts=60, agencies=40)
    first_batch = threading.Event()
    failure: list[BaseException] = []
    target = Neo4jTarget(neo4j_target.uri, neo4j_target.user, neo4j_target.password,
                         retry_seconds=2.0)

    def pushing() -> None:
        try:
            push(target, nodes, edges, batch_size=100, progress=lambda n: first_batch.set())
        except BaseException as err:
            failure.append(err)

    worker = threading.Thread(target=pushing)
    worker.start()
    assert first_batch.wait(120), "the push never wrote a batch"
    neo4j_server.stop(kill=True)  # a crash, not a polite shutdown
    worker.join(120)
    assert not worker.is_alive()
    assert len(failure) == 1 and isinstance(failure[0], Neo4jError)
    message = str(failure[0])
    assert "\n" not in message and neo4j_server.uri in message
    assert neo4j_server.password not in message

    neo4j_server.start()
    report = push(neo4j_target, nodes, edges, batch_size=500)
    assert counts(neo4j_target) == ({"Text": 60, "Agency": 2400}, {"MENTIONS": 2400})
    assert len(report.texts_written) == 60  # nothing was marked pushed before the crash
    again = push(neo4j_target, nodes, edges, batch_size=500)
    assert again.texts_written == [] and again.relationships == 0
