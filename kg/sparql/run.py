"""Run a read-only SPARQL query on a graph, with the values of its parameters bound.

Queries run on rdflib's own SPARQL engine and only on the graph they are given: they are checked
first (see :mod:`kg.sparql.check`), so a query can neither change the graph nor reach the
network. A parameter a query declares (see :func:`kg.sparql.catalogue.query_parameters`) is
bound to the value given as a plain literal, through rdflib's ``initBindings``: the value never
becomes SPARQL text, so it cannot change the query. An optional parameter that is not given
stays unbound, and the query is written so that it then answers for every value.

Example:
    >>> result = run_query(graph, load_query("group-roster"), {"group": "杭州、湖州学习组"})
    >>> result.columns
    ('group', 'person', 'role', 'posts')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
import rdflib
from rdflib.plugins.sparql.algebra import translateQuery
from rdflib.plugins.sparql.evaluate import evalQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.term import BNode, Identifier, Literal, URIRef, Variable

from kg.errors import QueryError
from kg.sparql.catalogue import Parameter, query_parameters, suggestion
from kg.sparql.check import node_field, one_line, parse_read_only, refuse_remote

__all__ = ["QueryResult", "run_query", "run_store_query"]

Terms = tuple[tuple[Identifier | None, ...], ...]


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
    terms: Terms = field(default=(), compare=False, repr=False)
    boolean: bool | None = None


def run_query(
    graph: rdflib.Graph, sparql: str, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a read-only SPARQL query on a graph.

    Only SELECT and ASK queries are run, on rdflib's own SPARQL engine, against ``graph`` alone.
    Prefixes bound in the graph may be used without a PREFIX declaration.

    Args:
        graph: The graph to query.
        sparql: SPARQL text (see :func:`kg.sparql.catalogue.load_query`).
        params: Values of the parameters the query declares (see
            :func:`kg.sparql.catalogue.query_parameters`), by name. Each is bound, as a plain
            literal, to the variable ``?param_NAME``.

    Returns:
        The result; its rows are in the order the query gives, so a query should ORDER BY to
        give deterministic output.

    Raises:
        QueryError: If the query is malformed (the message says where), is an update, uses
            SERVICE or FROM, is not a SELECT or ASK query, or fails while running; or if a
            parameter is unknown, empty, or required and not given.
    """
    bindings = _bind_parameters(sparql, params or {})
    parsed = parse_read_only(sparql)
    query = _translate(parsed, graph, sparql)
    refuse_remote(query.algebra)  # again on the algebra, in case the parse tree hid one
    kind = query.algebra.name
    if kind not in ("SelectQuery", "AskQuery"):
        verb = kind.removesuffix("Query").upper()
        raise QueryError(f"kg query runs SELECT and ASK queries only, not {verb}")
    try:
        raw = evalQuery(graph, query, bindings)
        if kind == "AskQuery":
            return _ask_result(bool(raw["askAnswer"]))
        variables = _column_order(list(raw["vars_"]), parsed, sparql)
        terms = tuple(tuple(solution.get(v) for v in variables) for solution in raw["bindings"])
    except QueryError:
        raise
    except Exception as exc:  # rdflib raises bare Exceptions while evaluating
        raise QueryError(f"query could not be run: {one_line(str(exc))}") from exc
    return QueryResult(
        columns=tuple(str(v) for v in variables),
        rows=tuple(tuple(_cell(t) for t in row) for row in terms),
        terms=terms,
    )


def run_store_query(store: ox.Store, sparql: str, params: Mapping[str, str] | None = None,
                    prefixes: Mapping[str, str] | None = None) -> QueryResult:
    """Run a read-only SPARQL query on a pyoxigraph store (a kg store's default graph is the
    union of its reports' named graphs), with the checks and parameters of
    :func:`run_query` (a value is written into the query by :func:`with_values`).

    Raises:
        QueryError: as :func:`run_query`.
    """
    bindings = _bind_parameters(sparql, params or {})
    kind = _checked_kind(sparql)
    if kind not in ("SelectQuery", "AskQuery"):
        raise QueryError("kg query runs SELECT and ASK queries only, not "
                         f"{kind.removesuffix('Query').upper()}")
    try:
        answer = store.query(with_values(sparql, bindings), prefixes=dict(prefixes or {}))
    except (SyntaxError, OSError) as exc:
        raise QueryError(f"query could not be run: {one_line(str(exc))}") from exc
    if isinstance(answer, ox.QueryBoolean):
        return _ask_result(bool(answer))
    assert isinstance(answer, ox.QuerySolutions)
    variables = [v.value for v in answer.variables]
    solutions = list(answer)
    del answer  # pyoxigraph's iterator must be dropped in the thread that made it
    seen: dict[object, tuple[Identifier | None, str | None]] = {}  # a value comes again
    cells = [[seen[t] if t in seen else seen.setdefault(t, _both(t))
              for t in (solution[v] for v in variables)] for solution in solutions]
    return QueryResult(columns=tuple(variables),
                       rows=tuple(tuple(c for _, c in row) for row in cells),
                       terms=tuple(tuple(t for t, _ in row) for row in cells))


def _both(term: object) -> tuple[Identifier | None, str | None]:
    """A pyoxigraph term as rdflib's, and as the text of a cell."""
    converted = _from_store(term)
    return converted, _cell(converted)


@lru_cache(maxsize=128)  # the named queries again and again: each checked once
def _checked_kind(sparql: str) -> str:
    """The kind of a query (SelectQuery …) once it is checked read-only and local."""
    return str(parse_read_only(sparql)[1].name)


def with_values(sparql: str, bindings: Mapping[str, Identifier]) -> str:
    """The query with each parameter given written in as its value: ``BOUND(?param_x)`` as
    ``true``, ``?param_x`` as the literal, escaped as N-Triples escapes it (a value cannot
    end the literal, so it cannot change the query). Any store answers the result the same.
    A parameter not given stays a variable, unbound."""
    for name, value in bindings.items():
        literal = str(ox.Literal(str(value)))
        variable = rf"[?$]{re.escape(str(name))}(?![\w])"
        sparql = re.sub(rf"BOUND\s*\(\s*{variable}\s*\)", "true", sparql, flags=re.IGNORECASE)
        sparql = re.sub(variable, literal.replace("\\", r"\\"), sparql)
    return sparql


def _from_store(term: object) -> Identifier | None:
    """A pyoxigraph term as rdflib's (for the result formats)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    raise QueryError(f"a result kg cannot show: {term!r}")


def _ask_result(answer: bool) -> QueryResult:
    """The result of an ASK query: the one column ``ask`` and its answer as a literal."""
    literal = Literal(answer)
    return QueryResult(
        columns=("ask",), rows=((_cell(literal),),), terms=((literal,),), boolean=answer
    )


def _bind_parameters(sparql: str, values: Mapping[str, str]) -> dict[str, Identifier]:
    """Check parameter values against a query's declarations; return its initBindings."""
    declared = {p.name: p for p in query_parameters(sparql)}
    _refuse_unknown(values, declared)
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


def _refuse_unknown(values: Mapping[str, str], declared: Mapping[str, Parameter]) -> None:
    """Refuse a value for a parameter the query does not declare, naming those it does."""
    for name in values:
        if name not in declared:
            if not declared:
                raise QueryError(f"unknown parameter {name!r}: the query takes no parameters")
            raise QueryError(
                f"unknown parameter {name!r}; {suggestion(name, list(declared))}the query's "
                "parameters are: " + ", ".join(_describe_parameter(p) for p in declared.values())
            )


def _describe_parameter(param: Parameter) -> str:
    return param.name + ("" if param.required else " (optional)")


def _translate(parsed: Any, graph: rdflib.Graph, sparql: str) -> Query:
    """Turn a parse tree into rdflib's algebra, with the graph's prefixes declared."""
    try:
        return translateQuery(parsed, initNs=dict(graph.namespaces()))
    except Exception as exc:  # rdflib raises bare Exceptions for unknown prefixes etc.
        message = one_line(str(exc))
        prefix = re.fullmatch(r"Unknown namespace prefix : (.*)", message)
        if prefix:
            name = prefix.group(1)
            where = _locate(sparql, re.compile(rf"(?<![\w:?$-]){re.escape(name)}:"))
            raise QueryError(f"malformed SPARQL{where}: undeclared prefix {name}:") from exc
        raise QueryError(f"malformed SPARQL: {message}") from exc


def _locate(text: str, pattern: re.Pattern[str]) -> str:
    """Say where a pattern first matches: `` at line L, column C``, or ``""`` if nowhere."""
    match = pattern.search(text)
    if match is None:
        return ""
    before = text[: match.start()]
    line = before.count("\n") + 1
    column = match.start() - (before.rfind("\n") + 1) + 1
    return f" at line {line}, column {column}"


def _column_order(variables: list[Variable], parsed: Any, sparql: str) -> list[Variable]:
    """Order the columns of ``SELECT *`` by first appearance (rdflib gives a set's order)."""
    if node_field(parsed[1], "projection"):
        return variables

    def first_use(var: Variable) -> tuple[int, str]:
        match = re.search(rf"[?$]{re.escape(str(var))}(?![\w])", sparql)
        return (match.start() if match else len(sparql), str(var))

    return sorted(variables, key=first_use)


def _cell(term: Identifier | None) -> str | None:
    """A term as the text of a result cell: ``_:id`` for a blank node, None if unbound."""
    if term is None:
        return None
    if isinstance(term, BNode):
        return f"_:{term}"
    return str(term)
