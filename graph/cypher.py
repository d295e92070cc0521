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


def create_nodes(label: str) -> str:
    """Write ``$rows`` ({iri, props, texts}) as new nodes of one label: the first push into
    an empty database, where there is nothing to merge with (half merge_nodes' time)."""
    return f"UNWIND $rows AS row CREATE (n:{_label(label)}) SET n = row.props"


#: Whether the database holds any node (read from the counts store, not a scan).
ANY_NODE = "MATCH (n) RETURN count(n) > 0 AS any"


#: The properties a relationship may have (docs/model.md), in the order of a row's values
#: after its start and end IRIs.
RELATION_PROPERTIES = (
    "text", "sentence", "trigger", "mention_starts", "mention_ends", "mention_printed",
    "mention_sentences", "mention_indexes", "assertion_sentences", "assertion_indexes",
    "assertion_triggers",
)


def create_relations(relation: str, start: str, end: str) -> str:
    """Write ``$rows`` ([start IRI, end IRI, *RELATION_PROPERTIES values], null for none)
    as relationships of one type.

    One relationship per start, end and text: the same link said by two texts is two
    relationships, each carrying its own text and sentence. A plain CREATE: the writer
    runs it in the transaction that first deletes the relationships of the rows' texts
    (:func:`delete_text_relations`), so a batch replayed after its commit went through
    adds nothing, and no per-row check is needed (a NOT EXISTS per row read back, through
    the text index, every relationship its text already had in the transaction). The
    properties are named in the pattern, not SET from a map: a map's unknown keys made
    the planner buffer the whole batch (Eager) between CREATE and SET.
    """
    values = ", ".join(f"{key}: row[{i}]" for i, key in enumerate(RELATION_PROPERTIES, 2))
    return (
        f"UNWIND $rows AS row "
        f"MATCH (a:{_label(start)} {{iri: row[0]}}) "
        f"MATCH (b:{_label(end)} {{iri: row[1]}}) "
        f"CREATE (a)-[:{_relation(relation)} {{{values}}}]->(b)"
    )


#: Wait until the indexes just created are online (the merges use them).
AWAIT_INDEXES = "CALL db.awaitIndexes($seconds)"

#: Mark texts as completely pushed (after their relationships are in).
MARK_PUSHED = (
    "UNWIND $rows AS row MATCH (t:Text {iri: row.iri}) SET t.pushed_sha256 = row.sha256"
)

# --- reading back ------------------------------------------------------------------------------

#: Delete up to $limit nodes with their relationships (call until it deletes none): empties
#: a database in transactions of bounded size.
DELETE_SOME = "MATCH (n) WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted"

NODE_COUNTS = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count"
RELATION_COUNTS = "MATCH ()-[r]->() RETURN type(r) AS relation, count(*) AS count"


# --- named queries: the Cypher twins of graph/queries/<name>.rq ----------------------------
# Same name, parameters, columns and ORDER BY as the SPARQL file; tests run each pair on
# the same graph. Mentions and stating sentences are the parallel lists the writer puts on
# relationships (graph/neo4j_writer.py Provenance: "" and -1 stand for nothing).

_ITEM = "MATCH (item) WHERE item.label = $name OR $name IN coalesce(item.printed, []) "
_MENTIONS = "UNWIND range(0, size(coalesce(r.mention_starts, [])) - 1) AS k "
_MENTION_SENTENCE = "CASE r.mention_sentences[k] WHEN '' THEN null ELSE r.mention_sentences[k] END"

NAMED = MappingProxyType({
    "most-cited-documents": (
        "MATCH (t:Text)-[:CITES]->(d:Document) "
        "WITH d, count(DISTINCT t) AS texts "
        "RETURN d.label AS title, d.number AS number, texts "
        "ORDER BY texts DESC, title"
    ),
    "documents-of-issuer": (
        "MATCH (a:Agency)-[:ISSUED]->(d:Document) "
        "WHERE a.label = $issuer OR $issuer IN coalesce(a.printed, []) "
        "RETURN DISTINCT a.label AS agency, d.label AS title, d.number AS number "
        "ORDER BY agency, title, number"
    ),
    "agencies-by-texts": (
        "MATCH (t:Text)-[r:MENTIONS]->(a:Agency) WHERE size(coalesce(r.mention_starts, [])) > 0 "
        "WITH a, count(DISTINCT t) AS texts, sum(size(r.mention_starts)) AS mentions "
        "RETURN a.label AS agency, texts, mentions "
        "ORDER BY texts DESC, mentions DESC, agency"
    ),
    "agencies-together": (
        "MATCH (a1:Agency) WHERE a1.label = $name OR $name IN coalesce(a1.printed, []) "
        "MATCH (t:Text)-[r1:MENTIONS]->(a1), (t)-[r2:MENTIONS]->(a2:Agency) WHERE a2 <> a1 "
        "WITH a1, a2, t, [i IN coalesce(r1.mention_indexes, []) "
        "  WHERE i >= 0 AND i IN coalesce(r2.mention_indexes, [])] AS shared "
        "UNWIND CASE WHEN shared = [] THEN [null] ELSE shared END AS i "
        "WITH a1, a2, count(DISTINCT t) AS texts, "
        "  count(DISTINCT CASE WHEN i IS NOT NULL THEN t.iri + ' ' + toString(i) END) AS sentences "
        "RETURN a1.label AS agency, a2.label AS other, texts, sentences "
        "ORDER BY agency, texts DESC, sentences DESC, other"
    ),
    "documents-by-type-and-year": (
        "MATCH (d:Document) "
        "RETURN d.doc_type AS type, d.year AS year, count(DISTINCT d) AS documents "
        "ORDER BY type IS NULL, type, year IS NULL, year"
    ),
    "documents-implemented": (
        "MATCH (a:Document)-[r:IMPLEMENTS]->(b:Document) "
        "WHERE size(coalesce(r.assertion_indexes, [])) > 0 "
        "WITH a.label AS document, b.label AS implements, count(DISTINCT r.text) AS texts "
        "RETURN document, implements, texts "
        "ORDER BY texts DESC, document, implements"
    ),
    "facts-of": (
        _ITEM
        + "MATCH (item)-[r]-() WHERE size(coalesce(r.assertion_indexes, [])) > 0 "
        "WITH DISTINCT r, startNode(r) AS x, endNode(r) AS y "
        # ISSUED and ESTABLISHES run against their RDF predicates (eli:passed_by, establishedBy)
        "WITH r, CASE WHEN type(r) IN ['ISSUED', 'ESTABLISHES'] THEN [y, x] "
        "  ELSE [x, y] END AS so "
        "UNWIND range(0, size(r.assertion_indexes) - 1) AS k "
        "RETURN DISTINCT so[0].label AS subject, "
        "  CASE type(r) WHEN 'CITES' THEN 'cites' WHEN 'ISSUED' THEN 'passed_by' "
        "  WHEN 'IMPLEMENTS' THEN 'ensures_implementation_of' "
        "  WHEN 'ESTABLISHES' THEN 'establishedBy' WHEN 'CARRIES_OUT' THEN 'carriesOut' "
        "  WHEN 'MEMBER_OF' THEN 'memberOf' WHEN 'PART_OF' THEN 'subOrganizationOf' "
        "  WHEN 'ABOUT' THEN 'about' END AS relation, "
        "  so[1].label AS object, r.text AS text, "
        "  CASE r.assertion_triggers[k] WHEN '' THEN null ELSE r.assertion_triggers[k] END "
        "  AS trigger, "
        "  CASE r.assertion_sentences[k] WHEN '' THEN null ELSE r.assertion_sentences[k] END "
        "  AS sentence "
        "ORDER BY text, relation, subject, object"
    ),
    "figures-of-text": (
        "MATCH (t:Text)-[r:REPORTS]->(f:Figure) "
        "WHERE r.text = $text_id AND f.value IS NOT NULL AND f.unit IS NOT NULL "
        + _MENTIONS
        + "RETURN r.mention_printed[k] AS printed, f.value AS value, f.unit AS unit, "
        "  f.counted AS counted, r.mention_starts[k] AS start, r.mention_ends[k] AS end, "
        f"  {_MENTION_SENTENCE} AS sentence "
        "ORDER BY start, end"
    ),
    "measures": (
        "MATCH (m:Measure) "
        "OPTIONAL MATCH (a:Agency)-[:CARRIES_OUT]->(m) "
        "WITH m, [p IN collect(DISTINCT ['CARRIES_OUT', a.label]) WHERE p[1] IS NOT NULL] "
        "  AS carried "
        "OPTIONAL MATCH (d:Document)-[:ESTABLISHES]->(m) "
        "WITH m, carried, "
        "  [p IN collect(DISTINCT ['ESTABLISHES', d.label]) WHERE p[1] IS NOT NULL] AS made "
        "WITH m, carried + made AS pairs "
        "UNWIND CASE WHEN pairs = [] THEN [['', '']] ELSE pairs END AS pair "
        "RETURN DISTINCT m.label AS measure, pair[0] AS relation, pair[1] AS name "
        "ORDER BY measure, relation, name"
    ),
    "provenance-of": (
        _ITEM
        + "MATCH (:Text)-[r]->(item) "
        + _MENTIONS
        + "RETURN DISTINCT item.label AS entity, r.text AS text, r.mention_starts[k] AS start, "
        "  r.mention_ends[k] AS end, r.mention_printed[k] AS printed, "
        f"  {_MENTION_SENTENCE} AS sentence "
        "ORDER BY entity, text, start"
    ),
    "texts-citing": (
        "MATCH (t:Text)-[r:CITES]->(d:Document {canonical: $title}) "
        + _MENTIONS
        + "RETURN DISTINCT r.text AS text, r.mention_starts[k] AS start, "
        f"  {_MENTION_SENTENCE} AS sentence "
        "ORDER BY text, start"
    ),
})
