"""Sentence boundaries: where the links look for a subject and what a mention points to."""

from __future__ import annotations

import pytest
from policykg.extract.component import sentence_starts
from policykg.extract.pipeline import shared_pipeline


def sentences(text: str) -> list[str]:
    doc = shared_pipeline()(text)
    return [s.text for s in doc.sents]


@pytest.mark.parametrize(("text", "expected"), [
    ("区政府印发了方案。区司法局负责实施！各镇是否落实？",
     ["区政府印发了方案。", "区司法局负责实施！", "各镇是否落实？"]),
    # a closing quote or bracket stays with the sentence it closes
    ("提出“放管服”改革要求。”全面推行。", ["提出“放管服”改革要求。”", "全面推行。"]),
    # ；and ，join clauses of one sentence
    ("省委召开常委会会议，审议通过方案；召开学习会。",
     ["省委召开常委会会议，审议通过方案；召开学习会。"]),
    # a line break ends a heading or a line of the head
    ("松溪区2023年度法治政府建设情况的报告\n一、主要举措\n",
     ["松溪区2023年度法治政府建设情况的报告\n", "一、主要举措\n"]),
    ("只有一句", ["只有一句"]),
])
def test_pipeline_sentences_split(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_pipeline_sentence_starts_match_doc_sents() -> None:
    doc = shared_pipeline()("第一句。  第二句！\n\n第三句？ 第四句")
    assert sentence_starts(doc) == [s.start_char for s in doc.sents] == [0, 6, 12, 17]
