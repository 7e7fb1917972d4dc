"""The knowledge graph as a network: read (:mod:`~kg.view.network`), selected
(:mod:`~kg.view.select`), laid out (:mod:`~kg.view.layout`), drawn as one offline HTML page
(:mod:`~kg.view.page`) and measured (:mod:`~kg.view.stats`).

:mod:`kg.view.exports` (GraphML and GEXF exporters) is not imported here: importing it
registers the exporters, which ``kg.cli`` does.
"""

from __future__ import annotations

from kg.view.kinds import EDGE_KINDS, NODE_KINDS
from kg.view.layout import layout
from kg.view.network import to_networkx
from kg.view.page import BIG, Page, render_network, render_view, view_page
from kg.view.select import (
    around,
    close_matches,
    find_node,
    group_members,
    group_view,
    place_tree,
    search_key,
)
from kg.view.stats import Ranked, Stats, format_stats, graph_stats, network_stats

__all__ = [
    "BIG",
    "EDGE_KINDS",
    "NODE_KINDS",
    "Page",
    "Ranked",
    "Stats",
    "around",
    "close_matches",
    "find_node",
    "format_stats",
    "graph_stats",
    "group_members",
    "group_view",
    "layout",
    "network_stats",
    "place_tree",
    "render_network",
    "render_view",
    "search_key",
    "to_networkx",
    "view_page",
]
