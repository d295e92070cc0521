"""The whole benchmark in one command, Neo4j included: ``policykg bench … --neo4j``
against the project's own Neo4j server (scripts/neo4j-test-server in a fresh home,
started for the run and stopped after it). Other arguments go to ``policykg bench``.

    .venv/bin/python bench/full.py --texts 10000 --out bench-results.json
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from neo4j_push import start_server

from policykg.cli import main


def run(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="policykg-bench-neo4j-") as home:
        proc, target = start_server(Path(home), os.environ.get("NEO4J_JAVA_OPTS", "-Xmx2g"))
        try:
            os.environ["NEO4J_PASSWORD"] = target.password  # not on the command line
            return main(["bench", *argv, "--neo4j", "--uri", target.uri, "--user", target.user])
        finally:
            assert proc.stdin is not None
            proc.stdin.close()  # the launcher stops when its standard input closes
            proc.wait(timeout=120)


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
