"""Fixtures of the Neo4j tests: one real Neo4j 5 server for the session, and a driver."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from neo4j import Driver, GraphDatabase
from neo4j_fixtures import build_store, fengqiao_report, heming_report
from neo4j_server import Neo4jServer, build
from policykg.graph import cypher
from policykg.graph.neo4j_writer import Neo4jTarget
from policykg.graph.store import OxigraphStore


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A running Neo4j 5 (embedded, Bolt on 127.0.0.1, fresh data dir, random password).

    stop()/start() keep the port, data and password, for tests where the server goes away.
    """
    build()
    server = Neo4jServer(home=tmp_path_factory.mktemp("neo4j-home"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def neo4j_driver(neo4j_server: Neo4jServer) -> Iterator[Driver]:
    """A driver on an empty database (the writer's constraints and indexes stay: they are
    created with IF NOT EXISTS by every push)."""
    neo4j_server.start()  # a test before may have stopped it
    driver = GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password))
    while driver.execute_query(cypher.DELETE_SOME, limit=10_000).records[0]["deleted"]:
        pass
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def neo4j_target(neo4j_server: Neo4jServer, neo4j_driver: Driver) -> Neo4jTarget:
    """Where the writer pushes: the session server, its database emptied for this test."""
    return Neo4jTarget(uri=neo4j_server.uri, user=neo4j_server.user,
                       password=neo4j_server.password, retry_seconds=5.0)


@pytest.fixture
def two_texts_store(tmp_path: Path) -> OxigraphStore:
    """Both fictional reports built through the real builder into an on-disk store."""
    return build_store(tmp_path / "store", [heming_report(), fengqiao_report()])


@pytest.fixture
def two_texts_store_path(tmp_path: Path) -> Path:
    """The same store, closed: for commands that open it themselves (read-only)."""
    store = build_store(tmp_path / "closed-store", [heming_report(), fengqiao_report()])
    del store  # pyoxigraph closes the store when the object goes
    return tmp_path / "closed-store"
