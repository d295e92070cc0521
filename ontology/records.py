"""Plain record types: the only thing that leaves extract/ and the only thing graph/ reads.

An :class:`Extraction` is what one text says. Entities carry ids local to that text
(``d1``, ``a3``, ``m2``, ``f5``); links refer to those ids, or to :data:`AUTHOR` where
the text leaves the subject out and its own author is meant. Offsets are character
offsets into the loaded text (``Extraction.text``), end exclusive.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

#: Link subject standing for the text's own author (``TextMeta.author``).
AUTHOR = "author"

#: The kinds of link between entities, subject first.
LINK_KINDS = (
    "issued",  # agency -> document (印发, 制定, 出台, 发布, 审议通过, 关于印发…的通知)
    "implements",  # document -> document (贯彻落实《A》…制定《B》; 根据《A》)
    "establishes",  # document -> measure (印发《关于实行“X”制度的通知》)
    "carries_out",  # agency -> measure
    "member_of",  # agency -> agency (成员单位)
    "part_of",  # agency -> agency (内设机构, 下属)
    "about",  # figure -> measure | agency | document
    "cites",  # author/agency -> document (the text mentions the document)
)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the loaded text."""

    start: int
    end: int
    sentence: int  # index into Extraction.sentences
    text: str  # as printed at [start, end)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Section:
    """A heading of the text's structure: 一、 / （一） / 1. / 一是…"""

    label: str  # 一、 ; （一） ; 一是
    title: str
    level: int  # 1 for 一、, 2 for （一）, 3 for 1. or 一是
    start: int
    end: int  # end of the section's body in the text


@dataclass(frozen=True)
class DocNumber:
    """A document number (发文字号) parsed: 区办发〔2022〕1号."""

    text: str  # as printed
    code: str | None  # 机关代字: 区办发, 国办发, 国务院令
    year: int | None
    serial: int | None


@dataclass
class TextMeta:
    """The text's own metadata, where printed."""

    title: str | None = None
    author: str | None = None  # the body that wrote it, as printed
    jurisdiction: str | None = None  # 江西省赣州市章贡区
    date: str | None = None  # ISO yyyy-mm-dd
    year: int | None = None  # the year the text covers (年度报告)
    doc_type: str | None = None
    number: str | None = None  # its own 发文字号 as printed in its head (黄政〔2022〕28号)


@dataclass
class DocumentRecord:
    id: str
    title: str  # inside the outermost 《》, white space removed
    canonical: str  # normalised title (NFKC, one dash, no white space)
    number: DocNumber | None = None
    doc_type: str | None = None  # 文种 from the title's ending
    abbreviation: str | None = None  # 以下简称《纲要》
    issuer: str | None = None  # agency as printed, where the text says so
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class AgencyRecord:
    id: str
    name: str  # as printed
    canonical: str  # normalised full form (区法院 -> 区人民法院), not yet place-qualified
    kind: str | None = None  # key in the agency-kind scheme: government, court, ...
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class MeasureRecord:
    id: str
    name: str  # as printed, without quotation marks
    canonical: str
    kind: str | None = None  # 制度, 机制, 平台, 工程, 行动, 改革 …
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class MetricRecord:
    id: str
    value: float
    unit: str  # as printed, 余/多 dropped
    text: str  # the whole figure as printed
    counted: str | None = None  # the thing counted (行政事项, 工单)
    mentions: list[Mention] = field(default_factory=list)


@dataclass
class LinkRecord:
    kind: str  # one of LINK_KINDS
    source: str  # entity id or AUTHOR
    target: str  # entity id
    sentence: int  # index into Extraction.sentences
    trigger: str | None = None  # the word that says so: 印发, 贯彻落实, 成员单位


@dataclass
class Extraction:
    """Everything extracted from one text."""

    text_id: str  # file stem
    source: str  # path as given
    sha256: str  # of the source bytes
    text: str  # the loaded text all offsets refer to
    meta: TextMeta = field(default_factory=TextMeta)
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    documents: list[DocumentRecord] = field(default_factory=list)
    agencies: list[AgencyRecord] = field(default_factory=list)
    measures: list[MeasureRecord] = field(default_factory=list)
    metrics: list[MetricRecord] = field(default_factory=list)
    links: list[LinkRecord] = field(default_factory=list)

    def entity(self, entity_id: str) -> Any:
        for group in (self.documents, self.agencies, self.measures, self.metrics):
            for item in group:
                if item.id == entity_id:
                    return item
        raise KeyError(entity_id)

    def summary(self) -> dict[str, Any]:
        """The annotation-guide shape that ../shared/tools/score.py reads."""
        by_id = {d.id: d for d in self.documents}
        issued = []
        for link in self.links:
            if link.kind != "issued" or link.target not in by_id:
                continue
            agency = self.meta.author if link.source == AUTHOR else self.entity(link.source).name
            if agency:
                issued.append({"agency": agency, "title": by_id[link.target].title})
        return {
            "id": self.text_id,
            "jurisdiction": self.meta.jurisdiction,
            "documents": [
                {
                    "title": d.title,
                    "number": d.number.text if d.number else None,
                    "issuer": d.issuer,
                }
                for d in self.documents
            ],
            "agencies": [a.name for a in self.agencies],
            "measures": [m.name for m in self.measures],
            "metrics": [{"value": m.value, "unit": m.unit, "text": m.text} for m in self.metrics],
            "issued": _unique(issued),
        }

    def to_dict(self) -> dict[str, Any]:
        """The summary keys plus the rich record under ``record``."""
        out = self.summary()
        out["record"] = asdict(self)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild from :meth:`to_dict` output (or its ``record`` part)."""
        rec = data.get("record", data)
        return cls(
            text_id=rec["text_id"],
            source=rec["source"],
            sha256=rec["sha256"],
            text=rec["text"],
            meta=TextMeta(**rec["meta"]),
            sentences=[Sentence(**s) for s in rec["sentences"]],
            sections=[Section(**s) for s in rec["sections"]],
            documents=[
                _build(DocumentRecord, d, number=DocNumber(**d["number"]) if d["number"] else None)
                for d in rec["documents"]
            ],
            agencies=[_build(AgencyRecord, a) for a in rec["agencies"]],
            measures=[_build(MeasureRecord, m) for m in rec["measures"]],
            metrics=[_build(MetricRecord, m) for m in rec["metrics"]],
            links=[LinkRecord(**link) for link in rec["links"]],
        )


def _build(cls: type, data: dict[str, Any], **override: Any) -> Any:
    names = {f.name for f in fields(cls)}
    values = {k: v for k, v in data.items() if k in names}
    values["mentions"] = [Mention(**m) for m in data.get("mentions", [])]
    values.update(override)
    return cls(**values)


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple] = set()
    out = []
    for row in rows:
        key = tuple(sorted(row.items()))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out
