"""The network of people, organisations, places and groups as GraphML and GEXF, for Gephi and
Cytoscape: two exporters added to :data:`kg.rdf.export.EXPORTERS`."""

from __future__ import annotations

import io
from collections.abc import Callable

import networkx as nx

from kg.rdf.export import Statements, exporter
from kg.view.network import to_networkx


def _network_file(statements: Statements, writer: Callable[..., None]) -> str:
    """The graph as networkx sees it, written by one of networkx's writers."""
    network = nx.DiGraph(to_networkx(statements.graph))  # one edge per pair, for Gephi
    buffer = io.BytesIO()
    writer(network, buffer)
    return buffer.getvalue().decode("utf-8")


@exporter("graphml", "graphml")
def _graphml(statements: Statements) -> str:
    return _network_file(statements, nx.write_graphml)


@exporter("gexf", "gexf")
def _gexf(statements: Statements) -> str:
    return _network_file(statements, nx.write_gexf)
