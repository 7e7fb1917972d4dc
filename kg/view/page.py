"""Draw the knowledge graph, or part of it, as one self-contained, offline HTML page.

What is drawn comes from :func:`kg.network.to_networkx` (see there for the RDF patterns):
people, organisations, places and study groups, each kind with its own colour *and* shape,
and six kinds of edges, with a legend for both:

============  ==========  ========   ===================  ===========================
node kind     shape       colour     edge kind            style
============  ==========  ========   ===================  ===========================
person 人物    dot         red        post 任职             blue, labelled with the title
organisation  box         blue       attendance 出席学习组   orange, labelled with how
place 地区     triangle    green      authored 撰稿          purple, dashed
group 学习组   diamond     orange     suborganisation      grey, dashed
                                     area 服务地区          green, dotted
                                     within 属于           dark green, dashed
============  ==========  ========   ===================  ===========================

A node's size grows with its number of neighbours. Several posts of one person at one
organisation are one edge, the titles joined with "、".

The page has a search box (a Chinese name or its pinyin, folded like
:func:`kg.network.search_key`: "wang yi", "Wáng Yī" and "王一" all find 王一), filters by
node kind and by study group, and a click on a node dims everything but the node and its
neighbours. Positions are computed here (:func:`layout`), vis physics
is off, so the page draws at once; above :data:`BIG` nodes edge labels are left to the
tooltips, fonts are smaller and edges are hidden while dragging or zooming.

Offline and side-effect free: vis-network 9.1.2 is inlined from the copy bundled with pyvis,
into this module's own template (pyvis's ``Network`` is not used: its stock template loads
vis-network, Bootstrap and tom-select from CDNs, and its default ``cdn_resources="local"``
copies ``lib/`` into the working directory). Nothing is written to disk, the page makes no
request, and a Content-Security-Policy ``<meta>`` (``default-src 'none'``) holds the browser
to that.

Untrusted text (names, titles, quotations) is only ever placed in JSON data or in
auto-escaped HTML:

* Node and edge data are embedded with Jinja's ``tojson``, which escapes ``<``, ``>``, ``&``
  and ``'`` as ``\\u003c`` etc., so a ``</script>`` inside a name cannot close the script
  element. Non-ASCII text stays readable UTF-8.
* Labels are drawn on a canvas. Tooltips are plain-text strings, shown by vis-network 9.x
  with ``innerText``; the search results are built with ``textContent``. No data reaches
  ``innerHTML``.
* The page title, group names in the filter and the legend go through Jinja auto-escaping.

The same graph always gives byte-identical HTML.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from jinja2 import Environment, Template
from markupsafe import Markup

from kg.view.network import (
    EDGE_KINDS,
    KIND_NAMES,
    NODE_KINDS,
    ROLES,
    around,
    group_members,
    group_view,
    place_tree,
    to_networkx,
)

__all__ = ["BIG", "Page", "layout", "render_network", "render_view", "view_page"]

BIG = 1500  # above this many nodes: no edge labels, smaller fonts, edges hidden while moving
_FONT_FACE = (
    "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, "
    "PingFang SC, sans-serif"
)
_SEED = 20240601
_EDGE_PX = 130.0  # pixels per layout unit (roughly one edge length)
_LABEL_MAX_PX = 120  # labels wrap at this width
_SPRING_MAX = 100  # components this big or bigger get _stress (see layout)
_PIVOTS = 40
_STRESS_STEPS = 50
_FR_STEPS = 40
_REACH = 2.5  # layout units: how far the Fruchterman-Reingold repulsion reaches
_EMPTY_NOTE = "图中没有可显示的人物、机构、地区或学习组。"


@dataclass(frozen=True)
class _NodeStyle:
    name: str
    shape: str
    background: str
    border: str
    font_color: str


@dataclass(frozen=True)
class _EdgeStyle:
    name: str
    color: str
    dashes: tuple[int, ...]  # empty: solid line
    width: float


NODE_STYLES = {
    "person": _NodeStyle(KIND_NAMES["person"], "dot", "#e15759", "#a12d2f", "#222222"),
    "organisation": _NodeStyle(KIND_NAMES["organisation"], "box", "#d4e6f7", "#4e79a7",
                               "#1f3b5a"),
    "place": _NodeStyle(KIND_NAMES["place"], "triangle", "#59a14f", "#366b2f", "#222222"),
    "group": _NodeStyle(KIND_NAMES["group"], "diamond", "#f28e2b", "#b35f10", "#222222"),
}
EDGE_STYLES = {
    "post": _EdgeStyle("任职", "#4e79a7", (), 1.6),
    "attendance": _EdgeStyle("出席学习组", "#f28e2b", (), 1.6),
    "authored": _EdgeStyle("撰稿", "#b07aa1", (4, 3), 1.4),
    "suborganisation": _EdgeStyle("下属机构", "#7f7f7f", (8, 5), 1.2),
    "area": _EdgeStyle("服务地区", "#59a14f", (2, 4), 1.2),
    "within": _EdgeStyle("属于", "#366b2f", (8, 5), 1.2),
}
_ROLE_ORDER = [label for _, label in ROLES]


@dataclass(frozen=True, slots=True)
class Page:
    """A rendered view: the HTML and what it draws."""

    html: str
    title: str
    nodes: int
    edges: int


def render_view(graph: rdflib.Graph, *, title: str = "kg") -> str:
    """Return one self-contained HTML page drawing the whole graph.

    Args:
        graph: The knowledge graph, in the shape ``kg build`` writes.
        title: Shown as the page title and at the top of the legend (plain text).

    Returns:
        The HTML page as a string (UTF-8 text when written out; declares ``charset=utf-8``).
    """
    return render_network(to_networkx(graph), title=title)


def view_page(graph: rdflib.Graph, *, around_name: str | None = None, depth: int = 2,
              group: str | None = None, place: str | None = None,
              title: str | None = None) -> Page:
    """Draw the whole graph, or the part of it one of the selectors picks.

    Args:
        graph: The knowledge graph.
        around_name: Draw the neighbourhood of this person or organisation (name or pinyin).
        depth: How many edges out from ``around_name`` to go.
        group: Draw this study group (see :func:`kg.network.group_view`).
        place: Draw the organisation tree of this place (see :func:`kg.network.place_tree`).
        title: The page title (default: says what was selected).

    Returns:
        The page and the number of nodes and edges it draws.

    Raises:
        kg.network.NodeNotFoundError: a name matches nothing (the message lists close ones).
        kg.network.AmbiguousNameError: a name matches several nodes.
        ValueError: more than one selector was given.
    """
    if sum(x is not None for x in (around_name, group, place)) > 1:
        raise ValueError("give at most one of around_name, group and place")
    full = to_networkx(graph)
    if around_name is not None:
        part = around(full, around_name, depth)
        default = f"{part.nodes[part.graph['focus']]['label']} · {depth} 步以内"
    elif group is not None:
        part = group_view(full, group)
        default = part.nodes[part.graph["focus"]]["label"]
    elif place is not None:
        part = place_tree(full, place)
        default = f"{part.nodes[part.graph['focus']]['label']} · 机构"
    else:
        part, default = full, "kg"
    html = render_network(part, title=title or default)
    merged = {(u, v, kind) for u, v, kind in part.edges(data="kind")}
    return Page(html, title or default, part.number_of_nodes(), len(merged))


def render_network(network: nx.MultiDiGraph, *, title: str = "kg") -> str:
    """Return one self-contained HTML page drawing a graph from :mod:`kg.network`.

    Args:
        network: :func:`kg.network.to_networkx`'s graph or a subgraph of it. If
            ``network.graph["focus"]`` names a node, the page opens with it selected.
        title: Shown as the page title and at the top of the legend (plain text).

    Returns:
        The HTML page as a string.
    """
    order = sorted(network.nodes, key=lambda n: (
        NODE_KINDS.index(network.nodes[n]["kind"]), network.nodes[n]["label"], n))
    index = {node: i for i, node in enumerate(order)}

    # One drawn edge per (source, target, kind): several posts at one organisation.
    merged: dict[tuple[str, str, str], tuple[list[str], list[str]]] = {}
    for source, target, data in network.edges(data=True):
        labels, evidence = merged.setdefault((source, target, data["kind"]), ([], []))
        labels.extend(part for part in data.get("label", "").split("、") if part)
        if data.get("evidence"):
            evidence.append(data["evidence"])
    edge_keys = sorted(merged, key=lambda e: (index[e[0]], index[e[1]],
                                              EDGE_KINDS.index(e[2])))
    simple = nx.Graph()
    simple.add_nodes_from(order)
    simple.add_edges_from((s, t) for s, t, _ in edge_keys)
    positions = layout(simple, order)
    big = len(order) > BIG

    groups = [n for n in order if network.nodes[n]["kind"] == "group"]
    member_of: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for node in group_members(network, group):
            member_of.setdefault(node, []).append(i)

    nodes = []
    for node in order:
        data = network.nodes[node]
        x, y = positions[node]
        item: dict[str, Any] = {
            "id": node,
            "label": data["label"],
            "group": data["kind"],
            "x": x,
            "y": y,
            "value": simple.degree(node),
            "title": data.get("tooltip") or data["label"],
            "pinyin": data.get("pinyin", ""),
        }
        if node in member_of:
            item["g"] = member_of[node]
        nodes.append(item)

    edges = []
    for i, (source, target, kind) in enumerate(edge_keys):
        labels, evidence = merged[(source, target, kind)]
        if kind == "attendance":
            ordered = sorted(set(labels), key=lambda r: (
                _ROLE_ORDER.index(r) if r in _ROLE_ORDER else len(_ROLE_ORDER), r))
        else:
            ordered = sorted(set(labels))
        label = "、".join(ordered)
        style = EDGE_STYLES[kind]
        tip = [f"{network.nodes[source]['label']} → {network.nodes[target]['label']}",
               style.name + (f"：{label}" if label else "")]
        tip += [f"原文：{text}" for text in sorted(set(evidence))]
        edge: dict[str, Any] = {"id": f"e{i}", "from": source, "to": target, "kind": kind,
                                "title": "\n".join(tip)}
        if label and not big:
            edge["label"] = label
        edges.append(edge)

    counts = {kind: 0 for kind in NODE_KINDS}
    for node in order:
        counts[network.nodes[node]["kind"]] += 1
    focus = network.graph.get("focus")
    html: str = _template().render(
        heading=title,
        vis_js=_vis("vis-network.min.js"),
        vis_css=_vis("vis-network.css"),
        csp=_CSP,
        empty_note=_EMPTY_NOTE,
        node_legend=[{"key": k, "style": NODE_STYLES[k], "count": counts[k]}
                     for k in NODE_KINDS],
        edge_legend=[{"key": k, "style": EDGE_STYLES[k],
                      "dasharray": " ".join(str(d) for d in EDGE_STYLES[k].dashes)}
                     for k in EDGE_KINDS],
        groups=[{"id": g, "label": network.nodes[g]["label"]} for g in groups],
        nodes=nodes,
        edges=edges,
        edge_styles={k: {"color": s.color, "dashes": list(s.dashes) or False, "width": s.width}
                     for k, s in EDGE_STYLES.items()},
        kind_names=KIND_NAMES,
        font_colors={kind: style.font_color for kind, style in NODE_STYLES.items()},
        big=big,
        focus=focus if focus in index else None,
        options=Markup(json.dumps(_options(len(order), big), sort_keys=True)),
    )
    return html


# --------------------------------------------------------------------------------- layout


def layout(graph: nx.Graph, order: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """Deterministic positions in pixels, centred on (0, 0), about one edge length apart.

    Each connected component is laid out alone: below 100 nodes with networkx's
    Fruchterman–Reingold (``spring_layout``, seeded); from 100 nodes with :func:`_stress`
    (pivot MDS, sparse stress, then local Fruchterman–Reingold), because networkx's layouts
    do not scale: ``spring_layout`` took 3.6 s on 1,000 nodes; on 10,000, 235 s with
    ``method="energy"`` and 22 s for 5 of its 50 iterations with ``method="force"``, and
    ``spectral_layout`` 530 s, against 0.1 s and about 2 s here. The components are then
    turned so their longer side is horizontal and packed in rows, largest first.

    Args:
        graph: An undirected graph.
        order: Its nodes in a stable order (default: sorted); ties are broken by it.

    Returns:
        Integer (x, y) pixel positions keyed by node.
    """
    nodes = order if order is not None else sorted(graph.nodes)
    rank = {node: i for i, node in enumerate(nodes)}
    components = sorted(
        (sorted(component, key=rank.__getitem__) for component in nx.connected_components(graph)),
        key=lambda c: (-len(c), rank[c[0]]),
    )
    rng = random.Random(_SEED)
    pieces: list[tuple[list[str], list[tuple[float, float]], float, float]] = []
    for component in components:
        local = {node: i for i, node in enumerate(component)}
        adjacency = sorted(
            (min(local[u], local[v]), max(local[u], local[v]))
            for u, v in graph.subgraph(component).edges()
        )
        seed = rng.randrange(2**31)
        if len(component) < _SPRING_MAX:
            pos = _spring(len(component), adjacency, seed)
        else:
            pos = _stress(len(component), adjacency)
        pos = _principal_axis_horizontal(pos)
        min_x = min(p[0] for p in pos)
        min_y = min(p[1] for p in pos)
        pos = [(x - min_x, y - min_y) for x, y in pos]
        pieces.append((component, pos, max(p[0] for p in pos), max(p[1] for p in pos)))

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


def _spring(n: int, edges: list[tuple[int, int]], seed: int) -> list[tuple[float, float]]:
    """networkx's Fruchterman–Reingold for a small component, edge length about 1."""
    if n == 1:
        return [(0.0, 0.0)]
    if n == 2:
        return [(0.0, 0.0), (1.6, 0.0)]
    component = nx.Graph()
    component.add_nodes_from(range(n))
    component.add_edges_from(edges)
    positions = nx.spring_layout(component, seed=seed, iterations=80, method="force",
                                 scale=math.sqrt(n) * 1.2)
    return [(float(positions[i][0]), float(positions[i][1])) for i in range(n)]


def _stress(n: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """A layout of a big connected component in O(n·pivots) (numpy and scipy).

    1. Breadth-first distances from :data:`_PIVOTS` pivots, each the node farthest from
       those before it (the first: the best-connected node).
    2. Pivot MDS (Brandes & Pich 2006): the double-centred squared distances' two leading
       singular vectors.
    3. Sparse stress majorisation (Ortmann, Klimenta & Brandes 2016): each node moves
       towards where its edges (length 1) and the pivots (graph distance, weighted by
       1/d² and the size of the pivot's region) want it, which unfolds the clusters MDS
       folds onto each other.
    4. Scaled to about one node per unit of area, nodes at one spot spread on a sunflower
       spiral, and a few Fruchterman–Reingold steps whose repulsion only reaches nearby
       nodes (a KD-tree) push apart what still overlaps.
    """
    # imported here: only components of _SPRING_MAX nodes or more need them (0.1 s to import)
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import shortest_path
    from scipy.spatial import cKDTree

    ends = np.array(edges, dtype=np.int64).reshape(-1, 2)
    u, v = ends[:, 0], ends[:, 1]
    adjacency = coo_matrix((np.ones(len(ends)), (u, v)), shape=(n, n)).tocsr()
    adjacency = adjacency + adjacency.T
    k = min(_PIVOTS, n)
    pivots = [int(np.argmax(np.asarray(adjacency.sum(axis=1)).ravel()))]
    dist = np.empty((n, k))
    nearest = np.full(n, np.inf)
    for i in range(k):
        dist[:, i] = shortest_path(adjacency, directed=False, unweighted=True,
                                   indices=pivots[-1])
        nearest = np.minimum(nearest, dist[:, i])
        if i + 1 < k:
            pivots.append(int(np.argmax(nearest)))

    squared = dist**2
    centred = -0.5 * (squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None]
                      + squared.mean())
    left, values, _ = np.linalg.svd(centred, full_matrices=False)
    xy = left[:, :2] * values[:2]
    xy *= np.where((xy**3).sum(axis=0) < 0, -1.0, 1.0)  # a sign that does not depend on LAPACK

    region = np.bincount(np.argmin(dist, axis=1), minlength=k).astype(float)
    with np.errstate(divide="ignore"):
        weight = np.where(dist > 0, region[None, :] / dist**2, 0.0)
    total = weight.sum(axis=1) + np.bincount(u, minlength=n) + np.bincount(v, minlength=n)
    for _ in range(_STRESS_STEPS):
        at = xy[pivots]
        delta = xy[:, None, :] - at[None, :, :]
        length = np.maximum(np.sqrt((delta**2).sum(axis=2)), 1e-9)
        goal = (weight[:, :, None] * (at[None, :, :] + (dist / length)[:, :, None] * delta)
                ).sum(axis=1)
        delta = xy[u] - xy[v]
        unit = delta / np.maximum(np.sqrt((delta**2).sum(axis=1)), 1e-9)[:, None]
        for axis in (0, 1):
            goal[:, axis] += (np.bincount(u, xy[v, axis] + unit[:, axis], n)
                              + np.bincount(v, xy[u, axis] - unit[:, axis], n))
        xy = goal / total[:, None]

    xy -= xy.mean(axis=0)
    xy *= math.sqrt(n) / (math.sqrt((xy**2).sum(axis=1).mean()) or 1.0)
    # Nodes the distances cannot tell apart (leaves of one parent) share a spot: spread them.
    _, spot, size = np.unique(np.round(xy, 6), axis=0, return_inverse=True, return_counts=True)
    spot = spot.ravel()
    order = np.argsort(spot, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n) - np.concatenate([[0], np.cumsum(size)[:-1]])[spot[order]]
    radius = 0.55 * np.sqrt(rank + 0.5) * (size[spot] > 1)
    angle = rank * math.pi * (3 - math.sqrt(5))
    xy += np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)

    temperature = 1.5
    for step in range(_FR_STEPS):
        move = np.zeros((n, 2))
        pairs = cKDTree(xy).query_pairs(_REACH, output_type="ndarray")
        if len(pairs):
            i, j = pairs[:, 0], pairs[:, 1]
            delta = xy[i] - xy[j]
            push = delta / np.maximum((delta**2).sum(axis=1), 1e-4)[:, None]
            for axis in (0, 1):
                move[:, axis] += np.bincount(i, push[:, axis], n) - np.bincount(j, push[:, axis],
                                                                                n)
        delta = xy[u] - xy[v]
        pull = delta * np.sqrt((delta**2).sum(axis=1))[:, None]
        for axis in (0, 1):
            move[:, axis] += np.bincount(v, pull[:, axis], n) - np.bincount(u, pull[:, axis], n)
        length = np.maximum(np.sqrt((move**2).sum(axis=1)), 1e-9)
        cap = temperature * (1 - step / _FR_STEPS)
        xy += move * (np.minimum(length, cap) / length)[:, None]
    return [(float(x), float(y)) for x, y in xy]


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


def _options(n_nodes: int, big: bool) -> dict[str, Any]:
    """vis-network options: physics off (positions are precomputed), groups carry the styles."""
    font = 11 if big else 14
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "font": {"face": _FONT_FACE, "size": font, "color": "#222222"},
            # long names wrap (vis breaks even unspaced CJK text) instead of covering neighbours
            "widthConstraint": {"maximum": _LABEL_MAX_PX},
            # size by number of neighbours; the square root is applied in the page's script
            "scaling": {
                "min": 6 if big else 9,
                "max": 30 if big else 36,
                "label": {"enabled": True, "min": font, "max": 2 * font, "drawThreshold": 5,
                          "maxVisible": 30},
            },
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "face": _FONT_FACE,
                "size": 9 if big else 12,
                "align": "middle",
                "color": "#333333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "color": {"inherit": False},
        },
        "groups": {
            kind: {
                "shape": style.shape,
                "color": {
                    "background": style.background,
                    "border": style.border,
                    "highlight": {"background": style.background, "border": "#000000"},
                    "hover": {"background": style.background, "border": "#000000"},
                },
                "font": {"color": style.font_color},
            }
            for kind, style in NODE_STYLES.items()
        },
    }


@functools.cache
def _vis(name: str) -> Markup:
    """A file of the vis-network copy bundled with pyvis, to inline (pyvis is not imported)."""
    spec = importlib.util.find_spec("pyvis")
    assert spec is not None and spec.submodule_search_locations, "pyvis is a dependency"
    folder = Path(next(iter(spec.submodule_search_locations))) / "templates/lib/vis-9.1.2"
    text = (folder / name).read_text(encoding="utf-8")
    if "</script" in text.lower() or "</style" in text.lower():  # could end its element
        raise RuntimeError(f"{folder / name} cannot be inlined")
    return Markup(text)


@functools.cache
def _template() -> Template:
    env = Environment(autoescape=True, keep_trailing_newline=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env.from_string(_TEMPLATE)


_CSP = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
)

# Rendered by _template() with autoescape on. `nodes`, `edges`, `groups`, `kind_names`,
# `edge_styles` and `focus` go through tojson (escapes < > & '); `options` is JSON made from
# _options() (no text from the graph); `vis_js`/`vis_css` are vis-network's own files.
# Anything from the graph reaches the DOM through textContent/innerText only.
_TEMPLATE = """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ heading }}</title>
<style>{{ vis_css }}</style>
<script>{{ vis_js }}</script>
<style>
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; background: #ffffff;
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
  "Microsoft YaHei", "PingFang SC", sans-serif; }
#kg-network { position: absolute; top: 0; right: 0; bottom: 0; left: 284px; }
@media (max-width: 800px) { #kg-network { left: 0; } }
#kg-panel { position: fixed; top: 12px; left: 12px; z-index: 10; width: 260px;
  max-height: calc(100% - 24px); overflow-y: auto; box-sizing: border-box;
  background: rgba(255, 255, 255, 0.95); border: 1px solid #c8c8c8; border-radius: 6px;
  padding: 8px 12px; font-size: 13px; color: #222222; line-height: 1.5;
  box-shadow: 0 1px 4px rgba(0, 0, 0, 0.12); }
#kg-panel h1 { font-size: 15px; margin: 0 0 6px 0; overflow-wrap: anywhere; }
#kg-panel h2 { font-size: 12px; margin: 6px 0 2px 0; color: #666666; font-weight: normal; }
#kg-search { position: relative; }
#kg-q { width: 100%; box-sizing: border-box; font: inherit; padding: 3px 6px;
  border: 1px solid #b0b0b0; border-radius: 4px; }
#kg-results { list-style: none; margin: 2px 0 0 0; padding: 0; position: absolute;
  left: 0; right: 0; z-index: 20; background: #ffffff; border: 1px solid #b0b0b0;
  border-radius: 4px; box-shadow: 0 2px 6px rgba(0, 0, 0, 0.15); }
#kg-results li { padding: 3px 6px; cursor: pointer; overflow-wrap: anywhere; }
#kg-results li[aria-selected="true"], #kg-results li:hover { background: #e8f0fa; }
#kg-results .kg-extra { color: #777777; margin-left: 6px; font-size: 12px; }
.kg-row { display: flex; align-items: center; gap: 6px; margin-top: 6px; }
#kg-group { flex: 1; min-width: 0; font: inherit; }
#kg-legend ul { list-style: none; margin: 0; padding: 0; }
#kg-legend li { display: flex; align-items: center; gap: 6px; }
#kg-legend label { display: flex; align-items: center; gap: 6px; cursor: pointer; }
#kg-legend svg { flex: none; }
#kg-legend .kg-count { color: #777777; margin-left: auto; padding-left: 8px; }
#kg-status { margin: 6px 0 0 0; color: #555555; font-size: 12px; }
#kg-empty { position: fixed; top: 45%; left: 0; right: 0; text-align: center;
  font-size: 18px; color: #555555; }
div.vis-tooltip { white-space: pre-wrap; max-width: 420px; font-family: inherit; }
</style>
</head>
<body>
<div id="kg-network" role="img" aria-label="{{ heading }}"></div>
<div id="kg-panel">
<h1>{{ heading }}</h1>
<div id="kg-search" role="search">
<input id="kg-q" type="search" placeholder="搜索姓名或拼音" \
autocomplete="off" spellcheck="false" aria-label="搜索姓名或拼音" aria-controls="kg-results">
<ul id="kg-results" role="listbox" hidden></ul>
</div>
{%- if groups %}
<label class="kg-row">学习组 <select id="kg-group">
<option value="-1">全部</option>
{%- for group in groups %}
<option value="{{ loop.index0 }}">{{ group.label }}</option>
{%- endfor %}
</select></label>
{%- endif %}
<div id="kg-legend" role="note">
<h2>节点</h2>
<ul>
{%- for item in node_legend %}
<li data-kind="{{ item.key }}"><label><input type="checkbox" checked \
data-kind="{{ item.key }}"><svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">
{%- if item.style.shape == "dot" -%}
<circle cx="9" cy="9" r="6.5" fill="{{ item.style.background }}" \
stroke="{{ item.style.border }}" stroke-width="1.5"/>
{%- elif item.style.shape == "box" -%}
<rect x="1.5" y="4" width="15" height="10" rx="2" fill="{{ item.style.background }}" \
stroke="{{ item.style.border }}" stroke-width="1.5"/>
{%- elif item.style.shape == "triangle" -%}
<polygon points="9,2 16.5,15.5 1.5,15.5" fill="{{ item.style.background }}" \
stroke="{{ item.style.border }}" stroke-width="1.5"/>
{%- else -%}
<polygon points="9,1.5 16.5,9 9,16.5 1.5,9" fill="{{ item.style.background }}" \
stroke="{{ item.style.border }}" stroke-width="1.5"/>
{%- endif -%}
</svg><span>{{ item.style.name }}</span></label><span class="kg-count">{{ item.count }}</span></li>
{%- endfor %}
</ul>
<h2>关系</h2>
<ul>
{%- for item in edge_legend %}
<li data-kind="{{ item.key }}"><svg width="28" height="10" viewBox="0 0 28 10" \
aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="{{ item.style.color }}" \
stroke-width="2"{% if item.dasharray %} stroke-dasharray="{{ item.dasharray }}"{% endif %}/>\
</svg><span>{{ item.style.name }}</span></li>
{%- endfor %}
</ul>
</div>
<p id="kg-status" aria-live="polite"></p>
</div>
{%- if not nodes %}
<div id="kg-empty">{{ empty_note }}</div>
{%- endif %}
<script>
(function () {
  "use strict";
  var root = document.documentElement;
  var kindNames = {{ kind_names|tojson }};
  var kindOrder = ["person", "organisation", "place", "group"];
  var edgeStyles = {{ edge_styles|tojson }};
  var fontColors = {{ font_colors|tojson }};
  var focusId = {{ focus|tojson }};
  var nodeData = {{ nodes|tojson }};
  var edgeData = {{ edges|tojson }};
  var options = {{ options }};
  var big = {{ big|tojson }};
  var DIM = 0.12;

  // Node size: by number of neighbours, on a square-root scale.
  options.nodes.scaling.customScalingFunction = function (min, max, total, value) {
    return max === min ? 0 : Math.sqrt((value - min) / (max - min));
  };
  function edgeLook(e, dim) {
    var style = edgeStyles[e.kind];
    return {
      id: e.id,
      dimmed: dim,
      color: {color: style.color, highlight: style.color, hover: style.color,
              opacity: dim ? DIM : 1},
      font: dim ? {color: "rgba(51,51,51,0.12)", strokeColor: "rgba(255,255,255,0.12)"}
                : {color: "#333333", strokeColor: "#ffffff"}
    };
  }
  var byId = {};
  nodeData.forEach(function (n) { byId[n.id] = n; });
  edgeData.forEach(function (e) {
    e.color = edgeLook(e, false).color;
    e.dashes = edgeStyles[e.kind].dashes;
    e.width = edgeStyles[e.kind].width;
  });

  var nodes = new vis.DataSet(nodeData);
  var edges = new vis.DataSet(edgeData);
  var hiddenKinds = {};
  var groupIndex = -1;
  function shown(n) {
    return !hiddenKinds[n.group] &&
      (groupIndex < 0 || (n.g !== undefined && n.g.indexOf(groupIndex) >= 0));
  }
  var nodeView = new vis.DataView(nodes, {filter: function (n) { return shown(byId[n.id]); }});
  var edgeView = new vis.DataView(edges, {filter: function (e) {
    return shown(byId[e.from]) && shown(byId[e.to]);
  }});
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, {nodes: nodeView, edges: edgeView}, options);
  network.fit({animation: false});

  var statusLine = document.getElementById("kg-status");
  function status() {
    statusLine.textContent = "显示 " + nodeView.length + " / " + nodes.length + " 个节点，" +
      edgeView.length + " / " + edges.length + " 条关系";
    root.setAttribute("data-kg-shown-nodes", String(nodeView.length));
    root.setAttribute("data-kg-shown-edges", String(edgeView.length));
  }

  // Clicking a node dims everything but it and its neighbours; clicking the background undoes it.
  var lit = null;
  function highlight(id) {
    lit = id;
    var keep = {};
    if (id !== null) {
      keep[id] = true;
      network.getConnectedNodes(id).forEach(function (other) { keep[other] = true; });
    }
    if (big) {
      // Change vis-network 9.1.2's drawn nodes and edges in place: updating the DataSets
      // restyles every node and edge one by one, seconds for ten thousand (bench/view.py).
      var body = network.body;
      body.nodeIndices.forEach(function (n) {
        body.nodes[n].options.opacity = id === null || keep[n] ? 1 : DIM;
      });
      body.edgeIndices.forEach(function (e) {
        var edge = body.edges[e];
        edge.options.color.opacity = id === null || edge.fromId === id || edge.toId === id
          ? 1 : DIM;
      });
      network.redraw();
    } else {
      var nodeUpdates = [];
      nodes.forEach(function (n) {
        var opacity = id === null || keep[n.id] ? 1 : DIM;
        if ((n.opacity === undefined ? 1 : n.opacity) !== opacity) {
          nodeUpdates.push({id: n.id, opacity: opacity, font: {
            color: opacity < 1 ? "rgba(34,34,34,0.2)" : fontColors[n.group]}});
        }
      });
      nodes.update(nodeUpdates);
      var edgeUpdates = [];
      edges.forEach(function (e) {
        var dim = id !== null && e.from !== id && e.to !== id;
        if (Boolean(e.dimmed) !== dim) { edgeUpdates.push(edgeLook(e, dim)); }
      });
      edges.update(edgeUpdates);
    }
    root.setAttribute("data-kg-lit", id === null ? "" : String(Object.keys(keep).length));
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); }
    else if (lit !== null) { highlight(null); }
  });

  // Filters: node kinds (legend check boxes) and study group (select).
  function refresh() {
    network.unselectAll();
    highlight(null);
    nodeView.refresh();
    edgeView.refresh();
    network.fit({animation: false});
    status();
  }
  var boxes = document.querySelectorAll("#kg-legend input[data-kind]");
  Array.prototype.forEach.call(boxes, function (box) {
    box.addEventListener("change", function () {
      hiddenKinds[box.getAttribute("data-kind")] = !box.checked;
      refresh();
    });
  });
  var select = document.getElementById("kg-group");
  if (select) {
    select.addEventListener("change", function () {
      groupIndex = parseInt(select.value, 10);
      refresh();
    });
  }

  // Search: a Chinese name or its pinyin; case, diacritics, spaces and punctuation do not
  // count (the same folding as kg.network.search_key).
  function fold(text) {
    return String(text || "").normalize("NFKD").replace(/\\p{M}/gu, "").toLowerCase()
      .replace(/v/g, "u").replace(/[^\\p{L}\\p{N}]/gu, "");
  }
  var index = nodeData.map(function (n) {
    return {node: n, keys: [fold(n.label), fold(n.pinyin)]};
  });
  function search(text) {
    var key = fold(text);
    if (!key) { return []; }
    var found = [];
    index.forEach(function (entry) {
      var rank = 3;
      entry.keys.forEach(function (k) {
        var at = k ? k.indexOf(key) : -1;
        var r = at < 0 ? 3 : (k === key ? 0 : (at === 0 ? 1 : 2));
        if (r < rank) { rank = r; }
      });
      if (rank < 3) { found.push({rank: rank, node: entry.node}); }
    });
    found.sort(function (a, b) {
      return a.rank - b.rank ||
        kindOrder.indexOf(a.node.group) - kindOrder.indexOf(b.node.group) ||
        a.node.label.length - b.node.label.length ||
        (a.node.label < b.node.label ? -1 : a.node.label > b.node.label ? 1 : 0);
    });
    return found.slice(0, 8).map(function (f) { return f.node; });
  }
  function pick(id) {
    var n = byId[id];
    if (!n) { return; }
    if (!shown(n)) {  // hidden by a filter: show everything again
      hiddenKinds = {};
      groupIndex = -1;
      Array.prototype.forEach.call(boxes, function (box) { box.checked = true; });
      if (select) { select.value = "-1"; }
      refresh();
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, {scale: Math.max(network.getScale(), 1), animation: false});
    list.hidden = true;
  }
  var input = document.getElementById("kg-q");
  var list = document.getElementById("kg-results");
  var results = [];
  var active = 0;
  function showResults() {
    results = search(input.value);
    active = 0;
    while (list.firstChild) { list.removeChild(list.firstChild); }
    results.forEach(function (n, i) {
      var item = document.createElement("li");
      item.setAttribute("role", "option");
      item.setAttribute("aria-selected", i === active ? "true" : "false");
      var name = document.createElement("span");
      name.textContent = n.label;
      var extra = document.createElement("span");
      extra.className = "kg-extra";
      extra.textContent = (n.pinyin ? n.pinyin + " · " : "") + kindNames[n.group];
      item.appendChild(name);
      item.appendChild(extra);
      item.addEventListener("mousedown", function (event) {
        event.preventDefault();
        pick(n.id);
      });
      list.appendChild(item);
    });
    if (fold(input.value) && !results.length) {
      var none = document.createElement("li");
      none.textContent = "没有找到";
      list.appendChild(none);
    }
    list.hidden = !fold(input.value);
  }
  function move(step) {
    if (!results.length) { return; }
    active = (active + step + results.length) % results.length;
    Array.prototype.forEach.call(list.children, function (item, i) {
      item.setAttribute("aria-selected", i === active ? "true" : "false");
    });
  }
  input.addEventListener("input", showResults);
  input.addEventListener("focus", showResults);
  input.addEventListener("blur", function () { list.hidden = true; });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      if (results.length) { pick(results[active].id); }
    } else if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
    else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
    else if (event.key === "Escape") { input.value = ""; showResults(); }
  });

  // Keep the whole graph in view when the window is resized, until the reader zooms or pans.
  var moved = false;
  network.on("zoom", function () { moved = true; });
  network.on("dragEnd", function (params) { if (!params.nodes.length) { moved = true; } });
  window.addEventListener("resize", function () {
    if (!moved) { network.fit({animation: false}); }
  });
  if (focusId !== null) {
    network.selectNodes([focusId]);
    highlight(focusId);
  }
  status();
  window.kgNetwork = network;  // for the browser console and tests
  window.kgView = {network: network, nodes: nodes, edges: edges, nodeView: nodeView,
                   edgeView: edgeView, search: search, pick: pick, highlight: highlight,
                   fold: fold};
  root.setAttribute("data-kg-nodes", String(nodes.length));
  root.setAttribute("data-kg-edges", String(edges.length));
  network.once("afterDrawing", function () {
    window.kgDrawnAt = performance.now();
    root.setAttribute("data-kg-drawn", "true");
  });
  root.setAttribute("data-kg-status", "ready");
})();
</script>
</body>
</html>
"""
