"""Tests for kg.sparql.server: the read-only SPARQL 1.1 Protocol endpoint over HTTP.

The server runs on 127.0.0.1 on a free port (port 0), in a background thread, and is queried
with SPARQLWrapper and urllib; every request has a timeout and the server is shut down and its
socket closed at the end. The graph is tests/fixtures/small.ttl + queries/extra.ttl, written
to a temporary file.
"""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

import kg.cli
import kg.cli.sparql
from kg.errors import InputError, ServeError
from kg.sparql.server import DEFAULT_HOST, SparqlServer, make_server, serve_forever

TIMEOUT = 10  # seconds, for every request and for the server thread to stop

PEOPLE = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name"
# 冯 U+51AF < 吴 U+5434 < 周 U+5468 < 孙 U+5B59 < 李 U+674E < 王 U+738B < 赵 U+8D75 < 郑 U+90D1
# < 钱 U+94B1.
NAMES = ["冯九", "吴七", "周六", "孙五", "李二", "王一", "赵三", "郑八", "钱四"]
INSERT = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"


@pytest.fixture(scope="module")
def graph_file(extended: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    extended.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def server(graph_file: Path) -> Iterator[SparqlServer]:
    """The endpoint served on a free loopback port in a background thread."""
    server = make_server(graph_file, port=0)
    thread = threading.Thread(target=serve_forever, args=(server,), daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        thread.join(TIMEOUT)
        assert not thread.is_alive()
        assert server.socket.fileno() == -1  # serve_forever closed the socket


@pytest.fixture
def sparql(server: SparqlServer) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(server.url)
    wrapper.setTimeout(TIMEOUT)
    return wrapper


def request(
    url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
    method: str | None = None,
) -> tuple[int, dict[str, str], bytes]:
    """Send one request; return its status, headers and body, whatever the status."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=TIMEOUT) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, dict(error.headers), error.read()


def get(server: SparqlServer, query: str, accept: str | None = None) -> tuple[int, str, str]:
    url = server.url + "?" + urllib.parse.urlencode({"query": query})
    status, headers, body = request(url, headers={"Accept": accept} if accept else {})
    return status, headers["Content-Type"], body.decode("utf-8")


def names(document: dict[str, object]) -> list[str]:
    results = document["results"]
    assert isinstance(results, dict)
    return [binding["name"]["value"] for binding in results["bindings"]]


# --------------------------------------------------------------------------- SPARQLWrapper


def test_select(sparql: SPARQLWrapper) -> None:
    sparql.setQuery(PEOPLE)
    sparql.setReturnFormat(JSON)
    document = sparql.queryAndConvert()
    assert isinstance(document, dict)
    assert document["head"]["vars"] == ["name"]
    assert names(document) == NAMES
    assert document["results"]["bindings"][0]["name"] == {
        "type": "literal", "value": "冯九", "xml:lang": "zh"
    }


@pytest.mark.parametrize(("name", "answer"), [("王一", True), ("王二", False)])
def test_ask(sparql: SPARQLWrapper, name: str, answer: bool) -> None:
    sparql.setQuery(f'ASK {{ ?p foaf:name "{name}"@zh }}')
    sparql.setReturnFormat(JSON)
    assert sparql.queryAndConvert() == {"head": {}, "boolean": answer}


@pytest.mark.parametrize("request_method", ["urlencoded", POSTDIRECTLY])
def test_post(sparql: SPARQLWrapper, request_method: str) -> None:
    sparql.setMethod(POST)
    sparql.setRequestMethod(request_method)
    sparql.setQuery(PEOPLE)
    sparql.setReturnFormat(JSON)
    document = sparql.queryAndConvert()
    assert isinstance(document, dict)
    assert names(document) == NAMES


def test_csv(sparql: SPARQLWrapper) -> None:
    sparql.setQuery(PEOPLE)
    sparql.setReturnFormat(CSV)
    data = sparql.queryAndConvert()
    assert isinstance(data, bytes)
    assert list(csv.reader(io.StringIO(data.decode("utf-8")))) == [["name"]] + [[n] for n in NAMES]


def test_tsv(sparql: SPARQLWrapper) -> None:
    sparql.setQuery(PEOPLE)
    sparql.setReturnFormat(TSV)
    data = sparql.queryAndConvert()
    assert isinstance(data, bytes)
    assert data.decode("utf-8").splitlines() == ["?name"] + [f'"{n}"@zh' for n in NAMES]


@pytest.mark.parametrize("request_method", ["urlencoded", POSTDIRECTLY])
def test_update_is_refused(
    sparql: SPARQLWrapper, server: SparqlServer, request_method: str
) -> None:
    before = len(server.endpoint)
    sparql.setMethod(POST)  # SPARQLWrapper sends an update as update=… or application/sparql-update
    sparql.setRequestMethod(request_method)
    sparql.setQuery(INSERT)
    with pytest.raises(QueryBadFormed, match="read-only"):
        sparql.query()
    assert len(server.endpoint) == before


def test_malformed_query(sparql: SPARQLWrapper) -> None:
    sparql.setQuery("SELECT ?x WHERE {")
    sparql.setReturnFormat(JSON)
    with pytest.raises(QueryBadFormed, match="malformed SPARQL"):
        sparql.query()


# --------------------------------------------------------------------------- over HTTP


def test_insert_as_a_query_is_refused(server: SparqlServer) -> None:
    status, content_type, body = get(server, INSERT)
    assert (status, content_type) == (400, "text/plain; charset=utf-8")
    assert body == (
        "kg serve is read-only: INSERT is a SPARQL Update; only queries are answered\n"
    )


def test_service_is_refused_without_reaching_the_network(server: SparqlServer) -> None:
    # pyoxigraph would send the SERVICE query over HTTP: here to a socket that is listening.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
        status, _, body = get(server, query)
        assert status == 400
        assert body.startswith(f"kg serve is read-only: SERVICE <http://127.0.0.1:{port}/sparql>")
        with pytest.raises(TimeoutError):
            listener.accept()


def test_unknown_path(server: SparqlServer) -> None:
    base = server.url.removesuffix("/sparql")
    for path in ("/", "/nope", "/sparql/x"):
        status, _, body = request(base + path)
        assert status == 404, path
        assert b"/sparql" in body


def test_default_content_type_and_accept(server: SparqlServer) -> None:
    status, content_type, body = get(server, PEOPLE)
    assert (status, content_type) == (200, "application/sparql-results+json")
    assert names(json.loads(body)) == NAMES
    status, content_type, body = get(server, PEOPLE, "text/csv;q=0.5, text/tab-separated-values")
    assert (status, content_type) == (200, "text/tab-separated-values; charset=utf-8")
    status, content_type, _ = get(server, "ASK {}", "image/png")
    assert (status, content_type) == (406, "text/plain; charset=utf-8")


def test_construct(server: SparqlServer) -> None:
    query = 'CONSTRUCT WHERE { ?p foaf:name "王一"@zh }'
    status, content_type, body = get(server, query)
    assert (status, content_type) == (200, "text/turtle; charset=utf-8")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    assert set(graph) == {(
        rdflib.URIRef("https://example.org/kg/id/person-wang-yi"),
        rdflib.FOAF.name,
        rdflib.Literal("王一", lang="zh"),
    )}


def test_concurrent_requests(server: SparqlServer) -> None:
    answers: list[list[str]] = []

    def ask() -> None:
        answers.append(names(json.loads(get(server, PEOPLE)[2])))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(TIMEOUT)
    assert answers == [NAMES] * 8


def test_cors_off_by_default(server: SparqlServer) -> None:
    _, headers, _ = request(server.url + "?query=ASK%7B%7D")
    assert "Access-Control-Allow-Origin" not in headers


def test_listens_on_loopback_by_default(server: SparqlServer) -> None:
    assert DEFAULT_HOST == "127.0.0.1"
    assert server.server_address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.server_address[1]}/sparql"


# --------------------------------------------------------------------------- make_server


def test_make_server_missing_graph(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such graph file"):
        make_server(tmp_path / "none.ttl", port=0)


def test_make_server_port_in_use(graph_file: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(ServeError, match=f"cannot listen on 127.0.0.1:{port}.*--port"):
            make_server(graph_file, port=port)


def test_serve_forever_stops_on_ctrl_c(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    server = make_server(graph_file, port=0)

    def interrupted(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(server, "serve_forever", interrupted)
    serve_forever(server)  # returns, and closes the socket
    assert server.socket.fileno() == -1


def test_cors_when_asked(graph_file: Path) -> None:
    server = make_server(graph_file, port=0, cors=True)
    thread = threading.Thread(target=serve_forever, args=(server,), daemon=True)
    thread.start()
    try:
        _, headers, _ = request(server.url + "?query=ASK%7B%7D")
        assert headers["Access-Control-Allow-Origin"] == "*"
        status, headers, _ = request(server.url, method="OPTIONS")
        assert status == 204
        assert "POST" in headers["Access-Control-Allow-Methods"]
        assert "Content-Type" in headers["Access-Control-Allow-Headers"]
    finally:
        server.shutdown()
        thread.join(TIMEOUT)
    assert not thread.is_alive()


# --------------------------------------------------------------------------- the command


def test_cli_serve_prints_where(graph_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    served: list[SparqlServer] = []
    monkeypatch.setattr(kg.sparql.server, "serve_forever", lambda server: served.append(server) or
                        server.server_close())
    result = CliRunner().invoke(kg.cli.cli, ["serve", str(graph_file), "--port", "0"])
    assert result.exit_code == 0, result.output
    (server,) = served
    triples = len(server.endpoint)
    assert result.stdout == f"Serving {graph_file} ({triples} triples) at {server.url}\n"
    assert server.url.startswith("http://127.0.0.1:")


def test_cli_serve_missing_graph(tmp_path: Path) -> None:
    result = CliRunner().invoke(kg.cli.cli, ["serve", str(tmp_path / "none.ttl"), "--port", "0"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("Error: ") and result.stderr.count("\n") == 1


@pytest.mark.parametrize("args", [[], ["g.ttl", "--port", "70000"], ["g.ttl", "--port", "x"]])
def test_cli_serve_usage_errors(args: list[str]) -> None:
    result = CliRunner().invoke(kg.cli.cli, ["serve", *args])
    assert result.exit_code == 2
    assert "Usage: " in result.stderr


def test_cli_serve_help() -> None:
    result = CliRunner().invoke(kg.cli.cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout
    assert "kg serve output/graph.ttl" in result.stdout
