"""Relations: member_of, part_of, carries_out and about, pinned on invented sentences."""

from __future__ import annotations

import hashlib

import pytest
from policykg.extract.api import extract_loaded
from policykg.extract.loaded import LoadedText
from policykg.ontology.records import AUTHOR, Extraction


def extract(text: str) -> Extraction:
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return extract_loaded(LoadedText("snippet.txt", text, sha, "txt"), "snippet")


def links(text: str, kind: str) -> set[tuple[str, str, str | None]]:
    ext = extract(text)

    def name(entity_id: str) -> str:
        if entity_id == AUTHOR:
            return AUTHOR
        entity = ext.entity(entity_id)
        return getattr(entity, "name", None) or getattr(entity, "title", None) or entity.text

    return {(name(link.source), name(link.target), link.trigger)
            for link in ext.links if link.kind == kind}


def test_relations_links_member_of_listed_members() -> None:
    text = "成立以县司法局、县法院、县检察院为成员单位的县行政争议化解中心，统筹化解行政争议。"
    assert links(text, "member_of") == {
        ("县司法局", "县行政争议化解中心", "成员单位"),
        ("县法院", "县行政争议化解中心", "成员单位"),
        ("县检察院", "县行政争议化解中心", "成员单位"),
    }


def test_relations_links_member_of_list_before_body() -> None:
    text = "区发改委、区商务局等优化营商环境工作领导小组成员单位按职责落实。"
    assert links(text, "member_of") == {
        ("区发改委", "优化营商环境工作领导小组", "成员单位"),
        ("区商务局", "优化营商环境工作领导小组", "成员单位"),
    }


@pytest.mark.parametrize(("text", "expected"), [
    ("县政府常务会议学法6次，县政府党组会议专题研究法治建设。",
     {("县政府党组", "县政府", "党组")}),
    ("县司法局内设县法律援助中心，为困难群众提供法律援助。",
     {("县法律援助中心", "县司法局", "内设")}),
    ("县行政复议局设在县司法局，负责办理行政复议案件。",
     {("县行政复议局", "县司法局", "设在")}),
])
def test_relations_links_part_of(text: str, expected: set) -> None:
    assert links(text, "part_of") == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("县市场监管局全面推行“证照联办”，压缩办理时限。", {("县市场监管局", "证照联办", "全面推行")}),
    ("在市委、市政府坚强领导下，全面推行“首违不罚”清单制度。",
     {(AUTHOR, "首违不罚", "全面推行")}),
    ("深化“一网通办”改革。（牵头单位：县行政审批局；责任单位：县直各部门）",
     {(AUTHOR, "一网通办", "深化"), ("县行政审批局", "一网通办", "牵头单位")}),
])
def test_relations_links_carries_out(text: str, expected: set) -> None:
    assert links(text, "carries_out") == expected


def test_relations_links_about_nearest_measure() -> None:
    text = "全面推行证明事项告知承诺制，全年12580件行政许可事项实行告知承诺制。"
    assert links(text, "about") == {("12580件", "告知承诺制", None)}


def test_relations_links_sentence_is_the_figures() -> None:
    text = "区政府深化改革。\n全年12580件行政许可事项实行告知承诺制。"
    ext = extract(text)
    about = [link for link in ext.links if link.kind == "about"]
    assert len(about) == 1
    assert ext.sentences[about[0].sentence].text.startswith("全年12580件")


def test_relations_links_long_sentence_keeps_each_clause() -> None:
    # one sentence of 600 clauses: each measure keeps its own clause's agency and verb,
    # each figure the measure printed before it (not the sentence's first or last ones)
    clauses = ("区司法局推行“首违不罚”，办结86件，", "区法院实行“一次办好”，",
               "在区委领导下，区检察院深化“阳光检务”，受理120件，")
    text = "".join(clauses) * 200 + "成效明显。"
    assert len(extract(text).sentences) == 1
    assert links(text, "carries_out") == {
        ("区司法局", "首违不罚", "推行"),
        ("区法院", "一次办好", "实行"),
        ("区检察院", "阳光检务", "深化"),
    }
    assert links(text, "about") == {("86件", "首违不罚", None), ("120件", "阳光检务", None)}


def test_relations_links_lead_notes_on_many_lines() -> None:
    text = "".join(f"{i}、深化“一网通办”改革。（牵头单位：县行政审批局、县司法局；"
                   "责任单位：县直各部门）\n" for i in range(1, 300))
    assert links(text, "carries_out") == {
        (AUTHOR, "一网通办", "深化"),
        ("县行政审批局", "一网通办", "牵头单位"),
        ("县司法局", "一网通办", "牵头单位"),
    }
