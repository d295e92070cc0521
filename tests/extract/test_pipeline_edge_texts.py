"""Any text the loader can hand over goes through the whole pipeline: empty, a single
character, punctuation only, an unclosed 《 or “, a very long text."""

from __future__ import annotations

import pytest
from policykg.extract.api import extract_loaded
from policykg.extract.loaded import LoadedText

PARAGRAPH = ("松溪区司法局牵头起草《松溪区行政执法公示办法》（松司发〔2023〕4号），"
             "提请区政府审议通过，全年办理行政复议案件12件。\n")


def extract(text: str):
    return extract_loaded(LoadedText("edge.txt", text, "0" * 64, "txt"))


@pytest.mark.parametrize("text", [
    "", " ", "\n", " \t\u3000\n\n", "甲", "1", "号", "。", "，；：！？", "……——", "《", "》",
    "“", "《》", "“”", "（）", "【】", "《松溪区普法规划", "区政府印发《松溪区普法规划",
    "“首违不罚", "〔2023〕5号", "令第", "一、", "（一）",
])
def test_pipeline_edge_texts_short_or_broken(text: str) -> None:
    result = extract(text)
    summary = result.summary()
    assert summary["documents"] == []
    assert summary["issued"] == []
    assert all(0 <= s.start <= s.end <= len(text) for s in result.sentences)


def test_pipeline_edge_texts_long_text_keeps_every_finding() -> None:
    text = PARAGRAPH * (300_000 // len(PARAGRAPH) + 1)
    assert len(text) >= 300_000
    result = extract(text)
    (document,) = result.documents
    assert document.title == "松溪区行政执法公示办法"
    assert document.number.text == "松司发〔2023〕4号"
    assert len(document.mentions) == text.count("《")
    assert len(result.sentences) == text.count("\n")
