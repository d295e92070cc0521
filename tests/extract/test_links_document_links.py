"""issued, implements and establishes links, on fictional sentences in the genre.

The agencies and measures are marked by hand here, so these tests pin the link rules
alone (the agencies component has its own tests).
"""

from __future__ import annotations

import re

import pytest
from policykg.extract.pipeline import shared_pipeline
from spacy.tokens import Doc


def annotate(text: str, agencies: tuple[str, ...] = (), measures: tuple[str, ...] = ()) -> Doc:
    nlp = shared_pipeline()
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "links":
            break
        if name not in ("agencies", "measures", "figures"):
            doc = proc(doc)
    doc.spans["agencies"] = _mark(doc, agencies, "AGENCY")
    doc.spans["measures"] = _mark(doc, measures, "MEASURE")
    return nlp.get_pipe("links")(doc)


def _mark(doc: Doc, names: tuple[str, ...], label: str) -> list:
    found = sorted({(m.start(), m.end()) for name in names
                    for m in re.finditer(re.escape(name), doc.text)})
    inside = [(s.start_char, s.end_char) for s in doc.spans["documents"]]
    spans = []
    for start, end in found:
        if any(a <= start < b for a, b in inside) or (spans and start < spans[-1].end_char):
            continue
        spans.append(doc.char_span(start, end, label=label))
    return spans


def pairs(doc: Doc, kind: str) -> set[tuple[str, str]]:
    def name(ref) -> str:
        if ref == "author":
            return "author"
        key, index = ref
        span = doc.spans[key][index]
        return "".join(span.text.split())
    return {(name(link["source"]), name(link["target"]))
            for link in doc._.links if link["kind"] == kind}


@pytest.mark.parametrize(("text", "agencies", "expected"), [
    ("年初，区政府印发了《松溪区依法行政工作安排》。", ("区政府",),
     {("区政府", "松溪区依法行政工作安排")}),
    ("结合我市实际，市委、市政府联合印发了《云岭市法治政府建设实施方案》（云发〔2022〕3号）。",
     ("市委", "市政府"),
     {("市委", "云岭市法治政府建设实施方案"), ("市政府", "云岭市法治政府建设实施方案")}),
    ("认真落实中共中央、国务院印发的《法治政府建设实施纲要》和省委依法治省委印发的"
     "《青川省落实〈纲要〉重要举措方案》。",
     ("中共中央", "国务院", "省委依法治省委"),
     {("中共中央", "法治政府建设实施纲要"), ("国务院", "法治政府建设实施纲要"),
      ("省委依法治省委", "青川省落实〈纲要〉重要举措方案")}),
    # the subject opens an earlier clause of the sentence
    ("省委召开常委会会议，传达学习有关会议精神，审议通过《法治青川建设规划》、"
     "《青川省法治社会建设实施方案》，并以省委名义印发实施。", ("省委",),
     {("省委", "法治青川建设规划"), ("省委", "青川省法治社会建设实施方案")}),
    ("市委发挥总揽全局作用，市政府扛起主体责任，研究制定《云岭市2024年法治政府建设工作要点》。",
     ("市委", "市政府"), {("市政府", "云岭市2024年法治政府建设工作要点")}),
    ("区政府主要负责人多次调度部署，并指导制定下发《松溪区法治政府建设实施方案》。",
     ("区政府",), {("区政府", "松溪区法治政府建设实施方案")}),
    ("市司法局会同市财政局、市审计局等部门联合印发《云岭市行政执法经费管理办法》。",
     ("市司法局", "市财政局", "市审计局"),
     {("市司法局", "云岭市行政执法经费管理办法"), ("市财政局", "云岭市行政执法经费管理办法"),
      ("市审计局", "云岭市行政执法经费管理办法")}),
    ("经市政府第12次常务会议审议通过的《云岭市物业管理条例》自2023年1月1日起施行。",
     ("市政府",), {("市政府", "云岭市物业管理条例")}),
    # passive: the document first, the body after 经/由
    ("《松溪区行政执法公示办法》由区人民政府办公室印发，区司法局负责解释。",
     ("区人民政府办公室", "区司法局"), {("区人民政府办公室", "松溪区行政执法公示办法")}),
    ("《松溪区信用修复办法》经区政府同意后，由区发展改革委印发，自公布之日起施行。",
     ("区政府", "区发展改革委"), {("区发展改革委", "松溪区信用修复办法")}),
    # a number in any bracket pair between the titles of a list
    ("区政府印发了《松溪区河道保洁方案》【松府办〔2021〕27号】、《松溪区河长巡河办法》"
     "［松府发〔2021〕3号］。", ("区政府",),
     {("区政府", "松溪区河道保洁方案"), ("区政府", "松溪区河长巡河办法")}),
    ("区政府印发了《松溪区河道保洁方案》（试行）（松府办〔2021〕27号）和《松溪区河长巡河办法》。",
     ("区政府",), {("区政府", "松溪区河道保洁方案"), ("区政府", "松溪区河长巡河办法")}),
    # drafted by one body, put before another that adopts it: both (the guide's "drafted
    # or adopted"); a drafter left out of the sentence is no one
    ("区司法局牵头起草《松溪区行政执法公示办法》，提请区政府审议通过。", ("区司法局", "区政府"),
     {("区司法局", "松溪区行政执法公示办法"), ("区政府", "松溪区行政执法公示办法")}),
    ("起草《松溪区行政执法公示办法》，提请区政府常务会议审议通过后印发实施。", ("区政府",),
     {("区政府", "松溪区行政执法公示办法")}),
    ("修订《云岭市物业管理条例》，报市人大常委会审议通过。", ("市人大常委会",),
     {("市人大常委会", "云岭市物业管理条例")}),
    ("起草《松溪区行政执法公示办法》，提请区政府研究。", ("区政府",), set()),
    ("区司法局代区政府起草了《松溪区行政执法公示办法》。", ("区司法局", "区政府"),
     {("区司法局", "松溪区行政执法公示办法")}),
    ("《云岭市物业管理条例》于2023年3月12日经市人大常委会审议通过。", ("市人大常委会",),
     {("市人大常委会", "云岭市物业管理条例")}),
    # no named body says it: no link
    ("在市委、市政府的坚强领导下，制定出台《松溪区重大行政决策程序规定》。", ("市委", "市政府"),
     set()),
    ("为加强制度建设，我区制定出台了《关于加强行政应诉工作的通知》（松政发〔2020〕21号）。", (),
     set()),
    ("组织召开区委全面依法治区委员会会议，制定《松溪区法治建设规划》。",
     ("区委全面依法治区委员会",), set()),
    ("将学习内容纳入区委理论学习中心组学习计划，印发《2023年度区政府常务会议学法计划》。",
     ("区委理论学习中心组",), set()),
    ("按照市委、市政府关于《云岭市法治政府建设实施方案》的总体要求，扎实推进各项工作。",
     ("市委", "市政府"), set()),
    ("落实中共中央、国务院《法治政府建设实施纲要》重大决策部署。", ("中共中央", "国务院"), set()),
])
def test_links_issued_by_a_named_body(text: str, agencies: tuple[str, ...],
                                      expected: set) -> None:
    assert pairs(annotate(text, agencies), "issued") == expected


NOTICE = (
    "各镇人民政府，区直各部门：\n"
    "《松溪区重大行政决策程序规定》已经区政府第13次常务会议审议通过，现印发给你们，"
    "请认真贯彻执行。\n"
    "松溪区人民政府\n2023年7月21日\n"
    "松溪区重大行政决策程序规定\n"
    "第一条 为了规范重大行政决策程序，根据《重大行政决策程序暂行条例》（国务院令第713号）、"
    "《青川省重大行政决策程序规定》等有关规定，结合本区实际，制定本规定。\n"
)


def test_links_notice_transmittal_and_implements() -> None:
    doc = annotate(NOTICE, ("区政府",))
    assert doc._.meta["author"] == "松溪区人民政府"
    assert pairs(doc, "issued") == {("区政府", "松溪区重大行政决策程序规定"),
                                    ("author", "松溪区重大行政决策程序规定")}
    assert pairs(doc, "implements") == {
        ("松溪区重大行政决策程序规定", "重大行政决策程序暂行条例"),
        ("松溪区重大行政决策程序规定", "青川省重大行政决策程序规定")}


def test_links_notice_heading_issues_its_document() -> None:
    text = ("云岭市人民政府办公室关于印发《云岭市社会信用体系建设方案》的通知\n"
            "各县（市、区）人民政府：\n经市政府同意，现将方案印发给你们，请认真组织实施。\n")
    doc = annotate(text, ("云岭市人民政府办公室", "市政府"))
    assert pairs(doc, "issued") == {("云岭市人民政府办公室", "云岭市社会信用体系建设方案")}


@pytest.mark.parametrize(("text", "expected"), [
    ("贯彻落实国家、省《法治政府建设实施纲要》，结合本地实际，制定《松溪区法治政府建设实施方案》。",
     {("松溪区法治政府建设实施方案", "法治政府建设实施纲要")}),
    ("区政府根据《青川省行政执法条例》制定《松溪区行政执法公示办法》。",
     {("松溪区行政执法公示办法", "青川省行政执法条例")}),
    # 「制定本办法」 with no document the text itself issues: nothing to link
    ("根据《青川省行政规范性文件管理办法》，结合本区实际，制定本办法。", set()),
])
def test_links_implements(text: str, expected: set) -> None:
    assert pairs(annotate(text), "implements") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("严格落实企业“安静生产期”制度，印发《关于实行“企业安静生产期”制度的通知》，"
     "明确每月1-25日为“企业安静生产期”。",
     {("关于实行“企业安静生产期”制度的通知", "企业安静生产期")}),
    ("印发《关于“企业安静生产期”落实情况的通报》，通报“企业安静生产期”执行情况。", set()),
])
def test_links_establishes_a_measure(text: str, expected: set) -> None:
    doc = annotate(text, measures=("企业安静生产期",))
    assert pairs(doc, "establishes") == expected


def test_links_carry_sentence_and_trigger() -> None:
    doc = annotate("松溪区持续推进法治建设。区政府印发《松溪区普法规划》。", ("区政府",))
    (link,) = doc._.links
    assert link["sentence"] == 1
    assert link["trigger"] == "印发"


def test_links_joint_authors_issue_one_by_one() -> None:
    text = ("各市（州）人民政府：\n现将《青川省营商环境考核办法》印发给你们，请认真贯彻执行。\n"
            "中共青川省委办公厅 青川省人民政府办公厅\n2023年4月2日\n")
    doc = annotate(text, ("中共青川省委办公厅", "青川省人民政府办公厅"))
    assert doc._.meta["author"] == "中共青川省委办公厅、青川省人民政府办公厅"
    assert pairs(doc, "issued") == {("中共青川省委办公厅", "青川省营商环境考核办法"),
                                    ("青川省人民政府办公厅", "青川省营商环境考核办法")}
