"""``kg add``, ``kg remove``, ``kg reports`` and the commands that read a store (invented
reports)."""

from __future__ import annotations

import json
from pathlib import Path

import rdflib
import rdflib.compare

from kg.sparql import Endpoint
from kg.store.layout import base_of, open_store, prefixes
from tests.cli.common import CAREER_REPORTS, assert_one_error_line, career_reports, run

REPORTS = CAREER_REPORTS
corpus = career_reports


def summary(output: str) -> dict[str, str]:
    return dict(line.split(None, 1) if not line.startswith("already") else
                ("already", line.split()[-1]) for line in output.splitlines())


def test_add_again_and_remove(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    first = run("add", folder, "--store", store, "-j", "1")
    assert first.exit_code == 0, first.output
    assert summary(first.stdout)["added"] == "3" and summary(first.stdout)["people"] == "3"
    again = run("add", folder / "a.txt", "--store", store)
    assert summary(again.stdout)["added"] == "0" and summary(again.stdout)["already"] == "1"
    listed = run("reports", "--store", store).stdout.splitlines()
    assert len(listed) == 3 and "2015-03-02" in listed[0] + listed[1] + listed[2]
    removed = run("remove", "c.txt", "--store", store)
    assert summary(removed.stdout)["removed"] == "1" and summary(removed.stdout)["people"] == "2"
    assert_one_error_line(run("remove", "c.txt", "--store", store), "holds no report 'c.txt'")


def test_query_export_and_view_read_a_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("add", corpus(tmp_path), "--store", store)
    posts = run("query", "posts", "-g", store, "-f", "json")
    assert posts.exit_code == 0, posts.output
    rows = json.loads(posts.stdout)["results"]["bindings"]
    assert {(r["person"]["value"], r["title"]["value"]) for r in rows} >= {
        ("齐一民", "副市长"), ("丁二山", "副市长"), ("齐一民", "区长")}
    found = run("query", "provenance", "-g", store, "-p", "person=丁二山", "-f", "csv")
    assert found.stdout.count("丁二山") == 1
    quads = tmp_path / "all.nq"
    assert run("export", store, "-f", "nquads", "-o", quads).exit_code == 0
    dataset = rdflib.Dataset()
    dataset.parse(quads, format="nquads")
    assert len([g for g in dataset.graphs() if "graph/" in str(g.identifier)]) == 3
    turtle = run("export", store, "-f", "turtle")
    assert len(rdflib.Graph().parse(data=turtle.stdout, format="turtle")) > 50
    page = tmp_path / "view.html"
    assert run("view", store, "-o", page).exit_code == 0 and page.stat().st_size > 1000
    assert run("stats", store).exit_code == 0


def test_people_of_a_store(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("add", corpus(tmp_path), "--store", store)
    result = run("people", "齐一民", "--store", store)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("齐一民: 2 people in 3 reports")


def test_a_directory_that_is_no_store(tmp_path: Path) -> None:
    result = run("reports", "--store", tmp_path / "nothing")
    assert result.exit_code == 2 and "is not a store" in result.stderr


def test_career_from_a_store_and_from_a_graph_file(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    run("add", folder, "--store", store)
    lines = run("career", "齐一民", "-g", store).stdout.splitlines()
    assert lines[0].startswith("齐一民  qi-yimin-")  # the Hangzhou career
    assert lines[1].split() == ["2015-03-02", "杭州市西湖区委书记", "(1", "report)"]
    assert lines[2].split() == ["2018-05-06", "杭州市副市长", "(1", "report)"]
    assert lines[3] == "" and lines[4].startswith("齐一民  qi-yimin-")  # the namesake
    assert lines[5].split() == ["2016-07-08", "合肥市包河区区长", "(1", "report)"]
    out = tmp_path / "out"
    run("build", folder, "-o", out, "-f", "turtle")
    assert run("career", "齐一民", "-g", out / "graph.ttl").stdout.splitlines() == lines
    assert run("career", "王五", "-g", store).stdout == "王五: no post read in the graph\n"


def test_a_store_conforms_and_reads_back_as_written(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    run("add", folder, "--store", store)
    assert run("validate", store).exit_code == 0
    built = tmp_path / "out"
    run("build", folder, "-o", built, "-f", "nt")
    exported = tmp_path / "store.nt"
    run("export", store, "-f", "nt", "-o", exported)
    assert rdflib.compare.isomorphic(lower_tags(rdflib.Graph().parse(built / "graph.nt")),
                                     rdflib.Graph().parse(exported))


def lower_tags(graph: rdflib.Graph) -> rdflib.Graph:
    """The graph with its language tags in lower case, as a store gives them (RDF 1.1)."""
    lowered = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.language:
            o = rdflib.Literal(str(o), lang=o.language.lower())
        lowered.add((s, p, o))
    return lowered


def test_build_with_a_store_writes_the_graph_of_every_report_it_holds(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    first = run("build", folder / "a.txt", "-o", tmp_path / "one", "--store", store)
    assert first.exit_code == 0, first.output
    assert summary(run("build", folder / "c.txt", "-o", tmp_path / "two", "--store", store,
                       "-f", "trig").stdout)["people"] == "2"  # two of the name: two people
    dataset = rdflib.Dataset()
    dataset.parse(tmp_path / "two" / "graph.trig", format="trig")
    assert len([g for g in dataset.graphs() if "graph/" in str(g.identifier)]) == 2
    assert (tmp_path / "two" / "graph.html").stat().st_size > 1000


def test_a_store_keeps_the_decisions_it_is_given(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    decisions = tmp_path / "decisions.txt"
    decisions.write_text("# none yet\n", "utf-8")
    assert run("add", folder, "--store", store, "--decisions", decisions).exit_code == 0
    shown = run("people", "齐一民", "--store", store).stdout
    refs = [line.split()[0] for line in shown.splitlines() if line.startswith("  ")]
    decisions.write_text(f"same {refs[0]} {refs[-1]}\n", "utf-8")
    again = run("add", folder / "a.txt", "--store", store, "--decisions", decisions)
    assert summary(again.stdout)["people"] == "2"  # the namesakes joined: 齐一民 and 丁二山
    later = run("add", folder / "b.txt", "--store", store)  # the decisions still hold
    assert summary(later.stdout)["people"] == "2"


def test_an_endpoint_answers_on_the_store_itself(tmp_path: Path) -> None:
    store = tmp_path / "store"
    run("add", corpus(tmp_path), "--store", store)
    endpoint = Endpoint.on_store(open_store(store), prefixes(base_of(store)))
    graphs = endpoint.answer("SELECT (COUNT(DISTINCT ?g) AS ?n) { GRAPH ?g { ?s ?p ?o } }")
    assert json.loads(graphs.body)["results"]["bindings"][0]["n"]["value"] == "3"
    people = endpoint.answer("SELECT DISTINCT ?n { ?p a foaf:Person ; foaf:name ?n }")
    assert "齐一民" in {b["n"]["value"] for b in json.loads(people.body)["results"]["bindings"]}
