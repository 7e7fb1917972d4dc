"""Network analytics of the graph: how big, who is most connected, who bridges the groups.

Measures are taken on :func:`kg.view.network.to_networkx`'s graph seen as a simple undirected
graph (two nodes are neighbours if any edge joins them, either way), so a person with two
posts in one organisation has one neighbour there, not two.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import rdflib

from kg.chinese import display_width
from kg.view.kinds import EDGE_KINDS, NODE_KINDS
from kg.view.network import to_networkx

__all__ = ["Ranked", "Stats", "format_stats", "graph_stats", "network_stats"]

RANKED_KINDS = ("person", "organisation")
EXACT_UP_TO = 2000  # nodes; above, betweenness is estimated from BETWEENNESS_SAMPLE sources
BETWEENNESS_SAMPLE = 500


@dataclass(frozen=True, slots=True)
class Ranked:
    """A node and its score."""

    id: str
    label: str
    kind: str
    value: float


@dataclass(frozen=True, slots=True)
class Stats:
    """What :func:`network_stats` measured.

    ``nodes_by_kind`` and ``edges_by_kind`` follow :data:`kg.view.kinds.NODE_KINDS` and
    :data:`kg.view.kinds.EDGE_KINDS`. ``degree`` ranks people and organisations by their number of
    neighbours, ``betweenness`` by normalised betweenness centrality (the share of shortest
    paths between other nodes that run through them), highest first, ties by label.
    ``betweenness_sample`` is 0 when betweenness is exact, else the number of sources it was
    estimated from. ``component_sizes`` is largest first.
    """

    nodes: int
    edges: int
    nodes_by_kind: tuple[tuple[str, int], ...]
    edges_by_kind: tuple[tuple[str, int], ...]
    degree: tuple[Ranked, ...]
    betweenness: tuple[Ranked, ...]
    betweenness_sample: int
    components: int
    component_sizes: tuple[int, ...]


def graph_stats(graph: rdflib.Graph, *, top: int = 5) -> Stats:
    """:func:`network_stats` of an RDF graph in the shape ``kg build`` writes."""
    return network_stats(to_networkx(graph), top=top)


def network_stats(network: nx.MultiDiGraph, *, top: int = 5) -> Stats:
    """Count, rank and split the network.

    Args:
        network: A graph from :func:`kg.view.network.to_networkx` (or a part of one).
        top: How many people and organisations to rank.

    Returns:
        Counts by node and edge kind, the ``top`` people and organisations by degree and by
        betweenness, and the connected components' sizes.
    """
    simple = nx.Graph()
    simple.add_nodes_from(network.nodes)
    simple.add_edges_from((u, v) for u, v in network.edges() if u != v)
    n = simple.number_of_nodes()
    sample = BETWEENNESS_SAMPLE if n > EXACT_UP_TO else 0
    betweenness = (nx.betweenness_centrality(simple, k=sample, seed=0) if sample
                   else nx.betweenness_centrality(simple))
    kinds = dict(network.nodes(data="kind"))
    edge_kinds = [kind for _, _, kind in network.edges(data="kind")]

    def ranked(scores: dict[str, float]) -> tuple[Ranked, ...]:
        rows = [Ranked(node, network.nodes[node].get("label", node), kinds[node], value)
                for node, value in scores.items() if kinds.get(node) in RANKED_KINDS]
        rows.sort(key=lambda r: (-r.value, r.label, r.id))
        return tuple(rows[:top])

    sizes = sorted((len(c) for c in nx.connected_components(simple)), reverse=True)
    return Stats(
        nodes=n,
        edges=network.number_of_edges(),
        nodes_by_kind=tuple((k, sum(1 for v in kinds.values() if v == k)) for k in NODE_KINDS),
        edges_by_kind=tuple((k, edge_kinds.count(k)) for k in EDGE_KINDS),
        degree=ranked({node: float(d) for node, d in simple.degree()}),
        betweenness=ranked(betweenness),
        betweenness_sample=sample,
        components=len(sizes),
        component_sizes=tuple(sizes),
    )


def format_stats(stats: Stats, *, sizes_shown: int = 10) -> str:
    """A short plain-text table of the stats (aligned for CJK text in a terminal)."""
    lines = [f"nodes             {stats.nodes}"]
    lines += [f"  {kind:<16}{count}" for kind, count in stats.nodes_by_kind]
    lines.append(f"edges             {stats.edges}")
    lines += [f"  {kind:<16}{count}" for kind, count in stats.edges_by_kind if count]
    shown = ", ".join(str(s) for s in stats.component_sizes[:sizes_shown])
    more = ", …" if len(stats.component_sizes) > sizes_shown else ""
    lines.append(f"components        {stats.components}" + (f" (sizes {shown}{more})"
                                                             if stats.components else ""))
    lines += ["", "most connected (neighbours)"]
    lines += _table(stats.degree, "{:.0f}")
    how = (f", estimated from {stats.betweenness_sample} sources"
           if stats.betweenness_sample else "")
    lines += ["", f"bridges (betweenness centrality{how})"]
    lines += _table(stats.betweenness, "{:.3f}")
    return "\n".join(lines)


def _table(rows: tuple[Ranked, ...], number: str) -> list[str]:
    if not rows:
        return ["  (none)"]
    width = max(display_width(r.label) for r in rows)
    return [f"  {r.label}{' ' * (width - display_width(r.label))}  {r.kind:<13}"
            f"{number.format(r.value)}" for r in rows]

