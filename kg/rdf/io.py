"""Reading graph files back (into rdflib, or into a pyoxigraph store for queries), merging a
dataset's named graphs into one graph, and the size of a store's."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.defaults import STDIN
from kg.errors import InputError

if TYPE_CHECKING:  # rdflib is loaded where it is used: a query on a file needs none of it
    from rdflib import Dataset, Graph


def union(dataset: Dataset, base: str | None = None) -> Graph:
    """All statements of a dataset in one graph, with the dataset's prefixes."""
    from rdflib import Graph

    graph = Graph()
    for prefix, namespace in dataset.namespaces():
        graph.bind(prefix, namespace, replace=True)
    if base is not None:
        graph.bind("id", base, replace=True)
    for named in dataset.graphs():  # the default graph among them
        graph.addN((s, p, o, graph) for s, p, o in named)
    return graph


def load_dataset(path: Path) -> Dataset:
    """Read a graph written by ``kg build`` (or any RDF file rdflib can parse), from a file,
    a named pipe (read once) or standard input (``-``: its format told by its first
    characters).

    Named graphs (TriG, N-Quads) are kept; triples land in the default graph.

    Raises:
        InputError: the file is missing, a directory, unreadable, or not RDF.
    """
    from rdflib import Dataset

    data, fmt, base = _read(path)
    dataset = Dataset()
    try:
        dataset.parse(data=data, format=fmt, publicID=base)
    except Exception as error:  # rdflib raises many kinds of parse errors
        raise _unreadable(path, fmt, error) from error
    return dataset


def load_store(path: Path) -> tuple[ox.Store, dict[str, str]]:
    """Read a graph file as :func:`load_dataset` does, into an in-memory pyoxigraph store,
    with the prefixes the file declares. Named graphs are kept, and their statements are in
    the default graph too (as a store made by ``kg add`` holds them), once each.

    Raises:
        InputError: the file is missing, a directory, unreadable, or not RDF.
    """
    data, fmt, base = _read(path)
    store = ox.Store()
    try:
        parser = ox.parse(data, format=_OXIGRAPH_FORMATS[fmt], base_iri=base)
        quads = list(parser)
    except (SyntaxError, ValueError) as error:
        raise _unreadable(path, fmt, error) from error
    store.extend(quads)
    store.extend(ox.Quad(q.subject, q.predicate, q.object) for q in quads
                 if not isinstance(q.graph_name, ox.DefaultGraph))
    return store, dict(parser.prefixes)


def oxigraph_copy(graph: Graph) -> ox.Store:
    """An rdflib graph's statements in an in-memory pyoxigraph store (its default graph)."""
    store = ox.Store()
    store.load(graph.serialize(format="nt", encoding="utf-8"), ox.RdfFormat.N_TRIPLES)
    return store


def _read(path: Path) -> tuple[bytes, str, str]:
    """A graph file's bytes, its format (rdflib's name) and the base IRI to read it with."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read()
        return data, _sniffed(data), Path.cwd().as_uri() + "/"
    if not path.exists():
        raise InputError(f"{path}: no such graph file; build one with: kg build REPORT -o DIR")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, not a graph file (nor a store: it has no "
                         "kg-store.json)")
    fmt = GRAPH_FORMATS.get(path.suffix.lower(), "turtle")
    if fmt is None:
        raise InputError(f"{path}: is not a graph file kg reads; give one of "
                         f"{', '.join(s for s, f in GRAPH_FORMATS.items() if f)}")
    try:
        return path.read_bytes(), fmt, path.resolve().as_uri()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from error


def _unreadable(path: Path, fmt: str, error: Exception) -> InputError:
    first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return InputError(f"{path}: not a readable {fmt} graph ({first})")


def _sniffed(data: bytes) -> str:
    """The format of a graph read with no file name, from how it starts: JSON-LD, RDF/XML,
    N-Quads (a first line that is a statement in a named graph), else TriG (which reads
    Turtle and N-Triples too)."""
    text = data.lstrip()
    if text[:1] in (b"{", b"["):
        return "json-ld"
    if text.startswith((b"<?xml", b"<rdf:RDF")):
        return "xml"
    end = text.find(b"\n")
    try:
        first = list(ox.parse(text[:end] if end >= 0 else text, format=ox.RdfFormat.N_QUADS))
    except SyntaxError:
        return "trig"
    return "nquads" if first and not isinstance(first[0].graph_name, ox.DefaultGraph) \
        else "trig"


#: The graph files kg reads, by ending (None: a file kg writes that is not a graph); any
#: other ending is read as Turtle.
GRAPH_FORMATS: dict[str, str | None] = {
    ".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".rdf": "xml",
    ".xml": "xml", ".owl": "xml", ".jsonld": "json-ld", ".json": "json-ld", ".n3": "n3",
    ".html": None, ".htm": None}
_OXIGRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG, "xml": ox.RdfFormat.RDF_XML, "json-ld": ox.RdfFormat.JSON_LD,
    "n3": ox.RdfFormat.N3}


def load_graph(path: Path) -> Graph:
    """Read a graph file into one graph (named graphs merged)."""
    return union(load_dataset(path))


def default_size(store: ox.Store) -> int:
    """How many statements a pyoxigraph store's default graph holds (counted by the store:
    a second for five million)."""
    answer = store.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }")
    assert isinstance(answer, ox.QuerySolutions)
    count = list(answer)[0]["n"]  # read to the end: the answer is dropped in this thread
    assert isinstance(count, ox.Literal)
    return int(count.value)
