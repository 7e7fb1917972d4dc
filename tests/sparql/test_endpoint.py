"""Tests for kg.sparql.endpoint: answering SPARQL Protocol requests, without a socket."""

from __future__ import annotations

import json

import pytest
import rdflib

from kg.sparql.catalogue import named_queries
from kg.sparql.endpoint import MAX_BODY_BYTES, Endpoint, negotiate
from kg.sparql.run import run_query


@pytest.fixture(scope="module")
def endpoint(extended: rdflib.Graph) -> Endpoint:
    return Endpoint(extended)


# --------------------------------------------------------------------------- Endpoint.handle


def test_named_queries_answer_as_with_rdflib(
    endpoint: Endpoint, extended: rdflib.Graph
) -> None:
    # The bundled queries give the same rows on pyoxigraph as on rdflib (with its parameters
    # unbound, provenance answers for everyone: in these fixtures, only 王一 has sources).
    for name, text in named_queries().items():
        params = {"person": "王一"} if name == "provenance" else None
        expected = list(run_query(extended, text, params).rows)
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
