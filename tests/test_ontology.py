"""The project's own terms are closed and declared in ontology/kg.ttl with zh and en labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDFS, Graph, URIRef

from kg.extract import extract
from kg.graph import Source, build_graph
from kg.namespace import KG, KG_NS

ONTOLOGY = Path(__file__).resolve().parents[1] / "ontology" / "kg.ttl"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY)


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.speakr  # a typo raises instead of minting a new IRI


def test_every_term_is_declared_with_zh_and_en_labels(ontology: Graph) -> None:
    for name in KG.__annotations__:
        term = URIRef(KG_NS + name)
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, name


def test_every_term_the_graph_uses_is_declared(ontology: Graph, transcript: str) -> None:
    text, ex = extract(transcript)
    graph = build_graph([Source(text, ex)])
    used = {t for triple in graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used
    declared = set(ontology.subjects(RDFS.label, None))
    assert used <= declared, used - declared
