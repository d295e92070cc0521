"""graph/analysis.py: the tables and graphs the notebooks show, on the hand-made graph."""

from __future__ import annotations

import pytest
from policykg.graph import analysis

P = "https://w3id.org/policykg/id/"


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("国务院办公厅", "national"),
        ("中华人民共和国行政处罚法", "national"),
        ("云岭省司法厅", "provincial"),
        ("云岭省青石市市场监督管理局", "city"),  # 市场 is not a second city
        ("云岭省青石市柳原县司法局", "county"),
        ("青石市松林区人民政府", "county"),
        ("柳原县石桥镇人民政府", "township"),
        ("广西壮族自治区人民政府", "provincial"),  # 自治区 is not a 区
        ("法治政府建设实施纲要", "unknown"),
        (None, "unknown"),
    ],
)
def test_analysis_issuer_level_from_the_place_part(name, level):
    assert analysis.issuer_level(name) == level


def test_analysis_counts_by_kind(small_graph):
    counts = analysis.counts_by_kind(small_graph)
    assert counts["Agency"] == 3 and sum(counts.values()) == small_graph.number_of_nodes()


def test_analysis_comention_links_agencies_of_one_sentence(small_graph):
    c = analysis.comention_graph(small_graph)
    assert set(c) == {P + "agency/sfj", P + "agency/zf", P + "agency/ly-sfj"}
    # 市司法局 and 市人民政府 never share a sentence in the fixture
    assert c.number_of_edges() == 0
    sentence = "市人民政府会同市司法局开展专项督察。"
    for agency in ("agency/sfj", "agency/zf"):
        small_graph.nodes[P + agency]["sentences"].append(sentence)
    c = analysis.comention_graph(small_graph)
    assert c.edges[P + "agency/sfj", P + "agency/zf"] == {"weight": 1, "texts": 1}


def test_analysis_agency_centrality_puts_the_broker_first(small_graph):
    # 市司法局 is named with 市人民政府 and, in another sentence, with 县司法局
    sfj, zf, ly = (small_graph.nodes[P + a]["sentences"]
                   for a in ("agency/sfj", "agency/zf", "agency/ly-sfj"))
    sfj += ["甲句。", "乙句。"]
    zf.append("甲句。")
    ly.append("乙句。")
    table = analysis.agency_centrality(small_graph)
    assert table.loc[0, "canonical"] == "云岭省青石市司法局" and table.loc[0, "betweenness"] > 0
    assert table.loc[0, "comention_degree"] == 2
    assert table["community"].nunique() >= 1 and len(table) == 3


def test_analysis_citation_table_counts_citing_texts_and_levels(small_graph):
    table = analysis.citation_table(small_graph).set_index("document")
    assert table.loc["法治政府建设实施纲要（2021－2025年）", "cited_by_texts"] == 2
    assert table.loc["法治政府建设实施纲要（2021－2025年）", "implemented_by"] == 1
    row = table.loc["青石市优化营商环境若干措施"]
    assert (row["issuers"], row["level"], row["year"]) == ("市人民政府", "city", 2022)


def test_analysis_figures_table_names_text_and_jurisdiction(small_graph):
    table = analysis.figures_table(small_graph)
    assert len(table) == 1
    row = table.iloc[0]
    assert (row["jurisdiction"], row["text"], row["value"], row["unit"]) == (
        "云岭省青石市", "qs-2023", 126.0, "件")
    assert row["about"] == "市司法局" and "行政复议" in row["sentence"]


def test_analysis_citation_graph_holds_texts_documents_and_their_links(small_graph):
    c = analysis.citation_graph(small_graph)
    assert {d["kind"] for _, d in c.nodes(data=True)} == {"Text", "Document"}
    assert c.in_degree(P + "document/gy") == 3  # two texts cite it, one document implements it
    assert c.edges[P + "document/cs", P + "document/gy"]["relation"] == "IMPLEMENTS"
