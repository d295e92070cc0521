"""Helpers the entity components (agencies, measures, figures, relations) share.

Spans that sit inside a 《》 title or a document number belong to that title or number,
so every entity component skips them; the titles/numbers components put those on
``doc.spans`` before us, and we also find 《》 ourselves so the rule holds on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from weakref import WeakKeyDictionary

from policykg.extract import component
from policykg.extract.component import annotate, char_span, doc_text, trim
from spacy.tokens import Doc, Span

# 《…》 with one level of nesting (〈〉 or 《》 inside); an unclosed one runs to the line end
TITLE = re.compile(r"《(?:[^《》\n]|《[^《》\n]*》)*(?:》|$)", re.M)
# 机关代字〔2022〕1号 and its bracket variants, as a fallback for the numbers component
# anchored on the bracketed year (a leading run of Chinese would be tried at every character)
DOC_NUMBER = re.compile(r"[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\d+\s*号")
ISSUER_CODE = re.compile(r"[\u4e00-\u9fff]{1,8}$")


PROTECTED_KEY = "policykg.protected"
FOUND_KEY = "policykg.found.{}"  # (start, end, kind) per span of a group, in span order


class Protected:
    """Character ranges no entity may overlap: titles and document numbers."""

    @classmethod
    def of(cls, doc: Doc) -> Protected:
        """Built once per doc and shared by the entity components."""
        found = doc.user_data.get(PROTECTED_KEY)
        if found is None:
            found = doc.user_data[PROTECTED_KEY] = cls(doc)
        return found

    def __init__(self, doc: Doc) -> None:
        text = doc_text(doc)
        ranges = {(m.start(), m.end()) for m in TITLE.finditer(text)}
        for m in DOC_NUMBER.finditer(text):
            code = ISSUER_CODE.search(text, max(0, m.start() - 8), m.start())
            ranges.add((code.start() if code else m.start(), m.end()))
        for key in ("documents", "numbers"):  # read once per Doc (a Span makes Tokens)
            ranges |= {(f.start_char, f.end_char) for f in component.found(doc, key)}
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [r[0] for r in merged]
        self.ends = [r[1] for r in merged]

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start


class Taken:
    """The characters the candidates kept so far hold: whether a new one overlaps any of
    them costs its own length, not the number kept (comparing it with each kept one was
    quadratic on a text of many names). Candidates are never empty, so two overlap
    exactly when they share a character."""

    def __init__(self, size: int) -> None:
        self.held = bytearray(size)

    def overlaps(self, start: int, end: int) -> bool:
        return self.held.find(1, start, end) != -1

    def add(self, start: int, end: int) -> None:
        self.held[start:end] = b"\x01" * (end - start)


def make_span(doc: Doc, start: int, end: int, label: str, canonical: str,
              attrs: dict) -> Span | None:
    """The span over text[start:end] with white space trimmed off (as
    :func:`component.char_span` makes it), with ``canonical`` and ``attrs`` set.

    Every other character is a token of its own, so the tokens are found by offset,
    not by ``Doc.char_span`` (which makes a Token object per boundary it checks), and
    the values are set with :func:`annotate` (no Underscore object per span)."""
    text = doc_text(doc)
    trimmed = trim(text, start, end)
    if trimmed is None:
        return None
    start, end = trimmed
    tokens = _token_starts(doc, text)
    if tokens is None:  # one token per character
        first, last = start, end - 1
    else:
        first, last = bisect_right(tokens, start) - 1, bisect_right(tokens, end - 1) - 1
        if tokens[first] != start or tokens[last] != end - 1:  # not the char tokenizer's
            span = char_span(doc, start, end, label)
            return None if span is None else annotate(span, canonical, attrs)
    return annotate(Span(doc, first, last + 1, label=label), canonical, attrs)


def _token_starts(doc: Doc, text: str) -> list[int] | None:
    """Where each token starts, or None when each character is a token (no run of white
    space, no trailing space): kept per Doc while it lives."""
    if len(doc) == len(text):
        return None
    starts = _TOKEN_STARTS.get(doc)
    if starts is None:
        starts = _TOKEN_STARTS[doc] = doc.to_array("IDX").tolist()
    return starts


_TOKEN_STARTS: WeakKeyDictionary[Doc, list[int]] = WeakKeyDictionary()


# characters that make a verb a word of another kind: 规范 → 规范性, 制度 → 制度化
WORD_SUFFIXES = "性化"


def division_names(listed: list[str]) -> set[str]:
    """The division list's names, and the district each county or county-level city may
    have become since the list was drawn (东乡县 → 东乡区, 南康市 → 南康区: hundreds were
    converted after 2015). A derived name no place bears is harmless: it is only looked up
    where a level word already stands before a body's name."""
    names = set(listed)
    for name in listed:
        if len(name) >= 3 and name[-1] in "县市" and not name.endswith("自治县"):
            names.add(name[:-1] + "区")
    return names


def walk_left(text: str, pos: int, limit: int, stops: set[str],
              stop_lengths: list[int]) -> tuple[int, str]:
    """Walk left over Chinese characters from ``pos``, at most ``limit`` of them, stopping
    before a boundary word; returns the start and what stopped it: the stop word, the
    non-Chinese character, "^" for the text's start, or "" for the limit."""

    def stop_ending(end: int) -> str | None:
        for k in stop_lengths:
            if end - k >= 0 and text[end - k:end] in stops:
                return text[end - k:end]
        return None

    q = pos
    while q > 0:
        stop = stop_ending(q)
        if stop and q < pos and text[q] in WORD_SUFFIXES:
            stop = None  # 规范性文件, 制度化: the stop word is the stem of a longer word
        if stop:
            # 落实行政执法: 实行 ends here but 落实 ends one earlier; the name keeps 行
            earlier = stop_ending(q - 1)
            if earlier and len(stop) > 1:
                return q - 1, earlier
            return q, stop
        if not "\u4e00" <= text[q - 1] <= "\u9fff":
            return q, text[q - 1]
        if pos - q >= limit:
            return q, ""
        q -= 1
    return q, "^"


def keep_spans(doc: Doc, key: str, spans: list[tuple[Span, str | None]]) -> None:
    """Set the span group from (span, kind) pairs, and keep a plain copy of offsets and
    kinds for the relations component (reading spans back builds a Python object per span
    and per attribute)."""
    doc.spans[key] = [span for span, _ in spans]
    doc.user_data[FOUND_KEY.format(key)] = [
        (span.start_char, span.end_char, kind) for span, kind in spans]


def found(doc: Doc, key: str) -> list[tuple[int, int, str | None]]:
    """(start, end, kind) of each span of ``doc.spans[key]``, in order."""
    if key not in doc.spans:
        return []
    kept = doc.user_data.get(FOUND_KEY.format(key))
    if kept is not None and len(kept) == len(doc.spans[key]):
        return kept
    return [(s.start_char, s.end_char, (s._.attrs or {}).get("kind")) for s in doc.spans[key]]
