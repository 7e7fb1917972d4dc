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
