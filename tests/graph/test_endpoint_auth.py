"""Explicit query and Graph Store URLs, and HTTP Basic credentials that never show."""

from __future__ import annotations

import base64
import http.server
import threading
from typing import ClassVar

import pytest
from policykg.graph.build import write_extraction
from policykg.graph.endpoint import Endpoint, EndpointWriter
from policykg.ontology.errors import EndpointError
from policykg.ontology.namespaces import text_iri

from policykg.cli import main

SECRET = "s3cr:t@pw"  # a colon and an at sign, percent-encoded in the URL


class _Guarded(http.server.BaseHTTPRequestHandler):
    """A door that wants Basic credentials and answers every request with 401 or 204."""

    seen: ClassVar[list[str | None]] = []

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        auth = self.headers.get("Authorization")
        type(self).seen.append(auth)
        expected = "Basic " + base64.b64encode(f"reader:{SECRET}".encode()).decode()
        self.send_response(204 if auth == expected else 401)
        self.end_headers()

    do_PUT = do_POST = do_DELETE = _answer

    def log_message(self, *args) -> None:  # keep the test output clean
        pass


@pytest.fixture()
def guarded():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Guarded)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Guarded.seen = []
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_endpoint_auth_credentials_are_sent_and_never_shown(guarded, monkeypatch):
    encoded = SECRET.replace(":", "%3A").replace("@", "%40")
    writer = EndpointWriter(f"http://reader:{encoded}@{guarded}")
    assert writer.remove_text(text_iri("a")) is True  # 204 from the door
    assert "s3cr" not in repr(writer.endpoint)
    wrong = EndpointWriter(f"http://reader:wrong@{guarded}")
    with pytest.raises(EndpointError, match="HTTP 401") as err:
        wrong.remove_text(text_iri("a"))
    assert "wrong" not in str(err.value) and "reader" not in str(err.value)
    # A user without a password in the URL takes it from the environment.
    monkeypatch.setenv("POLICYKG_SPARQL_PASSWORD", SECRET)
    assert EndpointWriter(f"http://reader@{guarded}").remove_text(text_iri("a")) is True
    assert _Guarded.seen[0] == _Guarded.seen[2] != _Guarded.seen[1]


@pytest.mark.server
def test_endpoint_auth_explicit_query_and_store_urls(oxigraph_server, query_extractions,
                                                     capsys):
    """A server not laid out like Oxigraph: both URLs given (here Oxigraph's own)."""
    wuxi = query_extractions[2]
    writer = EndpointWriter(f"{oxigraph_server}/query", f"{oxigraph_server}/store")
    assert writer.endpoint == Endpoint(f"{oxigraph_server}/query", f"{oxigraph_server}/store")
    write_extraction(writer, wuxi)
    try:
        assert writer.has_text(text_iri(wuxi.text_id), wuxi.sha256)
        code = main(["query", "--name", "figures-of-text", "--param", f"text_id={wuxi.text_id}",
                     "--sparql-endpoint", f"{oxigraph_server}/query",
                     "--graph-store", f"{oxigraph_server}/store", "--format", "csv"])
        assert (code, capsys.readouterr().out) == (
            0, "printed,value,unit,counted,start,end,sentence\n")
        code = main(["query", "--name", "texts-citing", "--param", "title=雾溪市行政执法监督办法",
                     "--sparql-endpoint", f"{oxigraph_server}/query",
                     "--graph-store", f"{oxigraph_server}/store", "--format", "csv"])
        assert code == 0 and capsys.readouterr().out.splitlines()[1].startswith("wuxi-notice-2021,")
        # Without --graph-store the URL is the server's base: …/query/query is not there.
        code = main(["query", "--name", "measures", "--sparql-endpoint",
                     f"{oxigraph_server}/query"])
        err = capsys.readouterr().err
        assert code == 1 and "/query/query: HTTP 404" in err and err.count("\n") == 1
        assert main(["remove", f"{wuxi.text_id}.txt", "--sparql-endpoint",
                     f"{oxigraph_server}/query", "--graph-store",
                     f"{oxigraph_server}/store"]) == 0
        assert not writer.has_text(text_iri(wuxi.text_id), wuxi.sha256)
    finally:
        writer.remove_text(text_iri(wuxi.text_id))


def test_endpoint_auth_graph_store_alone_is_refused(capsys):
    assert main(["query", "--name", "measures", "--graph-store", "http://127.0.0.1:1/"]) == 1
    assert "--graph-store goes with --sparql-endpoint" in capsys.readouterr().err
