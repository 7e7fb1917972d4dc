"""Benchmark the view's Python side, no browser: each number beside a peer from the same run.

Usage: python bench/render.py [--runs 5] [--grid 40]

* Layout: :func:`kg.view.layout.layout` of a grid (40 × 40: 1,600 nodes in one component,
  so the stress layout) against networkx's ``spring_layout`` of the same grid.
* Page: the bundled report's page, :func:`kg.view.render_view` from its RDF graph (reading
  the network included), against pyvis's stock page of the same network (``Network()``,
  ``add_node``/``add_edge``, ``write_html``; see bench/view.py).

Both were tests with wall-clock limits (5 s for the grid, 0.5 s for the report's page); a
timing depends on the machine, so it is watched here, beside a peer, instead. Times are the
median of ``--runs`` runs, each after one untimed run that pays for imports and caches
(``spring_layout``, seconds a run: half as many runs and none untimed).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from view import pyvis_default  # noqa: E402  (bench/view.py)

from kg.extraction import read_text  # noqa: E402
from kg.rdf.graph import build_graph  # noqa: E402
from kg.reading import read_report  # noqa: E402
from kg.view import layout, render_view, to_networkx  # noqa: E402


def median_seconds(run: Callable[[], object], runs: int, *, warm: bool = True) -> float:
    """The median wall time of ``runs`` calls, after one untimed call if ``warm``."""
    if warm:
        run()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def grid(n_side: int) -> nx.Graph:
    graph = nx.grid_2d_graph(n_side, n_side)
    return nx.relabel_nodes(graph, {node: f"n{node[0]:03d}-{node[1]:03d}" for node in graph})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--grid", type=int, default=40, help="side of the grid laid out")
    args = parser.parse_args()

    square = grid(args.grid)
    rows = [
        (f"layout, grid {args.grid}×{args.grid}", "kg.view.layout",
         median_seconds(lambda: layout(square), args.runs)),
        ("", "networkx spring_layout",
         median_seconds(lambda: nx.spring_layout(square, seed=0), max(1, args.runs // 2),
                        warm=False)),
    ]

    report = ROOT / "data" / "transcript.txt"
    read = read_text(read_report(report).text, name=report.name)
    graph = build_graph([read])
    network = to_networkx(graph)
    with tempfile.TemporaryDirectory() as tmp:
        rows += [
            (f"page, {report.name}", "kg.view.render_view",
             median_seconds(lambda: render_view(graph, title=read.extraction.title), args.runs)),
            ("", "pyvis stock page",
             median_seconds(lambda: pyvis_default(network, Path(tmp)), args.runs)),
        ]

    print(f"{'what':<28}{'how':<26}{'seconds':>9}")
    for what, how, seconds in rows:
        print(f"{what:<28}{how:<26}{seconds:>9.3f}")
    print(f"\nmedian of {args.runs} runs, each after one untimed run (spring_layout: "
          f"{max(1, args.runs // 2)}, none untimed); {network.number_of_nodes()} nodes in the "
          f"report")


if __name__ == "__main__":
    main()
