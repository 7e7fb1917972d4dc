"""The ties between people: who was read in the same organisation in the same year, and who
took part in the same meetings.

:func:`ties` makes a networkx graph with a node for every person (``foaf:Person``) and an
edge between two people who share at least one of:

* an (organisation, year) pair: both were read holding a post in the organisation in reports
  of that year (the report's ``dcterms:date``; an undated report is a period of its own, so
  two people read in one undated report in the same organisation are tied, and readings in
  two undated reports are not). Posts read as former (原…, ``kg:status kg:Former``) are not
  held then, and do not count;
* a meeting or group discussion (a ``schema:Event``) both took part in (``schema:attendee``
  or one of its sub-properties).

Edge attributes: ``same_org_years`` and ``same_events`` (those two counts) and ``weight``
(their sum). Node keys are the people's ids (the last path segment of the IRI); node
attributes ``name`` (``foaf:name``, never empty), ``label`` (the same, for Gephi), ``pinyin``
and ``iri``.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterable
from itertools import combinations

import networkx as nx
import rdflib
from rdflib import RDF
from rdflib.namespace import FOAF

from kg.rdf.namespace import ROLE_PROPERTIES, SCHEMA
from kg.view.tables import Tables, node_id, read_tables

__all__ = ["TIES_COLUMNS", "ties", "ties_csv", "ties_graphml"]

#: The columns of :func:`ties_csv`.
TIES_COLUMNS = ("source", "target", "source_name", "target_name", "weight", "same_org_years",
                "same_events")

_ATTENDANCE = (SCHEMA.attendee, *ROLE_PROPERTIES.values())


def ties(graph: rdflib.Graph, tables: Tables | None = None) -> nx.Graph:
    """The people of a graph and the ties between them.

    Args:
        graph: a graph in the shape ``kg build`` writes.
        tables: its tables, if already read (:func:`kg.view.tables.read_tables`).

    Returns:
        An undirected graph, nodes and edges added in order of id.
    """
    tables = tables if tables is not None else read_tables(graph)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    for together in _org_periods(tables):
        for pair in combinations(sorted(together), 2):
            counts[pair][0] += 1
    for together in _events(graph):
        for pair in combinations(sorted(together), 2):
            counts[pair][1] += 1
    network = nx.Graph()
    for person in tables.people:
        name = person.name or person.id
        network.add_node(person.id, name=name, label=name, pinyin=person.pinyin or name,
                         iri=person.iri)
    for (source, target), (org_years, events) in sorted(counts.items()):
        if source in network and target in network:
            network.add_edge(source, target, weight=org_years + events,
                             same_org_years=org_years, same_events=events)
    return network


def _org_periods(tables: Tables) -> Iterable[set[str]]:
    """For each (organisation, year) pair, the people read holding a post in it."""
    together: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in tables.memberships:
        if "former" in row.status.split(";") or not row.person_id:
            continue
        for reading in row.readings:
            period = reading.date[:4] if reading.date else f"report {reading.report_id}"
            together[(row.organisation_id, period)].add(row.person_id)
    return together.values()


def _events(graph: rdflib.Graph) -> Iterable[set[str]]:
    """For each event, the people who took part in it."""
    people = set(graph.subjects(RDF.type, FOAF.Person))
    for event in set(graph.subjects(RDF.type, SCHEMA.Event)):
        yield {node_id(who) for predicate in _ATTENDANCE
               for who in graph.objects(event, predicate) if who in people}


def ties_csv(network: nx.Graph) -> str:
    """The edges as CSV: one row per pair of people (``source`` < ``target``), sorted."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(TIES_COLUMNS)
    names = dict(network.nodes(data="name"))
    for source, target in sorted(tuple(sorted(edge)) for edge in network.edges()):
        data = network.edges[source, target]
        writer.writerow((source, target, names[source], names[target], data["weight"],
                         data["same_org_years"], data["same_events"]))
    return buffer.getvalue()


def ties_graphml(network: nx.Graph) -> str:
    """The network as GraphML, for Gephi, Cytoscape or networkx."""
    buffer = io.BytesIO()
    nx.write_graphml(network, buffer)
    return buffer.getvalue().decode("utf-8")
