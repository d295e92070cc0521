"""figures: to be written (see issue 2)."""

from __future__ import annotations

from policykg.extract.component import RuleComponent
from spacy.language import Language
from spacy.tokens import Doc


class FiguresComponent(RuleComponent):
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("policykg_figures_v1")
def make_figures(nlp: Language, name: str) -> FiguresComponent:
    return FiguresComponent(nlp, name)
