"""Result formats: a registry of formatters by name, and the table, CSV, TSV and JSON formats.

A formatter turns a :class:`~kg.sparql.run.QueryResult` into text; register one with the
:func:`formatter` decorator, and :func:`format_result` (and ``kg query --format``) can use it.

Example:
    >>> print(format_result(run_query(graph, load_query("posts")), "table"))
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

import pyoxigraph as ox

from kg.chinese import display_width
from kg.errors import QueryError
from kg.registry import Registry
from kg.sparql.run import QueryResult, Term

__all__ = [
    "FORMATTERS",
    "Formatter",
    "format_csv",
    "format_json",
    "format_result",
    "format_table",
    "format_tsv",
    "formatter",
]

Formatter = Callable[[QueryResult], str]

#: Output formats by name; fill it with the :func:`formatter` decorator.
FORMATTERS: Registry[Formatter] = Registry("formatter")


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    """Register a function as the formatter for an output format.

    Args:
        name: The format's name, as given to :func:`format_result`.

    Returns:
        A decorator that registers the function in :data:`FORMATTERS` and returns it unchanged.

    Raises:
        ValueError: If a formatter of that name is already registered.
    """
    return FORMATTERS.register(name)


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


def _table_cell(value: str | None) -> str:
    """A cell's text with ``|`` and control characters escaped, so that a row is one line."""
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


def _terms(result: QueryResult) -> Sequence[Sequence[Term | None]]:
    """The terms behind a result's rows; all None (plain literals) for a hand-built result."""
    return result.terms or [[None] * len(result.columns) for _ in result.rows]


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


def _tsv_term(term: Term | None, text: str | None) -> str:
    """One RDF term in the syntax of SPARQL 1.1 TSV results (Turtle's, as in N-Triples)."""
    if text is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f"<{text}>"  # a valid IRI (pyoxigraph's) has nothing to escape
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    quoted = '"' + _ECHAR_RE.sub(lambda m: _ECHAR[m.group()], text) + '"'
    if isinstance(term, ox.Literal):
        if term.language:
            return f"{quoted}@{term.language}"
        datatype = term.datatype.value
        if datatype != f"{_XSD}string":
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
    lines = ["\t".join(f"?{column}" for column in result.columns)]
    if result.boolean is not None:
        lines.append("true" if result.boolean else "false")
        return "\n".join(lines)
    for row, term_row in zip(result.rows, _terms(result), strict=True):
        lines.append(
            "\t".join(_tsv_term(term, text) for text, term in zip(row, term_row, strict=True))
        )
    return "\n".join(lines)


def _json_term(term: Term | None, text: str) -> dict[str, str]:
    """One RDF term as a binding of SPARQL 1.1 Query Results JSON."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": text}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    binding = {"type": "literal", "value": text}
    if isinstance(term, ox.Literal):
        if term.language:
            binding["xml:lang"] = term.language
        elif term.datatype.value != f"{_XSD}string":
            binding["datatype"] = term.datatype.value
    return binding


@formatter("json")
def format_json(result: QueryResult) -> str:
    """Format a result as SPARQL 1.1 Query Results JSON.

    A SELECT result gives ``{"head": {"vars": [...]}, "results": {"bindings": [...]}}`` with
    unbound variables left out of their binding; an ASK result gives
    ``{"head": {}, "boolean": ...}``. Types, datatypes and language tags come from the pyoxigraph
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
        bindings = [
            {
                column: _json_term(term, text)
                for column, text, term in zip(result.columns, row, term_row, strict=True)
                if text is not None
            }
            for row, term_row in zip(result.rows, _terms(result), strict=True)
        ]
        document = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(document, ensure_ascii=False, indent=2)
