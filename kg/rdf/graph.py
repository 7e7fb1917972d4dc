"""Turn read reports into an RDF graph that meets the public contract (docs in README).

Only this package knows rdflib's term types. IRIs are minted from content (area codes, names
of organisations, offsets) and from the identities the resolver gives people, so the same
input always gives the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, SKOS
from rdflib.term import Node

from kg.extraction.gazetteer import short_name
from kg.ids import digest
from kg.model import Place, Post, Report, Section, Span
from kg.rdf import pinyin
from kg.rdf.iris import Minter, minted, title_iri
from kg.rdf.namespace import (
    DCTERMS,
    DEFAULT_BASE,
    ITSRDF,
    KG,
    NIF,
    ORG,
    ORG_CLASSES,
    ORG_KINDS,
    POST_STATUSES,
    PROV,
    ROLE_PROPERTIES,
    SCHEMA,
    SECTION_EVENTS,
    bind_prefixes,
)
from kg.rdf.titles import title_statements
from kg.resolution import Identities, Identity, resolve

ZH = "zh"
Triple = tuple[Node, Node, Node]
PINYIN = "zh-Latn-pinyin"
SIMPLIFIED = "zh-Hans"


def build_dataset(reports: Sequence[Report], identities: Identities | None = None, *,
                  base: str = DEFAULT_BASE) -> Dataset:
    """The reports as a dataset: each report's statements in a named graph of its own,
    ``{base}graph/{report key}`` (for the arguments, see :func:`build_graph`)."""
    dataset = Dataset()
    _write(reports, identities, base, dataset,
           lambda report: dataset.graph(URIRef(f"{base}graph/{report.key}")))
    return dataset


def build_graph(reports: Sequence[Report], identities: Identities | None = None, *,
                base: str = DEFAULT_BASE) -> Graph:
    """The graph of one or more reports (all statements in one graph).

    Args:
        reports: the reports read.
        identities: who each report's people are (default: the default resolver's answer).
        base: the base IRI under which the graph's resources are named.

    Returns:
        An rdflib graph with the contract's prefixes bound.
    """
    graph = Graph()
    _write(reports, identities, base, graph, lambda report: graph)
    return graph


def _write(reports: Sequence[Report], identities: Identities | None, base: str, graph: Graph,
           target: Callable[[Report], Graph]) -> None:
    """Bind the prefixes on ``graph``; write each report into its ``target`` graph."""
    bind_prefixes(graph, base)
    identities = identities if identities is not None else resolve(reports)
    for report in reports:
        _Writer(target(report).add, Minter(base), report, identities).write()


def report_triples(report: Report, identities: Identities, *,
                   base: str = DEFAULT_BASE) -> list[Triple]:
    """One report's statements, as a list (for a store to take them in)."""
    triples: list[Triple] = []
    _Writer(triples.append, Minter(base), report, identities).write()
    return triples


def reason_triples(report: str, key: str, identity: Identity, *,
                   base: str = DEFAULT_BASE) -> list[Triple]:
    """The statements of report ``report`` that say why the resolver joined its person
    ``key`` to the person of other reports: all that a report's statements change when the
    resolver gives the same people other reasons."""
    mint = Minter(base)
    return merge_triples(mint, mint.person(identity), identity, report, key)


def merge_triples(mint: Minter, node: URIRef, identity: Identity, report: str,
                  key: str) -> list[Triple]:
    """Why the resolver holds a report's mention of a person (``node``) to be the person
    of the other reports: a prov:Derivation from the report, with the reason."""
    triples: list[Triple] = []
    for merge in (m for m in identity.evidence if (m.report, m.person) == (report, key)):
        derivation = mint("merge", digest(identity.key, report, key, size=12))
        triples += [(node, PROV.qualifiedDerivation, derivation),
                    (derivation, RDF.type, PROV.Derivation),
                    (derivation, PROV.entity, mint("report", report)),
                    (derivation, KG.reason, Literal(merge.reason, lang="en"))]
    return triples


def _zh(value: str) -> Literal:
    return Literal(value, lang=ZH)


def _year(value: int) -> Literal:
    """A year as an xsd:integer: OWL reasoners take no xsd:gYear (not in OWL 2's datatype
    map)."""
    return Literal(value, datatype=XSD.integer)


def _date(value: str) -> Literal:
    """A date as precise as known: xsd:date, xsd:gYearMonth or xsd:gYear."""
    kind = {10: XSD.date, 7: XSD.gYearMonth}.get(len(value), XSD.gYear)
    return Literal(value, datatype=kind)


def _index(value: int) -> Literal:
    return Literal(value, datatype=XSD.nonNegativeInteger)


class _Writer:
    """Writes one report's statements."""

    def __init__(self, add: Callable[[Triple], object], mint: Minter, report: Report,
                 identities: Identities) -> None:
        self.add = add
        self.mint = mint
        self.report = report
        self.identities = identities
        self.places = {p.key: p for p in report.extraction.places}
        self.doc = f"{mint.base}doc/{report.key}"
        self.context = minted(f"{self.doc}#char=0,{len(report.text.raw)}")
        self.titles: set[str] = set()  # whose statements are written

    def person(self, key: str) -> URIRef:
        """The IRI of the person the report knows by ``key``."""
        return self.mint.person(self.identities[(self.report.key, key)])

    def write(self) -> None:
        """All the report's statements."""
        self.write_context()
        self.write_places()
        self.write_organisations()
        self.write_people()
        report, meeting = self.write_report()
        for section in self.report.extraction.sections:
            self.write_section(section, report, meeting)

    def write_context(self) -> None:
        """The text as read (a nif:Context)."""
        add, context, raw = self.add, self.context, self.report.text.raw
        add((context, RDF.type, NIF.Context))
        add((context, NIF.isString, Literal(raw)))
        add((context, NIF.beginIndex, _index(0)))
        add((context, NIF.endIndex, _index(len(raw))))
        if self.report.name:
            add((context, SCHEMA.name, Literal(self.report.name)))

    def phrase(self, span: Span, ident: URIRef | None = None) -> URIRef:
        """The characters ``span`` was read from (a name's mention if ``ident`` is given)."""
        add, raw = self.add, self.report.text.raw
        begin, end = self.report.text.raw_span(span)
        node = minted(f"{self.doc}#char={begin},{end}")
        add((node, RDF.type, NIF.Phrase))
        add((node, NIF.anchorOf, Literal(raw[begin:end])))
        add((node, NIF.beginIndex, _index(begin)))
        add((node, NIF.endIndex, _index(end)))
        add((node, NIF.referenceContext, self.context))
        if ident is not None:
            add((node, RDF.type, KG.NameMention))
            add((node, ITSRDF.taIdentRef, ident))
        else:
            add((node, RDF.type, KG.SourceSpan))
        return node

    def write_places(self) -> None:
        """The places, with their codes, years, labels and the places they lie in."""
        add, mint = self.add, self.mint
        for place in self.report.extraction.places:
            node = mint.place(place.key)
            if place.level == "zone":
                add((node, RDF.type, KG.DevelopmentZone))
                add((node, RDF.type, SCHEMA.Place))
            else:
                add((node, RDF.type, SCHEMA.AdministrativeArea))
                add((node, SKOS.notation, Literal(place.key)))
                if place.start:
                    add((node, KG.firstYear, _year(place.start)))
                if place.end:
                    add((node, KG.lastYear, _year(place.end)))
            add((node, SKOS.prefLabel, _zh(place.label)))
            add((node, SKOS.altLabel, Literal(self.place_pinyin(place), lang=PINYIN)))
            if place.parent and place.parent in self.places:
                add((node, SCHEMA.containedInPlace, mint.place(place.parent)))

    def place_pinyin(self, place: Place) -> str:
        """A division's pinyin by name and kind; a zone's after its city's."""
        city = self.places.get(place.parent or "")
        if place.level == "zone" and city is not None:
            return pinyin.within(place.label, city.name, short_name(city.name) or "")
        return pinyin.place(place.label)

    def write_organisations(self) -> None:
        """The organisations: kind, the place served, the organisation a unit belongs to."""
        add, mint = self.add, self.mint
        for org in self.report.extraction.organisations:
            node = mint.org(org.name)
            add((node, RDF.type, ORG.Organization))
            for cls in ORG_CLASSES.get(org.kind, ()):
                add((node, RDF.type, cls))
            add((node, SKOS.prefLabel, _zh(org.name)))
            add((node, ORG.classification, ORG_KINDS.get(org.kind, KG.OtherOrganisation)))
            if org.place and org.place in self.places:
                add((node, SCHEMA.areaServed, mint.place(org.place)))
            if org.parent:
                add((node, ORG.subOrganizationOf, mint.org(org.parent)))

    def write_people(self) -> None:
        """The people, their posts (also as memberships), and where each name stands."""
        add = self.add
        for person in self.report.extraction.people:
            node = self.person(person.key)
            add((node, RDF.type, FOAF.Person))
            add((node, FOAF.name, _zh(person.written or person.name)))
            if person.written:  # a name in traditional characters: its simplified form too
                add((node, SKOS.altLabel, Literal(person.name, lang=SIMPLIFIED)))
            add((node, SKOS.altLabel, Literal(pinyin.person(person.name), lang=PINYIN)))
            identity = self.identities[(self.report.key, person.key)]
            for post in person.posts:
                self.write_post(node, digest(identity.key, post.org, post.title, size=12), post)
            self.write_merge(node, identity, person.key)
        for mention in self.report.extraction.mentions:
            self.phrase(mention.span, self.person(mention.person))

    def write_merge(self, node: URIRef, identity: Identity, key: str) -> None:
        """Why the resolver holds this report's mention of the person to be the person of
        the other reports (:func:`merge_triples`)."""
        for triple in merge_triples(self.mint, node, identity, self.report.key, key):
            self.add(triple)

    def write_post(self, holder: URIRef, key: str, held: Post) -> None:
        """A post held, the same holding as a membership (W3C ORG, Popolo), its title, and
        the status the report gives it."""
        add, mint, title, org_name = self.add, self.mint, held.title, held.org
        post, membership, org = mint("post", key), mint("membership", key), mint.org(org_name)
        role = title_iri(title)
        source = self.phrase(held.span)
        if held.status:
            add((post, KG.status, POST_STATUSES[held.status]))
            add((membership, KG.status, POST_STATUSES[held.status]))
        add((holder, ORG.holds, post))
        add((post, RDF.type, ORG.Post))
        add((post, ORG.postIn, org))
        add((post, ORG.role, role))
        add((post, ORG.heldBy, holder))
        add((post, SKOS.prefLabel, _zh(org_name + title)))
        add((post, PROV.wasDerivedFrom, source))
        add((membership, RDF.type, ORG.Membership))
        add((membership, ORG.member, holder))
        add((membership, ORG.organization, org))
        add((membership, ORG.role, role))
        add((membership, KG.post, post))
        add((membership, PROV.wasDerivedFrom, source))
        if title not in self.titles:  # a title's statements once, however many hold it
            self.titles.add(title)
            for triple in title_statements(title):
                add(triple)

    def write_report(self) -> tuple[URIRef, URIRef]:
        """The report and the meeting it is about."""
        add, mint, ex, key = self.add, self.mint, self.report.extraction, self.report.key
        report = mint("report", key)
        add((report, RDF.type, SCHEMA.NewsArticle))
        add((report, SCHEMA.headline, _zh(ex.title)))
        if self.report.source:
            add((report, SCHEMA.url, URIRef(self.report.source)))
        if ex.subtitle:
            add((report, SCHEMA.alternativeHeadline, _zh(ex.subtitle)))
        if ex.date:
            add((report, DCTERMS.date, _date(ex.date)))
        add((report, PROV.wasDerivedFrom, self.context))
        meeting = mint("meeting", key)
        add((meeting, RDF.type, SCHEMA.Event))
        if ex.meeting:
            add((meeting, SCHEMA.name, _zh(ex.meeting)))
        add((report, SCHEMA.about, meeting))
        if ex.province and ex.province in self.places:
            add((meeting, SCHEMA.location, mint.place(ex.province)))
        return report, meeting

    def write_section(self, section: Section, report: URIRef, meeting: URIRef) -> None:
        """A section: the body is the report and the meeting themselves; a discussion is a
        part of the meeting with an article of its own."""
        if section.kind == "body":
            event, article = meeting, report
        else:
            event, article = self.write_discussion(section, report, meeting)
        add = self.add
        if section.headline:
            add((article, SCHEMA.headline, _zh(section.headline)))
        add((article, PROV.wasDerivedFrom, self.phrase(section.span)))
        for participant in section.participants:
            who = self.person(participant.person)
            if participant.role == "referenced":
                add((article, SCHEMA.mentions, who))
                continue
            add((event, SCHEMA.attendee, who))
            add((event, ROLE_PROPERTIES[participant.role], who))
        for byline in section.bylines:
            who = self.person(byline.person)
            if byline.title:
                add((who, SCHEMA.jobTitle, _zh(byline.title)))
            if byline.role == "reporter":
                add((article, SCHEMA.author, who))
        self.write_captions(section, article)
        self.write_quotations(section, article)

    def write_discussion(self, section: Section, report: URIRef,
                         meeting: URIRef) -> tuple[URIRef, URIRef]:
        """A group's discussion within the meeting, and the article that reports it."""
        add, mint = self.add, self.mint
        local = f"{self.report.key}-{section.key}"
        event, article = mint("event", local), mint("article", local)
        add((event, RDF.type, SCHEMA.Event))
        for cls in SECTION_EVENTS.get(section.kind, ()):
            add((event, RDF.type, cls))
        if section.organiser:
            add((event, SCHEMA.organizer, mint.org(section.organiser)))
        add((event, SCHEMA.superEvent, meeting))
        add((event, SCHEMA.name, _zh(section.name)))
        for region in section.regions:
            add((event, SCHEMA.location, mint.place(region)))
        add((article, RDF.type, SCHEMA.NewsArticle))
        add((article, SCHEMA.about, event))
        add((article, SCHEMA.isPartOf, report))
        add((report, SCHEMA.hasPart, article))
        return event, article

    def write_captions(self, section: Section, article: URIRef) -> None:
        """The section's photos: caption, the photographer credited after it."""
        add = self.add
        for caption in section.captions:
            photo = self.mint("photo", f"{self.report.key}-{caption.span.start}")
            add((photo, RDF.type, SCHEMA.Photograph))
            add((photo, SCHEMA.caption, _zh(caption.text)))
            add((photo, SCHEMA.isPartOf, article))
            add((photo, PROV.wasDerivedFrom, self.phrase(caption.span)))
            for byline in section.bylines:
                if byline.role == "photographer" and caption.span.start <= byline.span.start:
                    add((photo, SCHEMA.creator, self.person(byline.person)))

    def write_quotations(self, section: Section, article: URIRef) -> None:
        """What the section's people said."""
        add = self.add
        for quote in section.quotations:
            begin, end = self.report.text.raw_span(quote.span)
            identity = self.identities[(self.report.key, quote.person)]
            node = self.mint("quote", f"{self.report.key}-{begin}-{end}-"
                                      f"{digest(identity.key, size=4)}")
            add((node, RDF.type, SCHEMA.Quotation))
            add((node, SCHEMA.author, self.person(quote.person)))
            add((node, SCHEMA.isPartOf, article))
            add((node, SCHEMA.text, _zh(quote.text)))
            add((node, PROV.wasDerivedFrom, self.phrase(quote.span)))
