"""Turn extractions into an RDF graph that meets the public contract (docs in README).

Only this module knows rdflib's term types. IRIs are minted from content (names, area codes,
offsets), so the same input always gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from pypinyin import Style, lazy_pinyin
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

from kg.gazetteer import surnames, titles
from kg.model import Extraction, Span
from kg.namespace import (
    DCTERMS,
    DEFAULT_BASE,
    ITSRDF,
    KG,
    KG_NS,
    NIF,
    ORG,
    ORG_KINDS,
    PROV,
    ROLE_PROPERTIES,
    SCHEMA,
    title_iri,
)
from kg.normalise import Text

ZH = "zh"
PINYIN = "zh-Latn-pinyin"


@dataclass(frozen=True, slots=True)
class Source:
    """One report: its normalised text and what was read from it."""

    text: Text
    extraction: Extraction
    name: str = ""  # the file name, for the record


def _digest(*parts: str, size: int = 8) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:size]


def pinyin(name: str, *, person: bool = False) -> str:
    """Pinyin of a Chinese name; a person's surname read as a surname (曾 → Zeng)."""
    if not name:
        return ""
    if person:
        table = surnames()
        size = 2 if name[:2] in table else 1
        reading = table.get(name[:size], "")
        family = reading or _syllables(name[:size])
        given = _syllables(name[size:])
        return f"{family.capitalize()} {given.capitalize()}".strip()
    return " ".join(lazy_pinyin(name, style=Style.NORMAL))


_KINDS = "特别行政区|自治区|自治州|自治县|自治旗|省|市|县|区|旗|盟"
_DIVISION = re.compile(rf".+?(?:{_KINDS})|.+$")
_KIND = re.compile(rf"(?:[\u4e00-\u9fff]{{1,3}}族)*(?:{_KINDS})$")


def _syllables(text: str) -> str:
    """Pinyin syllables run together, with an apostrophe where a syllable starts with a vowel."""
    out = ""
    for syllable in lazy_pinyin(text, style=Style.NORMAL):
        out += ("'" if out and syllable[:1] in "aoe" else "") + syllable
    return out


def place_pinyin(label: str) -> str:
    """Pinyin of a place's name, a word for each name and kind.

    杭州市西湖区 → Hangzhou Shi Xihu Qu.
    """
    words = []
    for match in _DIVISION.finditer(label):
        part = match.group(0)
        kind = _KIND.search(part, 2)  # a name has two characters at least
        cut = kind.start() if kind else len(part)
        for piece in (part[:cut], part[cut:]):
            if piece:
                words.append(_syllables(piece).capitalize())
    return " ".join(words)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _Minter:
    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, kind: str, local: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{local}")

    def person(self, name: str) -> URIRef:
        return self("person", f"{_slug(pinyin(name, person=True))}-{_digest(name, size=6)}")

    def org(self, name: str) -> URIRef:
        initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))
        return self("org", f"{_slug(initials)[:24]}-{_digest(name)}")

    def place(self, key: str) -> URIRef:
        if key.startswith("zone-"):
            name = key[len("zone-"):]
            initials = "".join(lazy_pinyin(name, style=Style.FIRST_LETTER))
            return self("place", f"zone-{_slug(initials)}-{_digest(name, size=6)}")
        return self("place", key)


_PREFIXES = (("org", ORG), ("foaf", FOAF), ("skos", SKOS), ("schema", SCHEMA), ("nif", NIF),
             ("itsrdf", ITSRDF), ("prov", PROV), ("kg", KG_NS), ("xsd", XSD), ("rdfs", RDFS),
             ("dcterms", DCTERMS))


def bind_prefixes(graph: Graph, base: str) -> None:
    """Bind the prefixes the graph is written with (the contract's, ours, and ``id:``)."""
    for prefix, namespace in _PREFIXES:
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
    mint = _Minter(base)
    for source in sources:
        named = dataset.graph(URIRef(f"{base}graph/{_digest(source.text.raw, size=12)}"))
        _add_source(named, mint, source)
    return dataset


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
    mint = _Minter(base)
    for source in sources:
        _add_source(graph, mint, source)
    return graph


def _zh(value: str) -> Literal:
    return Literal(value, lang=ZH)


def _add_source(graph: Graph, mint: _Minter, source: Source) -> None:
    text, ex = source.text, source.extraction
    add = graph.add
    doc_id = _digest(text.raw, size=12)
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
        add((node, SKOS.altLabel, Literal(place_pinyin(place.label), lang=PINYIN)))
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
        add((node, SKOS.altLabel, Literal(pinyin(person.name, person=True), lang=PINYIN)))
        for post in person.posts:
            key = _digest(person.name, post.org, post.title, size=12)
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
            add((role, SKOS.altLabel, Literal(pinyin(post.title), lang=PINYIN)))
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
            node = mint("quote", f"{doc_id}-{begin}-{end}-{_digest(quote.author, size=4)}")
            add((node, RDF.type, SCHEMA.Quotation))
            add((node, SCHEMA.author, mint.person(quote.author)))
            add((node, SCHEMA.isPartOf, article))
            add((node, SCHEMA.text, _zh(quote.text)))
            add((node, PROV.wasDerivedFrom, phrase(quote.span)))
