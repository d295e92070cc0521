"""A remote SPARQL store over HTTP: write each text's named graph, query it back.

Any store that speaks the SPARQL 1.1 Graph Store Protocol and Protocol will do; the
tests use a real ``oxigraph serve``. A text's graph is sent in one ``PUT
<store>?graph=<text IRI>`` with an N-Triples body (and a Content-Length), which replaces
that graph: Oxigraph 0.5 keeps the old version when the body is cut off or malformed
(tested), so a build killed midway leaves no half-written text. Whether another server
does the same is up to it; the protocol does not say. ``DELETE`` takes a text out.
Whether a text is already there in a given version is a SPARQL ``ASK``
(``queries/writer_has_text.rq``) with the text and its sha-256 as bindings.

The named queries read each fact inside its text's graph (``GRAPH ?text``), so they need
no union default graph; a free query sees every text without ``GRAPH`` only if the
server is set up so (``oxigraph serve --union-default-graph``).
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import pyoxigraph as ox
from policykg.graph.query import Binding, Table, parse_results, query_file, with_values
from policykg.graph.rdf import TextGraph
from policykg.ontology.errors import EndpointError, EndpointUnreachableError, QueryError
from policykg.ontology.namespaces import GRAPH_VERSION

_RESULTS = "application/sparql-results+json, application/sparql-results+xml;q=0.9"
_HAS_TEXT = "writer_has_text.rq"


@dataclass(frozen=True)
class Endpoint:
    """Where a remote store answers, and the credentials it wants (never in a message)."""

    query_url: str
    store_url: str
    timeout: float = 60.0
    authorization: str | None = field(default=None, repr=False)

    @classmethod
    def from_url(cls, url: str, graph_store: str | None = None,
                 timeout: float = 60.0) -> Endpoint:
        """``url`` is the server's base, laid out as Oxigraph's (``url/query``,
        ``url/store``); with ``graph_store`` it is the query URL itself (Fuseki:
        ``…/ds/query`` and ``…/ds/data``). ``user:password@`` in a URL is sent as HTTP
        Basic authentication; a user without a password takes $POLICYKG_SPARQL_PASSWORD.
        """
        query_url, auth = _split_credentials(url)
        if graph_store is None:
            base = query_url.rstrip("/")
            return cls(f"{base}/query", f"{base}/store", timeout, auth)
        store_url, store_auth = _split_credentials(graph_store)
        return cls(query_url, store_url, timeout, auth or store_auth)

    def query(self, query: str, params: Mapping[str, Binding] | None = None) -> Table:
        """Run a SELECT or ASK over HTTP; parameters go in as a trailing VALUES block."""
        body = with_values(query, params or {}).encode("utf-8")
        request = urllib.request.Request(
            self.query_url,
            data=body,
            method="POST",
            headers={"Content-Type": "application/sparql-query", "Accept": _RESULTS},
        )
        payload, content_type = self._send(request)
        try:
            return parse_results(payload, content_type)
        except QueryError as err:
            raise EndpointError(f"{self.query_url}: {err}") from err

    def _send(self, request: urllib.request.Request) -> tuple[bytes, str]:
        if self.authorization:
            request.add_header("Authorization", self.authorization)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as resp:
                return resp.read(), resp.headers.get("Content-Type", "")
        except urllib.error.HTTPError as err:
            detail = " ".join(err.read(300).decode("utf-8", "replace").split())
            said = f": {detail}" if detail else ""
            raise EndpointError(f"{request.full_url}: HTTP {err.code} {err.reason}{said}") from err
        except urllib.error.URLError as err:
            raise EndpointUnreachableError(
                f"{request.full_url}: unreachable ({err.reason})") from err
        except (TimeoutError, ConnectionError) as err:
            raise EndpointUnreachableError(
                f"{request.full_url}: {type(err).__name__} ({err})") from err


class EndpointWriter:
    """The build's writer for a remote store: one named graph per text, replaced whole."""

    def __init__(self, endpoint: Endpoint | str, graph_store: str | None = None) -> None:
        self.endpoint = (Endpoint.from_url(endpoint, graph_store) if isinstance(endpoint, str)
                         else endpoint)

    def write_graph(self, graph: TextGraph) -> int:
        return self.write_text(graph.iri, graph.quads)

    def commit(self) -> None:
        """Nothing to do: every graph was sent as it came."""

    def flush(self) -> None:
        """Nothing to do: the server keeps its own store."""

    def write_text(self, text_iri: str, quads: Iterable[ox.Quad | ox.Triple]) -> int:
        """Replace the text's graph with these statements; returns how many were sent."""
        graph = ox.NamedNode(text_iri)
        triples = []
        for statement in quads:
            if isinstance(statement, ox.Quad):
                if statement.graph_name != graph:
                    raise EndpointError(
                        f"{text_iri}: a statement belongs to graph {statement.graph_name}"
                    )
                statement = statement.triple
            triples.append(statement)
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        request = urllib.request.Request(
            self._graph_url(text_iri),
            data=body,
            method="PUT",
            headers={"Content-Type": "application/n-triples"},
        )
        self.endpoint._send(request)
        return len(triples)

    def replace_graph(self, iri: str, lines: Iterable[str]) -> int:
        """Replace a named graph by these N-Triples lines, in one request; returns how many."""
        body = "".join(lines)
        request = urllib.request.Request(self._graph_url(iri), data=body.encode("utf-8"),
                                         method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        self.endpoint._send(request)
        return body.count("\n")

    def remove_text(self, text_iri: str) -> bool:
        """Drop the text's graph; False if the server did not hold it."""
        request = urllib.request.Request(self._graph_url(text_iri), method="DELETE")
        try:
            self.endpoint._send(request)
        except EndpointError as err:
            if isinstance(err.__cause__, urllib.error.HTTPError) and err.__cause__.code == 404:
                return False
            raise
        return True

    def has_text(self, text_iri: str, sha256: str) -> bool:
        """Whether the server holds this text built from these very bytes, by this version
        of the graph (GRAPH_VERSION)."""
        query = query_file(_HAS_TEXT)
        table = self.endpoint.query(query, {"text": ox.NamedNode(text_iri), "sha256": sha256,
                                            "version": GRAPH_VERSION})
        return bool(table.rows and table.rows[0][0])

    def _graph_url(self, text_iri: str) -> str:
        return f"{self.endpoint.store_url}?{urllib.parse.urlencode({'graph': text_iri})}"


def _split_credentials(url: str) -> tuple[str, str | None]:
    """The URL without ``user:password@``, and the Basic authorization they make."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        shown = parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl()
        raise EndpointError(f"{shown}: not an http(s) URL of a SPARQL server")
    if parts.username is None:
        return url, None
    user = urllib.parse.unquote(parts.username)
    password = parts.password
    if password is None:
        password = os.environ.get("POLICYKG_SPARQL_PASSWORD", "")
    else:
        password = urllib.parse.unquote(password)
    token = base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl(), f"Basic {token}"
