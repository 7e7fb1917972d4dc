"""Fixtures of the view's tests: the small graph as a network, the bundled report's graph."""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib

from kg.extract import extract
from kg.rdf.graph import Source, build_graph
from kg.view.network import to_networkx
from tests.view.helpers import small_graph


@pytest.fixture()
def network() -> nx.MultiDiGraph:
    """tests/fixtures/small.ttl as a network (a copy each time: tests may change it)."""
    return to_networkx(small_graph())


@pytest.fixture(scope="session")
def transcript_graph(transcript: str) -> rdflib.Graph:
    """The bundled report's graph, as ``kg build`` makes it."""
    text, extraction = extract(transcript)
    return build_graph([Source(text, extraction, "transcript.txt")])
