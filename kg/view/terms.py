"""Reading RDF terms for the view: a stable order, node keys, labels and literals."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import rdflib
from rdflib.term import BNode, Literal, Node, URIRef


def is_resource(term: object) -> bool:
    """Whether ``term`` is an IRI or a blank node (not a literal)."""
    return isinstance(term, URIRef | BNode)


def sort_key(term: Node) -> tuple[str, str]:
    """Order terms by kind, then text."""
    return (type(term).__name__, str(term))


def sorted_terms(terms: Iterable[Node]) -> list[Node]:
    """Distinct IRIs and blank nodes (literals dropped), in a stable order."""
    return sorted({t for t in terms if is_resource(t)}, key=sort_key)


def sorted_pairs(pairs: Iterable[tuple[Node, Node]]) -> list[tuple[Node, Node]]:
    """Distinct pairs of IRIs or blank nodes, in a stable order."""
    kept = {(s, o) for s, o in pairs if is_resource(s) and is_resource(o)}
    return sorted(kept, key=lambda p: (sort_key(p[0]), sort_key(p[1])))


def term_id(term: Node) -> str:
    """A node's key: its IRI, or ``_:id`` for a blank node."""
    return f"_:{term}" if isinstance(term, BNode) else str(term)


def local_name(term: Node) -> str:
    """The last part of an IRI, after its last ``#`` or ``/``."""
    text = str(term).rstrip("/#")
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] or text


def literals(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> Iterator[Literal]:
    """The non-blank literal values of ``predicate``."""
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal) and str(obj).strip():
            yield obj


def integer(graph: rdflib.Graph, subject: Node, predicate: URIRef) -> int | None:
    """The first value of ``predicate`` that reads as an integer."""
    for lit in literals(graph, subject, predicate):
        try:
            return int(str(lit))
        except ValueError:
            continue
    return None


def label_rank(lit: Literal) -> int:
    """How well a literal names something in Chinese: @zh, zh-* (not Latin), untagged, any."""
    lang = (lit.language or "").lower()
    if lang == "zh":
        return 0
    if lang.startswith("zh-") and "latn" not in lang:
        return 1
    return 2 if not lang else 3


def pick_label(graph: rdflib.Graph, term: Node, predicate: URIRef, fallback: bool = True) -> str:
    """The ``@zh`` value of ``predicate`` (else zh-*, untagged, any), else the IRI's last part."""
    candidates = sorted(literals(graph, term, predicate),
                        key=lambda lit: (label_rank(lit), str(lit)))
    if candidates:
        return " ".join(str(candidates[0]).split())
    return local_name(term) if fallback else ""
