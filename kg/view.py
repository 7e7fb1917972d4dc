"""Draw the knowledge graph as one self-contained, offline HTML page (vis-network via pyvis).

The page shows four kinds of nodes, each with its own colour *and* shape, and five kinds of
edges, and carries a legend for both:

===============  ======================================  ==========  ========
Node kind        RDF pattern                             shape       colour
===============  ======================================  ==========  ========
person (人物)     ``?p a foaf:Person ; foaf:name ?n``      dot         red
organisation     ``?o a org:Organization``                box         blue
place (地区)      ``?pl a schema:AdministrativeArea``      triangle    green
                 (or any subject of schema:containedInPlace, or a kg:DevelopmentZone)
study group      ``?g a org:OrganizationalUnit``          diamond     orange
===============  ======================================  ==========  ========

Edges: person → organisation for posts (``org:holds/org:postIn``, labelled with the ``@zh``
title of ``org:role``; several posts at one organisation make one edge, titles joined with
"、"), organisation → parent (``org:subOrganizationOf``), organisation → place
(``schema:areaServed``), place → parent place (``schema:containedInPlace``) and person → study
group for attendance (``schema:Event`` with ``schema:organizer`` and ``schema:attendee`` or one
of the sub-properties ``kg:leader``/``kg:speaker``/``kg:listener``/``kg:participant``, labelled
组长/发言/听取/参加, else 出席). Person tooltips also list the posts, the ``zh-Latn-pinyin``
``skos:altLabel`` and up to three ``schema:Quotation`` texts the person is the author of.

Offline and side-effect free: the page is rendered with pyvis's :meth:`Network.generate_html`,
but from this module's own Jinja template (loaded next to pyvis's templates, so pyvis's bundled
vis-network 9.1.2 JavaScript and CSS are inlined). pyvis's stock template always links
Bootstrap from a CDN, writes ``lib/`` into the working directory in its default ``local`` mode
and switches to an ``innerHTML`` tooltip when a tooltip contains "href"; none of that is used.
Nothing is written to disk and the page loads nothing from the network; a
Content-Security-Policy ``<meta>`` (``default-src 'none'``) enforces the latter in the browser.

Untrusted text (names, titles, quotations) is only ever placed in JSON data or in
auto-escaped HTML:

* Node and edge data are embedded with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&``
  and ``'`` as ``\\u003c`` etc., so a ``</script>`` inside a name cannot close the script
  element. Non-ASCII text stays readable UTF-8 (``ensure_ascii=False``).
* Labels are drawn on a canvas, so they are never parsed as HTML.
* Tooltips (``title``) are plain-text strings, *not* HTML-escaped: vis-network 9.x shows a
  string title with ``element.innerText = title`` (only DOM elements are inserted as markup),
  so ``<img …>`` is shown literally, and pre-escaping would show ``&lt;`` to the reader.
* The page title and legend go through Jinja auto-escaping.

Positions are precomputed (a seeded Fruchterman–Reingold layout per connected component,
components packed in rows; see :func:`_layout`) and vis physics is disabled, so large graphs
open without a freezing stabilisation phase and the same graph always gives byte-identical
HTML.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
import rdflib
from jinja2 import ChoiceLoader, DictLoader, Environment, FileSystemLoader
from pyvis.network import Network
from rdflib.namespace import FOAF, RDF, SKOS
from rdflib.term import BNode, Literal, Node, URIRef

__all__ = ["render_view"]

ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SCHEMA = rdflib.Namespace("https://schema.org/")
KG = rdflib.Namespace("https://example.org/kg/ns#")

_PINYIN_TAG = "zh-latn-pinyin"
_FONT_FACE = (
    "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, "
    "PingFang SC, sans-serif"
)
_VIS_DIR = "lib/vis-9.1.2"  # bundled with pyvis 0.3.2, inlined into the page
_TEMPLATE_NAME = "kg_view.html"
_SEED = 20240601
_EDGE_PX = 130.0  # pixels per layout unit (roughly one edge length)
_LABEL_MAX_PX = 120  # labels wrap at this width
_MAX_QUOTES = 3
_QUOTE_CHARS = 60
_EMPTY_NOTE = "图中没有可显示的人物、机构、地区或学习组。"


@dataclass(frozen=True)
class _NodeKind:
    key: str
    name: str
    shape: str
    background: str
    border: str
    font_color: str


@dataclass(frozen=True)
class _EdgeKind:
    key: str
    name: str
    color: str
    dashes: tuple[int, ...]  # empty: solid line
    width: float


_PERSON = _NodeKind("person", "人物", "dot", "#e15759", "#a12d2f", "#222222")
_ORGANISATION = _NodeKind("organisation", "机构", "box", "#d4e6f7", "#4e79a7", "#1f3b5a")
_PLACE = _NodeKind("place", "地区", "triangle", "#59a14f", "#366b2f", "#222222")
_GROUP = _NodeKind("group", "学习组", "diamond", "#f28e2b", "#b35f10", "#222222")
_NODE_KINDS = (_PERSON, _ORGANISATION, _PLACE, _GROUP)

_POST = _EdgeKind("post", "任职", "#4e79a7", (), 1.6)
_ATTENDS = _EdgeKind("attends", "出席学习组", "#f28e2b", (), 1.6)
_SUB_ORG = _EdgeKind("suborg", "下属机构", "#7f7f7f", (8, 5), 1.2)
_SERVES = _EdgeKind("serves", "服务地区", "#59a14f", (2, 4), 1.2)
_CONTAINED = _EdgeKind("contained", "属于", "#366b2f", (8, 5), 1.2)
_EDGE_KINDS = (_POST, _ATTENDS, _SUB_ORG, _SERVES, _CONTAINED)

# Attendance roles: sub-properties of schema:attendee, in display order.
_ROLES = (
    (KG.leader, "组长"),
    (KG.speaker, "发言"),
    (KG.listener, "听取"),
    (KG.participant, "参加"),
)
_ATTENDED = "出席"


@dataclass
class _Node:
    id: str
    kind: _NodeKind
    label: str
    lines: list[str] = field(default_factory=list)


@dataclass
class _Graph:
    nodes: dict[str, _Node] = field(default_factory=dict)
    # (source id, target id, edge kind key) -> labels
    edges: dict[tuple[str, str, str], set[str]] = field(default_factory=dict)


def render_view(graph: rdflib.Graph, *, title: str = "kg") -> str:
    """Return one self-contained HTML page drawing the graph.

    The page needs no network and writes nothing: vis-network is inlined, positions are
    precomputed, physics is off. Output is deterministic for a given graph.

    Args:
        graph: The knowledge graph, in the shape ``kg build`` writes (see module docstring
            for the patterns read; everything else is ignored).
        title: Shown as the page title and at the top of the legend (plain text).

    Returns:
        The HTML page as a string (UTF-8 text when written out; declares ``charset=utf-8``).
    """
    data = _collect(graph)
    edge_kinds = {kind.key: kind for kind in _EDGE_KINDS}
    ordered = sorted(
        data.nodes.values(),
        key=lambda n: (_NODE_KINDS.index(n.kind), n.label, n.id),
    )
    edge_keys = sorted(data.edges)
    positions = _layout(
        [node.id for node in ordered],
        [(source, target) for source, target, _ in edge_keys],
    )

    net = Network(
        height="100%",
        width="100%",
        directed=True,
        cdn_resources="in_line",  # never "local": that copies lib/ into the cwd
        heading=title,
    )
    for node in ordered:
        x, y = positions[node.id]
        net.add_node(
            node.id,
            label=node.label,
            shape=node.kind.shape,
            group=node.kind.key,
            title="\n".join([node.label, *node.lines, node.id]),
            x=x,
            y=y,
        )
    for source, target, kind_key in edge_keys:
        kind = edge_kinds[kind_key]
        labels = data.edges[(source, target, kind_key)]
        if kind is _ATTENDS:
            roles = [role for _, role in _ROLES if role in labels] or [_ATTENDED]
            label = "、".join(roles)
        else:
            label = "、".join(sorted(labels))
        source_label = data.nodes[source].label
        target_label = data.nodes[target].label
        edge: dict[str, Any] = {
            "title": f"{source_label} → {target_label}\n{kind.name}"
            + (f"：{label}" if label else ""),
            "color": {"color": kind.color, "highlight": kind.color, "hover": kind.color},
            "dashes": list(kind.dashes) if kind.dashes else False,
            "width": kind.width,
        }
        if label:
            edge["label"] = label
        net.add_edge(source, target, **edge)
    net.options = _options(len(ordered), len(edge_keys))

    counts = Counter(node.kind.key for node in ordered)
    env = Environment(
        loader=ChoiceLoader(
            [DictLoader({_TEMPLATE_NAME: _TEMPLATE}), FileSystemLoader(net.template_dir)]
        ),
        autoescape=True,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    env.globals.update(
        vis_dir=_VIS_DIR,
        csp=_CSP,
        empty_note=_EMPTY_NOTE,
        node_legend=[{"kind": kind, "count": counts[kind.key]} for kind in _NODE_KINDS],
        edge_legend=[
            {"kind": kind, "dasharray": " ".join(str(d) for d in kind.dashes)}
            for kind in _EDGE_KINDS
        ],
    )
    net.templateEnv = env
    net.path = _TEMPLATE_NAME
    html: str = net.generate_html()
    return html


# --------------------------------------------------------------------------- reading the graph


def _collect(graph: rdflib.Graph) -> _Graph:
    """Read nodes and edges from the graph through the documented patterns only."""
    out = _Graph()

    def add(term: Node, kind: _NodeKind, predicate: URIRef) -> str:
        key = _term_id(term)
        if key not in out.nodes:
            label = _pick_label(graph, term, predicate)
            out.nodes[key] = _Node(key, kind, label)
            pinyin = _pinyin(graph, term)
            out.nodes[key].lines.append(kind.name + (f" · {pinyin}" if pinyin else ""))
        return key

    def edge(source: str, target: str, kind: _EdgeKind, label: str | None = None) -> None:
        if source == target:
            return
        labels = out.edges.setdefault((source, target, kind.key), set())
        if label:
            labels.add(label)

    # Nodes, most specific type first (a study group is also an org:Organization).
    persons = _sorted(graph.subjects(RDF.type, FOAF.Person))
    for person in persons:
        add(person, _PERSON, FOAF.name)
    for group in _sorted(graph.subjects(RDF.type, ORG.OrganizationalUnit)):
        add(group, _GROUP, SKOS.prefLabel)
    for org in _sorted(graph.subjects(RDF.type, ORG.Organization)):
        add(org, _ORGANISATION, SKOS.prefLabel)
    places = [
        *graph.subjects(RDF.type, SCHEMA.AdministrativeArea),
        *graph.subjects(RDF.type, KG.DevelopmentZone),
        *graph.subjects(SCHEMA.containedInPlace, None),
    ]
    for place in _sorted(places):
        add(place, _PLACE, SKOS.prefLabel)

    # Posts: person -> organisation, labelled with the titles.
    for person in persons:
        pid = _term_id(person)
        posts: dict[str, list[str]] = defaultdict(list)
        for post in _sorted(graph.objects(person, ORG.holds)):
            for org in _sorted(graph.objects(post, ORG.postIn)):
                oid = add(org, _ORGANISATION, SKOS.prefLabel)
                titles = [
                    _pick_label(graph, role, SKOS.prefLabel, fallback=False)
                    for role in _sorted(graph.objects(post, ORG.role))
                ]
                titles = [t for t in titles if t]
                for title_ in titles:
                    edge(pid, oid, _POST, title_)
                    posts[out.nodes[oid].label].append(title_)
                if not titles:
                    edge(pid, oid, _POST)
                    posts[out.nodes[oid].label].append("")
        for org_label in sorted(posts):
            titles = sorted({t for t in posts[org_label] if t})
            out.nodes[pid].lines.append(f"职务：{org_label}{'、'.join(titles)}")
        out.nodes[pid].lines.extend(_quotations(graph, person))

    # Organisation structure and places.
    for child, parent in _sorted_pairs(graph.subject_objects(ORG.subOrganizationOf)):
        edge(
            add(child, _ORGANISATION, SKOS.prefLabel),
            add(parent, _ORGANISATION, SKOS.prefLabel),
            _SUB_ORG,
        )
    for org, place in _sorted_pairs(graph.subject_objects(SCHEMA.areaServed)):
        edge(add(org, _ORGANISATION, SKOS.prefLabel), add(place, _PLACE, SKOS.prefLabel), _SERVES)
    for place, parent in _sorted_pairs(graph.subject_objects(SCHEMA.containedInPlace)):
        edge(add(place, _PLACE, SKOS.prefLabel), add(parent, _PLACE, SKOS.prefLabel), _CONTAINED)

    # Attendance: person -> study group, labelled with the role(s).
    for event in _sorted(graph.subjects(RDF.type, SCHEMA.Event)):
        organizers = _sorted(graph.objects(event, SCHEMA.organizer))
        if not organizers:
            continue
        roles: dict[Node, set[str]] = {}
        for attendee in graph.objects(event, SCHEMA.attendee):
            roles.setdefault(attendee, set())
        for predicate, role in _ROLES:
            for attendee in graph.objects(event, predicate):
                roles.setdefault(attendee, set()).add(role)
        for group in organizers:
            gid = add(group, _GROUP, SKOS.prefLabel)
            for attendee in _sorted(roles):
                aid = add(attendee, _PERSON, FOAF.name)
                edge(aid, gid, _ATTENDS, None)
                for role in sorted(roles[attendee]):
                    edge(aid, gid, _ATTENDS, role)
    return out


def _is_resource(term: object) -> bool:
    return isinstance(term, URIRef | BNode)


def _sort_key(term: Node) -> tuple[str, str]:
    return (type(term).__name__, str(term))


def _sorted(terms: Iterable[Node]) -> list[Node]:
    """Distinct IRIs and blank nodes (literals dropped), in a stable order."""
    return sorted({t for t in terms if _is_resource(t)}, key=_sort_key)


def _sorted_pairs(pairs: Iterable[tuple[Node, Node]]) -> list[tuple[Node, Node]]:
    kept = {(s, o) for s, o in pairs if _is_resource(s) and _is_resource(o)}
    return sorted(kept, key=lambda p: (_sort_key(p[0]), _sort_key(p[1])))


def _term_id(term: Node) -> str:
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def _local_name(term: Node) -> str:
    text = str(term).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def _literals(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> Iterator[Literal]:
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal) and str(obj).strip():
            yield obj


def _pick_label(graph: rdflib.Graph, term: Node, predicate: URIRef, fallback: bool = True) -> str:
    """The ``@zh`` value of ``predicate`` (else zh-*, untagged, any), else the IRI's last part."""

    def rank(lit: Literal) -> int:
        lang = (lit.language or "").lower()
        if lang == "zh":
            return 0
        if lang.startswith("zh-") and lang != _PINYIN_TAG and "latn" not in lang:
            return 1
        if not lang:
            return 2
        return 3

    candidates = sorted(_literals(graph, term, predicate), key=lambda lit: (rank(lit), str(lit)))
    if candidates:
        return str(candidates[0]).strip()
    return _local_name(term) if fallback else ""


def _pinyin(graph: rdflib.Graph, term: Node) -> str:
    values = sorted(
        str(lit).strip()
        for lit in _literals(graph, term, SKOS.altLabel)
        if (lit.language or "").lower() == _PINYIN_TAG
    )
    return values[0] if values else ""


def _quotations(graph: rdflib.Graph, person: Node) -> list[str]:
    texts: list[str] = []
    for quote in _sorted(graph.subjects(SCHEMA.author, person)):
        if (quote, RDF.type, SCHEMA.Quotation) not in graph:
            continue
        text = _pick_label(graph, quote, SCHEMA.text, fallback=False)
        if text:
            text = " ".join(text.split())
            if len(text) > _QUOTE_CHARS:
                text = text[: _QUOTE_CHARS - 1] + "…"
            texts.append(f"“{text}”")
    return texts[:_MAX_QUOTES]


# --------------------------------------------------------------------------------- layout


def _layout(nodes: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[int, int]]:
    """Deterministic positions in pixels, centred on (0, 0).

    ``nx.spring_layout`` (seeded) runs on each connected component; components are then
    packed in rows, largest first.

    Args:
        nodes: Node ids, in a stable order.
        edges: (source, target) pairs between those ids; direction is ignored.

    Returns:
        Integer (x, y) pixel positions keyed by node id.
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    order = {node: i for i, node in enumerate(nodes)}
    components = sorted(
        (sorted(component, key=order.__getitem__) for component in nx.connected_components(graph)),
        key=lambda c: (-len(c), order[c[0]]),
    )
    rng = random.Random(_SEED)
    pieces: list[tuple[list[str], list[tuple[float, float]], float, float]] = []
    for component in components:
        index = {node: i for i, node in enumerate(component)}
        adjacency = sorted(
            (min(index[u], index[v]), max(index[u], index[v]))
            for u, v in graph.subgraph(component).edges()
        )
        pos = _principal_axis_horizontal(_fruchterman_reingold(len(component), adjacency, rng))
        min_x = min(p[0] for p in pos)
        min_y = min(p[1] for p in pos)
        pos = [(x - min_x, y - min_y) for x, y in pos]
        width = max(p[0] for p in pos)
        height = max(p[1] for p in pos)
        pieces.append((component, pos, width, height))

    # Shelf packing: rows of components, one unit of gap around each.
    gap = 1.0
    area = sum((w + gap) * (h + gap) for _, _, w, h in pieces)
    row_width = max([math.sqrt(area) * 1.3, *(w for _, _, w, _ in pieces)])
    result: dict[str, tuple[float, float]] = {}
    cursor_x = cursor_y = row_height = 0.0
    for component, pos, width, height in pieces:
        if cursor_x > 0 and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + gap, 0.0
        for node, (x, y) in zip(component, pos, strict=True):
            result[node] = (cursor_x + x, cursor_y + y)
        cursor_x += width + gap
        row_height = max(row_height, height)
    if not result:
        return {}
    mid_x = (min(x for x, _ in result.values()) + max(x for x, _ in result.values())) / 2
    mid_y = (min(y for _, y in result.values()) + max(y for _, y in result.values())) / 2
    return {
        node: (round((x - mid_x) * _EDGE_PX), round((y - mid_y) * _EDGE_PX))
        for node, (x, y) in result.items()
    }


def _fruchterman_reingold(
    n: int, edges: list[tuple[int, int]], rng: random.Random
) -> list[tuple[float, float]]:
    """Positions for one connected component, ideal edge length about 1 (networkx + numpy)."""
    if n == 1:
        return [(0.0, 0.0)]
    if n == 2:
        return [(0.0, 0.0), (1.6, 0.0)]
    component = nx.Graph()
    component.add_nodes_from(range(n))
    component.add_edges_from(edges)
    positions = nx.spring_layout(component, seed=rng.randrange(2**31), iterations=80,
                                 scale=math.sqrt(n) * 1.2)
    return [(float(positions[i][0]), float(positions[i][1])) for i in range(n)]


def _principal_axis_horizontal(pos: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Rotate positions about their centroid so the longest extent is horizontal.

    Screens are wider than tall; a chain-like component drawn vertically would be zoomed out
    until its labels are unreadable.
    """
    n = len(pos)
    cx = sum(x for x, _ in pos) / n
    cy = sum(y for _, y in pos) / n
    sxx = sum((x - cx) ** 2 for x, _ in pos)
    syy = sum((y - cy) ** 2 for _, y in pos)
    sxy = sum((x - cx) * (y - cy) for x, y in pos)
    angle = 0.5 * math.atan2(2 * sxy, sxx - syy)  # direction of the major axis
    cos, sin = math.cos(-angle), math.sin(-angle)
    return [((x - cx) * cos - (y - cy) * sin, (x - cx) * sin + (y - cy) * cos) for x, y in pos]


# ------------------------------------------------------------------------------- page


def _options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options: physics off (positions are precomputed), groups carry the styles."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {
            "hover": True,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": n_edges > 1500,
            "hideEdgesOnZoom": n_edges > 1500,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": True,
        },
        "nodes": {
            "size": 12,
            "borderWidth": 1.5,
            "font": {"face": _FONT_FACE, "size": 14, "color": "#222222"},
            # long names wrap (vis breaks even unspaced CJK text) instead of covering neighbours
            "widthConstraint": {"maximum": _LABEL_MAX_PX},
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "face": _FONT_FACE,
                "size": 12,
                "align": "middle",
                "color": "#333333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "color": {"inherit": False},
        },
        "groups": {
            kind.key: {
                "shape": kind.shape,
                "color": {
                    "background": kind.background,
                    "border": kind.border,
                    "highlight": {"background": kind.background, "border": "#000000"},
                    "hover": {"background": kind.background, "border": "#000000"},
                },
                "font": {"color": kind.font_color},
            }
            for kind in _NODE_KINDS
        },
    }


_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
)

# Rendered by pyvis's Network.generate_html() with the environment set up in render_view:
# autoescape on; `nodes`/`edges` are lists of dicts (tojson escapes < > & '), `options` is the
# JSON pyvis made from _options() (no untrusted text), `heading` is the title.
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
<style>{% include vis_dir ~ '/vis-network.css' %}</style>
<script>{% include vis_dir ~ '/vis-network.min.js' %}</script>
<style>
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; background: #ffffff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
  "Microsoft YaHei", "PingFang SC", sans-serif; }
#kg-network { position: absolute; top: 0; right: 0; bottom: 0; left: 0; }
#kg-legend { position: fixed; top: 12px; left: 12px; z-index: 10; max-width: 260px;
  background: rgba(255, 255, 255, 0.94); border: 1px solid #c8c8c8; border-radius: 6px;
  padding: 8px 12px; font-size: 13px; color: #222222; line-height: 1.5;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
#kg-legend h1 { font-size: 15px; margin: 0 0 4px 0; overflow-wrap: anywhere; }
#kg-legend h2 { font-size: 12px; margin: 6px 0 2px 0; color: #666666; font-weight: normal; }
#kg-legend ul { list-style: none; margin: 0; padding: 0; }
#kg-legend li { display: flex; align-items: center; gap: 6px; }
#kg-legend svg { flex: none; }
#kg-legend .kg-count { color: #777777; margin-left: auto; padding-left: 8px; }
#kg-empty { position: fixed; top: 45%; left: 0; right: 0; text-align: center;
  font-size: 18px; color: #555555; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-family: inherit; }
</style>
</head>
<body>
<div id="kg-network" role="img" aria-label="{{ heading }}"></div>
<div id="kg-legend" role="note">
<h1>{{ heading }}</h1>
<h2>节点</h2>
<ul>
{%- for item in node_legend %}
<li data-kind="{{ item.kind.key }}"><svg width="18" height="18" viewBox="0 0 18 18" \
aria-hidden="true">
{%- if item.kind.shape == "dot" -%}
<circle cx="9" cy="9" r="6.5" fill="{{ item.kind.background }}" \
stroke="{{ item.kind.border }}" stroke-width="1.5"/>
{%- elif item.kind.shape == "box" -%}
<rect x="1.5" y="4" width="15" height="10" rx="2" fill="{{ item.kind.background }}" \
stroke="{{ item.kind.border }}" stroke-width="1.5"/>
{%- elif item.kind.shape == "triangle" -%}
<polygon points="9,2 16.5,15.5 1.5,15.5" fill="{{ item.kind.background }}" \
stroke="{{ item.kind.border }}" stroke-width="1.5"/>
{%- else -%}
<polygon points="9,1.5 16.5,9 9,16.5 1.5,9" fill="{{ item.kind.background }}" \
stroke="{{ item.kind.border }}" stroke-width="1.5"/>
{%- endif -%}
</svg><span>{{ item.kind.name }}</span><span class="kg-count">{{ item.count }}</span></li>
{%- endfor %}
</ul>
<h2>关系</h2>
<ul>
{%- for item in edge_legend %}
<li data-kind="{{ item.kind.key }}"><svg width="28" height="10" viewBox="0 0 28 10" \
aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="{{ item.kind.color }}" \
stroke-width="2"{% if item.dasharray %} stroke-dasharray="{{ item.dasharray }}"{% endif %}/>\
</svg><span>{{ item.kind.name }}</span></li>
{%- endfor %}
</ul>
</div>
{%- if not nodes %}
<div id="kg-empty">{{ empty_note }}</div>
{%- endif %}
<script>
(function () {
  var nodes = new vis.DataSet({{ nodes|tojson }});
  var edges = new vis.DataSet({{ edges|tojson }});
  var options = {{ options|safe }};
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  network.fit({animation: false});
  window.kgNetwork = network;  // for the browser console and tests
  // Keep the whole graph in view when the window is resized, until the reader zooms or pans.
  var moved = false;
  network.on("zoom", function () { moved = true; });
  network.on("dragEnd", function (params) { if (!params.nodes.length) { moved = true; } });
  window.addEventListener("resize", function () {
    if (!moved) { network.fit({animation: false}); }
  });
  document.documentElement.setAttribute("data-kg-nodes", String(nodes.length));
  document.documentElement.setAttribute("data-kg-edges", String(edges.length));
  network.once("afterDrawing", function () {
    document.documentElement.setAttribute("data-kg-drawn", "true");
  });
  document.documentElement.setAttribute("data-kg-status", "ready");
})();
</script>
</body>
</html>
"""
