"""The shape every policykg pipeline component shares, and the helpers they use.

Like spaCy's SpanRuler: settings come from the factory config, word lists and patterns
are read from data files in :meth:`initialize` (never at import), and
:meth:`to_disk`/:meth:`from_disk` carry them with a saved pipeline.

The char segmenter makes every non-space character a token, so a character offset our
regular expressions find maps to a token by :func:`char_span`; runs of white space can
fold into one token, which is why spans are trimmed of white space before they are made.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from policykg.extract import extensions
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

DATA = resources.files("policykg.extract") / "data"


def read_lines(name: str) -> list[str]:
    """A word list: one entry a line, ``#`` starts a comment, blank lines skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return [line for line in lines if line]


class RuleComponent:
    """Base for components whose knowledge is word lists in extract/data.

    Subclasses name their files in ``data_files`` and read them with ``self.data[name]``.
    """

    data_files: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name
        self.data: dict[str, list[str]] = {}

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *,
                   nlp: Language | None = None) -> None:
        self.data = {f: read_lines(f) for f in self.data_files}
        self.prepare()

    def prepare(self) -> None:
        """Compile whatever the component needs from ``self.data``."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "data.json").write_text(json.dumps(self.data, ensure_ascii=False), "utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RuleComponent:
        self.data = json.loads((Path(path) / "data.json").read_text("utf-8"))
        self.prepare()
        return self


#: A year as printed, in ASCII or full-width digits (２０２２): texts keep their forms.
YEAR = r"(?:[1１][9９]|[2２][0０])\d\d"

TEXT_KEY = "policykg.text"
STARTS_KEY = "policykg.sentence_starts"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc and kept in ``doc.user_data``.

    spaCy builds ``Doc.text`` anew on every access by walking every token (a Python
    object per character with the char segmenter): reading it once per component costs
    more than making the Doc. Every component should read the text through here.
    """
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def char_span(doc: Doc, start: int, end: int, label: str) -> Span | None:
    """The span over text[start:end] with white space trimmed off both ends, or None.

    Span extension values (``span._``) are keyed by character offsets, so two spans over
    the same characters share ``canonical`` and ``attrs``: give each finding its own text.
    """
    trimmed = trim(doc_text(doc), start, end)
    if trimmed is None:
        return None
    return doc.char_span(*trimmed, label=label, alignment_mode="expand")


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    """text[start:end] without white space at either end, as offsets; None when nothing is left."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class Found(NamedTuple):
    """A span's offsets and extension values as plain data (cheap to read again)."""

    start_char: int
    end_char: int
    canonical: Any
    attrs: Any


def annotate(span: Span, canonical: Any, attrs: Any) -> Span:
    """Set ``span._.canonical`` and ``span._.attrs`` (straight into ``doc.user_data``
    where spaCy keeps them, see :func:`found`)."""
    if _underscore_in_user_data():
        data, start, end = span.doc.user_data, span.start_char, span.end_char
        data[("._.", "canonical", start, end)] = canonical
        data[("._.", "attrs", start, end)] = attrs
    else:
        span._.canonical = canonical
        span._.attrs = attrs
    return span


def found(doc: Doc, key: str) -> list[Found]:
    """The spans of ``doc.spans[key]`` as :class:`Found`, in their order (read once per
    Doc and group; a Found's ``attrs`` is the span's own dict).

    Reading ``span._.x`` builds an Underscore object and a key per access (about ten
    times the cost of a dict look-up); spaCy keeps the values in ``doc.user_data`` under
    ``("._.", name, start_char, end_char)``, so they are read from there directly. Should
    a spaCy version keep them elsewhere, :func:`_underscore_in_user_data` finds out once
    and ``span._`` is used.
    """
    group = doc.spans.get(key)
    if not group:
        return []
    cached = _FOUND.setdefault(doc, {}).get(key)
    if cached is not None and cached[0] is group and cached[1] == len(group):
        return cached[2]  # the same group, unchanged since it was read
    out = []
    if _underscore_in_user_data():
        data = doc.user_data
        for span in group:
            start, end = span.start_char, span.end_char
            out.append(Found(start, end, data.get(("._.", "canonical", start, end)),
                             data.get(("._.", "attrs", start, end))))
    else:
        for span in group:
            ext = span._
            out.append(Found(span.start_char, span.end_char, ext.canonical, ext.attrs))
    _FOUND[doc][key] = (group, len(group), out)
    return out


# found() per Doc and span key, kept while the Doc lives (and never in doc.user_data,
# which must stay serialisable)
_FOUND: WeakKeyDictionary[Doc, dict[str, tuple[Any, int, list[Found]]]] = WeakKeyDictionary()


@cache
def _underscore_in_user_data() -> bool:
    extensions.register()
    doc = Doc(Vocab(), words=["甲", "乙"])
    doc[0:1]._.canonical = "甲"
    return doc.user_data.get(("._.", "canonical", 0, 1)) == "甲"


def sentence_starts(doc: Doc) -> list[int]:
    """Character offset where each sentence starts (index = sentence index): kept by the
    sentences component, else read from ``doc.sents``."""
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else []
    return starts or [0]  # even an empty text is one (empty) sentence


def sentence_of(starts: list[int], offset: int) -> int:
    """Index of the sentence that holds character ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)
