"""The catalogue of named queries: the ``.rq`` files bundled in ``kg/queries/``.

Each bundled query starts with a ``#`` comment line saying what it answers (see
:func:`query_description`) and may declare parameters in comment lines (see
:func:`query_parameters`)::

    # param group (optional): the study group's name, e.g. 杭州、湖州学习组.

A parameter ``group`` is the SPARQL variable ``?param_group``, which
:func:`kg.sparql.run.run_query` binds to the value given. :func:`load_query` turns what a user
typed (SPARQL text, a ``.rq`` file or a query's name) into SPARQL text.

Example:
    >>> print(format_query_list())
    >>> sparql = load_query("group-roster")
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import DataError, InputError, QueryError
from kg.resources import list_files

__all__ = [
    "PARAMETER_PREFIX",
    "QUERY_FILE_SUFFIXES",
    "Parameter",
    "format_query_list",
    "load_query",
    "named_queries",
    "query_description",
    "query_parameters",
    "suggestion",
]

#: File name suffixes that make ``load_query`` treat its argument as a path.
QUERY_FILE_SUFFIXES = (".rq", ".sparql")
#: The SPARQL variable of a parameter is this prefix followed by the parameter's name.
PARAMETER_PREFIX = "param_"

_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_PARAM_NAME = r"[A-Za-z][A-Za-z0-9_]*"
_PARAM_RE = re.compile(
    rf"^[^\S\n]*\#[^\S\n]*param[^\S\n]+(?P<name>{_PARAM_NAME})"
    r"(?P<optional>[^\S\n]*\(optional\))?[^\S\n]*:[^\S\n]*(?P<description>[^\n]*?)[^\S\n]*$",
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Parameter:
    """A parameter a query declares in a comment line ``# param NAME [(optional)]: description``.

    Attributes:
        name: The parameter's name, as given to :func:`kg.sparql.run.run_query` (``group``).
        description: What to give, from the comment line.
        required: Whether :func:`kg.sparql.run.run_query` refuses to run the query without it.
    """

    name: str
    description: str
    required: bool = True

    @property
    def variable(self) -> str:
        """The SPARQL variable the value is bound to, without ``?`` (``param_group``)."""
        return PARAMETER_PREFIX + self.name


def named_queries() -> dict[str, str]:
    """Return the queries bundled with kg.

    Returns:
        A dict from query name (the ``.rq`` file name without its suffix) to SPARQL text, sorted
        by name. Each query starts with a ``#`` comment line saying what it answers (see
        :func:`query_description`).

    Raises:
        DataError: If the bundled queries cannot be read.
    """
    entries = list_files("queries", suffix=".rq")
    try:
        return {e.name.removesuffix(".rq"): e.read_text(encoding="utf-8") for e in entries}
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


def suggestion(name: str, known: list[str]) -> str:
    """Return ``"did you mean 'x'? "`` for the known name closest to a mistyped one, or ``""``.

    Args:
        name: The name given.
        known: The valid names.

    Returns:
        The hint, ending in a space so that the rest of a message can follow it; ``""`` if no
        known name is close.
    """
    close = difflib.get_close_matches(name, known, n=1)
    return f"did you mean {close[0]!r}? " if close else ""


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
        hint = suggestion(text, list(queries))
        raise QueryError(
            f"no named query {text!r}; {hint}known queries: {', '.join(queries) or 'none'}"
        )
    return query


def _read_query_file(path: Path) -> str:
    """Read a query file as text, refusing what cannot be SPARQL (see :func:`load_query`)."""
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
