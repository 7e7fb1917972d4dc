"""Tests for kg.serve: the read-only SPARQL 1.1 Protocol endpoint.

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
from kg.errors import InputError
from kg.sparql.catalogue import named_queries
from kg.sparql.run import run_query
from kg.sparql.serve import (
    DEFAULT_HOST,
    MAX_BODY_BYTES,
    Endpoint,
    ServeError,
    SparqlServer,
    make_server,
    negotiate,
    serve_forever,
)

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "small.ttl"
EXTRA = FIXTURES / "queries" / "extra.ttl"
TIMEOUT = 10  # seconds, for every request and for the server thread to stop

PEOPLE = "SELECT ?name WHERE { ?p a foaf:Person ; foaf:name ?name } ORDER BY ?name"
# 冯 U+51AF < 吴 U+5434 < 周 U+5468 < 孙 U+5B59 < 李 U+674E < 王 U+738B < 赵 U+8D75 < 郑 U+90D1
# < 钱 U+94B1.
NAMES = ["冯九", "吴七", "周六", "孙五", "李二", "王一", "赵三", "郑八", "钱四"]
INSERT = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(SMALL, format="turtle")
    graph.parse(EXTRA, format="turtle")
    return graph


@pytest.fixture(scope="module")
def graph_file(graph: rdflib.Graph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "graph.ttl"
    graph.serialize(path, format="turtle")
    return path


@pytest.fixture(scope="module")
def endpoint(graph: rdflib.Graph) -> Endpoint:
    return Endpoint(graph)


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


# --------------------------------------------------------------------------- Endpoint.handle


def test_named_queries_answer_as_with_rdflib(endpoint: Endpoint, graph: rdflib.Graph) -> None:
    # The bundled queries give the same rows on pyoxigraph as on rdflib (with its parameters
    # unbound, provenance answers for everyone: in these fixtures, only 王一 has sources).
    for name, text in named_queries().items():
        params = {"person": "王一"} if name == "provenance" else None
        expected = list(run_query(graph, text, params).rows)
        response = endpoint.answer(text)
        assert response.status == 200, (name, response.text)
        document = json.loads(response.body)
        columns = document["head"]["vars"]
        rows = [
            tuple(binding.get(column, {}).get("value") for column in columns)
            for binding in document["results"]["bindings"]
        ]
        assert rows == expected, name


@pytest.mark.parametrize(
    ("method", "target", "headers", "body", "status", "fragment"),
    [
        ("GET", "/sparql", {}, b"", 400, "give a query"),
        ("GET", "/sparql?query=ASK{}&query=ASK{}", {}, b"", 400, "give one query"),
        ("GET", "/sparql?update=CLEAR+ALL", {}, b"", 400, "read-only"),
        ("GET", "/sparql?query=ASK{}&default-graph-uri=urn:g", {}, b"", 400,
         "default-graph-uri is not supported"),
        ("GET", "/sparql?query=SELECT+*+FROM+%3Curn:g%3E+{}", {}, b"", 400, "read-only: FROM"),
        ("POST", "/sparql", {"Content-Type": "application/sparql-update"}, b"CLEAR ALL", 400,
         "read-only"),
        ("POST", "/sparql", {"Content-Type": "text/plain"}, b"ASK {}", 415, "POST the query"),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"}, b"ASK {\xff}", 400,
         "not UTF-8"),
        ("POST", "/sparql", {"content-type": "application/sparql-query; charset=utf-8"},
         b"ASK {}", 200, "true"),
        ("POST", "/sparql?query=ASK{}", {"Content-Type": "application/x-www-form-urlencoded"},
         b"", 200, "true"),
        ("POST", "/sparql", {"Content-Type": "application/sparql-query"},
         b"x" * (MAX_BODY_BYTES + 1), 413, "too large"),
        ("PUT", "/sparql", {}, b"", 405, "PUT is not allowed"),
        ("GET", "/sparql/", {}, b"", 400, "give a query"),  # a trailing slash is the same path
        ("GET", "/sparql?query=SELECT+*+{+?s+?p+?o+}+GROUP+BY+?nope", {}, b"", 400,
         "malformed SPARQL"),
        ("GET", "/sparql?query=SELECT+?n+{+?p+nope:name+?n+}", {}, b"", 400, "malformed SPARQL"),
    ],
)
def test_handle(
    endpoint: Endpoint, method: str, target: str, headers: dict[str, str], body: bytes,
    status: int, fragment: str,
) -> None:
    response = endpoint.handle(method, target, headers, body)
    assert response.status == status, response.text
    assert fragment in response.text
    if status != 200:
        assert response.content_type == "text/plain; charset=utf-8"
        assert response.text.endswith("\n") and response.text.count("\n") == 1


def test_handle_405_says_what_is_allowed(endpoint: Endpoint) -> None:
    assert ("Allow", "GET, POST") in endpoint.handle("DELETE", "/sparql", {}).headers


def test_graph_prefixes_need_no_declaration(endpoint: Endpoint) -> None:
    assert {"foaf", "org", "skos", "schema", "kg"} <= set(endpoint.prefixes)
    response = endpoint.answer('ASK { ?p org:holds ?post ; foaf:name "王一"@zh }')
    assert json.loads(response.body) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "chosen"),
    [
        (None, "a/json"),
        ("", "a/json"),
        ("*/*", "a/json"),
        ("text/*", "text/csv"),
        ("text/tsv, text/csv", "text/csv"),
        ("text/csv;q=0.2, a/json;q=0.1", "text/csv"),
        ("text/csv;q=0.2, */*;q=0.5", "a/json"),  # */* gives a/json 0.5; csv's own range 0.2
        ("text/html,application/xhtml+xml,*/*;q=0.8", "a/json"),  # a browser
        ("text/csv;q=0", None),
        ("image/png", None),
        ("TEXT/CSV", "text/csv"),
        ("text/csv;q=x, a/json;q=0.1", "a/json"),  # a bad quality counts as 0
    ],
)
def test_negotiate(accept: str | None, chosen: str | None) -> None:
    assert negotiate(accept, ["a/json", "text/csv"]) == chosen


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
    monkeypatch.setattr(kg.cli, "serve_forever", lambda server: served.append(server) or
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
