"""Reading a store without changing it: its statements for queries, exports and views."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kg.files import replace_atomically
from kg.rdf.export import NOT_XML, not_xml
from kg.rdf.namespace import bind_prefixes
from kg.store.layout import base_of, open_store, prefixes
from kg.store.terms import as_written

#: The formats a store writes itself (pyoxigraph's serialisers, streaming), by kg's names.
STORE_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML,
    "json-ld": ox.RdfFormat.JSON_LD, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
}


def union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every statement of every report once (the default graph: their union)."""
    return (as_written(q.triple)
            for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))


def report_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every report's statements in its named graph (not the union)."""
    for graph in store.named_graphs():
        for quad in store.quads_for_pattern(None, None, None, graph):
            triple = as_written(quad.triple)
            yield ox.Quad(triple.subject, triple.predicate, triple.object, quad.graph_name)


def dump(path: Path, fmt: str, out: Path | None) -> bytes | None:
    """Write a store's statements in ``fmt`` to ``out`` (renamed into place once whole), or
    give them. TriG and N-Quads keep each report's named graph; the others hold the union.

    Raises:
        InputError: the store cannot be read.
        OutputError: ``out`` cannot be written.
    """
    store, base = open_store(path), base_of(path)
    if out is None:
        return serialise_store(store, base, fmt)
    replace_atomically(out, lambda name: serialise_store(store, base, fmt, name))
    return None


def serialise_store(store: ox.Store, base: str, fmt: str, out: str | None = None) -> bytes:
    """An open store's statements in ``fmt`` (written to the file ``out`` if given)."""
    kind = STORE_FORMATS[fmt]
    if kind == ox.RdfFormat.RDF_XML:
        _fit_for_xml(store)
    statements = report_quads(store) if kind in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS) \
        else union_triples(store)
    return ox.serialize(statements, out, format=kind, prefixes=prefixes(base)) or b""


def _fit_for_xml(store: ox.Store) -> None:
    """Raise the error of a character RDF/XML cannot hold, if a literal has one (looked for
    by the store)."""
    pattern = re.sub(r"\\x([0-9a-f]{2})", r"\\u00\1", NOT_XML)  # in SPARQL's escapes
    answer = store.query("SELECT ?o { ?s ?p ?o FILTER(isLiteral(?o) && "
                         f'REGEX(STR(?o), "[{pattern}]")) }} LIMIT 1')
    assert isinstance(answer, ox.QuerySolutions)
    for solution in list(answer):
        literal = solution["o"]
        assert isinstance(literal, ox.Literal)
        found = re.search(f"[{NOT_XML}]", literal.value)
        raise not_xml(found[0] if found else "\0")


def store_graph(path: Path) -> Graph:
    """A store's statements as one rdflib graph (for the views, checks and formats that
    take one)."""
    return as_rdflib(open_store(path), base_of(path))


def as_rdflib(store: ox.Store, base: str) -> Graph:
    """The union of an open store's reports as one rdflib graph."""
    graph = Graph()
    bind_prefixes(graph, base)
    data = ox.serialize(union_triples(store), format=ox.RdfFormat.N_TRIPLES)
    graph.parse(data=data, format="nt")
    return graph
