"""Sentence boundaries for Chinese government prose.

A sentence ends at 。！？ (and their half-width forms) and at a line break; closing quotes
and brackets stay with the sentence they close and the white space after an end goes
with it, so every sentence but a blank text's starts on a printed character. ；and ，
do not end a sentence: the document links read clause chains inside one sentence (the
subject of 「省委召开常委会会议，……，审议通过《…》」 is three clauses back).

The start offsets are also kept in ``doc.user_data`` (read them with
:func:`policykg.extract.component.sentence_starts`, which costs nothing, where
``doc.sents`` builds a Span per sentence). The boundaries are written in one
``Doc.from_array`` call: no Python loop over the
characters (setting ``token.is_sent_start`` scans the whole Doc each time).
"""

from __future__ import annotations

import re

import numpy
from policykg.extract.component import STARTS_KEY, doc_text
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

# one character class first, so the regex engine can skip to candidates fast
END = re.compile(r"[。！？!?\n][。！？!?]*[”’」』)）\"']*\s*")


class SentenceSplitter:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc.user_data[STARTS_KEY] = [0]  # an empty text is one empty sentence
            return doc
        text = doc_text(doc)
        ends = [m.end() for m in END.finditer(text) if m.end() < len(text)]
        flags = numpy.full(len(doc), -1, dtype="int64")  # -1: not a start, 1: a start
        flags[0] = 1
        if ends:
            flags[numpy.searchsorted(doc.to_array(IDX), ends)] = 1
        # one C pass; setting token.is_sent_start scans the whole Doc on every call
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))
        doc.user_data[STARTS_KEY] = [0, *ends]  # each ends on a printed character: a token
        return doc


@Language.factory("policykg_sentences_v1")
def make_sentences(nlp: Language, name: str) -> SentenceSplitter:
    return SentenceSplitter(nlp, name)
