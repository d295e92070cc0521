"""Every Cypher statement policykg sends to Neo4j, in one place.

Values always travel as parameters (``$rows``, ``$texts``, ``$name`` …). Labels and
relationship types cannot be parameters in Cypher, so they are formatted in only from
the fixed vocabulary of docs/model.md below; anything else is refused with ValueError.
"""

from __future__ import annotations

from types import MappingProxyType

#: The node kinds of the graph contract = Neo4j labels.
LABELS = ("Document", "Agency", "Measure", "Figure", "Text", "Jurisdiction")

#: relationship type → (start labels, end labels), as docs/model.md has them.
RELATIONS = MappingProxyType({
    "CITES": (("Text",), ("Document",)),
    "MENTIONS": (("Text",), ("Agency", "Measure")),
    "AUTHORED_BY": (("Text",), ("Agency",)),
    "IN_JURISDICTION": (("Text",), ("Jurisdiction",)),
    "ISSUED": (("Agency",), ("Document",)),
    "IMPLEMENTS": (("Document",), ("Document",)),
    "ESTABLISHES": (("Document",), ("Measure",)),
    "CARRIES_OUT": (("Agency",), ("Measure",)),
    "MEMBER_OF": (("Agency",), ("Agency",)),
    "PART_OF": (("Agency",), ("Agency",)),
    "REPORTS": (("Text",), ("Figure",)),
    "ABOUT": (("Figure",), ("Document", "Agency", "Measure")),
})


def _label(label: str) -> str:
    if label not in LABELS:
        raise ValueError(f"not a node label of the model: {label!r}")
    return label


def _relation(relation: str) -> str:
    if relation not in RELATIONS:
        raise ValueError(f"not a relationship type of the model: {relation!r}")
    return relation


# --- schema ------------------------------------------------------------------------------


def node_constraint(label: str) -> str:
    """The IRI is each node's unique key (and its index, which every MERGE uses)."""
    name = f"policykg_{_label(label).lower()}_iri"
    return f"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE"


def relation_index(relation: str) -> str:
    """Relationships are found by the text they came from when that text is replaced."""
    name = f"policykg_{_relation(relation).lower()}_text"
    return f"CREATE INDEX {name} IF NOT EXISTS FOR ()-[r:{relation}]-() ON (r.text)"


# --- the push ------------------------------------------------------------------------------

#: The texts Neo4j holds (a Text's ``texts`` is its own id) and the source hash each was
#: completely pushed from (null while half-pushed).
TEXT_STATE = "MATCH (t:Text) RETURN t.texts AS texts, t.pushed_sha256 AS pushed"


def delete_text_relations(relation: str) -> str:
    """Delete the relationships of one type that came from the texts in ``$texts``."""
    return (
        f"UNWIND $texts AS text MATCH ()-[r:{_relation(relation)} {{text: text}}]->() DELETE r"
    )


def forget_texts(label: str) -> str:
    """Take the texts in ``$texts`` out of each node's ``texts``; a node no text holds any
    more goes (its relationships came from those texts and are already gone)."""
    return (
        f"MATCH (n:{_label(label)}) WHERE any(t IN n.texts WHERE t IN $texts) "
        "WITH n, [t IN n.texts WHERE NOT t IN $texts] AS kept "
        "SET n.texts = kept "
        "WITH n, kept WHERE size(kept) = 0 DETACH DELETE n"
    )


def merge_nodes(label: str) -> str:
    """Write ``$rows`` ({iri, props, texts}) as nodes of one label.

    The properties are replaced whole (what the store no longer says goes); ``texts``
    keeps the texts Neo4j already had for the node beside the ones given, so a push of a
    few files leaves the other texts' claim on a shared node alone.
    """
    return (
        f"UNWIND $rows AS row MERGE (n:{_label(label)} {{iri: row.iri}}) "
        "WITH n, row, coalesce(n.texts, []) AS before "
        "SET n = row.props "
        "SET n.texts = row.texts + [t IN before WHERE NOT t IN row.texts]"
    )


def merge_relations(relation: str, start: str, end: str) -> str:
    """Write ``$rows`` ({source, target, text, props}) as relationships of one type.

    One relationship per start, end and text: the same link said by two texts is two
    relationships, each carrying its own text and sentence.
    """
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{_label(start)} {{iri: row.source}}) "
        f"MATCH (b:{_label(end)} {{iri: row.target}}) "
        f"MERGE (a)-[r:{_relation(relation)} {{text: row.text}}]->(b) "
        "SET r = row.props"
    )


#: Mark texts as completely pushed (after their relationships are in).
MARK_PUSHED = (
    "UNWIND $rows AS row MATCH (t:Text {iri: row.iri}) SET t.pushed_sha256 = row.sha256"
)

# --- reading back ------------------------------------------------------------------------------

NODE_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count"
RELATION_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS relation, count(*) AS count"
