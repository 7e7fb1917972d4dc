"""Turn extractions into an RDF graph that meets the public contract (docs in README).

Only this module knows rdflib's term types. IRIs are minted from content (names, area codes,
offsets), so the same input always gives the same graph.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import RDF, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

from kg.gazetteer import short_name, titles
from kg.ids import digest
from kg.model import Extraction, Place, Span
from kg.normalise import Text
from kg.rdf import pinyin
from kg.rdf.iris import Minter, title_iri
from kg.rdf.namespace import (
    DCTERMS,
    DEFAULT_BASE,
    ITSRDF,
    KG,
    NIF,
    ORG,
    ORG_KINDS,
    PREFIXES,
    PROV,
    ROLE_PROPERTIES,
    SCHEMA,
)

ZH = "zh"
PINYIN = "zh-Latn-pinyin"


@dataclass(frozen=True, slots=True)
class Source:
    """One report: its normalised text and what was read from it."""

    text: Text
    extraction: Extraction
    name: str = ""  # the file name, for the record


def bind_prefixes(graph: Graph, base: str) -> None:
    """Bind the prefixes the graph is written with (the contract's, ours, and ``id:``)."""
    for prefix, namespace in PREFIXES:
        graph.bind(prefix, namespace, replace=True)
    graph.bind("id", base, replace=True)


def build_dataset(sources: Iterable[Source], *, base: str = DEFAULT_BASE) -> Dataset:
    """The reports as a dataset: each report's statements in a named graph of its own.

    Args:
        sources: the reports read.
        base: the base IRI under which the graph's resources are named.

    Returns:
        A dataset whose graph ``{base}graph/{report}`` holds what was read from each report.
    """
    dataset = Dataset()
    bind_prefixes(dataset, base)
    mint = Minter(base)
    for source in sources:
        named = dataset.graph(URIRef(f"{base}graph/{digest(source.text.raw, size=12)}"))
        _add_source(named, mint, source)
    return dataset


def build_graph(sources: Iterable[Source], *, base: str = DEFAULT_BASE) -> Graph:
    """The graph of one or more reports (all statements in one graph).

    Args:
        sources: the reports read.
        base: the base IRI under which the graph's resources are named.

    Returns:
        An rdflib graph with the contract's prefixes bound.
    """
    graph = Graph()
    bind_prefixes(graph, base)
    mint = Minter(base)
    for source in sources:
        _add_source(graph, mint, source)
    return graph


def _place_pinyin(place: Place, places: dict[str, Place]) -> str:
    """A division's pinyin by name and kind; a zone's after its city's (Hangzhou Gaoxinqu)."""
    city = places.get(place.parent or "")
    if place.level == "zone" and city is not None:
        return pinyin.within(place.label, city.name, short_name(city.name) or "")
    return pinyin.place(place.label)


def _zh(value: str) -> Literal:
    return Literal(value, lang=ZH)


def _add_source(graph: Graph, mint: Minter, source: Source) -> None:
    text, ex = source.text, source.extraction
    add = graph.add
    doc_id = digest(text.raw, size=12)
    doc = f"{mint.base}doc/{doc_id}"
    context = URIRef(f"{doc}#char=0,{len(text.raw)}")
    add((context, RDF.type, NIF.Context))
    add((context, NIF.isString, Literal(text.raw)))
    add((context, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
    add((context, NIF.endIndex, Literal(len(text.raw), datatype=XSD.nonNegativeInteger)))
    if source.name:
        add((context, SCHEMA.name, Literal(source.name)))

    def phrase(span: Span, ident: URIRef | None = None) -> URIRef:
        begin, end = text.raw_span(span)
        node = URIRef(f"{doc}#char={begin},{end}")
        add((node, RDF.type, NIF.Phrase))
        add((node, NIF.anchorOf, Literal(text.raw[begin:end])))
        add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
        add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        add((node, NIF.referenceContext, context))
        if ident is not None:
            add((node, RDF.type, KG.NameMention))
            add((node, ITSRDF.taIdentRef, ident))
        else:
            add((node, RDF.type, KG.SourceSpan))
        return node

    gaz_places = {p.key: p for p in ex.places}
    for place in ex.places:
        node = mint.place(place.key)
        if place.level == "zone":
            add((node, RDF.type, KG.DevelopmentZone))
            add((node, RDF.type, SCHEMA.Place))
        else:
            add((node, RDF.type, SCHEMA.AdministrativeArea))
            add((node, SKOS.notation, Literal(place.key)))
            if place.start:
                add((node, KG.firstYear, Literal(str(place.start), datatype=XSD.gYear)))
            if place.end:
                add((node, KG.lastYear, Literal(str(place.end), datatype=XSD.gYear)))
        add((node, SKOS.prefLabel, _zh(place.label)))
        add((node, SKOS.altLabel, Literal(_place_pinyin(place, gaz_places), lang=PINYIN)))
        if place.parent and place.parent in gaz_places:
            add((node, SCHEMA.containedInPlace, mint.place(place.parent)))

    for org in ex.organisations:
        node = mint.org(org.name)
        add((node, RDF.type, ORG.Organization))
        if org.kind == "study_group":
            add((node, RDF.type, ORG.OrganizationalUnit))
            add((node, RDF.type, KG.StudyGroup))
        add((node, SKOS.prefLabel, _zh(org.name)))
        add((node, ORG.classification, ORG_KINDS.get(org.kind, KG.OtherOrganisation)))
        if org.place and org.place in gaz_places:
            add((node, SCHEMA.areaServed, mint.place(org.place)))
        if org.parent:
            add((node, ORG.subOrganizationOf, mint.org(org.parent)))

    title_labels = titles()
    for person in ex.people:
        node = mint.person(person.name)
        add((node, RDF.type, FOAF.Person))
        add((node, FOAF.name, _zh(person.name)))
        add((node, SKOS.altLabel, Literal(pinyin.person(person.name), lang=PINYIN)))
        for post in person.posts:
            key = digest(person.name, post.org, post.title, size=12)
            post_node, membership = mint("post", key), mint("membership", key)
            role = title_iri(post.title)
            source_phrase = phrase(post.span)
            add((node, ORG.holds, post_node))
            add((post_node, RDF.type, ORG.Post))
            add((post_node, ORG.postIn, mint.org(post.org)))
            add((post_node, ORG.role, role))
            add((post_node, ORG.heldBy, node))
            add((post_node, SKOS.prefLabel, _zh(post.org + post.title)))
            add((post_node, PROV.wasDerivedFrom, source_phrase))
            # the same holding as W3C ORG and Popolo model a membership
            add((membership, RDF.type, ORG.Membership))
            add((membership, ORG.member, node))
            add((membership, ORG.organization, mint.org(post.org)))
            add((membership, ORG.role, role))
            add((membership, KG.post, post_node))
            add((membership, PROV.wasDerivedFrom, source_phrase))
            add((role, RDF.type, ORG.Role))
            add((role, RDF.type, SKOS.Concept))
            add((role, SKOS.inScheme, KG.Titles))
            add((role, SKOS.prefLabel, _zh(post.title)))
            add((role, SKOS.altLabel, Literal(pinyin.plain(post.title), lang=PINYIN)))
            if title_labels.get(post.title):
                add((role, SKOS.prefLabel, Literal(title_labels[post.title], lang="en")))
    for mention in ex.mentions:
        phrase(mention.span, mint.person(mention.name))

    report = mint("report", doc_id)
    add((report, RDF.type, SCHEMA.NewsArticle))
    add((report, SCHEMA.headline, _zh(ex.title)))
    if ex.subtitle:
        add((report, SCHEMA.alternativeHeadline, _zh(ex.subtitle)))
    if ex.year:
        add((report, DCTERMS.date, Literal(str(ex.year), datatype=XSD.gYear)))
    add((report, PROV.wasDerivedFrom, context))
    meeting = mint("meeting", doc_id)
    add((meeting, RDF.type, SCHEMA.Event))
    if ex.meeting:
        add((meeting, SCHEMA.name, _zh(ex.meeting)))
    add((report, SCHEMA.about, meeting))
    if ex.province and ex.province in gaz_places:
        add((meeting, SCHEMA.location, mint.place(ex.province)))

    for group in ex.groups:
        if not group.name:  # a report not in study groups: the meeting and the report itself
            event, article = meeting, report
        else:
            local = f"{doc_id}-{group.key}"
            event = mint("event", local)
            article = mint("article", local)
            add((event, RDF.type, SCHEMA.Event))
            add((event, RDF.type, KG.GroupDiscussion))
            add((event, SCHEMA.organizer, mint.org(group.name)))
            add((event, SCHEMA.superEvent, meeting))
            add((event, SCHEMA.name, _zh(group.name)))
            for region in group.regions:
                add((event, SCHEMA.location, mint.place(region)))
            add((article, RDF.type, SCHEMA.NewsArticle))
            add((article, SCHEMA.about, event))
            add((article, SCHEMA.isPartOf, report))
            add((report, SCHEMA.hasPart, article))
        if group.headline:
            add((article, SCHEMA.headline, _zh(group.headline)))
        add((article, PROV.wasDerivedFrom, phrase(group.span)))
        for attendee, how in group.roles:
            who = mint.person(attendee)
            if how == "referenced":
                add((article, SCHEMA.mentions, who))
                continue
            add((event, SCHEMA.attendee, who))
            add((event, ROLE_PROPERTIES[how], who))
        for byline in group.bylines:
            who = mint.person(byline.name)
            if byline.title:
                add((who, SCHEMA.jobTitle, _zh(byline.title)))
            if byline.role == "reporter":
                add((article, SCHEMA.author, who))
        for caption, span in group.captions:
            photo = mint("photo", f"{doc_id}-{span.start}")
            add((photo, RDF.type, SCHEMA.Photograph))
            add((photo, SCHEMA.caption, _zh(caption)))
            add((photo, SCHEMA.isPartOf, article))
            add((photo, PROV.wasDerivedFrom, phrase(span)))
            for byline in group.bylines:
                if byline.role == "photographer" and span.start <= byline.span.start:
                    add((photo, SCHEMA.creator, mint.person(byline.name)))
        for quote in group.quotations:
            begin, end = text.raw_span(quote.span)
            node = mint("quote", f"{doc_id}-{begin}-{end}-{digest(quote.author, size=4)}")
            add((node, RDF.type, SCHEMA.Quotation))
            add((node, SCHEMA.author, mint.person(quote.author)))
            add((node, SCHEMA.isPartOf, article))
            add((node, SCHEMA.text, _zh(quote.text)))
            add((node, PROV.wasDerivedFrom, phrase(quote.span)))
