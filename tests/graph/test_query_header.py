"""The comment header of a .rq file: what --list shows and how parameters become terms."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from policykg.graph.query import named_queries, parse_header
from policykg.ontology.errors import QueryError

HEADER = """# name: documents-of-agency
# names in this comment line are not the query's name
# description: what one agency issued
# param issuer (label): the agency's name
# param text_id: the text's id (a plain string)
# param title (title): a title, printed any way
# columns: title, number
PREFIX eli: <http://data.europa.eu/eli/ontology#>
# name: not-a-header (after the query began)
SELECT ?title WHERE { ?d eli:passed_by ?a }
"""


def test_query_header_reads_name_description_and_typed_params():
    query = parse_header(HEADER, "test.rq")
    assert (query.name, query.description) == ("documents-of-agency", "what one agency issued")
    assert {name: p.kind for name, p in query.params.items()} == {
        "issuer": "label", "text_id": "string", "title": "title"}
    terms = query.bind({"issuer": "区司法局", "text_id": "a-2022",
                        "title": "《纲要（2021—2025年）》"})
    assert terms == {"issuer": ox.Literal("区司法局", language="zh"),
                     "text_id": ox.Literal("a-2022"),
                     "title": ox.Literal("纲要(2021-2025年)")}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("# name: x\nSELECT * {}", "needs '# name:' and '# description:'"),
        ("# description: x\nSELECT * {}", "needs '# name:' and '# description:'"),
        ("# name: x\n# description: d\n# param (label): no name\nSELECT * {}", "malformed"),
        ("# name: x\n# description: d\n# param a (number): 1\nSELECT * {}", "unknown kind"),
    ],
)
def test_query_header_mistakes_are_query_errors(text, message):
    with pytest.raises(QueryError, match=re.escape(message)):
        parse_header(text, "bad.rq")


def test_query_header_iri_param_refuses_what_is_no_iri():
    query = parse_header("# name: x\n# description: d\n# param g (iri): a graph\nASK {}", "x.rq")
    assert query.bind({"g": "https://w3id.org/policykg/id/text/a"}) == {
        "g": ox.NamedNode("https://w3id.org/policykg/id/text/a")}
    with pytest.raises(QueryError, match="not an IRI"):
        query.bind({"g": "a> <b"})


def test_query_header_shipped_queries_skip_the_writers_and_views():
    names = set(named_queries())
    assert len(names) >= 8
    assert not any(n.startswith(("view_", "writer_")) for n in names)
