"""The vocabularies the graph uses, as namespaces that fail on a misspelt term, and the
functions that mint resource IRIs from canonical keys (docs/model.md).

``PKG.Txet`` raises AttributeError instead of quietly minting a new IRI; the reused
vocabularies (ELI, Web Annotation) are closed over the terms policykg uses, ORG, PROV,
DCTERMS and SKOS are rdflib's own DefinedNamespaces.
"""

from __future__ import annotations

import hashlib

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

__all__ = [
    "AGENCY_KIND",
    "COLUMN",
    "DCTERMS",
    "DOC_TYPE",
    "ELI",
    "GRAPH_VERSION",
    "OA",
    "ORG",
    "PKG",
    "PKGR",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "SUMMARY_GRAPH",
    "XSD",
    "agency_iri",
    "agency_kind_iri",
    "assertion_iri",
    "doc_type_iri",
    "document_iri",
    "figure_iri",
    "figure_key",
    "key_hash",
    "measure_iri",
    "mention_iri",
    "place_iri",
    "span_iri",
    "text_iri",
]

#: The version of what a text's graph holds for the same source bytes (docs/model.md):
#: raised whenever the model or the extraction changes what a text gives, so that
#: ``build`` rebuilds the texts an older version wrote instead of skipping them.
GRAPH_VERSION = 2

PKG = ClosedNamespace(
    "https://w3id.org/policykg/ns#",
    [
        # classes
        "Text", "Measure", "Figure", "Mention", "Assertion", "SummaryRow",
        # schemes
        "documentTypes", "agencyKinds", "measures",
        # properties
        "key", "sha256", "graphVersion", "sourceFile", "year", "mentions", "reports", "about",
        "establishedBy", "carriesOut", "unit", "printed", "counted",
        "measureKind", "sentence", "sentenceIndex", "trigger", "abbreviation",
        # the summary graph (graph/summary.py)
        "summaryOf", "sources",
    ],
)
ELI = ClosedNamespace(
    "http://data.europa.eu/eli/ontology#",
    [
        "LegalResource", "id_local", "type_document", "passed_by", "cites",
        "date_document", "ensures_implementation_of",
    ],
)
OA = ClosedNamespace(
    "http://www.w3.org/ns/oa#",
    [
        # a pkg:Mention (an oa:Annotation by the ontology) has a body and a target (span_iri)
        "hasBody", "hasTarget",
    ],
)
#: Resources (texts, documents, agencies, …) live under this base.
PKGR = Namespace("https://w3id.org/policykg/id/")
#: The SKOS concepts of document types (通知, 方案 …) and of agency kinds (court …).
DOC_TYPE = Namespace("https://w3id.org/policykg/ns/doctype/")
AGENCY_KIND = Namespace("https://w3id.org/policykg/ns/agency-kind/")
#: The named graph of precomputed rows of the whole-graph queries (graph/summary.py): the
#: one named graph that is not a text.
SUMMARY_GRAPH = f"{PKGR}summary"
#: A summary row's rank and cells: predicates per query and column
#: (``column:most-cited-documents.texts``).
COLUMN = Namespace("https://w3id.org/policykg/ns/column#")

PREFIXES: dict[str, str] = {
    "pkg": str(PKG),
    "pkgr": str(PKGR),
    "doctype": str(DOC_TYPE),
    "agencykind": str(AGENCY_KIND),
    "column": str(COLUMN),
    "eli": str(ELI),
    "org": str(ORG),
    "prov": str(PROV),
    "dct": str(DCTERMS),
    "skos": str(SKOS),
    "oa": str(OA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

# Characters an IRI may not hold unescaped (RFC 3987), plus "%" and the delimiters we use.
_UNSAFE = set(' <>"{}|\\^`%#?/')


def key_hash(*parts: object) -> str:
    """The first 16 hex digits of the SHA-1 of the parts joined by U+001F (model.md)."""
    key = "\x1f".join(str(p) for p in parts)
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def _segment(value: str) -> str:
    return "".join(
        ch if ch not in _UNSAFE and ch.isprintable() else "".join(f"%{b:02X}" for b in ch.encode())
        for ch in value
    )


def text_iri(text_id: str) -> str:
    """``pkgr:text/{text_id}``: readable, the id escaped only where an IRI needs it."""
    return f"{PKGR}text/{_segment(text_id)}"


def document_iri(key: str) -> str:
    return f"{PKGR}document/{key_hash(key)}"


def agency_iri(key: str) -> str:
    return f"{PKGR}agency/{key_hash(key)}"


def measure_iri(key: str) -> str:
    return f"{PKGR}measure/{key_hash(key)}"


def place_iri(key: str) -> str:
    return f"{PKGR}place/{key_hash(key)}"


def figure_key(text_id: str, value: float, unit: str) -> str:
    """A figure is one per text, value and unit: ``zhanggong-2022|120|件``."""
    return f"{text_id}|{_number(value)}|{unit}"


def figure_iri(text_id: str, value: float, unit: str) -> str:
    return f"{PKGR}figure/{key_hash(figure_key(text_id, value, unit))}"


def mention_iri(text_id: str, body_iri: str, start: int, end: int) -> str:
    return f"{PKGR}mention/{key_hash(text_id, body_iri, start, end)}"


def span_iri(text_iri: str, start: int, end: int) -> str:
    """A mention's target: the characters [start, end) of the loaded text as an RFC 5147
    fragment of the Text's IRI (``pkgr:text/bailu-2022#char=12,17``). Unambiguous: a
    Text's IRI never holds ``#`` (``text_iri`` escapes it)."""
    return f"{text_iri}#char={start},{end}"


def assertion_iri(text_id: str, subject: str, predicate: str, obj: str,
                  sentence: int | None, trigger: str | None) -> str:
    """One per link triple, sentence that says it and trigger word."""
    return f"{PKGR}assertion/{key_hash(text_id, subject, predicate, obj, sentence, trigger)}"


def doc_type_iri(name: str) -> str:
    return f"{DOC_TYPE}{_segment(name)}"


def agency_kind_iri(key: str) -> str:
    return f"{AGENCY_KIND}{_segment(key)}"


def _number(value: float) -> str:
    """1.0 and 1 are the same figure: the shortest exact decimal form."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text
