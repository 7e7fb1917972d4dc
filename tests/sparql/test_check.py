"""Tests for kg.sparql.check: parsing, the read-only refusals and where malformed SPARQL is."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator

import pyoxigraph
import pytest
import rdflib

from kg.errors import QueryError
from kg.sparql.check import check_query
from kg.sparql.run import run_query


@pytest.fixture
def no_network() -> Iterator[tuple[str, list[bytes]]]:
    """A listening socket on the loopback a remote endpoint would be at, and what reached
    it: a SERVICE clause that got past the check would connect here."""
    calls: list[bytes] = []
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.05)
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            calls.append(connection.recv(1024))
            connection.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/sparql", calls
    stop.set()
    thread.join()
    server.close()


def test_no_network_sees_a_service_call(no_network: tuple[str, list[bytes]]) -> None:
    # The fixture is a real endpoint to the engine: unchecked, SERVICE reaches it.
    url, calls = no_network
    with contextlib.suppress(OSError):
        list(pyoxigraph.Store().query(f"SELECT * {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
    assert calls


# --------------------------------------------------------------------------- check_query


@pytest.mark.parametrize(
    ("sparql", "form"),
    [
        ("SELECT * WHERE { ?s ?p ?o }", "SELECT"),
        ("# comment\nASK { ?s ?p ?o }", "ASK"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("DESCRIBE <urn:x>", "DESCRIBE"),
        ("SELECT ?n WHERE { ?p foaf:name ?n }", "SELECT"),  # prefixes are not checked
    ],
)
def test_check_query_form(sparql: str, form: str) -> None:
    assert check_query(sparql) == form


@pytest.mark.parametrize(
    ("sparql", "match"),
    [
        ("SELEC ?x WHERE { ?x ?y ?z }", "^malformed SPARQL at line 1, column 1, near 'SELEC"),
        ("PREFIX a: <http://a/>\n\nDESCRIBEX <urn:x>", "^malformed SPARQL at line 3, column 1"),
        ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "^kg query is read-only: INSERT"),
        ("SELECT * WHERE { SERVICE <http://e.org/q> { ?s ?p ?o } }", "read-only: SERVICE"),
        ("SELECT * FROM <http://e.org/g> WHERE { ?s ?p ?o }", "read-only: FROM"),
        ("", "empty"),
    ],
)
def test_check_query_refuses(sparql: str, match: str) -> None:
    with pytest.raises(QueryError, match=match):
        check_query(sparql)


# --------------------------------------------------------------------------- through run_query


@pytest.mark.parametrize(
    ("sparql", "where"),
    [
        ("SELECT ?x WHERE { ?x ?y }", "line 1, column 19"),
        ("SELECT ?x WHERE {\n  ?x ?y ?z .\n  FILTER(?x = )\n}", "line 3, column 3"),
        ("SELEC ?x WHERE { ?x ?y ?z }", "line 1, column 1"),
        ("SELECT ?x WHERE { ?x ?y ?z } ORDER BY", "line 1, column 30"),
        ("SELECT ?x WHERE {\n ?x nope:p ?z }", "line 2, column 5"),
    ],
)
def test_run_query_malformed_says_where(small: rdflib.Graph, sparql: str, where: str) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL") as info:
        run_query(small, sparql)
    message = str(info.value)
    assert where in message
    assert "\n" not in message


def test_run_query_long_prologue_does_not_backtrack(small: rdflib.Graph) -> None:
    # A naive "is this an update?" pattern takes exponential time on this.
    with pytest.raises(QueryError, match="malformed SPARQL at line 61"):
        run_query(small, " " * 60 + "#" * 60 + "\n" * 60 + "SELEC ?x")


@pytest.mark.parametrize("sparql", ["", "   \n", "# just a comment\n", "PREFIX a: <http://a/>"])
def test_run_query_empty(small: rdflib.Graph, sparql: str) -> None:
    with pytest.raises(QueryError):
        run_query(small, sparql)


@pytest.mark.parametrize(
    "sparql",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX foaf: <http://xmlns.com/foaf/0.1/>\n# drop names\nDELETE WHERE { ?p foaf:name ?n }",
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "LOAD <{url}>",
        "CLEAR ALL",
        "DROP DEFAULT",
        "insert data { <urn:a> <urn:b> }",  # malformed, but still an update
    ],
)
def test_run_query_refuses_updates(
    small: rdflib.Graph, no_network: tuple[str, list[bytes]], sparql: str
) -> None:
    url, calls = no_network
    before = len(small)
    with pytest.raises(QueryError, match="^kg query is read-only: "):
        run_query(small, sparql.replace("{url}", url))
    assert len(small) == before
    assert calls == []


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . OPTIONAL { SERVICE SILENT <{url}> { ?s ?q ?r } } }",
        "ASK { { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
        "SELECT * WHERE {{?s ?p ?o}Service<{url}>{?s ?q ?r}}",
        "SELECT * WHERE { \\u0053ERVICE <{url}> { ?s ?p ?o } }",  # an escape is undone first
        "SELECT * WHERE { ?s ?p 'it\\'s' # a comment\n SERVICE <{url}> { ?s ?q ?r } }",
        "SELECT * WHERE { ?s <urn:p>?o . SERVICE <{url}> { ?s ?q ?r } }",
        "SELECT * WHERE { FILTER(?a<?b) service <{url}> { ?s ?q ?r } }",
    ],
)
def test_run_query_refuses_service(
    small: rdflib.Graph, no_network: tuple[str, list[bytes]], sparql: str
) -> None:
    url, calls = no_network
    with pytest.raises(QueryError, match="^kg query is read-only: SERVICE"):
        run_query(small, sparql.replace("{url}", url))
    assert calls == []


@pytest.mark.parametrize(
    "sparql",
    [
        'SELECT ?service WHERE { ?service foaf:name "SERVICE <urn:x> { }"@zh }',
        "SELECT * WHERE { ?s <urn:service#from> ?o } # SERVICE <urn:x> {}",
        "PREFIX service: <urn:s#>\nPREFIX from: <urn:f#>\n"
        "SELECT * WHERE { ?s service:from from:service }",
        'SELECT * WHERE { ?s ?p """FROM <urn:x>\nSERVICE <urn:y> {}""" }',
        'SELECT * WHERE { ?s ?p "x"@service }',
        "SELECT * WHERE { ?s ?p _:from }",
    ],
)
def test_run_query_the_words_elsewhere(small: rdflib.Graph, sparql: str) -> None:
    run_query(small, sparql)  # not refused: nothing here is a SERVICE or FROM clause


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * FROM <http://example.org/other.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
        "DESCRIBE ?s from <urn:g> WHERE { ?s ?p ?o }",
    ],
)
def test_check_query_refuses_from(sparql: str) -> None:
    with pytest.raises(QueryError, match="^kg query is read-only: FROM"):
        check_query(sparql)
