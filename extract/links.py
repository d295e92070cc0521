"""Links between the documents of a text and who issued them: issued, implements,
establishes. (Agency–measure, agency–agency and figure links are extract/relations.py.)

Each link is a dict on ``doc._.links``: ``{kind, source, target, sentence, trigger}``
with source and target as ``(span key, index)`` or ``"author"`` (the text's own author,
``doc._.meta["author"]``).

issued (agency → document), one sentence at a time:

- active: a trigger (``link_issued_triggers.txt``: 印发, 制定, 出台, 发布, 审议通过 …; a
  run such as 制定下发 is one trigger) followed by a chain of titles (《A》、《B》和《C》,
  each maybe with its number in brackets). Its subject is
  (1) the bodies printed right before the trigger, joined by 、/和/与/及, with only the
  words of ``link_subject_gaps.txt`` between (「中共中央、国务院印发的《…》」,
  「市委、市政府联合印发了《…》」); else
  (2) the bodies that open the trigger's clause or, where that clause has no subject
  of its own, one of the (at most ``MAX_BACK``) clauses before it in the sentence
  (「省委召开常委会会议，学习…，审议通过《…》」 gives 省委). A clause opened by a
  pronoun or a collective (我区, 本局, 各部门, 全市) stops the search: that subject is no
  named body, and no link is made (「我区制定出台了《…》」 has none);
- passive: 《X》(已)经/由 … a body … trigger, in one clause
  (「《X》已经区政府第13次常务会议审议通过」), or X put before a body that adopts it in
  the next clause (「起草《X》，提请区政府审议通过」: 区政府; who drafted it only where
  the sentence names it, as for every trigger);
- a notice's own transmittal 「《X》…，现印发给你们」/「现将《X》印发给你们」: the
  author issued X;
- the text's own heading 「X关于印发《Y》的通知」 (the span meta found): the bodies
  before 印发 in it issued Y, else the author.

implements (document → document): a cue (``link_implements_cues.txt``: 贯彻落实, 根据,
按照 …) and the titles after it in its clause are what a document made later in the same
sentence carries out: 「…制定《B》」, or 「制定本规定/本实施方案/如下措施」 for the document
the text itself issues (the one its transmittal or heading issued).

establishes (document → measure): a title that names a measure after an establishing verb
(``link_establish_verbs.txt``: 《关于实行“企业安静生产期”制度的通知》), linked to the
measure span of that name nearest the title.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Any

from policykg.extract.component import (
    YEAR,
    Found,
    RuleComponent,
    doc_text,
    found,
    sentence_of,
    sentence_starts,
)
from policykg.extract.titles import DocTypes
from spacy.language import Language
from spacy.tokens import Doc

AUTHOR = "author"
CLAUSE_END = re.compile(r"[，,；;：:]")
COORD = re.compile(r"\s*(?:、|和|与|及|以及|会同|联合|\s)?\s*")  # X会同Y印发: both issue
AFTER_TRIGGER = re.compile(r"[了的并\s]*(?:实施)?[了的\s]*")
# the bracket after a title (its number, an abbreviation), in any printed pair, a short
# pair inside it kept: （青政发(2019)3号）, 【云府办〔2021〕27号】
BRACKET = (r"(?:[:：]?\s*[(（【［\[](?:[^()（）\[\]［］【】\n]"
           r"|[(（\[［〔【][^()（）\[\]［］\n]{0,12}[)）\]］〕】]){0,80}[)）】］\]])")
TITLE_SEP = re.compile(rf"\s*(?:{BRACKET}\s*){{0,2}}(?:、|，|,|和|及|与|以及)?\s*")
# 《X》(已)经/由 a body … adopted it; or X is put before a body that adopts it
# (「起草《X》，提请区政府审议通过」「报市政府常务会议审议通过」)
PASSIVE = re.compile(rf"\s*(?:{BRACKET}\s*){{0,2}}[，,]?\s*(?:后|并|再|又)?\s*"
                     r"(?:已|业已)?\s*(?:于?\s*" + YEAR + r"\s*年(?:\s*\d{1,2}\s*月)?"
                     r"(?:\s*\d{1,2}\s*日)?)?\s*"  # 《X》于2021年3月12日经市人大常委会…
                     r"(?:已经|业经|已|经|由|提请|报请|报经|提交|报送|呈报|报)")
PRONOUN = re.compile(r"\s*(?:我|本|各|全|该)")
TRANSMIT = re.compile(
    r"现(?:予以|予|将(?P<between>.{0,200}?))?(?P<trigger>印发|发布|颁布|下发|公布)")
MAX_BACK = 3
ON_BEHALF = re.compile(r"\s*(?:代|替)\s*")
SPACES = re.compile(r"\s*")
MAX_CLAUSE = 400
DATE_GAP = r"(?:于)?(?:" + YEAR + r"年)?(?:\d{1,2}月)?(?:\d{1,2}日)?"
ORDINAL = r"第[\d一二三四五六七八九十百]+[次届]"


def _alt(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


class LinksComponent(RuleComponent):
    data_files = ("link_issued_triggers.txt", "link_subject_gaps.txt",
                  "link_clause_leads.txt", "link_implements_cues.txt",
                  "link_establish_verbs.txt", "doc_types.txt")

    def prepare(self) -> None:
        active, passive = [], []
        for line in self.data.get("link_issued_triggers.txt", []):
            word, _, mode = line.partition("\t")
            (passive if mode.strip() == "passive" else active).append(word.strip())
        self.trigger_re = re.compile(rf"(?:{_alt(active)})+")
        self.passive_re = re.compile(rf"(?:{_alt(active + passive)})+")
        gaps = _alt(self.data.get("link_subject_gaps.txt", []))
        self.gap_re = re.compile(rf"(?:{gaps}|{ORDINAL}|{DATE_GAP}|\s)*")
        leads = _alt(self.data.get("link_clause_leads.txt", []))
        self.lead_re = re.compile(rf"(?:{leads}|{YEAR}年(?:\d{{1,2}}月)?(?:\d{{1,2}}日)?"
                                  rf"(?:以来)?|[\s，,])*")
        self.cue_re = re.compile(rf"(?:{_alt(self.data.get('link_implements_cues.txt', []))})")
        types = DocTypes(self.data.get("doc_types.txt", [])).types
        self.self_ref = re.compile(
            rf"(?:本|如下)[\u4e00-\u9fff]{{0,6}}?(?:{_alt(list(types))})")
        self.establish_re = re.compile(
            rf"(?:{_alt(self.data.get('link_establish_verbs.txt', []))})")

    def __call__(self, doc: Doc) -> Doc:
        ctx = _Context(doc)
        links: list[dict[str, Any]] = []
        self.issued(ctx, links)
        self.implements(ctx, links)
        self.establishes(ctx, links)
        doc._.links = list(doc._.links or []) + links
        return doc

    # -- issued -------------------------------------------------------------------------
    def issued(self, ctx: _Context, links: list[dict[str, Any]]) -> None:
        text = ctx.text
        for sentence, s_start, s_end in ctx.titled_sentences():
            for m in self.trigger_re.finditer(text, s_start, s_end):
                if ctx.in_title(m.start()):
                    continue
                after = AFTER_TRIGGER.match(text, m.end()).end()
                chain = ctx.chain_at(after)
                if not chain:
                    continue
                for agency in self.subject(ctx, s_start, m.start()):
                    for target in chain:
                        links.append(_link("issued", ("agencies", agency), target, sentence,
                                           m.group()))
            self.passive(ctx, s_start, s_end, sentence, links)
            self.transmittal(ctx, s_start, s_end, sentence, links)
        self.heading(ctx, links)

    def subject(self, ctx: _Context, s_start: int, trigger: int) -> list[int]:
        text = ctx.text
        # (1) bodies printed right before the trigger
        i = ctx.last_agency_before(trigger)
        if i is not None and ctx.agencies[i].start_char >= s_start and self.gap_re.fullmatch(
                text, ctx.agencies[i].end_char, trigger):
            if i > 0 and ctx.agencies[i - 1].start_char >= s_start and ON_BEHALF.fullmatch(
                    text, ctx.agencies[i - 1].end_char, ctx.agencies[i].start_char):
                return ctx.coordinated_left(i - 1)  # 区司法局代区政府起草: the drafter
            return ctx.coordinated_left(i)
        # (2) the subject of the trigger's clause, or of a clause before it
        clauses = ctx.clauses(s_start, trigger, last=MAX_BACK + 1)
        for back, (c_start, c_end) in enumerate(reversed(clauses)):
            lead = self.lead_re.match(text, c_start, c_end).end()
            first = ctx.agency_at(lead)
            if first is not None:
                return ctx.coordinated_right(first, c_end)
            if PRONOUN.match(text, lead, c_end) or (back == 0 and ctx.has_agency(lead, c_end)):
                break
        return []

    def passive(self, ctx: _Context, s_start: int, s_end: int, sentence: int,
                links: list[dict[str, Any]]) -> None:
        """《X》(已)经/由 a body … trigger: in the clause right after the titles, or, where
        the titles open the sentence, in a later clause that starts so
        (「《X》经区政府同意后，由区司法局印发」)."""
        text = ctx.text
        for chain, chain_end in ctx.chains(s_start, s_end):
            starts = [chain_end]
            if ctx.starts_sentence(chain[0], s_start):
                starts += [c for c, _ in ctx.clauses(chain_end, s_end)[1:]]
            for at in starts:
                m = PASSIVE.match(text, at)
                if not m:
                    continue
                clause_end = ctx.clause_end(m.end(), s_end)
                trig = self.passive_re.search(text, m.end(), clause_end)
                if not trig or "《" in text[m.end():trig.start()]:
                    continue
                first = ctx.first_agency_from(m.end())
                if first is None or ctx.agencies[first].end_char > trig.start():
                    continue
                for agency in ctx.coordinated_right(first, trig.start()):
                    for target in chain:
                        links.append(_link("issued", ("agencies", agency), target, sentence,
                                           trig.group()))
                break

    def transmittal(self, ctx: _Context, s_start: int, s_end: int, sentence: int,
                    links: list[dict[str, Any]]) -> None:
        m = TRANSMIT.search(ctx.text, s_start, s_end)
        if not m:
            return
        if m.group("between") is not None:
            targets = ctx.titles_in(m.start("between"), m.end("between"))
        else:
            chains = ctx.chains(s_start, m.start())
            targets = chains[0][0] if chains and ctx.starts_sentence(chains[0][0][0], s_start) \
                else []
        for target in targets:
            for source in ctx.author_sources():
                links.append(_link("issued", source, target, sentence, m.group("trigger")))
            ctx.own.append(target)

    def heading(self, ctx: _Context, links: list[dict[str, Any]]) -> None:
        span = ctx.doc.user_data.get("policykg.title_span")
        if not span:
            return
        start, end = span
        for target in ctx.titles_in(start, end):
            opening = ctx.open_at(target)
            found = list(self.trigger_re.finditer(ctx.text, start, opening))
            if not found:
                continue
            trig = found[-1]
            sentence = ctx.sentence_index(ctx.docs[target].start_char)
            bodies = [i for i, a in enumerate(ctx.agencies)
                      if start <= a.start_char and a.end_char <= trig.start()]
            for source in [("agencies", i) for i in bodies] or ctx.author_sources():
                links.append(_link("issued", source, target, sentence, trig.group()))
            ctx.own.append(target)

    # -- implements ---------------------------------------------------------------------
    def implements(self, ctx: _Context, links: list[dict[str, Any]]) -> None:
        text = ctx.text
        for sentence, s_start, s_end in ctx.titled_sentences():
            cues = [c for c in self.cue_re.finditer(text, s_start, s_end)
                    if not ctx.in_title(c.start())]
            if not cues:
                continue
            triggers = [t for t in self.trigger_re.finditer(text, cues[0].end(), s_end)
                        if not ctx.in_title(t.start())]
            trigger_starts = [t.start() for t in triggers]
            for cue in cues:
                # what the cue governs ends with its clause or at a trigger inside it
                # (「根据《A》制定《B》」)
                first = bisect_left(trigger_starts, cue.end())
                governed_end = ctx.clause_end(cue.end(), s_end)
                if first < len(triggers):
                    governed_end = min(governed_end, trigger_starts[first])
                followed = ctx.titles_in(cue.end(), governed_end)
                if not followed:
                    continue
                # the document made is one of the next few triggers' objects
                later = bisect_left(trigger_starts, governed_end)
                for trig in triggers[later:later + MAX_BACK]:
                    after = AFTER_TRIGGER.match(text, trig.end()).end()
                    sources = ctx.chain_at(after)
                    if not sources and self.self_ref.match(text, after) and ctx.own:
                        sources = ctx.own[:1]
                    for source in sources:
                        for target in followed:
                            if source != target:
                                links.append(_link("implements", ("documents", source),
                                                   ("documents", target), sentence,
                                                   cue.group()))
                    if sources:
                        break

    # -- establishes --------------------------------------------------------------------
    def establishes(self, ctx: _Context, links: list[dict[str, Any]]) -> None:
        if not ctx.measures or not ctx.docs:
            return
        names: dict[str, list[int]] = {}  # measure name -> its spans, in text order
        for i, m in enumerate(ctx.measures):
            name = _bare(ctx.text[m.start_char:m.end_char])
            if name:
                names.setdefault(name, []).append(i)
        sizes = sorted({len(n) for n in names})
        seen: dict[str, list[str]] = {}  # a title's rest -> the names in it (titles repeat)
        for d, span in enumerate(ctx.docs):
            title = _bare(ctx.text[span.start_char:span.end_char])
            for verb in self.establish_re.finditer(title):
                rest = title[verb.end():]
                if rest not in seen:
                    seen[rest] = _names_in(rest, names, sizes)
                for name in seen[rest]:
                    nearest = _nearest(names[name], ctx.measures, span.start_char)
                    links.append(_link("establishes", ("documents", d), ("measures", nearest),
                                       ctx.sentence_index(span.start_char), verb.group()))


def _names_in(rest: str, names: dict[str, Any], sizes: list[int]) -> list[str]:
    """The names inside ``rest`` in printed order, none inside another (企业安静生产期,
    not also the 安静生产期 in it): its substrings of a name's length looked up, so a
    title costs its length, however many measures the text has."""
    named = {rest[i:i + size] for size in sizes for i in range(len(rest) - size + 1)
             if rest[i:i + size] in names}
    named = {n for n in named if not any(n != o and n in o for o in named)}
    return sorted(named, key=rest.find)


def _nearest(indices: list[int], spans: list[Found], offset: int) -> int:
    """Of the spans at ``indices`` (in text order), the one that starts nearest ``offset``."""
    at = bisect_left(indices, offset, key=lambda i: spans[i].start_char)
    return min(indices[max(at - 1, 0):at + 1],
               key=lambda i: abs(spans[i].start_char - offset))


def _link(kind: str, source: Any, target: Any, sentence: int, trigger: str) -> dict[str, Any]:
    if isinstance(target, int):
        target = ("documents", target)
    return {"kind": kind, "source": source, "target": target, "sentence": sentence,
            "trigger": trigger}


BARE = re.compile(r"[\s“”\"‘’'「」『』]")


def _bare(text: str) -> str:
    return BARE.sub("", text)


class _Context:
    """The doc's text, sentences, titles and bodies, with the look-ups the rules share."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.starts = sentence_starts(doc)
        ends = [*self.starts[1:], len(self.text)]
        self.sentences = list(zip(self.starts, ends, strict=True))
        self.docs: list[Found] = found(doc, "documents")
        self.agencies: list[Found] = found(doc, "agencies")
        self.measures: list[Found] = found(doc, "measures")
        self.opens = [self.text.rfind("《", 0, s.start_char) for s in self.docs]
        self.closes = [self.text.find("》", s.end_char) + 1 for s in self.docs]
        self.doc_by_open = {o: i for i, o in enumerate(self.opens)}
        self.agency_by_start = {a.start_char: i for i, a in enumerate(self.agencies)}
        self.agency_starts = [a.start_char for a in self.agencies]
        self.agency_ends = [a.end_char for a in self.agencies]
        self.own: list[int] = []  # documents the text itself issues
        self._author_sources: list[Any] | None = None
        # where each clause starts: after a ，；： outside a title (found once)
        self.cuts = [m.end() for m in CLAUSE_END.finditer(self.text)
                     if not self.in_title(m.start())]

    def author_sources(self) -> list[Any]:
        """The text's author as a link subject: "author" for one body; for joint authors
        (「A、B」) the agency spans where the author is printed, as the joint name is no
        single body's (none found: no subject)."""
        if self._author_sources is None:
            author = (self.doc._.meta or {}).get("author")
            if not author or "、" not in author:
                self._author_sources = [AUTHOR]
            else:
                start, end = self.doc.user_data.get("policykg.author_span") or (0, 0)
                first = bisect_left(self.agency_starts, start)
                self._author_sources = [
                    ("agencies", i) for i in range(first, len(self.agencies))
                    if self.agencies[i].end_char <= end]
        return self._author_sources

    def titled_sentences(self) -> list[tuple[int, int, int]]:
        """(index, start, end) of each sentence that holds a title: only those can link."""
        out = []
        for open_at in sorted(self.opens):
            index = sentence_of(self.starts, open_at)
            if not out or out[-1][0] != index:
                out.append((index, *self.sentences[index]))
        return out

    def sentence_index(self, offset: int) -> int:
        return sentence_of(self.starts, offset)

    def in_title(self, offset: int) -> bool:
        i = bisect_left(self.opens, offset) - 1  # titles are in text order, never overlap
        return i >= 0 and offset < self.docs[i].end_char

    def open_at(self, index: int) -> int:
        return self.opens[index]

    def close_of(self, index: int) -> int:
        return self.closes[index]

    def chain_at(self, offset: int) -> list[int]:
        """The titles of a list that starts at ``offset`` (《A》、《B》(…)和《C》)."""
        chain: list[int] = []
        index = self.doc_by_open.get(offset)
        while index is not None:
            chain.append(index)
            sep = TITLE_SEP.match(self.text, self.close_of(index))
            index = self.doc_by_open.get(sep.end())
            if index is not None and index <= chain[-1]:  # titles only go forward
                break
        return chain

    def chains(self, start: int, end: int) -> list[tuple[list[int], int]]:
        """Every title list in [start, end): (its titles, the offset after its last 》)."""
        out, seen = [], set()
        for i in range(bisect_left(self.opens, start), len(self.opens)):
            o = self.opens[i]
            if o >= end:
                break
            if i not in seen:
                chain = self.chain_at(o)
                seen.update(chain)
                out.append((chain, self.close_of(chain[-1])))
        return out

    def titles_in(self, start: int, end: int) -> list[int]:
        out = []
        for i in range(bisect_left(self.opens, start), len(self.opens)):
            if self.closes[i] > end:
                break
            out.append(i)
        return out

    def starts_sentence(self, index: int, s_start: int) -> bool:
        return SPACES.match(self.text, s_start).end() >= self.opens[index]

    def clauses(self, s_start: int, end: int, last: int | None = None) -> list[tuple[int, int]]:
        """The clauses of a sentence up to ``end`` (only the ``last`` ones if given);
        separators inside titles don't count."""
        lo = bisect_right(self.cuts, s_start)
        hi = bisect_right(self.cuts, end)
        if last is not None:
            lo = max(lo, hi - last + 1)
        cuts = [s_start if lo == bisect_right(self.cuts, s_start) else self.cuts[lo - 1],
                *self.cuts[lo:hi]]
        return list(zip(cuts, [*cuts[1:], end], strict=True))

    def clause_end(self, start: int, s_end: int) -> int:
        """Where the clause from ``start`` ends: a separator outside titles and brackets,
        looked for over at most ``MAX_CLAUSE`` characters (a longer run is no clause)."""
        limit = min(s_end, start + MAX_CLAUSE)
        for m in CLAUSE_END.finditer(self.text, start, limit):
            if not self.in_title(m.start()) and not self._in_brackets(start, m.start()):
                return m.start()
        return limit

    def _in_brackets(self, start: int, at: int) -> bool:
        segment = self.text[start:at]
        return sum(map(segment.count, "(（【［[")) > sum(map(segment.count, ")）】］]"))

    def agency_at(self, offset: int) -> int | None:
        return self.agency_by_start.get(offset)

    def has_agency(self, start: int, end: int) -> bool:
        first = self.first_agency_from(start)
        return first is not None and self.agencies[first].start_char < end

    # agencies are in text order and never overlap: their starts and ends both ascend
    def first_agency_from(self, offset: int) -> int | None:
        i = bisect_left(self.agency_starts, offset)
        return i if i < len(self.agencies) else None

    def last_agency_before(self, offset: int) -> int | None:
        """The last agency that ends at or before ``offset``."""
        i = bisect_right(self.agency_ends, offset) - 1
        return i if i >= 0 else None

    def coordinated_left(self, index: int) -> list[int]:
        out = [index]
        while index > 0:
            prev = self.agencies[index - 1]
            if not COORD.fullmatch(self.text, prev.end_char, self.agencies[index].start_char):
                break
            index -= 1
            out.append(index)
        return out[::-1]

    def coordinated_right(self, index: int, limit: int) -> list[int]:
        out = [index]
        while index + 1 < len(self.agencies):
            nxt = self.agencies[index + 1]
            if nxt.end_char > limit or not COORD.fullmatch(
                    self.text, self.agencies[index].end_char, nxt.start_char):
                break
            index += 1
            out.append(index)
        return out


@Language.factory("policykg_links_v1")
def make_links(nlp: Language, name: str) -> LinksComponent:
    return LinksComponent(nlp, name)
