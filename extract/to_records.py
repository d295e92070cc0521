"""The one function that turns an annotated Doc into plain records.

Mentions are grouped into one entity per text (documents by canonical title, agencies
and measures by printed name, figures by value and unit); an entity takes the first
mention's printed form, and a document its number, type and abbreviation from the first
mention that has them. Links are rewritten from span references to entity ids; a
document's ``issuer`` is the subject of its first 'issued' link. No spaCy object leaves
this module. Printed text is sliced from the Doc's text (``Span.text`` walks tokens).
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from policykg.extract.component import doc_text, found, sentence_starts
from policykg.extract.loaded import LoadedText
from policykg.ontology.records import (
    AUTHOR,
    AgencyRecord,
    DocNumber,
    DocumentRecord,
    Extraction,
    LinkRecord,
    MeasureRecord,
    Mention,
    MetricRecord,
    Section,
    Sentence,
    TextMeta,
)
from spacy.tokens import Doc


def doc_to_extraction(doc: Doc, source: LoadedText, text_id: str) -> Extraction:
    text = doc_text(doc)
    starts = sentence_starts(doc) if text else []  # an empty text has no sentence
    sentences = []
    for start, end in zip(starts, [*starts[1:], len(text)][:len(starts)], strict=True):
        end = start + len(text[start:end].rstrip())  # the white space after it is no one's
        sentences.append(Sentence(start, end, text[start:end]))

    ids: dict[tuple[str, int], str] = {}  # (span key, index) -> entity id
    records: dict[str, list[Any]] = {}
    for key, prefix, make in (("documents", "d", _document), ("agencies", "a", _agency),
                              ("measures", "m", _measure), ("metrics", "f", _metric)):
        by_key: dict[Any, Any] = {}
        for index, (start, end, canonical, found_attrs) in enumerate(found(doc, key)):
            attrs = found_attrs or {}
            shown = text[start:end]
            if key == "documents":
                group: Any = canonical
            elif key == "metrics":
                group = (attrs["value"], attrs["unit"])
            else:
                group = _squash(shown)
            record = by_key.get(group)
            if record is None:
                record = by_key[group] = make(f"{prefix}{len(by_key) + 1}", shown, canonical,
                                              attrs)
            elif key == "documents":
                _fill(record, attrs)
            record.mentions.append(Mention(start, end,
                                           max(bisect_right(starts, start) - 1, 0), shown))
            ids[(key, index)] = record.id
        records[key] = list(by_key.values())

    links: list[LinkRecord] = []
    seen: set[tuple[str, str, str]] = set()
    for raw in doc._.links or []:
        subject = AUTHOR if raw["source"] == AUTHOR else ids.get(tuple(raw["source"]))
        target = ids.get(tuple(raw["target"]))
        if subject is None or target is None or (raw["kind"], subject, target) in seen:
            continue
        seen.add((raw["kind"], subject, target))
        links.append(LinkRecord(raw["kind"], subject, target, raw["sentence"],
                                raw.get("trigger")))

    meta = TextMeta(**(doc._.meta or {}))
    documents = {d.id: d for d in records["documents"]}
    agencies = {a.id: a for a in records["agencies"]}
    for link in links:
        if link.kind == "issued" and documents[link.target].issuer is None:
            documents[link.target].issuer = (meta.author if link.source == AUTHOR
                                             else agencies[link.source].name)

    return Extraction(
        text_id=text_id,
        source=source.path,
        sha256=source.sha256,
        text=text,
        meta=meta,
        sentences=sentences,
        sections=[Section(**s) for s in doc._.sections or []],
        documents=records["documents"],
        agencies=records["agencies"],
        measures=records["measures"],
        metrics=records["metrics"],
        links=links,
    )


def _squash(text: str) -> str:
    return "".join(text.split())


def _document(entity_id: str, shown: str, canonical: str, attrs: dict) -> DocumentRecord:
    record = DocumentRecord(id=entity_id, title=_squash(shown), canonical=canonical)
    _fill(record, attrs)
    return record


def _fill(record: DocumentRecord, attrs: dict) -> None:
    """Take what the record still lacks from this mention (a later one may print the number)."""
    if record.number is None and attrs.get("number"):
        record.number = DocNumber(**attrs["number"])
    record.doc_type = record.doc_type or attrs.get("doc_type")
    record.abbreviation = record.abbreviation or attrs.get("abbreviation")


def _agency(entity_id: str, shown: str, canonical: str | None, attrs: dict) -> AgencyRecord:
    return AgencyRecord(entity_id, _squash(shown), canonical or _squash(shown), attrs.get("kind"))


def _measure(entity_id: str, shown: str, canonical: str | None, attrs: dict) -> MeasureRecord:
    return MeasureRecord(entity_id, _squash(shown), canonical or _squash(shown),
                         attrs.get("kind"))


def _metric(entity_id: str, shown: str, canonical: str | None, attrs: dict) -> MetricRecord:
    return MetricRecord(entity_id, attrs["value"], attrs["unit"], _squash(shown),
                        attrs.get("counted"))
