"""The titles scheme (kg:Titles): each title of the lexicon as a concept.

A graph states the titles its posts use (:func:`title_statements`); the ontology ships every
title of the lexicon in ``kg/ontology/titles.ttl``, made by :func:`write_titles_ontology`
from ``kg/data/titles.tsv`` (a test keeps the two in step).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.extraction.lexicon import titles
from kg.rdf import pinyin
from kg.rdf.iris import title_iri
from kg.rdf.namespace import KG, KG_NS, ORG

PINYIN = "zh-Latn-pinyin"
_HEADER = """# The titles scheme: every title kg reads (kg/data/titles.tsv), each a concept and an
# org:Role, with its Chinese, English and pinyin labels. Made from the data by
# kg.rdf.titles.write_titles_ontology; do not edit by hand.
"""


def title_statements(title: str) -> Iterator[tuple[URIRef, URIRef, URIRef | Literal]]:
    """What a graph states of a title it uses: a role and concept of kg:Titles, its labels."""
    role = title_iri(title)
    yield role, RDF.type, ORG.Role
    yield role, RDF.type, SKOS.Concept
    yield role, SKOS.inScheme, KG.Titles
    yield role, SKOS.prefLabel, Literal(title, lang="zh")
    yield role, SKOS.altLabel, Literal(pinyin.plain(title), lang=PINYIN)
    known = titles().get(title)
    if known is not None and known.english:
        yield role, SKOS.prefLabel, Literal(known.english, lang="en")


def titles_ontology() -> str:
    """Every title of the lexicon as Turtle, with rdfs:labels for ontology editors."""
    graph = Graph()
    graph.bind("kg", KG_NS)
    graph.bind("org", str(ORG))
    graph.bind("skos", str(SKOS))
    for title, known in titles().items():
        for triple in title_statements(title):
            graph.add(triple)
        graph.add((title_iri(title), RDFS.label, Literal(title, lang="zh")))
        graph.add((title_iri(title), RDFS.label, Literal(known.english, lang="en")))
    return _HEADER + graph.serialize(format="turtle")


def write_titles_ontology(path: Path) -> None:
    """Write :func:`titles_ontology` to ``path`` (``kg/ontology/titles.ttl``)."""
    path.write_text(titles_ontology(), encoding="utf-8")
