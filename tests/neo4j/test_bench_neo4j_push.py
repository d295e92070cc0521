"""The benchmark's Neo4j figures come from real pushes of the texts it says it pushed."""

from __future__ import annotations

import pytest
from policykg.graph.neo4j_writer import counts
from policykg.graph.store import OxigraphStore
from policykg.graph.view import edge_rows, node_rows

from policykg.bench import copy_texts, neo4j_push

pytestmark = pytest.mark.neo4j


@pytest.mark.parametrize("pushes", [1, 3])
def test_bench_neo4j_push_counts_the_facts_it_leaves(two_texts_store_path, neo4j_target,
                                                     tmp_path, pushes):
    scratch = tmp_path / "first-text"
    copy_texts(two_texts_store_path, 1, scratch)  # the first text of two
    result = neo4j_push(scratch, neo4j_target, pushes)

    nodes, relations = counts(neo4j_target)
    facts = sum(nodes.values()) + sum(relations.values())
    # each the same, whole, alone: the command's push and the pushes of the rows read whole
    assert result.command.items == result.first.items == result.last.items == facts > 0
    assert result.first.seconds > 0 and result.last.seconds > 0 and result.read_seconds > 0
    assert 0 < result.command_read_seconds < result.command.seconds
    assert result.command_peak_rss_mb > 0
    assert result.texts == 1
    whole = OxigraphStore(two_texts_store_path, read_only=True)
    both = sum(1 for _ in node_rows(whole)) + sum(1 for _ in edge_rows(whole))
    assert facts < both  # one text's facts, not the store's


def test_bench_neo4j_push_of_a_whole_store_counts_its_texts_and_facts(two_texts_store_path,
                                                                       neo4j_target):
    result = neo4j_push(two_texts_store_path, neo4j_target, 1)

    whole = OxigraphStore(two_texts_store_path, read_only=True)
    both = sum(1 for _ in node_rows(whole)) + sum(1 for _ in edge_rows(whole))
    assert (result.texts, result.command.items, result.first.items) == (2, both, both)
