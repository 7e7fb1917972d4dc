"""A read-only SPARQL 1.1 Protocol endpoint over one graph, for SPARQLWrapper, YASGUI or curl.

The graph is read once (with :func:`kg.export.load_graph`, so any file ``kg query`` reads) into
an in-memory pyoxigraph store, which answers the queries; the HTTP side is the standard
library's :class:`~http.server.ThreadingHTTPServer`. The endpoint is ``/sparql``:

- ``GET /sparql?query=…``;
- ``POST /sparql`` with ``application/x-www-form-urlencoded`` ``query=…``, or with the query as
  an ``application/sparql-query`` body.

SELECT and ASK results are SPARQL 1.1 Query Results JSON (the default), CSV, TSV or XML as the
``Accept`` header asks; CONSTRUCT and DESCRIBE results are Turtle (the default), N-Triples,
RDF/XML or JSON-LD. Queries are checked with :func:`kg.sparql.check.check_query` before they run:
updates, ``SERVICE`` (pyoxigraph would fetch the remote endpoint) and ``FROM`` get
400 Bad Request with the reason as plain text, as does malformed SPARQL; other paths get 404.

Nothing here prints: requests are logged to the ``kg.serve`` logger.

Example:
    >>> server = make_server(Path("output/graph.ttl"), port=0)
    >>> server.url
    'http://127.0.0.1:40411/sparql'
    >>> serve_forever(server)  # until shut down or interrupted
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
import rdflib

from kg.errors import QueryError, ServeError
from kg.rdf.io import load_graph
from kg.sparql.check import check_query, one_line

__all__ = [
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "ENDPOINT_PATH",
    "Endpoint",
    "Response",
    "ServeError",
    "SparqlServer",
    "make_server",
    "serve_forever",
]

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878
ENDPOINT_PATH = "/sparql"
#: The largest request body read, in bytes.
MAX_BODY_BYTES = 1 << 20

_LOG = logging.getLogger(__name__)

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


def _error(status: HTTPStatus, message: str, *headers: tuple[str, str]) -> Response:
    return Response(int(status), "text/plain; charset=utf-8", (message + "\n").encode(), headers)


class Endpoint:
    """Answers SPARQL Protocol requests on one graph; knows nothing of sockets.

    Args:
        graph: The graph to answer on; its triples are copied into a pyoxigraph store, and its
            prefixes may be used in queries without a PREFIX declaration (as in ``kg query``).
    """

    def __init__(self, graph: rdflib.Graph) -> None:
        self.store = ox.Store()
        self.store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
        self.prefixes = {
            prefix: str(namespace)
            for prefix, namespace in graph.namespaces()
            if _PREFIX_RE.fullmatch(prefix)
        }
        # rdflib's parser (pyparsing) keeps a cache shared by every thread: one check at a time.
        self._check_lock = threading.Lock()

    def __len__(self) -> int:
        """Return the number of triples in the store."""
        return len(self.store)

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
        if url.path.rstrip("/") != ENDPOINT_PATH:
            message = f"not found; the SPARQL endpoint is {ENDPOINT_PATH}"
            return _error(HTTPStatus.NOT_FOUND, message)
        if method not in ("GET", "POST"):
            return _error(
                HTTPStatus.METHOD_NOT_ALLOWED,
                f"{method} is not allowed: query with GET or POST",
                ("Allow", "GET, POST"),
            )
        if len(body) > MAX_BODY_BYTES:
            return _error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request body is too large")
        params = parse_qs(url.query, keep_blank_values=True)
        if method == "POST":
            media_type = lower.get("content-type", "").split(";")[0].strip().lower()
            if media_type == _SPARQL_UPDATE:
                return _error(HTTPStatus.BAD_REQUEST, _READ_ONLY)
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                return _error(HTTPStatus.BAD_REQUEST, "the request body is not UTF-8 text")
            if media_type == _FORM:
                for name, values in parse_qs(text, keep_blank_values=True).items():
                    params.setdefault(name, []).extend(values)
            elif media_type == _SPARQL_QUERY:
                params.setdefault("query", []).append(text)
            else:
                return _error(
                    HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
                    f"POST the query as {_FORM} (query=…) or as {_SPARQL_QUERY}",
                )
        if "update" in params:
            return _error(HTTPStatus.BAD_REQUEST, _READ_ONLY)
        for name in ("default-graph-uri", "named-graph-uri", "using-graph-uri"):
            if any(params.get(name, [])):
                return _error(
                    HTTPStatus.BAD_REQUEST,
                    f"{name} is not supported: queries run on the endpoint's one graph",
                )
        queries = params.get("query", [])
        if len(queries) != 1:
            how = "one query" if queries else "a query"
            return _error(
                HTTPStatus.BAD_REQUEST,
                f"give {how}: GET {ENDPOINT_PATH}?query=…, or POST it as {_FORM} (query=…) "
                f"or as {_SPARQL_QUERY}",
            )
        return self.answer(queries[0], lower.get("accept"))

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
            with self._check_lock:
                form = check_query(sparql, tool="kg serve")
        except QueryError as error:
            return _error(HTTPStatus.BAD_REQUEST, str(error))
        graph_form = form in ("CONSTRUCT", "DESCRIBE")
        offered = list(GRAPH_TYPES if graph_form else RESULT_TYPES)
        media_type = negotiate(accept, offered)
        if media_type is None:
            return _error(
                HTTPStatus.NOT_ACCEPTABLE,
                f"no acceptable format for {form} results; accept one of: " + ", ".join(offered),
            )
        try:
            body = self._run(sparql, media_type)
        except SyntaxError as error:
            message = f"malformed SPARQL: {one_line(str(error))}"
            return _error(HTTPStatus.BAD_REQUEST, message)
        except OSError as error:  # pyoxigraph's error for anything that fails while running
            message = f"query could not be run: {one_line(str(error))}"
            return _error(HTTPStatus.BAD_REQUEST, message)
        content_type = media_type if media_type.endswith("json") else f"{media_type}; charset=utf-8"
        return Response(int(HTTPStatus.OK), content_type, body)


    def _run(self, sparql: str, media_type: str) -> bytes:
        """Run a query on the store and serialise its results.

        pyoxigraph's results must be dropped in the thread that made them, and rdflib's parser
        keeps the frame that called :func:`check_query` alive: so they live in this frame only.
        """
        results = self.store.query(sparql, prefixes=self.prefixes)
        if isinstance(results, ox.QueryTriples):
            return results.serialize(format=GRAPH_TYPES[media_type]) or b""
        return results.serialize(format=RESULT_TYPES[media_type]) or b""


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
    best: tuple[float, int, str] | None = None
    for index, media_type in enumerate(offered):
        quality = _quality(media_type, ranges)
        if quality > 0 and (best is None or quality > best[0]):
            best = (quality, index, media_type)
    return best[2] if best else None


def _quality(media_type: str, ranges: list[tuple[str, float]]) -> float:
    """The quality the most specific matching range gives a media type (0 if none matches)."""
    major = media_type.split("/")[0]
    for pattern in (media_type, f"{major}/*", "*/*"):
        qualities = [quality for media_range, quality in ranges if media_range == pattern]
        if qualities:
            return max(qualities)
    return 0.0


class _Handler(BaseHTTPRequestHandler):
    """Passes each request to the server's :class:`Endpoint` and sends its response."""

    server: SparqlServer
    server_version = "kg-serve"
    timeout = 60  # seconds a client may take to send its request

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks up)
        self._respond(b"")

    def do_POST(self) -> None:  # noqa: N802
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY_BYTES:
            self._send(_error(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request body is too large"))
            return
        self._respond(self.rfile.read(length))

    def do_PUT(self) -> None:  # noqa: N802
        self._respond(b"")

    def do_DELETE(self) -> None:  # noqa: N802
        self._respond(b"")

    def do_PATCH(self) -> None:  # noqa: N802
        self._respond(b"")

    def _respond(self, body: bytes) -> None:
        headers = {name: value for name, value in self.headers.items()}
        try:
            response = self.server.endpoint.handle(self.command, self.path, headers, body)
        except Exception:  # a bug must not take the server down: answer 500 and log it
            _LOG.exception("error answering %s %s", self.command, self.path)
            response = _error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error; see the log")
        self._send(response)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in response.headers:
            self.send_header(name, value)
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(response.body)

    def do_OPTIONS(self) -> None:  # noqa: N802 (a browser's CORS preflight)
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, POST, OPTIONS")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        _LOG.info("%s %s", self.address_string(), format % args)


class SparqlServer(ThreadingHTTPServer):
    """An HTTP server whose requests an :class:`Endpoint` answers, each in its own thread.

    Args:
        address: The (host, port) to listen on; port 0 picks a free one.
        endpoint: What answers the requests.
        cors: Whether to let web pages from any origin (such as YASGUI's) read the answers.
    """

    daemon_threads = True

    def __init__(self, address: tuple[str, int], endpoint: Endpoint, *, cors: bool = False) -> None:
        self.endpoint = endpoint
        self.cors = cors
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """The endpoint's URL, with the port actually listened on."""
        host, port = self.server_address[:2]
        if isinstance(host, bytes):
            host = host.decode()
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}{ENDPOINT_PATH}"


def make_server(
    graph_path: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, cors: bool = False
) -> SparqlServer:
    """Read a graph and open a SPARQL endpoint on it, without serving yet.

    Args:
        graph_path: The graph file (anything :func:`kg.export.load_graph` reads).
        host: The address to listen on: the loopback address by default, so that only this
            machine can query the graph.
        port: The port to listen on; 0 picks a free one (see :attr:`SparqlServer.url`).
        cors: Whether to let web pages from any origin (such as YASGUI's) read the answers.

    Returns:
        The server, listening; call :func:`serve_forever` to answer requests.

    Raises:
        InputError: If the graph file is missing or is not RDF.
        ServeError: If the server cannot listen on ``host``:``port``.
    """
    endpoint = Endpoint(load_graph(graph_path))
    try:
        return SparqlServer((host, port), endpoint, cors=cors)
    except OSError as error:
        raise ServeError(
            f"cannot listen on {host}:{port} ({error.strerror or error}); "
            "choose another --port, or --port 0 for any free one"
        ) from error


def serve_forever(server: SparqlServer) -> None:
    """Answer requests until the server is shut down or the process is interrupted (Ctrl-C).

    Args:
        server: A server from :func:`make_server`; it is closed on return.
    """
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
