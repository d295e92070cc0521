"""Synthetic texts in the genre: annual rule-of-law reports, notices that issue a document,
implementation plans and rules of fictional local governments.

Used by the benchmark and by tests that need many texts. Text ``i`` depends only on
``(seed, i)``, so a corpus of any size is byte-identical on every run and the first
1,000 texts of a 10,000-text corpus are the 1,000-text corpus. Texts are written one at
a time; nothing holds the corpus in memory.

The densities follow real reports: per 1,000 characters about 4-5 titles in 《》, one
document number, 6 quoted names and 4-9 figures with units. Place names are invented;
national titles, their numbers and national agencies are public facts.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

# Invented place names: two syllables and a suffix; the pools are drawn per place index.
_FIRST = "青云安临枫望清丰宁长永新兴平东西南北白金玉石龙凤桂松柏梅兰竹溪湖岚屏陵泽川"
_SECOND = "川泽江原陵屏溪山湖阳平宁州台林桥源岭滨城浦塘坪溪谷冈"
_PLACES = 600  # counties; a 10,000-text corpus holds several years of each

NATIONAL_AGENCIES = ("国务院", "国务院办公厅", "中共中央办公厅", "司法部", "中央全面依法治国委员会")

# (title, number) of national documents: public facts that many local texts cite.
NATIONAL_TITLES = (
    ("法治政府建设实施纲要（2021－2025年）", None),
    ("法治社会建设实施纲要（2020－2025年）", None),
    ("中华人民共和国行政处罚法", None),
    ("中华人民共和国行政许可法", None),
    ("中华人民共和国行政复议法", None),
    ("中华人民共和国政府信息公开条例", "国务院令第711号"),
    ("重大行政决策程序暂行条例", "国务院令第713号"),
    ("优化营商环境条例", "国务院令第722号"),
    ("国务院关于加强数字政府建设的指导意见", "国发〔2022〕14号"),
    ("国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见", "国办发〔2018〕115号"),
    (
        "国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见",
        "国办发〔2018〕118号",
    ),
    ("党政主要负责人履行推进法治建设第一责任人职责规定", None),
)

# Bodies of a county-level government, printed with 区/县 in front (区司法局).
_COUNTY_BODIES = (
    "司法局", "人民法院", "法院", "人民检察院", "检察院", "公安分局", "市场监督管理局",
    "行政审批局", "财政局", "人力资源和社会保障局", "生态环境分局", "自然资源局",
    "政府办公室", "人民政府", "政府", "委依法治区办", "应急管理局", "城市管理局",
    "信访局", "住房和城乡建设局", "医疗保障局", "退役军人事务局",
)
_CITY_BODIES = ("司法局", "人民政府", "委", "政府", "中级人民法院", "市场监督管理局")
_PROVINCE_BODIES = ("司法厅", "人民政府", "委", "政府", "高级人民法院")
_CENTRES = (
    "行政争议化解中心", "公共法律服务中心", "矛盾纠纷调处化解中心", "政务服务中心",
    "社会治理综合指挥中心", "非诉讼纠纷解决中心",
)

_QUOTED = (
    "放管服", "证照联办", "首违不罚", "告知承诺制", "一件事一次办", "最多跑一次",
    "双随机、一公开", "互联网+监管", "企业安静生产期", "法律明白人", "一村一法律顾问",
    "不见面审批", "容缺受理", "好差评", "跨省通办", "免证办", "蓝天保卫战",
)
_SYSTEM = (
    "行政执法公示", "执法全过程记录", "重大执法决定法制审核", "法律顾问", "公职律师",
    "首席法律咨询专家", "行政机关负责人出庭应诉", "规范性文件备案审查", "涉企检查备案",
    "行政裁量权基准", "政府信息公开保密审查", "法治督察",
)
_MECHANISM = (
    "府院联动", "诉源治理", "矛盾纠纷多元化解", "行政争议实质性化解", "包容审慎监管",
    "信用修复", "跨部门联合执法", "府检联动", "案件质量评查", "复议应诉联动",
)
_ACTION = ("营商环境提质年", "执法能力提升", "法治宣传进万家", "安全生产大排查", "护企安商")

_TOPICS = (
    "法治政府建设实施方案（{y}－{y3}年）", "{y}年法治政府建设工作要点", "重大行政决策程序规定",
    "行政规范性文件管理办法", "优化营商环境提质年活动实施方案", "行政执法“三项制度”实施办法",
    "法治宣传教育第八个五年规划（2021－2025年）", "行政复议体制改革实施方案",
    "重大行政决策事项目录", "轻微违法行为免予处罚清单", "公共法律服务体系建设规划",
    "行政执法责任制实施细则", "政务公开工作要点", "法治政府建设示范创建工作方案",
    "依法行政考核办法", "涉企行政执法检查备案办法（试行）", "突发事件应急预案",
)
_FORWARD_TOPICS = (
    "关于推行{measure}的实施意见", "关于进一步加强行政复议工作的通知",
    "关于建立{mechanism}的意见", "关于开展“{quoted}”专项行动的实施方案",
)
_CODES = ("府发", "府办发", "府办字", "办发", "司发", "政办发", "市监发", "行审改字", "委办字")

_HEADINGS = (
    "加强党对法治政府建设的领导", "深入推进依法行政", "严格规范公正文明执法",
    "健全行政决策制度体系", "强化行政权力制约和监督", "依法有效化解社会矛盾纠纷",
    "全面推进政务公开", "持续优化法治化营商环境", "加强法治宣传教育", "提升公共法律服务水平",
    "强化政府职能转变", "健全突发事件应对体系",
)
_PROSE = (
    "把法治建设摆在全局工作的突出位置，与经济社会发展同部署、同推进、同督促、同考核",
    "将法治建设纳入年度综合考核，定期听取工作汇报，研究解决重大问题",
    "坚持严格规范公正文明执法，持续规范执法行为，着力提升执法质量和效能",
    "坚持依法决策、科学决策、民主决策，严格履行公众参与、专家论证、风险评估等程序",
    "主动接受人大监督、民主监督、司法监督和社会舆论监督，自觉规范权力运行",
    "不断拓宽公开渠道，丰富公开形式，切实保障群众的知情权、参与权和监督权",
    "推动矛盾纠纷就地发现、就地调处、就地化解，努力把问题解决在基层和萌芽状态",
    "围绕企业和群众办事的堵点难点，持续精简办事环节和申请材料，压缩办理时限",
    "聚焦“十四五”时期目标任务，坚持“谁执法谁普法”，推动“八五”普法落地见效",
    "坚持“有事好商量、众人的事情由众人商量”，推动形成“大事不出镇、小事不出村”的格局",
)
_GOALS = (
    "推动法治政府建设提质增效", "压实工作责任", "确保各项任务落地见效", "提升依法行政水平",
    "优化法治化营商环境", "细化目标任务，明确分工", "为推进法治建设提供行动指南",
    "切实维护群众合法权益", "不断增强群众的获得感",
)
# What each verb counts, with its unit: 办理行政复议案件12件, 开展法治宣传活动35场次.
_HANDLED = (
    ("行政复议案件", "件"), ("行政诉讼案件", "件"), ("法律援助案件", "件"), ("矛盾纠纷", "件"),
    ("行政执法案件", "件"), ("政务服务事项", "万件"), ("信访事项", "件"), ("12345热线工单", "件"),
)
_REVIEWED = (
    ("规范性文件", "件"), ("合同", "份"), ("重大行政决策事项", "项"), ("行政处罚案卷", "卷"),
    ("涉企许可事项", "个"),
)
_HELD = (("法治宣传活动", "场次"), ("执法人员培训", "场"), ("联合执法检查", "次"),
         ("法治讲座", "场"), ("普法志愿服务", "次"))
_PEOPLE = (("执法人员", "名"), ("法律顾问", "名"), ("公职律师", "名"), ("人民调解员", "人"))
_FILLER = (
    "坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平法治思想",
    "对标对表上级部署，统筹谋划，强力推进",
    "坚持问题导向和目标导向，聚焦企业和群众反映强烈的突出问题",
    "着力在建章立制、规范运行上下功夫",
    "各项工作取得了积极成效，但与上级要求和群众期盼相比仍有一定差距",
    "部分执法人员法治意识有待增强，执法能力与新形势新任务要求还不完全适应",
    "基层法治建设力量相对薄弱，工作发展还不够平衡",
)


@dataclass(frozen=True)
class Place:
    province: str  # 青原省
    city: str  # 临泽市
    county: str  # 望江区
    town: str  # 白溪镇

    @property
    def level(self) -> str:
        """区 or 县: what the text's own bodies are called (区司法局)."""
        return self.county[-1]

    @property
    def full(self) -> str:
        return self.province + self.city + self.county


@dataclass(frozen=True)
class SynthText:
    name: str  # file stem
    text: str


def place(seed: int, index: int) -> Place:
    """The ``index``-th invented county, with the province and city it sits in."""
    rng = random.Random(f"policykg-place:{seed}:{index}")
    # provinces and cities are shared by many counties so the graph has real hierarchy
    prov = random.Random(f"policykg-province:{seed}:{index // 60}")
    city = random.Random(f"policykg-city:{seed}:{index // 8}")
    return Place(
        province=_name(prov) + "省",
        city=_name(city) + "市",
        county=_name(rng) + rng.choice("区区县"),
        town=_name(rng) + rng.choice(("镇", "镇", "乡", "街道")),
    )


def synth_text(seed: int, index: int) -> SynthText:
    """Text ``index`` of the corpus drawn with ``seed``."""
    rng = random.Random(f"policykg-text:{seed}:{index}")
    where = place(seed, rng.randrange(_PLACES))
    year = rng.randint(2016, 2025)
    kind = rng.choice(("report", "report", "notice", "plan"))
    writer = _Writer(rng, where, year)
    text = getattr(writer, kind)()
    return SynthText(f"synth-{seed}-{index:06d}", text)


def synth_texts(count: int, seed: int = 0, start: int = 0) -> Iterator[SynthText]:
    for index in range(start, start + count):
        yield synth_text(seed, index)


def write_corpus(out_dir: str | Path, count: int, seed: int = 0) -> Iterator[Path]:
    """Write ``count`` texts as UTF-8 .txt files into ``out_dir``, yielding each path."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for item in synth_texts(count, seed):
        path = out / f"{item.name}.txt"
        path.write_bytes(item.text.encode("utf-8"))
        yield path


def _name(rng: random.Random) -> str:
    return rng.choice(_FIRST) + rng.choice(_SECOND)


class _Writer:
    """Writes one text: each method is a kind of text, built of paragraphs of sentences."""

    def __init__(self, rng: random.Random, where: Place, year: int) -> None:
        self.rng = rng
        self.p = where
        self.year = year
        self.target = int(min(14000, max(2400, rng.lognormvariate(8.7, 0.45))))
        self.half = rng.random() < 0.4  # (一) instead of （一）, as many web pages print
        self.serial = 0

    # -- vocabulary -------------------------------------------------------------------

    def pick(self, items):
        return self.rng.choice(items)

    def agency(self) -> str:
        r = self.rng.random()
        lv = self.p.level
        if r < 0.55:
            return lv + self.pick(_COUNTY_BODIES)
        if r < 0.65:
            return self.p.county + self.pick(_COUNTY_BODIES)
        if r < 0.75:
            return lv + self.pick(_CENTRES)
        if r < 0.85:
            return "市" + self.pick(_CITY_BODIES)
        if r < 0.92:
            return "省" + self.pick(_PROVINCE_BODIES)
        if r < 0.96:
            return self.p.town + ("人民政府" if self.p.town[-1] != "道" else "办事处")
        return self.pick(NATIONAL_AGENCIES)

    def measure(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return f"“{self.pick(_QUOTED)}”"
        if r < 0.65:
            return self.pick(_SYSTEM) + "制度"
        if r < 0.8:
            return self.pick(_MECHANISM) + "机制"
        if r < 0.9:
            return f"“{self.p.county[:2]}{self.pick(('e办', '通', '快办', '智治'))}”平台"
        return f"“{self.pick(_ACTION)}”专项行动"

    def number(self, year: int | None = None) -> str:
        year = year or self.year
        code = self.pick(_CODES)
        head = self.pick((self.p.county[0], self.p.level, self.p.city[0]))
        brackets = self.pick(("〔〕", "〔〕", "〔〕", "[]", "（）"))
        n = self.rng.randint(1, 160)
        return f"{head}{code}{brackets[0]}{year}{brackets[1]}{n}号"

    def local_title(self) -> str:
        y = self.rng.randint(self.year - 2, self.year)
        if self.rng.random() < 0.2:
            topic = self.pick(_FORWARD_TOPICS).format(
                measure=self.pick(_SYSTEM) + "制度",
                mechanism=self.pick(_MECHANISM) + "机制",
                quoted=self.pick(_QUOTED),
            )
            return self.pick((self.p.county, self.p.county + "人民政府", "")) + topic
        topic = self.pick(_TOPICS).format(y=y, y3=y + 3)
        return self.pick((self.p.county, self.p.county, self.p.city, self.p.province)) + topic

    def cited(self, local: float = 0.6) -> str:
        """A title in 《》, sometimes with its document number after it."""
        if self.rng.random() < local:
            title, number = self.local_title(), None
            if self.rng.random() < 0.3:
                number = self.number(self.rng.randint(self.year - 2, self.year))
        else:
            title, number = self.pick(NATIONAL_TITLES)
            if self.rng.random() < 0.5:
                number = None
        if number:
            open_, close = ("（", "）") if not self.half else ("(", ")")
            return f"《{title}》{open_}{number}{close}"
        return f"《{title}》"

    def count(self, pool) -> tuple[str, str]:
        thing, unit = self.pick(pool)
        n = self.rng.choice((self.rng.randint(2, 99), self.rng.randint(100, 20000)))
        return thing, f"{n}{unit}"

    def rate(self) -> str:
        return f"{self.rng.randint(850, 1000) / 10:g}%"

    def date(self, year: int) -> str:
        return f"{year}年{self.rng.randint(1, 12)}月{self.rng.randint(1, 28)}日"

    def issuer(self) -> str:
        """A county body that issues documents, full or short (溪川区人民政府, 区政府)."""
        body = self.pick(("人民政府", "政府", "人民政府办公室", "司法局", "委", "委办公室"))
        return self.pick((self.p.county, self.p.level)) + body

    def own(self) -> str:
        """A body of the text's own county, as such texts name them (区司法局)."""
        return self.p.level + self.pick(_COUNTY_BODIES)

    # -- sentences ----------------------------------------------------------------------

    def sentence(self) -> str:
        r, goal = self.rng, self.pick(_GOALS)
        templates = (
            lambda: f"印发{self.cited(1.0)}，{goal}。",
            lambda: f"{self.issuer()}制定{self.cited(1.0)}，明确{r.randint(3, 40)}项重点任务。",
            lambda: f"贯彻落实{self.cited(0.1)}，结合本地实际，制定{self.cited(1.0)}，{goal}。",
            lambda: f"深入推进{self.measure()}改革，{goal}。",
            lambda: f"全面推行{self.measure()}，{self.own()}牵头建立{self.measure()}。",
            lambda: "全年共办理{}{}，办结率{}。".format(*self.count(_HANDLED), self.rate()),
            lambda: "组织开展{}{}，覆盖群众{}万人次。".format(*self.count(_HELD),
                                                         r.randint(1, 90)),
            lambda: f"成立以{self.own()}、{self.own()}、{self.own()}为成员单位的"
            f"{self.p.level}{self.pick(_CENTRES)}。",
            lambda: f"{self.issuer()}审议通过{self.cited(1.0)}，{goal}。",
            lambda: f"认真落实{self.agency()}关于{self.pick(_HEADINGS)}的部署要求，{goal}。",
            lambda: "审核{}{}，提出修改意见{}条，审查率达{}。".format(
                *self.count(_REVIEWED), r.randint(5, 300), self.rate()),
            lambda: f"投入资金{r.randint(20, 9999)}万元，建成{self.measure()}，"
            f"上线事项{r.randint(20, 2000)}个。",
            lambda: f"对照{self.cited(0.3)}逐项细化任务清单，{goal}。",
            lambda: f"{self.own()}联合{self.own()}出台{self.cited(1.0)}，实行{self.measure()}。",
            lambda: "全{}共有{}{}，实现{}全覆盖。".format(self.p.level, *self.count(_PEOPLE),
                                                     self.measure()),
        )
        if r.random() < 0.5:  # half the sentences are prose that names nothing
            return f"{self.pick(_FILLER)}，{self.pick(_PROSE)}，{goal}。"
        return r.choice(templates)()

    def paragraph(self, n: int | None = None) -> str:
        return "".join(self.sentence() for _ in range(n or self.rng.randint(2, 5)))

    def label(self, i: int) -> str:
        num = _CN[i]
        return f"({num})" if self.half else f"（{num}）"

    def body(self, out: list[str], budget: int) -> None:
        """Subsections （一）… with 一是… paragraphs until the text reaches ``budget``."""
        written = sum(len(line) for line in out)
        for i in range(1, len(_CN)):
            if written >= budget:
                break
            head = f"{self.label(i)}{self.pick(_HEADINGS)}"
            out.append(head)
            written += len(head)
            for j in range(1, self.rng.randint(2, 4) + 1):
                para = f"{_CN[j]}是{self.pick(_HEADINGS)}。{self.paragraph()}"
                out.append(para)
                written += len(para)

    def boilerplate(self, out: list[str], title: str) -> None:
        if self.rng.random() < 0.5:
            out += ["关怀版 无障碍", f"您当前所在位置：首页>{self.p.county}政府信息公开>公告公示",
                    title, "访问量："]
        else:
            out.append(title)

    def finish(self, out: list[str], signer: str, year: int) -> str:
        out += [signer, self.date(year)]
        return "\n\n".join(out) + "\n"

    # -- kinds of text --------------------------------------------------------------------

    def report(self) -> str:
        p, y = self.p, self.year
        title = self.pick((f"{y}年度{p.county}法治政府建设情况的报告",
                           f"{p.county}{y}年法治政府建设工作情况报告"))
        out: list[str] = []
        self.boilerplate(out, title)
        out.append(f"{y}年，{p.county}{self.pick(_FILLER)}，认真落实省委、省政府和市委、市政府"
                   f"关于法治政府建设的决策部署，{self.paragraph(2)}现将有关情况报告如下：")
        out.append("一、主要举措和成效")
        self.body(out, self.target - 500)
        out.append("二、存在的问题和不足")
        out.append(f"{self.pick(_FILLER)}。{self.pick(_FILLER)}。")
        out.append(f"三、{y + 1}年工作安排")
        for j in range(1, self.rng.randint(3, 5)):
            out.append(f"{_CN[j]}是{self.pick(_HEADINGS)}。{self.paragraph(2)}")
        return self.finish(out, p.county + "人民政府", y + 1)

    def notice(self) -> str:
        p, y = self.p, self.year
        issuer = p.county + self.pick(("人民政府", "人民政府办公室", "司法局"))
        title = self.local_title()
        number = self.number()
        head = f"{issuer}关于印发{title}的通知"
        out: list[str] = []
        if self.rng.random() < 0.5:
            out += [f"发文机关：{issuer}", f"成文日期：{y}-0{self.rng.randint(1, 9)}-1"
                    f"{self.rng.randint(0, 9)}", f"发文字号：{number}", f"标题：{head}"]
        self.boilerplate(out, head)
        out += [number, f"各{p.town[-1]}人民政府、街道办事处，{p.level}政府各部门："]
        out.append(f"《{title}》已经{self.date(y)}{p.level}政府第{self.rng.randint(1, 40)}次"
                   f"常务会议审议通过，现印发给你们，请认真贯彻执行。")
        out += [issuer, self.date(y), title, "第一章　总则"]
        out.append(f"第一条　为了{self.pick(_GOALS)}，根据{self.cited(0.0)}{self.cited(0.2)}"
                   f"等有关规定，结合{p.county}实际，制定本办法。")
        art, written = 2, sum(len(line) for line in out)
        while written < self.target - 50:
            if art % 7 == 0:
                out.append(f"第{_CN[min(art // 7 + 1, len(_CN) - 1)]}章　{self.pick(_HEADINGS)}")
            para = f"第{_cn_number(art)}条　{self.paragraph(self.rng.randint(1, 3))}"
            out.append(para)
            written += len(para)
            art += 1
        out.append(f"第{_cn_number(art)}条　本办法自{self.date(y)}起施行。")
        return "\n".join(out) + "\n"

    def plan(self) -> str:
        p, y = self.p, self.year
        title = self.local_title()
        out: list[str] = []
        self.boilerplate(out, title)
        out.append(f"为贯彻落实{self.cited(0.0)}精神，{self.pick(_GOALS)}，结合我{p.level}实际，"
                   f"制定本方案。")
        out += ["一、总体要求", f"{self.label(1)}指导思想。{self.pick(_FILLER)}。",
                f"{self.label(2)}工作目标。到{y + 2}年，{self.paragraph(2)}", "二、主要任务"]
        self.body(out, self.target - 300)
        out += ["三、保障措施", f"{self.label(1)}加强组织领导。{self.paragraph(2)}"]
        return self.finish(out, self.issuer(), y)


_CN = "零一二三四五六七八九十"


def _cn_number(n: int) -> str:
    """Chinese numerals for article numbers 1-999: 十二, 二十三, 一百零五."""
    hundreds, rest = divmod(n, 100)
    tens, ones = divmod(rest, 10)
    if not hundreds:
        head = "" if tens == 0 else ("十" if tens == 1 else _CN[tens] + "十")
        return head + (_CN[ones] if ones else "")
    out = _CN[hundreds] + "百"
    if tens:
        out += _CN[tens] + "十"
    elif ones:
        out += "零"
    return out + (_CN[ones] if ones else "")
