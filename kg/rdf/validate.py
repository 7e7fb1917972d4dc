"""Check a graph against the project's SHACL shapes (``ontology/shapes.ttl``).

The shapes state what the graph must hold: the public contract (W3C ORG, FOAF, SKOS,
schema.org, NIF) and the project's own terms. Validation runs pySHACL without inference: a
reader of the graph sees only what it states, so what the contract names must be stated.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib.resources.abc import Traversable
from typing import Any

import pyshacl
from rdflib import RDF, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.sparql import Query
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import DataError
from kg.resources import package_file

SHAPES: Traversable = package_file("ontology", "shapes.ttl")

_SEVERITIES = ("Violation", "Warning", "Info")
_VALUE_WIDTH = 60


@dataclass(frozen=True, slots=True)
class Violation:
    """One result of validation, every part as short readable text.

    Attributes:
        focus: the node that failed (an IRI shortened with the graph's prefixes).
        path: the property path checked (``org:postIn``, ``^org:holds``, ``kg:post/org:role``),
            or ``""`` when the node itself failed.
        message: what the node must hold, in English.
        severity: ``Violation``, ``Warning`` or ``Info``.
        shape: the shape that failed (``kgsh:PostInShape``).
        constraint: the SPARQL constraint that failed if it has a name, else the constraint
            component (``sh:MinCountConstraintComponent``).
        value: the offending value, if the result names one, else ``""``.
    """

    focus: str
    path: str
    message: str
    severity: str
    shape: str
    constraint: str = ""
    value: str = ""

    @property
    def line(self) -> str:
        """The result as one line of a report."""
        where = f"{self.focus} {self.path}" if self.path else self.focus
        line = f"{self.severity}: {where} — {self.message}"
        if self.value and self.value != self.focus and self.value not in self.message:
            line += f" (value: {self.value})"
        return line


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """The outcome of validating a graph.

    Attributes:
        conforms: True if no result is a violation (warnings do not count).
        results: every result: violations, then warnings, then infos, each sorted by its line.
    """

    conforms: bool
    results: tuple[Violation, ...]

    @property
    def lines(self) -> tuple[str, ...]:
        """One line per result, in order; results that read the same (two constraints of one
        shape failing on the same value) are one line."""
        return tuple(dict.fromkeys(result.line for result in self.results))

    @property
    def text(self) -> str:
        """The report as text: its lines, then a summary line that counts them."""
        lines = self.lines
        counts = {name: sum(line.startswith(f"{name}: ") for line in lines)
                  for name in _SEVERITIES}
        summary = ", ".join(f"{n} {name.lower()}{'' if n == 1 else 's'}"
                            for name, n in counts.items() if n or name == "Violation")
        verdict = "Conforms" if self.conforms else "Does not conform"
        return "\n".join([*lines, f"{verdict}: {summary}."]) + "\n"


def validate(graph: Graph) -> ValidationReport:
    """Validate a graph against the project's SHACL shapes.

    Args:
        graph: the graph to check, as ``kg.graph.build_graph`` returns it or as read from a
            file; it is not changed.

    Returns:
        The report: whether the graph conforms, and every result, sorted.

    Raises:
        DataError: If the shapes file is missing or malformed.
    """
    template = _shapes(SHAPES)
    shapes = Graph()  # pySHACL adds a few RDFS axioms to the shapes graph: give it a copy
    shapes += template
    # the same triples (shared store, nothing copied), with SPARQL parsed once per text
    data = _PreparedQueryGraph(store=graph.store, identifier=graph.identifier,
                               namespace_manager=graph.namespace_manager)
    try:
        conforms, results, _ = pyshacl.validate(
            data, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True)
    except Exception as exc:  # pySHACL raises its own errors for shapes it cannot run
        raise DataError(f"cannot validate with the shapes in {SHAPES}: {exc}") from exc
    if not isinstance(results, Graph):
        raise DataError(f"cannot validate with the shapes in {SHAPES}: {results}")
    names = _Names(graph, template)
    found = [_violation(results, node, names)
             for node in results.subjects(RDF.type, SH.ValidationResult)]
    return ValidationReport(bool(conforms), tuple(sorted(found, key=_order)))


_PARSED: dict[str, Graph] = {}


def _shapes(path: Traversable) -> Graph:
    """The shapes as parsed, once per path; read it, never change it."""
    if str(path) not in _PARSED:
        _PARSED[str(path)] = _parse_shapes(path)
    return _PARSED[str(path)]


def _parse_shapes(path: Traversable) -> Graph:
    try:
        return Graph().parse(data=path.read_text(encoding="utf-8"), format="turtle")
    except FileNotFoundError as exc:
        raise DataError(
            f"SHACL shapes not found: {path}; reinstall kg (pip install .)") from exc
    except Exception as exc:  # rdflib raises several kinds of parse error
        raise DataError(f"SHACL shapes are malformed: {path}: {exc}") from exc


@functools.lru_cache(maxsize=256)
def _prepare(sparql: str) -> Query:
    return prepareQuery(sparql)


class _PreparedQueryGraph(Graph):
    """A graph that parses each SPARQL text once.

    pySHACL sends a SPARQL-based constraint's text anew for every focus node, and rdflib parses
    it each time (some 13 ms, far more than answering it).
    """

    def query(self, query_object: str | Query, *args: Any, **kwargs: Any) -> Result:
        if isinstance(query_object, str):
            query_object = _prepare(query_object)
        return super().query(query_object, *args, **kwargs)


class _Names:
    """Short readable names for the nodes of a report, with the prefixes of graph and shapes."""

    def __init__(self, graph: Graph, shapes: Graph) -> None:
        prefixes = {str(ns): prefix for prefix, ns in shapes.namespaces() if prefix}
        prefixes.update({str(ns): prefix for prefix, ns in graph.namespaces() if prefix})
        # the longest namespace first, so kg/id/ wins over kg/
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[0]))

    def iri(self, iri: str) -> str:
        for namespace, prefix in self.prefixes:
            rest = iri[len(namespace):]
            if iri.startswith(namespace) and rest and not any(c in rest for c in " <>\"{}|\\^`"):
                return f"{prefix}:{rest}"
        return f"<{iri}>"

    def node(self, node: Node | None) -> str:
        if node is None:
            return ""
        if isinstance(node, URIRef):
            return self.iri(str(node))
        if isinstance(node, Literal):
            text = str(node)
            if len(text) > _VALUE_WIDTH:
                text = text[:_VALUE_WIDTH] + "…"
            text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            if node.language:
                return f'"{text}"@{node.language}'
            if node.datatype:
                return f'"{text}"^^{self.iri(str(node.datatype))}'
            return f'"{text}"'
        return "[]"  # a blank node: no name to give

    def path(self, graph: Graph, path: Node | None) -> str:
        """A SHACL property path in SPARQL's syntax."""
        if path is None:
            return ""
        if not isinstance(path, BNode):
            return self.node(path)
        inverse = graph.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + self._step(graph, inverse)
        alternatives = graph.value(path, SH.alternativePath)
        if alternatives is not None:
            return "|".join(self._step(graph, p) for p in Collection(graph, alternatives))
        for key, mark in ((SH.zeroOrMorePath, "*"), (SH.oneOrMorePath, "+"),
                          (SH.zeroOrOnePath, "?")):
            inner = graph.value(path, key)
            if inner is not None:
                return self._step(graph, inner) + mark
        return "/".join(self._step(graph, p) for p in Collection(graph, path))

    def _step(self, graph: Graph, path: Node) -> str:
        text = self.path(graph, path)
        return text if isinstance(path, URIRef) or text.startswith("^") else f"({text})"


def _violation(results: Graph, node: Node, names: _Names) -> Violation:
    severity = results.value(node, SH.resultSeverity)
    constraint = results.value(node, SH.sourceConstraint)
    if not isinstance(constraint, URIRef):
        constraint = results.value(node, SH.sourceConstraintComponent)
    return Violation(
        focus=names.node(results.value(node, SH.focusNode)),
        path=names.path(results, results.value(node, SH.resultPath)),
        message=_message(results, node),
        severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
        shape=names.node(results.value(node, SH.sourceShape)),
        constraint=names.node(constraint),
        value=names.node(results.value(node, SH.value)),
    )


def _message(results: Graph, node: Node) -> str:
    """The English message, else one with no language, else any (sorted, to be stable)."""
    messages = [m for m in results.objects(node, SH.resultMessage) if isinstance(m, Literal)]
    for wanted in ("en", None):
        chosen = sorted(str(m) for m in messages if m.language == wanted)
        if chosen:
            return chosen[0]
    return min((str(m) for m in messages), default="")


def _order(result: Violation) -> tuple[int, str, str, str]:
    """Violations first, then warnings, then infos; each kind sorted by its line of text."""
    rank = _SEVERITIES.index(result.severity) if result.severity in _SEVERITIES else 3
    return (rank, result.line, result.shape, result.constraint)
