"""The synthetic corpus: same seed, same bytes; in the genre's shape."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from policykg.synth import synth_text, write_corpus


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_synth_deterministic_same_seed_same_bytes(tmp_path: Path) -> None:
    first = list(write_corpus(tmp_path / "a", 20, seed=7))
    list(write_corpus(tmp_path / "b", 20, seed=7))
    assert len(first) == 20
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")


def test_synth_deterministic_prefix_of_larger_corpus(tmp_path: Path) -> None:
    # text i depends on (seed, i) only: a 1,000-text run starts with the 100-text run
    list(write_corpus(tmp_path / "small", 5, seed=3))
    list(write_corpus(tmp_path / "large", 12, seed=3))
    small, large = _digest(tmp_path / "small"), _digest(tmp_path / "large")
    assert all(large[name] == digest for name, digest in small.items())
    assert synth_text(3, 4).text != synth_text(4, 4).text


@pytest.mark.parametrize("index", range(0, 40, 3))
def test_synth_deterministic_text_in_genre(index: int) -> None:
    text = synth_text(0, index).text
    assert 2000 <= len(text) <= 15000
    assert re.search(r"《[^》]+》", text)
    assert re.search(r"[〔\[（(]\d{4}[〕\]）)]\d+号|令第\d+号", text) or "第一条" in text
    assert re.search(r"^(一、|第一条)", text, re.M)
    assert re.search(r"\d+(\.\d+)?(件|个|项|名|%|万元|场次|份|条)", text)
