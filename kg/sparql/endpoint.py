"""A read-only SPARQL 1.1 Protocol endpoint over one graph: request in, response out, no sockets.

The graph is copied into an in-memory pyoxigraph store, which answers the queries. The endpoint
is ``/sparql``:

- ``GET /sparql?query=…``;
- ``POST /sparql`` with ``application/x-www-form-urlencoded`` ``query=…``, or with the query as
  an ``application/sparql-query`` body.

SELECT and ASK results are SPARQL 1.1 Query Results JSON (the default), CSV, TSV or XML as the
``Accept`` header asks; CONSTRUCT and DESCRIBE results are Turtle (the default), N-Triples,
RDF/XML or JSON-LD. Queries are checked with :func:`kg.sparql.check.check_query` before they
run: updates, ``SERVICE`` (pyoxigraph would fetch the remote endpoint) and ``FROM`` get
400 Bad Request with the reason as plain text, as does malformed SPARQL; other paths get 404.
:mod:`kg.sparql.server` puts an endpoint on the network.

Example:
    >>> endpoint = Endpoint(graph)
    >>> endpoint.handle("GET", "/sparql?query=ASK%7B%7D", {"Accept": "text/csv"}).text
    'true'
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import rdflib

from kg.errors import QueryError
from kg.rdf.io import default_size, oxigraph_copy
from kg.sparql.check import check_query, malformed, one_line

__all__ = [
    "ENDPOINT_PATH",
    "GRAPH_TYPES",
    "MAX_BODY_BYTES",
    "RESULT_TYPES",
    "Endpoint",
    "Response",
    "negotiate",
]

ENDPOINT_PATH = "/sparql"
#: The largest request body read, in bytes.
MAX_BODY_BYTES = 1 << 20

#: Media types of SELECT and ASK results, in the order chosen when the client does not care.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
}
#: Media types of CONSTRUCT and DESCRIBE results, in the order chosen when the client does not care.
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/ld+json": ox.RdfFormat.JSON_LD,
}
_FORM = "application/x-www-form-urlencoded"
_SPARQL_QUERY = "application/sparql-query"
_SPARQL_UPDATE = "application/sparql-update"
_PREFIX_RE = re.compile(r"[A-Za-z][A-Za-z0-9_.-]*")
_READ_ONLY = "kg serve is read-only: SPARQL Update is refused; only queries are answered"
_TOO_LARGE = "the request body is too large"


@dataclass(frozen=True, slots=True)
class Response:
    """An HTTP response, before it is sent.

    Attributes:
        status: The HTTP status code.
        content_type: The ``Content-Type`` header.
        body: The body.
        headers: Other headers, as (name, value) pairs.
    """

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (every body the endpoint sends is UTF-8)."""
        return self.body.decode("utf-8")

    @classmethod
    def error(cls, status: HTTPStatus, message: str, *headers: tuple[str, str]) -> Response:
        """Return an error response: the message as one line of plain text.

        Args:
            status: The HTTP status.
            message: What went wrong, and what to do instead.
            *headers: Other headers, as (name, value) pairs.

        Returns:
            The response.
        """
        return cls(int(status), "text/plain; charset=utf-8", (message + "\n").encode(), headers)

    @classmethod
    def too_large(cls) -> Response:
        """Return the response to a request body over :data:`MAX_BODY_BYTES` (413)."""
        return cls.error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, _TOO_LARGE)


class _RequestError(Exception):
    """A request the endpoint answers with an error instead of results."""

    def __init__(self, response: Response) -> None:
        super().__init__(response.text)
        self.response = response


class Endpoint:
    """Answers SPARQL Protocol requests on one graph; knows nothing of sockets.

    Args:
        graph: The graph to answer on; its triples are copied into a pyoxigraph store, and its
            prefixes may be used in queries without a PREFIX declaration (as in ``kg query``).
    """

    def __init__(self, graph: rdflib.Graph) -> None:
        self._open(oxigraph_copy(graph),
                   {prefix: str(namespace) for prefix, namespace in graph.namespaces()})

    @classmethod
    def on_store(cls, store: ox.Store, prefixes: Mapping[str, str]) -> Endpoint:
        """An endpoint answering on a kg store as it is on disk (its default graph the union
        of the reports, each report's named graph there too), not a copy."""
        endpoint = cls.__new__(cls)
        endpoint._open(store, prefixes)
        return endpoint

    def _open(self, store: ox.Store, prefixes: Mapping[str, str]) -> None:
        self.store = store
        self.prefixes = {prefix: namespace for prefix, namespace in prefixes.items()
                         if _PREFIX_RE.fullmatch(prefix)}
        # rdflib's parser (pyparsing), which says where a query is malformed, keeps a cache
        # shared by every thread: one such message at a time.
        self._error_lock = threading.Lock()

    def __len__(self) -> int:
        """Return the number of triples in the default graph (a kg store's: the union of
        its reports, each statement once)."""
        return default_size(self.store)

    def handle(
        self, method: str, target: str, headers: Mapping[str, str], body: bytes = b""
    ) -> Response:
        """Answer one HTTP request.

        Args:
            method: The HTTP method (``GET``, ``POST`` …).
            target: The request target: path and query string (``/sparql?query=…``).
            headers: The request headers; names are matched without regard to case.
            body: The request body.

        Returns:
            The response: the query's results (200), or an error as plain text: 400 for a
            malformed query, an update, SERVICE or FROM, or a request without one query; 404 for
            another path; 405 for another method; 406 if no format the client accepts fits;
            413 for a body over :data:`MAX_BODY_BYTES`; 415 for a POST of another content type.
        """
        lower = {name.lower(): value for name, value in headers.items()}
        url = urlsplit(target)
        try:
            _check_request(method, url.path, body)
            params = parse_qs(url.query, keep_blank_values=True)
            if method == "POST":
                _add_body_params(params, lower.get("content-type", ""), body)
            sparql = _the_query(params)
        except _RequestError as refused:
            return refused.response
        return self.answer(sparql, lower.get("accept"))

    def answer(self, sparql: str, accept: str | None = None) -> Response:
        """Run a read-only query and serialise its results as the client accepts.

        Args:
            sparql: SPARQL text.
            accept: The ``Accept`` header, or None (any format).

        Returns:
            The results (200), or an error as plain text: 400 for a malformed query, an update,
            SERVICE or FROM; 406 if no format in ``accept`` fits the query's results.
        """
        try:
            form = check_query(sparql, tool="kg serve")
        except QueryError as error:
            return Response.error(HTTPStatus.BAD_REQUEST, str(error))
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        offered = list(GRAPH_TYPES if graph_form else RESULT_TYPES)
        media_type = negotiate(accept, offered)
        if media_type is None:
            return Response.error(
                HTTPStatus.NOT_ACCEPTABLE,
                f"no acceptable format for {form} results; accept one of: " + ", ".join(offered),
            )
        try:
            body = self._run(sparql, media_type)
        except SyntaxError as error:
            with self._error_lock:
                message = str(malformed(sparql, error, self.prefixes))
            return Response.error(HTTPStatus.BAD_REQUEST, message)
        except OSError as error:  # pyoxigraph's error for anything that fails while running
            message = f"query could not be run: {one_line(str(error))}"
            return Response.error(HTTPStatus.BAD_REQUEST, message)
        content_type = media_type if media_type.endswith("json") else f"{media_type}; charset=utf-8"
        return Response(int(HTTPStatus.OK), content_type, body)

    def _run(self, sparql: str, media_type: str) -> bytes:
        """Run a query on the store and serialise its results.

        pyoxigraph's results must be dropped in the thread that made them: so they live in this
        frame only.
        """
        results = self.store.query(sparql, prefixes=self.prefixes)
        if isinstance(results, ox.QueryTriples):
            return results.serialize(format=GRAPH_TYPES[media_type]) or b""
        return results.serialize(format=RESULT_TYPES[media_type]) or b""


def _check_request(method: str, path: str, body: bytes) -> None:
    """Refuse a request to another path, with another method or with too large a body."""
    if path.rstrip("/") != ENDPOINT_PATH:
        message = f"not found; the SPARQL endpoint is {ENDPOINT_PATH}"
        raise _RequestError(Response.error(HTTPStatus.NOT_FOUND, message))
    if method not in ("GET", "POST"):
        raise _RequestError(Response.error(
            HTTPStatus.METHOD_NOT_ALLOWED,
            f"{method} is not allowed: query with GET or POST",
            ("Allow", "GET, POST"),
        ))
    if len(body) > MAX_BODY_BYTES:
        raise _RequestError(Response.too_large())


def _add_body_params(params: dict[str, list[str]], content_type: str, body: bytes) -> None:
    """Add the parameters a POST body holds (a form, or the query itself) to ``params``."""
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == _SPARQL_UPDATE:
        raise _RequestError(Response.error(HTTPStatus.BAD_REQUEST, _READ_ONLY))
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise _RequestError(
            Response.error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8 text")
        ) from None
    if media_type == _FORM:
        for name, values in parse_qs(text, keep_blank_values=True).items():
            params.setdefault(name, []).extend(values)
    elif media_type == _SPARQL_QUERY:
        params.setdefault("query", []).append(text)
    else:
        raise _RequestError(Response.error(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            f"POST the query as {_FORM} (query=…) or as {_SPARQL_QUERY}",
        ))


def _the_query(params: Mapping[str, list[str]]) -> str:
    """Return the one query a request gives, refusing updates and other graphs."""
    if "update" in params:
        raise _RequestError(Response.error(HTTPStatus.BAD_REQUEST, _READ_ONLY))
    for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri"):
        if any(params.get(name, [])):
            raise _RequestError(Response.error(
                HTTPStatus.BAD_REQUEST,
                f"{name} is not supported: queries run on the endpoint's one graph",
            ))
    queries = params.get("query", [])
    if len(queries) != 1:
        how = "one query" if queries else "a query"
        raise _RequestError(Response.error(
            HTTPStatus.BAD_REQUEST,
            f"give {how}: GET {ENDPOINT_PATH}?query=…, or POST it as {_FORM} (query=…) "
            f"or as {_SPARQL_QUERY}",
        ))
    return queries[0]


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """Choose the media type to answer with.

    Args:
        accept: An HTTP ``Accept`` header (``text/csv, */*;q=0.1``), or None.
        offered: The media types the server can send, most preferred first.

    Returns:
        The offered type with the highest quality in ``accept`` (an exact match counts before a
        ``type/*`` range, which counts before ``*/*``), the first offered on a tie; the first
        offered if ``accept`` is None or empty; None if ``accept`` allows none of them.
    """
    if not accept or not accept.strip():
        return offered[0]
    ranges = _media_ranges(accept)
    best: tuple[float, int, str] | None = None
    for index, media_type in enumerate(offered):
        quality = _quality(media_type, ranges)
        if quality > 0 and (best is None or quality > best[0]):
            best = (quality, index, media_type)
    return best[2] if best else None


def _media_ranges(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` header, lower-cased, each with its quality."""
    ranges: list[tuple[str, float]] = []
    for item in accept.split(","):
        media_range, *params = (part.strip() for part in item.split(";"))
        quality = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if media_range:
            ranges.append((media_range.lower(), quality))
    return ranges


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The quality the most specific matching range gives a media type (0 if none matches)."""
    major = media_type.split("/")[0]
    for pattern in (media_type, f"{major}/*", "*/*"):
        qualities = [quality for media_range, quality in ranges if media_range == pattern]
        if qualities:
            return max(qualities)
    return 0.0
