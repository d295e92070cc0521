"""The SKOS concept schemes of ontology/policykg.ttl, read once: the single source of the
document types (eli:type_document) and agency kinds (org:classification) the graph uses."""

from __future__ import annotations

from functools import cache
from importlib import resources

from policykg.ontology.namespaces import AGENCY_KIND, DOC_TYPE, PKG, SKOS
from rdflib import Graph

__all__ = ["agency_kinds", "document_types", "ontology_graph"]


@cache
def ontology_graph() -> Graph:
    """The vocabulary as an rdflib Graph (also the SHACL validator's ontology)."""
    text = resources.files("policykg.ontology").joinpath("policykg.ttl").read_text("utf-8")
    return Graph().parse(data=text, format="turtle")


def _scheme(scheme: object, base: object) -> frozenset[str]:
    return frozenset(
        str(concept)[len(str(base)):]
        for concept in ontology_graph().subjects(SKOS.inScheme, scheme)
        if str(concept).startswith(str(base))
    )


@cache
def document_types() -> frozenset[str]:
    """通知, 方案, 纲要 …: the names a DocumentRecord.doc_type may take."""
    return _scheme(PKG.documentTypes, DOC_TYPE)


@cache
def agency_kinds() -> frozenset[str]:
    """government, court, …: the keys an AgencyRecord.kind may take."""
    return _scheme(PKG.agencyKinds, AGENCY_KIND)
