"""Doc -> Extraction: mentions grouped into entities, links to entity ids, issuers."""

from __future__ import annotations

from policykg.extract.api import extract_loaded
from policykg.extract.loaded import LoadedText
from policykg.ontology.records import AUTHOR, Extraction


def extract(text: str) -> Extraction:
    return extract_loaded(LoadedText("songxi.txt", text, "0" * 64, "txt"))


def test_records_one_document_per_title_with_every_mention() -> None:
    ext = extract("贯彻落实《云岭市法治政府建设纲要》（以下简称《纲要》）。区司法局对照《纲要》"
                  "逐项推进。全区学习《云岭市法治政府建设纲要》（云发〔2021〕2号）。")
    (document,) = ext.documents
    assert document.title == "云岭市法治政府建设纲要"
    assert document.abbreviation == "纲要"
    assert document.doc_type == "纲要"
    assert document.number is not None and document.number.text == "云发〔2021〕2号"
    assert [m.text for m in document.mentions] == ["云岭市法治政府建设纲要", "纲要",
                                                   "云岭市法治政府建设纲要"]
    assert [m.sentence for m in document.mentions] == [0, 1, 2]
    for m in document.mentions:
        assert ext.text[m.start:m.end] == m.text


def test_records_issuer_from_the_issued_link() -> None:
    ext = extract("各镇人民政府：\n《松溪区普法规划》已经区政府同意，现印发给你们。\n"
                  "松溪区人民政府办公室\n2023年3月1日\n")
    (document,) = ext.documents
    assert document.issuer == "松溪区人民政府办公室"
    (link,) = [link for link in ext.links if link.kind == "issued"]
    assert (link.source, link.target, link.trigger) == (AUTHOR, document.id, "印发")
    assert ext.summary()["issued"] == [{"agency": "松溪区人民政府办公室",
                                        "title": "松溪区普法规划"}]


def test_records_round_trip_of_a_real_extraction() -> None:
    ext = extract("区政府印发《松溪区优化营商环境若干措施》（松区办发〔2023〕5号）。\n"
                  "一、主要举措\n（一）推行“一网通办”，全年办理1234件。\n")
    assert Extraction.from_dict(ext.to_dict()) == ext
    assert ext.sections[0].label == "一、"
    assert ext.summary()["documents"] == [{"title": "松溪区优化营商环境若干措施",
                                           "number": "松区办发〔2023〕5号", "issuer": "区政府"}]
