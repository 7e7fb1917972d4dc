"""Tests for kg.sparql.run: running SELECT and ASK queries, and binding their parameters."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from pyoxigraph import Literal

from kg.errors import QueryError
from kg.sparql.catalogue import load_query, named_queries
from kg.sparql.run import run_query

# --------------------------------------------------------------------------- run_query


def test_run_query_select_with_unbound(small: rdflib.Graph) -> None:
    result = run_query(
        small,
        """
        PREFIX foaf: <http://xmlns.com/foaf/0.1/>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT ?name ?post WHERE {
          ?p foaf:name ?name . OPTIONAL { ?p org:holds ?post }
          FILTER(?name IN ("钱四"@zh, "李二"@zh))
        } ORDER BY ?name
        """,
    )
    assert result.columns == ("name", "post")
    assert result.rows == (("李二", "https://example.org/kg/id/post-c"), ("钱四", None))
    assert result.terms[0][0] == Literal("李二", language="zh")


def test_run_query_uses_graph_prefixes(small: rdflib.Graph) -> None:
    result = run_query(small, 'SELECT ?p WHERE { ?p foaf:name "王一"@zh }')
    assert result.rows == (("https://example.org/kg/id/person-wang-yi",),)


def test_run_query_select_star_columns_in_text_order(small: rdflib.Graph) -> None:
    result = run_query(
        small, "SELECT * WHERE { ?person foaf:name ?name ; org:holds ?post } ORDER BY ?post"
    )
    assert result.columns == ("person", "name", "post")
    assert len(result.rows) == 4


@pytest.mark.parametrize(("name", "answer"), [("王一", "true"), ("王二", "false")])
def test_run_query_ask(small: rdflib.Graph, name: str, answer: str) -> None:
    result = run_query(small, f'ASK {{ ?p foaf:name "{name}"@zh }}')
    assert result.columns == ("ask",)
    assert result.rows == ((answer,),)
    assert result.boolean is (answer == "true")


@pytest.mark.parametrize("sparql", ["CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <urn:x>"])
def test_run_query_select_and_ask_only(small: rdflib.Graph, sparql: str) -> None:
    with pytest.raises(QueryError, match="SELECT and ASK"):
        run_query(small, sparql)


def test_run_query_on_the_graph_alone(small: rdflib.Graph) -> None:
    # The graph is the default graph of the store the query runs on: no named graphs.
    assert run_query(small, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }").rows == ()


# --------------------------------------------------------------------------- parameters


def test_parameter_value_is_data_not_sparql(extended: rdflib.Graph) -> None:
    # A value that would break out of a string if it were spliced into the query text.
    sneaky = '常州学习组") || true || ("'
    assert run_query(extended, named_queries()["group-roster"], {"group": sneaky}).rows == ()
    sneaky = '王一" } UNION { ?s ?p ?o } #'
    assert run_query(extended, named_queries()["provenance"], {"person": sneaky}).rows == ()


@pytest.mark.parametrize(
    ("params", "match"),
    [
        ({"grup": "x"}, "unknown parameter 'grup'; did you mean 'group'\\? the query's parameters"
                        " are: group \\(optional\\)$"),
        ({"zzz": "x"}, "unknown parameter 'zzz'; the query's parameters are: group"),
        ({"group": ""}, "parameter 'group' is empty"),
        ({"group": "  "}, "parameter 'group' is empty"),
    ],
)
def test_bad_parameters(small: rdflib.Graph, params: dict[str, str], match: str) -> None:
    with pytest.raises(QueryError, match=match):
        run_query(small, named_queries()["group-roster"], params)


def test_missing_required_parameter(small: rdflib.Graph) -> None:
    with pytest.raises(QueryError) as info:
        run_query(small, named_queries()["provenance"])
    assert str(info.value) == (
        "missing parameter 'person' (a person's name as the report writes it, e.g. 张三); "
        "give it as --param person=VALUE"
    )


def test_parameter_for_a_query_without_parameters(small: rdflib.Graph) -> None:
    with pytest.raises(QueryError, match="unknown parameter 'x': the query takes no parameters"):
        run_query(small, "ASK { ?s ?p ?o }", {"x": "1"})


def test_parameters_of_an_rq_file(small: rdflib.Graph, tmp_path: Path) -> None:
    path = tmp_path / "by-name.rq"
    path.write_text(
        "# A person's posts.\n# param name: a name, e.g. 王一.\n"
        "SELECT ?post WHERE { ?p foaf:name ?n ; org:holds ?post . FILTER(STR(?n) = ?param_name) }"
        " ORDER BY ?post\n",
        encoding="utf-8",
    )
    result = run_query(small, load_query(str(path)), {"name": "王一"})
    assert [row[0] for row in result.rows] == [
        "https://example.org/kg/id/post-a",
        "https://example.org/kg/id/post-b",
    ]
    # A parameter is bound as a plain literal: it does not equal a language-tagged label.
    same = "ASK { ?p foaf:name ?param_name }"
    assert run_query(small, "# param name: x.\n" + same, {"name": "王一"}).boolean is False
