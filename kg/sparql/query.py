"""Run read-only SPARQL queries on a knowledge graph and format their results.

A query is SPARQL text, a path to a ``.rq`` file, or the name of one of the queries bundled in
``kg/queries/*.rq`` (see :func:`named_queries`). Queries run on rdflib's own SPARQL engine and
only on the graph they are given: SPARQL Update, ``SERVICE`` and ``FROM``/``FROM NAMED`` are
refused, so a query can neither change the graph nor reach the network.

A query may declare parameters in comment lines (see :func:`query_parameters`)::

    # param group (optional): the study group's name, e.g. 杭州、湖州学习组.

A parameter ``group`` is the SPARQL variable ``?param_group``, which :func:`run_query` binds to
the value given as a plain literal (through rdflib's ``initBindings``: the value never becomes
SPARQL text, so it cannot change the query). An optional parameter that is not given stays
unbound, and the query is written so that it then answers for every group.

Example:
    >>> result = run_query(graph, load_query("group-roster"), {"group": "杭州、湖州学习组"})
    >>> print(format_result(result, "table"))
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import rdflib
from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import BNode, Identifier, Literal, URIRef, Variable

from kg.errors import DataError, InputError, QueryError

__all__ = [
    "FORMATTERS",
    "PARAMETER_PREFIX",
    "QUERY_FILE_SUFFIXES",
    "Parameter",
    "QueryResult",
    "check_query",
    "display_width",
    "format_query_list",
    "format_result",
    "formatter",
    "load_query",
    "named_queries",
    "query_description",
    "query_parameters",
    "run_query",
]

#: File name suffixes that make ``load_query`` treat its argument as a path.
QUERY_FILE_SUFFIXES = (".rq", ".sparql")

_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_UPDATE_RE = re.compile(
    r"""
    \A(?>(?:\s                                   # the prologue, matched atomically so that a
          |\#[^\n]*                              # failed match does not backtrack: whitespace,
          |PREFIX\s+[^\s:<>]*:\s*<[^<>]*>         # comments, PREFIX declarations
          |BASE\s*<[^<>]*>                        # and BASE declarations
         )*)
    (?P<keyword>INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b
    """,
    re.IGNORECASE | re.VERBOSE,
)
_CONTENT_RE = re.compile(r"^[^\S\n]*[^\s#]", re.MULTILINE)
_ERROR_SNIPPET_CHARS = 30

#: The SPARQL variable of a parameter is this prefix followed by the parameter's name.
PARAMETER_PREFIX = "param_"
_PARAM_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_PARAM_RE = re.compile(
    rf"^[^\S\n]*\#[^\S\n]*param[^\S\n]+(?P<name>{_PARAM_NAME})"
    r"(?P<optional>[^\S\n]*\(optional\))?[^\S\n]*:[^\S\n]*(?P<description>[^\n]*?)[^\S\n]*$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class QueryResult:
    """The result of a SELECT or ASK query.

    Attributes:
        columns: The projected variable names, in the order the query gives (for ``SELECT *``, in
            the order the variables first appear in the query text). An ASK query has the one
            column ``"ask"``.
        rows: One tuple per solution, in the order the query gives; each cell is the RDF term as
            text (a literal's lexical form, an IRI as a string, a blank node as ``_:id``) or
            ``None`` if the variable is unbound. An ASK query has one row, ``("true",)`` or
            ``("false",)``.
        terms: The rdflib terms behind ``rows`` (same shape), so that formats can keep datatypes
            and language tags; empty if the result was built by hand.
        boolean: The answer of an ASK query; ``None`` for a SELECT query.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: tuple[tuple[Identifier | None, ...], ...] = field(default=(), compare=False, repr=False)
    boolean: bool | None = None


@dataclass(frozen=True, slots=True)
class Parameter:
    """A parameter a query declares in a comment line ``# param NAME [(optional)]: description``.

    Attributes:
        name: The parameter's name, as given to :func:`run_query` (``group``).
        description: What to give, from the comment line.
        required: Whether :func:`run_query` refuses to run the query without it.
    """

    name: str
    description: str
    required: bool = True

    @property
    def variable(self) -> str:
        """The SPARQL variable the value is bound to, without ``?`` (``param_group``)."""
        return PARAMETER_PREFIX + self.name


# --------------------------------------------------------------------------- named queries


def _queries_dir() -> Traversable:
    try:
        return resources.files("kg") / "queries"
    except (OSError, TypeError, ValueError):
        # ``kg`` imported as a namespace package (a stale editable install run from another
        # directory): importlib.resources cannot read those on Python 3.11.
        return Path(__file__).with_name("queries")


def named_queries() -> dict[str, str]:
    """Return the queries bundled with kg.

    Returns:
        A dict from query name (the ``.rq`` file name without its suffix) to SPARQL text, sorted
        by name. Each query starts with a ``#`` comment line saying what it answers (see
        :func:`query_description`).

    Raises:
        DataError: If the bundled queries cannot be read.
    """
    try:
        entries = [e for e in _queries_dir().iterdir() if e.name.endswith(".rq") and e.is_file()]
        return {
            e.name.removesuffix(".rq"): e.read_text(encoding="utf-8")
            for e in sorted(entries, key=lambda e: e.name)
        }
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read the bundled queries: {exc}") from exc


def query_description(sparql: str) -> str:
    """Return what a query answers, from its first ``#`` comment line.

    Args:
        sparql: SPARQL text.

    Returns:
        The text of the first line that starts with ``#`` (without the ``#``), or ``""`` if the
        query has no comment line before its first line of SPARQL.
    """
    for line in sparql.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            return stripped.lstrip("#").strip()
        break
    return ""


def query_parameters(sparql: str) -> tuple[Parameter, ...]:
    """Return the parameters a query declares.

    A parameter is declared in a comment line ``# param NAME: description`` (required) or
    ``# param NAME (optional): description``; NAME is a letter followed by letters, digits and
    ``_``, and the query refers to the value as the variable ``?param_NAME``.

    Args:
        sparql: SPARQL text.

    Returns:
        The parameters, in the order they are declared.

    Raises:
        QueryError: If a parameter is declared twice.
    """
    found: dict[str, Parameter] = {}
    for match in _PARAM_RE.finditer(sparql):
        name = match.group("name")
        if name in found:
            raise QueryError(f"the query declares parameter {name!r} twice")
        found[name] = Parameter(
            name=name,
            description=match.group("description"),
            required=match.group("optional") is None,
        )
    return tuple(found.values())


def format_query_list(queries: Mapping[str, str] | None = None) -> str:
    """Describe the bundled queries: each name and what it answers, then its parameters.

    Args:
        queries: Query names to SPARQL text; the bundled ones (:func:`named_queries`) if None.

    Returns:
        One line per query, ``name`` padded to a common width and its description, each followed
        by an indented line per parameter (``--param name=…`` and its description); no
        trailing newline.

    Raises:
        DataError: If the bundled queries cannot be read.
        QueryError: If a query declares a parameter twice.
    """
    queries = named_queries() if queries is None else queries
    width = max((len(name) for name in queries), default=0)
    lines = []
    for name, text in queries.items():
        lines.append(f"{name:<{width}}  {query_description(text)}".rstrip())
        for param in query_parameters(text):
            optional = " (optional)" if not param.required else ""
            lines.append(f"{'':<{width}}    --param {param.name}=…{optional}: {param.description}")
    return "\n".join(lines)


def load_query(query: str) -> str:
    """Resolve a QUERY argument to SPARQL text.

    Args:
        query: SPARQL text, a path to a ``.rq`` (or ``.sparql``) file, or the name of a named
            query (see :func:`named_queries`).

    Returns:
        The SPARQL text.

    Raises:
        InputError: If ``query`` names a query file that is missing, unreadable, empty, binary or
            not UTF-8 text.
        QueryError: If ``query`` is empty, or is a bare name that is not a named query.
    """
    text = query.strip()
    if not text:
        raise QueryError("empty query: give SPARQL text, a .rq file or a named query")
    if "\n" not in text and text.lower().endswith(QUERY_FILE_SUFFIXES):
        return _read_query_file(Path(text))
    queries = named_queries()
    if text in queries:
        return queries[text]
    if _NAME_RE.fullmatch(text):
        # A bare word is never a SPARQL query: it must be a mistyped name.
        close = difflib.get_close_matches(text, list(queries), n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise QueryError(
            f"no named query {text!r}; {hint}known queries: {', '.join(queries) or 'none'}"
        )
    return query


def _read_query_file(path: Path) -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"query file not found: {path}") from exc
    except IsADirectoryError as exc:
        raise InputError(f"query file is a directory: {path}") from exc
    except OSError as exc:
        raise InputError(f"cannot read query file {path}: {exc.strerror or exc}") from exc
    if b"\0" in data:
        raise InputError(f"query file is binary, not SPARQL text: {path}")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"query file is not UTF-8 text: {path} (byte {exc.start}: {exc.reason})"
        ) from exc
    if not text.strip():
        raise InputError(f"query file is empty: {path}")
    return text


# --------------------------------------------------------------------------- running


def run_query(
    graph: rdflib.Graph, sparql: str, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a read-only SPARQL query on a graph.

    Only SELECT and ASK queries are run, on rdflib's own SPARQL engine, against ``graph`` alone.
    Prefixes bound in the graph may be used without a PREFIX declaration.

    Args:
        graph: The graph to query.
        sparql: SPARQL text (see :func:`load_query`).
        params: Values of the parameters the query declares (see :func:`query_parameters`), by
            name. Each is bound, as a plain literal, to the variable ``?param_NAME``.

    Returns:
        The result; its rows are in the order the query gives, so a query should ORDER BY to
        give deterministic output.

    Raises:
        QueryError: If the query is malformed (the message says where), is an update, uses
            SERVICE or FROM, is not a SELECT or ASK query, or fails while running; or if a
            parameter is unknown, empty, or required and not given.
    """
    bindings = _bind_parameters(sparql, params or {})
    parsed = _parse(sparql)
    _refuse_remote(parsed)
    query = _translate(parsed, graph, sparql)
    _refuse_remote(query.algebra)  # again on the algebra, in case the parse tree hid one
    kind = query.algebra.name
    if kind not in ("SelectQuery", "AskQuery"):
        verb = kind.removesuffix("Query").upper()
        raise QueryError(f"kg query runs SELECT and ASK queries only, not {verb}")
    try:
        raw = evalQuery(graph, query, bindings)
        if kind == "AskQuery":
            answer = bool(raw["askAnswer"])
            literal = Literal(answer)
            return QueryResult(
                columns=("ask",),
                rows=((_cell(literal),),),
                terms=((literal,),),
                boolean=answer,
            )
        variables = _column_order(list(raw["vars_"]), parsed, sparql)
        terms = tuple(tuple(solution.get(v) for v in variables) for solution in raw["bindings"])
    except QueryError:
        raise
    except Exception as exc:  # rdflib raises bare Exceptions while evaluating
        raise QueryError(f"query could not be run: {_one_line(str(exc))}") from exc
    return QueryResult(
        columns=tuple(str(v) for v in variables),
        rows=tuple(tuple(_cell(t) for t in row) for row in terms),
        terms=terms,
    )


def check_query(sparql: str, *, tool: str = "kg query") -> str:
    """Check that a query is well-formed and read-only, without running it.

    The same checks as :func:`run_query` makes before it runs a query (for another engine, such
    as the SPARQL endpoint's): the query must parse, must not be an update and must not use
    SERVICE or FROM. Prefixes are not checked (the engine that runs the query may know more).

    Args:
        sparql: SPARQL text.
        tool: What refuses an update in the error messages (``kg query is read-only: …``).

    Returns:
        The query form: ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.

    Raises:
        QueryError: If the query is empty or malformed (the message says where), is an update,
            or uses SERVICE or FROM.
    """
    parsed = _parse(sparql, tool)
    _refuse_remote(parsed, tool)
    return str(parsed[1].name).removesuffix("Query").upper()


def _bind_parameters(sparql: str, values: Mapping[str, str]) -> dict[str, Identifier]:
    """Check parameter values against a query's declarations; return its initBindings."""
    declared = {p.name: p for p in query_parameters(sparql)}
    for name in values:
        if name not in declared:
            if not declared:
                raise QueryError(f"unknown parameter {name!r}: the query takes no parameters")
            close = difflib.get_close_matches(name, list(declared), n=1)
            hint = f"did you mean {close[0]!r}? " if close else ""
            raise QueryError(
                f"unknown parameter {name!r}; {hint}the query's parameters are: "
                + ", ".join(_describe_parameter(p) for p in declared.values())
            )
    bindings: dict[str, Identifier] = {}
    for param in declared.values():
        value = values.get(param.name)
        if value is None:
            if param.required:
                what = f" ({param.description.rstrip('.')})" if param.description else ""
                raise QueryError(
                    f"missing parameter {param.name!r}{what}; give it as --param {param.name}=VALUE"
                )
            continue
        if not value.strip():
            raise QueryError(f"parameter {param.name!r} is empty; give a value or leave it out")
        bindings[param.variable] = Literal(value)
    return bindings


def _describe_parameter(param: Parameter) -> str:
    return param.name + ("" if param.required else " (optional)")


def _parse(sparql: str, tool: str = "kg query") -> Any:
    """Parse a SPARQL query, telling updates and malformed text apart."""
    if not _CONTENT_RE.search(sparql):
        raise QueryError("empty query: no SELECT or ASK found")
    try:
        return parseQuery(sparql)
    except ParseBaseException as exc:
        error = exc
    except Exception as exc:  # parse actions may raise anything
        raise QueryError(f"malformed SPARQL: {_one_line(str(exc))}") from exc
    update = _UPDATE_RE.match(sparql)
    if update or _is_update(sparql):
        keyword = update.group("keyword").upper() if update else "SPARQL Update"
        raise QueryError(
            f"{tool} is read-only: {keyword} is a SPARQL Update; only queries are answered"
        ) from error
    raise QueryError(_parse_error_message(error)) from error


def _is_update(sparql: str) -> bool:
    try:
        parsed = parseUpdate(sparql)
    except Exception:  # anything that is not a well-formed update
        return False
    return isinstance(parsed, CompValue) and bool(_field(parsed, "request"))


def _parse_error_message(error: ParseBaseException) -> str:
    rest = (error.line or "")[error.col - 1 :].strip()
    if not rest:
        near = " (end of query)" if not error.pstr[error.loc :].strip() else " (end of line)"
    else:
        snippet = rest[:_ERROR_SNIPPET_CHARS] + ("…" if len(rest) > _ERROR_SNIPPET_CHARS else "")
        near = f", near {snippet!r}"
    return (
        f"malformed SPARQL at line {error.lineno}, column {error.col}{near}: {_one_line(error.msg)}"
    )


def _walk(node: Any) -> Iterator[CompValue]:
    """Yield every CompValue in a parse tree or algebra expression."""
    stack = [node]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, CompValue):
            yield item
            stack.extend(item.values())
        elif isinstance(item, ParseResults):
            # A ParseResults is also a Mapping, of its named results only: walk its items too.
            stack.extend(item)
            stack.extend(item.values())
        elif isinstance(item, Mapping):
            stack.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            stack.extend(item)


def _field(node: CompValue, key: str) -> Any:
    """Return a field of a CompValue, or None (``CompValue.get`` returns the key if missing)."""
    return OrderedDict.get(node, key)


def _refuse_remote(parsed: Any, tool: str = "kg query") -> None:
    """Refuse parts of a query that make rdflib reach beyond the graph."""
    for node in _walk(parsed):
        if node.name == "ServiceGraphPattern":
            term = _field(node, "term")
            endpoint = term.n3() if isinstance(term, Identifier) else str(term)
            raise QueryError(
                f"{tool} is read-only: SERVICE {endpoint} would query a remote endpoint; "
                "queries run on the local graph only"
            )
        if node.name == "DatasetClause":
            named = _field(node, "named")
            clause = f"FROM NAMED <{named}>" if named else f"FROM <{_field(node, 'default')}>"
            raise QueryError(
                f"{tool} is read-only: {clause} would load another graph; "
                "queries run on the given graph only"
            )


def _translate(parsed: Any, graph: rdflib.Graph, sparql: str) -> Query:
    try:
        return translateQuery(parsed, initNs=dict(graph.namespaces()))
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes etc.
        message = _one_line(str(exc))
        prefix = re.fullmatch(r"Unknown namespace prefix : (.*)", message)
        if prefix:
            name = prefix.group(1)
            where = _locate(sparql, re.compile(rf"(?<![\w:?$-]){re.escape(name)}:"))
            raise QueryError(f"malformed SPARQL{where}: undeclared prefix {name}:") from exc
        raise QueryError(f"malformed SPARQL: {message}") from exc


def _locate(text: str, pattern: re.Pattern[str]) -> str:
    match = pattern.search(text)
    if match is None:
        return ""
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    return f" at line {line}, column {column}"


def _column_order(variables: list[Variable], parsed: Any, sparql: str) -> list[Variable]:
    """Order the columns of ``SELECT *`` by first appearance (rdflib gives a set's order)."""
    if _field(parsed[1], "projection"):
        return variables

    def first_use(var: Variable) -> tuple[int, str]:
        match = re.search(rf"[?$]{re.escape(str(var))}(?![\w])", sparql)
        return (match.start() if match else len(sparql), str(var))

    return sorted(variables, key=first_use)


def _cell(term: Identifier | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)


def _one_line(text: str) -> str:
    return " ".join(text.split())


# --------------------------------------------------------------------------- formatting

Formatter = Callable[[QueryResult], str]

#: Output formats by name; fill it with the :func:`formatter` decorator.
FORMATTERS: dict[str, Formatter] = {}


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    """Register a function as the formatter for an output format.

    Args:
        name: The format's name, as given to :func:`format_result`.

    Returns:
        A decorator that registers the function in :data:`FORMATTERS` and returns it unchanged.

    Raises:
        ValueError: If a formatter of that name is already registered.
    """

    def register(func: Formatter) -> Formatter:
        if name in FORMATTERS:
            raise ValueError(f"formatter {name!r} is already registered")
        FORMATTERS[name] = func
        return func

    return register


def format_result(result: QueryResult, fmt: str) -> str:
    """Format a query result.

    Args:
        result: The result of :func:`run_query`.
        fmt: A format name, one of :data:`FORMATTERS` (``table``, ``csv``, ``tsv``, ``json``).

    Returns:
        The formatted text, without a trailing newline.

    Raises:
        QueryError: If the format is unknown.
    """
    try:
        func = FORMATTERS[fmt]
    except KeyError:
        known = ", ".join(sorted(FORMATTERS))
        raise QueryError(f"unknown output format {fmt!r}; choose one of {known}") from None
    return func(result)


def display_width(text: str) -> int:
    """Return how many terminal columns a string takes.

    Wide and fullwidth characters (CJK) count 2, combining marks and format characters 0, all
    others 1.

    Args:
        text: The string.

    Returns:
        Its display width.
    """
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _table_cell(value: str | None) -> str:
    if value is None:
        return ""
    out = []
    for char in value:
        if char == "|":
            out.append("\\|")
        elif char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif char == "\r":
            out.append("\\r")
        elif unicodedata.category(char) == "Cc":
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(char)
    return "".join(out)


@formatter("table")
def format_table(result: QueryResult) -> str:
    """Format a result as an aligned table (which is also a Markdown table).

    Columns are padded to the same display width, counting CJK characters as 2. Unbound cells
    are empty; ``|``, newlines, tabs and other control characters in cells are escaped so that
    each row stays on one line.

    Args:
        result: The result.

    Returns:
        A header line, a rule line and one line per row, all of the same display width.
    """
    header = [_table_cell(c) for c in result.columns]
    body = [[_table_cell(v) for v in row] for row in result.rows]
    widths = [display_width(h) for h in header]
    for row in body:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], display_width(value))

    def line(cells: Sequence[str]) -> str:
        padded = (c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in body)])


@formatter("csv")
def format_csv(result: QueryResult) -> str:
    """Format a result as CSV: a header row of column names, then one record per row.

    Unbound cells are empty fields; lines end with ``\\n``.

    Args:
        result: The result.

    Returns:
        The CSV text, without a trailing newline.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows(["" if v is None else v for v in row] for row in result.rows)
    return buffer.getvalue().removesuffix("\n")


_XSD = "http://www.w3.org/2001/XMLSchema#"
# Literals of these datatypes are written bare in TSV when their lexical form is Turtle's.
_BARE_LITERALS = {
    f"{_XSD}integer": re.compile(r"[+-]?[0-9]+"),
    f"{_XSD}decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
    f"{_XSD}double": re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.?[0-9]+)[eE][+-]?[0-9]+"),
    f"{_XSD}boolean": re.compile(r"true|false"),
}
_ECHAR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ECHAR_RE = re.compile(r'[\\"\n\r\t]')
_IRI_ESCAPE_RE = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _tsv_term(term: Identifier | None, text: str | None) -> str:
    """One RDF term in the syntax of SPARQL 1.1 TSV results (Turtle's, as in N-Triples)."""
    if text is None:
        return ""
    if isinstance(term, URIRef):
        return "<" + _IRI_ESCAPE_RE.sub(lambda m: f"\\u{ord(m.group()):04X}", text) + ">"
    if isinstance(term, BNode):
        return f"_:{term}"
    quoted = '"' + _ECHAR_RE.sub(lambda m: _ECHAR[m.group()], text) + '"'
    if isinstance(term, Literal):
        if term.language:
            return f"{quoted}@{term.language}"
        datatype = str(term.datatype) if term.datatype else None
        if datatype and datatype != f"{_XSD}string":
            bare = _BARE_LITERALS.get(datatype)
            if bare is not None and bare.fullmatch(text):
                return text
            return f"{quoted}^^<{datatype}>"
    return quoted


@formatter("tsv")
def format_tsv(result: QueryResult) -> str:
    """Format a result as SPARQL 1.1 Query Results TSV.

    The header names each variable with its ``?``; each cell is an RDF term as Turtle writes it
    (``<iri>``, ``"text"@zh``, ``"x"^^<datatype>``, ``_:b0``; integers, decimals, doubles and
    booleans bare), with tabs and newlines in literals escaped, so that every row is one line.
    Unbound cells are empty. An ASK result (which the TSV format does not define) is the header
    ``?ask`` and the bare boolean. A hand-built result without terms gives plain literals.

    Args:
        result: The result.

    Returns:
        The TSV text, without a trailing newline.
    """
    terms: Sequence[Sequence[Identifier | None]] = result.terms or [
        [None] * len(result.columns) for _ in result.rows
    ]
    lines = ["\t".join(f"?{column}" for column in result.columns)]
    if result.boolean is not None:
        lines.append("true" if result.boolean else "false")
        return "\n".join(lines)
    for row, term_row in zip(result.rows, terms, strict=True):
        lines.append(
            "\t".join(_tsv_term(term, text) for text, term in zip(row, term_row, strict=True))
        )
    return "\n".join(lines)


def _json_term(term: Identifier | None, text: str) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": text}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    binding = {"type": "literal", "value": text}
    if isinstance(term, Literal):
        if term.language:
            binding["xml:lang"] = term.language
        elif term.datatype:
            binding["datatype"] = str(term.datatype)
    return binding


@formatter("json")
def format_json(result: QueryResult) -> str:
    """Format a result as SPARQL 1.1 Query Results JSON.

    A SELECT result gives ``{"head": {"vars": [...]}, "results": {"bindings": [...]}}`` with
    unbound variables left out of their binding; an ASK result gives
    ``{"head": {}, "boolean": ...}``. Types, datatypes and language tags come from the rdflib
    terms kept in the result (a hand-built result without terms gives plain literals).

    Args:
        result: The result.

    Returns:
        The JSON text, indented by 2, with non-ASCII characters kept as they are.
    """
    document: dict[str, Any]
    if result.boolean is not None:
        document = {"head": {}, "boolean": result.boolean}
    else:
        terms: Sequence[Sequence[Identifier | None]] = result.terms or [
            [None] * len(result.columns) for _ in result.rows
        ]
        bindings = [
            {
                column: _json_term(term, text)
                for column, text, term in zip(result.columns, row, term_row, strict=True)
                if text is not None
            }
            for row, term_row in zip(result.rows, terms, strict=True)
        ]
        document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2)
