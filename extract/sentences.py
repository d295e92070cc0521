"""Sentence boundaries for Chinese government prose.

A sentence ends at 。！？ (and their half-width forms) and at a line break; closing quotes
and brackets stay with the sentence they close and the white space after an end goes
with it, so every sentence but a blank text's starts on a printed character. ；and ，
do not end a sentence: the document links read clause chains inside one sentence (the
subject of 「省委召开常委会会议，……，审议通过《…》」 is three clauses back).

Only the first token of each sentence is marked (and the second token marked as not a
start), which is all :attr:`Doc.sents` needs: no Python loop over the characters.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc

END = re.compile(r"(?:[。！？!?]+[”’」』)）\"']*|\n)\s*")


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) < 2:
            return doc
        text = doc.text
        ends = [m.end() for m in END.finditer(text) if m.end() < len(text)]
        idx = doc.to_array(IDX)
        tokens = set(numpy.searchsorted(idx, ends).tolist()) if ends else set()
        tokens.discard(0)
        doc[1].is_sent_start = 1 in tokens  # marks the doc as segmented even with one sentence
        for i in tokens:
            if i < len(doc):
                doc[i].is_sent_start = True
        return doc


@Language.factory("policykg_sentences_v1")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
