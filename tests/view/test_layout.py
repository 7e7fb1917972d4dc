"""kg.view.layout: deterministic positions (how fast: bench/render.py)."""

from __future__ import annotations

import networkx as nx

from kg.view.layout import SPRING_MAX, layout


def _grid_graph(n_side: int) -> nx.Graph:
    graph = nx.grid_2d_graph(n_side, n_side)
    return nx.relabel_nodes(graph, {node: f"n{node[0]:03d}-{node[1]:03d}" for node in graph})


def test_big_components_get_the_stress_layout_apart() -> None:
    graph = _grid_graph(40)  # 1,600 nodes in one component
    assert graph.number_of_nodes() >= SPRING_MAX
    positions = layout(graph)
    assert len(set(positions.values())) == len(positions)
    # neighbours end up close, the grid's corners far apart
    lengths = sorted(abs(positions[u][0] - positions[v][0]) + abs(positions[u][1] - positions[v][1])
                     for u, v in graph.edges())
    corner = abs(positions["n000-000"][0] - positions["n039-039"][0]) + abs(
        positions["n000-000"][1] - positions["n039-039"][1])
    assert lengths[len(lengths) // 2] * 20 < corner
    assert layout(graph) == positions  # deterministic


def test_components_are_packed_apart_and_centred() -> None:
    graph = nx.Graph()
    graph.add_edges_from([("a", "b"), ("b", "c"), ("x", "y")])
    graph.add_node("alone")
    positions = layout(graph)
    assert set(positions) == {"a", "b", "c", "x", "y", "alone"}
    assert all(isinstance(v, int) for xy in positions.values() for v in xy)
    assert len(set(positions.values())) == len(positions)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert abs(min(xs) + max(xs)) <= 1 and abs(min(ys) + max(ys)) <= 1
    assert layout(graph, sorted(graph.nodes)) == positions


def test_a_chain_lies_horizontally() -> None:
    graph = nx.path_graph([f"n{i:02d}" for i in range(20)])
    positions = layout(graph)
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    assert max(xs) - min(xs) > max(ys) - min(ys)


def test_nothing_to_lay_out() -> None:
    assert layout(nx.Graph()) == {}
