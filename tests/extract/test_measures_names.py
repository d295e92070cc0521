"""Measures: named reforms, systems and platforms in invented sentences, and what is not one."""

from __future__ import annotations

import pytest
from policykg.extract.pipeline import shared_pipeline


def measures(text: str) -> dict[str, str | None]:
    doc = shared_pipeline()(text)
    return {s._.canonical: s._.attrs["kind"] for s in doc.spans["measures"]}


@pytest.mark.parametrize(("text", "expected"), [
    ("深入推进“放管服”改革，全面推行“一网通办”“跨省通办”，打造“平江通”政务服务品牌。",
     {"放管服", "一网通办", "跨省通办", "平江通"}),
    ("全面实行告知承诺制，推行行政审批信用承诺制。", {"告知承诺制", "行政审批信用承诺制"}),
    ("建立健全守信激励和失信惩戒机制，全面推行权力清单和责任清单制度。",
     {"守信激励和失信惩戒机制", "权力清单和责任清单制度"}),
    ("积极推行首问负责、限时办结、服务承诺等制度。", {"首问负责", "限时办结", "服务承诺"}),
    ("深入开展“‘五减’‘三提升’”专项行动。", {"五减", "三提升"}),
    ("着力打造“马上办、网上办、就近办”的审批服务模式。", {"马上办、网上办、就近办"}),
    ("扎实推进“双随机、一公开”工作，确保监管公平公正。", {"双随机、一公开"}),
    ("入选全省第一批法治化营商环境改革试点。", {"法治化营商环境改革试点"}),
    # unquoted X工程 / X行动 / X平台 / X系统 with a name of their own
    ("深入实施法律援助惠民工程，开展百日攻坚行动和清风行动。",
     {"法律援助惠民工程", "百日攻坚行动", "清风行动"}),
    ("开展净网行动和护苗行动，实施雪亮工程。", {"净网行动", "护苗行动", "雪亮工程"}),
    ("深入实施全民健身促进行动。", {"全民健身促进行动"}),
    # nationally known measures printed without quotes: the name alone, as when quoted
    ("深化放管服改革，推行证照分离改革，全面推行一网通办，落实首违不罚，培育法律明白人，"
     "推进最多跑一次改革，推进互联网＋监管。",
     {"放管服", "证照分离", "一网通办", "首违不罚", "法律明白人", "最多跑一次", "互联网+监管"}),
    # a preposition or a verb opening the clause is not part of the name
    ("随着行政综合执法改革的不断深入，针对证明事项告知承诺制开展评估，助力新动能壮大工程。",
     {"行政综合执法改革", "证明事项告知承诺制", "新动能壮大工程"}),
    ("兰山县人民政府关于2023年度法治政府建设情况的报告\n建成兰山县矛盾纠纷多元化解平台，"
     "依托嘉兴市行政执法监督信息系统开展监督。",
     {"兰山县矛盾纠纷多元化解平台", "嘉兴市行政执法监督信息系统"}),
    # items of a 、 list that each carry their own head are each a named system
    ("全面推行行政执法公示制度、执法全过程记录制度。", {"行政执法公示制度", "执法全过程记录制度"}),
    ("全面推行河长制、林长制，落实河湖长制，反对家长制作风，破解增长制约。",
     {"河长制", "林长制", "河湖长制"}),
    ("全面推行首问负责制、限时办结制，实行重点项目全程代办制和容缺受理制。",
     {"首问负责制", "限时办结制", "重点项目全程代办制", "容缺受理制"}),
    # a quoted list with no cue word: a numbered formula or service modes, one measure
    ("企业开办实现“线上一网、线下一窗”，全面推行“一周一学、一月一考”。",
     {"线上一网、线下一窗", "一周一学、一月一考"}),
    ("群众办事可以“马上办、网上办、就近办”，少跑腿。", {"马上办、网上办、就近办"}),
    # a name of digits alone is a measure only as a method or programme
    ("城管推行“721”工作法，实施“1235”工程，畅通“12345”热线。", {"721", "1235"}),
    # a mechanism linking two fields keeps the 与 that joins them in its name
    ("完善行政执法与刑事司法衔接机制，健全诉讼与非诉讼衔接机制。",
     {"行政执法与刑事司法衔接机制", "诉讼与非诉讼衔接机制"}),
    ("两院分别与县司法局建立府院联席会议制度、行政检察与行政执法衔接机制。",
     {"府院联席会议制度", "行政检察与行政执法衔接机制"}),
    # a boundary word that is the stem of a longer word does not cut the name
    ("建立规范性文件动态清理机制，实行法治化营商环境评价制度。",
     {"规范性文件动态清理机制", "法治化营商环境评价制度"}),
    # a notice's heading or a result names the measure after its verb
    ("枫林县人民政府关于印发枫林县行政执法责任制实施办法的通知\n"
     "全县实现行政争议实质性化解机制全覆盖。",
     {"枫林县行政执法责任制", "行政争议实质性化解机制"}),
    # the body that runs a measure is not part of its name
    ("县市场监管局双随机抽查机制全面推行，区司法局“法律明白人”工程成效明显。",
     {"双随机抽查机制", "法律明白人"}),
    # an app's brand printed without quotes before what it is
    ("依托赣服通平台办理，上线兰山通APP，建设智慧交通平台，开通督办平台。", {"赣服通", "兰山通"}),
])
def test_measures_names_found(text: str, expected: set[str]) -> None:
    assert set(measures(text)) == expected


@pytest.mark.parametrize("text", [
    "坚决做到“两个维护”，为“十四五”开好局，深入实施“八五”普法。",
    "有效防范“民转刑”案件发生，按照“公开、公平、公正”原则办理。",
    "保持“敢为、实干、争先”的精神状态，贯彻“人民至上、生命至上”重要理念。",
    "开展“2023年法治平江建设群众满意度调查”，获评“全省法治宣传教育先进案例”。",
    "印发《关于推行“容缺受理”制度的通知》。",
    "全县“三公”经费持续下降，“两高”目标如期实现。",
    "组建“红枫叶”普法志愿者服务队，开展送法进社区活动。",
    "立足“一个中心、三大职能”工作布局，保持“敢闯、敢试、敢为”的精神状态。",
    "健全突发事件应对工作机制，深化行政复议体制改革，推进行政审批制度改革。",
    # generic campaigns and works, sectors, platforms named only by what they do
    "开展专项整治行动和联合执法行动，以实际行动践行承诺，完成四个专项行动。",
    "加快推进水利工程和道路改造工程建设，纳入全市重点工程。",
    "采取有力行动，开展夏季行动，实施民生工程，杜绝形象工程，开展整改行动和打击行动。",
    "全市司法行政系统开展练兵，在政府信息公开平台公开，为工作提供行动指南。",
    "依托省一体化政务服务平台，通过市公共信用信息平台共享数据。",
    # a head inside a body's name, and bodies before a generic head
    "配合省发展改革委开展涉企收费清理，区委改革办督促整改。",
    "建立市法院与市司法局衔接机制，完善县人民法院行政审判庭与县司法局协作机制。",
    "经过三次市机构改革领导小组组长会议审定，成立县营商环境改革工作专班。",
    # 行 ending a verb before a word starting with 动 makes no 行动
    "对权责清单进行动态管理，组织全体干部进行动员部署。",
    # quoted lists that are slogans or political formulas, and quoted labels
    "弘扬“敢闯、敢试、敢为”作风，做到“四个意识、四个自信”，坚持“马上就办、真抓实干”。",
    "全省率先实现示范县“满堂红”，法律顾问实现“全覆盖”，连续三年保持“零事故”。",
    "构建“一核两翼”发展格局，组建“蒲公英”普法宣讲团，设立“老杨调解工作室”。",
    "调解员老杨被群众亲切地称为“和事佬”，该镇被誉为“枫叶小镇”。",
    "开展“最美公务员”“十佳法治人物”“优秀调解员”评选。",
    "坚持“一手抓发展、一手抓法治”，做到“一张蓝图绘到底、一任接着一任干”。",
    "发挥考核“指挥棒”作用，打通服务群众“最后一公里”，防止“层层加码”，明确“时间表”“路线图”。",
    # the topic of a lecture or a course, and the goal of the whole genre
    "邀请专家作“依法决策”专题讲座，举办“法治素养提升”培训班，落实“法治政府”考核指标。",
    "将“全面依法治县”列入年度考核，健全党领导法治建设制度机制。",
    "全程网办率达到92.4%，印发《关于推行容缺受理制度的通知》。",
    # a list that states the general requirements
    "牢牢把握“讲政治、顾大局、谋发展、重自强”总体要求。",
    # a headline quoted, and a list of the year's events
    "“松溪法院获评全省‘办实事示范法院’”入选全市“十大法治事件”。",
    # a cue word past the clause's end is not the quoted list's
    "交出“法护营商、法护民生”的答卷，推动工作落实。",
    "围绕“3·15”国际消费者权益日、“12·4”国家宪法日开展宣传，畅通“12345”热线。",
    "形成“一主两副多点”空间结构，理清“一二三四”工作思路，弘扬“马上就办、真抓实干”作风。",
])
def test_measures_names_not_found(text: str) -> None:
    assert measures(text) == {}


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("深入推进“放管服”改革。", "放管服", "改革"),
    ("建立“首席服务专员”制度。", "首席服务专员", "制度"),
    ("全面实行告知承诺制。", "告知承诺制", "制"),
    ("上线“平江政务”服务平台。", "平江政务", None),
    ("实施法律援助惠民工程。", "法律援助惠民工程", "工程"),
    ("开展百日攻坚行动。", "百日攻坚行动", "行动"),
    ("建成嘉兴市智慧城管平台。", "嘉兴市智慧城管平台", "平台"),
    ("深化证照分离改革。", "证照分离", "改革"),
])
def test_measures_names_kind(text: str, name: str, kind: str | None) -> None:
    assert measures(text)[name] == kind
