"""Resolution gives every entity the key that makes the same thing one node across texts."""

from __future__ import annotations

import pytest
from policykg.graph.resolve import agency_key, normalise_title, parse_place, resolve
from policykg.ontology.records import AgencyRecord, Extraction, TextMeta

DISTRICT = "云岭省雾溪市松涛区"  # fictional
COUNTY_CITY = "云岭省雾溪市青桐市"  # a county-level city under 雾溪市
CITY = "雾溪市"


@pytest.mark.parametrize(("printed", "jurisdiction", "key"), [
    # a district body printed by its level word is the district's
    ("区司法局", DISTRICT, "松涛区司法局"),
    ("区人民法院", DISTRICT, "松涛区人民法院"),
    # names that already carry the place are not qualified twice; a place the gazetteer
    # does not know is named from its own level (a text of 松涛区 alone cannot know its city)
    ("松涛区司法局", DISTRICT, "松涛区司法局"),
    ("雾溪市松涛区司法局", DISTRICT, "松涛区司法局"),
    ("雾溪市司法局", DISTRICT, "雾溪市司法局"),
    # 市 in a district text points at the city above; in a county-level city, at itself
    ("市司法局", DISTRICT, "雾溪市司法局"),
    ("市委", DISTRICT, "中共雾溪市委员会"),
    ("市委", COUNTY_CITY, "中共青桐市委员会"),
    ("青桐市委", COUNTY_CITY, "中共青桐市委员会"),
    ("中共青桐市委", COUNTY_CITY, "中共青桐市委员会"),
    ("中共雾溪市委", DISTRICT, "中共雾溪市委员会"),
    ("省委", DISTRICT, "中共云岭省委员会"),
    ("省司法厅", DISTRICT, "云岭省司法厅"),
    # national bodies are the same everywhere
    ("国务院", DISTRICT, "国务院"),
    ("司法部", CITY, "司法部"),
    ("中共中央", CITY, "中共中央"),
    # a bare name is the text's own place's; 市场 is a word, not the level word 市
    ("市场监督管理局", DISTRICT, "松涛区市场监督管理局"),
    ("全面依法治区委员会", DISTRICT, "松涛区全面依法治区委员会"),
    ("城市管理局", DISTRICT, "松涛区城市管理局"),
    # a level the place does not name is kept apart per place, never merged
    ("省委", CITY, "雾溪市|省委"),
])
def test_resolve_agency_key_qualifies_by_place(printed, jurisdiction, key):
    place, _ = parse_place(jurisdiction)
    assert agency_key(printed, place) == key


@pytest.mark.parametrize(("printed", "key"), [
    ("市人民政府", "t9|市人民政府"), ("司法局", "t9|司法局"), ("国务院", "国务院"),
    ("雾溪市司法局", "雾溪市司法局"),
])
def test_resolve_agency_without_place_stays_in_its_text(printed, key):
    assert agency_key(printed, None, "t9") == key


def test_resolve_agency_same_body_in_two_texts_is_one_key():
    district, _ = parse_place(DISTRICT)
    other, _ = parse_place("云岭省雾溪市白鹭县")
    assert agency_key("区司法局", district) != agency_key("县司法局", other)
    assert agency_key("市司法局", district) == agency_key("市司法局", other)


@pytest.mark.parametrize(("a", "b"), [
    ("法治政府建设实施纲要（2021—2025年）", "法治政府建设实施纲要(2021-2025年)"),
    ("法治政府建设实施纲要（2021－2025年）", "法治政府建设实施纲要 (2021–2025年)"),
    ("关于推行“首违不罚”清单的通知", "关于推行「首违不罚」清单的通知"),
    ("雾溪省落实〈实施纲要〉重要举措方案", "雾溪省落实《实施纲要》重要举措方案"),
    ("松涛区  行政执法——监督办法", "松涛区行政执法-监督办法"),
])
def test_resolve_title_variants_share_a_key(a, b):
    assert normalise_title(a) == normalise_title(b)


def test_resolve_title_keeps_different_titles_apart():
    assert normalise_title("雾溪市行政执法监督办法") != normalise_title("雾溪市行政执法监督规定")


@pytest.mark.parametrize(("meta", "place_name"), [
    (TextMeta(jurisdiction="云岭省雾溪市松涛区"), "松涛区"),
    (TextMeta(jurisdiction="雾溪市松涛区"), "松涛区"),
    (TextMeta(author="雾溪市松涛区人民政府"), "松涛区"),  # no jurisdiction printed
    (TextMeta(author="司法部"), None),
    (TextMeta(jurisdiction="云岭彝族苗族自治州青桐县"), "青桐县"),
    (TextMeta(jurisdiction="雾溪维吾尔自治区"), "雾溪维吾尔自治区"),
    (TextMeta(author="中共雾溪市委办公室、雾溪市人民政府办公室"), "雾溪市"),
])
def test_resolve_jurisdiction_from_meta_or_author(meta, place_name):
    extraction = Extraction("t", "t.txt", "0" * 64, "x", meta=meta)
    resolved = resolve(extraction)
    assert (resolved.jurisdiction.label if resolved.jurisdiction else None) == place_name


def test_resolve_author_link_subject_is_the_author_agency():
    extraction = Extraction(
        "t", "t.txt", "0" * 64, "区司法局",
        meta=TextMeta(author="区司法局", jurisdiction=DISTRICT),
        agencies=[AgencyRecord("a1", "区司法局", "区司法局")],
    )
    resolved = resolve(extraction)
    assert resolved.lookup("author") == [resolved.entities["a1"]]
    assert resolved.authors[0].label == "松涛区司法局"
    assert resolved.authors[0].printed == ("区司法局",)


def test_resolve_joint_authors_are_each_an_agency():
    extraction = Extraction(
        "t", "t.txt", "0" * 64, "x",
        meta=TextMeta(author="中共云岭省委办公厅、云岭省人民政府办公厅", jurisdiction="云岭省"),
    )
    labels = [a.label for a in resolve(extraction).lookup("author")]
    assert labels == ["中共云岭省委办公厅", "云岭省人民政府办公厅"]
