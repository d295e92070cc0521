"""Fixtures of the Neo4j tests: one real Neo4j 5 server for the session, and a driver."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from neo4j import Driver, GraphDatabase
from neo4j_server import Neo4jServer, build


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
    """A driver on an empty database: each test starts from no nodes and no constraints."""
    neo4j_server.start()  # a test before may have stopped it
    driver = GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password))
    driver.execute_query("MATCH (n) DETACH DELETE n")
    for record in driver.execute_query("SHOW CONSTRAINTS YIELD name").records:
        driver.execute_query("DROP CONSTRAINT $name", name=record["name"])
    try:
        yield driver
    finally:
        driver.close()
