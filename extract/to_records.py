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

from policykg.extract.component import doc_text
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
from spacy.tokens import Doc, Span


def doc_to_extraction(doc: Doc, source: LoadedText, text_id: str) -> Extraction:
    text = doc_text(doc)
    sentences = [Sentence(s.start_char, s.end_char, text[s.start_char:s.end_char])
                 for s in doc.sents] if len(doc) else []
    starts = [s.start for s in sentences]

    def printed(span: Span) -> str:
        return text[span.start_char:span.end_char]

    def mention(span: Span) -> Mention:
        return Mention(span.start_char, span.end_char,
                       max(bisect_right(starts, span.start_char) - 1, 0), printed(span))

    ids: dict[tuple[str, int], str] = {}  # (span key, index) -> entity id
    records: dict[str, list[Any]] = {}
    for key, prefix, group_key, make in (
        ("documents", "d", lambda s: s._.canonical, _document),
        ("agencies", "a", lambda s: _squash(printed(s)), _agency),
        ("measures", "m", lambda s: _squash(printed(s)), _measure),
        ("metrics", "f", lambda s: (s._.attrs["value"], s._.attrs["unit"]), _metric),
    ):
        by_key: dict[Any, Any] = {}
        for index, span in enumerate(doc.spans.get(key, [])):
            gk = group_key(span)
            if gk not in by_key:
                by_key[gk] = make(f"{prefix}{len(by_key) + 1}", span, printed(span))
            elif key == "documents":
                _fill(by_key[gk], span)
            by_key[gk].mentions.append(mention(span))
            ids[(key, index)] = by_key[gk].id
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


def _document(entity_id: str, span: Span, printed: str) -> DocumentRecord:
    record = DocumentRecord(id=entity_id, title=_squash(printed), canonical=span._.canonical)
    _fill(record, span)
    return record


def _fill(record: DocumentRecord, span: Span) -> None:
    """Take what the record still lacks from this mention (a later one may print the number)."""
    attrs = span._.attrs or {}
    if record.number is None and attrs.get("number"):
        record.number = DocNumber(**attrs["number"])
    record.doc_type = record.doc_type or attrs.get("doc_type")
    record.abbreviation = record.abbreviation or attrs.get("abbreviation")


def _agency(entity_id: str, span: Span, printed: str) -> AgencyRecord:
    attrs = span._.attrs or {}
    return AgencyRecord(entity_id, _squash(printed), span._.canonical or _squash(printed),
                        attrs.get("kind"))


def _measure(entity_id: str, span: Span, printed: str) -> MeasureRecord:
    attrs = span._.attrs or {}
    return MeasureRecord(entity_id, _squash(printed), span._.canonical or _squash(printed),
                         attrs.get("kind"))


def _metric(entity_id: str, span: Span, printed: str) -> MetricRecord:
    attrs = span._.attrs
    return MetricRecord(entity_id, attrs["value"], attrs["unit"], _squash(printed),
                        attrs.get("counted"))
