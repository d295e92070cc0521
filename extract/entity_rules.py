"""Helpers the entity components (agencies, measures, figures, relations) share.

Spans that sit inside a 《》 title or a document number belong to that title or number,
so every entity component skips them; the titles/numbers components put those on
``doc.spans`` before us, and we also find 《》 ourselves so the rule holds on its own.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc, Span

# 《…》 with one level of nesting (〈〉 or 《》 inside); an unclosed one runs to the line end
TITLE = re.compile(r"《(?:[^《》\n]|《[^《》\n]*》)*(?:》|$)", re.M)
# 机关代字〔2022〕1号 and its bracket variants, as a fallback for the numbers component
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*第?\d+\s*号")
SENTENCE_END = re.compile(r"[。！？!?]+[”’」』)）]*|\n+")


class Protected:
    """Character ranges no entity may overlap: titles and document numbers."""

    def __init__(self, doc: Doc) -> None:
        ranges = {(m.start(), m.end()) for m in TITLE.finditer(doc.text)}
        ranges |= {(m.start(), m.end()) for m in DOC_NUMBER.finditer(doc.text)}
        for key in ("documents", "numbers"):
            if key in doc.spans:
                ranges |= {(s.start_char, s.end_char) for s in doc.spans[key]}
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


def sentence_starts(doc: Doc) -> list[int]:
    """Start offsets of the doc's sentences (the sentences component's, else our own split)."""
    if doc.has_annotation("SENT_START"):
        return [s.start_char for s in doc.sents]
    return [0] + [m.end() for m in SENTENCE_END.finditer(doc.text) if m.end() < len(doc.text)]


def sentence_index(starts: list[int], offset: int) -> int:
    return max(bisect_right(starts, offset) - 1, 0)


def make_span(doc: Doc, start: int, end: int, canonical: str, attrs: dict) -> Span | None:
    span = doc.char_span(start, end)
    if span is not None:
        span._.canonical = canonical
        span._.attrs = attrs
    return span


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
