"""Fixtures the tests of kg.sparql share: the small graphs and the graph of jiangsu.txt."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from kg.extraction import read_text
from kg.rdf.graph import build_graph

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL = FIXTURES / "small.ttl"
EXTRA = FIXTURES / "queries" / "extra.ttl"


@pytest.fixture(scope="session")
def default_params() -> dict[str, dict[str, str]]:
    """The parameters each named query is run with when a test runs every query (provenance
    needs a person; the other queries' parameters are optional)."""
    return {"provenance": {"person": "王一"}}


@pytest.fixture(scope="module")
def small() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(SMALL, format="turtle")
    return graph


@pytest.fixture(scope="module")
def extended() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(SMALL, format="turtle")
    graph.parse(EXTRA, format="turtle")
    return graph


@pytest.fixture(scope="module")
def jiangsu_graph(jiangsu: str) -> rdflib.Graph:
    """The graph of tests/fixtures/jiangsu.txt, built as ``kg build`` builds it."""
    return build_graph([read_text(jiangsu)])
