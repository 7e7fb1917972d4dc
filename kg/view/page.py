"""Draw the knowledge graph, or part of it, as one self-contained, offline HTML page.

What is drawn comes from :func:`kg.view.network.to_networkx` (see there for the RDF patterns):
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib
from jinja2 import Environment, Template
from markupsafe import Markup

from kg.view.kinds import EDGE_KINDS, EDGE_NAMES, NODE_KINDS, NODE_NAMES, ROLE_ORDER
from kg.view.layout import layout
from kg.view.network import to_networkx
from kg.view.select import around, group_members, group_view, place_tree
from kg.view.styles import EDGE_STYLES, NODE_STYLES, vis_options
from kg.view.tooltips import edge_tooltip

__all__ = ["BIG", "Page", "render_network", "render_view", "view_page"]

BIG = 1500  # above this many nodes: no edge labels, smaller fonts, edges hidden while moving
_EMPTY_NOTE = "图中没有可显示的人物、机构、地区或学习组。"

# (source, target, kind) -> the labels and evidence of the edges drawn as one
_Merged = dict[tuple[str, str, str], tuple[list[str], list[str]]]


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
        group: Draw this group (see :func:`kg.view.select.group_view`).
        place: Draw the organisation tree of this place (see :func:`kg.view.select.place_tree`).
        title: The page title (default: says what was selected).

    Returns:
        The page and the number of nodes and edges it draws.

    Raises:
        kg.errors.NodeNotFoundError: a name matches nothing (the message lists close ones).
        kg.errors.AmbiguousNameError: a name matches several nodes.
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
    """Return one self-contained HTML page drawing a graph from :mod:`kg.view.network`.

    Args:
        network: :func:`kg.view.network.to_networkx`'s graph or a subgraph of it. If
            ``network.graph["focus"]`` names a node, the page opens with it selected.
        title: Shown as the page title and at the top of the legend (plain text).

    Returns:
        The HTML page as a string.
    """
    order = sorted(network.nodes, key=lambda n: (
        NODE_KINDS.index(network.nodes[n]["kind"]), network.nodes[n]["label"], n))
    index = {node: i for i, node in enumerate(order)}
    merged = _merge_edges(network)
    edge_keys = sorted(merged, key=lambda e: (index[e[0]], index[e[1]],
                                              EDGE_KINDS.index(e[2])))
    simple = nx.Graph()
    simple.add_nodes_from(order)
    simple.add_edges_from((s, t) for s, t, _ in edge_keys)
    big = len(order) > BIG
    nodes = _nodes(network, order, layout(simple, order), dict(simple.degree()))
    edges = []
    for i, (source, target, kind) in enumerate(edge_keys):
        labels, evidence = merged[(source, target, kind)]
        label = "、".join(_ordered(kind, labels))
        tip = edge_tooltip(network.nodes[source]["label"], network.nodes[target]["label"],
                           EDGE_NAMES[kind], label, evidence)
        edge: dict[str, Any] = {"id": f"e{i}", "from": source, "to": target, "kind": kind,
                                "title": tip}
        if label and not big:
            edge["label"] = label
        edges.append(edge)
    focus = network.graph.get("focus")
    return _render(nodes, edges, title, focus if focus in index else None, big)


def _merge_edges(network: nx.MultiDiGraph) -> _Merged:
    """One drawn edge per (source, target, kind): several posts at one organisation."""
    merged: _Merged = {}
    for source, target, data in network.edges(data=True):
        labels, evidence = merged.setdefault((source, target, data["kind"]), ([], []))
        labels.extend(part for part in data.get("label", "").split("、") if part)
        if data.get("evidence"):
            evidence.append(data["evidence"])
    return merged


def _ordered(kind: str, labels: list[str]) -> list[str]:
    """An edge's distinct labels: attendance roles in :data:`kg.view.kinds.ROLES` order, the
    rest sorted."""
    if kind == "attendance":
        return sorted(set(labels), key=lambda r: (
            ROLE_ORDER.index(r) if r in ROLE_ORDER else len(ROLE_ORDER), r))
    return sorted(set(labels))


def _nodes(network: nx.MultiDiGraph, order: list[str],
           positions: dict[str, tuple[int, int]], degree: dict[str, int]) -> list[dict[str, Any]]:
    """The nodes in ``order``: kind (vis group), position, size, tooltip, pinyin and the
    groups (``g``: indices into the page's filter) a node is drawn with."""
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
            "value": degree[node],
            "title": data.get("tooltip") or data["label"],
            "pinyin": data.get("pinyin", ""),
        }
        if node in member_of:
            item["g"] = member_of[node]
        nodes.append(item)
    return nodes


def _render(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], title: str,
            focus: str | None, big: bool) -> str:
    counts = {kind: 0 for kind in NODE_KINDS}
    for node in nodes:
        counts[node["group"]] += 1
    html: str = _template().render(
        heading=title,
        vis_js=_vis("vis-network.min.js"),
        vis_css=_vis("vis-network.css"),
        csp=_CSP,
        empty_note=_EMPTY_NOTE,
        node_legend=[{"key": k, "name": NODE_NAMES[k], "style": NODE_STYLES[k],
                      "count": counts[k]} for k in NODE_KINDS],
        edge_legend=[{"key": k, "name": EDGE_NAMES[k], "style": EDGE_STYLES[k],
                      "dasharray": " ".join(str(d) for d in EDGE_STYLES[k].dashes)}
                     for k in EDGE_KINDS],
        groups=[{"label": node["label"]} for node in nodes if node["group"] == "group"],
        nodes=nodes,
        edges=edges,
        edge_styles={k: {"color": s.color, "dashes": list(s.dashes) or False, "width": s.width}
                     for k, s in EDGE_STYLES.items()},
        kind_names=NODE_NAMES,
        font_colors={kind: style.font_color for kind, style in NODE_STYLES.items()},
        big=big,
        focus=focus,
        options=Markup(json.dumps(vis_options(big), sort_keys=True)),
    )
    return html


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
</svg><span>{{ item.name }}</span></label><span class="kg-count">{{ item.count }}</span></li>
{%- endfor %}
</ul>
<h2>关系</h2>
<ul>
{%- for item in edge_legend %}
<li data-kind="{{ item.key }}"><svg width="28" height="10" viewBox="0 0 28 10" \
aria-hidden="true"><line x1="1" y1="5" x2="27" y2="5" stroke="{{ item.style.color }}" \
stroke-width="2"{% if item.dasharray %} stroke-dasharray="{{ item.dasharray }}"{% endif %}/>\
</svg><span>{{ item.name }}</span></li>
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
  // count (the same folding as kg.view.select.search_key).
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
