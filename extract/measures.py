"""measures: named reforms, systems, mechanisms, campaigns, programmes and platforms.

Four rules:

- quoted names (“放管服”改革, “一网通办”, 「赣服通」, “‘五放’‘五化’” split in two): a measure
  unless the name or its context says it is something else: a period label (十四五), a
  formula (两个维护), a year's survey, a slogan starting with a verb (坚持…), a principle,
  idea or spirit (“公开、公平、公正”原则), an honour or a label (…案例, …样板). A list of
  phrases (“宽进、快办、严管”) counts only where the text adopts it (…的审批服务模式,
  打造“…”) or where it is a numbered formula (“双随机、一公开”, “线上一网、线下一窗”) or
  a set of service modes (“马上办、网上办、就近办”): one measure as printed;
- unquoted heads (告知承诺制, 权力清单和责任清单制度, 涉企增值法律服务改革,
  法治化综合改革试点, 法治惠民工程, 百日攻坚行动, 松溪区智慧城管平台): the name runs left
  from the head to a boundary word; generic names (工作机制, 体制改革, 专项整治行动) are
  not measures, a platform or system is named by its place (政府信息公开平台 is none), and
  工程/行动/平台/系统 must end the noun (行动指南, 工程项目 are other things); a 与 joining
  two fields that the head links stays in the name (行政执法与刑事司法衔接机制), and an item
  after 、 is a name of its own where the item before ends with any head
  (府院联席会议制度、行政检察与行政执法衔接机制); a name is not part of an agency's, nor
  does it start with one (省发展改革委 is a body, 市司法局衔接机制 names no mechanism),
  nor does its head run into a body word (县机构改革领导小组);
- a list adopted as systems: 推行首问负责、一次性告知、限时办结等制度 gives each item;
- an app's brand printed without quotes before what it is (依托赣服通平台, 浙里办APP).

Nothing inside a 《》 title or a document number counts. Each span gets ``canonical``
(NFKC, white space removed) and ``attrs = {"kind": 制度 | 机制 | 平台 | 工程 | 改革 | …}``.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from policykg.extract.component import RuleComponent, doc_text, found
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

QUOTED = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」"
                    r"|‘([^‘’“”\n]{1,40})’")
INNER = re.compile(r"‘([^‘’]{1,30})’")
KINDS = ("制度", "机制", "平台", "工程", "行动", "改革", "模式", "试点", "系统", "品牌", "制")
NUMERAL = re.compile(r"[一二三四五六七八九十两双]")
PERIOD = re.compile(r"^[一二三四五六七八九十]+五$")  # 十四五, 八五: five-year periods
# 两个维护, 四个着力, 五个必由之路 (一个机构管审查, a longer name, is a measure)
FORMULA = re.compile(r"^[一二三四五六七八九十两]个[\u4e00-\u9fff]{2,4}$")
# 双下降, 三连降: statistics that went the right way, not a campaign (三提升 is one)
TREND = re.compile(r"^[双两三四五六七八九十](?:下降|上升|连降|连升|连增|增长|翻番|过半)$")
LIST_MARK = re.compile(r"[、,，;；\s]")
CLAUSE_END = re.compile(r"[,，。;；:：!！?？\n]")
ADOPTED_LIST = re.compile(
    r"(?:推行|实行|落实|执行|建立|健全|完善|实施)"
    r"((?:[\u4e00-\u9fff]{2,8}、)+[\u4e00-\u9fff]{2,8})等(?:制度|机制|措施)")
# 制度/机制 followed by these is a field of work (审批制度改革), not a named system
DOMAIN_AFTER = ("改革", "建设", "体系", "创新")
# a head right before one of these is inside a body's name (县机构改革领导小组, 全面深化改革
# 委员会, 营商环境改革工作专班), whether or not the agency rules took the body
BODY_AFTER = re.compile(r"(?:工作)?(?:领导小组|委员会|工作组|指挥部|办公室|专班)")
# 进行动态调整, 执行动员: 行 ends a verb and 动 starts the next word, there is no 行动
SPLIT_ACTION = re.compile(r"[进执运举施践履]行动[态员向]")
# the shortest name before each kind of head: 告知承诺制, 涉企增值法律服务改革
MIN_NAME = {"制": 2, "改革": 5}
# 衔接机制, 联动机制: what links two fields, which 与 joins inside the name
LINKING = ("衔接", "对接", "联动", "协作", "协同", "互认")
BODY_END = ("局", "院", "委", "办", "府", "会", "所", "厅", "部", "庭", "队", "站", "中心")
# X长制: a chief per river, forest, road (河长制, 林长制, 河湖长制), one character will do
CHIEF_HEAD = "长制"
# campaigns and projects whose name may be two characters after a verb (开展净网行动)
SHORT_NAMED = ("行动", "工程")
NOT_CHIEF = ("家", "增", "延", "成", "生", "助", "擅", "专", "消")
NOT_AFTER_CHIEF = "约定订作造品止衡裁胜服式假"
# a short quoted name fused with one of these is half a name: “五型”政府 (left out)
FUSED = re.compile(r"政府|城市|社会|机关")
# a result, not a measure: 实现“满堂红”/“开门红”, 法律顾问“全覆盖”
RESULT = re.compile(r"^(?:[\u4e00-\u9fff]{1,2}红|全覆盖|满覆盖|动态清零|清零)$")
ACHIEVED = re.compile(r"(?:实现|保持|确保|做到|达到)$")
HONOURED = re.compile(r"获评|荣获|被评为|入选|获得")
# an app's brand: three characters ending in 通/办 before what it is (赣服通平台, 浙里办APP)
BRAND = re.compile(r"([\u4e00-\u9fff]{2}[通办])(?=平台|APP|App|app|小程序|客户端|移动端)")
# ordinary words ending so: 交通, 流通, 督办, 代办 …
NOT_BRAND_TAIL = {"交通", "流通", "沟通", "畅通", "开通", "互通", "联通", "贯通", "融通", "疏通",
                  "打通", "精通", "普通", "直通", "督办", "承办", "主办", "协办", "代办", "帮办",
                  "经办", "领办", "交办", "转办", "查办"}
BRAND_VERBS = {"上线", "推出", "推广", "依托", "使用", "开发", "打造", "运用", "登录", "下载",
               "通过"}
# what a name of digits alone is named for when it is a measure: “721”工作法, “135”模式
NUMBERED_METHOD = ("工作法", "工作机制", "机制", "模式", "工程", "行动")
# a day named by its date: “3·15” 消费者权益日, “12.4” 宪法日
DAY_LABEL = re.compile(r"^\d{1,2}\s*[·•.．・]\s*\d{1,2}$")
# an item of a numbered formula: 双随机、一公开; 线上一网、线下一窗; 一周一法、一月一考
NUMBERED_ITEM = re.compile(r"^[一二三四五六七八九十两双百千万]|[上下周月年日天地]一")
# heads that name a thing only when the noun ends there: not 行动指南, 工程项目, 平台建设
NOUN_HEADS = ("平台", "系统", "工程", "行动")
NOUN_GOES_ON = re.compile(r"指南|计划|方案|项目|建设|管理|体系|能力|水平|质量|规划|纲要|要点"
                          r"|资金|经费|[性化师员内外库费款组队部]")
# platforms and systems are named by their place (松溪区智慧城管平台), not by what they do
PLACED_HEADS = ("平台", "系统")
COUNT = re.compile(r"[\d一二三四五六七八九十两几多]+[个项大类批]")
# the county-or-higher pieces of the text's jurisdiction: 南昌市红谷滩区 -> 南昌市, 红谷滩区
LOCAL_PIECE = re.compile(r"[\u4e00-\u9fff]{2,8}?(?:自治[区州县旗]|[省市州区县旗盟])")
# 系统 is a computer system only with one of these in its name (市公安系统 is a sector)
SYSTEM_WORDS = re.compile(r"信息|管理|服务|数据|监测|监控|办案|办公|审批|智慧|智能|网上|在线|"
                          r"一体化|数字|电子|平台|云")


@dataclass(slots=True)
class Candidate:
    start: int
    end: int
    kind: str | None


class MeasuresComponent(RuleComponent):
    data_files = ("measure_heads.txt", "measure_left_stops.txt", "measure_context.txt",
                  "measure_not.txt", "measure_generic.txt", "measure_generic_actions.txt",
                  "measure_generic_works.txt", "agency_places.txt", "measure_known.txt")

    def prepare(self) -> None:
        self.head_kinds = dict(line.split() for line in self.data["measure_heads.txt"])
        self.head_re = re.compile("|".join(
            re.escape(h) + ("(?!度)" if h.endswith("制") else "")
            for h in sorted(self.head_kinds, key=len, reverse=True)))
        heads = "|".join(map(re.escape, sorted(self.head_kinds, key=len, reverse=True)))
        # 全程代办制和容缺受理制: the second name starts after the first one's head
        self.coordinated = re.compile(rf"(?:{heads})[和与及](?!.*(?:{heads})[和与及])")
        # 公示制度、全过程记录制度: an item before 、 that ends with a head (of any kind)
        self.head_ending = re.compile(rf"(?:{heads})$")
        self.stops = set(self.data["measure_left_stops.txt"])
        self.stop_lengths = sorted({len(s) for s in self.stops}, reverse=True)
        cues: dict[str, list[str]] = {}
        for line in self.data["measure_context.txt"]:
            kind, word = line.split()
            cues.setdefault(kind, []).append(word)

        def alt(kind: str) -> str:
            return "|".join(map(re.escape, sorted(cues[kind], key=len, reverse=True)))

        self.after_pos = re.compile(alt("after+"))
        self.after_neg = re.compile(alt("after-"))
        self.before_pos = re.compile(f"(?:{alt('before+')})$")
        self.before_neg = re.compile(f"(?:{alt('before-')})$")
        self.end_neg = re.compile(f"(?:{alt('end-')})$")
        self.verb_neg = re.compile(alt("verb-"))
        self.not_measures = set(self.data["measure_not.txt"])
        self.generic = self.data["measure_generic.txt"]
        # a name made only of these words is generic before 行动/工程 (专项整治, 联合执法)
        words = sorted(self.data["measure_generic_actions.txt"], key=len, reverse=True)
        self.generic_action = re.compile(f"(?:{'|'.join(map(re.escape, words))})*$")
        self.generic_works = self.data["measure_generic_works.txt"]
        self.known_names = set(self.data["measure_known.txt"])
        known = sorted(self.known_names, key=len, reverse=True)
        # 互联网+监管 is printed with a full-width plus too (its canonical is NFKC)
        names = "|".join(re.escape(k).replace(r"\+", "[+＋]") for k in known)
        self.known_re = re.compile(f"({names})({heads})?")
        self.places = division_names(self.data["agency_places.txt"])
        self.place_lengths = sorted({len(p) for p in self.places}, reverse=True)
        self.local_places: set[str] = set()  # the current text's own places

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        protected = Protected.of(doc)
        jurisdiction = (doc._.meta or {}).get("jurisdiction") or ""
        self.local_places = set(LOCAL_PIECE.findall(jurisdiction))
        quoted = [c for c in self.quoted(text) if not protected.overlaps(c.start, c.end)]
        bodies = Bodies(doc)
        others = [c for c in self.headed(text, bodies) + self.adopted_lists(text)
                  + self.brands(text) + self.known(text)
                  if not protected.overlaps(c.start, c.end)]
        taken = list(quoted)
        held = Taken(len(text))
        for cand in quoted:
            held.add(cand.start, cand.end)
        for cand in sorted(others, key=lambda c: (c.start - c.end, c.start)):
            if not held.overlaps(cand.start, cand.end):
                taken.append(cand)
                held.add(cand.start, cand.end)
        spans = []
        for cand in sorted(taken, key=lambda c: c.start):
            # NFKC, no white space: “互联网＋政务服务” and “互联网+政务服务” are one measure
            name = unicodedata.normalize("NFKC", "".join(text[cand.start:cand.end].split()))
            span = make_span(doc, cand.start, cand.end, "MEASURE", name, {"kind": cand.kind})
            if span is not None:
                spans.append((span, cand.kind))
        keep_spans(doc, "measures", spans)
        return doc

    # --- quoted names -----------------------------------------------------------------

    def quoted(self, text: str) -> list[Candidate]:
        out = []
        for m in QUOTED.finditer(text):
            group = next(i for i in range(1, 5) if m.group(i) is not None)
            start, end = m.start(group), m.end(group)
            inner = list(INNER.finditer(text, start, end))
            if inner and "".join(i.group() for i in inner) == text[start:end]:
                pieces = [(i.start(1), i.end(1)) for i in inner]  # “‘五放’‘五化’”
            else:
                pieces = [(start, end)]
            for s, e in pieces:
                cand = self.judge_quoted(text, s, e, m.end())
                if cand:
                    out.append(cand)
        return out

    def judge_quoted(self, text: str, start: int, end: int, after_at: int) -> Candidate | None:
        name = text[start:end].strip()
        if not 2 <= len(name) <= 25 or name in self.not_measures:
            return None
        if PERIOD.match(name) or FORMULA.match(name) or TREND.match(name) or RESULT.match(name):
            return None
        if DAY_LABEL.match(name):
            return None  # “3·15”, “12·4”: a day of the year
        if name.isdigit() and not text.startswith(NUMBERED_METHOD, after_at):
            return None  # “12345”: a number (a hotline's), unless a method: “721”工作法
        if re.search(r"\d{4}年", name) or (len(name) <= 3 and name.endswith("化")
                                             and not NUMERAL.match(name)):
            return None
        if self.end_neg.search(name):
            return None
        if len(name) >= 8 and HONOURED.search(name):
            return None  # “盐田法院获评全国‘示范法院’”: a headline quoted, not a measure
        parts = [p for p in LIST_MARK.split(name) if p]
        if any(self.verb_neg.match(p) for p in parts):
            return None
        # what follows in the same clause: a cue past a comma or a full stop is another's
        after = CLAUSE_END.split(text[after_at:after_at + 10], 1)[0].lstrip("的")
        starts_positive = self.after_pos.match(after)
        named_kind = starts_positive is not None and starts_positive.group() in KINDS
        if self.after_neg.search(after, 0, 6) and not named_kind:
            return None  # “一个统筹、四大职能”工作布局: a layout, though 工作 comes first
        if len(name) == 2 and NUMERAL.match(name) and not self.after_pos.search(after, 0, 8):
            return None  # “四风”, “两高”: a numbered label, unless named as a campaign
        before = text[max(0, start - 5):start - 1]
        if self.before_neg.search(before):
            return None
        if name.startswith("零") and ACHIEVED.search(before):
            return None  # 实现“零事故”, 保持“零发案”: a result, not a measure
        adopted = self.before_pos.search(before)
        if len(parts) > 1 and not (self.after_pos.search(after, 0, 8) or adopted
                                   or self.formula_list(parts)):
            return None
        if len(name) <= 3 and FUSED.match(text, after_at):
            return None  # “五型”政府: the name alone is half of the measure's
        cue = starts_positive.group() if starts_positive else None
        kind = cue if cue in KINDS else next((k for k in KINDS if name.endswith(k)), None)
        return Candidate(start, end, kind)

    def formula_list(self, parts: list[str]) -> bool:
        """A list that names one measure though no cue word follows: a numbered formula
        (双随机、一公开) or service modes (马上办、网上办、就近办), not a slogan or a list
        of political formulas (四个意识、四个自信) or a slogan of clauses (一手抓发展、
        一手抓法治: items of five characters or more)."""
        if any(not 2 <= len(p) <= 4 or p in self.not_measures or FORMULA.match(p)
               or PERIOD.match(p) for p in parts):
            return False
        return (any(NUMBERED_ITEM.search(p) for p in parts)
                or all(p.endswith("办") for p in parts))

    # --- unquoted heads ---------------------------------------------------------------

    def headed(self, text: str, bodies: Bodies) -> list[Candidate]:
        out = []
        for m in self.head_re.finditer(text):
            head = m.group()
            kind = self.head_kinds[head]
            if kind in ("制度", "机制") and text.startswith(DOMAIN_AFTER, m.end()):
                continue  # 审批制度改革: a domain, not a named system
            if text.startswith("制度机制", m.start() - 2 * (head == "机制")):
                continue  # 健全党领导法治建设制度机制: institutions in general, none named
            if bodies.covers(m.start(), m.end()) or BODY_AFTER.match(text, m.end()):
                continue  # 省发展改革委, 区委改革办: a body's name, not a reform
            if SPLIT_ACTION.match(text, m.start() - 1):
                continue
            start, stopped_at = walk_left(text, m.start(), 20, self.stops, self.stop_lengths)
            body_end = bodies.last_end(start, m.start())
            if body_end is not None:
                # 市司法局衔接机制: the body that runs it, then the name (here none)
                start, stopped_at = body_end, "body"
            if stopped_at == "与" and text.endswith(LINKING, start, m.start()):
                # 行政执法与刑事司法衔接机制: one mechanism linking the two fields 与 joins
                left, stop = walk_left(text, start - 1, 20 - (m.start() - start),
                                       self.stops, self.stop_lengths)
                if start - 1 - left >= 2 and not text.endswith(BODY_END, left, start - 1):
                    start, stopped_at = left, stop  # (not 区法院与区司法局: two bodies)
            # 百日攻坚行动和清风行动: the name starts after a coordinated one
            before = self.coordinated.search(text, start, m.start())
            start = before.end() if before else start
            name = text[start:m.start()]
            # 科学、民主、依法决策机制; 办理程序和制度: not one named system, but in
            # 公示制度、全过程记录制度 each item has its own head
            own_head = self.head_ending.search(text, max(0, start - 8), start - 1)
            shared_head = text[start - 1:start] == "、" and not own_head
            if shared_head or name.endswith(("和", "与", "及")):
                continue
            least = 1 if head == CHIEF_HEAD else MIN_NAME.get(kind, 4)
            if head in SHORT_NAMED and (stopped_at in self.stops or before):
                least = 2  # 开展净网行动, 实施雪亮工程: a verb opens a short name
            if len(name) < least and not (name == "" and len(head) >= 5):
                continue  # (首问负责制 is a head and a whole name)
            if head == CHIEF_HEAD and (len(name) > 4 or name.endswith(NOT_CHIEF)
                                       or text[m.end():m.end() + 1] in NOT_AFTER_CHIEF):
                continue  # 家长制 is paternalism, 增长制约 a constraint on growth
            if any(name.endswith(g) or name == g for g in self.generic):
                continue
            if name in self.known_names:
                continue  # 最多跑一次改革: the known name alone (known) is the measure
            if head in NOUN_HEADS and not self.named_noun(text, name, head, m.end()):
                continue
            out.append(Candidate(start, m.end(), kind))
        return out

    def named_noun(self, text: str, name: str, head: str, end: int) -> bool:
        """X平台/X系统/X工程/X行动 is a measure when the noun ends at the head and X names
        it: a place for a platform or system, more than generic action words otherwise."""
        if NOUN_GOES_ON.match(text, end):
            return False
        if head in PLACED_HEADS:
            return self.starts_with_place(name) and (
                head != "系统" or SYSTEM_WORDS.search(name) is not None)
        if head == "工程" and name.endswith(tuple(self.generic_works)):
            return False  # 水利工程, 道路改造工程: a construction work, not a programme
        # 完成四个专项行动: what a count of campaigns counts is what names them
        return self.generic_action.match(COUNT.split(name)[-1]) is None

    def starts_with_place(self, name: str) -> bool:
        """A named place opens the name (兰山县智慧城管平台), listed or the text's own; a
        level word alone (省一体化政务服务平台, 市公共信用信息平台) names no platform."""
        if any(name.startswith(p) and len(p) < len(name) for p in self.local_places):
            return True
        return any(name[:k] in self.places for k in self.place_lengths if k < len(name))

    def brands(self, text: str) -> list[Candidate]:
        """An app's brand printed without quotes before what it is: 依托赣服通平台,
        上线兰山通APP (the measure is the brand, as when it is quoted)."""
        out = []
        for m in BRAND.finditer(text):
            before = text[m.start() - 1:m.start()]
            if m.group(1)[1:] in NOT_BRAND_TAIL or (
                    "\u4e00" <= before <= "\u9fff" and not self.stop_ending(text, m.start())
                    and text[m.start() - 2:m.start()] not in BRAND_VERBS):
                continue  # 智慧交通平台: a word, not a brand; a brand stands after a boundary
            out.append(Candidate(m.start(1), m.end(1), "平台"))
        return out

    def stop_ending(self, text: str, end: int) -> bool:
        return any(text[end - k:end] in self.stops for k in self.stop_lengths if end >= k)

    def known(self, text: str) -> list[Candidate]:
        """The nationally known measures printed without quotes: 全面推行一网通办,
        深化证照分离改革 (the name alone, as when it is quoted: “证照分离”改革; its head
        gives the kind)."""
        out = []
        for m in self.known_re.finditer(text):
            if not m.group(2) and text.startswith("率", m.end()):
                continue  # 全程网办率达到92%: a rate measured, not the measure
            kind = self.head_kinds[m.group(2)] if m.group(2) else None
            out.append(Candidate(m.start(1), m.end(1), kind))
        return out

    def adopted_lists(self, text: str) -> list[Candidate]:
        out = []
        for m in ADOPTED_LIST.finditer(text):
            pos = m.start(1)
            for item in m.group(1).split("、"):
                out.append(Candidate(pos, pos + len(item), "制度"))
                pos += len(item) + 1
        return out


class Bodies:
    """The agencies the agencies component found, as character ranges (they never overlap,
    so ordered by start they are ordered by end too)."""

    def __init__(self, doc: Doc) -> None:
        spans = sorted((f.start_char, f.end_char) for f in found(doc, "agencies"))
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def covers(self, start: int, end: int) -> bool:
        """Whether an agency's name holds this range (the head of 省发展改革委)."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.ends[i] >= end

    def last_end(self, start: int, end: int) -> int | None:
        """The end of the last agency that ends inside (start, end], if any."""
        i = bisect_right(self.ends, end) - 1
        return self.ends[i] if i >= 0 and self.ends[i] > start else None


@Language.factory("policykg_measures_v1")
def make_measures(nlp: Language, name: str) -> MeasuresComponent:
    return MeasuresComponent(nlp, name)
