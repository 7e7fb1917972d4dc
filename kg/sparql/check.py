"""Parse a SPARQL query and refuse what would change the graph or reach beyond it.

SPARQL Update, ``SERVICE`` (a remote endpoint) and ``FROM``/``FROM NAMED`` (another graph) are
refused with a :class:`~kg.errors.QueryError` that names the tool refusing them; malformed text
gets a message that says where (line, column and the text there), on one line.

Example:
    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    'SELECT'
    >>> check_query("CLEAR ALL", tool="kg serve")  # raises QueryError: kg serve is read-only: …
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from typing import Any

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Identifier

from kg.errors import QueryError

__all__ = ["check_query", "node_field", "one_line", "parse_read_only", "refuse_remote"]

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


def check_query(sparql: str, *, tool: str = "kg query") -> str:
    """Check that a query is well-formed and read-only, without running it.

    The same checks as :func:`kg.sparql.run.run_query` makes before it runs a query (for another
    engine, such as the SPARQL endpoint's): the query must parse, must not be an update and must
    not use SERVICE or FROM. Prefixes are not checked (the engine that runs the query may know
    more).

    Args:
        sparql: SPARQL text.
        tool: What refuses an update in the error messages (``kg query is read-only: …``).

    Returns:
        The query form: ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.

    Raises:
        QueryError: If the query is empty or malformed (the message says where), is an update,
            or uses SERVICE or FROM.
    """
    parsed = parse_read_only(sparql, tool)
    return str(parsed[1].name).removesuffix("Query").upper()


def parse_read_only(sparql: str, tool: str = "kg query") -> Any:
    """Parse a query and refuse updates, SERVICE and FROM.

    Args:
        sparql: SPARQL text.
        tool: What refuses the query in the error messages.

    Returns:
        rdflib's parse tree of the query (its prologue, then the query itself).

    Raises:
        QueryError: As :func:`check_query` does.
    """
    parsed = _parse(sparql, tool)
    refuse_remote(parsed, tool)
    return parsed


def refuse_remote(tree: Any, tool: str = "kg query") -> None:
    """Refuse the parts of a query that make rdflib reach beyond the graph.

    Args:
        tree: A parse tree or an algebra expression.
        tool: What refuses the query in the error messages.

    Raises:
        QueryError: If ``tree`` holds a SERVICE or a FROM (NAMED) clause.
    """
    for node in _walk(tree):
        if node.name == "ServiceGraphPattern":
            term = node_field(node, "term")
            endpoint = term.n3() if isinstance(term, Identifier) else str(term)
            raise QueryError(
                f"{tool} is read-only: SERVICE {endpoint} would query a remote endpoint; "
                "queries run on the local graph only"
            )
        if node.name == "DatasetClause":
            named = node_field(node, "named")
            clause = f"FROM NAMED <{named}>" if named else f"FROM <{node_field(node, 'default')}>"
            raise QueryError(
                f"{tool} is read-only: {clause} would load another graph; "
                "queries run on the given graph only"
            )


def node_field(node: CompValue, key: str) -> Any:
    """Return a field of a parse tree node, or None.

    Args:
        node: The node.
        key: The field's name.

    Returns:
        The field's value; None if the node has no such field (where ``CompValue.get`` would
        return the key itself).
    """
    return OrderedDict.get(node, key)


def one_line(text: str) -> str:
    """Return a message with each run of whitespace, newlines included, made one space.

    Args:
        text: The message, such as an rdflib or pyparsing error.

    Returns:
        The message on one line.
    """
    return " ".join(text.split())


def _parse(sparql: str, tool: str) -> Any:
    """Parse a SPARQL query, telling updates and malformed text apart."""
    if not _CONTENT_RE.search(sparql):
        raise QueryError("empty query: no SELECT or ASK found")
    try:
        return parseQuery(sparql)
    except ParseBaseException as exc:
        error = exc
    except Exception as exc:  # parse actions may raise anything
        raise QueryError(f"malformed SPARQL: {one_line(str(exc))}") from exc
    update = _UPDATE_RE.match(sparql)
    if update or _is_update(sparql):
        keyword = update.group("keyword").upper() if update else "SPARQL Update"
        raise QueryError(
            f"{tool} is read-only: {keyword} is a SPARQL Update; only queries are answered"
        ) from error
    raise QueryError(_parse_error_message(error)) from error


def _is_update(sparql: str) -> bool:
    """Whether text that is not a query is a well-formed SPARQL Update."""
    try:
        parsed = parseUpdate(sparql)
    except Exception:  # anything that is not a well-formed update
        return False
    return isinstance(parsed, CompValue) and bool(node_field(parsed, "request"))


def _parse_error_message(error: ParseBaseException) -> str:
    """Say where a query is malformed: line, column and the text there."""
    rest = (error.line or "")[error.col - 1 :].strip()
    if not rest:
        near = " (end of query)" if not error.pstr[error.loc :].strip() else " (end of line)"
    else:
        snippet = rest[:_ERROR_SNIPPET_CHARS] + ("…" if len(rest) > _ERROR_SNIPPET_CHARS else "")
        near = f", near {snippet!r}"
    return (
        f"malformed SPARQL at line {error.lineno}, column {error.col}{near}: {one_line(error.msg)}"
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
