"""Reading graph files back: named graphs kept, one clear line for what is not RDF."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Literal, URIRef

from kg.errors import InputError
from kg.rdf.io import load_dataset, load_graph, load_store, union

S, P = URIRef("http://example.org/s"), URIRef("http://example.org/p")


def test_named_graphs_are_kept_and_merged_on_request(tmp_path: Path) -> None:
    path = tmp_path / "g.trig"
    path.write_text("@prefix ex: <http://example.org/> .\n"
                    "ex:s ex:p 'a' .\n"
                    "ex:g { ex:s ex:p 'b' }\n", encoding="utf-8")
    dataset = load_dataset(path)
    assert URIRef("http://example.org/g") in {g.identifier for g in dataset.graphs()}
    assert set(load_graph(path).objects(S, P)) == {Literal("a"), Literal("b")}


def test_union_keeps_the_prefixes_and_binds_the_base() -> None:
    dataset = Dataset()
    dataset.bind("ex", "http://example.org/")
    dataset.add((S, P, Literal("x")))
    graph = union(dataset, base="http://example.org/id/")
    prefixes = dict(graph.namespaces())
    assert str(prefixes["ex"]) == "http://example.org/"
    assert str(prefixes["id"]) == "http://example.org/id/"
    assert len(graph) == 1


def test_missing_and_unreadable_files_are_one_line(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such graph file; build one with: kg build"):
        load_dataset(tmp_path / "none.ttl")
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(InputError, match="not a readable turtle graph") as caught:
        load_dataset(bad)
    assert "\n" not in str(caught.value)


def test_a_file_read_for_queries_keeps_its_graphs_and_their_union(tmp_path: Path) -> None:
    path = tmp_path / "g.trig"
    path.write_text("@prefix ex: <http://example.org/> .\n"
                    "ex:s ex:p 'a' .\n"
                    "ex:g { ex:s ex:p 'b' . ex:s ex:p 'a' }\n", encoding="utf-8")
    store, prefixes = load_store(path)
    assert prefixes == {"ex": "http://example.org/"}
    default = store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    assert sorted(str(q.object.value) for q in default) == ["a", "b"]  # each once
    assert [g.value for g in store.named_graphs()] == ["http://example.org/g"]


def test_a_file_read_for_queries_says_what_is_wrong_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.jsonld: not a readable json-ld graph") as caught:
        load_store(bad)
    assert "\n" not in str(caught.value)
    with pytest.raises(InputError, match="no such graph file"):
        load_store(tmp_path / "none.nt")
