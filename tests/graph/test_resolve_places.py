"""A text's place is completed from the GB/T 2260 gazetteer, so texts that print the same
place differently key its agencies alike; places the gazetteer does not know (fictional
ones) are keyed from their own level, so a shorter printed form meets the longer one."""

from __future__ import annotations

import pytest
from policykg.graph.query import named_query, run_local
from policykg.graph.resolve import agency_key, parse_place, resolve
from policykg.graph.store import open_store
from policykg.ontology.records import AgencyRecord, Extraction, TextMeta

from policykg.pipeline import build


def _text(jurisdiction: str, *agencies: str) -> Extraction:
    records = [AgencyRecord(f"a{i}", name, name) for i, name in enumerate(agencies)]
    return Extraction("t", "t.txt", "0" * 64, "x", meta=TextMeta(jurisdiction=jurisdiction),
                      agencies=records)


@pytest.mark.parametrize(("printed_forms", "place_key", "province"), [
    (("章贡区", "赣州市章贡区", "江西省赣州市章贡区", "江西省章贡区"), "赣州市章贡区", "江西省"),
    (("瑞金市", "赣州市瑞金市", "江西省瑞金市"), "赣州市瑞金市", "江西省"),  # county-level 市
    (("北京市朝阳区",), "北京市朝阳区", None),  # a municipality is the city
    (("长春市朝阳区", "吉林省长春市朝阳区", "吉林省朝阳区"), "长春市朝阳区", "吉林省"),
])
def test_resolve_places_printed_forms_are_one_place(printed_forms, place_key, province):
    for printed in printed_forms:
        resolved = resolve(_text(printed))
        assert resolved.jurisdiction.key == place_key, printed
        assert resolved.place.province == province, printed


@pytest.mark.parametrize(("jurisdictions", "agency", "key"), [
    (("章贡区", "赣州市章贡区", "江西省赣州市章贡区"), "区司法局", "赣州市章贡区司法局"),
    (("章贡区", "赣州市章贡区", "江西省赣州市章贡区"), "章贡区司法局", "赣州市章贡区司法局"),
    (("章贡区", "江西省赣州市章贡区"), "江西省赣州市章贡区司法局", "赣州市章贡区司法局"),
    (("北京市朝阳区", "北京市朝阳区建外街道"), "朝阳区司法局", "北京市朝阳区司法局"),
])
def test_resolve_places_agency_is_one_iri_whatever_the_place_printed(jurisdictions, agency,
                                                                     key):
    entities = [resolve(_text(j, agency)).entities["a0"] for j in jurisdictions]
    assert {e.key for e in entities} == {key}
    assert len({e.iri for e in entities}) == 1


@pytest.mark.parametrize(("jurisdiction", "agency", "key"), [
    # the level above a county comes from the gazetteer, spelt as extract spells 赣州市委
    ("章贡区", "市委", "中共赣州市委员会"),
    ("章贡区", "市人民政府", "赣州市人民政府"),
    ("章贡区", "省委", "中共江西省委员会"),
    ("章贡区", "省人民政府", "江西省人民政府"),
    ("赣州市", "省委", "中共江西省委员会"),
    ("瑞金市", "市委", "中共赣州市瑞金市委员会"),  # its own 市委, as before
    ("北京市朝阳区", "市委", "中共北京市委员会"),
    ("北京市朝阳区", "省委", "北京市朝阳区|省委"),  # a municipality has no province
    ("章贡区", "江西省人民政府", "江西省人民政府"),
    ("章贡区", "江西省赣州市司法局", "赣州市司法局"),
])
def test_resolve_places_upper_levels_from_the_gazetteer(jurisdiction, agency, key):
    place, _ = parse_place(jurisdiction)
    assert agency_key(agency, place) == key


@pytest.mark.parametrize(("ambiguous", "readings"), [
    ("朝阳区", ("北京市朝阳区", "长春市朝阳区")),  # Beijing's and Changchun's
    ("鼓楼区", ("南京市鼓楼区", "福州市鼓楼区")),
])
def test_resolve_places_ambiguous_county_is_not_guessed(ambiguous, readings):
    place, _ = parse_place(ambiguous)
    assert place.name == ambiguous and place.province is None and place.city is None
    key = agency_key("区司法局", place)
    assert key == f"{ambiguous}司法局"
    assert key not in {agency_key("区司法局", parse_place(r)[0]) for r in readings}
    assert agency_key("市委", place) == f"{ambiguous}|市委"  # no city to give it


@pytest.mark.parametrize(("jurisdiction", "agency", "key"), [
    # fictional places: every printed form of the district gives one key
    ("青川省云岭市松溪区", "区司法局", "松溪区司法局"),
    ("云岭市松溪区", "区司法局", "松溪区司法局"),
    ("松溪区", "区司法局", "松溪区司法局"),
    ("云岭市松溪区", "松溪区司法局", "松溪区司法局"),
    ("松溪区", "云岭市松溪区司法局", "松溪区司法局"),
    ("云岭市松溪区", "区人民政府", "松溪区人民政府"),
    ("云岭市松溪区", "市司法局", "云岭市司法局"),
    ("云岭市", "市司法局", "云岭市司法局"),
    ("松溪区", "市司法局", "松溪区|市司法局"),  # a text of 松溪区 alone cannot know its city
    ("云岭市松溪区桃花镇", "镇人民政府", "松溪区桃花镇人民政府"),
    ("赣州市松溪区", "区司法局", "松溪区司法局"),  # a real city, an unknown district
    ("赣州市松溪区", "省委", "中共江西省委员会"),
])
def test_resolve_places_unknown_place_keyed_from_its_own_level(jurisdiction, agency, key):
    place, _ = parse_place(jurisdiction)
    assert agency_key(agency, place) == key


@pytest.mark.slow  # the real extractor over the sample corpus
def test_resolve_places_samples_have_no_agency_twice(samples_dir, tmp_path):
    store = open_store(tmp_path / "store")
    build([samples_dir], store, progress=False, report=lambda line: None)
    table = run_local(store.store, named_query("agencies-by-texts").text)
    agencies = [row["agency"] for row in table.records()]
    assert any("松溪区" in a for a in agencies)
    # no agency is another one with a place in front (云岭市松溪区司法局 / 松溪区司法局)
    twice = [(a, b) for a in agencies for b in agencies
             if a != b and a.endswith(b) and parse_place(a[: -len(b)])[1] == ""]
    assert not twice
    assert "松溪区司法局" in agencies and "云岭市司法局" in agencies
