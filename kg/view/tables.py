"""The graph as four tables for researchers: people, memberships, organisations and reports.

:func:`read_tables` reads a graph in the shape ``kg build`` writes (the README's patterns)
into :class:`Tables`, one row per thing, sorted by id; :mod:`kg.view.exports` writes them as
CSV files, an Excel workbook or Popolo JSON.

Every row has a stable ``id`` (the last path segment of its IRI: ``chen-zimin-d394df``) and
the full ``iri``. A membership (``org:Membership``) is the same IRI in every report that
reads it, with one ``prov:wasDerivedFrom`` phrase per reading, so its ``first_seen`` and
``last_seen`` are the dates of the earliest and latest reports it was read in
(``YYYY[-MM[-DD]]``, as precise as the report gives it; empty when no report that reads it is
dated). They say when the reports saw it, not when the tenure began or ended. The
``source_*`` columns give the earliest reading: the report's id, and the characters
``begin``–``end`` of its text (``source_text``). ``status`` is ``held`` unless a report
gives the post one (``appointed``, ``removed``, ``former``); the graph keeps it on the
membership, not on each reading, so one read with several lists them joined by ``;``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import rdflib
from rdflib import RDF
from rdflib.namespace import FOAF, SKOS
from rdflib.term import BNode, Node, URIRef

from kg.rdf import pinyin
from kg.rdf.graph import PINYIN
from kg.rdf.namespace import DCTERMS, ITSRDF, KG, NIF, ORG, POST_STATUSES, PROV, SCHEMA
from kg.view.kinds import concept_label
from kg.view.terms import label_rank, literals, local_name, pick_label, sort_key

__all__ = ["COLUMNS", "MembershipRow", "OrganisationRow", "PersonRow", "Reading", "ReportRow",
           "Tables", "node_id", "read_tables", "table_rows"]

#: Each table's columns, in order; the CSV file is ``{name}.csv``, the sheet ``{name}``.
COLUMNS: dict[str, tuple[str, ...]] = {
    "people": ("id", "iri", "name", "pinyin", "reports"),
    "memberships": ("id", "iri", "person_id", "person", "organisation_id", "organisation",
                    "title", "title_en", "status", "first_seen", "last_seen", "readings",
                    "source_report", "begin", "end", "source_text"),
    "organisations": ("id", "iri", "name", "pinyin", "kind", "parent_id", "place"),
    "reports": ("id", "iri", "file", "headline", "date", "url"),
}

Cell = str | int | None
_PINYIN = PINYIN.lower()  # tags compare without regard to case
_STATUS = {str(iri): name for name, iri in POST_STATUSES.items()}


def node_id(term: Node) -> str:
    """A row's id: the last path segment of its IRI (``_:id`` for a blank node)."""
    return f"_:{term}" if isinstance(term, BNode) else local_name(term)


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a fact: the report, its date, and the characters it was read from."""

    report_id: str
    file: str  # the report's file name ("" if the graph does not say)
    date: str  # YYYY[-MM[-DD]], "" if the report is undated
    url: str  # the report's schema:url, if any
    phrase: str  # the IRI of the nif:Phrase
    begin: int | None
    end: int | None
    text: str

    def order(self) -> tuple[bool, str, str, str, int, int]:
        """Dated readings first, earliest first; then by file and place in the text."""
        return (not self.date, self.date, self.file, self.report_id, self.begin or 0,
                self.end or 0)


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person: ``foaf:name`` (@zh), the pinyin, and how many reports name them."""

    id: str
    iri: str
    name: str
    pinyin: str
    simplified: str  # the simplified form of a name written in traditional characters
    reports: int

    def cells(self) -> tuple[Cell, ...]:
        """The row as :data:`COLUMNS` orders it."""
        return self.id, self.iri, self.name, self.pinyin, self.reports


@dataclass(frozen=True, slots=True)
class MembershipRow:
    """A person's membership of an organisation in a title, with every reading of it."""

    id: str
    iri: str
    person_id: str
    person: str
    organisation_id: str
    organisation: str
    title: str
    title_en: str
    status: str  # held, or appointed / removed / former (joined by ; if readings differ)
    label: str  # the post as written: organisation and title
    readings: tuple[Reading, ...]  # earliest first

    @property
    def first_seen(self) -> str:
        """The date of the earliest dated report that reads it ("" if none is dated)."""
        return min((r.date for r in self.readings if r.date), default="")

    @property
    def last_seen(self) -> str:
        """The date of the latest dated report that reads it ("" if none is dated)."""
        return max((r.date for r in self.readings if r.date), default="")

    def cells(self) -> tuple[Cell, ...]:
        """The row as :data:`COLUMNS` orders it, the source from the earliest reading."""
        first = self.readings[0] if self.readings else None
        return (self.id, self.iri, self.person_id, self.person, self.organisation_id,
                self.organisation, self.title, self.title_en, self.status, self.first_seen,
                self.last_seen, len(self.readings), first.report_id if first else "",
                first.begin if first else None, first.end if first else None,
                first.text if first else "")


@dataclass(frozen=True, slots=True)
class OrganisationRow:
    """An organisation: name, pinyin, kind, the organisation it is a unit of, its place."""

    id: str
    iri: str
    name: str
    pinyin: str
    kind: str
    parent_id: str
    place: str

    def cells(self) -> tuple[Cell, ...]:
        """The row as :data:`COLUMNS` orders it."""
        return self.id, self.iri, self.name, self.pinyin, self.kind, self.parent_id, self.place


@dataclass(frozen=True, slots=True)
class ReportRow:
    """A report: its file name, headline, date and URL."""

    id: str
    iri: str
    file: str
    headline: str
    date: str
    url: str

    def cells(self) -> tuple[Cell, ...]:
        """The row as :data:`COLUMNS` orders it."""
        return self.id, self.iri, self.file, self.headline, self.date, self.url


@dataclass(frozen=True, slots=True)
class Tables:
    """The four tables, each sorted by id."""

    people: tuple[PersonRow, ...]
    memberships: tuple[MembershipRow, ...]
    organisations: tuple[OrganisationRow, ...]
    reports: tuple[ReportRow, ...]


def table_rows(tables: Tables, name: str) -> list[tuple[Cell, ...]]:
    """The rows of the table called ``name`` (a key of :data:`COLUMNS`), as cells."""
    rows: tuple[Any, ...] = getattr(tables, name)
    return [row.cells() for row in rows]


def _clean(value: object) -> str:
    return " ".join(str(value).split())


def _zh(graph: rdflib.Graph, node: Node, predicate: URIRef) -> str:
    """The best Chinese value of ``predicate`` (see :func:`label_rank`), else ``""``."""
    return pick_label(graph, node, predicate, fallback=False)


def _tagged(graph: rdflib.Graph, node: Node, predicate: URIRef, tag: str) -> str:
    """The first value of ``predicate`` in language ``tag`` or one of its subtags."""
    found = sorted(str(lit) for lit in literals(graph, node, predicate)
                   if (lang := (lit.language or "").lower()) == tag or lang.startswith(tag + "-"))
    return _clean(found[0]) if found else ""


def _first(graph: rdflib.Graph, node: Node, predicate: Node) -> Node | None:
    found = sorted(graph.objects(node, predicate), key=sort_key)
    return found[0] if found else None


def _integer(value: Node | None) -> int | None:
    try:
        return int(str(value)) if value is not None else None
    except ValueError:
        return None


class _Reader:
    """Reads the graph once into rows; lookups go through the graph's indexes, never SPARQL."""

    def __init__(self, graph: rdflib.Graph) -> None:
        self.graph = graph
        self.files = {ctx: _clean(graph.value(ctx, SCHEMA.name) or "")
                      for ctx in graph.subjects(RDF.type, NIF.Context)}
        self.reports: dict[Node, ReportRow] = {}
        self.by_context: dict[Node, ReportRow] = {}
        self.readings: dict[Node, Reading] = {}
        self.names: dict[Node, str] = {}

    def read(self) -> Tables:
        """Every table, reports first (the readings of the others point into them)."""
        self.read_reports()
        people = self.read_people()
        memberships = [self.membership(m) for m in set(
            self.graph.subjects(RDF.type, ORG.Membership))]
        orgs = set(self.graph.subjects(RDF.type, ORG.Organization))
        orgs.update(o for m in self.graph.subjects(RDF.type, ORG.Membership)
                    for o in self.graph.objects(m, ORG.organization))
        organisations = [self.organisation(org) for org in orgs]

        def by_id(rows: Iterable[Any]) -> tuple[Any, ...]:
            return tuple(sorted(rows, key=lambda row: (row.id, row.iri)))

        return Tables(by_id(people), by_id(memberships), by_id(organisations),
                      by_id(self.reports.values()))

    def read_reports(self) -> None:
        """Reports: the news articles that are not part of another."""
        graph = self.graph
        for node in set(graph.subjects(RDF.type, SCHEMA.NewsArticle)):
            if graph.value(node, SCHEMA.isPartOf) is not None:
                continue
            contexts = sorted((c for c in graph.objects(node, PROV.wasDerivedFrom)
                               if c in self.files), key=sort_key)
            date = graph.value(node, DCTERMS.date)
            row = ReportRow(node_id(node), str(node),
                            self.files[contexts[0]] if contexts else "",
                            " / ".join(sorted({_clean(h) for h in literals(
                                graph, node, SCHEMA.headline) if label_rank(h) < 3})),
                            _clean(date) if date is not None else "",
                            str(_first(graph, node, SCHEMA.url) or ""))
            self.reports[node] = row
            for context in contexts:
                self.by_context[context] = row

    def read_people(self) -> list[PersonRow]:
        """People, each with the number of reports that name them or read their posts."""
        graph = self.graph
        contexts: dict[Node, set[Node]] = defaultdict(set)
        for phrase, person in graph.subject_objects(ITSRDF.taIdentRef):
            context = graph.value(phrase, NIF.referenceContext)
            if context is not None:
                contexts[person].add(context)
        rows = []
        for person in set(graph.subjects(RDF.type, FOAF.Person)):
            for phrase in (p for post in graph.objects(person, ORG.holds)
                           for p in graph.objects(post, PROV.wasDerivedFrom)):
                context = graph.value(phrase, NIF.referenceContext)
                if context is not None:
                    contexts[person].add(context)
            name = _zh(graph, person, FOAF.name) or node_id(person)
            self.names[person] = name
            rows.append(PersonRow(
                node_id(person), str(person), name,
                _tagged(graph, person, SKOS.altLabel, _PINYIN) or pinyin.person(name),
                _tagged(graph, person, SKOS.altLabel, "zh-hans"), len(contexts[person])))
        return rows

    def reading(self, phrase: Node) -> Reading:
        """Where a phrase stands: its report, and its characters."""
        if phrase not in self.readings:
            graph = self.graph
            context = graph.value(phrase, NIF.referenceContext)
            report = self.by_context.get(context) if context is not None else None
            anchor = graph.value(phrase, NIF.anchorOf)
            self.readings[phrase] = Reading(
                report.id if report else "", self.files.get(context, "") if context else "",
                report.date if report else "", report.url if report else "", str(phrase),
                _integer(graph.value(phrase, NIF.beginIndex)),
                _integer(graph.value(phrase, NIF.endIndex)),
                str(anchor) if anchor is not None else "")
        return self.readings[phrase]

    def membership(self, node: Node) -> MembershipRow:
        """A membership, its readings earliest first."""
        graph = self.graph
        person, org = graph.value(node, ORG.member), graph.value(node, ORG.organization)
        role, post = graph.value(node, ORG.role), graph.value(node, KG.post)
        statuses = {_STATUS[str(s)] for s in graph.objects(node, KG.status) if str(s) in _STATUS}
        readings = sorted((self.reading(p) for p in graph.objects(node, PROV.wasDerivedFrom)),
                          key=Reading.order)
        return MembershipRow(
            node_id(node), str(node), node_id(person) if person is not None else "",
            self.names.get(person, "") if person is not None else "",
            node_id(org) if org is not None else "",
            _zh(graph, org, SKOS.prefLabel) if org is not None else "",
            _zh(graph, role, SKOS.prefLabel) if role is not None else "",
            _tagged(graph, role, SKOS.prefLabel, "en") if role is not None else "",
            ";".join(s for s in POST_STATUSES if s in statuses) or "held",
            _zh(graph, post, SKOS.prefLabel) if post is not None else "", tuple(readings))

    def organisation(self, node: Node) -> OrganisationRow:
        """An organisation; its pinyin made from its name if the graph gives none."""
        graph = self.graph
        name = _zh(graph, node, SKOS.prefLabel) or node_id(node)
        kind = _first(graph, node, ORG.classification)
        parent = _first(graph, node, ORG.subOrganizationOf)
        place = _first(graph, node, SCHEMA.areaServed)
        spoken = _tagged(graph, node, SKOS.altLabel, _PINYIN) or " ".join(
            word for word in pinyin.plain(name).split() if any(c.isalnum() for c in word))
        return OrganisationRow(
            node_id(node), str(node), name, spoken,
            (concept_label(kind) or local_name(kind)) if kind is not None else "",
            node_id(parent) if parent is not None else "",
            _zh(graph, place, SKOS.prefLabel) if place is not None else "")


def read_tables(graph: rdflib.Graph) -> Tables:
    """The people, memberships, organisations and reports of a graph, as rows.

    Args:
        graph: a graph in the shape ``kg build`` writes (a file's or a store's).

    Returns:
        The four tables, each sorted by id.
    """
    return _Reader(graph).read()
