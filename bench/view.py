"""Benchmark the network view: kg's page against pyvis's default, in headless Chromium.

Usage: python bench/view.py [--sizes 1000 10000] [--timeout 120] [--skip-pyvis]

For each size it makes a synthetic graph in the shape ``kg build`` writes (a province's cities
and counties, their trade unions, congresses, party committees and governments with units,
officials holding one to three posts, study groups of a few cities each with speakers,
listeners, reporters and quotations), then

* renders it with :func:`kg.view.render_network` (Python time from the networkx graph, of
  the second of two renders: the first pays for imports and the template; page size;
  :func:`kg.view.to_networkx` is not counted, nor for pyvis) and opens the page in headless
  Chromium, timing navigation start → the first ``afterDrawing`` of the network (the
  1,000-node row is where the browser tests' old two-second limit is watched now);
* renders the same nodes and edges with pyvis's defaults (``Network()``, physics on,
  ``cdn_resources="local"``, in a temporary working directory since it writes ``lib/``
  there) and opens that page twice: as it is, offline (it loads vis-network from cdnjs,
  which this machine cannot reach, so it never draws), and with its two vis-network tags
  pointed at pyvis's bundled copy of the same vis-network 9.1.2 (their integrity hashes
  dropped: the copy is not byte-identical to cdnjs's, so serving it at the CDN's address
  would fail the check), timing the first drawing and the end of stabilisation.

Also: clicking the best-connected node of kg's page (dim the rest, redraw) and a search.
``--screenshot docs/view.png`` also draws the bundled report's view at 1400×900.

Chromium is /usr/bin/chromium, driven by Playwright (``pip install -e '.[dev]'``).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import rdflib
from rdflib import RDF, XSD, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.rdf import pinyin  # noqa: E402
from kg.rdf.graph import PINYIN  # noqa: E402
from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA  # noqa: E402
from kg.view import render_network, render_view, to_networkx  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ID = rdflib.Namespace("https://example.org/kg/id/")

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"  # noqa: E501
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳建国志伟明辉"  # noqa: E501
_PLACE_CHARS = "安宁和平东西南北江河湖海山川泉林松竹桃李金银玉石清明长乐永福嘉兴德化新昌龙凤华阳溪源城宝丰庆武文"  # noqa: E501
_ORG_KINDS = (("总工会", "主席", "常务副主席", "副主席"),
              ("人大常委会", "主任", "副主任", "秘书长"),
              ("委员会", "书记", "副书记", "常委"),
              ("人民政府", "市长", "副市长", "秘书长"))
_UNITS = ("办公室", "经审办", "组织部", "宣传部", "法律工作部")
_ROLES = (KG.speaker, KG.listener, KG.participant)


@dataclass
class _Names:
    rng: random.Random
    used: set[str]

    def person(self) -> str:
        while True:
            name = self.rng.choice(_SURNAMES) + "".join(
                self.rng.choice(_GIVEN) for _ in range(self.rng.choice((1, 2, 2))))
            if name not in self.used:
                self.used.add(name)
                return name

    def place(self, suffix: str) -> str:
        while True:
            name = self.rng.choice(_PLACE_CHARS) + self.rng.choice(_PLACE_CHARS) + suffix
            if name not in self.used:
                self.used.add(name)
                return name


def synthetic_graph(n_nodes: int, seed: int = 0) -> rdflib.Graph:
    """A graph of about ``n_nodes`` people, organisations, places and groups.

    The shares follow the bundled report (people ≈ 45 %, organisations ≈ 40 %, places ≈ 13 %,
    groups ≈ 1 %, one group per ten cities), so it is a scaled-up province of officials.
    """
    rng = random.Random(seed)
    names = _Names(rng, set())
    graph = rdflib.Graph()
    add = graph.add
    context = ID["doc/synthetic"]
    sentences: list[str] = []
    offset = 0

    def zh(text: str) -> Literal:
        return Literal(text, lang="zh")

    def place(key: str, label: str, parent: URIRef | None) -> URIRef:
        node = ID[f"place/{key}"]
        add((node, RDF.type, SCHEMA.AdministrativeArea))
        add((node, SKOS.prefLabel, zh(label)))
        add((node, SKOS.altLabel, Literal(pinyin.place(label), lang=PINYIN)))
        add((node, SKOS.notation, Literal(key)))
        if parent is not None:
            add((node, SCHEMA.containedInPlace, parent))
        return node

    # Places: a province, cities, counties (13 % of the nodes).
    n_places = max(3, n_nodes * 13 // 100)
    n_cities = max(2, round(n_places / 9))
    province = place("100000", names.place("省"), None)
    cities = [place(f"1{i:02d}100", names.place("市"), province) for i in range(n_cities)]
    places: list[tuple[URIRef, str, int]] = [(province, "省", -1)]
    places += [(city, "市", i) for i, city in enumerate(cities)]
    for i in range(n_places - 1 - n_cities):
        city = i % n_cities
        county = place(f"1{city:02d}{i:04d}", names.place(rng.choice("县区")), cities[city])
        places.append((county, "县", city))

    # Organisations: per place the four bodies, then units (40 % of the nodes).
    n_orgs = n_nodes * 40 // 100
    orgs: list[tuple[URIRef, tuple[str, ...], int, str]] = []
    org_count = 0
    for place_node, _level, city in places:
        label = str(graph.value(place_node, SKOS.prefLabel))
        for kind in _ORG_KINDS:
            if org_count >= n_orgs:
                break
            node = ID[f"org/{org_count}"]
            org_count += 1
            name = label + ("中共" if kind[0] == "委员会" else "") + kind[0]
            add((node, RDF.type, ORG.Organization))
            add((node, SKOS.prefLabel, zh(name)))
            add((node, SCHEMA.areaServed, place_node))
            orgs.append((node, kind, city, name))
    parents = list(orgs)
    while org_count < n_orgs:
        parent, _unit_kind, city, parent_name = rng.choice(parents)
        unit = rng.choice(_UNITS)
        name = parent_name + unit
        if name in names.used:
            name = f"{parent_name}{unit}{org_count}"
        names.used.add(name)
        node = ID[f"org/{org_count}"]
        org_count += 1
        add((node, RDF.type, ORG.Organization))
        add((node, SKOS.prefLabel, zh(name)))
        add((node, ORG.subOrganizationOf, parent))
        orgs.append((node, ("主任", "副主任", "科长"), city, name))
    by_city: dict[int, list[tuple[URIRef, tuple[str, ...], int, str]]] = {}
    for entry in orgs:
        by_city.setdefault(entry[2], []).append(entry)

    # Study groups: one per ten cities (at least two).
    n_groups = max(2, n_cities // 10)
    groups = []
    for g in range(n_groups):
        node = ID[f"group/{g}"]
        members = [c for c in range(n_cities) if c % n_groups == g]
        label = "、".join(str(graph.value(cities[c], SKOS.prefLabel))[:2] for c in members[:3])
        add((node, RDF.type, ORG.Organization))
        add((node, RDF.type, ORG.OrganizationalUnit))
        add((node, RDF.type, KG.StudyGroup))
        add((node, SKOS.prefLabel, zh(f"{label}学习组{g + 1}")))
        add((node, ORG.classification, KG.StudyGroupKind))
        event, article = ID[f"event/{g}"], ID[f"article/{g}"]
        add((event, RDF.type, SCHEMA.Event))
        add((event, SCHEMA.organizer, node))
        add((article, RDF.type, SCHEMA.NewsArticle))
        add((article, SCHEMA.about, event))
        groups.append((event, article))

    # People: the rest; each holds posts in their city, some attend their city's group.
    n_people = n_nodes - len(places) - len(orgs) - n_groups
    for i in range(n_people):
        node = ID[f"person/{i}"]
        name = names.person()
        add((node, RDF.type, FOAF.Person))
        add((node, FOAF.name, zh(name)))
        add((node, SKOS.altLabel, Literal(pinyin.person(name), lang=PINYIN)))
        city = rng.randrange(-1, n_cities) if rng.random() < 0.9 else -1
        event, article = groups[max(city, 0) % n_groups]
        if i < 2 * n_groups:  # reporters: no posts, they write the group's report
            add((article, SCHEMA.author, node))
            add((node, SCHEMA.jobTitle, zh("记者")))
            continue
        chain = []
        for n_post in range(rng.choice((1, 1, 2, 2, 3))):
            org, titles, _, org_name = rng.choice(by_city.get(city) or orgs)
            title = rng.choice(titles[1:])
            post = ID[f"post/{i}-{n_post}"]
            add((node, ORG.holds, post))
            add((post, RDF.type, ORG.Post))
            add((post, ORG.postIn, org))
            role = ID[f"role/{title}"]
            add((post, ORG.role, role))
            add((role, SKOS.prefLabel, zh(title)))
            chain.append(org_name + title)
        sentence = "、".join(chain) + name + "表示，要把工会工作做实做细。"
        begin = offset + len("、".join(chain))
        phrase = ID[f"doc/synthetic#char={begin},{begin + len(name)}"]
        add((phrase, RDF.type, NIF.Phrase))
        add((phrase, NIF.anchorOf, Literal(name)))
        add((phrase, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
        add((phrase, NIF.endIndex, Literal(begin + len(name), datatype=XSD.nonNegativeInteger)))
        add((phrase, NIF.referenceContext, context))
        add((phrase, ITSRDF.taIdentRef, node))
        sentences.append(sentence)
        offset += len(sentence)
        if rng.random() < 0.35:
            add((event, SCHEMA.attendee, node))
            role = rng.choice(_ROLES)
            add((event, role, node))
            if role == KG.speaker:
                quote = ID[f"quote/{i}"]
                add((quote, RDF.type, SCHEMA.Quotation))
                add((quote, SCHEMA.author, node))
                add((quote, SCHEMA.isPartOf, article))
                add((quote, SCHEMA.text, zh("要把工会工作做实做细")))
                add((quote, PROV.wasDerivedFrom, phrase))
    add((context, RDF.type, NIF.Context))
    add((context, NIF.isString, Literal("".join(sentences))))
    return graph


# ------------------------------------------------------------------------------ measuring

# Run before any script of pyvis's page: when vis-network's bundle assigns vis.Network, wrap
# it so every network records when it first draws and when its physics settles
# (performance.now(): ms since navigation started). The page itself is not changed.
_PROBE = """
(function () {
  var vis;
  window.__bench = {};
  Object.defineProperty(window, "vis", {configurable: true, get: function () { return vis; },
    set: function (value) {
      vis = value;
      var Network;
      Object.defineProperty(value, "Network", {configurable: true, enumerable: true,
        get: function () { return Network; },
        set: function (Real) {
          Network = function (container, data, options) {
            var network = new Real(container, data, options);
            network.once("afterDrawing", function () { __bench.drawn = performance.now(); });
            network.once("stabilizationIterationsDone", function () {
              __bench.iterations = performance.now();
            });
            network.once("stabilized", function () { __bench.stabilized = performance.now(); });
            return network;
          };
          Network.prototype = Real.prototype;
        }});
    }});
})();
"""
_CDN_TAG = re.compile(r'<(?:script|link)[^>]*cdnjs\.cloudflare\.com/ajax/libs/vis-network/9\.1\.2/'
                      r'dist/(?:dist/)?(vis-network\.min\.(?:js|css))"[^>]*>(?:</script>)?')


@dataclass
class Row:
    view: str
    nodes: int
    edges: int
    python_s: float
    page_kib: int
    drawn_ms: float | None
    settled_ms: float | None
    note: str = ""


def _vis_file(name: str) -> bytes:
    import pyvis

    return (Path(pyvis.__file__).parent / "templates/lib/vis-9.1.2" / name).read_bytes()


def _poll(page: object, expression: str, timeout_s: float) -> object:
    """Evaluate ``expression`` every 50 ms until it is truthy or the time is up."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = page.evaluate(expression)  # type: ignore[attr-defined]
        if value or time.monotonic() > deadline:
            return value
        page.wait_for_timeout(50)  # type: ignore[attr-defined]


def measure_kg(browser: object, network: nx.MultiDiGraph, html_dir: Path,
               title: str) -> Row:
    render_network(network, title=title)  # the first render pays for imports and the template
    start = time.perf_counter()
    html = render_network(network, title=title)
    python_s = time.perf_counter() - start
    path = html_dir / f"kg-{network.number_of_nodes()}.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    drawn = _poll(page, "window.kgDrawnAt", 120)
    # Clicking the best-connected node: dim the rest, then redraw.
    hub = max(network.nodes, key=network.degree)
    highlight_ms = page.evaluate("""async id => {
      const start = performance.now();
      kgView.highlight(id);
      // a redraw vis-network asked for happens on the next animation frame
      await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
      return performance.now() - start;
    }""", hub)
    search_ms = page.evaluate("""() => {
      const start = performance.now();
      kgView.search("wang");
      return performance.now() - start;
    }""")
    context.close()
    edges = len({(u, v, k) for u, v, k in network.edges(data="kind")})
    note = (f"no physics; highlight {highlight_ms:.0f} ms, search {search_ms:.0f} ms"
            + ("" if requests == [path.as_uri()] else f"; requests: {requests}"))
    return Row("kg.view", network.number_of_nodes(), edges, python_s, len(html) // 1024,
               float(drawn) if isinstance(drawn, int | float) else None, None, note)


def pyvis_default(network: nx.MultiDiGraph, workdir: Path) -> tuple[Path, float]:
    """pyvis as its README shows it: Network(), add nodes and edges, write_html()."""
    from pyvis.network import Network

    shapes = {"person": "dot", "organisation": "box", "place": "triangle", "group": "diamond"}
    start = time.perf_counter()
    with contextlib.chdir(workdir):  # cdn_resources="local" writes lib/ into the cwd
        net = Network(directed=True)
        for node, data in network.nodes(data=True):
            net.add_node(node, label=data["label"], title=data["tooltip"],
                         shape=shapes[data["kind"]])
        seen = set()
        for u, v, data in network.edges(data=True):
            if (u, v, data["kind"]) not in seen:
                seen.add((u, v, data["kind"]))
                net.add_edge(u, v, title=data["label"] or data["kind"])
        net.write_html("pyvis.html")
    return workdir / "pyvis.html", time.perf_counter() - start


def measure_pyvis(browser: object, network: nx.MultiDiGraph, workdir: Path,
                  timeout_s: float) -> list[Row]:
    path, python_s = pyvis_default(network, workdir)
    size = path.stat().st_size // 1024
    edges = len({(u, v, k) for u, v, k in network.edges(data="kind")})
    rows = []

    # 1. As it is, offline: the CDN requests fail, vis is undefined, nothing is drawn.
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    page = context.new_page()
    failed: list[str] = []
    errors: list[str] = []
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri(), wait_until="commit")
    drawn = _poll(page, "document.querySelector('#mynetwork canvas') !== null", 15)
    context.close()
    hosts = sorted({url.split("/")[2] for url in failed if url.startswith("http")})
    rows.append(Row("pyvis default, offline", network.number_of_nodes(), edges, python_s, size,
                    None, None, "never draws" if not drawn else "drew?!")
                )
    rows[-1].note += f" ({len(failed)} requests to {', '.join(hosts)} failed"
    rows[-1].note += f"; {errors[0]})" if errors else ")"

    # 2. The same page with its two vis-network tags pointing at pyvis's own copy instead of
    #    cdnjs (which also drops their integrity hashes: the copy is not byte-identical).
    local = path.with_name("pyvis-local-vis.html")
    for name in ("vis-network.min.js", "vis-network.css"):
        (workdir / name).write_bytes(_vis_file(name))

    def local_tag(match: re.Match[str]) -> str:
        if match.group(1).endswith(".js"):
            return '<script src="vis-network.min.js"></script>'
        return '<link rel="stylesheet" href="vis-network.css">'

    local.write_text(_CDN_TAG.sub(local_tag, path.read_text(encoding="utf-8")),
                     encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
    context.route("http*://**/*", lambda route: route.abort())  # Bootstrap: not needed to draw
    page = context.new_page()
    page.add_init_script(_PROBE)
    page.goto(local.as_uri(), wait_until="commit")
    drawn = _poll(page, "window.__bench && window.__bench.drawn", timeout_s)
    settled = _poll(page, "window.__bench && window.__bench.stabilized", timeout_s)
    iterations = page.evaluate("window.__bench && window.__bench.iterations")
    context.close()
    note = "vis-network from a local copy; physics on"
    if iterations:
        note += f"; 1,000 stabilisation iterations done at {iterations / 1000:.1f} s"
    if not settled:
        note += f"; not stable after {timeout_s:.0f} s"
    rows.append(Row("pyvis default, local vis", network.number_of_nodes(), edges, python_s,
                    size, float(drawn) if isinstance(drawn, int | float) else None,
                    float(settled) if isinstance(settled, int | float) else None, note))
    return rows


def _ms(value: float | None) -> str:
    return "—" if value is None else f"{value / 1000:.2f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--timeout", type=float, default=120,
                        help="seconds to wait for pyvis's page to draw and to settle")
    parser.add_argument("--skip-pyvis", action="store_true")
    parser.add_argument("--screenshot", type=Path,
                        help="also write a 1400×900 screenshot of the bundled report's view")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    rows: list[Row] = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for size in args.sizes:
            network = to_networkx(synthetic_graph(size))
            rows.append(measure_kg(browser, network, Path(tmp), f"synthetic {size}"))
            if not args.skip_pyvis:
                workdir = Path(tmp) / f"pyvis-{size}"
                workdir.mkdir()
                rows += measure_pyvis(browser, network, workdir, args.timeout)
        if args.screenshot:
            screenshot(browser, args.screenshot)
        browser.close()

    print(f"{'view':<28}{'nodes':>7}{'edges':>7}{'python':>9}{'page':>10}{'drawn':>9}"
          f"{'settled':>10}  note")
    for row in rows:
        print(f"{row.view:<28}{row.nodes:>7}{row.edges:>7}{row.python_s:>8.2f}s"
              f"{row.page_kib / 1024:>7.1f} MiB{_ms(row.drawn_ms):>9}{_ms(row.settled_ms):>10}"
              f"  {row.note}")
    print(f"\nChromium {CHROMIUM} headless, {os.cpu_count()} CPUs; drawn and settled are "
          "measured from navigation start (performance.now()).")


def screenshot(browser: object, out: Path) -> None:
    """The bundled report's view as `kg build` writes it, drawn at 1400×900."""
    from kg.extraction import read_text
    from kg.rdf.graph import build_graph
    from kg.reading import read_report

    report = ROOT / "data" / "transcript.txt"
    read = read_text(read_report(report).text, name=report.name)
    html = render_view(build_graph([read]), title=read.extraction.title)
    with tempfile.TemporaryDirectory() as tmp:
        page_path = Path(tmp) / "graph.html"
        page_path.write_text(html, encoding="utf-8")
        context = browser.new_context(viewport={"width": 1400, "height": 900})  # type: ignore[attr-defined]
        page = context.new_page()
        page.goto(page_path.as_uri())
        _poll(page, "window.kgDrawnAt", 60)
        page.wait_for_timeout(200)
        page.screenshot(path=str(out))
        context.close()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
