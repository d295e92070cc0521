"""Titles in 《》: the documents a text cites.

- Every outermost 《…》 is one document; nested 《》, 〈〉 and <> inside it stay in the
  title, as do quotation marks; white space is removed. 《A》《B》 are two documents.
- A 《 that never closes (the text is cut off, or a line of prose runs on past
  ``MAX_TITLE`` characters or a 。) is not a title.
- A bracket right after the title (（） () 【】 ［］ [] ﹝﹞, maybe after a space or a colon)
  is read: a document number first in it (``(国办发〔2022〕8号)``, ``【云府办〔2021〕27号】``)
  or printed straight after 》 (``》：云发〔2021〕3号``) attaches to that title, also
  after a bracket that holds neither (``》（试行）（云发〔2021〕3号）``); an
  abbreviation the text defines there (``（以下简称《纲要》）``, ``(以下简称"纲要")``) is
  kept on the full title and its later 《纲要》 mentions count as mentions of the full
  title (same canonical), never as a document of their own.
- The document type (文种) comes from the title's ending, ``doc_types.txt``.

Spans go on ``doc.spans["documents"]`` (label DOCUMENT), each covering the text inside
the brackets; ``span._.canonical`` is the title normalised (NFKC, one dash, no white
space, straight quotes, nested brackets written 《》); ``span._.attrs`` holds
``number`` (the number's parts, see extract/numbers.py), ``doc_type`` and
``abbreviation``, and ``abbreviates`` (the full title's canonical) on a mention that is
a defined abbreviation.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from policykg.extract.component import Found, RuleComponent, annotate, char_span, doc_text, found
from spacy.language import Language
from spacy.tokens import Doc, Span

MAX_TITLE = 200
INSIDE = re.compile(r"[《》。\n]")  # what matters inside an open title
BLANK_LINE = re.compile(r"[ \t\u3000]*\n")
DASHES = dict.fromkeys(map(ord, "‐‑‒–—―−－~～"), "-")
QUOTES = {ord("“"): '"', ord("”"): '"', ord("‘"): "'", ord("’"): "'",
          ord("〈"): "《", ord("〉"): "》", ord("<"): "《", ord(">"): "》"}
TRAILING_BRACKETS = re.compile(r"(?:[(（\[【][^()（）\[\]【】]*[)）\]】])+$")
# what may stand between 》 and its number: spaces, a colon, an opening bracket of any
# printed pair (（ ( 【 ［ [ ﹝ 〔), spaces again
AFTER = re.compile(r"[ \t\u3000]*(?:[:：][ \t\u3000]*)?([(（【［\[﹝〔])?[ \t\u3000]*")
CLOSING = {"(": ")）", "（": ")）", "【": "】", "［": "］]", "[": "]］", "﹝": "﹞", "〔": "〕"}
# a bracket's content: no line break, brackets inside only as one short pair
# (（青政发(2019)3号）, 【云府办〔2021〕27号】)
PAREN = re.compile(r"(?:[^()（）\[\]［］【】\n]|[(（\[［〔﹝【][^()（）\[\]［］\n]{0,12}"
                   r"[)）\]］〕﹞】]){1,80}")
PART = re.compile(r"[^，,；;]+")  # the parts of a bracket after a title
ABBREVIATION = re.compile(r"(?:以下简称|以下称|下称|简称)[:：]?\s*[《“\"「‘']{0,2}\s*"
                          r"([^《》“”\"「」‘’'、，,；;]{1,30}?)\s*[》”\"」’']{0,2}\s*$")


def canonical_title(title: str) -> str:
    """NFKC, one dash, no white space, straight quotes, nested 〈〉/<> written 《》."""
    text = unicodedata.normalize("NFKC", title).translate(DASHES)
    return "".join(text.split()).translate(QUOTES)


class DocTypes:
    """文种 from a title's ending: ``DocTypes(lines)(title)``, lines from doc_types.txt."""

    def __init__(self, lines: list[str]) -> None:
        self.types: dict[str, str] = {}
        for line in lines:
            ending, _, kind = line.partition("\t")
            self.types[ending.strip()] = kind.strip() or ending.strip()
        self.longest = max(map(len, self.types), default=0)

    def __call__(self, title: str) -> str | None:
        core = TRAILING_BRACKETS.sub("", "".join(title.split())).rstrip("\"”'’》")
        for size in range(min(self.longest, len(core)), 0, -1):
            kind = self.types.get(core[-size:])
            if kind:
                return kind
        return None


class TitlesComponent(RuleComponent):
    data_files = ("doc_types.txt",)

    def prepare(self) -> None:
        self.doc_type = DocTypes(self.data.get("doc_types.txt", []))

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        numbers = {n.start_char: n for n in found(doc, "numbers")}
        spans: list[Span] = []
        defined: dict[str, str] = {}  # abbreviation canonical -> full title canonical
        skip_until = -1  # a defined abbreviation's own 《》 is not a document
        for start, end in outermost(text):
            if start < skip_until:
                continue
            span = char_span(doc, start, end, "DOCUMENT")
            if span is None:
                continue
            printed = text[span.start_char:span.end_char]  # Span.text walks its tokens
            canonical = canonical_title(printed)
            attrs: dict[str, Any] = {"number": None, "doc_type": None, "abbreviation": None}
            if canonical in defined:
                attrs["abbreviates"] = defined[canonical]
                canonical = defined[canonical]
            else:
                attrs["doc_type"] = self.doc_type(printed)
            number, abbreviation, paren_end = self._after(text, end + 1, numbers)
            if number is not None:
                number.attrs["role"] = "cited"  # the span's own attrs dict
                attrs["number"] = number.attrs["number"]
            if abbreviation:
                attrs["abbreviation"] = abbreviation
                defined[canonical_title(abbreviation)] = canonical
                skip_until = paren_end
            spans.append(annotate(span, canonical, attrs))
        doc.spans["documents"] = spans
        return doc

    @staticmethod
    def _after(text: str, at: int, numbers: dict[int, Found]) -> tuple[Found | None, str | None,
                                                                       int]:
        """What follows a title's 》: its number and the abbreviation it defines. A first
        bracket that holds neither (（试行）, （2021年修订）) may be followed by one that does."""
        for _ in range(2):
            m = AFTER.match(text, at)
            number = numbers.get(m.end())  # printed straight after, or first in the bracket
            if m.group(1) is None:
                return number, None, at
            inside = PAREN.match(text, m.end(1))
            close = inside.end() if inside else m.end(1)
            if close >= len(text) or text[close] not in CLOSING[m.group(1)]:
                return number, None, at
            abbreviation = None
            for part in PART.finditer(text, m.end(1), close):
                first = part.start() + len(part.group()) - len(part.group().lstrip())
                if number is None and first in numbers and numbers[first].end_char <= part.end():
                    number = numbers[first]  # (国发〔2021〕1号，以下简称《纲要》) too
                hit = ABBREVIATION.search(part.group().strip())
                if hit:
                    abbreviation = "".join(hit.group(1).split()) or None
            if number is not None or abbreviation is not None:
                return number, abbreviation, close + 1
            at = close + 1
        return None, None, at


def outermost(text: str) -> list[tuple[int, int]]:
    """(start, end) of the text inside each outermost 《…》 that closes.

    Where an outer 《 runs into a 。, a blank line or past ``MAX_TITLE`` (a typo), the
    titles that closed inside it still count: 「学习《宪法，贯彻《条例》。」 gives 条例. A
    title cut off by the end of the text counts for nothing, nor does what is nested in it.
    """
    found: list[tuple[int, int]] = []
    opens: list[int] = []  # where each still open 《 starts its text, outermost first
    inner: list[tuple[int, int]] = []  # titles closed inside a still open outer 《
    pos = 0
    while True:
        if not opens:  # outside a title only a 《 matters
            at = text.find("《", pos)
            if at < 0:
                break
            mark = "《"
        else:
            m = INSIDE.search(text, pos)
            if m is None:
                break
            at, mark = m.start(), m.group()
        pos = at + 1
        if mark == "《":
            opens.append(pos)
        elif mark == "》":
            start = opens.pop()
            if not opens:
                if at - start <= MAX_TITLE:
                    found.append((start, at))
                inner = []
            elif len(opens) == 1:
                inner.append((start, at))
        elif mark == "。" or BLANK_LINE.match(text, pos):
            found.extend(inner)  # the outer 《 was never a title
            opens, inner = [], []
        if opens and at - opens[0] > MAX_TITLE:
            found.extend(inner)
            opens, inner = [], []
    return sorted(found)


@Language.factory("policykg_titles_v1")
def make_titles(nlp: Language, name: str) -> TitlesComponent:
    return TitlesComponent(nlp, name)
