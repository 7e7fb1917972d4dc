"""The knowledge graph as a networkx graph of people, organisations, places and groups.

:func:`to_networkx` reads the patterns the README documents and returns a
:class:`networkx.MultiDiGraph`:

============  ==================================================================
node kind     read from
============  ==================================================================
person        ``?p a foaf:Person`` (label: ``foaf:name``)
group         ``?g a org:OrganizationalUnit`` or ``kg:StudyGroup``
organisation  ``?o a org:Organization`` (label: ``skos:prefLabel``, as for the rest)
place         ``schema:AdministrativeArea``, ``kg:DevelopmentZone``, or in
              ``schema:containedInPlace``
============  ==================================================================

==================  =========================  ==============================================
edge kind           direction                  label
==================  =========================  ==============================================
``post``            person → organisation      the post's title (``org:role``), one per post
``attendance``      person → group             how: 组长、发言、听取、参加, else 出席
``authored``        reporter → group           ``schema:jobTitle`` (记者), or 摄影 for photos
``suborganisation`` unit → organisation        ``org:subOrganizationOf``
``area``            organisation → place       ``schema:areaServed``
``within``          place → place              ``schema:containedInPlace``
==================  =========================  ==============================================

A reporter is the ``schema:author`` of a ``schema:NewsArticle`` that is ``schema:about`` an
event a group organised; a photographer the ``schema:creator`` of a photo in such an article.

Node attributes: ``id`` (the IRI, also the node's key), ``label`` (the ``@zh`` name),
``kind``, ``pinyin`` (the graph's ``zh-Latn-pinyin`` label, else made with
:mod:`kg.rdf.pinyin`) and ``tooltip`` (plain text, see :mod:`kg.view.tooltips`). Edge
attributes: ``kind``, ``label`` and ``evidence`` (the text the post was read from). All are
strings, never None, so the graph can be written as GraphML or GEXF as it is.

The graph attribute ``group_kind`` names the kind of the groups (学习组) when they all share
one (see :mod:`kg.view.kinds`), else it is ``""``.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
import rdflib
from rdflib.namespace import FOAF, RDF, SKOS
from rdflib.term import Node

from kg.rdf import pinyin
from kg.rdf.graph import PINYIN
from kg.rdf.namespace import KG, NIF, ORG, PROV, SCHEMA
from kg.view.kinds import (
    ATTENDED,
    NODE_KINDS,
    PHOTOGRAPHED,
    ROLES,
    WROTE,
    Entity,
    Tie,
    concept_label,
    shared_name,
)
from kg.view.terms import literals, pick_label, sorted_pairs, sorted_terms, term_id
from kg.view.tooltips import node_tooltips

__all__ = ["to_networkx"]

_PINYIN_TAG = PINYIN.lower()  # tags compare without regard to case


def to_networkx(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The people, organisations, places and groups of a graph, and how they are tied.

    Args:
        graph: A graph in the shape ``kg build`` writes (see the module docstring for what
            is read; everything else is ignored).

    Returns:
        A MultiDiGraph keyed by IRI (blank nodes as ``_:id``), nodes sorted by kind, label
        and id, edges by source, target and key, so the same graph always gives the same
        order. Node and edge attributes are all strings.
    """
    reader = _Reader(graph)
    reader.read()
    group_kind = reader.group_kind()
    tooltips = node_tooltips(graph, reader.nodes, reader.edges, group_kind)
    out = nx.MultiDiGraph(group_kind=group_kind)
    nodes = reader.nodes
    for key in sorted(nodes, key=lambda k: (NODE_KINDS.index(nodes[k].kind), nodes[k].label, k)):
        node = nodes[key]
        out.add_node(key, id=key, label=node.label, kind=node.kind, pinyin=node.pinyin,
                     tooltip=tooltips[key])
    for (source, target, key), tie in sorted(reader.edges.items()):
        out.add_edge(source, target, key=key, kind=tie.kind, label="、".join(tie.labels),
                     evidence=" / ".join(tie.evidence))
    return out


class _Reader:
    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self.nodes: dict[str, Entity] = {}
        self.edges: dict[tuple[str, str, str], Tie] = {}  # (source, target, key) -> tie

    def add(self, term: Node, kind: str) -> str:
        key = term_id(term)
        if key not in self.nodes:
            predicate = FOAF.name if kind == "person" else SKOS.prefLabel
            label = pick_label(self.graph, term, predicate)
            self.nodes[key] = Entity(kind, label, self.pinyin(term, kind, label), term)
        return key

    def pinyin(self, term: Node, kind: str, label: str) -> str:
        values = sorted(str(lit).strip() for lit in literals(self.graph, term, SKOS.altLabel)
                        if (lit.language or "").lower() == _PINYIN_TAG)
        if values:
            return values[0]
        if kind == "person":  # 张五 → Zhang Wu (kg build writes the gazetteer's reading)
            return pinyin.person(label)
        # syllables only: a word of punctuation (the 、 of 杭州、湖州学习组) is no reading
        return " ".join(word for word in pinyin.plain(label).split()
                        if any(char.isalnum() for char in word))

    def edge(self, source: str, target: str, kind: str, key: str, label: str = "",
             evidence: str = "") -> None:
        if source == target:
            return
        tie = self.edges.setdefault((source, target, key), Tie(kind))
        if label and label not in tie.labels:
            tie.labels.append(label)
        if evidence and evidence not in tie.evidence:
            tie.evidence.append(evidence)

    def read(self) -> None:
        graph = self.graph
        # Most specific type first: a study group is also an org:Organization.
        people = sorted_terms(graph.subjects(RDF.type, FOAF.Person))
        for person in people:
            self.add(person, "person")
        for group in sorted_terms([*graph.subjects(RDF.type, ORG.OrganizationalUnit),
                                   *graph.subjects(RDF.type, KG.StudyGroup)]):
            self.add(group, "group")
        for org in sorted_terms(graph.subjects(RDF.type, ORG.Organization)):
            self.add(org, "organisation")
        for place in sorted_terms([*graph.subjects(RDF.type, SCHEMA.AdministrativeArea),
                                   *graph.subjects(RDF.type, KG.DevelopmentZone),
                                   *graph.subjects(SCHEMA.containedInPlace, None)]):
            self.add(place, "place")
        self.read_posts(people)
        self.read_structure()
        self.read_events()

    def read_posts(self, people: list[Node]) -> None:
        graph = self.graph
        for person in people:
            pid = term_id(person)
            for post in sorted_terms(graph.objects(person, ORG.holds)):
                titles = [t for t in (pick_label(graph, role, SKOS.prefLabel, fallback=False)
                                      for role in sorted_terms(graph.objects(post, ORG.role)))
                          if t]
                evidence = "、".join(sorted(
                    str(anchor) for phrase in graph.objects(post, PROV.wasDerivedFrom)
                    for anchor in literals(graph, phrase, NIF.anchorOf)))
                for org in sorted_terms(graph.objects(post, ORG.postIn)):
                    oid = self.add(org, "organisation")
                    self.edge(pid, oid, "post", term_id(post), "、".join(titles),
                              " ".join(evidence.split()))

    def read_structure(self) -> None:
        """Units of organisations, the places organisations serve, places within places."""
        graph = self.graph
        for child, parent in sorted_pairs(graph.subject_objects(ORG.subOrganizationOf)):
            self.edge(self.add(child, "organisation"), self.add(parent, "organisation"),
                      "suborganisation", "suborganisation")
        for org, place in sorted_pairs(graph.subject_objects(SCHEMA.areaServed)):
            self.edge(self.add(org, "organisation"), self.add(place, "place"), "area", "area")
        for place, parent in sorted_pairs(graph.subject_objects(SCHEMA.containedInPlace)):
            self.edge(self.add(place, "place"), self.add(parent, "place"), "within", "within")

    def read_events(self) -> None:
        graph = self.graph
        for event in sorted_terms(graph.subjects(RDF.type, SCHEMA.Event)):
            groups = [self.add(g, "group")
                      for g in sorted_terms(graph.objects(event, SCHEMA.organizer))]
            if not groups:
                continue
            roles: dict[Node, list[str]] = {}
            for attendee in graph.objects(event, SCHEMA.attendee):
                roles.setdefault(attendee, [])
            for predicate, role in ROLES:
                for attendee in graph.objects(event, predicate):
                    roles.setdefault(attendee, []).append(role)
            authors = self.authors(event)
            for gid in groups:
                for attendee in sorted_terms(roles):
                    how = [role for _, role in ROLES if role in roles[attendee]] or [ATTENDED]
                    aid = self.add(attendee, "person")
                    for role in how:
                        self.edge(aid, gid, "attendance", "attendance", role)
                for author in sorted_terms(authors):
                    aid = self.add(author, "person")
                    for label in authors[author]:
                        self.edge(aid, gid, "authored", "authored", label)

    def authors(self, event: Node) -> dict[Node, list[str]]:
        """The reporters and photographers of the articles about an event, and what they did."""
        graph = self.graph
        authors: dict[Node, list[str]] = defaultdict(list)
        for article in sorted_terms(graph.subjects(SCHEMA.about, event)):
            for author in sorted_terms(graph.objects(article, SCHEMA.author)):
                job = pick_label(graph, author, SCHEMA.jobTitle, fallback=False)
                authors[author].append(job or WROTE)
            for photo in sorted_terms(graph.subjects(SCHEMA.isPartOf, article)):
                if (photo, RDF.type, SCHEMA.Photograph) in graph:
                    for creator in sorted_terms(graph.objects(photo, SCHEMA.creator)):
                        authors[creator].append(PHOTOGRAPHED)
        return authors

    def group_kind(self) -> str:
        """The name of the kind all groups share (学习组), else ``""``."""
        names = []
        for node in self.nodes.values():
            if node.kind == "group":
                kinds = {concept_label(c) for c in self.graph.objects(node.term,
                                                                      ORG.classification)}
                names.append(kinds.pop() if len(kinds) == 1 else "")
        return shared_name(names)
