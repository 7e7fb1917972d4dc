"""Tests for kg.sparql.catalogue: the named queries, their golden results, parameters, loading."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from kg.errors import InputError, QueryError
from kg.sparql.catalogue import (
    Parameter,
    format_query_list,
    load_query,
    named_queries,
    query_description,
    query_parameters,
)
from kg.sparql.run import run_query

Rows = list[tuple[str | None, ...]]

# Golden results, worked out by hand from tests/fixtures/small.ttl. Text sorts by code point
# (常 U+5E38 < 浙 U+6D59 < 溧 U+6EA7; 李 U+674E < 王 U+738B < 赵 U+8D75; 人 U+4EBA < 总 U+603B).
EXPECTED_SMALL: dict[str, tuple[tuple[str, ...], Rows]] = {
    "careers": (
        ("person", "who", "organisation", "title", "first", "last", "reports"),
        [  # small.ttl links no post to a report: no dates
            ("李二", "person-li-er", "溧阳市总工会", "主席", None, None, "0"),
            ("王一", "person-wang-yi", "常州市人大常委会", "副主任", None, None, "0"),
            ("王一", "person-wang-yi", "常州市总工会", "主席", None, None, "0"),
            ("赵三", "person-zhao-san", "浙江省总工会", "副主席", None, None, "0"),
        ],
    ),
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
    # id:doc2 (extra.ttl) has no file name: its IRI stands for it
    ("王一", "post", "常州市总工会主席", "市总工会主席", "0", "6", "https://example.org/kg/id/doc2"),
]

# Golden results for small.ttl + queries/extra.ttl (see the comments in extra.ttl).
# 冯 U+51AF < 南 U+5357 < 周 U+5468 < 孙 U+5B59 < 常 U+5E38 < 李 U+674E < 王 U+738B < 郑 U+90D1;
# 人 U+4EBA < 总 U+603B < 政 U+653F < 教 U+6559 < 武 U+6B66 < 红 U+7EA2.
EXPECTED_EXTRA: dict[str, Rows] = {
    "careers": [
        ("冯九", "person-feng-jiu", "南京市鼓楼区政协", "副主席", None, None, "0"),
        ("冯九", "person-feng-jiu", "南京市鼓楼区教育工会", "主席", None, None, "0"),
        ("吴七", "person-wu-qi", "南京市鼓楼区总工会", "主席", None, None, "0"),
        ("孙五", "person-sun-wu", "常州市人大常委会", "主任", None, None, "0"),
        ("孙五", "person-sun-wu", "常州市总工会", "副主席", None, None, "0"),
        ("孙五", "person-sun-wu", "常州市武进区总工会", "副主席", None, None, "0"),
        ("李二", "person-li-er", "溧阳市总工会", "主席", None, None, "0"),
        # read in the report of 2015-03-02 (id:doc), the union post again in one of 2016
        ("王一", "person-wang-yi", "常州市人大常委会", "副主任", "2015-03-02", "2015-03-02", "1"),
        ("王一", "person-wang-yi", "常州市总工会", "主席", "2015-03-02", "2016", "2"),
        ("赵三", "person-zhao-san", "浙江省总工会", "副主席", None, None, "0"),
        ("郑八", "person-zheng-ba", "南京市鼓楼区总工会", "副主席", None, None, "0"),
        ("郑八", "person-zheng-ba", "南京市鼓楼区政协", "副主席", None, None, "0"),
        ("郑八", "person-zheng-ba", "南京市鼓楼区红十字会", "主席", None, None, "0"),
    ],
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
def test_named_query_on_small_fixture(
    small: rdflib.Graph, default_params: dict[str, dict[str, str]], name: str
) -> None:
    columns, rows = EXPECTED_SMALL[name]
    result = run_query(small, named_queries()[name], default_params.get(name))
    assert result.columns == columns
    assert list(result.rows) == rows


@pytest.mark.parametrize("name", sorted(EXPECTED_EXTRA))
def test_named_query_on_extended_fixture(
    extended: rdflib.Graph, default_params: dict[str, dict[str, str]], name: str
) -> None:
    result = run_query(extended, named_queries()[name], default_params.get(name))
    assert result.columns == EXPECTED_SMALL[name][0]
    assert list(result.rows) == EXPECTED_EXTRA[name]


def test_named_queries_ignore_other_languages(
    extended: rdflib.Graph, default_params: dict[str, dict[str, str]]
) -> None:
    for name, text in named_queries().items():
        cells = [c for row in run_query(extended, text, default_params.get(name)).rows
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


def test_provenance_on_jiangsu(jiangsu_graph: rdflib.Graph, jiangsu: str) -> None:
    # "句容市人大常委会副主任、市总工会主席孔令东认为,韦国清的讲话为基层工会指明了方向。"
    congress = jiangsu.index("句容市人大常委会副主任")
    union = jiangsu.index("市总工会主席孔令东")
    quote = jiangsu.index("韦国清的讲话为基层工会指明了方向")
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
        f"https://example.org/kg/id/doc/{_doc_id(jiangsu)}#char=0,{len(jiangsu)}"
    }


def test_provenance_anchor_is_the_text_read(jiangsu_graph: rdflib.Graph, jiangsu: str) -> None:
    # 钱立新's quotation is broken by the layout ("…阵地建\n\n设。"): one anchor holds the break.
    for person in ("钱立新", "单雪梅", "欧阳春兰"):
        result = run_query(jiangsu_graph, named_queries()["provenance"], {"person": person})
        assert result.rows, person
        for _, _, _, anchor, begin, end, _ in result.rows:
            assert anchor is not None and begin is not None and end is not None
            assert jiangsu[int(begin) : int(end)] == anchor
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
        "careers": (Parameter("person", "a person's name, e.g. 张三; everyone if not given.",
                              required=False),),
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
