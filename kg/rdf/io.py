"""Reading graph files back, merging a dataset's named graphs into one graph, and the size
of a store's."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.util import guess_format

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
    """Read a graph written by ``kg build`` (or any RDF file rdflib can parse).

    Named graphs (TriG, N-Quads) are kept; triples land in the default graph.

    Raises:
        InputError: the file is missing or is not RDF.
    """
    if not path.is_file():
        raise InputError(f"{path}: no such graph file; build one with: kg build REPORT -o DIR")
    dataset = Dataset()
    fmt = guess_format(str(path)) or "turtle"
    try:
        dataset.parse(str(path), format=fmt)
    except Exception as error:  # rdflib raises many kinds of parse errors
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        raise InputError(f"{path}: not a readable {fmt} graph ({first})") from error
    return dataset


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
