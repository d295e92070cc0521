"""Custom attributes our components set on spaCy objects.

Span groups on ``doc.spans`` hold the findings, one key per kind (see SPAN_KEYS); each
span carries ``span._.canonical`` and a small ``span._.attrs`` dict (number parts, unit,
value, doc type, kind …). Links, sections and the text's metadata live on the Doc.

``span._`` values are stored in ``doc.user_data`` under the span's character offsets, so
two spans over the same characters share them. Shared per-Doc caches in ``user_data``
(see extract/component.py): ``policykg.text`` (the text, read once: ``doc_text``),
``policykg.sentence_starts`` (``sentence_starts``) and ``policykg.title_span`` (where
the text's own title is printed, set by meta).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

SPAN_KEYS = ("documents", "numbers", "agencies", "measures", "metrics")


def register() -> None:
    """Idempotent: spaCy keeps extensions per process."""
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", default=None)
        Span.set_extension("attrs", default=None)
    if not Doc.has_extension("links"):
        # list of dicts: kind, source (span key + index, or "author"), target, sentence, trigger
        Doc.set_extension("links", default=None)
        Doc.set_extension("sections", default=None)
        Doc.set_extension("meta", default=None)  # dict of TextMeta fields
        Doc.set_extension("source", default=None)  # the LoadedText
