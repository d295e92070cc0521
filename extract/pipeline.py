"""The spaCy Language policykg runs: blank ``zh`` plus our components.

Tokens are single characters, as with spaCy's ``char`` segmenter for Chinese: every
character offset our regular-expression rules find is a token boundary, and nothing in
our rules needs words (jieba ran at about 0.35M chars/s). The tokenizer is
:class:`CharTokenizer`, which makes exactly the Doc that ``ChineseTokenizer`` with the
char segmenter makes, in linear time: spaCy's aligns the characters with the text by
slicing the rest of the text for each one, quadratic in the length (a 87,000-character
text went at 0.3M chars/s, a short one at 1.4M).

Order matters: numbers and titles run before meta and the entity components, so that
meta can tell the text's own 发文字号 from a cited one and the entity components can skip
whatever stands inside a 《》 title or a document number; links and relations run last,
over everything found.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

import spacy
from policykg.extract import extensions
from policykg.extract.component import TEXT_KEY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

# (factory, instance name) in pipeline order; importing the modules registers the factories
COMPONENTS: tuple[tuple[str, str], ...] = (
    ("policykg_sentences_v1", "sentences"),
    ("policykg_sections_v1", "sections"),
    ("policykg_numbers_v1", "numbers"),
    ("policykg_titles_v1", "titles"),
    ("policykg_meta_v1", "meta"),
    ("policykg_agencies_v1", "agencies"),
    ("policykg_measures_v1", "measures"),
    ("policykg_figures_v1", "figures"),
    ("policykg_links_v1", "links"),
    ("policykg_relations_v1", "relations"),
)


def _register_factories() -> None:
    from policykg.extract import (  # noqa: F401
        agencies,
        figures,
        links,
        measures,
        meta,
        numbers,
        relations,
        sections,
        sentences,
        titles,
    )


WHITE_SPACE = re.compile(r"\s+")


class CharTokenizer:
    """One token per character; white space as ``ChineseTokenizer`` (char) leaves it.

    That is ``spacy.util.get_words_and_spaces`` over ``list(text)``: a single ``" "``
    after a character is that token's trailing space, any other run of white space (or
    what is left of it) is one token of its own.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.orths = _Orths(vocab)

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in WHITE_SPACE.finditer(text):
            start, run = m.start(), m.group()
            words.extend(text[pos:start])
            spaces.extend([False] * (start - pos))
            if start > 0 and run[0] == " ":
                spaces[-1] = True
                run = run[1:]
            if run:
                words.append(run)
                spaces.append(False)
            pos = m.end()
        words.extend(text[pos:])
        spaces.extend([False] * (len(text) - pos))
        try:
            # words as their ids: spaCy hashes each string word anew (a third of the cost)
            doc = Doc(self.vocab, words=list(map(self.orths.__getitem__, words)),
                      spaces=spaces)
        except KeyError:  # a string the store has since dropped (a memory zone ended)
            self.orths.clear()
            doc = Doc(self.vocab, words=words, spaces=spaces)
        # the Doc's text is exactly ours: kept, so that no component rebuilds it by
        # walking a Python object per character (see component.doc_text)
        doc.user_data[TEXT_KEY] = text
        return doc

    # nothing to save: the behaviour is the code
    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> CharTokenizer:
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> CharTokenizer:
        return self


class _Orths(dict[str, int]):
    """Each token string's id in the vocab's string store, added on first sight."""

    def __init__(self, vocab: Vocab) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, word: str) -> int:
        orth = self[word] = self.vocab.strings.add(word)
        return orth


@registry.tokenizers("policykg.char_tokenizer.v1")
def make_char_tokenizer() -> Callable[[Language], CharTokenizer]:
    def create(nlp: Language) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)

    return create


def build_pipeline() -> Language:
    """A fresh, initialised pipeline."""
    extensions.register()
    _register_factories()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {
        "@tokenizers": "policykg.char_tokenizer.v1"}}})
    for factory, name in COMPONENTS:
        nlp.add_pipe(factory, name=name)
    nlp.initialize()
    return nlp


def load_pipeline(path: str | Path) -> Language:
    """A pipeline saved with ``nlp.to_disk(path)``: each component's word lists come from
    the saved copy (``from_disk``), not from extract/data."""
    extensions.register()
    _register_factories()
    return spacy.load(path)


@cache
def shared_pipeline() -> Language:
    """One pipeline per process: building it reads every word list."""
    return build_pipeline()
