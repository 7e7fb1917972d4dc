"""The view in a real browser: headless Chromium (/usr/bin/chromium) driven by Playwright.

Playwright's pip wheel brings its driver; the browser is Debian's chromium (``tests/conftest.py``
installs it with fonts-wqy-microhei), never one ``playwright install`` would download.
Most tests open the bundled report's view; one opens a report written to attack it. How fast
pages draw is bench/view.py's to watch.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import rdflib
from playwright.sync_api import Browser, Page, sync_playwright

from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.view.network import to_networkx
from kg.view.page import BIG, render_network
from kg.view.select import find_node, group_members

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEWPORT = {"width": 1400, "height": 900}

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="/usr/bin/chromium is missing: apt-get install chromium fonts-wqy-microhei "
           "(.ci/run does)",
)

# Collects what the page does that it should not: CSP violations (a blocked request).
_WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@dataclass
class Opened:
    """A page and what it did while loading and since."""

    page: Page
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    websockets: list[str] = field(default_factory=list)

    def js(self, expression: str, arg: Any = None) -> Any:
        return self.page.evaluate(expression, arg)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@contextmanager
def open_view(browser: Browser, path: Path) -> Iterator[Opened]:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    page = context.new_page()
    opened = Opened(page, path.as_uri())
    page.on("request", lambda request: opened.requests.append(request.url))
    page.on("websocket", lambda ws: opened.websockets.append(ws.url))
    page.on("pageerror", lambda error: opened.errors.append(str(error)))
    page.on("console", lambda m: opened.errors.append(m.text) if m.type == "error" else None)

    def on_dialog(dialog: Any) -> None:
        opened.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(_WATCH)
    page.goto(opened.url)
    _wait(opened, "document.documentElement.getAttribute('data-kg-drawn') === 'true'")
    try:
        yield opened
    finally:
        context.close()


@pytest.fixture(scope="module")
def network(transcript_graph: rdflib.Graph) -> nx.MultiDiGraph:
    return to_networkx(transcript_graph)


@pytest.fixture(scope="module")
def page_file(network: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("view") / "graph.html"
    path.write_text(render_network(network, title="勇担新使命 续写新篇章"), encoding="utf-8")
    return path


@pytest.fixture()
def view(browser: Browser, page_file: Path) -> Iterator[Opened]:
    with open_view(browser, page_file) as opened:
        yield opened


def _wait(opened: Opened, condition: str, timeout: float = 30) -> None:
    """Poll ``condition`` (JavaScript) until true.

    Not ``page.wait_for_function``: it evaluates its predicate with ``eval``, which the page's
    Content-Security-Policy (rightly) refuses; ``page.evaluate`` goes through the DevTools
    protocol instead.
    """
    deadline = time.monotonic() + timeout
    while not opened.js(f"() => Boolean({condition})"):
        if time.monotonic() > deadline:
            raise TimeoutError(condition)
        opened.page.wait_for_timeout(25)


def _neighbours(network: nx.MultiDiGraph, node: str) -> set[str]:
    return {node, *network.predecessors(node), *network.successors(node)}


def _lit(opened: Opened) -> set[str]:
    """Ids of the nodes drawn at full opacity."""
    return set(opened.js(
        "kgView.nodes.get().filter(n => n.opacity === undefined || n.opacity === 1)"
        ".map(n => n.id)"))


def _centre(opened: Opened, node: str) -> tuple[float, float]:
    """Centre the node at a readable zoom; where it is now on the page."""
    x, y = opened.js("""id => {
      const net = kgNetwork;
      net.moveTo({position: net.getPositions([id])[id], scale: 1.5, animation: false});
      const at = net.canvasToDOM(net.getPositions([id])[id]);
      const box = document.querySelector("#kg-network canvas").getBoundingClientRect();
      return [box.left + at.x, box.top + at.y];
    }""", node)
    return x, y


def _click_node(opened: Opened, node: str) -> None:
    """Centre the node at a readable zoom, then click it with the mouse."""
    opened.page.mouse.click(*_centre(opened, node))


# ------------------------------------------------------------------------------ loading


def test_the_page_makes_no_request_but_for_itself(view: Opened) -> None:
    view.page.wait_for_timeout(300)  # anything late (fonts, images) would show by now
    assert view.requests == [view.url]
    assert view.websockets == []
    assert view.js("window.__violations") == []
    assert view.errors == []


def test_a_script_the_page_did_not_bring_does_not_run(browser: Browser, page_file: Path,
                                                     tmp_path: Path) -> None:
    planted = tmp_path / "graph.html"  # as if text had slipped out of its escaping
    planted.write_text(page_file.read_text("utf-8").replace(
        "</body>", "<script>window.__planted = true;</script></body>"), "utf-8")
    with open_view(browser, planted) as opened:  # the page's own scripts run: it is drawn
        assert opened.js("window.__planted") is None
        assert any(v.startswith("script-src") for v in opened.js("window.__violations"))


def test_drawn_nodes_and_edges_are_the_graphs(view: Opened, network: nx.MultiDiGraph) -> None:
    drawn = view.js("""() => ({
      nodes: kgView.nodes.getIds(), edges: kgView.edges.get().map(e => [e.from, e.to, e.kind]),
      bodyNodes: kgNetwork.body.nodeIndices.length, bodyEdges: kgNetwork.body.edgeIndices.length
    })""")
    assert sorted(drawn["nodes"]) == sorted(network.nodes)
    # one drawn edge per source, target and kind (a person's posts in one organisation merge)
    merged = {(u, v, kind) for u, v, kind in network.edges(data="kind")}
    assert len(drawn["edges"]) == len(merged)
    assert {tuple(e) for e in drawn["edges"]} == merged
    assert drawn["bodyNodes"] == network.number_of_nodes()
    assert drawn["bodyEdges"] == len(merged)
    html = view.page.content()
    assert f'data-kg-nodes="{network.number_of_nodes()}"' in html
    assert "<canvas" in html


def test_pyvis_keys_leave_the_kinds_styles_alone(view: Opened) -> None:
    """pyvis gives each node a shape and each edge ``arrows: "to"``: the kind's shape and the
    page's small arrow heads must win."""
    drawn = view.js("""() => {
      const body = kgNetwork.body, shapes = {}, scales = new Set();
      body.nodeIndices.forEach(id => {
        const node = body.nodes[id];
        shapes[kgView.nodes.get(id).group] = node.options.shape;
      });
      body.edgeIndices.forEach(id => {
        const arrows = body.edges[id].options.arrows;
        scales.add(arrows.to.enabled + " " + arrows.to.scaleFactor);
      });
      return {shapes: shapes, scales: Array.from(scales)};
    }""")
    assert drawn["shapes"] == {"person": "dot", "organisation": "box", "place": "triangle",
                               "group": "diamond"}
    assert drawn["scales"] == ["true 0.5"]


def test_chinese_labels_are_drawn_with_a_cjk_font(view: Opened) -> None:
    assert view.js("document.fonts.check('14px \"WenQuanYi Micro Hei\"', '郑荣胜')")


# ------------------------------------------------------------------------------ search


@pytest.mark.parametrize("query", ["zheng rongsheng", "Zhèng Róngshèng", "ZHENGRONGSHENG",
                                   "郑荣胜"])
def test_search_selects_and_focuses_the_person(view: Opened, network: nx.MultiDiGraph,
                                                query: str) -> None:
    zheng = find_node(network, "郑荣胜", ("person",))
    view.page.click("#kg-q")
    view.page.keyboard.type(query)
    first = view.page.locator("#kg-results li").first
    assert first.inner_text().startswith("郑荣胜")
    view.page.keyboard.press("Enter")
    assert view.js("kgNetwork.getSelectedNodes()") == [zheng]
    centre = view.js("kgNetwork.getViewPosition()")
    node = view.js("id => kgNetwork.getPositions([id])[id]", zheng)
    assert math.dist((centre["x"], centre["y"]), (node["x"], node["y"])) < 1
    assert _lit(view) == _neighbours(network, zheng)


def test_search_lists_matches_by_a_part_of_the_pinyin(view: Opened) -> None:
    view.page.fill("#kg-q", "hangzhou")
    items = view.page.locator("#kg-results li").all_inner_texts()
    assert 1 < len(items) <= 8
    assert all("杭州" in item or "hang zhou" in item.lower() for item in items)
    view.page.fill("#kg-q", "qqqqxxxx")
    assert view.page.locator("#kg-results li").all_inner_texts() == ["没有找到"]


# ------------------------------------------------------------------------- highlighting


@pytest.mark.parametrize("name", ["郑荣胜", "杭州市总工会", "杭州市", "杭州、湖州学习组"])
def test_clicking_a_node_highlights_its_neighbours(view: Opened, network: nx.MultiDiGraph,
                                                   name: str) -> None:
    node = find_node(network, name)
    _click_node(view, node)
    assert view.js("kgNetwork.getSelectedNodes()") == [node]
    assert _lit(view) == _neighbours(network, node)
    # edges not touching the node are dimmed too
    dimmed = view.js("kgView.edges.get().filter(e => e.dimmed).map(e => [e.from, e.to])")
    assert all(node not in pair for pair in dimmed)
    assert len(dimmed) == view.js("kgView.edges.length") - view.js(
        "id => kgNetwork.getConnectedEdges(id).length", node)


def test_clicking_the_background_clears_the_highlight(view: Opened,
                                                      network: nx.MultiDiGraph) -> None:
    _click_node(view, find_node(network, "郑荣胜"))
    x, y = view.js("""() => {
      const net = kgNetwork;
      const box = document.querySelector("#kg-network canvas").getBoundingClientRect();
      for (let x = box.width - 10; x > 10; x -= 20) {
        for (let y = box.height - 10; y > 10; y -= 20) {
          const p = {x: x, y: y};
          if (net.getNodeAt(p) === undefined && net.getEdgeAt(p) === undefined) {
            return [box.left + x, box.top + y];
          }
        }
      }
      return null;
    }""")
    view.page.mouse.click(x, y)
    assert _lit(view) == set(network.nodes)


# ------------------------------------------------------------------------------ filters


def test_node_kind_filter(view: Opened, network: nx.MultiDiGraph) -> None:
    places = sum(1 for _, kind in network.nodes(data="kind") if kind == "place")
    view.page.uncheck("#kg-legend input[data-kind=place]")
    assert view.js("kgView.nodeView.length") == network.number_of_nodes() - places
    assert view.js("kgNetwork.body.nodeIndices.length") == network.number_of_nodes() - places
    assert "个节点" in view.page.inner_text("#kg-status")
    view.page.check("#kg-legend input[data-kind=place]")
    assert view.js("kgView.nodeView.length") == network.number_of_nodes()


def test_group_filter(view: Opened, network: nx.MultiDiGraph) -> None:
    group = find_node(network, "杭州、湖州学习组", ("group",))
    members = group_members(network, group)
    view.page.select_option("#kg-group", label="杭州、湖州学习组")
    shown = set(view.js("kgView.nodeView.getIds()"))
    assert shown == members
    edges = view.js("kgView.edgeView.get().map(e => [e.from, e.to])")
    assert all(u in members and v in members for u, v in edges)
    # searching for someone the filter hides shows everything again
    view.page.fill("#kg-q", "习近平")
    view.page.keyboard.press("Enter")
    assert view.js("kgView.nodeView.length") == network.number_of_nodes()


# ------------------------------------------------------------------------------ safety

SCRIPT = "<script>window.__pwned=1</script>"
IMG = '<img src=x onerror="window.__pwned=1">'
IMG_NO_SPACES = "<img/src=x/onerror=window.__pwned=1>"  # stays whole inside a name

# An invented report in the bundled one's shape; the payloads end up in organisation names,
# a headline, a quotation and the sentences tooltips quote.
HOSTILE_REPORT = f"""团结奋进 共创未来

——全省工会干部学习会分组讨论实录

南京、镇江学习组——

服务职工{SCRIPT}是根本

本报讯 记者林晓春报道 参加全省工会干部学习会的南京、镇江两市工会干部昨天开展分组讨论。

南京市总工会主席蒋文博表示,“要把{IMG}服务职工{SCRIPT}作为出发点”。\
{IMG_NO_SPACES}公司工会主席王小明认为,工作要做实。镇江{SCRIPT}协会主席李大伟说,要创新。
"""


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[nx.MultiDiGraph, Path]:
    report = read_text(HOSTILE_REPORT, date="2015", name="hostile.txt")
    network = to_networkx(build_graph([report]))
    path = tmp_path_factory.mktemp("hostile") / "graph.html"
    path.write_text(render_network(network, title=SCRIPT), encoding="utf-8")
    return network, path


def test_the_hostile_report_carries_the_payloads(hostile: tuple[nx.MultiDiGraph, Path]) -> None:
    network, _ = hostile
    labels = {label for _, label in network.nodes(data="label")}
    assert f"镇江{SCRIPT}协会" in labels
    assert f"{IMG_NO_SPACES}公司工会" in labels
    tooltips = "\n".join(tip for _, tip in network.nodes(data="tooltip"))
    assert IMG in tooltips and SCRIPT in tooltips


def test_names_and_quotations_run_no_script(browser: Browser,
                                            hostile: tuple[nx.MultiDiGraph, Path]) -> None:
    network, path = hostile
    with open_view(browser, path) as opened:
        assert opened.js("window.__pwned") is None
        assert opened.js("document.title") == SCRIPT  # the title is text, not markup
        assert opened.js("document.querySelectorAll('img').length") == 0
        # hover every node: each tooltip shows its text as text
        for node, tooltip in network.nodes(data="tooltip"):
            shown = _hover(opened, node)
            assert shown["elements"] <= {"BR"}, (node, shown)
            assert shown["text"].replace("\n", "") == tooltip.replace("\n", "")
        # the search box lists the names as text
        opened.page.fill("#kg-q", "镇江")
        assert any(SCRIPT in item for item in
                   opened.page.locator("#kg-results li").all_inner_texts())
        opened.page.fill("#kg-q", "onerror")
        assert any(IMG_NO_SPACES in item for item in
                   opened.page.locator("#kg-results li").all_inner_texts())
        assert opened.js("document.querySelectorAll('#kg-results *').length") > 0
        assert opened.js("document.querySelectorAll('#kg-results img, #kg-results script')"
                         ".length") == 0
        opened.page.keyboard.press("Enter")
        assert opened.js("window.__pwned") is None
        assert opened.dialogs == []
        assert opened.errors == []
        assert opened.requests == [opened.url]


def _hover(opened: Opened, node: str) -> dict[str, Any]:
    x, y = _centre(opened, node)
    opened.page.mouse.move(x + 40, y + 40)
    opened.page.mouse.move(x, y)
    _wait(opened, "document.querySelector('div.vis-tooltip') !== null && "
                  "document.querySelector('div.vis-tooltip').style.visibility === 'visible'")
    found: dict[str, Any] = opened.js("""() => {
      const tip = document.querySelector("div.vis-tooltip");
      return {text: tip.innerText, elements: Array.from(tip.querySelectorAll("*"),
                                                         e => e.tagName)};
    }""")
    found["elements"] = set(found["elements"])
    opened.page.mouse.move(2, 890)
    return found


# ------------------------------------------------------------------------ big, screenshot


def _synthetic(n_people: int) -> nx.MultiDiGraph:
    """A province: cities with counties, four bodies each, officials with one or two posts."""
    graph = nx.MultiDiGraph()

    def node(key: str, kind: str) -> str:
        graph.add_node(key, id=key, label=key, kind=kind, pinyin="", tooltip=key)
        return key

    province = node("省", "place")
    orgs = []
    for c in range(12):
        city = node(f"市{c}", "place")
        graph.add_edge(city, province, key="within", kind="within", label="", evidence="")
        for d in range(8):
            county = node(f"县{c}-{d}", "place")
            graph.add_edge(county, city, key="within", kind="within", label="", evidence="")
            for body in ("总工会", "人大", "政府", "党委"):
                org = node(f"{county}{body}", "organisation")
                graph.add_edge(org, county, key="area", kind="area", label="", evidence="")
                orgs.append(org)
    groups = [node(f"学习组{g}", "group") for g in range(4)]
    for i in range(n_people):
        person = node(f"人{i}", "person")
        for j in range(1 + i % 2):
            graph.add_edge(person, orgs[(i * 7 + j * 13) % len(orgs)], key=f"p{j}", kind="post",
                           label="主席", evidence="")
        if i % 3 == 0:
            graph.add_edge(person, groups[i % 4], key="attendance", kind="attendance",
                           label="发言", evidence="")
    return graph


def test_highlighting_on_a_big_page(browser: Browser, tmp_path: Path) -> None:
    network = _synthetic(1200)
    assert network.number_of_nodes() > BIG  # the page takes its fast path for highlighting
    path = tmp_path / "big.html"
    path.write_text(render_network(network, title="big"), encoding="utf-8")
    with open_view(browser, path) as opened:
        for hub in ("学习组0", "县3-4总工会", "人7"):
            _click_node(opened, hub)
            lit = opened.js("Object.values(kgNetwork.body.nodes)"
                            ".filter(n => n.options.opacity === 1).map(n => n.id)")
            assert set(lit) == _neighbours(network, hub)
            bright = opened.js("Object.values(kgNetwork.body.edges)"
                               ".filter(e => e.options.color.opacity === 1).length")
            assert bright == opened.js("id => kgNetwork.getConnectedEdges(id).length", hub)
        assert opened.errors == []


def test_screenshot(view: Opened, tmp_path: Path) -> None:
    path = tmp_path / "view.png"
    view.page.screenshot(path=str(path))
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 900)
