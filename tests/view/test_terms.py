"""kg.view.terms: reading RDF terms."""

from __future__ import annotations

import rdflib
from rdflib import BNode, Literal
from rdflib.namespace import SKOS

from kg.view.terms import local_name, pick_label, sorted_terms, term_id
from tests.view.helpers import ID


def test_pick_label_prefers_zh_then_other_chinese_then_untagged() -> None:
    graph = rdflib.Graph()
    node = ID["x"]
    graph.add((node, SKOS.prefLabel, Literal("X", lang="en")))
    assert pick_label(graph, node, SKOS.prefLabel) == "X"
    graph.add((node, SKOS.prefLabel, Literal("untagged")))
    assert pick_label(graph, node, SKOS.prefLabel) == "untagged"
    graph.add((node, SKOS.prefLabel, Literal("xi", lang="zh-Latn-pinyin")))
    graph.add((node, SKOS.prefLabel, Literal("乙  甲", lang="zh-Hant")))
    assert pick_label(graph, node, SKOS.prefLabel) == "乙 甲"
    graph.add((node, SKOS.prefLabel, Literal("甲", lang="zh")))
    assert pick_label(graph, node, SKOS.prefLabel) == "甲"
    assert pick_label(graph, ID["y/z"], SKOS.prefLabel) == "z"
    assert pick_label(graph, ID["y/z"], SKOS.prefLabel, fallback=False) == ""


def test_keys_and_order() -> None:
    blank = BNode("b1")
    assert term_id(blank) == "_:b1" and term_id(ID["a"]) == str(ID["a"])
    assert local_name(rdflib.URIRef("https://example.org/ns#Thing")) == "Thing"
    assert sorted_terms([ID["b"], Literal("x"), ID["a"], blank, ID["a"]]) == [
        blank, ID["a"], ID["b"]]
