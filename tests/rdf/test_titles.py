"""The titles scheme: what a graph states of a title, and the ontology made from the lexicon."""

from __future__ import annotations

from rdflib import Graph, Literal
from rdflib.namespace import SKOS

from kg.rdf.iris import title_iri
from kg.rdf.namespace import KG
from kg.rdf.titles import title_statements, titles_ontology


def test_a_title_is_a_role_in_the_scheme_with_its_labels() -> None:
    graph = Graph()
    for triple in title_statements("副市长"):
        graph.add(triple)
    role = title_iri("副市长")
    assert (role, SKOS.inScheme, KG.Titles) in graph
    assert set(graph.objects(role, SKOS.prefLabel)) == {Literal("副市长", lang="zh"),
                                                         Literal("Deputy mayor", lang="en")}


def test_titles_that_sound_alike_keep_apart() -> None:
    assert title_iri("厅长") != title_iri("庭长")
    assert str(title_iri("主席")).endswith("#title-zhu-xi")  # the rest stay toneless


def test_the_ontology_holds_every_title() -> None:
    graph = Graph().parse(data=titles_ontology(), format="turtle")
    assert (title_iri("常务副市长"), SKOS.inScheme, KG.Titles) in graph
