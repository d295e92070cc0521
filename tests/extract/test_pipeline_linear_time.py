"""The document-side components take time linear in the text's length, also on texts
built to trip a rule that re-reads the text per candidate: one endless sentence of
titles, triggers, cues or numbers, thousands of headings.

Each text is timed at 30,000 and at 300,000 characters (CPU time, best of two); the
per-character cost may grow a little (caches, a busy machine), a quadratic rule grows it
about tenfold. The entity components are left out (their own tests time them); the bodies
the link rules need are marked by hand.
"""

from __future__ import annotations

import re
import time

import pytest
from policykg.extract.loaded import LoadedText
from policykg.extract.pipeline import shared_pipeline
from policykg.extract.to_records import doc_to_extraction
from spacy.tokens import Doc

OURS = ("sentences", "sections", "numbers", "titles", "meta", "links")
GROWTH = 3.0  # per-character cost at 300,000 chars over the cost at 30,000
BODY = re.compile("区政府|区司法局")


def seconds_per_char(text: str) -> float:
    nlp = shared_pipeline()
    best = float("inf")
    for _ in range(2):
        doc = nlp.make_doc(text)
        spent = 0.0
        for name, proc in nlp.pipeline:
            if name == "links":
                doc.spans["agencies"] = _bodies(doc)
            if name in OURS:
                start = time.process_time()
                doc = proc(doc)
                spent += time.process_time() - start
        start = time.process_time()
        doc_to_extraction(doc, LoadedText("long.txt", text, "0" * 64, "txt"), "long")
        spent += time.process_time() - start
        best = min(best, spent)
    return best / len(text)


def _bodies(doc: Doc) -> list:
    inside = [(s.start_char, s.end_char) for s in doc.spans["documents"]]
    titles = iter(inside)
    current = next(titles, None)
    spans = []
    for m in BODY.finditer(doc.text):
        while current is not None and current[1] <= m.start():
            current = next(titles, None)
        if current is None or not current[0] <= m.start() < current[1]:
            spans.append(doc.char_span(m.start(), m.end(), label="AGENCY"))
    return spans


@pytest.mark.slow
@pytest.mark.parametrize("unit", [
    "《松溪区普法规划》",  # one sentence of titles
    "《松溪区普法规划》【松府发〔2021〕3号】、",
    "区政府印发《松溪区普法规划》，",  # a trigger per clause
    "印发《松溪区普法规划》，",  # a trigger with no subject: clauses looked back over
    "根据《青川省普法条例》制定《松溪区普法规划》",  # cues and triggers, no clause end
    "现印发《松溪区普法规划》",
    "《松溪区普法规划》经区政府审议通过",
    "起草《松溪区普法规划》，提请区政府审议通过，",
    "区司法局印发《关于实行“首违不罚”制度的通知》，推行“首违不罚”，",
    "\n1、松溪区普法\n（一）区司法局",  # thousands of headings
    "松府发〔2021〕3号",  # numbers on one endless line
    "2023年3月1日\n松溪区司法局\n",
])
def test_pipeline_linear_time_on_long_texts(unit: str) -> None:
    short = unit * (30_000 // len(unit))
    long = unit * (300_000 // len(unit))
    seconds_per_char(short[:3_000])  # warm up
    growth = seconds_per_char(long) / seconds_per_char(short)
    assert growth < GROWTH, f"{growth:.1f} times the cost per character"
