"""A real Neo4j 5 server for the tests: scripts/neo4j-test-server run in a child process.

One object keeps its port, home folder and password, so a test can stop the server
(gracefully or by SIGKILL, as a crash) and start it again on the same data.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "neo4j-test-server"
JAVA_OPTS = "-Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def build() -> None:
    """Resolve the jars and compile the launcher, unless that is already done."""
    subprocess.run([str(SCRIPT), "build"], check=True)


@dataclass
class Neo4jServer:
    home: Path
    port: int = field(default_factory=free_port)
    password: str = field(default_factory=lambda: "pkg-" + secrets.token_hex(8))
    user: str = "neo4j"
    start_timeout: float = 300.0  # a cold JVM on two busy cores can take minutes
    _proc: subprocess.Popen | None = field(default=None, repr=False)

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        if self.running:
            return
        self.home.mkdir(parents=True, exist_ok=True)
        log = (self.home / "launcher.log").open("ab")
        self._proc = subprocess.Popen(
            [str(SCRIPT), "run", str(self.port), str(self.home)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log,
            env={**os.environ, "NEO4J_PASSWORD": self.password,
                 # small test graphs: start fast (C1 only, serial GC) rather than run fast
                 "NEO4J_JAVA_OPTS": os.environ.get("NEO4J_JAVA_OPTS", JAVA_OPTS)},
        )
        log.close()
        self._wait_ready()

    def _wait_ready(self) -> None:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        ready = threading.Event()

        def watch() -> None:
            for line in proc.stdout:
                if line.startswith(b"READY"):
                    ready.set()

        threading.Thread(target=watch, daemon=True).start()
        deadline = time.monotonic() + self.start_timeout
        while not ready.wait(0.2):
            if proc.poll() is not None or time.monotonic() > deadline:
                self.stop(kill=True)
                tail = (self.home / "launcher.log").read_text(errors="replace")[-2000:]
                raise RuntimeError(f"Neo4j did not start on port {self.port}:\n{tail}")

    def stop(self, kill: bool = False) -> None:
        """Stop the server: SIGTERM and wait for a clean shutdown, or SIGKILL (a crash)."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
