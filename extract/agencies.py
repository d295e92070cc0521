"""agencies: the named bodies of the state and the party a text mentions.

Chinese agency names are built right to left: a body word (政府, 委, 法院, 司法局, 领导小组)
after a level word (省 市 县 区 镇 乡) or a place (长春市, 重庆市长寿区), sometimes a body
inside it (县政府党组, 市委常委会, 县委全面依法治县委员会). Four rules follow that grammar:

- level route: a level word (省 市 县 区 镇 乡 …, or 街道), a body (a closed list, a
  department list, or the generic X局 / X厅), an optional sub-body; the place before the
  level is taken from the division list (agency_places.txt, with the districts its
  counties may have become: 东乡县 → 东乡区), else from a short name after a clear boundary;
- national route: bodies printed alone (国务院, 党中央, 生态环境部, 人大);
- named route: bodies named by what they do (X领导小组, X委员会, X管委会, X化解中心),
  whose name runs left from the head word to a boundary word;
- bare route: listed departments printed without a level word after a boundary (、住建局).

A place missing from the division list that the text makes its own (its jurisdiction, or
a name after a clear boundary: 红谷滩区人民政府) is a place wherever it stands, after a
comma too (，红谷滩区政府). A bureau's branch right after it is part of its name
(市生态环境局平江分局), and so is a national administration's bureau in a place right
after the administration's name (国家税务总局湖南省税务局).

The longest candidate wins where they overlap; coordinated forms split by themselves
(市委市政府 → 市委, 市政府). Nothing inside a 《》 title or a document number counts, and
neither does a generic body (各乡、镇人民政府, 设区的市人民政府). Each span gets
``canonical`` (abbreviations expanded: 区法院 → 区人民法院, 县政府 → 县人民政府, but not
the 政府 inside 法治政府建设工作领导小组) and ``attrs = {"kind": ...}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from policykg.extract.component import RuleComponent, doc_text
from policykg.extract.entity_rules import (
    Protected,
    Taken,
    division_names,
    keep_spans,
    make_span,
    walk_left,
)
from spacy.language import Language
from spacy.tokens import Doc

LEVELS = "省市县区镇乡州旗盟"
# a subdistrict, the town level of a city: a level word of two characters (街道党工委)
STREET = "街道"
TOWN_LEVELS = ("镇", "乡", STREET)
# the fallback place (a name missing from the division list) only before these levels
FALLBACK_LEVELS = "市州区县镇乡旗"
PLACE_LEVELS = "省市县区国州旗盟"
# what must stand before such a fallback place: punctuation, a line start, 在/的/和 …
# (not a comma: in running prose 整合市政府 is a verb before a level word)
STRONG_BOUNDARY = {"^", "\n", " ", "\u3000", "、", "：", ":", "(", "（",
                   "的", "在", "和", "与", "及", "由"}
# what may stand right before a department printed without a level word (not 和: in
# 规划和自然资源局 it joins the name)
BARE_BOUNDARY = {"由", "在", "与", "及", "向", "对", "经", "等", "是"}
# verbs that take a body as their object: 由司法局会同住建局…, 督促医保局…
BARE_VERBS = {"会同", "联合", "配合", "协调", "协助", "督促", "指导", "牵头", "组织", "要求",
              "提请", "报请", "商请", "委托", "支持", "通知"}
# 各 right before, or before coordinated levels (各乡、镇…, 各县(市、区)…, 各省、自治区、直辖市…)
GENERIC_BEFORE = re.compile(r"各(?:[\u4e00-\u9fff]、|[\u4e00-\u9fff]?[(（][^)）]{0,6}[)）]"
                            r"|(?:(?:[省市县区乡镇]|自治[区州县旗]|直辖市|计划单列市)、)+)?$")
# 设区的市, 设区市: the class of cities with districts, as generic as 各市
SET_UP_CITY = re.compile(r"设区的?市")
AUTONOMOUS = {"自治区", "自治州", "自治县", "自治旗"}
# characters no place name holds (市委市政府 is two bodies, not a place 市委市)
NOT_IN_PLACE = LEVELS + "委府院局厅办"
# heads whose name must open like a body's name or follow a word that introduces one
NAMED_HEADS = ("委员会", "工作委员会")
# 武昌区第十六届人大常委会: a congress (or a CPPCC) printed with its term; the term is
# dropped from the canonical name (agency_canonical.txt)
SESSION = "(?:第[一二三四五六七八九十百零〇]+届)"
SESSION_KINDS = ("congress", "cppcc")
# words ending in 局 that name no bureau: the generic X局 rule leaves them out
NOT_BUREAU = ("布局", "格局", "大局", "开局", "全局", "结局", "时局", "变局", "新局", "破局",
              "棋局", "当局", "定局", "僵局", "残局", "出局")
STREET_OFFICE_NOT_AFTER = "理结好实事成妥"  # 街道办理, 街道办结: 办 is a verb there
NAME_OPENINGS = ("全面", "全国", "国家", "中央", "中共")
NAMED_BOUNDARY = {"的", "等", "了", "召开", "成立", "组建", "设立", "调整", "由", "和", "与", "及"}
ZONE_HEADS = ("管委会", "管理委员会")
ZONE_ENDINGS = ("区", "园", "城", "港", "岛", "基地", "新城")
# a zone named by its kind alone, in a text of the place it is in: 高新区管委会
ZONE_KINDS = ("新区", "开发区", "高新区", "经开区", "示范区", "试验区", "保税区", "自贸区")
# characters that never sit inside the generic department name X局 / X厅
NOT_IN_NAME = "的各和与及在对等了是为将把以从向被全本我该其"


ISSUER_CODE_AFTER = re.compile(r"[发字函][〔\[［【(（]")
# a branch of a city bureau, named by its place or its task (up to six characters:
# 出入境管理支队), right after the bureau
BRANCH = re.compile(rf"(?:(?![{NOT_IN_NAME}])[\u4e00-\u9fff]){{1,6}}?(?:分局|支队|大队)")
# the county-or-higher pieces of the text's jurisdiction: 南昌市红谷滩区 -> 南昌市, 红谷滩区
LOCAL_PIECE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治[区州县旗]|[省市州区县旗盟])")


def _alt(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str


REGIONAL_BRANCH = re.compile(r"[\u4e00-\u9fff]{2,6}?监管(?:分局|局)")


def vertical(text: str, national: list[Candidate], local: list[Candidate]) -> list[Candidate]:
    """A national administration's bureau in a place, one body as printed: 国家税务总局湖南省
    税务局, 国家金融监督管理总局赣州监管分局 (not the 总局 and a bureau of the place)."""
    out = []
    for head in national:
        if not text.endswith("总局", head.start, head.end):
            continue
        # the regulator's branches are named by a place printed short: 湖南监管局, 岳阳监管分局
        regional = REGIONAL_BRANCH.match(text, head.end)
        if regional:
            out.append(Candidate(head.start, regional.end(), "department"))
        for branch in local:
            if not (0 <= branch.start - head.end <= 2
                    and text.endswith("局", branch.start, branch.end)):
                continue
            # what the local route left of the place (国家税务总局赣州市…: 州市…) is joined back
            if all("\u4e00" <= c <= "\u9fff" for c in text[head.end:branch.start]):
                out.append(Candidate(head.start, branch.end, branch.kind))
    return out


class AgenciesComponent(RuleComponent):
    data_files = (
        "agency_places.txt",
        "agency_bodies.txt",
        "agency_sub_bodies.txt",
        "agency_departments.txt",
        "agency_national.txt",
        "agency_named_heads.txt",
        "agency_left_stops.txt",
        "agency_not_places.txt",
        "agency_canonical.txt",
    )

    def prepare(self) -> None:
        def pairs(name: str) -> list[list[str]]:
            return [line.split() for line in self.data[name]]

        self.places = division_names(self.data["agency_places.txt"])
        self.place_lengths = sorted({len(p) for p in self.places}, reverse=True)
        self.place_tails = {p[-2:] for p in self.places}  # a quick no for most positions
        self.canonical_cache: dict[tuple[str, str], str] = {}
        self.local_places: set[str] = set()  # the current text's own places (local_route)
        self.body_kinds = {w: k for w, k in pairs("agency_bodies.txt")}
        self.body_kinds.update({w: k for w, k in pairs("agency_departments.txt")})
        subs = pairs("agency_sub_bodies.txt")
        self.sub_kinds = [(re.compile(p.replace("{L}", f"[{PLACE_LEVELS}]") + "$"), k)
                          for p, k in subs]
        sub_alt = "|".join(p.replace("{L}", f"[{PLACE_LEVELS}]")
                           for p, _ in sorted(subs, key=lambda s: len(s[0]), reverse=True))
        generic = rf"(?:(?![{NOT_IN_NAME}])[\u4e00-\u9fff]){{2,8}}?[局厅]"
        self.level_re = re.compile(
            rf"({STREET}|[{LEVELS}])({SESSION}?)({_alt(list(self.body_kinds))}|{generic})"
            rf"((?:{sub_alt})?)")
        departments = [w for w, _ in pairs("agency_departments.txt") if len(w) > 2]
        self.bare_re = re.compile(rf"(?:{_alt(departments)})(?![门员长])")
        self.national_kinds = {w: k for w, k in pairs("agency_national.txt")}
        self.national_re = re.compile(rf"(?:{_alt(list(self.national_kinds))})(?![门员])")
        heads = pairs("agency_named_heads.txt")
        self.head_kinds = {h[0]: h[1] for h in heads}
        self.placed_heads = {h[0] for h in heads if "placed" in h[2:]}
        # 中心 heads a body, not 理论学习中心组 or 中心工作 / 中心城区
        self.head_re = re.compile(rf"(?:{_alt(list(self.head_kinds))})(?![组工城区])")
        self.stops = set(self.data["agency_left_stops.txt"])
        self.stop_lengths = sorted({len(s) for s in self.stops}, reverse=True)
        self.not_places = set(self.data["agency_not_places.txt"])
        # a rule with no replacement deletes what it matches (a congress's term)
        self.canonical_rules = [(re.compile(rule[0]), "".join(rule[1:]))
                                for rule in pairs("agency_canonical.txt")]

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        self.local_places = set()
        jurisdiction = (doc._.meta or {}).get("jurisdiction") or ""
        self.local_places.update(LOCAL_PIECE.findall(jurisdiction))
        placed = self.level_route(text) + self.named_route(text)
        local, national = self.local_route(text, placed), self.national_route(text)
        found = local + national + self.bare_route(text) + vertical(text, national, local)
        protected = Protected.of(doc)
        taken: list[Candidate] = []
        held = Taken(len(text))
        for cand in sorted(found, key=lambda c: (c.start - c.end, c.start)):
            if held.overlaps(cand.start, cand.end):
                continue
            if protected.overlaps(cand.start, cand.end) or self.generic(text, cand.start):
                continue
            taken.append(cand)
            held.add(cand.start, cand.end)
        spans = []
        for cand in sorted(taken, key=lambda c: c.start):
            name = text[cand.start:cand.end]
            span = make_span(doc, cand.start, cand.end, "AGENCY", self.canonical(name, cand.kind),
                             {"kind": cand.kind})
            if span is not None:
                spans.append((span, cand.kind))
        keep_spans(doc, "agencies", spans)
        return doc

    # --- the four routes --------------------------------------------------------------

    def level_route(self, text: str) -> list[Candidate]:
        out = []
        for m in _overlapping(self.level_re, text):
            level, session, body, sub = m.group(1), m.group(2), m.group(3), m.group(4)
            if session and self.body_kinds.get(body) not in SESSION_KINDS:
                continue  # only a congress or a CPPCC sits by sessions (届)
            if body not in self.body_kinds and body.endswith(NOT_BUREAU):
                continue  # 区域布局, 全市格局: a word ending in 局, not a bureau
            if body == "委" and not sub and text[m.end():m.end() + 1] == "员":
                continue  # 委员, not a committee
            if ISSUER_CODE_AFTER.match(text, m.end()):
                continue  # 区府办发〔…: the code of a document number, however broken
            start = self.place_start(text, m.start())
            if start is None:
                continue
            kind = self.body_kinds.get(body, "department")
            if sub:
                kind = next(k for p, k in self.sub_kinds if p.match(sub))
            elif kind == "government" and level in TOWN_LEVELS:
                kind = "town"
            if body == "委" and text[start - 2:start] == "中共":
                start -= 2
            end = m.end()
            if body.endswith("局") and not sub:
                branch = BRANCH.match(text, end)  # 市生态环境局平江分局, 市公安局交警支队
                if branch and not any(self.stop_ending(text, e)
                                      for e in range(end + 1, branch.end() - 1)):
                    end = branch.end()  # (not 市公安局组织大队民警: a verb before it)
            out.append(Candidate(start, end, kind))
        return out

    def local_route(self, text: str, found: list[Candidate]) -> list[Candidate]:
        """The text's own places, wherever they stand: a place missing from the division
        list that the text's jurisdiction names or that stands after a clear boundary
        elsewhere (红谷滩区人民政府…) is a place after a comma too (，红谷滩区政府)."""
        if not self.local_places:
            return found
        lengths = sorted({len(p) for p in self.local_places}, reverse=True)

        def local_ending(end: int) -> str | None:
            return next((text[end - k:end] for k in lengths
                         if text[end - k:end] in self.local_places), None)

        for cand in found:
            start = cand.start
            if text[start] in LEVELS:  # 区政府 after the text's own 松溪
                place = local_ending(start + 1)
                start = start + 1 - len(place) if place else start
            # and the higher places before it, listed or the text's own (云岭市松溪区…)
            while outer := self.place_ending(text, start) or local_ending(start):
                start -= len(outer)
            if start == cand.start:
                continue
            if cand.kind == "party_committee" and text[start - 2:start] == "中共":
                start -= 2
            cand.start = start
        return found

    def national_route(self, text: str) -> list[Candidate]:
        return [Candidate(m.start(), m.end(), self.national_kinds[m.group()])
                for m in self.national_re.finditer(text)]

    def bare_route(self, text: str) -> list[Candidate]:
        """Departments printed without a level word, after a boundary: 、住建局、城管局."""
        out = []
        for m in self.bare_re.finditer(text):
            before = text[m.start() - 1:m.start()]
            if (m.start() == 0 or not "\u4e00" <= before <= "\u9fff" or before in BARE_BOUNDARY
                    or text[m.start() - 2:m.start()] in BARE_VERBS):
                out.append(Candidate(m.start(), m.end(), self.body_kinds[m.group()]))
        return out

    def named_route(self, text: str) -> list[Candidate]:
        out = []
        for m in self.head_re.finditer(text):
            start, stopped_at = self.walk_left(text, m.start(), 14)
            name = text[start:m.start()]
            head = m.group()
            if head == "街道办" and text[m.end():m.end() + 1] in STREET_OFFICE_NOT_AFTER:
                continue  # 在城关街道办理: a verb, not 城关街道办
            # 高新区 is no place of a level route's body, but its 管委会 is the zone's
            zone = head in ZONE_HEADS and name in ZONE_KINDS
            if len(name) < 2 or stopped_at == "各" or (name in self.not_places and not zone):
                continue
            if head in self.placed_heads and not self.starts_with_place(name):
                # 建成启用县公共服务中心: the name starts at its level word
                level_at = next((i for i, c in enumerate(name) if c in LEVELS and i), None)
                if level_at is None:
                    continue
                # 全市建成县级…中心 is no body of a place; 依托城关镇司法所 is
                if name[:level_at + 1] in self.not_places or name[level_at + 1:][:1] == "级":
                    continue
                place = self.place_start(text, start + level_at)
                if place is None:
                    continue  # 建成全市大数据中心: 全市 is a scope, not a place
                start = place
                name = text[start:m.start()]
            if head in ZONE_HEADS and not name.endswith(ZONE_ENDINGS):
                continue  # 管委会 manages a zone: 官盛新区管委会
            if head in NAMED_HEADS and not (self.starts_with_place(name)
                                           or name.startswith(NAME_OPENINGS)
                                           or stopped_at in NAMED_BOUNDARY):
                continue  # 建成人民调解委员会: a verb, not a name, runs into the head
            out.append(Candidate(start, m.end(), self.head_kinds[m.group()]))
        return out

    # --- boundaries -------------------------------------------------------------------

    def place_start(self, text: str, level_at: int) -> int | None:
        """Where the name whose level character is at ``level_at`` starts; None if that
        character is part of an ordinary word (城市, 全区) rather than a level."""
        end = level_at + 1
        start = end
        while True:
            place = self.place_ending(text, start)
            if not place:
                break
            start -= len(place)
        if start < end - 1:
            return start
        if text[end - 3:end] in AUTONOMOUS:
            return end - 3  # 自治区人民政府: the level word is the name
        if any(text[end - k:end] in self.not_places for k in (2, 3, 4)):
            return None
        if text[level_at] in FALLBACK_LEVELS or text.startswith(STREET, level_at):
            start = self.unlisted_place(text, level_at)
            if start is not None:
                return start
        return level_at

    def unlisted_place(self, text: str, level_at: int) -> int | None:
        """Start of a place missing from the division list (红谷滩区, 云岭市松溪区): two or
        three characters before the level, after a clear boundary or another place."""
        town = text.startswith(TOWN_LEVELS, level_at)
        for size in (2, 3):
            q = level_at - size
            if q < 0:
                continue
            before = text[q - 1] if q > 0 else "^"
            if text[q - 2:q] == "中共":
                before = "^"  # 中共青溪县委: a place always follows 中共
            if not (town or before in STRONG_BOUNDARY or before in "省市州"):
                continue  # the cheap test first: most level words follow running text
            name = text[q:level_at]
            if not all("\u4e00" <= c <= "\u9fff" and c not in NOT_IN_PLACE for c in name):
                continue
            if any(self.stop_ending(text, e) for e in range(q + 1, level_at + 1)):
                continue
            if before in STRONG_BOUNDARY or (town and self.stop_ending(text, q)):
                if not town:
                    self.local_places.add(text[q:level_at + 1])
                return q  # a town after a boundary word: 依托城关镇司法所
            if before in "省市州" or (town and before in "县区旗"):  # 青岚县桃花镇
                outer = self.place_ending(text, q)
                outer_start = q - len(outer) if outer else self.unlisted_place(text, q - 1)
                if outer_start is not None:
                    if not town:
                        self.local_places.add(name + text[level_at])
                    return outer_start
        return None

    def place_ending(self, text: str, end: int) -> str | None:
        if text[max(end - 2, 0):end] not in self.place_tails:
            return None
        for k in self.place_lengths:
            piece = text[max(end - k, 0):end]
            if len(piece) == k and piece in self.places and not self.starts_with_stop(piece):
                return piece
        return None

    def starts_with_stop(self, name: str) -> bool:
        """会同县 is a county, but in 会同县市场监管局 会同 means "together with"."""
        return any(name[:k] in self.stops for k in self.stop_lengths if 1 < k < len(name))

    def walk_left(self, text: str, pos: int, limit: int) -> tuple[int, str]:
        return walk_left(text, pos, limit, self.stops, self.stop_lengths)

    def stop_ending(self, text: str, end: int) -> str | None:
        for k in self.stop_lengths:
            if end - k >= 0 and text[end - k:end] in self.stops:
                return text[end - k:end]
        return None

    def starts_with_place(self, name: str) -> bool:
        if name[0] in LEVELS or name.startswith(("中共", "中央", "国家")):
            return True
        return any(name[:k] in self.places for k in self.place_lengths if k < len(name))

    def generic(self, text: str, start: int) -> bool:
        """各乡、镇人民政府, 各县(市、区)人民政府, 设区的市人民政府: a kind of body, not
        a named one."""
        city_class = SET_UP_CITY.search(text, max(0, start - 3), start + 2)
        return bool(GENERIC_BEFORE.search(text, max(0, start - 16), start)
                    or (city_class and city_class.start() < start < city_class.end()))

    def canonical(self, name: str, kind: str) -> str:
        key = (name, kind)
        if key not in self.canonical_cache:
            self.canonical_cache[key] = self.expand(name, kind)
        return self.canonical_cache[key]

    def expand(self, name: str, kind: str) -> str:
        # 上海市委 is the party committee of a named place: 中共上海市委员会; 市委 alone
        # stays as printed (which city only the text's jurisdiction says)
        if kind == "party_committee" and name.endswith("委") and not name.startswith("中共"):
            place = name[:-1]
            if len(place) > 1 and self.place_ending(place, len(place)) == place:
                name = "中共" + name
        for pattern, replacement in self.canonical_rules:
            name = pattern.sub(replacement, name)
        return name


def _overlapping(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every match, also those that start inside another: in 杭州市司法局 the match at 州
    (州 + 市司法局, a generic X局) must not hide the one at 市 (杭州市 + 司法局); the
    longest candidate wins later."""
    at = 0
    while m := pattern.search(text, at):
        yield m
        at = m.start() + 1


@Language.factory("policykg_agencies_v1")
def make_agencies(nlp: Language, name: str) -> AgenciesComponent:
    return AgenciesComponent(nlp, name)
