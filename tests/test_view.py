"""Tests for kg.network (RDF → networkx, selectors) and kg.view (the offline HTML page).

The page in a real browser: tests/test_browser.py.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
import rdflib
from click.testing import CliRunner
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

from kg.cli.view import view
from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.view.network import (
    AmbiguousNameError,
    NodeNotFoundError,
    around,
    find_node,
    group_view,
    place_tree,
    search_key,
    to_networkx,
)
from kg.view.page import BIG, layout, render_network, render_view, view_page

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SCHEMA = rdflib.Namespace("https://schema.org/")
KG = rdflib.Namespace("https://example.org/kg/ns#")
ID = rdflib.Namespace("https://example.org/kg/id/")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")

SCRIPT_PAYLOAD = "</script><script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"

_DATA = re.compile(r"^\s*var (node|edge)Data = (.*);$", re.MULTILINE)


def _fixture() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE, format="turtle")


def _data(html: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    found = {m.group(1): json.loads(m.group(2)) for m in _DATA.finditer(html)}
    return found["node"], found["edge"]


def _options(html: str) -> dict[str, Any]:
    return _json_var(html, "options")


def _json_var(html: str, name: str) -> Any:
    match = re.search(rf"^\s*var {name} = (.*);$", html, re.MULTILINE)
    assert match is not None, name
    return json.loads(match.group(1))


def _labelled_edges(html: str) -> set[tuple[str, str, str]]:
    nodes, edges = _data(html)
    label = {n["id"]: n["label"] for n in nodes}
    return {(label[e["from"]], label[e["to"]], e.get("label", "")) for e in edges}


def _person(graph: rdflib.Graph, key: str, name: str) -> URIRef:
    person = ID[key]
    graph.add((person, RDF.type, FOAF.Person))
    graph.add((person, FOAF.name, Literal(name, lang="zh")))
    return person


def _org(graph: rdflib.Graph, key: str, label: str) -> URIRef:
    org = ID[key]
    graph.add((org, RDF.type, ORG.Organization))
    graph.add((org, SKOS.prefLabel, Literal(label, lang="zh")))
    return org


def _post(graph: rdflib.Graph, person: URIRef, org: URIRef, key: str, title: str) -> None:
    post, role = ID[f"post-{key}"], ID[f"role-{key}"]
    graph.add((person, ORG.holds, post))
    graph.add((post, ORG.postIn, org))
    graph.add((post, ORG.role, role))
    graph.add((role, SKOS.prefLabel, Literal(title, lang="zh")))


@pytest.fixture(scope="module")
def transcript_graph(transcript: str) -> rdflib.Graph:
    return build_graph([read_text(transcript, name="transcript.txt")])


def _network() -> Any:
    return to_networkx(_fixture())


def _labels(graph: Any) -> set[str]:
    return {data["label"] for _, data in graph.nodes(data=True)}


# ---------------------------------------------------------------------- kg.network: the graph


def test_to_networkx_nodes_kinds_and_labels() -> None:
    graph = _network()
    kinds: dict[str, set[str]] = {}
    for node, data in graph.nodes(data=True):
        assert data["id"] == node
        kinds.setdefault(data["kind"], set()).add(data["label"])
    assert kinds == {
        "person": {"王一", "李二", "赵三", "钱四"},
        "organisation": {"浙江省总工会", "常州市人大常委会", "常州市总工会", "溧阳市总工会",
                         "浙江省总工会经审办"},
        "place": {"浙江省", "常州市", "江苏省", "溧阳市"},
        "group": {"常州学习组"},
    }


def test_to_networkx_edges_kinds_and_labels() -> None:
    graph = _network()
    label = dict(graph.nodes(data="label"))
    edges = {(label[u], label[v], d["kind"], d["label"]) for u, v, d in graph.edges(data=True)}
    assert edges == {
        ("王一", "常州市人大常委会", "post", "副主任"),
        ("王一", "常州市总工会", "post", "主席"),
        ("李二", "溧阳市总工会", "post", "主席"),
        ("赵三", "浙江省总工会", "post", "副主席"),
        ("浙江省总工会经审办", "浙江省总工会", "suborganisation", ""),
        ("浙江省总工会", "浙江省", "area", ""),
        ("常州市人大常委会", "常州市", "area", ""),
        ("常州市总工会", "常州市", "area", ""),
        ("溧阳市总工会", "溧阳市", "area", ""),
        ("常州市", "江苏省", "within", ""),
        ("溧阳市", "常州市", "within", ""),
        ("王一", "常州学习组", "attendance", "发言"),
        ("李二", "常州学习组", "attendance", "发言"),
        ("赵三", "常州学习组", "attendance", "听取"),
        # the reporter of the group's article is tied to the group
        ("钱四", "常州学习组", "authored", "撰稿"),
    }
    assert graph.number_of_edges() == 15
    # one edge per post, keyed by the post
    assert {k for _, _, k, d in graph.edges(keys=True, data=True) if d["kind"] == "post"} == {
        str(ID[f"post-{x}"]) for x in "abcd"}


def test_to_networkx_attributes_are_graphml_safe(tmp_path: Path) -> None:
    import networkx as nx

    graph = to_networkx(_hostile_graph())
    for _, data in graph.nodes(data=True):
        assert set(data) == {"id", "label", "kind", "pinyin", "tooltip"}
        assert all(isinstance(v, str) for v in data.values())
    for _, _, data in graph.edges(data=True):
        assert set(data) == {"kind", "label", "evidence"}
        assert all(isinstance(v, str) for v in data.values())
    nx.write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[str(ID["evil"])]["label"] == SCRIPT_PAYLOAD
    nx.write_gexf(graph, tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()


def test_to_networkx_is_ordered_and_deterministic() -> None:
    graph = _network()
    shuffled = rdflib.Graph()
    for triple in sorted(_fixture(), reverse=True):
        shuffled.add(triple)
    again = to_networkx(shuffled)
    assert list(graph.nodes(data=True)) == list(again.nodes(data=True))
    assert list(graph.edges(keys=True, data=True)) == list(again.edges(keys=True, data=True))
    kinds = [kind for _, kind in graph.nodes(data="kind")]
    assert kinds == sorted(kinds, key=["person", "organisation", "place", "group"].index)


def test_person_tooltip_posts_group_sentence_and_quotation() -> None:
    tooltip = _network().nodes[str(ID["person-wang-yi"])]["tooltip"]
    assert tooltip.splitlines() == [
        "王一",
        "人物 · Wang Yi",
        "职务：常州市人大常委会副主任",
        "职务：常州市总工会主席",
        "学习组：常州学习组（发言）",
        # the sentence around the first nif:Phrase whose itsrdf:taIdentRef is the person
        "原文：常州市人大常委会副主任、市总工会主席王一表示,工会工作要创新。",
        "“工会工作要创新”",
        str(ID["person-wang-yi"]),
    ]


def test_other_tooltips() -> None:
    graph = _network()
    assert graph.nodes[str(ID["org-cz-union"])]["tooltip"].splitlines() == [
        "常州市总工会", "机构 · chang zhou shi zong gong hui", "服务地区：常州市",
        "任职：王一（主席）", str(ID["org-cz-union"])]
    assert graph.nodes[str(ID["place-320481"])]["tooltip"].splitlines() == [
        "溧阳市", "地区 · li yang shi", "区划代码：320481", "属于：常州市",
        str(ID["place-320481"])]
    assert graph.nodes[str(ID["group-g1"])]["tooltip"].splitlines() == [
        "常州学习组", "学习组 · chang zhou xue xi zu", "成员：3 人", "报道：钱四（撰稿）",
        str(ID["group-g1"])]


def test_pinyin_from_the_graph_else_made() -> None:
    graph = _network()
    assert graph.nodes[str(ID["person-wang-yi"])]["pinyin"] == "Wang Yi"  # skos:altLabel
    assert graph.nodes[str(ID["person-li-er"])]["pinyin"] == "Li Er"  # made with pypinyin


def test_sentence_is_cut_around_a_long_mention_and_joins_layout_breaks() -> None:
    graph = rdflib.Graph()
    person = _person(graph, "p", "沈建平")
    doc = ID["doc"]
    text = "甲" * 80 + "。前文" + "乙" * 70 + "沈建\n\n平说" + "丙" * 70 + "。后文"
    begin = text.index("沈建")
    graph.add((doc, NIF.isString, Literal(text)))
    mention = ID["m"]
    graph.add((mention, NIF.beginIndex, Literal(begin)))
    graph.add((mention, NIF.endIndex, Literal(begin + 5)))
    graph.add((mention, NIF.referenceContext, doc))
    graph.add((mention, ITSRDF.taIdentRef, person))
    line = next(x for x in to_networkx(graph).nodes[str(person)]["tooltip"].splitlines()
                if x.startswith("原文："))
    assert line == "原文：…" + "乙" * 50 + "沈建平说" + "丙" * 49 + "…"


# ------------------------------------------------------------------- kg.network: selectors


@pytest.mark.parametrize("text", ["Zheng Rongsheng", "zheng rongsheng", "ZHENGRONGSHENG",
                                  "Zhèng Róngshèng", "zheng-rong sheng", "ｚｈｅｎｇ ｒｏｎｇ"
                                  "ｓｈｅｎｇ"])
def test_search_key_folds_case_diacritics_spaces_and_width(text: str) -> None:
    assert search_key(text) == "zhengrongsheng"


def test_search_key_keeps_chinese_and_folds_u_umlaut() -> None:
    assert search_key("郑 荣胜") == "郑荣胜"
    assert search_key("Lǚ Bu") == search_key("lv bu") == search_key("lu bu") == "lubu"


@pytest.mark.parametrize("name", ["王一", "wang yi", "Wáng Yī", str(ID["person-wang-yi"])])
def test_find_node_by_name_pinyin_or_iri(name: str) -> None:
    assert find_node(_network(), name) == str(ID["person-wang-yi"])


def test_around_depth_0_1_2() -> None:
    graph = _network()
    assert _labels(around(graph, "王一", 0)) == {"王一"}
    assert _labels(around(graph, "王一", 1)) == {"王一", "常州市人大常委会", "常州市总工会",
                                                "常州学习组"}
    part = around(graph, "wang yi", 2)
    assert _labels(part) == {"王一", "常州市人大常委会", "常州市总工会", "常州学习组",
                             "常州市", "李二", "赵三", "钱四"}
    assert part.graph["focus"] == str(ID["person-wang-yi"])
    # a subgraph keeps every edge between its nodes, with its attributes
    assert part.number_of_edges() == 8
    assert part.edges[str(ID["person-wang-yi"]), str(ID["org-cz-union"]),
                      str(ID["post-b"])]["label"] == "主席"


def test_around_an_organisation() -> None:
    assert _labels(around(_network(), "浙江省总工会", 1)) == {
        "浙江省总工会", "浙江省总工会经审办", "浙江省", "赵三"}


def test_group_view() -> None:
    part = group_view(_network(), "常州学习组")
    # the group, its people, their organisations, the places these serve and contain them
    assert _labels(part) == {"常州学习组", "王一", "李二", "赵三", "钱四", "常州市人大常委会",
                             "常州市总工会", "溧阳市总工会", "浙江省总工会", "常州市", "溧阳市",
                             "浙江省", "江苏省"}
    assert part.graph["focus"] == str(ID["group-g1"])


@pytest.mark.parametrize(("place", "expected"), [
    ("常州市", {"常州市", "溧阳市", "常州市人大常委会", "常州市总工会", "溧阳市总工会", "王一",
             "李二"}),
    ("江苏省", {"江苏省", "常州市", "溧阳市", "常州市人大常委会", "常州市总工会", "溧阳市总工会",
             "王一", "李二"}),
    ("浙江省", {"浙江省", "浙江省总工会", "浙江省总工会经审办", "赵三"}),
    ("Li Yang Shi", {"溧阳市", "溧阳市总工会", "李二"}),
])
def test_place_tree(place: str, expected: set[str]) -> None:
    assert _labels(place_tree(_network(), place)) == expected


def test_unknown_names_list_close_matches() -> None:
    graph = _network()
    with pytest.raises(NodeNotFoundError, match="no place named '常州' in the graph; "
                                                "close matches: 常州市"):
        place_tree(graph, "常州")
    with pytest.raises(NodeNotFoundError, match="close matches: 常州学习组"):
        group_view(graph, "杭州学习组")
    with pytest.raises(NodeNotFoundError, match="close matches: 王一"):
        around(graph, "wang", 2)
    # a person is not a place; only the right kind is suggested
    with pytest.raises(NodeNotFoundError) as error:
        place_tree(graph, "王一")
    assert "王一" not in str(error.value).split(";")[1]


def test_unknown_group_lists_the_groups() -> None:
    with pytest.raises(NodeNotFoundError, match="the study groups are: 常州学习组"):
        group_view(_network(), "xyz")


def test_ambiguous_name_lists_the_candidates() -> None:
    graph = rdflib.Graph()
    _person(graph, "a", "张五")
    _person(graph, "b", "章五")
    network = to_networkx(graph)
    with pytest.raises(AmbiguousNameError, match="2 nodes are named 'zhang wu'.*张五.*章五"):
        around(network, "zhang wu", 1)
    assert find_node(network, "章五") == str(ID["b"])


def test_negative_depth() -> None:
    with pytest.raises(ValueError, match="depth"):
        around(_network(), "王一", -1)


# ------------------------------------------------------------------------- kg.view: content


def test_fixture_has_one_node_per_person_organisation_place_and_group() -> None:
    nodes, _ = _data(render_view(_fixture()))
    by_group: dict[str, set[str]] = {}
    for node in nodes:
        by_group.setdefault(node["group"], set()).add(node["label"])
    assert len(nodes) == len({n["id"] for n in nodes}) == 14
    assert by_group == {
        "person": {"王一", "李二", "赵三", "钱四"},
        "organisation": {
            "浙江省总工会",
            "常州市人大常委会",
            "常州市总工会",
            "溧阳市总工会",
            "浙江省总工会经审办",
        },
        "place": {"浙江省", "常州市", "江苏省", "溧阳市"},
        "group": {"常州学习组"},
    }


def test_fixture_edges_posts_structure_places_attendance_and_authorship() -> None:
    html = render_view(_fixture())
    _, edges = _data(html)
    assert len(edges) == 15
    assert _labelled_edges(html) == {
        # posts, labelled with the @zh title
        ("王一", "常州市人大常委会", "副主任"),
        ("王一", "常州市总工会", "主席"),
        ("李二", "溧阳市总工会", "主席"),
        ("赵三", "浙江省总工会", "副主席"),
        # org:subOrganizationOf
        ("浙江省总工会经审办", "浙江省总工会", ""),
        # schema:areaServed
        ("浙江省总工会", "浙江省", ""),
        ("常州市人大常委会", "常州市", ""),
        ("常州市总工会", "常州市", ""),
        ("溧阳市总工会", "溧阳市", ""),
        # schema:containedInPlace
        ("常州市", "江苏省", ""),
        ("溧阳市", "常州市", ""),
        # attendance, labelled with the role
        ("王一", "常州学习组", "发言"),
        ("李二", "常州学习组", "发言"),
        ("赵三", "常州学习组", "听取"),
        # the reporter
        ("钱四", "常州学习组", "撰稿"),
    }


def test_edge_kinds_are_styled_apart() -> None:
    html = render_view(_fixture())
    _, edges = _data(html)
    styles = _json_var(html, "edgeStyles")
    assert set(styles) == {e["kind"] for e in edges} == {
        "post", "attendance", "authored", "suborganisation", "area", "within"}
    assert len({(s["color"], json.dumps(s["dashes"])) for s in styles.values()}) == 6
    assert _options(html)["edges"]["arrows"]["to"]["enabled"] is True


def test_edge_tooltip_names_both_ends_and_the_source_text() -> None:
    graph = rdflib.Graph()
    person = _person(graph, "p", "张五")
    org = _org(graph, "o", "某市总工会")
    _post(graph, person, org, "a", "主席")
    graph.add((ID["post-a"], PROV.wasDerivedFrom, ID["phrase"]))
    graph.add((ID["phrase"], NIF.anchorOf, Literal("市总工会主席")))
    _, edges = _data(render_view(graph))
    assert edges[0]["title"] == "张五 → 某市总工会\n任职：主席\n原文：市总工会主席"


def test_several_posts_at_one_organisation_make_one_edge() -> None:
    graph = rdflib.Graph()
    person = _person(graph, "p", "张五")
    org = _org(graph, "o", "某市总工会")
    _post(graph, person, org, "a", "主席")
    _post(graph, person, org, "b", "党组书记")
    assert to_networkx(graph).number_of_edges() == 2  # one per post
    _, edges = _data(render_view(graph))
    assert len(edges) == 1  # drawn as one
    assert edges[0]["label"] == "、".join(sorted(["主席", "党组书记"]))


def test_untyped_endpoints_still_get_nodes() -> None:
    graph = rdflib.Graph()
    person = _person(graph, "p", "张五")
    org = ID["o-untyped"]
    graph.add((org, SKOS.prefLabel, Literal("某局", lang="zh")))
    _post(graph, person, org, "a", "局长")
    graph.add((org, SCHEMA.areaServed, ID["place-x"]))  # no label at all
    html = render_view(graph)
    nodes, _ = _data(html)
    kinds = {n["label"]: n["group"] for n in nodes}
    assert kinds == {"张五": "person", "某局": "organisation", "place-x": "place"}
    assert ("张五", "某局", "局长") in _labelled_edges(html)


def test_attendance_roles_and_default_label() -> None:
    graph = rdflib.Graph()
    group = ID["group"]
    graph.add((group, RDF.type, ORG.OrganizationalUnit))
    graph.add((group, SKOS.prefLabel, Literal("学习组", lang="zh")))
    event = ID["event"]
    graph.add((event, RDF.type, SCHEMA.Event))
    graph.add((event, SCHEMA.organizer, group))
    plain = _person(graph, "plain", "甲")
    leader = _person(graph, "leader", "乙")
    only_sub = _person(graph, "sub", "丙")
    for person in (plain, leader):
        graph.add((event, SCHEMA.attendee, person))
    graph.add((event, KG.leader, leader))
    graph.add((event, KG.speaker, leader))
    graph.add((event, KG.participant, only_sub))  # sub-property without schema:attendee
    assert _labelled_edges(render_view(graph)) == {
        ("甲", "学习组", "出席"),
        ("乙", "学习组", "组长、发言"),
        ("丙", "学习组", "参加"),
    }


def test_reporter_with_a_job_title_and_photographer_are_tied_to_the_group() -> None:
    graph = _fixture()
    graph.add((ID["person-qian-si"], SCHEMA.jobTitle, Literal("见习记者", lang="zh")))
    shooter = _person(graph, "shooter", "孙五")
    photo = ID["photo"]
    graph.add((photo, RDF.type, SCHEMA.Photograph))
    graph.add((photo, SCHEMA.isPartOf, ID["article-g1"]))
    graph.add((photo, SCHEMA.creator, shooter))
    edges = _labelled_edges(render_view(graph))
    assert ("钱四", "常州学习组", "见习记者") in edges
    assert ("孙五", "常州学习组", "摄影") in edges


def test_development_zone_is_a_place() -> None:
    graph = rdflib.Graph()
    zone, city = ID["zone"], ID["city"]
    graph.add((zone, RDF.type, KG.DevelopmentZone))
    graph.add((zone, SKOS.prefLabel, Literal("常州经济开发区", lang="zh")))
    graph.add((zone, SCHEMA.containedInPlace, city))
    graph.add((city, RDF.type, SCHEMA.AdministrativeArea))
    graph.add((city, SKOS.prefLabel, Literal("常州市", lang="zh")))
    html = render_view(graph)
    nodes, _ = _data(html)
    assert {n["label"]: n["group"] for n in nodes} == {"常州经济开发区": "place", "常州市": "place"}
    assert _labelled_edges(html) == {("常州经济开发区", "常州市", "")}


def test_zh_label_is_chosen_over_en() -> None:
    graph = rdflib.Graph()
    person = _person(graph, "p", "张五")
    graph.add((person, FOAF.name, Literal("Mr Zhang", lang="en")))
    org = _org(graph, "o", "某市总工会")
    graph.add((org, SKOS.prefLabel, Literal("A Trade Union", lang="en")))
    _post(graph, person, org, "a", "主席")
    graph.add((ID["role-a"], SKOS.prefLabel, Literal("Chair", lang="en")))
    html = render_view(graph)
    assert _labelled_edges(html) == {("张五", "某市总工会", "主席")}
    nodes, edges = _data(html)
    assert not any("Chair" in e["title"] for e in edges)
    assert not any("Trade Union" in n["title"] or "Mr Zhang" in n["title"] for n in nodes)


def test_tooltip_has_pinyin_posts_and_quotation_as_plain_text() -> None:
    nodes, _ = _data(render_view(_fixture()))
    titles = {n["label"]: n["title"] for n in nodes}
    pinyin = {n["label"]: n["pinyin"] for n in nodes}
    assert "Wang Yi" in titles["王一"] and pinyin["王一"] == "Wang Yi"
    assert "常州市人大常委会副主任" in titles["王一"]
    assert "工会工作要创新" in titles["王一"]
    # The quotation keeps its text verbatim: tooltips are plain text, not pre-escaped HTML.
    assert "要服务职工<script>alert(1)</script>" in titles["李二"]
    assert "&lt;" not in titles["李二"]


def test_node_kinds_have_distinct_shape_and_colour() -> None:
    html = render_view(_fixture())
    nodes, _ = _data(html)
    groups = _options(html)["groups"]
    assert set(groups) == {"person", "organisation", "place", "group"}
    shapes = {kind: style["shape"] for kind, style in groups.items()}
    colours = {kind: style["color"]["background"] for kind, style in groups.items()}
    assert len(set(shapes.values())) == 4
    assert len(set(colours.values())) == 4
    assert {n["group"] for n in nodes} <= set(groups)  # each node takes its kind's style


def test_node_size_follows_the_number_of_neighbours() -> None:
    nodes, _ = _data(render_view(_fixture()))
    value = {n["label"]: n["value"] for n in nodes}
    assert value["常州学习组"] == value["常州市"] == 4
    assert value["王一"] == value["浙江省总工会"] == 3
    assert value["钱四"] == value["江苏省"] == 1
    scaling = _options(render_view(_fixture()))["nodes"]["scaling"]
    assert scaling["min"] < scaling["max"]


def test_group_filter_data() -> None:
    html = render_view(_fixture())
    nodes, _ = _data(html)
    assert '<option value="0">常州学习组</option>' in html
    members = {n["label"] for n in nodes if 0 in n.get("g", [])}
    assert members == _labels(group_view(_network(), "常州学习组"))
    assert "g" not in next(n for n in nodes if n["label"] == "浙江省总工会经审办")


def test_legend_is_in_the_page() -> None:
    html = render_view(_fixture())
    legend = html[html.index('id="kg-legend"') :]
    legend = legend[: legend.index("</div>")]
    for name in ("人物", "机构", "地区", "学习组", "任职", "出席学习组", "撰稿", "下属机构",
                 "服务地区", "属于"):
        assert f"<span>{name}</span>" in legend
    for kind in ("person", "organisation", "place", "group"):
        assert f'<input type="checkbox" checked data-kind="{kind}">' in legend


def test_search_box_and_filters_are_in_the_page() -> None:
    html = render_view(_fixture())
    assert '<input id="kg-q" type="search"' in html
    assert '<select id="kg-group">' in html
    # data from the graph reaches the DOM through textContent only
    script = html[html.rindex("<script>") :]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script


def test_chinese_is_utf8_not_escaped() -> None:
    html = render_view(_fixture())
    assert '<meta charset="utf-8">' in html
    for text in ("王一", "常州市人大常委会", "副主任", "常州学习组", "江苏省"):
        assert text in html
    assert "\\u738b" not in html  # 王 was not written as a JSON escape
    html.encode("utf-8")


def test_focus_of_a_selection_is_in_the_page() -> None:
    html = render_network(around(_network(), "王一", 1))
    assert _json_var(html, "focusId") == str(ID["person-wang-yi"])
    assert _json_var(render_view(_fixture()), "focusId") is None


# ---------------------------------------------------------------------- offline & layout


def test_nothing_is_written_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    render_view(_fixture())
    render_view(rdflib.Graph())
    assert list(tmp_path.iterdir()) == []


def test_no_remote_resources() -> None:
    html = render_view(_fixture())
    tags = re.findall(r"<(?:script|link|img|iframe|source|embed|object|video|audio)\b[^>]*>", html)
    for tag in tags:
        assert not re.search(r"\b(?:src|href|data)\s*=", tag), tag
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", html)
    assert not re.search(r"@import", html)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp is not None
    assert "default-src 'none'" in csp.group(1).replace("&#39;", "'")
    # vis-network itself is inlined
    assert "vis.Network" in html and len(html) > 300_000


def test_positions_are_precomputed_and_physics_is_off() -> None:
    html = render_view(_fixture())
    nodes, _ = _data(html)
    options = _options(html)
    assert options["physics"] == {"enabled": False}
    assert options["layout"]["improvedLayout"] is False
    assert options["edges"]["smooth"] is False
    positions = [(n["x"], n["y"]) for n in nodes]
    assert all(isinstance(v, int) for xy in positions for v in xy)
    assert len(set(positions)) == len(positions)
    spread = max(abs(v) for xy in positions for v in xy)
    assert 200 < spread < 5000


def _grid_graph(n_side: int) -> Any:
    import networkx as nx

    graph = nx.grid_2d_graph(n_side, n_side)
    return nx.relabel_nodes(graph, {node: f"n{node[0]:03d}-{node[1]:03d}" for node in graph})


def test_big_components_get_the_stress_layout_quickly_and_apart() -> None:
    graph = _grid_graph(40)  # 1,600 nodes in one component
    start = time.perf_counter()
    positions = layout(graph)
    assert time.perf_counter() - start < 5
    assert len(set(positions.values())) == len(positions)
    # neighbours end up close, the grid's corners far apart
    lengths = sorted(abs(positions[u][0] - positions[v][0]) + abs(positions[u][1] - positions[v][1])
                     for u, v in graph.edges())
    corner = abs(positions["n000-000"][0] - positions["n039-039"][0]) + abs(
        positions["n000-000"][1] - positions["n039-039"][1])
    assert lengths[len(lengths) // 2] * 20 < corner
    assert layout(graph) == positions  # deterministic


def test_big_pages_leave_edge_labels_to_the_tooltips() -> None:
    import networkx as nx

    grid = _grid_graph(40)
    network = nx.MultiDiGraph()
    for node in sorted(grid):
        network.add_node(node, id=node, label=node, kind="organisation", pinyin="", tooltip=node)
    for u, v in sorted(grid.edges()):
        network.add_edge(u, v, key="suborganisation", kind="suborganisation", label="x",
                         evidence="")
    assert network.number_of_nodes() > BIG
    html = render_network(network)
    _, edges = _data(html)
    assert not any("label" in e for e in edges)
    assert all("suborganisation" in e["kind"] for e in edges)
    options = _options(html)
    assert options["interaction"]["hideEdgesOnDrag"] is True
    assert options["nodes"]["font"]["size"] < _options(render_view(_fixture()))["nodes"]["font"][
        "size"]


def test_output_is_deterministic() -> None:
    first = render_view(_fixture(), title="测试")
    assert render_view(_fixture(), title="测试") == first
    # Same triples, inserted in another order.
    triples = sorted(_fixture(), reverse=True)
    shuffled = rdflib.Graph()
    for triple in triples:
        shuffled.add(triple)
    assert render_view(shuffled, title="测试") == first


def test_empty_graph_gives_a_page_with_a_note() -> None:
    html = render_view(rdflib.Graph())
    nodes, edges = _data(html)
    assert nodes == [] and edges == []
    assert 'id="kg-empty"' in html and "没有可显示" in html
    assert html.rstrip().endswith("</html>")
    assert 'id="kg-empty"' not in render_view(_fixture())


def test_the_transcripts_view_renders_fast(transcript_graph: rdflib.Graph) -> None:
    render_view(transcript_graph)  # imports and caches
    start = time.perf_counter()
    render_view(transcript_graph, title="勇担新使命")
    assert time.perf_counter() - start < 0.5


# ---------------------------------------------------------------------------------- safety


def _hostile_graph() -> rdflib.Graph:
    graph = _fixture()
    evil = _person(graph, "evil", SCRIPT_PAYLOAD)
    graph.add((evil, SKOS.altLabel, Literal(IMG_PAYLOAD, lang="zh-Latn-pinyin")))
    org = _org(graph, "evil-org", IMG_PAYLOAD + " & 'quote' \" href=x")
    _post(graph, evil, org, "evil", SCRIPT_PAYLOAD)
    quote = ID["quote-evil"]
    graph.add((quote, RDF.type, SCHEMA.Quotation))
    graph.add((quote, SCHEMA.author, evil))
    graph.add((quote, SCHEMA.text, Literal("<!--<script>" + SCRIPT_PAYLOAD, lang="zh")))
    return graph


def test_injection_payloads_are_escaped_in_the_page() -> None:
    baseline = render_view(_fixture())
    html = render_view(_hostile_graph(), title=SCRIPT_PAYLOAD + "{{ 7 * 7 }}")
    assert SCRIPT_PAYLOAD not in html
    assert "<img src=x onerror" not in html
    assert "<!--<script>" not in html
    # No element was added: as many script tags (and ends) as for a benign graph.
    for marker in ("<script", "</script", "<img", "<!--"):
        assert html.count(marker) == baseline.count(marker), marker
    # The title went through HTML escaping, not template evaluation.
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;{{ 7 * 7 }}</title>" in html


def test_injection_payloads_survive_as_plain_text_data() -> None:
    nodes, edges = _data(render_view(_hostile_graph()))
    evil = next(n for n in nodes if n["id"] == str(ID["evil"]))
    assert evil["label"] == SCRIPT_PAYLOAD
    assert evil["pinyin"] == IMG_PAYLOAD
    assert IMG_PAYLOAD in evil["title"]  # pinyin line
    assert "“<!--<script>" in evil["title"]
    org = next(n for n in nodes if n["id"] == str(ID["evil-org"]))
    assert org["label"] == IMG_PAYLOAD + " & 'quote' \" href=x"
    assert any(e.get("label") == SCRIPT_PAYLOAD for e in edges)


def test_injection_in_a_group_name_is_escaped_in_the_filter() -> None:
    graph = _fixture()
    graph.set((ID["group-g1"], SKOS.prefLabel, Literal(SCRIPT_PAYLOAD, lang="zh")))
    html = render_view(graph)
    assert ('<option value="0">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</option>'
            in html)


# ------------------------------------------------------------------------ view_page, kg view


def test_view_page_titles_and_counts() -> None:
    page = view_page(_fixture(), around_name="王一", depth=1)
    assert (page.title, page.nodes, page.edges) == ("王一 · 1 步以内", 4, 3)
    assert view_page(_fixture(), group="常州学习组").title == "常州学习组"
    assert view_page(_fixture(), place="常州市").title == "常州市 · 机构"
    whole = view_page(_fixture(), title="全部")
    assert (whole.title, whole.nodes, whole.edges) == ("全部", 14, 15)
    with pytest.raises(ValueError, match="at most one"):
        view_page(_fixture(), group="常州学习组", place="常州市")


@pytest.fixture()
def small_ttl(tmp_path: Path) -> Path:
    path = tmp_path / "small.ttl"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return path


@pytest.mark.parametrize(("args", "message", "count"), [
    (["--around", "wang yi", "--depth", "1"], "4 nodes, 3 edges", 4),
    (["--group", "常州学习组"], "13 nodes, 14 edges", 13),
    (["--place", "常州市"], "7 nodes, 7 edges", 7),
    ([], "14 nodes, 15 edges", 14),
])
def test_kg_view_writes_one_page(small_ttl: Path, tmp_path: Path, args: list[str], message: str,
                                 count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "out" / "view.html"
    result = CliRunner().invoke(view, [str(small_ttl), *args, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout == f"wrote {out} ({message})\n"
    nodes, _ = _data(out.read_text(encoding="utf-8"))
    assert len(nodes) == count
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "small.ttl"]
    assert [p.name for p in out.parent.iterdir()] == ["view.html"]


def test_kg_view_unknown_name_is_one_error_line(small_ttl: Path, tmp_path: Path) -> None:
    out = tmp_path / "view.html"
    result = CliRunner().invoke(view, [str(small_ttl), "--place", "常州", "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr == ("Error: no place named '常州' in the graph; "
                             "close matches: 常州市\n")
    assert not out.exists()


def test_kg_view_usage_errors(small_ttl: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "v.html")
    both = CliRunner().invoke(view, [str(small_ttl), "--group", "a", "--place", "b", "-o", out])
    assert both.exit_code == 2 and "at most one of --around, --group and --place" in both.stderr
    missing = CliRunner().invoke(view, [str(tmp_path / "nope.ttl"), "-o", out])
    assert missing.exit_code == 1 and "no such graph file" in missing.stderr  # as in kg query
    depth = CliRunner().invoke(view, [str(small_ttl), "--around", "王一", "--depth", "-1",
                                      "-o", out])
    assert depth.exit_code == 2


def test_kg_view_help_has_an_example() -> None:
    result = CliRunner().invoke(view, ["--help"])
    assert result.exit_code == 0
    assert "Example:" in result.stdout and "--around" in result.stdout
