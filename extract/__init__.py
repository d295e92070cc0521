"""Extraction: load a file, run the spaCy Chinese pipeline, hand back plain records.

Nothing but :mod:`policykg.ontology.records` types leaves this package.
"""
