"""The project's own terms are closed and declared in ontology/kg.ttl (the titles in
ontology/titles.ttl) with zh and en labels."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef
from rdflib.namespace import DCTERMS, SKOS

from kg.extraction import read_text
from kg.extraction.lexicon import titles
from kg.rdf.graph import build_graph
from kg.rdf.iris import title_iri
from kg.rdf.namespace import KG, KG_NS, ORG, SCHEMA
from kg.rdf.titles import titles_ontology

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY / "kg.ttl").parse(ONTOLOGY / "titles.ttl")


def test_the_titles_ontology_is_made_from_the_data() -> None:
    # if this fails after an edit of kg/data/titles.tsv, remake it:
    # python -c 'from pathlib import Path; from kg.rdf.titles import write_titles_ontology;
    #            write_titles_ontology(Path("kg/ontology/titles.ttl"))'
    assert (ONTOLOGY / "titles.ttl").read_text(encoding="utf-8") == titles_ontology()


def test_namespace_is_closed() -> None:
    with pytest.raises(AttributeError):
        _ = KG.speakr  # a typo raises instead of minting a new IRI


def test_every_term_is_declared_with_zh_and_en_labels(ontology: Graph) -> None:
    for name in KG.__annotations__:
        term = URIRef(KG_NS + name)
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        assert {"zh", "en"} <= languages, name


def test_every_term_the_graph_uses_is_declared(ontology: Graph, transcript: str) -> None:
    graph = build_graph([read_text(transcript)])
    used = {t for triple in graph for t in triple
            if isinstance(t, URIRef) and str(t).startswith(KG_NS)}
    assert used
    declared = set(ontology.subjects(RDFS.label, None))
    assert used <= declared, used - declared


def test_ontology_header(ontology: Graph) -> None:
    (header,) = ontology.subjects(RDF.type, OWL.Ontology)
    for prop in (OWL.versionInfo, DCTERMS.license, DCTERMS.creator, DCTERMS.description):
        assert ontology.value(header, prop) is not None, prop


def test_every_title_is_a_concept_with_zh_en_and_pinyin(ontology: Graph) -> None:
    for title, known in titles().items():
        english = known.english
        concept = title_iri(title)
        assert (concept, SKOS.inScheme, KG.Titles) in ontology, title
        labels = {(str(o), o.language) for o in ontology.objects(concept, SKOS.prefLabel)}
        assert {(title, "zh"), (english, "en")} <= labels, title
        assert any(o.language == "zh-Latn-pinyin"
                   for o in ontology.objects(concept, SKOS.altLabel)), title


def test_terms_refine_the_standards(ontology: Graph) -> None:
    for name in ("speaker", "listener", "participant", "leader"):
        assert (URIRef(KG_NS + name), RDFS.subPropertyOf, SCHEMA.attendee) in ontology
    assert (KG.StudyGroup, RDFS.subClassOf, ORG.OrganizationalUnit) in ontology
