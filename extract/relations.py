"""relations: to be written (see issue 2)."""

from __future__ import annotations

from policykg.extract.component import RuleComponent
from spacy.language import Language
from spacy.tokens import Doc


class RelationsComponent(RuleComponent):
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("policykg_relations_v1")
def make_relations(nlp: Language, name: str) -> RelationsComponent:
    return RelationsComponent(nlp, name)
