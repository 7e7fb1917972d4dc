"""kg.view.page: the offline HTML page (in a real browser: test_browser.py)."""

from __future__ import annotations

import base64
import hashlib
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import RDF, Literal
from rdflib.namespace import FOAF, SKOS

from kg.view.network import to_networkx
from kg.view.page import (
    BIG,
    LABEL_CHARS,
    TEMPLATE,
    TOOLTIP_CHARS,
    _environment,
    _new_network,
    cut,
    render_network,
    render_view,
    view_page,
)
from kg.view.select import around, group_view
from tests.view.helpers import (
    ID,
    IMG_PAYLOAD,
    KG,
    ORG,
    SCHEMA,
    SCRIPT_PAYLOAD,
    hostile_graph,
    labelled_edges,
    labels,
    nodes_and_edges,
    org,
    page_data,
    person,
    post,
    small_graph,
)

ROOT = Path(__file__).resolve().parents[2]
VIS = ("lib/vis-9.1.2/vis-network.min.js", "lib/vis-9.1.2/vis-network.css")


# ------------------------------------------------------------------------------- content


def test_fixture_has_one_node_per_person_organisation_place_and_group() -> None:
    nodes, _ = nodes_and_edges(render_view(small_graph()))
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
    html = render_view(small_graph())
    _, edges = nodes_and_edges(html)
    assert len(edges) == 15
    assert labelled_edges(html) == {
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
    data = page_data(render_view(small_graph()))
    styles = data["edgeStyles"]
    assert set(styles) == {e["kind"] for e in data["edges"]} == {
        "post", "attendance", "authored", "suborganisation", "area", "within"}
    assert len({(s["color"], str(s["dashes"])) for s in styles.values()}) == 6
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_several_posts_at_one_organisation_make_one_edge() -> None:
    graph = rdflib.Graph()
    who = person(graph, "p", "张五")
    where = org(graph, "o", "某市总工会")
    post(graph, who, where, "a", "主席")
    post(graph, who, where, "b", "党组书记")
    assert to_networkx(graph).number_of_edges() == 2  # one per post
    _, edges = nodes_and_edges(render_view(graph))
    assert len(edges) == 1  # drawn as one
    assert edges[0]["label"] == "、".join(sorted(["主席", "党组书记"]))


def test_untyped_endpoints_still_get_nodes() -> None:
    graph = rdflib.Graph()
    who = person(graph, "p", "张五")
    where = ID["o-untyped"]
    graph.add((where, SKOS.prefLabel, Literal("某局", lang="zh")))
    post(graph, who, where, "a", "局长")
    graph.add((where, SCHEMA.areaServed, ID["place-x"]))  # no label at all
    html = render_view(graph)
    nodes, _ = nodes_and_edges(html)
    kinds = {n["label"]: n["group"] for n in nodes}
    assert kinds == {"张五": "person", "某局": "organisation", "place-x": "place"}
    assert ("张五", "某局", "局长") in labelled_edges(html)


def test_attendance_roles_and_default_label() -> None:
    graph = rdflib.Graph()
    group = ID["group"]
    graph.add((group, RDF.type, ORG.OrganizationalUnit))
    graph.add((group, SKOS.prefLabel, Literal("学习组", lang="zh")))
    event = ID["event"]
    graph.add((event, RDF.type, SCHEMA.Event))
    graph.add((event, SCHEMA.organizer, group))
    plain = person(graph, "plain", "甲")
    leader = person(graph, "leader", "乙")
    only_sub = person(graph, "sub", "丙")
    for who in (plain, leader):
        graph.add((event, SCHEMA.attendee, who))
    graph.add((event, KG.leader, leader))
    graph.add((event, KG.speaker, leader))
    graph.add((event, KG.participant, only_sub))  # sub-property without schema:attendee
    assert labelled_edges(render_view(graph)) == {
        ("甲", "学习组", "出席"),
        ("乙", "学习组", "组长、发言"),
        ("丙", "学习组", "参加"),
    }


def test_reporter_with_a_job_title_and_photographer_are_tied_to_the_group() -> None:
    graph = small_graph()
    graph.add((ID["person-qian-si"], SCHEMA.jobTitle, Literal("见习记者", lang="zh")))
    shooter = person(graph, "shooter", "孙五")
    photo = ID["photo"]
    graph.add((photo, RDF.type, SCHEMA.Photograph))
    graph.add((photo, SCHEMA.isPartOf, ID["article-g1"]))
    graph.add((photo, SCHEMA.creator, shooter))
    edges = labelled_edges(render_view(graph))
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
    nodes, _ = nodes_and_edges(html)
    assert {n["label"]: n["group"] for n in nodes} == {"常州经济开发区": "place", "常州市": "place"}
    assert labelled_edges(html) == {("常州经济开发区", "常州市", "")}


def test_zh_label_is_chosen_over_en() -> None:
    graph = rdflib.Graph()
    who = person(graph, "p", "张五")
    graph.add((who, FOAF.name, Literal("Mr Zhang", lang="en")))
    where = org(graph, "o", "某市总工会")
    graph.add((where, SKOS.prefLabel, Literal("A Trade Union", lang="en")))
    post(graph, who, where, "a", "主席")
    graph.add((ID["role-a"], SKOS.prefLabel, Literal("Chair", lang="en")))
    html = render_view(graph)
    assert labelled_edges(html) == {("张五", "某市总工会", "主席")}
    nodes, edges = nodes_and_edges(html)
    assert not any("Chair" in e["title"] for e in edges)
    assert not any("Trade Union" in n["title"] or "Mr Zhang" in n["title"] for n in nodes)


def test_node_kinds_have_distinct_shape_and_colour() -> None:
    data = page_data(render_view(small_graph()))
    groups = data["options"]["groups"]
    assert set(groups) == {"person", "organisation", "place", "group"}
    shapes = {kind: style["shape"] for kind, style in groups.items()}
    colours = {kind: style["color"]["background"] for kind, style in groups.items()}
    assert len(set(shapes.values())) == 4
    assert len(set(colours.values())) == 4
    assert {n["group"] for n in data["nodes"]} <= set(groups)  # each node takes its kind's style


def test_pyvis_adds_each_node_its_kinds_shape_and_each_edge_an_arrow() -> None:
    # new: nodes and edges go through pyvis, which adds these keys; a node's own shape would
    # override its vis group's, so it must be the group's
    data = page_data(render_view(small_graph()))
    shapes = {kind: style["shape"] for kind, style in data["options"]["groups"].items()}
    assert all(n["shape"] == shapes[n["group"]] for n in data["nodes"])
    assert {e["arrows"] for e in data["edges"]} == {"to"}


def test_node_size_follows_the_number_of_neighbours() -> None:
    html = render_view(small_graph())
    nodes, _ = nodes_and_edges(html)
    value = {n["label"]: n["value"] for n in nodes}
    assert value["常州学习组"] == value["常州市"] == 4
    assert value["王一"] == value["浙江省总工会"] == 3
    assert value["钱四"] == value["江苏省"] == 1
    scaling = page_data(html)["options"]["nodes"]["scaling"]
    assert scaling["min"] < scaling["max"]


def test_group_filter_data(network: nx.MultiDiGraph) -> None:
    html = render_view(small_graph())
    nodes, _ = nodes_and_edges(html)
    assert '<option value="0">常州学习组</option>' in html
    members = {n["label"] for n in nodes if 0 in n.get("g", [])}
    assert members == labels(group_view(network, "常州学习组"))
    assert "g" not in next(n for n in nodes if n["label"] == "浙江省总工会经审办")


def _legend(html: str) -> str:
    legend = html[html.index('id="kg-legend"') :]
    return legend[: legend.index("</div>")]


def test_legend_is_in_the_page() -> None:
    legend = _legend(render_view(small_graph()))
    for name in ("人物", "机构", "地区", "学习组", "任职", "出席学习组", "撰稿", "下属机构",
                 "服务地区", "属于"):
        assert f"<span>{name}</span>" in legend
    for kind in ("person", "organisation", "place", "group"):
        assert f'<input type="checkbox" checked data-kind="{kind}">' in legend


def test_the_group_kind_is_named_as_the_graph_names_it() -> None:
    # new: 学习组 is the name kg:StudyGroupKind has in the ontology, not a word in the code
    html = render_view(small_graph())
    assert '<label class="kg-row">学习组 <select id="kg-group">' in html
    assert page_data(html)["kindNames"]["group"] == "学习组"
    neutral = render_view(small_graph(classified=False))
    legend = _legend(neutral)
    assert "<span>分组</span>" in legend and "<span>出席</span>" in legend
    assert "学习组</span>" not in legend
    assert '<label class="kg-row">分组 <select id="kg-group">' in neutral
    assert page_data(neutral)["kindNames"]["group"] == "分组"


def test_search_box_and_filters_are_in_the_page() -> None:
    html = render_view(small_graph())
    assert '<input id="kg-q" type="search"' in html
    assert '<select id="kg-group">' in html
    # data from the graph reaches the DOM through textContent only
    script = html[html.rindex("<script>") :]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script
    assert "document.write" not in script


def test_chinese_is_utf8_not_escaped() -> None:
    html = render_view(small_graph())
    assert '<meta charset="utf-8">' in html
    for text in ("王一", "常州市人大常委会", "副主任", "常州学习组", "江苏省"):
        assert text in html
    assert "\\u738b" not in html  # 王 was not written as a JSON escape
    html.encode("utf-8")


def test_focus_of_a_selection_is_in_the_page(network: nx.MultiDiGraph) -> None:
    html = render_network(around(network, "王一", 1))
    assert page_data(html)["focus"] == str(ID["person-wang-yi"])
    assert page_data(render_view(small_graph()))["focus"] is None


# ---------------------------------------------------------------------- offline & layout


def test_nothing_is_written_to_the_working_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    render_view(small_graph())
    render_view(rdflib.Graph())
    assert list(tmp_path.iterdir()) == []


def test_no_remote_resources() -> None:
    html = render_view(small_graph())
    tags = re.findall(r"<(?:script|link|img|iframe|source|embed|object|video|audio)\b[^>]*>", html)
    for tag in tags:
        assert not re.search(r"\b(?:src|href|data)\s*=", tag), tag
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//", html)
    assert not re.search(r"@import", html)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    csp = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', html)
    assert csp is not None
    policy = csp.group(1).replace("&#39;", "'")
    assert "default-src 'none'" in policy
    allowed = re.search(r"script-src ([^;]*);", policy)
    assert allowed is not None and "unsafe-inline" not in allowed.group(1)
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert allowed.group(1).split() == [
        f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
        for s in scripts] and len(scripts) == 2
    # vis-network itself is inlined
    assert "vis.Network" in html and len(html) > 300_000


def test_positions_are_precomputed_and_physics_is_off() -> None:
    data = page_data(render_view(small_graph()))
    options = data["options"]
    assert options["physics"] == {"enabled": False}
    assert options["layout"]["improvedLayout"] is False
    assert options["edges"]["smooth"] is False
    positions = [(n["x"], n["y"]) for n in data["nodes"]]
    assert all(isinstance(v, int) for xy in positions for v in xy)
    assert len(set(positions)) == len(positions)
    spread = max(abs(v) for xy in positions for v in xy)
    assert 200 < spread < 5000


def test_big_pages_leave_edge_labels_to_the_tooltips() -> None:
    grid = nx.grid_2d_graph(40, 40)
    name = {node: f"n{node[0]:03d}-{node[1]:03d}" for node in grid}
    network = nx.MultiDiGraph()
    for node in sorted(name.values()):
        network.add_node(node, id=node, label=node, kind="organisation", pinyin="", tooltip=node)
    for u, v in sorted((name[u], name[v]) for u, v in grid.edges()):
        network.add_edge(u, v, key="suborganisation", kind="suborganisation", label="x",
                         evidence="")
    assert network.number_of_nodes() > BIG
    data = page_data(render_network(network))
    assert not any("label" in e for e in data["edges"])
    assert all("suborganisation" in e["kind"] for e in data["edges"])
    options = data["options"]
    assert options["interaction"]["hideEdgesOnDrag"] is True
    small = page_data(render_view(small_graph()))["options"]
    assert options["nodes"]["font"]["size"] < small["nodes"]["font"]["size"]


def test_output_is_deterministic() -> None:
    first = render_view(small_graph(), title="测试")
    assert render_view(small_graph(), title="测试") == first
    # Same triples, inserted in another order.
    shuffled = rdflib.Graph()
    for triple in sorted(small_graph(), reverse=True):
        shuffled.add(triple)
    assert render_view(shuffled, title="测试") == first


def test_empty_graph_gives_a_page_with_a_note() -> None:
    html = render_view(rdflib.Graph())
    nodes, edges = nodes_and_edges(html)
    assert nodes == [] and edges == []
    assert 'id="kg-empty"' in html and "没有可显示" in html
    assert html.rstrip().endswith("</html>")
    assert 'id="kg-empty"' not in render_view(small_graph())


# ------------------------------------------------------------------- the page's own files


def test_the_data_is_one_json_block_the_script_parses() -> None:
    html = render_view(small_graph())
    assert html.count('<script type="application/json" id="kg-data">') == 1
    script = html[html.rindex("<script>") :]
    assert 'JSON.parse(document.getElementById("kg-data").textContent)' in script
    assert set(page_data(html)) == {"nodes", "edges", "edgeStyles", "kindNames", "fontColors",
                                    "focus", "options", "big"}


@pytest.mark.parametrize("name", ["view.js", "view.css"])
def test_script_and_style_are_plain_files_inlined_whole(name: str) -> None:
    text = (resources.files("kg.view") / "templates" / name).read_text(encoding="utf-8")
    for marker in ("{{", "{%", "{#"):  # no Jinja: the file is what the browser runs
        assert marker not in text
    assert "</script" not in text.lower() and "</style" not in text.lower()
    assert text in render_view(small_graph())


@pytest.mark.parametrize("name", VIS)
def test_inlined_vis_network_cannot_end_its_element(name: str) -> None:
    text = _environment().get_template(name).render()
    assert len(text) > 10_000
    assert "</script" not in text.lower() and "</style" not in text.lower()
    assert text in render_view(small_graph())


def test_templates_ship_with_the_package() -> None:
    # read from the package (a built wheel holds them: tests/test_package.py)
    assert _environment().get_template(TEMPLATE).filename.endswith(f"kg/view/templates/{TEMPLATE}")
    assert (resources.files("kg.view") / "templates" / TEMPLATE).is_file()


def test_pyvis_still_looks_nodes_up_where_we_made_it_fast() -> None:
    # _NodeIds keeps a set beside pyvis's list of node ids; pyvis must still go through it
    net = _new_network()
    net.add_node("a", label="甲")
    net.add_node("a", label="甲")
    net.add_node("b", label="乙")
    assert [n["id"] for n in net.nodes] == ["a", "b"] == list(net.node_ids)
    assert "a" in net.node_ids and "c" not in net.node_ids
    net.add_edge("a", "b")
    with pytest.raises(AssertionError, match="non existent node 'c'"):
        net.add_edge("a", "c")


def test_commands_that_draw_nothing_do_not_import_pyvis() -> None:
    code = "import sys, kg.cli, kg.view; sys.exit('pyvis' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


# ---------------------------------------------------------------------------------- safety


def test_injection_payloads_are_escaped_in_the_page() -> None:
    baseline = render_view(small_graph())
    html = render_view(hostile_graph(), title=SCRIPT_PAYLOAD + "{{ 7 * 7 }}")
    assert SCRIPT_PAYLOAD not in html
    assert "<img src=x onerror" not in html
    assert "<!--<script>" not in html
    # No element was added: as many script tags (and ends) as for a benign graph.
    for marker in ("<script", "</script", "<img", "<!--"):
        assert html.count(marker) == baseline.count(marker), marker
    # The title went through HTML escaping, not template evaluation.
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;{{ 7 * 7 }}</title>" in html


def test_injection_payloads_survive_as_plain_text_data() -> None:
    nodes, edges = nodes_and_edges(render_view(hostile_graph()))
    evil = next(n for n in nodes if n["id"] == str(ID["evil"]))
    assert evil["label"] == SCRIPT_PAYLOAD
    assert evil["pinyin"] == IMG_PAYLOAD
    assert IMG_PAYLOAD in evil["title"]  # pinyin line
    assert "“<!--<script>" in evil["title"]
    where = next(n for n in nodes if n["id"] == str(ID["evil-org"]))
    assert where["label"] == cut(IMG_PAYLOAD + " & 'quote' \" href=x", LABEL_CHARS)
    assert any(e.get("label") == SCRIPT_PAYLOAD for e in edges)


def test_injection_in_a_group_name_is_escaped_in_the_filter() -> None:
    graph = small_graph()
    graph.set((ID["group-g1"], SKOS.prefLabel, Literal(SCRIPT_PAYLOAD, lang="zh")))
    html = render_view(graph)
    assert ('<option value="0">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</option>'
            in html)


# ------------------------------------------------------------------------------ view_page


def test_view_page_titles_and_counts() -> None:
    page = view_page(small_graph(), around_name="王一", depth=1)
    assert (page.title, page.nodes, page.edges) == ("王一 · 1 步以内", 4, 3)
    assert view_page(small_graph(), group="常州学习组").title == "常州学习组"
    assert view_page(small_graph(), place="常州市").title == "常州市 · 机构"
    whole = view_page(small_graph(), title="全部")
    assert (whole.title, whole.nodes, whole.edges) == ("全部", 14, 15)
    with pytest.raises(ValueError, match="at most one"):
        view_page(small_graph(), group="常州学习组", place="常州市")


def test_a_long_name_is_cut_on_the_page_and_its_tooltip_bounded() -> None:
    graph = small_graph()
    long = "浙江" * 1500 + "集团"
    post(graph, person(graph, "p-long", "王长名"), org(graph, "o-long", long), "long", "董事长")
    data = page_data(render_view(graph))
    (node,) = [n for n in data["nodes"] if n["label"].startswith("浙江浙江")]
    assert len(node["label"]) == LABEL_CHARS and node["label"].endswith("…")
    assert len(node["title"]) <= TOOLTIP_CHARS
    assert all(len(e.get("label", "")) <= LABEL_CHARS and len(e["title"]) <= TOOLTIP_CHARS
               for e in data["edges"])
