"""Draw the knowledge graph, or part of it, as one self-contained, offline HTML page.

What is drawn comes from :func:`kg.view.network.to_networkx`: people, organisations, places
and groups, each kind with its own colour *and* shape (:mod:`kg.view.styles`), and six
kinds of edges, with a legend for both naming them (:mod:`kg.view.kinds`: the group kind as
the graph names it, 学习组 for a study meeting). A node's size grows with its number of
neighbours. Several posts of one person at one organisation are one edge, the titles joined
with "、".

The page has a search box (a Chinese name or its pinyin, folded like
:func:`kg.view.select.search_key`: "wang yi", "Wáng Yī" and "王一" all find 王一), filters
by node kind and by group, and a click on a node dims everything but the node and its
neighbours. Positions are computed here (:func:`kg.view.layout.layout`), vis physics is off,
so the page draws at once; above :data:`BIG` nodes edge labels are left to the tooltips,
fonts are smaller and edges are hidden while dragging or zooming.

The nodes and edges are added to a :class:`pyvis.network.Network` and the page is rendered
from ``templates/page.html`` through the network's Jinja environment, whose loader also
reaches pyvis's own templates: the page inlines pyvis's copy of vis-network 9.1.2 with
pyvis's in-line include, and ``templates/view.css`` and ``templates/view.js`` likewise.
Nothing is written to disk, the page makes no request, and a Content-Security-Policy
``<meta>`` (``default-src 'none'``) holds the browser to that; it lets only the page's own
two scripts run, named by their SHA-256 digests.

Untrusted text (names, titles, quotations) is only ever placed in JSON data or in
auto-escaped HTML:

* The page's data (nodes, edges, styles, kind names, focus, options) is one
  ``<script type="application/json">`` block written with Jinja's ``tojson``, which escapes
  ``<``, ``>``, ``&`` and ``'`` as ``\\u003c`` etc., so a ``</script>`` inside a name cannot
  close the element; the script reads it with ``JSON.parse``. Non-ASCII text stays readable
  UTF-8.
* Labels are drawn on a canvas. Tooltips are plain-text strings, shown by vis-network 9.x
  with ``innerText``; the search results are built with ``textContent``. No data reaches
  ``innerHTML``.
* The page title, group names in the filter and the legend go through Jinja auto-escaping.

The same graph always gives byte-identical HTML.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx
import rdflib
from jinja2 import ChoiceLoader, Environment, PackageLoader

from kg.view.kinds import EDGE_KINDS, NODE_KINDS, ROLE_ORDER, edge_names, node_names
from kg.view.layout import layout
from kg.view.network import to_networkx
from kg.view.select import around, group_members, group_view, place_tree
from kg.view.styles import EDGE_STYLES, NODE_STYLES, vis_options
from kg.view.tooltips import edge_tooltip

if TYPE_CHECKING:
    from pyvis.network import Network

__all__ = ["BIG", "Page", "render_network", "render_view", "view_page"]

BIG = 1500  # above this many nodes: no edge labels, smaller fonts, edges hidden while moving
TEMPLATE = "page.html"
LABEL_CHARS = 40  # a longer label is cut, with an ellipsis (the tooltip has more of it)
TOOLTIP_CHARS = 1200  # and a tooltip, where a longer one is cut: it stays on the screen
# script-src: the page's own scripts by their digests (:func:`_allow_scripts`), so that no
# other script could run even if text escaped its escaping
_CSP = (
    "default-src 'none'; script-src {scripts}; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; base-uri 'none'; form-action 'none'"
)
_CSP_MARK = "kg-scripts-allowed"  # stands for the digests until they are known

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
    net = _new_network()
    _add_nodes(net, network, order, layout(simple, order), dict(simple.degree()))
    names = edge_names(network.graph.get("group_kind", ""))
    for i, (source, target, kind) in enumerate(edge_keys):
        labels, evidence = merged[(source, target, kind)]
        label = "、".join(_ordered(kind, labels))
        tip = edge_tooltip(network.nodes[source]["label"], network.nodes[target]["label"],
                           names[kind], label, evidence)
        extra = {"label": cut(label, LABEL_CHARS)} if label and not big else {}
        net.add_edge(source, target, id=f"e{i}", kind=kind, title=cut(tip, TOOLTIP_CHARS),
                     **extra)
    focus = network.graph.get("focus")
    return _render(net, network, title, focus if focus in index else None, big)


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


def _new_network() -> Network:
    """An empty pyvis network that renders with this package's page template."""
    from pyvis.network import Network  # here: pyvis imports IPython (0.3 s)

    # directed: an undirected network's add_edge looks through every edge for a duplicate
    net = Network(directed=True, cdn_resources="in_line")
    net.node_ids = _NodeIds()
    net.templateEnv = _environment()
    net.path = TEMPLATE
    return net


class _NodeIds(list[str]):
    """pyvis's list of node ids, with a set beside it so that ``in`` takes constant time.

    pyvis looks each new node up in this list, and both ends of each new edge: on 10,000
    nodes that was 2 of the 5 seconds the page took (bench/view.py).
    """

    def __init__(self) -> None:
        super().__init__()
        self._known: set[str] = set()

    def append(self, node: str) -> None:
        super().append(node)
        self._known.add(node)

    def __contains__(self, node: object) -> bool:
        return node in self._known


def _add_nodes(net: Network, network: nx.MultiDiGraph, order: list[str],
               positions: dict[str, tuple[int, int]], degree: dict[str, int]) -> None:
    """Add the nodes in ``order``: kind (vis group), position, size, tooltip, pinyin and the
    groups (``g``: indices into the page's filter) a node is drawn with."""
    groups = [n for n in order if network.nodes[n]["kind"] == "group"]
    member_of: dict[str, list[int]] = {}
    for i, group in enumerate(groups):
        for node in group_members(network, group):
            member_of.setdefault(node, []).append(i)
    for node in order:
        data = network.nodes[node]
        x, y = positions[node]
        extra = {"g": member_of[node]} if node in member_of else {}
        # pyvis gives every node a shape ("dot" unless told): tell it the kind's, or it would
        # override the vis group's
        net.add_node(node, label=cut(data["label"], LABEL_CHARS),
                     shape=NODE_STYLES[data["kind"]].shape, group=data["kind"], x=x, y=y,
                     value=degree[node], title=cut(data.get("tooltip") or data["label"],
                                                   TOOLTIP_CHARS),
                     pinyin=data.get("pinyin", ""), **extra)


def cut(text: str, most: int) -> str:
    """``text``, or its first characters and an ellipsis if it is longer than ``most``."""
    return text if len(text) <= most else text[:most - 1] + "…"


def _render(net: Network, network: nx.MultiDiGraph, title: str, focus: str | None,
            big: bool) -> str:
    """The page: the template rendered with the network's nodes and edges and the legend.

    Not pyvis's ``generate_html``: it renders with a fixed set of variables (its own options
    object, sizes, menus) that carry none of the legend, filters and data this page needs.
    """
    group_kind = network.graph.get("group_kind", "")
    kinds, edges = node_names(group_kind), edge_names(group_kind)
    counts = {kind: 0 for kind in NODE_KINDS}
    for node in net.nodes:
        counts[node["group"]] += 1
    data = {
        "nodes": net.nodes,
        "edges": net.edges,
        "edgeStyles": {k: {"color": s.color, "dashes": list(s.dashes) or False,
                           "width": s.width} for k, s in EDGE_STYLES.items()},
        "kindNames": kinds,
        "fontColors": {kind: style.font_color for kind, style in NODE_STYLES.items()},
        "focus": focus,
        "options": vis_options(big),
        "big": big,
    }
    html: str = net.templateEnv.get_template(net.path).render(
        heading=title,
        csp=_CSP.format(scripts=_CSP_MARK),
        empty_note=f"图中没有可显示的{'、'.join(kinds[k] for k in NODE_KINDS[:-1])}"
                   f"或{kinds[NODE_KINDS[-1]]}。",
        node_legend=[{"key": k, "name": kinds[k], "style": NODE_STYLES[k], "count": counts[k]}
                     for k in NODE_KINDS],
        edge_legend=[{"key": k, "name": edges[k], "style": EDGE_STYLES[k],
                      "dasharray": " ".join(str(d) for d in EDGE_STYLES[k].dashes)}
                     for k in EDGE_KINDS],
        group_name=kinds["group"],
        groups=[{"label": node["label"]} for node in net.nodes if node["group"] == "group"],
        data=data,
    )
    return _allow_scripts(html)


def _allow_scripts(html: str) -> str:
    """The page with its Content-Security-Policy allowing exactly its scripts: the SHA-256
    digest of each (the JSON data block is not run, and needs none)."""
    digests = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"
        for body in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL))
    return html.replace(_CSP_MARK, digests, 1)


@functools.cache
def _environment() -> Environment:
    """Jinja for the page: this package's templates, then pyvis's (vis-network's files)."""
    env = Environment(
        loader=ChoiceLoader([PackageLoader("kg.view", "templates"),
                             PackageLoader("pyvis", "templates")]),
        autoescape=True,
        keep_trailing_newline=True,
    )
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": False}
    return env
