"""rdflib's terms as pyoxigraph's: the statements kg makes, in the store that keeps them."""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.rdf.namespace import NIF

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
# what N-Triples escapes in a literal; every other character may stand as it is
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


class Lines:
    """Writes the statements kg makes (rdflib's terms) as N-Triples or N-Quads lines, for
    the store to load: written directly, each distinct IRI checked once by pyoxigraph (a
    report names the same people, organisations and properties again and again)."""

    def __init__(self) -> None:
        self._iris: dict[str, str] = {}

    def iri(self, value: str) -> str:
        """``<value>``.

        Raises:
            ValueError: not an IRI.
        """
        written = self._iris.get(value)
        if written is None:
            written = self._iris[value] = str(ox.NamedNode(value))
        return written

    def term(self, node: Node) -> str:
        if isinstance(node, URIRef):
            return self.iri(node)
        if isinstance(node, Literal):
            text = f'"{str(node).translate(_ESCAPES)}"'
            if node.language:
                return f"{text}@{node.language}"
            if node.datatype is not None and node.datatype != _XSD_STRING:
                return f"{text}^^{self.iri(node.datatype)}"
            return text
        if isinstance(node, BNode):
            return f"_:{node}"
        raise TypeError(f"not an RDF term: {node!r}")

    def lines(self, triples: Iterable[tuple[Node, Node, Node]], graph: str | None = None) -> bytes:
        """The statements, a line each and each once: N-Quads in ``graph`` if given, else
        N-Triples."""
        term, end = self.term, f" {self.iri(graph)} .\n" if graph else " .\n"
        return "".join(dict.fromkeys(f"{term(s)} {term(p)} {term(o)}{end}"
                                     for s, p, o in triples)).encode()


# pyoxigraph keeps an xsd:nonNegativeInteger as an xsd:integer of the same value; the
# integers kg writes as xsd:nonNegativeInteger (a phrase's offsets) are given back so when
# the store is read (a place's years are xsd:integers).
_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_NON_NEGATIVE = ox.NamedNode("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
_OFFSETS = frozenset(ox.NamedNode(str(p)) for p in (NIF.beginIndex, NIF.endIndex))


def as_written(triple: ox.Triple) -> ox.Triple:
    """A triple read from the store with a phrase's offsets xsd:nonNegativeInteger, as kg
    wrote them. (Language tags come back in lower case, zh-latn-pinyin: pyoxigraph keeps
    them so, as RDF 1.1 allows; they compare without regard to case.)"""
    value = triple.object
    if isinstance(value, ox.Literal) and value.datatype == _INTEGER and \
            triple.predicate in _OFFSETS:
        return ox.Triple(triple.subject, triple.predicate,
                         ox.Literal(value.value, datatype=_NON_NEGATIVE))
    return triple
