"""Tests for kg.query: named queries, loading, read-only running and the output formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import rdflib
import rdflib.plugins.sparql.evaluate
from rdflib import BNode, Literal, URIRef

from kg.errors import InputError, QueryError
from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.sparql.query import (
    FORMATTERS,
    Parameter,
    QueryResult,
    check_query,
    display_width,
    format_query_list,
    format_result,
    formatter,
    load_query,
    named_queries,
    query_description,
    query_parameters,
    run_query,
)

FIXTURES = Path(__file__).parent / "fixtures"
SMALL = FIXTURES / "small.ttl"
EXTRA = FIXTURES / "queries" / "extra.ttl"
JIANGSU = FIXTURES / "jiangsu.txt"

# The parameters each named query is run with when a test runs every query (provenance needs a
# person; the other queries' parameters are optional).
DEFAULT_PARAMS: dict[str, dict[str, str]] = {"provenance": {"person": "王一"}}

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
    "congress-vice-chairs-chairing-unions": (
        ("person", "body", "title", "union"),
        [("王一", "常州市人大常委会", "副主任", "常州市总工会")],
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
    "org-tree": (
        ("level", "parent", "organisation", "place"),
        [
            # 浙江省总工会经审办 is a unit of a province's union: in no city's tree.
            ("city", "常州市", "常州市人大常委会", "常州市"),
            ("city", "常州市", "常州市总工会", "常州市"),
            ("county", "常州市", "溧阳市总工会", "溧阳市"),
        ],
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
    # small.ttl says nowhere where a post or quotation was read (extra.ttl does).
    "provenance": (("person", "kind", "statement", "anchor", "begin", "end", "source"), []),
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
ZHENG_BA_POSTS = "南京市鼓楼区总工会副主席、南京市鼓楼区政协副主席、南京市鼓楼区红十字会主席"
FENG_JIU_POSTS = "南京市鼓楼区政协副主席、南京市鼓楼区教育工会主席"
CHANGZHOU_TREE: Rows = [
    # The city's own organisations, each followed by its units (办公室 before its own unit);
    # then the counties by area code (武进区 320412, 溧阳市 320481); the zone has no code: last.
    ("city", "常州市", "常州市人大常委会", "常州市"),
    ("city", "常州市", "常州市总工会", "常州市"),
    ("unit", "常州市总工会", "常州市总工会办公室", "常州市"),
    ("unit", "常州市总工会办公室", "常州市总工会办公室档案室", "常州市"),
    ("county", "常州市", "常州市武进区总工会", "武进区"),
    ("county", "常州市", "溧阳市总工会", "溧阳市"),
    ("county", "常州市", "常州高新区管委会", "常州高新区"),
]
CHANGZHOU = "changzhou.txt"  # the report's file name, in extra.ttl
WANG_YI_SOURCES: Rows = [
    # The offsets of the phrases in id:doc (small.ttl):
    # "常州市人大常委会副主任、市总工会主席王一表示,工会工作要创新。"
    ("王一", "post", "常州市人大常委会副主任", "常州市人大常委会副主任", "0", "11", CHANGZHOU),
    ("王一", "post", "常州市总工会主席", "市总工会主席", "12", "18", CHANGZHOU),
    ("王一", "quotation", "工会工作要创新", "工会工作要创新", "23", "30", CHANGZHOU),
]

# Golden results for small.ttl + queries/extra.ttl (see the comments in extra.ttl).
# 冯 U+51AF < 南 U+5357 < 周 U+5468 < 孙 U+5B59 < 常 U+5E38 < 李 U+674E < 王 U+738B < 郑 U+90D1;
# 人 U+4EBA < 总 U+603B < 政 U+653F < 教 U+6559 < 武 U+6B66 < 红 U+7EA2.
EXPECTED_EXTRA: dict[str, Rows] = {
    "city-union-chairs": [
        # Cities by area code: 南京市 320100 before 常州市 320400; 南京市 itself has no union.
        ("南京市", "鼓楼区", "南京市鼓楼区总工会", "吴七"),
        ("常州市", "常州市", "常州市总工会", "王一"),
        ("常州市", "武进区", "常州市武进区总工会", None),
        ("常州市", "溧阳市", "溧阳市总工会", "李二"),
    ],
    "congress-vice-chairs-chairing-unions": [
        # 郑八 only vice-chairs a union; 孙五 is 主任, not 副主任, of the congress.
        ("冯九", "南京市鼓楼区政协", "副主席", "南京市鼓楼区教育工会"),
        ("王一", "常州市人大常委会", "副主任", "常州市总工会"),
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
        ("郑八", "3", ZHENG_BA_POSTS),
        ("冯九", "2", FENG_JIU_POSTS),
        ("王一", "2", WANG_YI_POSTS),
    ],
    "org-tree": [
        # 南京市 (320100) before 常州市 (320400); 南京市 itself has no organisation.
        ("county", "南京市", "南京市鼓楼区人民政府", "鼓楼区"),
        ("county", "南京市", "南京市鼓楼区总工会", "鼓楼区"),
        ("county", "南京市", "南京市鼓楼区政协", "鼓楼区"),
        ("county", "南京市", "南京市鼓楼区教育工会", "鼓楼区"),
        ("county", "南京市", "南京市鼓楼区红十字会", "鼓楼区"),
        *CHANGZHOU_TREE,
    ],
    "posts": [
        ("南京市鼓楼区总工会", "主席", "吴七", "鼓楼区"),
        ("南京市鼓楼区总工会", "副主席", "郑八", "鼓楼区"),
        ("南京市鼓楼区政协", "副主席", "冯九", "鼓楼区"),
        ("南京市鼓楼区政协", "副主席", "郑八", "鼓楼区"),
        ("南京市鼓楼区教育工会", "主席", "冯九", "鼓楼区"),
        ("南京市鼓楼区红十字会", "主席", "郑八", "鼓楼区"),
        ("常州市人大常委会", "主任", "孙五", "常州市"),
        ("常州市人大常委会", "副主任", "王一", "常州市"),
        ("常州市总工会", "主席", "王一", "常州市"),
        ("常州市总工会", "副主席", "孙五", "常州市"),
        ("常州市武进区总工会", "副主席", "孙五", "武进区"),
        ("浙江省总工会", "副主席", "赵三", "浙江省"),
        ("溧阳市总工会", "主席", "李二", "溧阳市"),
    ],
    "provenance": WANG_YI_SOURCES,
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


@pytest.fixture(scope="module")
def jiangsu_raw() -> str:
    return JIANGSU.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def jiangsu_graph(jiangsu_raw: str) -> rdflib.Graph:
    """The graph of tests/fixtures/jiangsu.txt, built as ``kg build`` builds it."""
    return build_graph([read_text(jiangsu_raw)])


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
    result = run_query(small, named_queries()[name], DEFAULT_PARAMS.get(name))
    assert result.columns == columns
    assert list(result.rows) == rows


@pytest.mark.parametrize("name", sorted(EXPECTED_EXTRA))
def test_named_query_on_extended_fixture(extended: rdflib.Graph, name: str) -> None:
    result = run_query(extended, named_queries()[name], DEFAULT_PARAMS.get(name))
    assert result.columns == EXPECTED_SMALL[name][0]
    assert list(result.rows) == EXPECTED_EXTRA[name]


def test_named_queries_ignore_other_languages(extended: rdflib.Graph) -> None:
    for name, text in named_queries().items():
        cells = [c for row in run_query(extended, text, DEFAULT_PARAMS.get(name)).rows
                 for c in row if c]
        words = ("Chair", "Director", "Wujin", "Office")
        assert not any(word in c for c in cells for word in words), name
        assert "Sun Wu" not in cells and "Wang Yi" not in cells, name


# Named queries run with parameters on small.ttl + extra.ttl: (name, params, expected rows).
PARAM_CASES: list[tuple[str, dict[str, str], Rows]] = [
    (
        "group-roster",
        {"group": "南京学习组"},
        [
            ("南京学习组", "吴七", "participant", "南京市鼓楼区总工会主席"),
            ("南京学习组", "李二", "attendee", "溧阳市总工会主席"),
        ],
    ),
    ("group-roster", {"group": "常州学习组"}, EXPECTED_EXTRA["group-roster"][2:]),
    ("group-roster", {"group": "常州"}, []),  # a group's name is matched whole
    ("speakers", {"group": "常州学习组"}, EXPECTED_EXTRA["speakers"]),
    ("speakers", {"group": "南京学习组"}, []),  # nobody spoke there
    ("org-tree", {"city": "常州市"}, CHANGZHOU_TREE),
    ("org-tree", {"city": "常州"}, CHANGZHOU_TREE),  # 市 may be left out
    ("org-tree", {"city": "江苏省"}, []),  # a province is not a city
    ("org-tree", {"city": "溧阳市"}, []),  # nor is a county-level city
    ("provenance", {"person": "王一"}, WANG_YI_SOURCES),
    ("provenance", {"person": "李二"}, []),  # the graph says nowhere where it was read
    ("provenance", {"person": "王"}, []),  # a name is matched whole
]


@pytest.mark.parametrize(
    ("name", "params", "rows"), PARAM_CASES, ids=[f"{c[0]}-{c[1]}" for c in PARAM_CASES]
)
def test_named_query_with_parameters(
    extended: rdflib.Graph, name: str, params: dict[str, str], rows: Rows
) -> None:
    result = run_query(extended, named_queries()[name], params)
    assert result.columns == EXPECTED_SMALL[name][0]
    assert list(result.rows) == rows


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


def test_format_query_list() -> None:
    queries = {
        "a-query": "# Answers a.\n# param x (optional): an x, e.g. 1.\nASK {}",
        "b": "# Answers b.\n# param y: a y, e.g. 2.\nASK {}",
        "c": "ASK {}",
    }
    assert format_query_list(queries) == (
        "a-query  Answers a.\n"
        "           --param x=… (optional): an x, e.g. 1.\n"
        "b        Answers b.\n"
        "           --param y=…: a y, e.g. 2.\n"
        "c"
    )


def test_format_query_list_of_the_bundled_queries() -> None:
    lines = format_query_list().split("\n")
    names = [line.split()[0] for line in lines if not line.startswith(" ")]
    assert names == list(named_queries())
    assert any("--param city=… (optional): a city's name" in line for line in lines)


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


# --------------------------------------------------------------------------- jiangsu.txt

# Worked out from the text of tests/fixtures/jiangsu.txt: "省人大常委会副主任、省总工会主席韦国清",
# "南京市政协副主席、市总工会主席蒋文博", "句容市人大常委会副主任、市总工会主席孔令东",
# "苏州市人大常委会副主任、市总工会主席单雪梅", "常熟市政协副主席,市总工会主席陆明".
# 单 U+5355 < 孔 U+5B54 < 蒋 U+848B < 陆 U+9646 < 韦 U+97E6.
JIANGSU_VICE_CHAIRS: Rows = [
    ("单雪梅", "苏州市人大常委会", "副主任", "苏州市总工会"),
    ("孔令东", "句容市人大常委会", "副主任", "句容市总工会"),
    ("蒋文博", "南京市政协", "副主席", "南京市总工会"),
    ("陆明", "常熟市政协", "副主席", "常熟市总工会"),
    ("韦国清", "江苏省人大常委会", "副主任", "江苏省总工会"),
]

# 苏州市's organisations named in the text: its congress and union (单雪梅, 仇志远); 吴江区总工会
# (苏州市吴江区 320509) and 常熟市's CPPCC and union (320581).
JIANGSU_SUZHOU_TREE: Rows = [
    ("city", "苏州市", "苏州市人大常委会", "苏州市"),
    ("city", "苏州市", "苏州市总工会", "苏州市"),
    ("county", "苏州市", "苏州市吴江区总工会", "苏州市吴江区"),
    ("county", "苏州市", "常熟市总工会", "常熟市"),
    ("county", "苏州市", "常熟市政协", "常熟市"),
]


def test_congress_vice_chairs_on_jiangsu(jiangsu_graph: rdflib.Graph) -> None:
    result = run_query(jiangsu_graph, named_queries()["congress-vice-chairs-chairing-unions"])
    assert list(result.rows) == JIANGSU_VICE_CHAIRS


def test_org_tree_on_jiangsu(jiangsu_graph: rdflib.Graph) -> None:
    result = run_query(jiangsu_graph, named_queries()["org-tree"], {"city": "苏州市"})
    assert list(result.rows) == JIANGSU_SUZHOU_TREE


def test_provenance_on_jiangsu(jiangsu_graph: rdflib.Graph, jiangsu_raw: str) -> None:
    # "句容市人大常委会副主任、市总工会主席孔令东认为,韦国清的讲话为基层工会指明了方向。"
    congress = jiangsu_raw.index("句容市人大常委会副主任")
    union = jiangsu_raw.index("市总工会主席孔令东")
    quote = jiangsu_raw.index("韦国清的讲话为基层工会指明了方向")
    result = run_query(jiangsu_graph, named_queries()["provenance"], {"person": "孔令东"})
    rows = [row[:6] for row in result.rows]
    assert rows == [
        ("孔令东", "post", "句容市人大常委会副主任", "句容市人大常委会副主任",
         str(congress), str(congress + 11)),
        ("孔令东", "post", "句容市总工会主席", "市总工会主席", str(union), str(union + 6)),
        ("孔令东", "quotation", "韦国清的讲话为基层工会指明了方向",
         "韦国清的讲话为基层工会指明了方向", str(quote), str(quote + 16)),
    ]
    # The graph does not name the file it was built from: the source is the report's IRI.
    assert {row[6] for row in result.rows} == {
        f"https://example.org/kg/id/doc/{_doc_id(jiangsu_raw)}#char=0,{len(jiangsu_raw)}"
    }


def test_provenance_anchor_is_the_text_read(jiangsu_graph: rdflib.Graph, jiangsu_raw: str) -> None:
    # 钱立新's quotation is broken by the layout ("…阵地建\n\n设。"): one anchor holds the break.
    for person in ("钱立新", "单雪梅", "欧阳春兰"):
        result = run_query(jiangsu_graph, named_queries()["provenance"], {"person": person})
        assert result.rows, person
        for _, _, _, anchor, begin, end, _ in result.rows:
            assert anchor is not None and begin is not None and end is not None
            assert jiangsu_raw[int(begin) : int(end)] == anchor
    rows = run_query(jiangsu_graph, named_queries()["provenance"], {"person": "钱立新"}).rows
    assert any(row[1] == "quotation" and "\n\n" in (row[3] or "") for row in rows)


def _doc_id(raw: str) -> str:
    import hashlib

    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


@pytest.mark.parametrize("name", sorted(EXPECTED_SMALL))
def test_named_query_parameters_are_used(name: str) -> None:
    text = named_queries()[name]
    for param in query_parameters(text):
        assert f"?{param.variable}" in text, param
        assert param.description.endswith("."), param
        assert "e.g." in param.description, param  # an example value


def test_named_query_parameters() -> None:
    group = "a study group's name, e.g. 杭州、湖州学习组; every group if not given."
    declared = {name: query_parameters(text) for name, text in named_queries().items()}
    assert {name: params for name, params in declared.items() if params} == {
        "group-roster": (Parameter("group", group, required=False),),
        "org-tree": (
            Parameter(
                "city",
                "a city's name, e.g. 杭州市 (杭州 works too); every city if not given.",
                required=False,
            ),
        ),
        "provenance": (Parameter("person", "a person's name as the report writes it, e.g. 张三."),),
        "speakers": (Parameter("group", group, required=False),),
    }


def test_query_parameters_syntax() -> None:
    text = (
        "# What it does.\n"
        "#param a: the first.\n"
        "  #  param b_2 (optional) :  the second, e.g. x: y.  \n"
        "# params c: not a declaration\n"
        "# param: not one either\n"
        "# a param d: nor this\n"
        "SELECT * WHERE { ?s ?p ?param_a } # param e: a trailing comment is not one\n"
    )
    assert query_parameters(text) == (
        Parameter("a", "the first."),
        Parameter("b_2", "the second, e.g. x: y.", required=False),
    )
    assert Parameter("b_2", "").variable == "param_b_2"
    assert query_parameters("SELECT * {}") == ()


def test_query_parameters_declared_twice() -> None:
    with pytest.raises(QueryError, match="parameter 'a' twice"):
        query_parameters("# param a: one.\n# param a (optional): two.\nASK {}")


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
                "01",
                '"2015"^^<http://www.w3.org/2001/XMLSchema#gYear>',
            ]
        ),
    ]


def test_tsv_escapes_and_blank_nodes() -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    terms = ((URIRef("urn:a b>"), BNode("b0"), Literal("x", datatype=URIRef(f"{xsd}string")),
              Literal("abc", datatype=URIRef(f"{xsd}integer"))),)
    result = QueryResult(
        columns=("a", "b", "c", "d"), rows=(("urn:a b>", "_:b0", "x", "abc"),), terms=terms
    )
    assert format_result(result, "tsv").split("\n")[1] == (
        '<urn:a\\u0020b\\u003E>\t_:b0\t"x"\t"abc"^^<http://www.w3.org/2001/XMLSchema#integer>'
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
def test_every_format_of_every_named_query(extended: rdflib.Graph, fmt: str) -> None:
    for name, text in named_queries().items():
        assert format_result(run_query(extended, text, DEFAULT_PARAMS.get(name)), fmt)
