"""Tests for kg.sparql.results: the formatter registry and the table, CSV, TSV and JSON formats."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
from pyoxigraph import BlankNode, Literal, NamedNode

from kg.chinese import display_width
from kg.errors import QueryError
from kg.sparql.catalogue import load_query, named_queries
from kg.sparql.results import FORMATTERS, format_result, formatter
from kg.sparql.run import QueryResult, run_query

Rows = list[tuple[str | None, ...]]


def _result(columns: tuple[str, ...], rows: Rows) -> QueryResult:
    return QueryResult(columns=columns, rows=tuple(rows))


# --------------------------------------------------------------------------- formatters


def test_formatters_registry() -> None:
    assert {"table", "csv", "tsv", "json"} <= set(FORMATTERS)


def test_formatter_decorator_registers_and_refuses_duplicates() -> None:
    try:

        @formatter("test-count")
        def count(result: QueryResult) -> str:
            return str(len(result.rows))

        assert format_result(_result(("a",), [("x",), ("y",)]), "test-count") == "2"
        with pytest.raises(ValueError, match="already registered"):
            formatter("test-count")(count)
    finally:
        FORMATTERS.pop("test-count", None)


def test_format_result_unknown_format() -> None:
    with pytest.raises(QueryError, match="unknown output format 'xml'"):
        format_result(_result(("a",), []), "xml")


def test_display_width() -> None:
    assert display_width("abc") == 3
    assert display_width("王一") == 4
    assert display_width("ＡＢ") == 4  # fullwidth
    assert display_width("e\u0301") == 1  # combining accent
    assert display_width("") == 0


def test_table_aligns_cjk(small: rdflib.Graph) -> None:
    text = format_result(run_query(small, load_query("group-roster")), "table")
    lines = text.split("\n")
    assert len(lines) == 2 + 3
    assert len({display_width(line) for line in lines}) == 1
    # The column separators line up on screen in every line.
    for line in lines:
        assert line == line.rstrip()
    positions = [
        [display_width(line[:i]) for i, ch in enumerate(line) if ch in "|"] for line in lines
    ]
    assert all(p == positions[0] for p in positions)
    assert lines[0].startswith("| group ")
    assert set(lines[1]) == {"|", "-"}


def test_table_exact_layout() -> None:
    result = _result(("name", "n"), [("王一", "2"), ("Li", None)])
    assert format_result(result, "table") == (
        "| name | n |\n|------|---|\n| 王一 | 2 |\n| Li   |   |"
    )


def test_table_keeps_each_row_on_one_line() -> None:
    result = _result(("text",), [("line 1\nline 2\ta|b",)])
    lines = format_result(result, "table").split("\n")
    assert len(lines) == 3
    assert lines[2] == "| line 1\\nline 2\\ta\\|b |"


def test_csv_round_trips() -> None:
    rows: Rows = [("王一", 'say "hi", then\nleave'), ("李二", None)]
    text = format_result(_result(("name", "note"), rows), "csv")
    assert not text.endswith("\n")
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed == [["name", "note"], ["王一", 'say "hi", then\nleave'], ["李二", ""]]


def test_csv_of_named_query(small: rdflib.Graph) -> None:
    result = run_query(small, load_query("city-union-chairs"))
    parsed = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert parsed[0] == list(result.columns)
    assert [tuple(row) for row in parsed[1:]] == list(result.rows)


def test_tsv_select(small: rdflib.Graph) -> None:
    result = run_query(
        small,
        """
        SELECT ?person ?name ?count ?missing ?plain ?decimal ?odd ?when WHERE {
          ?person foaf:name ?name . FILTER(?name = "王一"@zh)
          BIND(2 AS ?count)
          OPTIONAL { ?person <urn:none> ?missing }
          BIND("a\\tb\\nc \\"q\\" \\\\" AS ?plain)
          BIND(1.5 AS ?decimal)
          BIND("01"^^xsd:integer AS ?odd)
          BIND("2015"^^xsd:gYear AS ?when)
        }
        """,
    )
    text = format_result(result, "tsv")
    assert not text.endswith("\n")
    assert text.split("\n") == [
        "?person\t?name\t?count\t?missing\t?plain\t?decimal\t?odd\t?when",
        "\t".join(
            [
                "<https://example.org/kg/id/person-wang-yi>",
                '"王一"@zh',
                "2",
                "",
                '"a\\tb\\nc \\"q\\" \\\\"',
                "1.5",
                "1",  # the engine writes an integer in its canonical form
                '"2015"^^<http://www.w3.org/2001/XMLSchema#gYear>',
            ]
        ),
    ]


def test_tsv_blank_nodes_and_odd_literals() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    terms = ((NamedNode("urn:a"), BlankNode("b0"), Literal("x", datatype=NamedNode(f"{xsd}string")),
              Literal("abc", datatype=NamedNode(f"{xsd}integer"))),)
    result = QueryResult(
        columns=("a", "b", "c", "d"), rows=(("urn:a", "_:b0", "x", "abc"),), terms=terms
    )
    assert format_result(result, "tsv").split("\n")[1] == (
        '<urn:a>\t_:b0\t"x"\t"abc"^^<http://www.w3.org/2001/XMLSchema#integer>'
    )


def test_tsv_ask_and_hand_built() -> None:
    assert format_result(QueryResult(("ask",), (("true",),), boolean=True), "tsv") == "?ask\ntrue"
    assert format_result(_result(("a", "b"), [("x\ty", None)]), "tsv") == '?a\t?b\n"x\\ty"\t'


def test_tsv_of_named_query_one_line_per_row(jiangsu_graph: rdflib.Graph) -> None:
    # 钱立新's quotation holds a layout break: it stays on one line.
    result = run_query(jiangsu_graph, named_queries()["provenance"], {"person": "钱立新"})
    lines = format_result(result, "tsv").split("\n")
    assert len(lines) == 1 + len(result.rows)
    assert all(line.count("\t") == len(result.columns) - 1 for line in lines)
    assert any("\\n\\n" in line for line in lines)


def test_json_select(small: rdflib.Graph) -> None:
    result = run_query(
        small,
        """
        SELECT ?person ?name ?count ?missing WHERE {
          ?person foaf:name ?name . FILTER(?name = "王一"@zh)
          BIND(2 AS ?count)
          OPTIONAL { ?person <urn:none> ?missing }
        }
        """,
    )
    text = format_result(result, "json")
    assert "王一" in text  # ensure_ascii=False
    assert '\n  "head"' in text  # indent 2
    document = json.loads(text)
    assert document["head"]["vars"] == ["person", "name", "count", "missing"]
    assert document["results"]["bindings"] == [
        {
            "person": {"type": "uri", "value": "https://example.org/kg/id/person-wang-yi"},
            "name": {"type": "literal", "value": "王一", "xml:lang": "zh"},
            "count": {
                "type": "literal",
                "value": "2",
                "datatype": "http://www.w3.org/2001/XMLSchema#integer",
            },
        }
    ]


def test_json_ask(small: rdflib.Graph) -> None:
    document = json.loads(format_result(run_query(small, "ASK { ?s ?p ?o }"), "json"))
    assert document == {"head": {}, "boolean": True}


def test_json_of_hand_built_result() -> None:
    document = json.loads(format_result(_result(("a", "b"), [("x", None)]), "json"))
    assert document == {
        "head": {"vars": ["a", "b"]},
        "results": {"bindings": [{"a": {"type": "literal", "value": "x"}}]},
    }


@pytest.mark.parametrize("fmt", ["table", "csv", "tsv", "json"])
def test_every_format_of_every_named_query(
    extended: rdflib.Graph, default_params: dict[str, dict[str, str]], fmt: str
) -> None:
    for name, text in named_queries().items():
        assert format_result(run_query(extended, text, default_params.get(name)), fmt)
