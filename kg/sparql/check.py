"""Refuse what would change the graph or reach beyond it, before a query runs, and say where
a query is malformed.

A query is read as tokens, as a SPARQL parser reads it (its ``\\u`` escapes undone first), so
that the words inside strings, IRIs, comments, variables and prefixed names are passed over:
SPARQL Update, ``SERVICE`` (a remote endpoint) and ``FROM``/``FROM NAMED`` (another graph) are
refused with a :class:`~kg.errors.QueryError` that names the tool refusing them. This needs no
parser, so a query starts as fast as the engine that runs it (pyoxigraph); when the engine
finds the text malformed, :func:`malformed` says where (line, column and the text there), on
one line.

Example:
    >>> check_query("SELECT * WHERE { ?s ?p ?o }")
    'SELECT'
    >>> check_query("CLEAR ALL", tool="kg serve")  # raises QueryError: kg serve is read-only: …
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.errors import QueryError

__all__ = ["FORMS", "check_query", "malformed", "one_line"]

#: The query forms, as the first keyword after the prologue names them.
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_UPDATES = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_PROLOGUE_RE = re.compile(
    r"""
    (?>(?:\s                                     # the prologue, matched atomically so that a
          |\#[^\n]*                              # failed match does not backtrack: whitespace,
          |PREFIX\s+[^\s:<>]*:\s*<[^<>]*>         # comments, PREFIX declarations
          |BASE\s*<[^<>]*>                        # and BASE declarations
         )*)
    (?P<keyword>\w*)
    """,
    re.IGNORECASE | re.VERBOSE,
)
#: The tokens of a query in which a keyword cannot hide, then words, then anything else.
_TOKEN_RE = re.compile(
    r"""
    (?P<skip>'''(?:[^'\\]|\\.|'(?!''))*'''       # long strings
            |\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
            |'(?:[^'\\\n\r]|\\.)*'               # strings
            |"(?:[^"\\\n\r]|\\.)*"
            |<[^<>"{}|^`\\\x00-\x20]*>           # IRIs
            |\#[^\n]*                            # comments
            |[?$][\w\u00B7\u0300-\u036F\u203F-\u2040]+   # variables
            |_:[\w.\u00B7-]+                     # blank nodes
            |@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*        # language tags
    )
    |(?P<pname>[\w.\u00B7-]*):(?:[\w.:%\u00B7-]|\\.)*   # prefixed names
    |(?P<word>\w+)
    |.
    """,
    re.VERBOSE | re.DOTALL,
)
_DECLARED_RE = re.compile(r"PREFIX\s+([\w.\u00B7-]*):\s*<", re.IGNORECASE)
_ESCAPE_RE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_CONTENT_RE = re.compile(r"^[^\S\n]*[^\s#]", re.MULTILINE)
_ERROR_SNIPPET_CHARS = 30
_ENGINE_ERROR_RE = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)
_EXPECTED_SHOWN = 8


def check_query(sparql: str, *, tool: str = "kg query") -> str:
    """Check that a query is read-only and local, without running it.

    The query must not be empty, must not be an update and must not use SERVICE or FROM; it
    must begin (after its prologue) with a query form. Whether the rest is well-formed, and
    whether its prefixes are declared, the engine that runs it says (see :func:`malformed`).

    Args:
        sparql: SPARQL text.
        tool: What refuses an update in the error messages (``kg query is read-only: …``).

    Returns:
        The query form: ``"SELECT"``, ``"ASK"``, ``"CONSTRUCT"`` or ``"DESCRIBE"``.

    Raises:
        QueryError: If the query is empty, an update, uses SERVICE or FROM, or does not begin
            with a query form (the message says where).
    """
    text = _ESCAPE_RE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), sparql)
    if not _CONTENT_RE.search(text):
        raise QueryError("empty query: no SELECT or ASK found")
    start = _PROLOGUE_RE.match(text)
    assert start is not None  # the pattern matches the empty string
    keyword = start.group("keyword").upper()
    if keyword in _UPDATES:
        raise QueryError(f"{tool} is read-only: {keyword} is a SPARQL Update; only queries are "
                         "answered")
    if keyword not in FORMS:
        raise QueryError(f"malformed SPARQL{_where(text, start.start('keyword'))}: expected "
                         "SELECT, ASK, CONSTRUCT or DESCRIBE")
    _refuse_remote(text, start.end(), tool)
    return keyword


def _refuse_remote(text: str, start: int, tool: str) -> None:
    """Refuse SERVICE and FROM wherever they are keywords."""
    words = [m for m in _TOKEN_RE.finditer(text, start) if m.lastgroup == "word"]
    for index, match in enumerate(words):
        word = match.group().upper()
        after = words[index + 1].group().upper() if index + 1 < len(words) else ""
        if word == "SERVICE":
            raise QueryError(f"{tool} is read-only: SERVICE{_target(text, match.end())} would "
                             "query a remote endpoint; queries run on the local graph only")
        if word == "FROM":
            clause = "FROM NAMED" if after == "NAMED" else "FROM"
            raise QueryError(f"{tool} is read-only: {clause}{_target(text, match.end())} would "
                             "load another graph; queries run on the given graph only")


def _target(text: str, end: int) -> str:
    """The endpoint or graph a SERVICE or FROM clause names, as written (`` <iri>``)."""
    found = re.match(r"(?:\s+(?:SILENT|NAMED))?\s+(<[^<>\s]*>|[?$]\w+|[\w.-]*:\S*)", text[end:],
                     re.IGNORECASE)
    return f" {found.group(1)}" if found else ""


def malformed(sparql: str, error: Exception, prefixes: Iterable[str] = ()) -> QueryError:
    """The error to show for a query its engine could not parse: where it is malformed (line,
    column, the text there) and why, on one line.

    rdflib's parser, loaded only now, says where best; a query it reads but the engine does not
    is told by the first prefix it uses undeclared (neither in the query nor in ``prefixes``,
    those the engine was given), or else by the engine's own message.
    """
    located = _rdflib_says(sparql)
    if located is not None:
        return QueryError(located)
    declared = {*prefixes, *_DECLARED_RE.findall(sparql)}
    for token in _TOKEN_RE.finditer(sparql):
        if token.lastgroup == "pname" and token.group("pname") not in declared:
            return QueryError(f"malformed SPARQL{_where(sparql, token.start())}: undeclared "
                              f"prefix {token.group('pname')}:")
    message = one_line(str(error))
    found = _ENGINE_ERROR_RE.fullmatch(message)
    if found is None:
        return QueryError(f"malformed SPARQL: {message}")
    line, column, why = int(found.group(1)), int(found.group(2)), found.group(3)
    offset = _offset(sparql, line, column)
    expected = why.removeprefix("expected one of ").split(", ")
    if len(expected) > _EXPECTED_SHOWN:
        why = "expected one of " + ", ".join(expected[:_EXPECTED_SHOWN]) + " …"
    return QueryError(f"malformed SPARQL{_where(sparql, offset)}: {why}")


def _rdflib_says(sparql: str) -> str | None:
    """Where rdflib's parser finds a query malformed, or None if it reads it."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        parseQuery(sparql)
    except ParseBaseException as error:
        rest = (error.line or "")[error.col - 1 :].strip()
        if not rest:
            near = " (end of query)" if not error.pstr[error.loc :].strip() else " (end of line)"
        else:
            near = f", near {_snippet(rest)!r}"
        return (f"malformed SPARQL at line {error.lineno}, column {error.col}{near}: "
                f"{one_line(error.msg)}")
    except Exception:  # parse actions may raise anything: the engine's message is kept
        return None
    return None


def _offset(text: str, line: int, column: int) -> int:
    """The offset of a line and column (both from 1) in a text."""
    lines = text.split("\n")
    return min(len(text), sum(len(x) + 1 for x in lines[: line - 1]) + column - 1)


def _where(text: str, offset: int) -> str:
    """`` at line L, column C, near 'text'`` for an offset in a query."""
    before = text[:offset]
    line = before.count("\n") + 1
    column = offset - (before.rfind("\n") + 1) + 1
    rest = text[offset:].split("\n", 1)[0].strip()
    near = f", near {_snippet(rest)!r}" if rest else " (end of line)"
    return f" at line {line}, column {column}{near}"


def _snippet(text: str) -> str:
    return text[:_ERROR_SNIPPET_CHARS] + ("…" if len(text) > _ERROR_SNIPPET_CHARS else "")


def one_line(text: str) -> str:
    """Return a message with each run of whitespace, newlines included, made one space.

    Args:
        text: The message, such as an engine's error.

    Returns:
        The message on one line.
    """
    return " ".join(text.split())
