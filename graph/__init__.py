"""The graph: records into RDF (named graph per text), the stores, queries, views.

Reads only policykg.ontology (records, errors, vocabulary); never imports extract/.
"""
