"""``kg query`` at the terminal."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
from click.testing import Result

from tests.cli.common import (
    assert_one_error_line,
    run,
    write,
)


def test_query_named_table(built: tuple[Path, Result]) -> None:
    result = run("query", "group-roster", "--graph", built[0] / "graph.ttl")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert [c.strip() for c in lines[0].strip("|").split("|")] == ["group", "person", "role",
                                                                  "posts"]
    assert set(lines[1]) == {"|", "-"}
    assert len(lines) > 10


POSTS_COLUMNS = ["organisation", "title", "person", "place"]


def test_query_csv(built: tuple[Path, Result]) -> None:
    result = run("query", "posts", "--graph", built[0] / "graph.ttl", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0] == POSTS_COLUMNS
    assert len(rows) > 100
    assert all(len(row) == len(POSTS_COLUMNS) for row in rows)


def test_query_json(built: tuple[Path, Result]) -> None:
    result = run("query", "posts", "-g", built[0] / "graph.ttl", "-f", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["head"]["vars"] == POSTS_COLUMNS
    assert len(document["results"]["bindings"]) > 100


def test_query_rq_file(built: tuple[Path, Result], tmp_path: Path) -> None:
    rq = tmp_path / "count.rq"
    rq.write_text("# how many triples\nSELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n",
                  encoding="utf-8")
    result = run("query", rq, "--graph", built[0] / "graph.ttl", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    ttl = rdflib.Graph().parse(built[0] / "graph.ttl")
    assert rows == [["n"], [str(len(ttl))]]


def test_query_on_the_jsonld(built: tuple[Path, Result]) -> None:
    result = run("query", "ASK { ?s ?p ?o }", "--graph", built[0] / "graph.jsonld", "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == ["ask", "true"]


def test_query_on_a_trig_file_sees_its_named_graphs(tmp_path: Path) -> None:
    graph = write(tmp_path, "g.trig", b"@prefix ex: <http://example.org/> .\n"
                  b"ex:r1 { ex:a ex:p 1 }\nex:r2 { ex:a ex:p 1 . ex:b ex:p 2 }\n")
    every = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"  # the union, each statement once
    result = run("query", every, "-g", graph, "-f", "csv")
    assert result.stdout.splitlines() == ["n", "2"]
    per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    result = run("query", per_graph, "-g", graph, "-f", "csv")
    assert result.stdout.splitlines() == ["g,n", "http://example.org/r1,1",
                                          "http://example.org/r2,2"]


@pytest.mark.parametrize(
    ("query", "fragments"),
    [
        ("SELECT ?x WHERE {", ["malformed SPARQL", "(end of query)"]),
        ("SELECT ?x WHERE { ?x ex:p ?y }", ["malformed SPARQL at line 1, column 22",
                                            "undeclared prefix ex:"]),
        ("INSERT DATA { <a:b> <a:b> <a:b> }", ["read-only", "INSERT"]),
        ("DELETE WHERE { ?s ?p ?o }", ["read-only"]),
        ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", ["read-only"]),
        ("group-rooster", ["no named query 'group-rooster'", "group-roster"]),
    ],
)
def test_query_errors(built: tuple[Path, Result], query: str, fragments: list[str]) -> None:
    result = run("query", query, "--graph", built[0] / "graph.ttl")
    line = assert_one_error_line(result, *fragments)
    if "malformed" in fragments[0]:
        assert line.startswith("Error: malformed SPARQL")


def test_query_missing_graph(tmp_path: Path) -> None:
    graph = tmp_path / "none" / "graph.ttl"
    result = run("query", "group-roster", "--graph", graph)
    assert_one_error_line(result, str(graph), "kg build")


def test_query_graph_not_rdf(tmp_path: Path) -> None:
    graph = write(tmp_path, "graph.ttl", b"this is not turtle\n")
    result = run("query", "group-roster", "--graph", graph)
    assert_one_error_line(result, str(graph), "not a readable turtle graph")


def test_query_missing_rq_file(built: tuple[Path, Result], tmp_path: Path) -> None:
    rq = tmp_path / "nope.rq"
    result = run("query", rq, "--graph", built[0] / "graph.ttl")
    assert_one_error_line(result, str(rq), "not found")
