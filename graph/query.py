"""Named SPARQL queries and running them: on the embedded store or over HTTP, as a table.

A named query is a ``graph/queries/<name>.rq`` file (``view_*.rq``, ``writer_*.rq`` and
``summary_*.rq`` serve the picture, the writers and the summary graph, graph/summary.py)
whose header comment says what it does::

    # name: documents-of-issuer
    # description: the documents one agency issued, by title
    # param issuer (label): the agency's name, as printed or canonical

A query whose rows are numbered in its order may say so with ``# page: rank`` (the
variable holding the number, from 1): a page of it (:meth:`NamedQuery.page`) binds that
variable to the wanted numbers, so the store looks up those rows alone. The summarised
queries number theirs (graph/summary.py): the first 100 of 80,000 rows take milliseconds
where all of them take a second. Such a query may come with ``page_<name>.rq``, the form
a page reads: Oxigraph joins a pattern by seeking it once per row, which suits a page's
100 rows, and hash-joins sub-selects, which suits all of them (4× faster at 80,000 rows,
10× slower for a page).

A parameter's kind, in brackets, says which RDF term its value becomes: ``string`` (the
default, a plain literal), ``label`` (a Chinese-tagged literal, as the graph's
skos:prefLabel and skos:altLabel are), ``title`` (a document title normalised the way
the builder keys documents, matched against ``pkg:key``) or ``iri``.

Values reach a query only as bindings of its variables (``?issuer`` above), in a
trailing ``VALUES`` block of RDF terms that pyoxigraph serialises (escaped: a value can
only ever be one term, never query text), the same on the embedded store and over HTTP,
where the SPARQL protocol has no other way. (pyoxigraph's ``substitutions`` would need
every parameter among the selected columns.) A trailing ``VALUES`` is joined with the
solutions of the pattern, so a parameter must appear in a triple pattern, not only in a
FILTER or BIND, and not behind an aggregate: the named queries keep to that, and the
tests run each one both ways.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Union

import pyoxigraph as ox
from policykg.graph.resolve import normalise_title
from policykg.ontology.errors import QueryError

#: A cell of a result: an IRI or a string, a number, or nothing (unbound).
Cell = Union[str, int, float, bool, None]  # noqa: UP007  (a runtime alias)
#: What a parameter may be given as: a plain value (a literal) or an RDF term.
ParamValue = Union[str, int, float, ox.NamedNode, ox.Literal]  # noqa: UP007
#: A binding: one value, or a sequence of them (one solution each).
Binding = Union[ParamValue, Sequence[ParamValue]]  # noqa: UP007

FORMATS = ("table", "csv", "json")
#: A larger page is read whole and cut: its VALUES block would outweigh the reading.
PAGE_ROWS_MAX = 10_000
#: Query files that serve the code, not the analyst (no named queries).
_HELPERS = ("view_", "writer_", "summary_", "page_")

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {
    f"{_XSD}{t}"
    for t in (
        "integer", "int", "long", "short", "byte", "nonNegativeInteger", "positiveInteger",
        "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong",
        "unsignedShort", "unsignedByte",
    )
}
_FLOATS = {f"{_XSD}decimal", f"{_XSD}double", f"{_XSD}float"}
_HEADER = re.compile(r"^#\s*(?:(name|description|page|order)\s*:|(param)\s)\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)\s*(?:\((\w+)\))?\s*:\s*(.*)$")
#: Parameter kind -> how a command-line string becomes an RDF term.
PARAM_KINDS = {
    "string": ox.Literal,
    "label": lambda value: ox.Literal(value, language="zh"),
    "iri": ox.NamedNode,
    # A document's title however printed (《》, full-width brackets, any dash) -> its key.
    "title": lambda value: ox.Literal(normalise_title(value)),
}


@dataclass(frozen=True)
class Param:
    kind: str  # a key of PARAM_KINDS
    description: str


@dataclass(frozen=True)
class NamedQuery:
    name: str
    description: str
    params: dict[str, Param]
    text: str
    page_by: str | None = None  # the variable numbering the rows from 1 (``# page:``)
    #: Columns to sort the rows by in Python (``# order: -texts title``, ``-``: descending;
    #: graph/summary.py's definitions, which have no ORDER BY).
    order: tuple[str, ...] = ()
    page_text: str | None = None  # the form a page reads (``page_<name>.rq``), if not text

    def page(self, limit: int, offset: int = 0) -> tuple[str, dict[str, list[int]]]:
        """The query and the bindings selecting rows ``offset + 1`` to ``offset + limit``;
        the whole query and {} when it numbers no rows or the page is larger than
        :data:`PAGE_ROWS_MAX` (then run it whole and :func:`cut` the table)."""
        if limit < 0 or offset < 0:
            raise QueryError("a page's limit and offset are whole numbers ≥ 0")
        if not self.page_by or limit > PAGE_ROWS_MAX:
            return self.text, {}
        return (self.page_text or self.text,
                {self.page_by: list(range(offset + 1, offset + limit + 1))})

    def bind(self, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
        """The given strings as the terms of the declared parameters (all, and no others)."""
        missing = [p for p in self.params if p not in values]
        unknown = [p for p in values if p not in self.params]
        if missing:
            raise QueryError(f"query {self.name!r} needs --param {missing[0]}=VALUE")
        if unknown:
            declared = ", ".join(self.params) or "none"
            raise QueryError(f"query {self.name!r} has no parameter {unknown[0]!r} ({declared})")
        terms = {}
        for name, value in values.items():
            try:
                terms[name] = PARAM_KINDS[self.params[name].kind](value)
            except ValueError as err:
                raise QueryError(f"--param {name}: {value!r} is not an IRI ({err})") from err
        return terms


@dataclass
class Table:
    """A SELECT result with plain cells; ASK gives one column ``ask``."""

    columns: list[str]
    rows: list[tuple[Cell, ...]]

    def records(self) -> list[dict[str, Cell]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def parse_header(text: str, origin: str) -> NamedQuery:
    """Read the comment header of a .rq file (lines starting with ``#`` before the query)."""
    name = description = page_by = None
    order: tuple[str, ...] = ()
    params: dict[str, Param] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        if not line.startswith("#"):
            break
        match = _HEADER.match(line)
        if not match:
            continue
        key, param_word, value = match.groups()
        key = key or param_word
        if key == "name":
            name = value
        elif key == "description":
            description = value
        elif key == "page":
            page_by = _variable(value.split()[0]) if value else None
        elif key == "order":
            order = tuple(value.split())
        else:
            param = _PARAM.match(value)
            if not param:
                raise QueryError(f"{origin}: malformed parameter line {line!r}")
            name_, kind, what = param.groups()
            if (kind or "string") not in PARAM_KINDS:
                raise QueryError(f"{origin}: parameter {name_!r} has an unknown kind {kind!r}")
            params[name_] = Param(kind or "string", what)
    if not name or not description:
        raise QueryError(f"{origin}: the header needs '# name:' and '# description:' lines")
    return NamedQuery(name=name, description=description, params=params, text=text,
                      page_by=page_by, order=order)


@cache  # the writers run theirs once a text
def query_file(name: str) -> str:
    """The text of ``graph/queries/<name>``, helpers included."""
    return resources.files("policykg.graph").joinpath("queries", name).read_text("utf-8")


def named_queries() -> dict[str, NamedQuery]:
    """The shipped analyst queries by name, in name order."""
    folder = resources.files("policykg.graph").joinpath("queries")
    found: dict[str, NamedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq") or entry.name.startswith(_HELPERS):
            continue
        query = parse_header(entry.read_text(encoding="utf-8"), f"queries/{entry.name}")
        if query.name != entry.name[: -len(".rq")]:
            raise QueryError(f"queries/{entry.name}: header names it {query.name!r}")
        paged = folder.joinpath(f"page_{entry.name}")
        if query.page_by and paged.is_file():
            query = replace(query, page_text=paged.read_text(encoding="utf-8"))
        found[query.name] = query
    return found


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r} (known: {', '.join(queries)})")
    return queries[name]


def parse_param(spec: str) -> tuple[str, str]:
    """``name=value`` from the command line (the value may hold ``=``)."""
    name, sep, value = spec.partition("=")
    if not sep or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"--param {spec!r}: expected name=value")
    return name, value


def to_term(value: ParamValue) -> ox.NamedNode | ox.Literal:
    """A plain value becomes a typed literal; RDF terms pass as they are."""
    if isinstance(value, ox.NamedNode | ox.Literal):
        return value
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(f"{_XSD}boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{_XSD}integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(f"{_XSD}double"))
    return ox.Literal(str(value))


def cut(table: Table, limit: int | None, offset: int = 0) -> Table:
    """The table's rows ``offset + 1`` to ``offset + limit`` (all from there without limit)."""
    end = None if limit is None else offset + limit
    return Table(columns=table.columns, rows=table.rows[offset:end])


def run_local(
    store: ox.Store, query: str, params: Mapping[str, Binding] | None = None
) -> Table:
    """Run a SELECT or ASK on the embedded store, the union of the named graphs as default."""
    try:
        result = store.query(with_values(query, params or {}), use_default_graph_as_union=True)
    except SyntaxError as err:
        raise QueryError(f"malformed SPARQL: {_first_line(err)}") from err
    except OSError as err:
        raise QueryError(f"the store failed the query: {_first_line(err)}") from err
    return _to_table(result)


PARAMETERS = "# parameters"  # a line of a .rq file: where its VALUES block goes


def with_values(query: str, params: Mapping[str, Binding]) -> str:
    """The query with its parameters bound by a ``VALUES`` block (:func:`values_clause`):
    on the query's ``# parameters`` line if it has one, else at its end.

    A block placed first in the pattern that looks the value up makes Oxigraph start from
    it; a trailing one is joined only after the whole pattern has been matched."""
    lines = query.splitlines()
    at = [i for i, line in enumerate(lines) if line.strip() == PARAMETERS]
    if not params or not at:
        return query + values_clause(params)
    lines[at[0]] = values_clause(params).strip()
    return "\n".join(lines) + "\n"


def values_clause(params: Mapping[str, Binding]) -> str:
    """A trailing ``VALUES`` block binding the parameters, each term serialised as N-Triples;
    a parameter given a sequence of values gives a solution per value (per combination).

    The serialisation escapes quotes, backslashes and line breaks in literals, and
    pyoxigraph refuses IRIs with ``<>"{}|^`\\`` or spaces, so a value cannot leave its term.
    """
    if not params:
        return ""
    names = " ".join(f"?{_variable(name)}" for name in params)
    columns = [[str(to_term(v)) for v in value] if _many(value) else [str(to_term(value))]
               for value in params.values()]
    rows = " ".join(f"({' '.join(row)})" for row in itertools.product(*columns))
    return f"\nVALUES ({names}) {{ {rows} }}\n"


def _many(value: Binding) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


def parse_results(body: bytes, content_type: str) -> Table:
    """A SPARQL results document (JSON or XML) as a table."""
    kind = content_type.split(";")[0].strip().lower()
    fmt = {
        "application/sparql-results+json": ox.QueryResultsFormat.JSON,
        "application/json": ox.QueryResultsFormat.JSON,
        "application/sparql-results+xml": ox.QueryResultsFormat.XML,
        "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    }.get(kind)
    if fmt is None:
        raise QueryError(f"unexpected results type {kind or 'none'!r}")
    try:
        return _to_table(ox.parse_query_results(body, format=fmt))
    except SyntaxError as err:
        raise QueryError(f"unreadable SPARQL results: {_first_line(err)}") from err


def _variable(name: str) -> str:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise QueryError(f"{name!r} is not a SPARQL variable name")
    return name


def _to_table(result: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples) -> Table:
    if isinstance(result, ox.QueryBoolean):
        return Table(columns=["ask"], rows=[(bool(result),)])
    if isinstance(result, ox.QueryTriples):
        raise QueryError("only SELECT and ASK queries give a table (this is CONSTRUCT/DESCRIBE)")
    columns = [v.value for v in result.variables]
    rows = [tuple(cell(solution[c]) for c in columns) for solution in result]
    return Table(columns=columns, rows=rows)


def cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> Cell:
    """An RDF term as a plain value: IRIs and strings as text, numbers as numbers."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _FLOATS:
                return float(term.value)
        except ValueError:
            return term.value
        if datatype == f"{_XSD}boolean":
            return term.value in ("true", "1")
        return term.value
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    return str(term)


def render(table: Table, fmt: str) -> str:
    if fmt == "csv":
        return to_csv(table)
    if fmt == "json":
        return to_json(table)
    if fmt == "table":
        return to_text(table)
    raise QueryError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def to_csv(table: Table) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    writer.writerows(["" if c is None else c for c in row] for row in table.rows)
    return out.getvalue()


def to_json(table: Table) -> str:
    """One object per row, in column order; numbers stay numbers, Chinese stays readable."""
    return json.dumps(table.records(), ensure_ascii=False, indent=1) + "\n"


#: A cell of the terminal table is cut to this many columns (csv and json keep it whole).
CELL_WIDTH = 60


def to_text(table: Table) -> str:
    """Aligned columns for a terminal (Chinese characters count two columns)."""
    shown = [[_cut(_show(c)) for c in row] for row in table.rows]
    widths = [_width(name) for name in table.columns]
    for row in shown:
        widths = [max(w, _width(c)) for w, c in zip(widths, row, strict=True)]
    lines = [_line(table.columns, widths), "  ".join("-" * w for w in widths)]
    lines += [_line(row, widths) for row in shown]
    lines.append(f"({len(table.rows)} row{'' if len(table.rows) == 1 else 's'})")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _show(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    # A cell stays on its line: sentences may hold line breaks and tabs.
    return " ".join(str(value).split())


def _cut(text: str) -> str:
    if _width(text) <= CELL_WIDTH:
        return text
    kept, width = [], 0
    for ch in text:
        width += _width(ch)
        if width > CELL_WIDTH - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _line(cells: Iterable[str], widths: list[int]) -> str:
    return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True))


def _first_line(err: BaseException) -> str:
    text = str(err).strip()
    return text.splitlines()[0] if text else type(err).__name__
