"""kg.view.ties: people tied by the organisations and years they share and the meetings they
attended together, as an edge list and as GraphML."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest
import rdflib
from rdflib import RDF

from kg.view.tables import read_tables
from kg.view.ties import TIES_COLUMNS, ties, ties_csv, ties_graphml
from tests.view.helpers import KG, ORG, SCHEMA
from tests.view.test_tables import invented_graph


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return invented_graph()


def named(network: nx.Graph) -> dict[frozenset[str], tuple[int, int, int]]:
    """Each edge by its two names: (weight, same_org_years, same_events)."""
    names = dict(network.nodes(data="name"))
    return {frozenset((names[a], names[b])): (d["weight"], d["same_org_years"],
                                              d["same_events"])
            for a, b, d in network.edges(data=True)}


def test_ties_count_shared_organisation_years_and_meetings(graph: rdflib.Graph) -> None:
    edges = named(ties(graph))
    # 湖州市委 in 2019 and in 2021, and both meetings
    assert edges[frozenset(("甄一鸣", "温三川"))] == (4, 2, 2)
    # 安吉县 in the one undated report (a period of its own), and its meeting
    assert edges[frozenset(("黎二丰", "方四海"))] == (2, 1, 1)
    # the 2019 meeting only: 湖州市 and 湖州市委 are different organisations
    assert edges[frozenset(("黎二丰", "甄一鸣"))] == (1, 0, 1)
    # the reporter wrote about the meetings but attended none
    assert not any("韩小路" in pair for pair in edges)
    assert frozenset(("方四海", "甄一鸣")) not in edges


def test_every_person_is_a_node_with_a_name_and_pinyin(graph: rdflib.Graph) -> None:
    network = ties(graph)
    people = {p.id: p for p in read_tables(graph).people}
    assert set(network) == set(people)
    for key, data in network.nodes(data=True):
        assert (data["name"], data["label"], data["pinyin"], data["iri"]) == (
            people[key].name, people[key].name, people[key].pinyin, people[key].iri)
        assert all(data.values())
        assert "id" not in data


def test_a_post_read_as_former_is_not_held_then(graph: rdflib.Graph) -> None:
    changed = rdflib.Graph()
    for triple in graph:
        changed.add(triple)
    vice = next(m for m in changed.subjects(RDF.type, ORG.Membership)
                if "温三川" in {str(n) for p in changed.objects(m, ORG.member)
                                for n in changed.objects(p, rdflib.namespace.FOAF.name)})
    changed.add((vice, KG.status, KG.Former))
    assert named(ties(changed))[frozenset(("甄一鸣", "温三川"))] == (2, 0, 2)


def test_attendance_by_a_sub_property_alone_counts(graph: rdflib.Graph) -> None:
    changed = rdflib.Graph()
    for triple in graph:
        changed.add(triple)
    person = {str(n): p for p, n in changed.subject_objects(rdflib.namespace.FOAF.name)}
    event = rdflib.URIRef("https://example.org/kg/id/event/invented")
    changed.add((event, RDF.type, SCHEMA.Event))
    changed.add((event, KG.speaker, person["方四海"]))
    changed.add((event, SCHEMA.attendee, person["陆五岳"]))
    assert named(ties(changed))[frozenset(("方四海", "陆五岳"))] == (1, 0, 1)


def test_the_edge_list_is_sorted_with_names(graph: rdflib.Graph) -> None:
    network = ties(graph)
    rows = list(csv.reader(io.StringIO(ties_csv(network))))
    assert tuple(rows[0]) == TIES_COLUMNS
    body = rows[1:]
    assert len(body) == network.number_of_edges() > 0
    assert body == sorted(body, key=lambda row: (row[0], row[1]))
    assert all(row[0] < row[1] for row in body)
    names = dict(network.nodes(data="name"))
    for source, target, source_name, target_name, weight, org_years, events in body:
        assert (names[source], names[target]) == (source_name, target_name)
        assert int(weight) == int(org_years) + int(events) > 0


def test_graphml_reads_back_with_its_attributes(graph: rdflib.Graph) -> None:
    network = ties(graph)
    text = ties_graphml(network)
    assert 'attr.name="id"' not in text
    back = nx.read_graphml(io.StringIO(text))
    assert set(back) == set(network)
    assert named(back) == named(network)
    assert {back.nodes[n]["pinyin"] for n in back} >= {"Zhen Yiming", "Wen Sanchuan"}
