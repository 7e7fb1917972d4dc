"""The layout of a big connected component in O(n·pivots), with numpy and scipy.

1. Breadth-first distances from :data:`PIVOTS` pivots, each the node farthest from those
   before it (the first: the best-connected node).
2. Pivot MDS (Brandes & Pich 2006): the double-centred squared distances' two leading
   singular vectors.
3. Sparse stress majorisation (Ortmann, Klimenta & Brandes 2016): each node moves towards
   where its edges (length 1) and the pivots (graph distance, weighted by 1/d² and the size
   of the pivot's region) want it, which unfolds the clusters MDS folds onto each other.
4. Scaled to about one node per unit of area, nodes at one spot spread on a sunflower
   spiral, and a few Fruchterman–Reingold steps whose repulsion only reaches nearby nodes
   (a KD-tree) push apart what still overlaps.

Imported only when a component is big enough to need it (numpy and scipy take 0.1 s).
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import NDArray
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import shortest_path
from scipy.spatial import cKDTree

__all__ = ["PIVOTS", "stress_layout"]

PIVOTS = 40
_STRESS_STEPS = 50
_FR_STEPS = 40
_REACH = 2.5  # layout units: how far the Fruchterman-Reingold repulsion reaches

_Array = NDArray[np.float64]
_Ints = NDArray[np.int64]


def stress_layout(n: int, edges: list[tuple[int, int]]) -> list[tuple[float, float]]:
    """Positions of a connected component's nodes, about one unit per edge.

    Args:
        n: The number of nodes, numbered from 0.
        edges: The edges as pairs of node numbers.

    Returns:
        An (x, y) position for each node, in node order.
    """
    ends = np.array(edges, dtype=np.int64).reshape(-1, 2)
    u, v = ends[:, 0], ends[:, 1]
    pivots, dist = _pivot_distances(n, u, v)
    xy = _sparse_stress(_pivot_mds(dist), pivots, dist, u, v)
    xy -= xy.mean(axis=0)
    xy *= math.sqrt(n) / (math.sqrt((xy**2).sum(axis=1).mean()) or 1.0)
    xy = _repel_nearby(_spread_stacked(xy), u, v)
    return [(float(x), float(y)) for x, y in xy]


def _pivot_distances(n: int, u: _Ints, v: _Ints) -> tuple[list[int], _Array]:
    """The pivots and every node's breadth-first distance to each (n × pivots)."""
    adjacency = coo_matrix((np.ones(len(u)), (u, v)), shape=(n, n)).tocsr()
    adjacency = adjacency + adjacency.T
    k = min(PIVOTS, n)
    pivots = [int(np.argmax(np.asarray(adjacency.sum(axis=1)).ravel()))]
    dist = np.empty((n, k))
    nearest = np.full(n, np.inf)
    for i in range(k):
        dist[:, i] = shortest_path(adjacency, directed=False, unweighted=True,
                                   indices=pivots[-1])
        nearest = np.minimum(nearest, dist[:, i])
        if i + 1 < k:
            pivots.append(int(np.argmax(nearest)))
    return pivots, dist


def _pivot_mds(dist: _Array) -> _Array:
    """Pivot MDS: the first two principal directions of the double-centred squared distances."""
    squared = dist**2
    centred = -0.5 * (squared - squared.mean(axis=0) - squared.mean(axis=1)[:, None]
                      + squared.mean())
    left, values, _ = np.linalg.svd(centred, full_matrices=False)
    xy: _Array = left[:, :2] * values[:2]
    xy *= np.where((xy**3).sum(axis=0) < 0, -1.0, 1.0)  # a sign that does not depend on LAPACK
    return xy


def _sparse_stress(xy: _Array, pivots: list[int], dist: _Array, u: _Ints, v: _Ints) -> _Array:
    """Sparse stress majorisation: pulled by the edges (length 1) and the pivots."""
    n, k = dist.shape
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
    return xy


def _spread_stacked(xy: _Array) -> _Array:
    """Nodes the distances cannot tell apart (leaves of one parent) share a spot: spread
    them on a sunflower spiral."""
    n = len(xy)
    _, spot, size = np.unique(np.round(xy, 6), axis=0, return_inverse=True, return_counts=True)
    spot = spot.ravel()
    order = np.argsort(spot, kind="stable")
    rank = np.empty(n)
    rank[order] = np.arange(n) - np.concatenate([[0], np.cumsum(size)[:-1]])[spot[order]]
    radius = 0.55 * np.sqrt(rank + 0.5) * (size[spot] > 1)
    angle = rank * math.pi * (3 - math.sqrt(5))
    spread: _Array = xy + np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1)
    return spread


def _repel_nearby(xy: _Array, u: _Ints, v: _Ints) -> _Array:
    """A few Fruchterman–Reingold steps whose repulsion only reaches nodes within _REACH."""
    n = len(xy)
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
    return xy
