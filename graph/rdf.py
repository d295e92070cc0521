"""One resolved text → the quads of its named graph (docs/model.md), sorted, no blank nodes.

Everything the text says goes into the graph named by the Text's IRI: the Text itself,
the type, labels and properties of every entity it mentions, the edges between them, a
``pkg:Mention`` (a Web Annotation targeting ``{text}#char=start,end``) per mention and a
``pkg:Assertion`` per link. Labels and keys are functions of the canonical key, so the
union of many texts' graphs agrees on them; printed forms become ``skos:altLabel``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
from policykg.graph.resolve import Entity, ResolvedText, issuer_agencies
from policykg.ontology import namespaces as ns
from policykg.ontology.records import (
    AgencyRecord,
    DocumentRecord,
    Extraction,
    MeasureRecord,
    Mention,
    MetricRecord,
)
from policykg.ontology.vocabulary import agency_kinds, document_types

__all__ = ["LINK_PREDICATES", "TextGraph", "text_graph"]


class _Terms:
    """A vocabulary's terms as plain strings, each looked up once: rdflib's namespace
    lookups cost more than writing the statements they name."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))
        setattr(self, name, value)
        return value


_RDF, _SKOS, _PKG, _ELI, _XSD, _PROV, _ORG, _OA, _DCTERMS = (
    _Terms(v) for v in (ns.RDF, ns.SKOS, ns.PKG, ns.ELI, ns.XSD, ns.PROV, ns.ORG, ns.OA,
                        ns.DCTERMS))
_XSD_STRING = _XSD.string
_XSD_DECIMAL = _XSD.decimal
_XSD_INTEGER = _XSD.integer
_XSD_DATE = _XSD.date
_XSD_GYEAR = _XSD.gYear
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

#: link kind → (predicate, subject kinds, object kinds, whether the triple runs target → source)
LINK_PREDICATES: dict[str, tuple[str, tuple[str, ...], tuple[str, ...], bool]] = {
    "issued": (_ELI.passed_by, ("Agency",), ("Document",), True),
    "implements": (_ELI.ensures_implementation_of, ("Document",), ("Document",), False),
    "establishes": (_PKG.establishedBy, ("Document",), ("Measure",), True),
    "carries_out": (_PKG.carriesOut, ("Agency",), ("Measure",), False),
    "member_of": (_ORG.memberOf, ("Agency",), ("Agency",), False),
    "part_of": (_ORG.subOrganizationOf, ("Agency",), ("Agency",), False),
    "about": (_PKG.about, ("Figure",), ("Document", "Agency", "Measure"), False),
}

_TYPES = {
    "Document": (_ELI.LegalResource,),
    "Agency": (_ORG.Organization,),
    "Measure": (_PKG.Measure, _SKOS.Concept),
    "Figure": (_PKG.Figure,),
    "Jurisdiction": (_DCTERMS.Location,),
}


@dataclass
class TextGraph:
    """The named graph of one text, and what went into it.

    The statements travel as sorted N-Quads (``nquads``): that is what a worker process
    sends back to the build and what the store loads, without a Python object per quad.
    """

    iri: str
    nquads: bytes = b""
    count: int = 0  # statements
    entities: int = 0
    links: int = 0
    dropped: list[str] = field(default_factory=list)  # links that did not fit the model

    @property
    def quads(self) -> list[ox.Quad]:
        return list(ox.parse(self.nquads, format=ox.RdfFormat.N_QUADS))


class _Writer:
    """Collects the statements as plain tuples; they become N-Quads once, sorted, at the end."""

    def __init__(self, graph: str) -> None:
        self.graph = graph
        # (subject, predicate, object value, "" for an IRI | "@lang" | datatype IRI)
        self.rows: set[tuple[str, str, str, str]] = set()
        self.entities: set[str] = set()  # the IRIs of the nodes described

    def add(self, s: str, p: str, o: str) -> None:
        self.rows.add((s, str(p), str(o), ""))

    def lit(self, s: str, p: str, value: str | None, lang: str | None = None) -> None:
        if value:
            self.rows.add((s, str(p), value, f"@{lang}" if lang else _XSD_STRING))

    def typed(self, s: str, p: str, value: object, datatype: str) -> None:
        self.rows.add((s, str(p), str(value), datatype))

    def nquads(self) -> bytes:
        # Formatted here rather than by ox.serialize: building a Quad per statement costs
        # more than the rest of the graph. IRIs are minted valid (ontology/namespaces.py).
        graph = f"<{self.graph}> .\n"
        lines = []
        for s, p, o, extra in sorted(self.rows):
            if not extra:
                obj = f"<{o}>"
            elif extra.startswith("@"):
                obj = f'"{o.translate(_ESCAPES)}"{extra}'
            elif extra == _XSD_STRING:
                obj = f'"{o.translate(_ESCAPES)}"'
            else:
                obj = f'"{o.translate(_ESCAPES)}"^^<{extra}>'
            lines.append(f"<{s}> <{p}> {obj} {graph}")
        return "".join(lines).encode("utf-8")


# N-Quads string escapes (ECHAR); every other character may stand as itself in UTF-8.
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def text_graph(resolved: ResolvedText) -> TextGraph:
    ex = resolved.extraction
    text = resolved.iri
    w = _Writer(text)
    w.add(text, _RDF.type, _PKG.Text)
    w.add(text, _RDF.type, _PROV.Entity)
    w.lit(text, _DCTERMS.identifier, ex.text_id)
    w.lit(text, _PKG.key, ex.text_id)
    w.lit(text, _SKOS.prefLabel, ex.meta.title or ex.text_id, "zh")
    w.lit(text, _DCTERMS.title, ex.meta.title)
    w.lit(text, _PKG.sha256, ex.sha256)
    w.typed(text, _PKG.graphVersion, ns.GRAPH_VERSION, _XSD_INTEGER)
    w.lit(text, _PKG.sourceFile, Path(ex.source).name)
    if ex.meta.date and _ISO_DATE.fullmatch(ex.meta.date):
        w.typed(text, _DCTERMS.date, ex.meta.date, _XSD_DATE)
    if ex.meta.year:
        w.typed(text, _PKG.year, ex.meta.year, _XSD_INTEGER)
    if ex.meta.doc_type in document_types():
        w.add(text, _DCTERMS.type, ns.doc_type_iri(ex.meta.doc_type))
    if resolved.jurisdiction:
        _entity(w, resolved.jurisdiction)
        w.add(text, _DCTERMS.spatial, resolved.jurisdiction.iri)
    for author in resolved.authors:
        _entity(w, author)
        w.add(text, _DCTERMS.creator, author.iri)

    groups = ((ex.documents, _ELI.cites), (ex.agencies, _PKG.mentions),
              (ex.measures, _PKG.mentions), (ex.metrics, _PKG.reports))
    for records, predicate in groups:
        for record in records:
            entity = resolved.entities.get(record.id)
            if entity is None:
                continue
            _entity(w, entity)
            w.add(text, predicate, entity.iri)
            for mention in record.mentions:
                _mention(w, resolved, entity, mention)
    # Properties that hold once per node come from the first record that resolves to it
    # (区司法局 and 章贡区司法局 may be two records of one agency).
    known: dict[str, DocumentRecord | AgencyRecord | MeasureRecord | MetricRecord] = {}
    for record in (*ex.documents, *ex.agencies, *ex.measures, *ex.metrics):
        if record.id in resolved.entities:
            known.setdefault(resolved.entities[record.id].iri, record)
    for iri, doc in known.items():
        if isinstance(doc, DocumentRecord):
            _document(w, iri, doc)
    for iri, agency in known.items():
        if isinstance(agency, AgencyRecord) and agency.kind in agency_kinds():
            w.add(iri, _ORG.classification, ns.agency_kind_iri(agency.kind))
    for iri, measure in known.items():
        if isinstance(measure, MeasureRecord):
            w.add(iri, _SKOS.inScheme, _PKG.measures)
            w.lit(iri, _PKG.measureKind, measure.kind)
    for iri, metric in known.items():
        if not isinstance(metric, MetricRecord):
            continue
        w.typed(iri, _RDF.value, _decimal(metric.value), _XSD_DECIMAL)
        w.lit(iri, _PKG.unit, metric.unit)
        w.lit(iri, _PKG.printed, metric.text)
        w.lit(iri, _PKG.counted, metric.counted)

    graph = TextGraph(text)
    _links(w, resolved, graph)
    graph.entities = len(w.entities)
    graph.nquads, graph.count = w.nquads(), len(w.rows)
    return graph


def _entity(w: _Writer, entity: Entity) -> None:
    w.entities.add(entity.iri)
    for cls in _TYPES[entity.kind]:
        w.add(entity.iri, _RDF.type, str(cls))
    w.lit(entity.iri, _SKOS.prefLabel, entity.label, "zh")
    w.lit(entity.iri, _PKG.key, entity.key)
    for form in entity.printed:
        if form != entity.label:
            w.lit(entity.iri, _SKOS.altLabel, form, "zh")


def _document(w: _Writer, iri: str, doc: DocumentRecord) -> None:
    number = doc.number
    if number is not None:
        w.lit(iri, _ELI.id_local, number.text)
        if number.year:
            w.typed(iri, _ELI.date_document, f"{number.year:04d}", _XSD_GYEAR)
            w.typed(iri, _PKG.year, number.year, _XSD_INTEGER)
    if doc.doc_type in document_types():
        w.add(iri, _ELI.type_document, ns.doc_type_iri(doc.doc_type))
    w.lit(iri, _PKG.abbreviation, doc.abbreviation)


def _mention(w: _Writer, resolved: ResolvedText, entity: Entity, mention: Mention) -> None:
    ex = resolved.extraction
    iri = ns.mention_iri(ex.text_id, entity.iri, mention.start, mention.end)
    # One node, six statements (docs/model.md): the span is the target's IRI, no
    # SpecificResource and selector nodes; pkg:Mention is an oa:Annotation by the ontology.
    w.add(iri, _RDF.type, _PKG.Mention)
    w.add(iri, _OA.hasBody, entity.iri)
    w.add(iri, _OA.hasTarget, ns.span_iri(resolved.iri, mention.start, mention.end))
    w.lit(iri, _PKG.printed, mention.text)
    _sentence(w, iri, ex, mention.sentence)


def _sentence(w: _Writer, iri: str, ex: Extraction, index: int | None) -> None:
    if index is not None and 0 <= index < len(ex.sentences):
        w.lit(iri, _PKG.sentence, ex.sentences[index].text.strip())
        w.typed(iri, _PKG.sentenceIndex, index, _XSD_INTEGER)


def _links(w: _Writer, resolved: ResolvedText, graph: TextGraph) -> None:
    ex = resolved.extraction
    issued: set[str] = set()
    for link in ex.links:
        targets = resolved.lookup(link.target)
        if link.kind == "cites":
            # The text cites the document whoever the sentence names as citing it.
            for target in targets:
                if target.kind == "Document":
                    _assert(w, resolved, resolved.iri, _ELI.cites, target.iri,
                            link.sentence, link.trigger)
                    graph.links += 1
            continue
        spec = LINK_PREDICATES.get(link.kind)
        pairs = [(s, t) for s in resolved.lookup(link.source) for t in targets
                 if spec and s.kind in spec[1] and t.kind in spec[2]]
        if not pairs:
            graph.dropped.append(f"{link.kind} {link.source}->{link.target}")
            continue
        predicate, _, _, inverse = spec
        for source, target in pairs:
            _entity(w, source)
            s, o = (target, source) if inverse else (source, target)
            _assert(w, resolved, s.iri, predicate, o.iri, link.sentence, link.trigger)
            graph.links += 1
            if link.kind == "issued":
                issued.add(target.iri)
    # A document whose issuer is printed but no issuing sentence was linked.
    for doc in ex.documents:
        entity = resolved.entities.get(doc.id)
        if entity is None or not doc.issuer or entity.iri in issued:
            continue
        sentence = doc.mentions[0].sentence if doc.mentions else None
        for agency in issuer_agencies(doc.issuer, resolved.place, ex.text_id):
            _entity(w, agency)
            _assert(w, resolved, entity.iri, _ELI.passed_by, agency.iri, sentence, None)
            graph.links += 1


def _assert(w: _Writer, resolved: ResolvedText, s: str, p: str, o: str,
            sentence: int | None, trigger: str | None) -> None:
    w.add(s, p, o)
    iri = ns.assertion_iri(resolved.extraction.text_id, s, p, o, sentence, trigger)
    w.add(iri, _RDF.type, _PKG.Assertion)
    w.add(iri, _RDF.subject, s)
    w.add(iri, _RDF.predicate, p)
    w.add(iri, _RDF.object, o)
    w.add(iri, _PROV.wasDerivedFrom, resolved.iri)
    w.lit(iri, _PKG.trigger, trigger)
    _sentence(w, iri, resolved.extraction, sentence)


def _decimal(value: float) -> str:
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
