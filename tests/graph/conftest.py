"""Fixtures of the graph tests: a real `oxigraph serve` for the HTTP tests."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _oxigraph_cli() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a real `oxigraph serve` on 127.0.0.1 (free port, temp dir), session-wide.

    Queries see the union of the named graphs as their default graph, like the embedded
    store's queries do. Tests that use it are marked `server`.
    """
    cli = _oxigraph_cli()
    if cli is None:
        pytest.fail("the `oxigraph` CLI (PyPI package oxigraph) is not installed")
    port = _free_port()
    location = tmp_path_factory.mktemp("oxigraph-serve")
    log = (location.parent / "oxigraph-serve.log").open("wb")
    proc = subprocess.Popen(
        [cli, "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}",
         "--union-default-graph"],
        stdout=log, stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _wait_until_up(base: str, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    probe = urllib.request.Request(
        f"{base}/query?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"}
    )
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"oxigraph serve exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(probe, timeout=1) as resp:
                if resp.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer on {base} within {timeout:.0f}s")
