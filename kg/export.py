"""Serialise a graph to the RDF formats other tools read (a registry of formats)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from rdflib import Graph
from rdflib.util import guess_format

from kg.errors import InputError, KGError

# the prefixes a JSON-LD reader sees in the context (the graph's own, not rdflib's defaults)
CONTEXT_PREFIXES = ("org", "foaf", "skos", "schema", "nif", "itsrdf", "prov", "kg", "xsd",
                    "rdfs", "dcterms", "id")
EXPORTERS: dict[str, Callable[[Graph], str]] = {}
EXTENSIONS: dict[str, str] = {}


def exporter(name: str, extension: str) -> Callable[[Callable[[Graph], str]],
                                                    Callable[[Graph], str]]:
    """Register a serialiser under ``name`` (the ``--format`` value)."""
    def register(function: Callable[[Graph], str]) -> Callable[[Graph], str]:
        EXPORTERS[name] = function
        EXTENSIONS[name] = extension
        return function
    return register


@exporter("turtle", "ttl")
def _turtle(graph: Graph) -> str:
    return graph.serialize(format="turtle")


@exporter("nt", "nt")
def _ntriples(graph: Graph) -> str:
    return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))


@exporter("xml", "rdf")
def _rdfxml(graph: Graph) -> str:
    return graph.serialize(format="pretty-xml")


@exporter("json-ld", "jsonld")
def _jsonld(graph: Graph) -> str:
    context = {prefix: str(namespace) for prefix, namespace in graph.namespaces()
               if prefix in CONTEXT_PREFIXES}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def serialise(graph: Graph, fmt: str) -> str:
    """The graph in format ``fmt`` (one of :data:`EXPORTERS`)."""
    try:
        return EXPORTERS[fmt](graph)
    except KeyError as error:
        raise KGError(f"unknown format {fmt!r}; choose one of {', '.join(sorted(EXPORTERS))}") \
            from error


def load_graph(path: Path) -> Graph:
    """Read a graph written by ``kg build`` (or any RDF file rdflib can parse).

    Raises:
        InputError: the file is missing or is not RDF.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such graph file; build one with: kg build REPORT -o DIR")
    graph = Graph()
    fmt = guess_format(str(path)) or "turtle"
    try:
        graph.parse(str(path), format=fmt)
    except Exception as error:  # rdflib raises many kinds of parse errors
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"{path}: not a readable {fmt} graph ({first})") from error
    return graph
