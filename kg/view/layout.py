"""Where each node is drawn: deterministic positions, computed before the page opens.

Each connected component is laid out alone: below :data:`SPRING_MAX` nodes with networkx's
Fruchterman–Reingold (``spring_layout``, seeded); from :data:`SPRING_MAX` nodes with
:func:`kg.view.stress.stress_layout` (pivot MDS, sparse stress, then local
Fruchterman–Reingold), because networkx's layouts do not scale: ``spring_layout`` took 3.6 s
on 1,000 nodes; on 10,000, 235 s with ``method="energy"`` and 22 s for 5 of its 50
iterations with ``method="force"``, and ``spectral_layout`` 530 s, against 0.1 s and about
2 s with stress. The components are then turned so their longer side is horizontal and
packed in rows, largest first.
"""

from __future__ import annotations

import math
import random

import networkx as nx

__all__ = ["SPRING_MAX", "layout"]

SPRING_MAX = 100  # components this big or bigger get the stress layout
_SEED = 20240601
_EDGE_PX = 130.0  # pixels per layout unit (roughly one edge length)
_GAP = 1.0  # layout units between packed components

# A component's nodes, their positions (from 0, 0), its width and height.
_Piece = tuple[list[str], list[tuple[float, float]], float, float]


def layout(graph: nx.Graph, order: list[str] | None = None) -> dict[str, tuple[int, int]]:
    """Deterministic positions in pixels, centred on (0, 0), about one edge length apart.

    Args:
        graph: An undirected graph.
        order: Its nodes in a stable order (default: sorted); ties are broken by it.

    Returns:
        Integer (x, y) pixel positions keyed by node.
    """
    nodes = order if order is not None else sorted(graph.nodes)
    placed = _pack(_pieces(graph, nodes))
    if not placed:
        return {}
    mid_x = (min(x for x, _ in placed.values()) + max(x for x, _ in placed.values())) / 2
    mid_y = (min(y for _, y in placed.values()) + max(y for _, y in placed.values())) / 2
    return {
        node: (round((x - mid_x) * _EDGE_PX), round((y - mid_y) * _EDGE_PX))
        for node, (x, y) in placed.items()
    }


def _pieces(graph: nx.Graph, nodes: list[str]) -> list[_Piece]:
    """Each component laid out alone, turned wide side horizontal, largest first."""
    rank = {node: i for i, node in enumerate(nodes)}
    components = sorted(
        (sorted(component, key=rank.__getitem__) for component in nx.connected_components(graph)),
        key=lambda c: (-len(c), rank[c[0]]),
    )
    rng = random.Random(_SEED)
    pieces: list[_Piece] = []
    for component in components:
        local = {node: i for i, node in enumerate(component)}
        adjacency = sorted(
            (min(local[u], local[v]), max(local[u], local[v]))
            for u, v in graph.subgraph(component).edges()
        )
        seed = rng.randrange(2**31)
        if len(component) < SPRING_MAX:
            pos = _spring(len(component), adjacency, seed)
        else:
            # imported here: only big components need numpy and scipy (0.1 s to import)
            from kg.view.stress import stress_layout

            pos = stress_layout(len(component), adjacency)
        pos = _principal_axis_horizontal(pos)
        min_x = min(p[0] for p in pos)
        min_y = min(p[1] for p in pos)
        pos = [(x - min_x, y - min_y) for x, y in pos]
        pieces.append((component, pos, max(p[0] for p in pos), max(p[1] for p in pos)))
    return pieces


def _pack(pieces: list[_Piece]) -> dict[str, tuple[float, float]]:
    """Shelf packing: rows of components, one unit of gap around each."""
    area = sum((w + _GAP) * (h + _GAP) for _, _, w, h in pieces)
    row_width = max([math.sqrt(area) * 1.3, *(w for _, _, w, _ in pieces)])
    result: dict[str, tuple[float, float]] = {}
    cursor_x = cursor_y = row_height = 0.0
    for component, pos, width, height in pieces:
        if cursor_x > 0 and cursor_x + width > row_width:
            cursor_x, cursor_y, row_height = 0.0, cursor_y + row_height + _GAP, 0.0
        for node, (x, y) in zip(component, pos, strict=True):
            result[node] = (cursor_x + x, cursor_y + y)
        cursor_x += width + _GAP
        row_height = max(row_height, height)
    return result


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
