"""Titles in 《》: what counts as a cited document, its title, canonical form and type."""

from __future__ import annotations

import pytest
from policykg.extract.pipeline import shared_pipeline
from policykg.extract.titles import canonical_title


def documents(text: str) -> list[tuple[str, str]]:
    doc = shared_pipeline()(text)
    return [(text[s.start_char:s.end_char], s._.canonical) for s in doc.spans["documents"]]


def titles(text: str) -> list[str]:
    return ["".join(t.split()) for t, _ in documents(text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("区政府印发《松溪区优化营商环境若干措施》，全面推行一网通办。",
     ["松溪区优化营商环境若干措施"]),
    # two titles printed together are two documents
    ("制定《云岭市法治建设规划（2021-2025）》《2023年云岭市法治建设工作要点》。",
     ["云岭市法治建设规划（2021-2025）", "2023年云岭市法治建设工作要点"]),
    # the outermost title keeps what is nested inside it
    ("根据《青川省人民政府关于印发〈青川省行政执法公示办法〉的通知》精神，",
     ["青川省人民政府关于印发〈青川省行政执法公示办法〉的通知"]),
    ("根据《省政府办公厅关于印发《青川省政务公开要点》的通知》要求，",
     ["省政府办公厅关于印发《青川省政务公开要点》的通知"]),
    ("印发《关于实行“企业安静生产期”制度的通知》等文件。",
     ["关于实行“企业安静生产期”制度的通知"]),
    # white space inside a title (a line broken in the source) is removed
    ("出台《松溪区进一步优化营商环境 \n实施方案》，", ["松溪区进一步优化营商环境实施方案"]),
    # a title cut off by the end of the text is not a document
    ("认真贯彻《法治政府建设实施纲要》，落实《松溪区法治政府建设实", ["法治政府建设实施纲要"]),
    # a 《 that runs into the next sentence was never a title
    ("学习《宪法。区司法局印发《松溪区普法计划》。", ["松溪区普法计划"]),
    ("学习《宪法，贯彻《松溪区普法条例》。", ["松溪区普法条例"]),
    ("根据《松溪区人民政府关于印发《松溪区普法规划》的通", []),
    ("本年度没有引用任何文件。", []),
])
def test_titles_found_as_printed(text: str, expected: list[str]) -> None:
    assert titles(text) == expected


@pytest.mark.parametrize("definition", [
    "（以下简称《纲要》）", "(以下简称《纲要》)", "（以下简称“纲要”）", "（简称《纲要》）",
    "（国发〔2021〕5号，以下简称《纲要》）", "（下称“《纲要》”）",
])
def test_titles_abbreviation_is_the_full_document(definition: str) -> None:
    text = (f"贯彻落实《云岭市法治政府建设纲要（2021—2025年）》{definition}，"
            "区司法局对照《纲要》逐项推进，并将《纲要》任务分解到各部门。")
    doc = shared_pipeline()(text)
    spans = list(doc.spans["documents"])
    assert {s._.canonical for s in spans} == {"云岭市法治政府建设纲要(2021-2025年)"}
    assert spans[0]._.attrs["abbreviation"] == "纲要"
    assert all(text[s.start_char:s.end_char] != "纲要" or s._.attrs.get("abbreviates")
               for s in spans)


@pytest.mark.parametrize(("title", "doc_type"), [
    ("中华人民共和国行政复议法", "法"),
    ("青川省行政执法条例", "条例"),
    ("云岭市重大行政决策程序规定", "规定"),
    ("松溪区行政规范性文件管理办法（试行）", "办法"),
    ("松溪区城市精细化管理实施细则", "细则"),
    ("关于深入推进审批服务便民化的实施意见", "意见"),
    ("关于进一步加强行政复议工作的通知", "通知"),
    ("松溪区法治政府建设实施方案（2021—2025年）", "方案"),
    ("2023年松溪区政务公开工作要点", "要点"),
    ("松溪区轻微违法行为不予处罚清单（第一批）", "清单"),
    ("法治政府建设实施纲要(2021-2025年)", "纲要"),
    ("松溪区突发事件总体应急预案", "预案"),
    ("云岭市生态环境局关于2022年度法治政府建设情况的报告", "报告"),
    ("市县法治政府建设示范指标体系", "体系"),
    ("重大行政决策事项目录", "目录"),
    ("关于同意设立松溪经济开发区的批复", "批复"),
    ("习近平总书记关于全面依法治国的重要论述", None),
])
def test_titles_doc_type_from_the_ending(title: str, doc_type: str | None) -> None:
    doc = shared_pipeline()(f"学习《{title}》。")
    assert doc.spans["documents"][0]._.attrs["doc_type"] == doc_type


@pytest.mark.parametrize(("printed", "canonical"), [
    ("法治政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要(2021-2025年)"),
    ("法治政府建设实施纲要(2021－2025 年)", "法治政府建设实施纲要(2021-2025年)"),
    ("关于实行“容缺受理”制度的通知", '关于实行"容缺受理"制度的通知'),
    ("关于印发〈松溪区规划〉的通知", "关于印发《松溪区规划》的通知"),
])
def test_titles_canonical_form(printed: str, canonical: str) -> None:
    assert canonical_title(printed) == canonical
