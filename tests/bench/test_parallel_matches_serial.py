"""Parallel extraction gives what serial extraction gives, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from policykg.extract.api import extract_many
from policykg.extract.parallel import extract_parallel
from policykg.ontology.errors import PolicyKGError


def _comparable(results):
    out = []
    for path, result in results:
        if isinstance(result, PolicyKGError):
            out.append((path, type(result), str(result), vars(result)))
        else:
            out.append((path, result))
    return out


@pytest.mark.parametrize("ahead", [1, 16])  # batches in flight per worker: 16 is the build's
def test_parallel_matches_serial_with_bad_files(synth_dir: Path, tmp_path: Path,
                                                ahead: int) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    texts = sorted(synth_dir.glob("*.txt"))
    paths = [*texts[:3], empty, *texts[3:], binary]
    serial = _comparable(extract_many(paths))
    parallel = _comparable(extract_parallel(iter(paths), workers=2, batch=2, ahead=ahead))
    assert [p for p, *_ in parallel] == paths
    assert parallel == serial
    assert _comparable(extract_parallel(paths, workers=1)) == serial
    failed = [row for row in parallel if len(row) == 4]
    assert {row[0] for row in failed} == {empty, binary}
    assert all(issubclass(row[1], PolicyKGError) for row in failed)
