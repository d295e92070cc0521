"""The benchmark command runs end to end on a few texts and writes a well-formed result.

Timing is not checked (the machine is shared); the shape is: every measure present and
positive, each beside its baseline, the targets evaluated.
"""

from __future__ import annotations

import io
import json
import math
from contextlib import redirect_stdout

import pytest

from policykg.cli import main


@pytest.fixture(scope="module")
def bench_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, str]:
    out = tmp_path_factory.mktemp("bench") / "bench.json"
    stdout = io.StringIO()
    with redirect_stdout(stdout):
        code = main(["bench", "--texts", "5", "--extract-texts", "5", "--rdflib-texts", "5",
                     "--query-runs", "2", "--query-budget", "1", "--workers", "2",
                     "--rss-texts", "2", "--out", str(out)])
    assert code == 0
    return json.loads(out.read_text("utf-8")), stdout.getvalue()


def _positive(value: object) -> bool:
    return isinstance(value, (int, float)) and math.isfinite(value) and value > 0


@pytest.mark.slow
@pytest.mark.parametrize("key", [
    "extract_chars_per_s_per_core", "extract_chars_per_s_all_cores", "build_seconds",
    "build_texts_per_s", "build_triples", "build_triples_per_s", "build_peak_rss_mb",
    "build_main_rss_mb", "store_write_triples_per_s", "rss_small_peak_mb", "rss_growth",
])
def test_bench_smoke_speeds_positive(bench_run: tuple[dict, str], key: str) -> None:
    result, _ = bench_run
    assert _positive(result["results"][key])


@pytest.mark.slow
def test_bench_smoke_baselines_and_ratios(bench_run: tuple[dict, str]) -> None:
    result, table = bench_run
    assert result["corpus"]["texts"] == 5
    for key in ("regex_chars_per_s", "rdflib_triples_per_s", "rdflib_triples"):
        assert _positive(result["baselines"][key])
    for key in ("extract_1_core_vs_regex", "extract_all_cores_vs_regex",
                "build_triples_vs_rdflib", "store_write_vs_rdflib"):
        assert _positive(result["ratios"][key])
    assert result["results"]["extract_parallel_equals_serial"] is True
    assert result["results"]["build_failures"] == 0
    assert "regex floor" in table and "rdflib" in table


@pytest.mark.slow
def test_bench_smoke_every_named_query_timed(bench_run: tuple[dict, str]) -> None:
    from policykg.graph.query import named_queries

    result, table = bench_run
    queries = result["results"]["queries"]
    assert set(queries) == set(named_queries())
    for name, lat in queries.items():
        assert 0 < lat["p50_ms"] <= lat["p95_ms"], name
        assert lat["runs"] >= max(1, lat["values"]), name  # each value timed, not the first
        # timed on values that give rows, not on an empty answer
        assert lat["rows"] > 0 and lat["values"] >= 1, name
        # a query that numbers its rows is also timed on its first page
        assert ("page_p95_ms" in lat) == bool(named_queries()[name].page_by), name
        assert f"query {name}" in table


@pytest.mark.slow
def test_bench_smoke_queries_timed_again_on_the_compacted_store(bench_run: tuple[dict, str]):
    result, table = bench_run
    r = result["results"]
    assert _positive(r["optimize_seconds"])
    files, after = r["optimize_index_files"]
    assert 0 < after < files  # the bulk loads' overlapping files merged
    assert set(r["queries_optimized"]) == set(r["queries"])
    for name, lat in r["queries_optimized"].items():
        assert lat["rows"] == r["queries"][name]["rows"], name  # the same answers
        assert f"optimized {name}" in table
    assert "optimize (compaction)" in table


@pytest.mark.slow
def test_bench_smoke_targets_evaluated(bench_run: tuple[dict, str]) -> None:
    result, table = bench_run
    targets = {t["key"]: t for t in result["targets"]}
    assert targets["neo4j_facts_per_s"]["met"] is None  # no server given
    for key in ("extract_chars_per_s_per_core", "build_peak_rss_mb", "query_p95_ms_max"):
        assert targets[key]["met"] in (True, False)
        assert key in result["results"]
    assert table.count("target ") == len(targets)
