"""Run a read-only SPARQL query on a graph or a store, with the values of its parameters bound.

Queries run on pyoxigraph's engine and only on the graph they are given: they are checked
first (see :mod:`kg.sparql.check`), so a query can neither change the graph nor reach the
network. An rdflib graph is copied into an in-memory pyoxigraph store for the query, so the
answers are the same as a store's, a served graph's and a graph file's. A parameter a query
declares (see :func:`kg.sparql.catalogue.query_parameters`) is written into the query as a
plain literal (see :func:`with_values`): the value is escaped as N-Triples escapes it, so it
cannot change the query. An optional parameter that is not given stays unbound, and the query
is written so that it then answers for every value.

Example:
    >>> result = run_query(graph, load_query("group-roster"), {"group": "杭州、湖州学习组"})
    >>> result.columns
    ('group', 'person', 'role', 'posts')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.errors import QueryError
from kg.sparql.catalogue import Parameter, query_parameters, suggestion
from kg.sparql.check import check_query, malformed, one_line

if TYPE_CHECKING:
    import rdflib

__all__ = ["QueryResult", "run_query", "run_store_query", "with_values"]

_SELECT_RE = re.compile(r"\bSELECT\s+(?:(?:DISTINCT|REDUCED)\s+)?(\*)?", re.IGNORECASE)
Term = ox.NamedNode | ox.BlankNode | ox.Literal
Terms = tuple[tuple[Term | None, ...], ...]


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
        terms: The pyoxigraph terms behind ``rows`` (same shape), so that formats can keep
            datatypes and language tags; empty if the result was built by hand.
        boolean: The answer of an ASK query; ``None`` for a SELECT query.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: Terms = field(default=(), compare=False, repr=False)
    boolean: bool | None = None


def run_query(
    graph: rdflib.Graph, sparql: str, params: Mapping[str, str] | None = None
) -> QueryResult:
    """Run a read-only SPARQL query on an rdflib graph.

    Only SELECT and ASK queries are run, against ``graph`` alone (copied into an in-memory
    pyoxigraph store). Prefixes bound in the graph may be used without a PREFIX declaration.

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
    from kg.rdf.io import oxigraph_copy

    check_query(sparql)  # before the copy: a refused query costs nothing
    prefixes = {prefix: str(namespace) for prefix, namespace in graph.namespaces()}
    return run_store_query(oxigraph_copy(graph), sparql, params, prefixes)


def run_store_query(store: ox.Store, sparql: str, params: Mapping[str, str] | None = None,
                    prefixes: Mapping[str, str] | None = None) -> QueryResult:
    """Run a read-only SPARQL query on a pyoxigraph store (a kg store's default graph is the
    union of its reports' named graphs), with the checks and parameters of :func:`run_query`.

    Args:
        store: The store; its default graph is queried.
        sparql: SPARQL text.
        params: Values of the query's parameters, by name.
        prefixes: Prefixes the query may use without declaring them.

    Raises:
        QueryError: as :func:`run_query`.
    """
    bindings = _bind_parameters(sparql, params or {})
    form = check_query(sparql)
    if form not in ("SELECT", "ASK"):
        raise QueryError(f"kg query runs SELECT and ASK queries only, not {form}")
    try:
        answer = store.query(with_values(sparql, bindings), prefixes=dict(prefixes or {}))
    except SyntaxError as error:
        raise malformed(sparql, error, prefixes or {}) from error
    except OSError as error:
        raise QueryError(f"query could not be run: {one_line(str(error))}") from error
    if isinstance(answer, ox.QueryBoolean):
        return _ask_result(bool(answer))
    assert isinstance(answer, ox.QuerySolutions)
    variables = _column_order([v.value for v in answer.variables], sparql)
    solutions = list(answer)
    del answer  # pyoxigraph's iterator must be dropped in the thread that made it
    seen: dict[object, str | None] = {}  # a value comes again and again
    terms = tuple(tuple(solution[v] for v in variables) for solution in solutions)
    return QueryResult(columns=tuple(variables),
                       rows=tuple(tuple(seen[t] if t in seen else seen.setdefault(t, _cell(t))
                                        for t in row) for row in terms),
                       terms=terms)


def with_values(sparql: str, bindings: Mapping[str, str]) -> str:
    """The query with each parameter given written in as its value: ``BOUND(?param_x)`` as
    ``true``, ``?param_x`` as the literal, escaped as N-Triples escapes it (a value cannot
    end the literal, so it cannot change the query). Any store answers the result the same.
    A parameter not given stays a variable, unbound."""
    for name, value in bindings.items():
        literal = str(ox.Literal(value))
        variable = rf"[?$]{re.escape(name)}(?![\w])"
        sparql = re.sub(rf"BOUND\s*\(\s*{variable}\s*\)", "true", sparql, flags=re.IGNORECASE)
        sparql = re.sub(variable, literal.replace("\\", r"\\"), sparql)
    return sparql


def _column_order(variables: list[str], sparql: str) -> list[str]:
    """Order the columns of ``SELECT *`` by first appearance in the text (the engine sorts
    them); a projection keeps its own order."""
    select = _SELECT_RE.search(sparql)  # the query's own comes before any subquery's
    if select is None or not select.group(1):
        return variables

    def first_use(name: str) -> tuple[int, str]:
        match = re.search(rf"[?$]{re.escape(name)}(?![\w])", sparql)
        return (match.start() if match else len(sparql), name)

    return sorted(variables, key=first_use)


def _ask_result(answer: bool) -> QueryResult:
    """The result of an ASK query: the one column ``ask`` and its answer as a literal."""
    literal = ox.Literal("true" if answer else "false",
                         datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))
    return QueryResult(columns=("ask",), rows=((literal.value,),), terms=((literal,),),
                       boolean=answer)


def _bind_parameters(sparql: str, values: Mapping[str, str]) -> dict[str, str]:
    """Check parameter values against a query's declarations; return each value given by the
    variable it binds."""
    declared = {p.name: p for p in query_parameters(sparql)}
    _refuse_unknown(values, declared)
    bindings: dict[str, str] = {}
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
        bindings[param.variable] = value
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



def _cell(term: Term | None) -> str | None:
    """A term as the text of a result cell: ``_:id`` for a blank node, None if unbound."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return term.value
