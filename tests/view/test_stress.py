"""kg.view.stress: the layout of big components (through kg.view.layout: test_layout.py)."""

from __future__ import annotations

import math

from kg.view.stress import PIVOTS, stress_layout


def test_a_ring_is_drawn_round_and_the_same_each_time() -> None:
    n = 3 * PIVOTS
    ring = [(i, (i + 1) % n) for i in range(n)]
    positions = stress_layout(n, ring)
    assert positions == stress_layout(n, ring)
    assert len({(round(x, 6), round(y, 6)) for x, y in positions}) == n
    cx = sum(x for x, _ in positions) / n
    cy = sum(y for _, y in positions) / n
    radii = [math.dist((x, y), (cx, cy)) for x, y in positions]
    assert max(radii) < 2 * min(radii)  # a ring, not folded onto itself
    edges = [math.dist(positions[u], positions[v]) for u, v in ring]
    assert 0.3 < sum(edges) / n < 3


def test_leaves_of_one_parent_are_spread_apart() -> None:
    star = [(0, leaf) for leaf in range(1, 150)]
    positions = stress_layout(150, star)
    assert len({(round(x, 3), round(y, 3)) for x, y in positions}) == 150
