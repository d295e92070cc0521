"""relations: the links between the entities the other components found.

Runs last and appends to ``doc._.links`` (dicts ``{kind, source, target, sentence,
trigger}``; source and target are ``(span key, index)``, or ``"author"`` for the text's
own author where the sentence leaves the subject out):

- member_of (agency → agency): 以A、B、C为成员单位的X; A、B等X成员单位;
- part_of (agency → agency): X内设Y / Y设在X, and a body printed inside another one the
  text names on its own (县政府党组 → 县政府, 区委全面依法治区委员会 → 区委);
- carries_out (agency → measure): a measure after an adopting verb (实行, 推行, 打造 …)
  is carried out by the agency before the verb in the sentence, else by the author; a
  牵头单位/责任单位 note carries the measures of its paragraph;
- about (figure → measure | document | agency): the nearest measure in the figure's
  sentence (13215件行政事项办理过程中实行告知承诺制), else the nearest document, else the
  agency of the figure's clause.

Agencies that only frame a sentence (在市委、市政府坚强领导下) carry out nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from policykg.extract.component import RuleComponent, doc_text, sentence_of, sentence_starts
from policykg.extract.entity_rules import found
from policykg.ontology.records import AUTHOR
from spacy.language import Language
from spacy.tokens import Doc

# after an agency: it frames the sentence (在市委、市政府坚强领导下) rather than acting
FRAME = re.compile(r"[、和及与]?[^，。；,;]{0,12}?(?:领导|指导|监督|支持)下")
# before an agency (other agencies of its list aside): it is a place, an addressee or an object
NOT_ACTOR_BEFORE = ("在", "向", "对", "经", "按照", "根据", "与", "同", "为",
                    "落实", "贯彻", "执行")
LIST_JOINER = re.compile(r"[、和及与\s]*$")
LIST_GAP = 2  # at most this many characters join two agencies of a list
# an enumeration marker starting the item a 牵头单位 note closes: 1、 （一） 二、
ITEM_MARK = re.compile(r"\d+[、.．]|[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、")
SUBJECT_REACH = 8  # a sentence's subject starts within this many characters
CLAUSE_END = re.compile(r"[，。；,;！？\n]")
ITEM_END = re.compile(r"[，。；,;！？\n、]")  # a clause's list items
BETWEEN_MEMBERS = re.compile(r"[、，,和及与\s]*")  # fullmatch: all of what lies between
LEAD_NOTE = re.compile(r"(牵头单位|责任单位)[:：]")
ABOUT_REACH = 40  # characters between a figure and the measure it is about


class Marks:
    """Where some characters stand, found once (lazily) and bisected: ``text.rfind`` or a
    search per entity reads back to the text's start, or on to its end, when none is
    near (quadratic on a long text)."""

    def __init__(self, text: str, chars: str) -> None:
        self.text, self.chars = text, chars
        self.offsets: list[int] | None = None

    def before(self, pos: int) -> int:
        """``max(text.rfind(c, 0, pos) for c in chars)``."""
        i = bisect_left(self.found(), pos)
        return self.offsets[i - 1] if i else -1

    def first_from(self, pos: int) -> int:
        """Offset of the first of them at or after ``pos``, else the text's length."""
        offsets = self.found()
        i = bisect_left(offsets, pos)
        return offsets[i] if i < len(offsets) else len(self.text)

    def found(self) -> list[int]:
        if self.offsets is None:
            pattern = re.compile("[" + re.escape(self.chars) + "]")
            self.offsets = [m.start() for m in pattern.finditer(self.text)]
        return self.offsets


def ending_by(ents: list[Ent], pos: int) -> int:
    """How many of ``ents`` (in text order, none overlapping another, so their ends are in
    order too) end at or before ``pos``."""
    return bisect_right(ents, pos, key=lambda e: e.end)


def starting_from(ents: list[Ent], pos: int) -> int:
    """Index of the first of ``ents`` (in text order) that starts at or after ``pos``."""
    return bisect_left(ents, pos, key=lambda e: e.start)


@dataclass(slots=True)
class Ent:
    key: str
    index: int
    start: int
    end: int
    sentence: int
    text: str
    kind: str | None


class RelationsComponent(RuleComponent):
    data_files = ("agency_relation_triggers.txt", "measure_carry_triggers.txt")

    def prepare(self) -> None:
        rows = [line.split() for line in self.data["agency_relation_triggers.txt"]]
        self.part_triggers = {word: direction for word, _, direction in rows}
        self.part_re = re.compile("|".join(
            map(re.escape, sorted(self.part_triggers, key=len, reverse=True))))
        carry = sorted(self.data["measure_carry_triggers.txt"], key=len, reverse=True)
        self.carry_re = re.compile("|".join(map(re.escape, carry)))

    def __call__(self, doc: Doc) -> Doc:
        starts = sentence_starts(doc)
        text = doc_text(doc)
        ents = {key: [Ent(key, i, start, end, sentence_of(starts, start), text[start:end], kind)
                      for i, (start, end, kind) in enumerate(found(doc, key))]
                for key in ("agencies", "measures", "metrics", "documents")}
        by_sentence: dict[str, dict[int, list[Ent]]] = {}
        for key, group in ents.items():
            by_sentence[key] = {}
            for ent in group:
                by_sentence[key].setdefault(ent.sentence, []).append(ent)
        # this text's marks, found when first asked for
        self.clause_marks = Marks(text, "，,；;：:")
        self.clause_ends = Marks(text, "，。；,;！？\n")  # CLAUSE_END
        self.figure_clause_marks = Marks(text, "，。；,;\n")
        self.openings = Marks(text, "以")
        self.newlines = Marks(text, "\n")
        self.item_marks: list[re.Match] | None = None
        links: list[dict] = []
        links += self.member_of(text, starts, by_sentence["agencies"])
        links += self.part_of(text, ents["agencies"])
        links += self.carries_out(text, starts, by_sentence, ents)
        links += self.about(text, by_sentence, ents["metrics"])
        doc._.links = list(doc._.links or []) + links
        return doc

    # --- agency to agency -------------------------------------------------------------

    def member_of(self, text: str, starts: list[int],
                  by_sentence: dict[int, list[Ent]]) -> list[dict]:
        out = []
        for m in re.finditer("成员单位", text):
            pos = m.start()
            same = by_sentence.get(sentence_of(starts, pos), [])
            opening = self.openings.before(pos)
            first_after = starting_from(same, m.end())
            after = same[first_after:first_after + 1]
            if after and after[0].start > m.end() + 3:
                after = []
            if text[pos - 1:pos] == "为" and opening >= 0 and after:
                members = same[starting_from(same, opening + 1):ending_by(same, pos)]
                body = after[0]
            else:
                last = ending_by(same, pos)  # the body ends right before: X成员单位, X的成员单位
                gap = same[last - 1].end if last else pos
                if not last or pos - gap > 1 or text[gap:pos] not in ("", "的"):
                    continue
                body = same[last - 1]
                members = self.chain_before(text, same, body)
            out += [link("member_of", a, body, a.sentence, "成员单位")
                    for a in members if a.text != body.text]
        return out

    def chain_before(self, text: str, agencies: list[Ent], body: Ent) -> list[Ent]:
        """A、B、C等X: the agencies listed right before X (等 ends the list)."""
        members: list[Ent] = []
        edge = body.start
        if text[edge - 1:edge] != "等":
            return members
        edge -= 1
        for i in range(ending_by(agencies, edge) - 1, -1, -1):
            a = agencies[i]
            if not BETWEEN_MEMBERS.fullmatch(text, a.end, edge):
                break
            members.append(a)
            edge = a.start
        return members[::-1]

    def part_of(self, text: str, agencies: list[Ent]) -> list[dict]:
        out = []
        for m in self.part_re.finditer(text):
            # the nearest agency on each side, in the trigger's clause (a farther one is
            # in it only if the nearest is)
            last, first = ending_by(agencies, m.start()), starting_from(agencies, m.end())
            if (not last or self.clause_ends.before(m.start()) >= agencies[last - 1].end
                    or first == len(agencies)
                    or self.clause_ends.first_from(m.end()) < agencies[first].start):
                continue
            larger, smaller = agencies[last - 1], agencies[first]
            if self.part_triggers[m.group()] == "after":
                larger, smaller = smaller, larger
            out.append(link("part_of", smaller, larger, smaller.sentence, m.group()))
        # a body printed inside a larger one the text also names: 县政府党组 -> 县政府
        by_text = {}
        for a in agencies:
            by_text.setdefault(a.text, a)
        for a in agencies:
            for k in range(len(a.text) - 2, 1, -1):
                outer = by_text.get(a.text[:k])
                if outer is not None and outer.kind in ("government", "party_committee"):
                    out.append(link("part_of", a, outer, a.sentence, a.text[k:]))
                    break
        return out

    # --- agency to measure ------------------------------------------------------------

    def carries_out(self, text: str, starts: list[int], by_sentence: dict,
                    ents: dict[str, list[Ent]]) -> list[dict]:
        agencies, measures = ents["agencies"], ents["measures"]
        out = []
        verbs = CarryVerbs(self.carry_re, text, starts)
        actors: dict[int, Actors] = {}  # per sentence, made when first asked for
        for measure in measures:
            verb = verbs.last_before(measure.sentence, measure.start)
            if verb is None:
                continue
            sent_start = starts[measure.sentence]
            clause_start = max(sent_start, self.clause_marks.before(verb.start()) + 1)
            if measure.sentence not in actors:
                actors[measure.sentence] = Actors(
                    text, by_sentence["agencies"].get(measure.sentence, []))
            sentence = actors[measure.sentence]
            # the agencies of the sentence before the verb, the last acting one in its clause
            near = ending_by(sentence.agencies, verb.start())
            source = sentence.last_acting(starting_from(sentence.agencies, clause_start), near)
            if source is None:  # the sentence's subject: 2021年,嘉善县司法局深入贯彻…
                source = sentence.first_acting(
                    min(near, starting_from(sentence.agencies, sent_start + SUBJECT_REACH)))
            out.append(link("carries_out", source or AUTHOR, measure, measure.sentence,
                            verb.group()))
        for note in LEAD_NOTE.finditer(text):
            leads = self.chain_after(text, agencies, note.end())
            if not leads:
                continue
            region = max(self.newlines.before(note.start()) + 1,
                         self.last_item_mark(text, note.start()))
            for measure in measures[starting_from(measures, region):
                                    starting_from(measures, note.start())]:
                out += [link("carries_out", lead, measure, measure.sentence, note.group(1))
                        for lead in leads]
        return out

    def last_item_mark(self, text: str, pos: int) -> int:
        """Where the last enumeration marker before ``pos`` starts, else 0 (the markers are
        found once: none runs into a 牵头单位 note, so those before it are the same as
        when the text is read up to it)."""
        if self.item_marks is None:
            self.item_marks = list(ITEM_MARK.finditer(text))
        i = bisect_right(self.item_marks, pos, key=lambda m: m.end())
        return self.item_marks[i - 1].start() if i else 0

    @staticmethod
    def chain_after(text: str, agencies: list[Ent], pos: int) -> list[Ent]:
        """A、B、C right after ``pos``: the agencies listed there."""
        chain: list[Ent] = []
        for i in range(starting_from(agencies, pos), len(agencies)):
            a = agencies[i]
            if not BETWEEN_MEMBERS.fullmatch(text, pos, a.start):
                break
            chain.append(a)
            pos = a.end
        return chain

    # --- figure to measure, document or agency ----------------------------------------

    def about(self, text: str, by_sentence: dict, figures: list[Ent]) -> list[dict]:
        out = []
        for figure in figures:
            measures = by_sentence["measures"].get(figure.sentence, [])
            if len(measures) > 1:
                # only a measure within ABOUT_REACH can be the target: the others are not
                # read (comparing each figure with every measure of a long sentence was
                # quadratic)
                measures = measures[ending_by(measures, figure.start - ABOUT_REACH - 1):
                                    starting_from(measures, figure.end + ABOUT_REACH + 1)]
            in_item = [m for m in measures if self.same_clause(text, figure, m, ITEM_END)]
            in_clause = [m for m in measures if self.same_clause(text, figure, m, CLAUSE_END)]
            # the narrowest span holding a measure, the one printed before the figure first
            # (“一件事一次办”事项55个; 上线“赣服通”…事项达1500个)
            target = None
            for group in (in_item, in_clause, measures):
                target = (self.nearest([m for m in group if m.end <= figure.start], figure,
                                       ABOUT_REACH)
                          or self.nearest(group, figure, ABOUT_REACH))
                if target:
                    break
            target = target or self.nearest_document(
                by_sentence["documents"].get(figure.sentence, []), figure)
            if target is None:
                clause_start = self.figure_clause_marks.before(figure.start) + 1
                same = by_sentence["agencies"].get(figure.sentence, [])
                last = ending_by(same, figure.start)
                target = same[last - 1] if last and same[last - 1].start >= clause_start else None
            if target is not None:
                out.append(link("about", figure, target, figure.sentence, None))
        return out

    @staticmethod
    def same_clause(text: str, a: Ent, b: Ent, end: re.Pattern) -> bool:
        left, right = (a, b) if a.start <= b.start else (b, a)
        return not end.search(text, left.end, right.start)

    @staticmethod
    def nearest(candidates: list[Ent], figure: Ent, reach: int | None) -> Ent | None:
        best, best_distance = None, None
        for c in candidates:
            if c.sentence != figure.sentence:
                continue
            distance = c.start - figure.end if c.start >= figure.end else figure.start - c.end
            if reach is not None and distance > reach:
                continue
            if best_distance is None or distance < best_distance:
                best, best_distance = c, distance
        return best

    @staticmethod
    def nearest_document(documents: list[Ent], figure: Ent) -> Ent | None:
        """``nearest(documents, figure, None)`` on the sentence's documents (in text order,
        none overlapping another): the last one starting before the figure ends, or the
        next one where that is nearer (a tie goes to the one printed first)."""
        i = starting_from(documents, figure.end)
        before = documents[i - 1] if i else None
        after = documents[i] if i < len(documents) else None
        if before is not None and (after is None or
                                   figure.start - before.end <= after.start - figure.end):
            return before
        return after


class CarryVerbs:
    """The last adopting verb between a sentence's start and an offset in it, as
    ``carry_re.finditer(text, sentence start, offset)`` reads it, without reading the
    sentence again for each measure (quadratic on a long sentence of measures).

    Each sentence is read once, up to its end. Matches that end by the offset are the same
    as when the reading stops at the offset; only the one that runs past it may differ
    (a shorter trigger may fit before the offset), so that short stretch is read again.
    """

    def __init__(self, pattern: re.Pattern, text: str, starts: list[int]) -> None:
        self.pattern, self.text, self.starts = pattern, text, starts
        self.found: dict[int, tuple[list[re.Match], list[int]]] = {}  # matches, their ends

    def last_before(self, sentence: int, pos: int) -> re.Match | None:
        if sentence not in self.found:
            end = self.starts[sentence + 1] if sentence + 1 < len(self.starts) else len(self.text)
            verbs = list(self.pattern.finditer(self.text, self.starts[sentence], end))
            self.found[sentence] = (verbs, [m.end() for m in verbs])
        verbs, ends = self.found[sentence]
        i = bisect_right(ends, pos)
        if i < len(verbs) and verbs[i].start() < pos:
            cut = list(self.pattern.finditer(self.text, verbs[i].start(), pos))
            if cut:
                return cut[-1]
        return verbs[i - 1] if i else None


class Actors:
    """Which agencies of one sentence act (not framing the sentence: 在市委领导下, nor a
    place or an addressee: 向区政府报告), each judged once with the list it stands in,
    in text order and only as far as a verb asks (the agencies after it never are)."""

    def __init__(self, text: str, agencies: list[Ent]) -> None:
        self.text, self.agencies = text, agencies
        self.last: list[int] = []  # index of the last acting agency up to each one judged
        self.first = -1  # index of the first acting one, once judged
        self.list_start = 0  # where the list the last judged agency ends (A、B和C) starts

    def judge(self, end: int) -> None:
        """Judge ``agencies[:end]``."""
        text, agencies, last = self.text, self.agencies, self.last
        for i in range(len(last), end):
            agency = agencies[i]
            before = agencies[i - 1] if i else None
            if (before is None or agency.start - before.end > LIST_GAP
                    or not LIST_JOINER.match(text[before.end:agency.start])):
                self.list_start = agency.start
            acts = (not FRAME.match(text, agency.end)
                    and not text.endswith(NOT_ACTOR_BEFORE, 0, self.list_start))
            last.append(i if acts else (last[-1] if i else -1))
            if acts and self.first < 0:
                self.first = i

    def last_acting(self, start: int, end: int) -> Ent | None:
        """The last acting one of ``agencies[start:end]``."""
        self.judge(end)
        i = self.last[end - 1] if end > 0 else -1
        return self.agencies[i] if i >= start else None

    def first_acting(self, end: int) -> Ent | None:
        """The first acting one of ``agencies[:end]``."""
        self.judge(end)
        return self.agencies[self.first] if 0 <= self.first < end else None


def link(kind: str, source: Ent | str, target: Ent, sentence: int,
         trigger: str | None) -> dict:
    return {
        "kind": kind,
        "source": source if isinstance(source, str) else (source.key, source.index),
        "target": (target.key, target.index),
        "sentence": sentence,
        "trigger": trigger,
    }


@Language.factory("policykg_relations_v1")
def make_relations(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent(nlp, name)
