"""Reading graph files back, merging a dataset's named graphs into one graph, and the size
of a store's."""

from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.defaults import STDIN
from kg.errors import InputError


def union(dataset: Dataset, base: str | None = None) -> Graph:
    """All statements of a dataset in one graph, with the dataset's prefixes."""
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
    if str(path) == STDIN:
        data = sys.stdin.buffer.read()
        return _parse(data, _sniffed(data), path, Path.cwd().as_uri() + "/")
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
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from error
    return _parse(data, fmt, path, path.resolve().as_uri())


def _parse(data: bytes, fmt: str, path: Path, base: str) -> Dataset:
    dataset = Dataset()
    try:
        dataset.parse(data=data, format=fmt, publicID=base)
    except Exception as error:  # rdflib raises many kinds of parse errors
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"{path}: not a readable {fmt} graph ({first})") from error
    return dataset


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
