"""Helpers of the Neo4j tests (imported by name: a conftest is not a module to import):
two fictional texts, building a store of them, reading a whole database back."""

from __future__ import annotations

import hashlib
from pathlib import Path

from neo4j import GraphDatabase
from policykg.graph.build import write_extraction
from policykg.graph.neo4j_writer import Neo4jTarget
from policykg.graph.store import OxigraphStore, open_store
from policykg.graph.summary import refresh_summary
from policykg.ontology.records import (
    AUTHOR,
    AgencyRecord,
    DocNumber,
    DocumentRecord,
    Extraction,
    LinkRecord,
    MeasureRecord,
    Mention,
    MetricRecord,
    Sentence,
    TextMeta,
)


def cells(rows):
    """Rows with every number as a float: SPARQL's xsd:decimal and Neo4j's float agree."""
    return [tuple(float(c) if isinstance(c, int | float) and not isinstance(c, bool) else c
                  for c in row) for row in rows]


# Test-side reading of a whole database, to compare states.
_NODES = "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.iri"
_RELS = (
    "MATCH (a)-[r]->(b) RETURN a.iri AS a, type(r) AS type, b.iri AS b, properties(r) AS props "
    "ORDER BY a, type, b, r.text"
)


def snapshot(target: Neo4jTarget) -> tuple[list, list]:
    """Every node (labels, properties) and relationship (ends, type, properties), sorted."""
    with GraphDatabase.driver(target.uri, auth=(target.user, target.password)) as driver:
        nodes = [(r["labels"], r["props"]) for r in driver.execute_query(_NODES).records]
        rels = [tuple(r.values()) for r in driver.execute_query(_RELS).records]
    return nodes, rels


# --- two fictional texts (青川省鹤鸣市 and its 枫桥区) that share a document and a measure ---


class _Text:
    """Builds one Extraction sentence by sentence, offsets computed from the phrases."""

    def __init__(self, text_id: str, meta: TextMeta, sentences: list[str]) -> None:
        self.text_id, self.meta = text_id, meta
        self.sentences: list[Sentence] = []
        pos = 0
        for sentence in sentences:
            self.sentences.append(Sentence(pos, pos + len(sentence), sentence))
            pos += len(sentence) + 1
        self.text = "\n".join(sentences)
        self.groups: dict[str, list] = {"d": [], "a": [], "m": [], "f": []}
        self.links: list[LinkRecord] = []

    def add(self, prefix: str, record_type: type, *args, at: list[tuple[str, int]], **kw) -> str:
        ident = f"{prefix}{len(self.groups[prefix]) + 1}"
        mentions = []
        for phrase, i in at:
            s = self.sentences[i]
            start = s.start + s.text.index(phrase)
            mentions.append(Mention(start, start + len(phrase), i, phrase))
        self.groups[prefix].append(record_type(ident, *args, mentions=mentions, **kw))
        return ident

    def link(self, kind: str, source: str, target: str, sentence: int, trigger: str) -> None:
        self.links.append(LinkRecord(kind, source, target, sentence, trigger))

    def extraction(self) -> Extraction:
        return Extraction(
            text_id=self.text_id, source=f"fixture/{self.text_id}.txt",
            sha256=hashlib.sha256(self.text.encode("utf-8")).hexdigest(), text=self.text,
            meta=self.meta, sentences=self.sentences, documents=self.groups["d"],
            agencies=self.groups["a"], measures=self.groups["m"], metrics=self.groups["f"],
            links=self.links,
        )


GANGYAO = "法治政府建设实施纲要（2021－2025年）"
GONGSHI = "鹤鸣市行政执法公示办法"


def heming_report() -> Extraction:
    t = _Text(
        "heming-2023",
        TextMeta(title="鹤鸣市人民政府2023年度法治政府建设情况报告", author="鹤鸣市人民政府",
                 jurisdiction="青川省鹤鸣市", date="2024-01-15", year=2023, doc_type="报告"),
        [
            f"2023年，市政府深入贯彻《{GANGYAO}》，印发《{GONGSHI}》（鹤政发〔2023〕5号）。",
            "市司法局作为市依法行政工作领导小组成员单位，牵头推行“码上监督”制度。",
            "市司法局行政复议科全年办理行政复议案件87件。",
            "全市“码上监督”平台受理投诉1200余件。",
        ],
    )
    d1 = t.add("d", DocumentRecord, GANGYAO, GANGYAO, doc_type="纲要", at=[(GANGYAO, 0)])
    d2 = t.add("d", DocumentRecord, GONGSHI, GONGSHI, doc_type="办法", issuer="鹤鸣市人民政府",
               number=DocNumber("鹤政发〔2023〕5号", "鹤政发", 2023, 5), at=[(GONGSHI, 0)])
    a1 = t.add("a", AgencyRecord, "市司法局", "市司法局", kind="justice",
               at=[("市司法局", 1), ("市司法局", 2)])
    a2 = t.add("a", AgencyRecord, "市依法行政工作领导小组", "市依法行政工作领导小组",
               at=[("市依法行政工作领导小组", 1)])
    a3 = t.add("a", AgencyRecord, "市司法局行政复议科", "市司法局行政复议科",
               at=[("市司法局行政复议科", 2)])
    m1 = t.add("m", MeasureRecord, "码上监督制度", "码上监督制度", kind="制度",
               at=[("“码上监督”制度", 1)])
    f1 = t.add("f", MetricRecord, 87.0, "件", "87件", counted="行政复议案件", at=[("87件", 2)])
    f2 = t.add("f", MetricRecord, 1200.0, "件", "1200余件", counted="投诉",
               at=[("1200余件", 3)])
    t.link("cites", AUTHOR, d1, 0, "贯彻")
    t.link("issued", AUTHOR, d2, 0, "印发")
    t.link("implements", d2, d1, 0, "贯彻")
    t.link("establishes", d2, m1, 1, "推行")
    t.link("member_of", a1, a2, 1, "成员单位")
    t.link("part_of", a3, a1, 2, "科")
    t.link("carries_out", a1, m1, 1, "推行")
    t.link("about", f1, a3, 2, "办理")
    t.link("about", f2, m1, 3, "受理")
    return t.extraction()


def fengqiao_report(measure: str = "码上监督", count: int = 36) -> Extraction:
    """The district's report; other arguments give the 'changed' version of the text."""
    t = _Text(
        "fengqiao-2023",
        TextMeta(title="枫桥区2023年法治政府建设工作报告", author="鹤鸣市枫桥区人民政府",
                 jurisdiction="青川省鹤鸣市枫桥区", date="2024-01-20", year=2023,
                 doc_type="报告"),
        [
            f"枫桥区认真落实《{GANGYAO}》和《{GONGSHI}》。",
            f"区司法局推行“{measure}”制度，全年开展执法检查{count}次。",
        ],
    )
    d1 = t.add("d", DocumentRecord, GANGYAO, GANGYAO, doc_type="纲要", at=[(GANGYAO, 0)])
    d2 = t.add("d", DocumentRecord, GONGSHI, GONGSHI, doc_type="办法", at=[(GONGSHI, 0)])
    a1 = t.add("a", AgencyRecord, "区司法局", "区司法局", kind="justice", at=[("区司法局", 1)])
    m1 = t.add("m", MeasureRecord, f"{measure}制度", f"{measure}制度", kind="制度",
               at=[(f"“{measure}”制度", 1)])
    f1 = t.add("f", MetricRecord, float(count), "次", f"{count}次", counted="执法检查",
               at=[(f"{count}次", 1)])
    t.link("cites", AUTHOR, d1, 0, "落实")
    t.link("cites", AUTHOR, d2, 0, "落实")
    t.link("carries_out", a1, m1, 1, "推行")
    t.link("about", f1, m1, 1, "开展")
    return t.extraction()


def build_store(path: Path, extractions: list[Extraction]) -> OxigraphStore:
    store = open_store(path)
    for extraction in extractions:
        write_extraction(store, extraction)
    refresh_summary(store)  # as a build ends: the whole-graph queries read it
    return store
