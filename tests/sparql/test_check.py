"""Tests for kg.sparql.check: parsing, the read-only refusals and where malformed SPARQL is."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
import rdflib.plugins.sparql.evaluate

from kg.errors import QueryError
from kg.sparql.check import check_query
from kg.sparql.run import run_query

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL = FIXTURES / "small.ttl"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make rdflib's SERVICE client fail loudly, and record any call to it."""
    calls: list[object] = []

    def urlopen(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise AssertionError("the query reached for the network")

    monkeypatch.setattr(rdflib.plugins.sparql.evaluate, "urlopen", urlopen)
    return calls


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
        ("SELECT ?x WHERE {", "^malformed SPARQL"),
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
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP DEFAULT",
        "insert data { <urn:a> <urn:b> }",  # malformed, but still an update
    ],
)
def test_run_query_refuses_updates(
    small: rdflib.Graph, no_network: list[object], sparql: str
) -> None:
    before = len(small)
    with pytest.raises(QueryError, match="^kg query is read-only: "):
        run_query(small, sparql)
    assert len(small) == before
    assert no_network == []


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s ?p ?o . OPTIONAL { SERVICE SILENT <http://e.org/q> { ?s ?q ?r } } }",
        "ASK { { SELECT ?s WHERE { SERVICE ?endpoint { ?s ?p ?o } } } }",
    ],
)
def test_run_query_refuses_service(
    small: rdflib.Graph, no_network: list[object], sparql: str
) -> None:
    with pytest.raises(QueryError, match="^kg query is read-only: SERVICE"):
        run_query(small, sparql)
    assert no_network == []


@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * FROM <http://example.org/other.ttl> WHERE { ?s ?p ?o }",
        "SELECT * FROM NAMED <http://example.org/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    ],
)
def test_run_query_refuses_from(small: rdflib.Graph, no_network: list[object], sparql: str) -> None:
    dataset = rdflib.Dataset()  # where rdflib would otherwise load the FROM graph
    dataset.parse(SMALL, format="turtle")
    for graph in (small, dataset):
        with pytest.raises(QueryError, match="^kg query is read-only: FROM"):
            run_query(graph, sparql)
    assert no_network == []
