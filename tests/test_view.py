"""Tests for kg.view.render_view: the offline, self-contained pyvis page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

from kg.view import render_view

FIXTURE = Path(__file__).parent / "fixtures" / "small.ttl"
ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SCHEMA = rdflib.Namespace("https://schema.org/")
KG = rdflib.Namespace("https://example.org/kg/ns#")
ID = rdflib.Namespace("https://example.org/kg/id/")

SCRIPT_PAYLOAD = "</script><script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"

_DATA = re.compile(r"^\s*var (nodes|edges) = new vis\.DataSet\((.*)\);$", re.MULTILINE)
_OPTIONS = re.compile(r"^\s*var options = (.*);$", re.MULTILINE)


def _fixture() -> rdflib.Graph:
    return rdflib.Graph().parse(FIXTURE, format="turtle")


def _data(html: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    found = {m.group(1): json.loads(m.group(2)) for m in _DATA.finditer(html)}
    return found["nodes"], found["edges"]


def _options(html: str) -> dict[str, Any]:
    match = _OPTIONS.search(html)
    assert match is not None
    options: dict[str, Any] = json.loads(match.group(1))
    return options


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


# ------------------------------------------------------------------------------ content


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


def test_fixture_edges_posts_structure_places_and_attendance() -> None:
    html = render_view(_fixture())
    _, edges = _data(html)
    assert len(edges) == 14
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
    }


def test_edge_kinds_are_styled_apart() -> None:
    _, edges = _data(render_view(_fixture()))
    styles = {(e["color"]["color"], json.dumps(e["dashes"])) for e in edges}
    assert len(styles) == 5  # post, attendance, sub-organisation, areaServed, containedInPlace
    assert all(e["arrows"] == "to" for e in edges)


def test_several_posts_at_one_organisation_make_one_edge() -> None:
    graph = rdflib.Graph()
    person = _person(graph, "p", "张五")
    org = _org(graph, "o", "某市总工会")
    _post(graph, person, org, "a", "主席")
    _post(graph, person, org, "b", "党组书记")
    _, edges = _data(render_view(graph))
    assert len(edges) == 1
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
    graph.add((person, FOAF.name, Literal("Zhang Wu", lang="en")))
    org = _org(graph, "o", "某市总工会")
    graph.add((org, SKOS.prefLabel, Literal("A Trade Union", lang="en")))
    _post(graph, person, org, "a", "主席")
    graph.add((ID["role-a"], SKOS.prefLabel, Literal("Chair", lang="en")))
    html = render_view(graph)
    assert _labelled_edges(html) == {("张五", "某市总工会", "主席")}
    nodes, edges = _data(html)
    assert not any("Chair" in e["title"] for e in edges)
    assert not any("Trade Union" in n["title"] or "Zhang Wu" in n["title"] for n in nodes)


def test_fixture_uses_zh_titles_not_en() -> None:
    _, edges = _data(render_view(_fixture()))
    labels = {e.get("label") for e in edges}
    assert not labels & {"Chair", "Vice-chair", "Deputy director"}


def test_tooltip_has_pinyin_posts_and_quotation_as_plain_text() -> None:
    nodes, _ = _data(render_view(_fixture()))
    titles = {n["label"]: n["title"] for n in nodes}
    assert "Wang Yi" in titles["王一"]
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
    for node in nodes:  # the per-node shape agrees with its group
        assert node["shape"] == shapes[node["group"]]


def test_legend_is_in_the_page() -> None:
    html = render_view(_fixture())
    legend = html[html.index('id="kg-legend"') :]
    legend = legend[: legend.index("</div>")]
    for name in (
        "人物",
        "机构",
        "地区",
        "学习组",
        "任职",
        "出席学习组",
        "下属机构",
        "服务地区",
        "属于",
    ):
        assert f"<span>{name}</span>" in legend
    for kind in ("person", "organisation", "place", "group"):
        assert f'data-kind="{kind}"' in legend


def test_chinese_is_utf8_not_escaped() -> None:
    html = render_view(_fixture())
    assert '<meta charset="utf-8">' in html
    for text in ("王一", "常州市人大常委会", "副主任", "常州学习组", "江苏省"):
        assert text in html
    assert "\\u738b" not in html  # 王 was not written as a JSON escape
    html.encode("utf-8")


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
    assert "default-src 'none'" in unescape(csp.group(1))
    # vis-network itself is inlined
    assert "vis.Network" in html and len(html) > 300_000


def test_positions_are_precomputed_and_physics_is_off() -> None:
    html = render_view(_fixture())
    nodes, _ = _data(html)
    options = _options(html)
    assert options["physics"] == {"enabled": False}
    positions = [(n["x"], n["y"]) for n in nodes]
    assert all(isinstance(v, int) for xy in positions for v in xy)
    assert len(set(positions)) == len(positions)
    spread = max(abs(v) for xy in positions for v in xy)
    assert 200 < spread < 5000


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
    assert IMG_PAYLOAD in evil["title"]  # pinyin line
    assert "“<!--<script>" in evil["title"]
    org = next(n for n in nodes if n["id"] == str(ID["evil-org"]))
    assert org["label"] == IMG_PAYLOAD + " & 'quote' \" href=x"
    assert any(e.get("label") == SCRIPT_PAYLOAD for e in edges)


# --------------------------------------------------------------------------- real browser

CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (CI installs it)"
)


def _dump_dom(page: Path, profile: Path) -> str:
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--window-size=1400,900",
            "--virtual-time-budget=5000",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


@needs_chromium
def test_headless_chromium_draws_the_page(tmp_path: Path) -> None:
    page = tmp_path / "view.html"
    page.write_text(render_view(_hostile_graph(), title="测试"), encoding="utf-8")
    dom = _dump_dom(page, tmp_path / "profile")
    # The inline script ran to the end (a CSP or JS error would stop it) and drew the canvas.
    assert 'data-kg-status="ready"' in dom, dom[:500]
    assert 'data-kg-nodes="16"' in dom
    assert 'data-kg-edges="15"' in dom
    assert 'data-kg-drawn="true"' in dom
    assert "<canvas" in dom
    assert 'id="kg-legend"' in dom
    # The hostile names did not turn into markup.
    assert "<img src=" not in dom
    assert dom.count("<script") == page.read_text(encoding="utf-8").count("<script")


# Hovers the hostile person's node, then records what vis-network put in its tooltip.
_TOOLTIP_PROBE = """<script>
setTimeout(function () {
  var network = window.kgNetwork;
  var id = "https://example.org/kg/id/evil";
  var at = network.canvasToDOM(network.getPositions([id])[id]);
  var canvas = document.querySelector("#kg-network canvas");
  var box = canvas.getBoundingClientRect();
  canvas.dispatchEvent(new MouseEvent("mousemove",
    {clientX: box.left + at.x, clientY: box.top + at.y, bubbles: true}));
  setTimeout(function () {
    var tip = document.querySelector("div.vis-tooltip");
    var tags = [];
    for (var i = 0; i < tip.children.length; i++) { tags.push(tip.children[i].tagName); }
    var out = document.createElement("pre");
    out.id = "probe";
    out.setAttribute("data-tags", tags.join(","));
    out.textContent = tip.innerText;
    document.body.appendChild(out);
  }, 1000);
}, 300);
</script>
</body>"""


@needs_chromium
def test_headless_chromium_tooltip_is_plain_text(tmp_path: Path) -> None:
    html = render_view(_hostile_graph())
    page = tmp_path / "view.html"
    page.write_text(html.replace("</body>", _TOOLTIP_PROBE, 1), encoding="utf-8")
    dom = _dump_dom(page, tmp_path / "profile")
    match = re.search(r'<pre id="probe" data-tags="([^"]*)">(.*?)</pre>', dom, re.DOTALL)
    assert match is not None, dom[-1500:]
    assert set(match.group(1).split(",")) <= {"BR"}  # only the line breaks are elements
    text = unescape(match.group(2))
    assert SCRIPT_PAYLOAD in text  # shown literally
    assert IMG_PAYLOAD in text
