"""measures: to be written (see issue 2)."""

from __future__ import annotations

from policykg.extract.component import RuleComponent
from spacy.language import Language
from spacy.tokens import Doc


class MeasuresComponent(RuleComponent):
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("policykg_measures_v1")
def make_measures(nlp: Language, name: str) -> MeasuresComponent:
    return MeasuresComponent(nlp, name)
