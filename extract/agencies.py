"""agencies: to be written (see issue 2)."""

from __future__ import annotations

from policykg.extract.component import RuleComponent
from spacy.language import Language
from spacy.tokens import Doc


class AgenciesComponent(RuleComponent):
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("policykg_agencies_v1")
def make_agencies(nlp: Language, name: str) -> AgenciesComponent:
    return AgenciesComponent(nlp, name)
