"""The HTTP side of ``kg serve``: an :class:`~kg.sparql.endpoint.Endpoint` on a socket.

The graph is read once (with :func:`kg.rdf.io.load_graph`, so any file ``kg query`` reads) into
an endpoint, which a standard library :class:`~http.server.ThreadingHTTPServer` passes each
request to, each in its own thread. It listens on the loopback address unless told otherwise.

Nothing here prints: requests are logged to the ``kg.sparql.server`` logger.

Example:
    >>> server = make_server(Path("output/graph.ttl"), port=0)
    >>> server.url
    'http://127.0.0.1:40411/sparql'
    >>> serve_forever(server)  # until shut down or interrupted
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import rdflib

from kg.defaults import DEFAULT_HOST, DEFAULT_PORT
from kg.errors import ServeError
from kg.rdf.io import load_graph
from kg.sparql.endpoint import ENDPOINT_PATH, MAX_BODY_BYTES, Endpoint, Response

__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "SparqlServer", "make_server", "serve_forever"]


_LOG = logging.getLogger(__name__)


class _Handler(BaseHTTPRequestHandler):
    """Passes each request to the server's :class:`Endpoint` and sends its response."""

    server: SparqlServer
    server_version = "kg-serve"
    timeout = 60  # seconds a client may take to send its request

    def do_GET(self) -> None:  # noqa: N802 (the name http.server looks up)
        """Answer a query given in the URL."""
        self._respond(b"")

    def do_POST(self) -> None:  # noqa: N802
        """Answer a query given in the body, refusing a body over the limit unread."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY_BYTES:
            self._send(Response.too_large())
            return
        self._respond(self.rfile.read(length))

    def do_PUT(self) -> None:  # noqa: N802
        """Let the endpoint refuse the method (405)."""
        self._respond(b"")

    def do_DELETE(self) -> None:  # noqa: N802
        """Let the endpoint refuse the method (405)."""
        self._respond(b"")

    def do_PATCH(self) -> None:  # noqa: N802
        """Let the endpoint refuse the method (405)."""
        self._respond(b"")

    def _respond(self, body: bytes) -> None:
        """Send the endpoint's answer to this request, or 500 if answering fails."""
        headers = {name: value for name, value in self.headers.items()}
        try:
            response = self.server.endpoint.handle(self.command, self.path, headers, body)
        except Exception:  # a bug must not take the server down: answer 500 and log it
            _LOG.exception("error answering %s %s", self.command, self.path)
            response = Response.error(
                HTTPStatus.INTERNAL_SERVER_ERROR, "internal error; see the log"
            )
        self._send(response)

    def _send(self, response: Response) -> None:
        """Send a response, with the CORS header if the server allows any origin."""
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
        """Say which methods and headers a page may use."""
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Allow", "GET, POST, OPTIONS")
        if self.server.cors:
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Log a request to the module's logger instead of stderr."""
        _LOG.info("%s %s", self.address_string(), format % args)


class SparqlServer(ThreadingHTTPServer):
    """An HTTP server whose requests an :class:`Endpoint` answers, each in its own thread.

    Args:
        address: The (host, port) to listen on; port 0 picks a free one.
        endpoint: What answers the requests.
        cors: Whether to let web pages from any origin (such as YASGUI's) read the answers.
        graph: The graph, if already read (``graph_path`` is then only its name).
        endpoint: The endpoint to serve, if made already (a store's: :meth:`Endpoint.on_store`).
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
    graph_path: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, *, cors: bool = False,
    graph: rdflib.Graph | None = None, endpoint: Endpoint | None = None,
) -> SparqlServer:
    """Read a graph and open a SPARQL endpoint on it, without serving yet.

    Args:
        graph_path: The graph file (anything :func:`kg.rdf.io.load_graph` reads).
        host: The address to listen on: the loopback address by default, so that only this
            machine can query the graph.
        port: The port to listen on; 0 picks a free one (see :attr:`SparqlServer.url`).
        cors: Whether to let web pages from any origin (such as YASGUI's) read the answers.
        graph: The graph, if already read (``graph_path`` is then only its name).
        endpoint: The endpoint to serve, if made already (a store's: :meth:`Endpoint.on_store`).

    Returns:
        The server, listening; call :func:`serve_forever` to answer requests.

    Raises:
        InputError: If the graph file is missing or is not RDF.
        ServeError: If the server cannot listen on ``host``:``port``.
    """
    if endpoint is None:
        endpoint = Endpoint(graph if graph is not None else load_graph(graph_path))
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
