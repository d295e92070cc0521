"""`policykg neo4j push` as a user runs it: from a store, or from files built on the way."""

from __future__ import annotations

from collections import Counter

import pytest
from policykg.graph.neo4j_writer import Neo4jTarget, counts
from policykg.graph.store import open_store
from policykg.graph.view import edge_rows, node_rows

from policykg import pipeline
from policykg.cli import main

pytestmark = pytest.mark.neo4j

REPORT = (
    "鹤鸣市枫桥区司法局2023年法治政府建设工作情况报告\n"
    "2023年，区司法局深入贯彻落实《法治政府建设实施纲要（2021－2025年）》，"
    "制定《枫桥区行政执法三项制度实施方案》。\n"
    "全年共办理行政复议案件52件，组织执法人员培训12次。\n"
)
NOTICE = (
    "鹤鸣市人民政府关于印发《鹤鸣市行政执法公示办法》的通知\n"
    "各区人民政府，市政府各部门：\n"
    "现将《鹤鸣市行政执法公示办法》印发给你们，请认真贯彻执行。\n"
)


def _connection(server) -> list[str]:
    return ["--uri", server.uri, "--user", server.user]


def test_neo4j_cli_push_files_builds_then_pushes(neo4j_server, neo4j_driver, tmp_path,
                                                  monkeypatch, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "fengqiao-sfj-2023.txt").write_text(REPORT, encoding="utf-8")
    (corpus / "heming-notice-2023.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)

    assert main(["neo4j", "push", str(corpus), *_connection(neo4j_server)]) == 0
    err = capsys.readouterr().err
    assert "pushed" in err and neo4j_server.password not in err

    store = open_store(tmp_path / "store")
    pipeline.build([corpus], store, progress=False)
    want = (dict(Counter(n.kind for n in node_rows(store))),
            dict(Counter(e.relation for e in edge_rows(store))))
    target = Neo4jTarget(neo4j_server.uri, neo4j_server.user, neo4j_server.password)
    assert counts(target) == want
    assert want[0]["Text"] == 2


def test_neo4j_cli_push_store_twice(neo4j_server, neo4j_driver, two_texts_store_path,
                                    monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_server.password)
    args = ["neo4j", "push", "--store", str(two_texts_store_path), *_connection(neo4j_server)]
    assert main(args) == 0
    assert "2 written, 0 unchanged" in capsys.readouterr().err
    assert main(args) == 0
    assert "0 written, 2 unchanged" in capsys.readouterr().err
