"""Fixtures of the view's tests: the small graph as a network, the bundled report's graph."""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib

from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.view.network import to_networkx
from tests.view.helpers import small_graph


@pytest.fixture()
def network() -> nx.MultiDiGraph:
    """tests/fixtures/small.ttl as a network (a copy each time: tests may change it)."""
    return to_networkx(small_graph())


@pytest.fixture(scope="session")
def transcript_graph(transcript: str) -> rdflib.Graph:
    """The bundled report's graph, as ``kg build`` makes it."""
    return build_graph([read_text(transcript, name="transcript.txt")])
