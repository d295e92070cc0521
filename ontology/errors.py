"""The one exception family of policykg.

Every error a user can meet is a :class:`PolicyKGError`; its message is one line that
names the file or the server and the problem, so the CLI can print it and go on.
"""

from __future__ import annotations


class PolicyKGError(Exception):
    """Base of every error policykg raises on purpose."""


class InputError(PolicyKGError):
    """A source file could not be read as a text (empty, binary, corrupt, undecodable)."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")

    def __reduce__(self) -> tuple:
        # the default pickles self.args (the joined message) into a two-argument __init__;
        # worker processes send these errors back to the parent
        return (type(self), (self.path, self.problem))


class UnsupportedFormatError(InputError):
    """The file's extension is not one policykg reads."""


class DecodingError(InputError):
    """The bytes are in no encoding policykg can detect with confidence."""


class CorruptFileError(InputError):
    """A pdf/docx/html container is broken."""


class EmptyTextError(InputError):
    """The file holds no text once loaded."""


class ExtractionError(PolicyKGError):
    """The pipeline failed on a text (a bug, reported per file)."""


class StoreError(PolicyKGError):
    """The RDF store could not be opened, read or written."""


class QueryError(PolicyKGError):
    """A query is unknown, malformed or failed."""


class Neo4jError(PolicyKGError):
    """The Neo4j server is unreachable, refused the credentials or failed a write."""


class EndpointError(PolicyKGError):
    """A SPARQL endpoint (HTTP) is unreachable or answered with an error."""


class EndpointUnreachableError(EndpointError, StoreError):
    """The SPARQL server does not answer at all: no text can be written, so a build stops
    (as it does when the on-disk store fails) instead of failing every file in turn."""


class SelectionError(PolicyKGError):
    """A picture's selection (focus, kinds, size) names nothing in the graph or is invalid."""
