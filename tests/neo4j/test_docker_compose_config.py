"""docker-compose.yml is valid compose (checked by Debian's docker-compose; no engine here)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _config(env: dict[str, str]) -> subprocess.CompletedProcess:
    tool = shutil.which("docker-compose")
    if tool is None:
        pytest.fail("docker-compose is not installed (scripts/install-test-deps installs it)")
    clean = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return subprocess.run([tool, "-f", str(ROOT / "docker-compose.yml"), "config"],
                          capture_output=True, text=True, env={**clean, **env}, cwd=ROOT)


def test_docker_compose_config_is_valid():
    done = _config({"NEO4J_PASSWORD": "compose-check-1"})
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "image: neo4j:5" in out
    assert "NEO4J_AUTH: neo4j/compose-check-1" in out
    assert "healthcheck:" in out and "condition: service_healthy" in out
    assert "neo4j-data:/data" in out
    assert "NEO4J_URI: bolt://neo4j:7687" in out and "policykg neo4j push" in out
    assert (ROOT / "Dockerfile").exists()


def test_docker_compose_config_needs_a_password():
    done = _config({})
    assert done.returncode != 0
    assert "NEO4J_PASSWORD" in done.stderr


def test_docker_compose_config_data_volume_from_environment(tmp_path):
    done = _config({"NEO4J_PASSWORD": "compose-check-1", "NEO4J_DATA": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert f"{tmp_path}:/data" in done.stdout
