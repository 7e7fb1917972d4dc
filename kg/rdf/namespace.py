"""The vocabularies the graph is written in, and the project's own terms, closed: a typo
raises instead of minting a new IRI."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import DefinedNamespace, Namespace

from kg.defaults import DEFAULT_BASE as DEFAULT_BASE  # where kg has always offered it
from kg.rdf.prefixes import PREFIXES as PREFIXES  # where kg has always offered it

KG_NS = PREFIXES["kg"]

class _Terms(Namespace):
    """A namespace that makes each of its terms once: rdflib's makes (and checks) a new
    IRI at every ``NS.term``, a quarter of the time writing a report's statements took."""

    def __getattr__(self, name: str) -> URIRef:
        term = super().__getattr__(name)
        self.__dict__[name] = term  # found there from now on, before __getattr__ is asked
        return term


ORG = _Terms(PREFIXES["org"])
SCHEMA = _Terms(PREFIXES["schema"])
NIF = _Terms(PREFIXES["nif"])
ITSRDF = _Terms(PREFIXES["itsrdf"])
PROV = _Terms(PREFIXES["prov"])
DCTERMS = _Terms(PREFIXES["dcterms"])


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl``."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    DevelopmentZone: URIRef  # a development zone (高新区, 经济技术开发区) inside its city
    StudyGroup: URIRef  # a study group of a meeting
    GroupDiscussion: URIRef  # a study group's discussion (a schema:Event)
    NameMention: URIRef  # a person's name where it stands in the text (a nif:Phrase)
    SourceSpan: URIRef  # the characters a post, quotation or article was read from
    # attendance, each a sub-property of schema:attendee
    speaker: URIRef
    listener: URIRef
    participant: URIRef
    leader: URIRef
    chair: URIRef
    companion: URIRef
    inspector: URIRef
    # organisation kinds (skos:Concept in kg:OrganisationKinds)
    OrganisationKinds: URIRef
    TradeUnion: URIRef
    PeoplesCongress: URIRef
    CPPCC: URIRef
    PartyOrganisation: URIRef
    GovernmentBody: URIRef
    Enterprise: URIRef
    Newspaper: URIRef
    Court: URIRef
    Procuratorate: URIRef
    SupervisoryCommission: URIRef
    MassOrganisation: URIRef
    DemocraticParty: URIRef
    ResearchInstitute: URIRef
    Hospital: URIRef
    Media: URIRef
    School: URIRef
    StudyGroupKind: URIRef
    OtherOrganisation: URIRef
    # titles (each title a concept kg:title-…, see title_iri)
    Titles: URIRef
    # post statuses (skos:Concept in kg:PostStatuses)
    PostStatuses: URIRef
    Appointed: URIRef
    Removed: URIRef
    Former: URIRef
    # properties of our own
    post: URIRef  # from a membership to the post it is the holding of
    status: URIRef  # the status a report gives a post: appointed, removed, former
    reason: URIRef  # why the resolver holds a report's mention to be a person of others
    firstYear: URIRef  # noqa: N815 — the first year a place was in use under its name
    lastYear: URIRef  # noqa: N815 — the last year a place was in use under its name


ORG_KINDS = {
    "trade_union": KG.TradeUnion,
    "people_congress": KG.PeoplesCongress,
    "cppcc": KG.CPPCC,
    "party": KG.PartyOrganisation,
    "government": KG.GovernmentBody,
    "enterprise": KG.Enterprise,
    "newspaper": KG.Newspaper,
    "court": KG.Court,
    "procuratorate": KG.Procuratorate,
    "supervision": KG.SupervisoryCommission,
    "mass_organisation": KG.MassOrganisation,
    "democratic_party": KG.DemocraticParty,
    "research": KG.ResearchInstitute,
    "hospital": KG.Hospital,
    "media": KG.Media,
    "school": KG.School,
    "study_group": KG.StudyGroupKind,
    "other": KG.OtherOrganisation,
}

#: Classes an organisation of a kind has besides org:Organization.
ORG_CLASSES = {
    "study_group": (ORG.OrganizationalUnit, KG.StudyGroup),
}

#: Classes a section's event has besides schema:Event, by the section's kind.
SECTION_EVENTS = {
    "discussion": (KG.GroupDiscussion,),
}

#: The status a report gives a post (kg.model.Post.status), as a concept.
POST_STATUSES = {
    "appointed": KG.Appointed,
    "removed": KG.Removed,
    "former": KG.Former,
}

ROLE_PROPERTIES = {
    "speaker": KG.speaker,
    "listener": KG.listener,
    "participant": KG.participant,
    "leader": KG.leader,
    "chair": KG.chair,
    "companion": KG.companion,
    "inspector": KG.inspector,
}


def bind_prefixes(graph: Graph, base: str) -> None:
    """Bind the prefixes the graph is written with (the contract's, ours, and ``id:``)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    graph.bind("id", base, replace=True)
