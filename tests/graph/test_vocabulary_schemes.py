"""The vocabulary: closed namespaces, and SKOS schemes that cover what extraction emits."""

from __future__ import annotations

import pytest
from policykg.ontology.namespaces import ELI, OA, PKG
from policykg.ontology.vocabulary import agency_kinds, document_types, ontology_graph

OFFICIAL = ["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告",
            "请示", "批复", "议案", "函", "纪要"]


@pytest.mark.parametrize(("namespace", "term"), [(PKG, "Txet"), (ELI, "cite"), (OA, "hasbody")])
def test_vocabulary_misspelt_term_fails(namespace, term):
    with pytest.raises(AttributeError):
        getattr(namespace, term)


def test_vocabulary_declares_every_pkg_term():
    declared = {str(s) for s in ontology_graph().subjects()}
    missing = [term for term in dir(PKG) if str(getattr(PKG, term)) not in declared]
    assert not missing


def test_vocabulary_document_types_hold_the_fifteen_kinds():
    assert set(OFFICIAL) <= document_types()
    assert {"方案", "要点", "清单", "规划", "办法", "条例"} <= document_types()


@pytest.mark.slow
def test_vocabulary_schemes_cover_what_extraction_emits(samples_dir, dev_dir):
    from policykg.extract.api import extract_many

    from policykg.pipeline import collect_files

    files, _ = collect_files([samples_dir, dev_dir])
    agency, doc = set(), set()
    for _, extraction in extract_many(files):
        if isinstance(extraction, Exception):
            continue
        agency |= {a.kind for a in extraction.agencies if a.kind}
        doc |= {d.doc_type for d in extraction.documents if d.doc_type}
        if extraction.meta.doc_type:
            doc.add(extraction.meta.doc_type)
    assert agency and doc
    assert agency <= agency_kinds(), agency - agency_kinds()
    assert doc <= document_types(), doc - document_types()
