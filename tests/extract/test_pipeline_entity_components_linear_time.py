"""The entity components (agencies, measures, figures, relations) take time linear in the
text's length: on varied prose, and on texts built to make a rule compare each name with
every name found before it (one endless line of bodies and titles, one endless sentence of
member lists or lead notes).

As in test_pipeline_linear_time: each text is timed at 30,000 and at 300,000 characters
(CPU time of the entity components alone, best of two); a quadratic rule grows the cost
per character about tenfold.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from policykg.extract.pipeline import shared_pipeline

ENTITY_COMPONENTS = ("agencies", "measures", "figures", "relations")
GROWTH = 3.0  # per-character cost at 300,000 chars over the cost at 30,000


def seconds_per_char(text: str) -> float:
    nlp = shared_pipeline()
    best = float("inf")
    for _ in range(2):
        doc = nlp.make_doc(text)
        spent = 0.0
        for name, proc in nlp.pipeline:
            start = time.process_time()
            doc = proc(doc)
            if name in ENTITY_COMPONENTS:
                spent += time.process_time() - start
        best = min(best, spent)
    return best / len(text)


def growth(unit: str) -> float:
    short = (unit * -(-30_000 // len(unit)))[:30_000]
    long = (unit * -(-300_000 // len(unit)))[:300_000]
    seconds_per_char(short[:3_000])  # warm up
    return seconds_per_char(long) / seconds_per_char(short)


@pytest.mark.slow
@pytest.mark.parametrize("unit", [
    "区政府印发《",  # a body before an unclosed title, on one endless line
    "《松溪区普法规划》经区政府",
    "区司法局、区法院、区检察院等成员单位，",  # member lists in one endless sentence
    "牵头单位：区司法局、区法院；",  # lead notes over one endless line
])
def test_pipeline_entity_components_linear_time_on_long_texts(unit: str) -> None:
    ratio = growth(unit)
    assert ratio < GROWTH, f"{ratio:.1f} times the cost per character"


@pytest.mark.slow
def test_pipeline_entity_components_linear_time_on_the_dev_corpus(dev_dir: Path) -> None:
    body = "\n".join(p.read_text("utf-8") for p in sorted(dev_dir.glob("*.txt")))
    ratio = growth(body + "\n")
    assert ratio < GROWTH, f"{ratio:.1f} times the cost per character"
