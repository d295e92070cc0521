"""CharTokenizer makes the Doc spaCy's Chinese char segmenter makes, in linear time."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from policykg.extract.component import doc_text
from policykg.extract.pipeline import build_pipeline, shared_pipeline


def tokens(nlp, text: str) -> list[tuple[str, str]]:
    return [(t.text, t.whitespace_) for t in nlp.make_doc(text)]


@pytest.fixture(scope="module")
def spacy_char():
    return spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})


@pytest.mark.parametrize("text", [
    "", " ", "  ", "\n", " \n ", "甲", "甲 ", " 甲", "甲 乙", "甲  乙", "甲\n乙", "甲 \n 乙",
    "甲\u3000乙", "甲\t\t乙 ",
    "区政府印发《松溪区优化营商环境若干措施》（松区办发〔2023〕5号）。\n\n一、",
    "abc def  ghi\n", "2023 年 1 月",
])
def test_pipeline_tokenizer_same_as_spacy_char(spacy_char, text: str) -> None:
    assert tokens(shared_pipeline(), text) == tokens(spacy_char, text)
    assert doc_text(shared_pipeline().make_doc(text)) == spacy_char.make_doc(text).text


def test_pipeline_tokenizer_same_on_the_dev_texts(spacy_char, dev_dir: Path) -> None:
    for path in sorted(dev_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert tokens(shared_pipeline(), text) == tokens(spacy_char, text), path.name


def test_pipeline_tokenizer_every_character_a_token() -> None:
    text = "区政府 印发《方案》\n"
    doc = shared_pipeline().make_doc(text)
    assert doc.text == text
    assert all(len(t.text) == 1 for t in doc if not t.is_space)


def test_pipeline_tokenizer_after_a_memory_zone(spacy_char) -> None:
    # characters first seen inside a zone are dropped from the vocab when it ends
    nlp = build_pipeline()
    with nlp.memory_zone():
        nlp.make_doc("龘靐齉 区政府")
    text = "龘靐齉 区政府印发《方案》"
    assert tokens(nlp, text) == tokens(spacy_char, text)
