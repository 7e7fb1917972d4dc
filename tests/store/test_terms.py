"""The lines a store loads: every character of a literal read back as written."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Literal, URIRef

from kg.store.terms import Lines

NODE = URIRef("https://example.org/kg/id/doc/abc#char=0,4")
SAYS = URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf")
KIND = URIRef("https://example.org/kg/ns#text")  # a datatype rdflib leaves as written
TEXTS = ['说"好"', "反\\斜", "一\n二\r三", "换页\x0c竖\x0b", "分\u2028段\u2029", "\x00\x1f",
         "\u0085", "𠀀 astral", ""]


@pytest.mark.parametrize("text", TEXTS)
def test_a_literal_reads_back_as_written(text: str) -> None:
    triples = [(NODE, SAYS, Literal(text)), (NODE, SAYS, Literal(text, lang="zh")),
               (NODE, SAYS, Literal(text, datatype=KIND))]
    graph = "https://example.org/kg/id/graph/abc"
    for data, name in ((Lines().lines(triples, graph), ox.NamedNode(graph)),
                       (Lines().lines(triples), ox.DefaultGraph())):
        read = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
        assert [(q.object.value, q.object.language, q.graph_name) for q in read] == [
            (text, None, name), (text, "zh", name), (text, None, name)]
        assert read[2].object.datatype == ox.NamedNode(str(KIND))


def test_an_iri_that_is_not_one_is_refused() -> None:
    with pytest.raises(ValueError):
        Lines().lines([(URIRef("https://example.org/a b"), SAYS, Literal("x"))])
