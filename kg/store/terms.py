"""rdflib's terms as pyoxigraph's: the statements kg makes, in the store that keeps them."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


class Converter:
    """Turns rdflib terms into pyoxigraph's, each IRI made once (a report names the same
    people, organisations and properties again and again)."""

    def __init__(self) -> None:
        self._iris: dict[str, ox.NamedNode] = {}

    def iri(self, value: str) -> ox.NamedNode:
        node = self._iris.get(value)
        if node is None:
            node = self._iris[value] = ox.NamedNode(value)
        return node

    def term(self, node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        if isinstance(node, URIRef):
            return self.iri(str(node))
        if isinstance(node, Literal):
            if node.language:
                return ox.Literal(str(node), language=node.language)
            if node.datatype is not None and str(node.datatype) != _XSD_STRING:
                return ox.Literal(str(node), datatype=self.iri(str(node.datatype)))
            return ox.Literal(str(node))
        if isinstance(node, BNode):
            return ox.BlankNode(str(node))
        raise TypeError(f"not an RDF term: {node!r}")

    def quads(self, triples: Iterable[tuple[Node, Node, Node]],
              graph: ox.NamedNode) -> list[ox.Quad]:
        """The triples as quads of ``graph``."""
        term = self.term
        return [ox.Quad(term(s), term(p), term(o), graph)  # type: ignore[arg-type]
                for s, p, o in triples]


# pyoxigraph keeps an xsd:nonNegativeInteger as an xsd:integer of the same value; every
# integer kg writes (a phrase's offsets) is an xsd:nonNegativeInteger, so that is the
# datatype given back when the store is read.
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_NON_NEGATIVE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


def as_written(triple: ox.Triple) -> ox.Triple:
    """A triple read from the store with its integers xsd:nonNegativeInteger, as kg wrote
    them. (Language tags come back in lower case, zh-latn-pinyin: pyoxigraph keeps them so,
    as RDF 1.1 allows; they compare without regard to case.)"""
    value = triple.object
    if isinstance(value, ox.Literal) and value.datatype == _INTEGER:
        return ox.Triple(triple.subject, triple.predicate,
                         ox.Literal(value.value, datatype=_NON_NEGATIVE))
    return triple
