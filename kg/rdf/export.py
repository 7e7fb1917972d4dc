"""Write a graph in the formats other tools read: a registry of exporters, by name."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg.errors import KGError, OutputError
from kg.files import write_atomically
from kg.rdf.io import load_dataset, union
from kg.registry import Registry

# the prefixes a JSON-LD reader sees in the context (the graph's own, not rdflib's defaults)
CONTEXT_PREFIXES = ("org", "foaf", "skos", "schema", "nif", "itsrdf", "prov", "kg", "xsd",
                    "rdfs", "dcterms", "id")
# JSON-LD terms, so that the JSON reads like JSON: "name": "王小明", "holds": ["id:post/…"]
CONTEXT_TERMS: dict[str, Any] = {
    "name": {"@id": "foaf:name", "@language": "zh"},
    "label": {"@id": "skos:prefLabel", "@language": "zh"},
    "pinyin": {"@id": "skos:altLabel", "@language": "zh-Latn-pinyin"},
    "notation": "skos:notation",
    "holds": {"@id": "org:holds", "@type": "@id"},
    "heldBy": {"@id": "org:heldBy", "@type": "@id"},
    "postIn": {"@id": "org:postIn", "@type": "@id"},
    "role": {"@id": "org:role", "@type": "@id"},
    "member": {"@id": "org:member", "@type": "@id"},
    "organization": {"@id": "org:organization", "@type": "@id"},
    "classification": {"@id": "org:classification", "@type": "@id"},
    "subOrganizationOf": {"@id": "org:subOrganizationOf", "@type": "@id"},
    "areaServed": {"@id": "schema:areaServed", "@type": "@id"},
    "containedInPlace": {"@id": "schema:containedInPlace", "@type": "@id"},
    "organizer": {"@id": "schema:organizer", "@type": "@id"},
    "attendee": {"@id": "schema:attendee", "@type": "@id"},
    "author": {"@id": "schema:author", "@type": "@id"},
    "about": {"@id": "schema:about", "@type": "@id"},
    "isPartOf": {"@id": "schema:isPartOf", "@type": "@id"},
    "headline": {"@id": "schema:headline", "@language": "zh"},
    "text": {"@id": "schema:text", "@language": "zh"},
    "derivedFrom": {"@id": "prov:wasDerivedFrom", "@type": "@id"},
}


@dataclass(frozen=True, slots=True)
class Statements:
    """What to write: all statements in one graph, and, for the formats that keep them
    apart, the dataset with each report in its own named graph."""

    graph: Graph
    dataset: Dataset | None = None


Writer = Callable[[Statements], str]


@dataclass(frozen=True, slots=True)
class Format:
    """An output format: how to write, and the file extension."""

    write: Writer
    extension: str
    quads: bool  # keeps each report in its own named graph (needs Statements.dataset)


EXPORTERS: Registry[Format] = Registry("format")


def exporter(name: str, extension: str, *, quads: bool = False) -> Callable[[Writer], Writer]:
    """Register a serialiser under ``name`` (the ``--format`` value)."""
    def register(function: Writer) -> Writer:
        EXPORTERS.add(name, Format(function, extension, quads))
        return function
    return register


def _sorted_lines(text: str) -> str:
    # split at line feeds only: a literal may hold a form feed, U+2028 … as they are, which
    # str.splitlines would also cut at
    return "".join(sorted(line + "\n" for line in text.split("\n") if line.strip()))


@exporter("turtle", "ttl")
def _turtle(statements: Statements) -> str:
    return statements.graph.serialize(format="turtle")


@exporter("nt", "nt")
def _ntriples(statements: Statements) -> str:
    return _sorted_lines(statements.graph.serialize(format="nt"))


@exporter("trig", "trig", quads=True)
def _trig(statements: Statements) -> str:
    return _dataset(statements).serialize(format="trig")


@exporter("nquads", "nq", quads=True)
def _nquads(statements: Statements) -> str:
    return _sorted_lines(_dataset(statements).serialize(format="nquads"))


@exporter("xml", "rdf")
def _rdfxml(statements: Statements) -> str:
    unfit = re.compile(f"[{NOT_XML}\\ud800-\\udfff]")
    for term in (t for triple in statements.graph for t in triple):
        if (found := unfit.search(str(term))) is not None:
            raise not_xml(found[0])
    return statements.graph.serialize(format="pretty-xml")


# what XML 1.0 has no character for, even escaped (a form feed from pdftotext, a NUL …), as
# a character class's inside (lone surrogates aside: a store cannot hold them)
NOT_XML = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ufffe\\uffff"


def not_xml(char: str) -> OutputError:
    """The error of a graph with a character RDF/XML cannot hold."""
    return OutputError(f"RDF/XML cannot hold the character U+{ord(char):04X} that the graph "
                       "has (in a report's text); choose another format, such as turtle")


def _dataset(statements: Statements) -> Dataset:
    if statements.dataset is None:
        raise KGError("this format keeps named graphs: it needs the dataset, not one graph")
    return statements.dataset


@exporter("json-ld", "jsonld")
def _jsonld(statements: Statements) -> str:
    graph = statements.graph
    namespaces = {prefix: str(namespace) for prefix, namespace in graph.namespaces()
                  if prefix in CONTEXT_PREFIXES}
    context = {**namespaces, **CONTEXT_TERMS}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    data = _compact_ids(data, namespaces.get("id", "\0"), {
        t for t, d in CONTEXT_TERMS.items() if isinstance(d, dict) and d.get("@type") == "@id"})
    if isinstance(data, dict) and isinstance(data.get("@graph"), list):
        data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _compact_ids(node: Any, base: str, id_terms: set[str], key: str = "") -> Any:
    """Write IRIs under the base as ``id:…`` (rdflib's compaction leaves them whole), and
    sort each property's values."""
    if isinstance(node, dict):
        return {k: (v if k == "@context" else _compact_ids(v, base, id_terms, k))
                for k, v in node.items()}
    if isinstance(node, list):  # values of a property are a set: sort them, for stable output
        values = [_compact_ids(v, base, id_terms, key) for v in node]
        return values if key == "@list" else sorted(
            values, key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
    if isinstance(node, str) and (key == "@id" or key in id_terms) and node.startswith(base):
        return "id:" + node[len(base):]
    return node


def serialise(statements: Statements, fmt: str) -> str:
    """The statements in format ``fmt`` (one of :data:`EXPORTERS`)."""
    try:
        chosen = EXPORTERS[fmt]
    except KeyError as error:
        raise KGError(f"unknown format {fmt!r}; choose one of {', '.join(sorted(EXPORTERS))}") \
            from error
    return chosen.write(statements)


def serialise_graph(graph: Graph, fmt: str, out: Path | None = None) -> str | None:
    """Write one graph in format ``fmt`` to ``out`` (atomically), or return it."""
    text = serialise(Statements(graph), fmt)
    if out is None:
        return text
    write_atomically(out.parent, {out.name: text})
    return None


def convert(path: Path, fmt: str, out: Path | None = None) -> str | None:
    """Read a graph file and write it in format ``fmt`` to ``out`` (atomically), or return it.

    Raises:
        InputError: the graph cannot be read.
        OutputError: ``out`` cannot be written.
    """
    dataset = load_dataset(path)
    text = serialise(Statements(union(dataset), dataset), fmt)
    if out is None:
        return text
    write_atomically(out.parent, {out.name: text})
    return None
