"""Tests for kg.query: named queries, loading, read-only running and the output formats."""

from __future__ import annotations

import ast
import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
import rdflib.plugins.sparql.evaluate
from rdflib import Literal

from kg.errors import InputError, QueryError
from kg.query import (
    FORMATTERS,
    QueryResult,
    display_width,
    format_result,
    formatter,
    load_query,
    named_queries,
    query_description,
    run_query,
)

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "small.ttl"
EXTRA = FIXTURES / "queries" / "extra.ttl"

Rows = list[tuple[str | None, ...]]

# Golden results, worked out by hand from tests/fixtures/small.ttl. Text sorts by code point
# (常 U+5E38 < 浙 U+6D59 < 溧 U+6EA7; 李 U+674E < 王 U+738B < 赵 U+8D75; 人 U+4EBA < 总 U+603B).
EXPECTED_SMALL: dict[str, tuple[tuple[str, ...], Rows]] = {
    "city-union-chairs": (
        ("city", "place", "union", "chair"),
        [
            # 常州市 is in 江苏省, which has no parent; 溧阳市 is in 常州市. 浙江省 is a province.
            ("常州市", "常州市", "常州市总工会", "王一"),
            ("常州市", "溧阳市", "溧阳市总工会", "李二"),
        ],
    ),
    "group-roster": (
        ("group", "person", "role", "posts"),
        [
            ("常州学习组", "李二", "speaker", "溧阳市总工会主席"),
            ("常州学习组", "王一", "speaker", "常州市人大常委会副主任、常州市总工会主席"),
            ("常州学习组", "赵三", "listener", "浙江省总工会副主席"),
        ],
    ),
    "multiple-posts": (
        ("person", "count", "posts"),
        [("王一", "2", "常州市人大常委会副主任、常州市总工会主席")],
    ),
    "posts": (
        ("organisation", "title", "person", "place"),
        [
            ("常州市人大常委会", "副主任", "王一", "常州市"),
            ("常州市总工会", "主席", "王一", "常州市"),
            ("浙江省总工会", "副主席", "赵三", "浙江省"),
            ("溧阳市总工会", "主席", "李二", "溧阳市"),
        ],
    ),
    "reports": (
        ("group", "headline", "author", "quotations"),
        [("常州学习组", "工会工作要创新", "钱四", "2")],
    ),
    "speakers": (
        ("group", "speaker", "quote"),
        [
            ("常州学习组", "李二", "要服务职工<script>alert(1)</script>"),
            ("常州学习组", "王一", "工会工作要创新"),
        ],
    ),
}

SUN_WU_POSTS = "常州市人大常委会主任、常州市总工会副主席、常州市武进区总工会副主席"
WANG_YI_POSTS = "常州市人大常委会副主任、常州市总工会主席"

# Golden results for small.ttl + queries/extra.ttl (see the comments in extra.ttl).
# 南 U+5357 < 常 U+5E38; 周 U+5468 < 孙 U+5B59 < 李 U+674E; 人 U+4EBA < 总 U+603B < 武 U+6B66.
EXPECTED_EXTRA: dict[str, Rows] = {
    "city-union-chairs": [
        # Cities by area code: 南京市 320100 before 常州市 320400; 南京市 itself has no union.
        ("南京市", "鼓楼区", "南京市鼓楼区总工会", "吴七"),
        ("常州市", "常州市", "常州市总工会", "王一"),
        ("常州市", "武进区", "常州市武进区总工会", None),
        ("常州市", "溧阳市", "溧阳市总工会", "李二"),
    ],
    "group-roster": [
        ("南京学习组", "吴七", "participant", "南京市鼓楼区总工会主席"),
        ("南京学习组", "李二", "attendee", "溧阳市总工会主席"),
        ("常州学习组", "周六", "attendee", ""),
        ("常州学习组", "孙五", "leader, speaker", SUN_WU_POSTS),
        ("常州学习组", "李二", "speaker", "溧阳市总工会主席"),
        ("常州学习组", "王一", "speaker", WANG_YI_POSTS),
        ("常州学习组", "赵三", "listener", "浙江省总工会副主席"),
    ],
    "multiple-posts": [
        ("孙五", "3", SUN_WU_POSTS),
        ("王一", "2", WANG_YI_POSTS),
    ],
    "posts": [
        ("南京市鼓楼区总工会", "主席", "吴七", "鼓楼区"),
        ("常州市人大常委会", "主任", "孙五", "常州市"),
        ("常州市人大常委会", "副主任", "王一", "常州市"),
        ("常州市总工会", "主席", "王一", "常州市"),
        ("常州市总工会", "副主席", "孙五", "常州市"),
        ("常州市武进区总工会", "副主席", "孙五", "武进区"),
        ("浙江省总工会", "副主席", "赵三", "浙江省"),
        ("溧阳市总工会", "主席", "李二", "溧阳市"),
    ],
    "reports": [("常州学习组", "工会工作要创新", "钱四", "2")],
    "speakers": [
        ("常州学习组", "孙五", None),
        ("常州学习组", "李二", "要服务职工<script>alert(1)</script>"),
        ("常州学习组", "王一", "工会工作要创新"),
    ],
}


@pytest.fixture(scope="module")
def small() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(SMALL, format="turtle")
    return graph


@pytest.fixture(scope="module")
def extended() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(SMALL, format="turtle")
    graph.parse(EXTRA, format="turtle")
    return graph


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make rdflib's SERVICE client fail loudly, and record any call to it."""
    calls: list[object] = []

    def urlopen(*args: object, **kwargs: object) -> None:
        calls.append(args)
        raise AssertionError("the query reached for the network")

    monkeypatch.setattr(rdflib.plugins.sparql.evaluate, "urlopen", urlopen)
    return calls


def _result(columns: tuple[str, ...], rows: Rows) -> QueryResult:
    return QueryResult(columns=columns, rows=tuple(rows))


# --------------------------------------------------------------------------- named queries


def test_named_queries_are_the_expected_ones_sorted() -> None:
    queries = named_queries()
    assert list(queries) == sorted(EXPECTED_SMALL)
    assert set(queries) == set(EXPECTED_EXTRA)


@pytest.mark.parametrize("name", sorted(EXPECTED_SMALL))
def test_named_query_has_description_and_order(name: str) -> None:
    text = named_queries()[name]
    assert text.startswith("# ")
    description = query_description(text)
    assert description and description.endswith(".")
    assert "\n" not in description
    assert "ORDER BY" in text


@pytest.mark.parametrize("name", sorted(EXPECTED_SMALL))
def test_named_query_on_small_fixture(small: rdflib.Graph, name: str) -> None:
    columns, rows = EXPECTED_SMALL[name]
    result = run_query(small, named_queries()[name])
    assert result.columns == columns
    assert list(result.rows) == rows


@pytest.mark.parametrize("name", sorted(EXPECTED_EXTRA))
def test_named_query_on_extended_fixture(extended: rdflib.Graph, name: str) -> None:
    result = run_query(extended, named_queries()[name])
    assert result.columns == EXPECTED_SMALL[name][0]
    assert list(result.rows) == EXPECTED_EXTRA[name]


def test_named_queries_ignore_other_languages(extended: rdflib.Graph) -> None:
    for name, text in named_queries().items():
        cells = [c for row in run_query(extended, text).rows for c in row if c]
        assert not any(word in c for c in cells for word in ("Chair", "Director", "Wujin")), name
        assert "Sun Wu" not in cells and "Wang Yi" not in cells, name


def test_query_description() -> None:
    assert query_description("\n  # What it does.\nSELECT * {}") == "What it does."
    assert query_description("SELECT * {}\n# later") == ""
    assert query_description("") == ""


# --------------------------------------------------------------------------- load_query


def test_load_query_returns_sparql_text_unchanged() -> None:
    text = "SELECT ?s WHERE { ?s ?p ?o }"
    assert load_query(text) == text


def test_load_query_reads_rq_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.rq"
    path.write_text("# Mine.\nASK { ?s ?p ?o }\n", encoding="utf-8")
    assert load_query(str(path)) == "# Mine.\nASK { ?s ?p ?o }\n"


def test_load_query_reads_rq_file_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.rq"
    path.write_bytes('\ufeffASK { ?s ?p "工会" }'.encode())
    assert load_query(str(path)) == 'ASK { ?s ?p "工会" }'


def test_load_query_by_name() -> None:
    assert load_query("group-roster") == named_queries()["group-roster"]


def test_load_query_missing_rq_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not found"):
        load_query(str(tmp_path / "missing.rq"))


@pytest.mark.parametrize(
    ("content", "match"),
    [(b"", "empty"), (b"  \n", "empty"), (b"\xff\xfeA\x00", "binary"), (b"ASK {\xe5}", "UTF-8")],
)
def test_load_query_bad_rq_file(tmp_path: Path, content: bytes, match: str) -> None:
    path = tmp_path / "bad.rq"
    path.write_bytes(content)
    with pytest.raises(InputError, match=match):
        load_query(str(path))


def test_load_query_rq_directory(tmp_path: Path) -> None:
    (tmp_path / "dir.rq").mkdir()
    with pytest.raises(InputError):
        load_query(str(tmp_path / "dir.rq"))


def test_load_query_unknown_name_suggests() -> None:
    with pytest.raises(QueryError, match="did you mean 'group-roster'"):
        load_query("group-rooster")


def test_load_query_empty() -> None:
    with pytest.raises(QueryError, match="empty"):
        load_query("  ")


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
    assert result.terms[0][0] == Literal("李二", lang="zh")


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


@pytest.mark.parametrize("sparql", ["CONSTRUCT WHERE { ?s ?p ?o }", "DESCRIBE <urn:x>"])
def test_run_query_select_and_ask_only(small: rdflib.Graph, sparql: str) -> None:
    with pytest.raises(QueryError, match="SELECT and ASK"):
        run_query(small, sparql)


def test_run_query_runtime_error(small: rdflib.Graph) -> None:
    with pytest.raises(QueryError, match="could not be run"):
        run_query(small, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }")


# --------------------------------------------------------------------------- formatters


def test_formatters_registry() -> None:
    assert {"table", "csv", "json"} <= set(FORMATTERS)


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


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_every_format_of_every_named_query(extended: rdflib.Graph, fmt: str) -> None:
    for text in named_queries().values():
        assert format_result(run_query(extended, text), fmt)


# --------------------------------------------------------------------------- module hygiene


def test_module_has_no_cli_concerns() -> None:
    source = (Path(__file__).parent.parent / "kg" / "query.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    names = {
        alias.name.split(".")[0]
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in (
            node.names if isinstance(node, ast.Import) else [ast.alias(node.module or "")]
        )
    }
    assert "click" not in names
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert not calls & {"print", "exit", "quit"}
    assert "sys.exit" not in source
