from policykg.ontology.records import (
    AUTHOR,
    DocNumber,
    DocumentRecord,
    Extraction,
    LinkRecord,
    Mention,
    Sentence,
)


def test_records_round_trip_through_dict():
    text = "区政府印发《示范方案》（区办发〔2022〕1号）。"
    ext = Extraction(
        text_id="t", source="t.txt", sha256="0", text=text,
        sentences=[Sentence(0, len(text), text)],
        documents=[DocumentRecord("d1", "示范方案", "示范方案",
                                  number=DocNumber("区办发〔2022〕1号", "区办发", 2022, 1),
                                  mentions=[Mention(6, 10, 0, "示范方案")])],
        links=[LinkRecord("issued", AUTHOR, "d1", 0, "印发")],
    )
    ext.meta.author = "某区人民政府"
    again = Extraction.from_dict(ext.to_dict())
    assert again == ext
    assert again.summary()["issued"] == [{"agency": "某区人民政府", "title": "示范方案"}]
    assert again.summary()["documents"][0]["number"] == "区办发〔2022〕1号"
