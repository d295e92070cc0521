"""The text's own structure: the headings 一、 / （一） / 1. / 一是 and their extent.

Levels: 1 for 一、 (and 第一章), 2 for （一）, 3 for 1. / 1、 and for 一是. A heading
starts a line, or follows a sentence end where a page has run its paragraphs together
(「…本工作要点。 一、总体要求 2022年…」); 一是 may stand inside a paragraph after 。 or
；. Its title runs to the first 。；: or line break (or, for a heading run into the
next paragraph, the first run of spaces), at most ``MAX_TITLE`` characters. A section
ends where the next heading of the same or a higher level starts, else at the text's end.

``doc._.sections`` is a list of dicts with the fields of records.Section.
"""

from __future__ import annotations

import re

from policykg.extract.component import doc_text
from spacy.language import Language
from spacy.tokens import Doc

NUM = "一二三四五六七八九十百零〇"
# a heading starts the text, a line, or follows a sentence end (maybe after spaces)
BOUNDARY = re.compile(rf"[\n。！？；;][ \t\u3000]*(?=[{NUM}(（\d第])")  # and what may follow
HEADING = re.compile(
    r"[ \t\u3000]*(?:"
    rf"(?P<l1>[{NUM}]{{1,3}}[、．.](?![{NUM}]))"
    rf"|(?P<c1>第[{NUM}]{{1,3}}章)"
    rf"|(?P<l2>[(（][ \t\u3000]*[{NUM}]{{1,3}}[ \t\u3000]*[)）])"
    r"|(?P<l3>\d{1,2}[、．.](?!\d))"
    rf"|(?P<s3>[{NUM}]{{1,3}}是)"
    ")",
)
TITLE_END = re.compile(r"[。；;：:！？\n]|[ \t\u3000]{2,}| (?=\S)")
MAX_TITLE = 60
LEVEL = {"l1": 1, "c1": 1, "l2": 2, "l3": 3, "s3": 3}


def find_sections(text: str) -> list[dict]:
    heads = []
    # a heading can only start where a line or a sentence does: try only there
    for at in [0, *(b.end() for b in BOUNDARY.finditer(text))]:
        m = HEADING.match(text, at)
        if m is None:
            continue
        kind = m.lastgroup
        label = "".join(m.group(kind).split())
        title_start = m.end()
        while title_start < len(text) and text[title_start] in " \t\u3000":
            title_start += 1
        end = TITLE_END.search(text, title_start, title_start + MAX_TITLE + 1)
        title_end = end.start() if end else min(len(text), title_start + MAX_TITLE)
        title = text[title_start:title_end].strip()
        if kind != "s3" and not title:
            continue
        heads.append({"label": label, "title": title, "level": LEVEL[kind],
                      "start": m.start(kind), "end": len(text)})
    # a heading closes every open section of its level or a lower one (one pass: each
    # section is opened and closed once)
    open_heads: list[dict] = []
    for head in heads:
        while open_heads and open_heads[-1]["level"] >= head["level"]:
            open_heads.pop()["end"] = head["start"]
        open_heads.append(head)
    for head in heads:
        # trailing white space belongs to no section
        while head["end"] > head["start"] and text[head["end"] - 1].isspace():
            head["end"] -= 1
    return heads


class SectionsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.sections = find_sections(doc_text(doc))
        return doc


@Language.factory("policykg_sections_v1")
def make_sections(nlp: Language, name: str) -> SectionsComponent:
    return SectionsComponent(nlp, name)
