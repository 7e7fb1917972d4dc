"""The SHACL shapes: real graphs conform, and each shape catches the break it is there for."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyshacl
import pytest
from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import FOAF, SH, SKOS

import kg.rdf.validate
from kg.errors import DataError
from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.rdf.namespace import ITSRDF, KG, NIF, ORG, PROV, SCHEMA
from kg.rdf.validate import ValidationReport, Violation, validate

KGSH = Namespace("https://example.org/kg/shapes#")
# datatypes by IRI: pytest, looking for mocks, asks rdflib's XSD for a name it warns about
GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
NON_NEGATIVE = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")
SHAPES = Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl"

# an invented report with a bit of everything: a group with its leader, a listener, a visitor,
# speakers, a development zone, a district, a photograph, bylines
REPORT = """同心筑梦 奋楫前行

——全省工会干部学习会分组讨论纪实

温州、台州学习组——

工会要有新担当

本报讯 记者林一 见习记者许二报道 昨天,温州、台州学习组开展讨论。\
省人大常委会副主任、省总工会主席韦三听取讨论发言。省总工会副主席欧阳四到学习组参加讨论。

学习组组长、温州市总工会主席宋五主持讨论。宋五表示,要服务职工。\
瓯海区总工会主席徐六认为,韦三的讲话很好。\
台州经济技术开发区总工会主席丁十说:“我们要创新。”

韦三听取分组讨论发言。记者邱明 摄
"""


def graph_of(raw: str) -> Graph:
    return build_graph([read_text(raw)])


@pytest.fixture(scope="module")
def small() -> Graph:
    return graph_of(REPORT)


def copy(graph: Graph) -> Graph:
    out = Graph()
    for prefix, namespace in graph.namespaces():
        out.bind(prefix, namespace, replace=True)
    out += graph
    return out


# ----------------------------------------------------------------------------- real graphs conform


def test_the_small_report_conforms(small: Graph) -> None:
    report = validate(small)
    assert report.conforms, report.text
    assert report.results == ()
    assert report.text == "Conforms: 0 violations.\n"


@pytest.mark.parametrize("name", ["transcript", "jiangsu"])
def test_real_reports_conform(name: str, request: pytest.FixtureRequest) -> None:
    graph = graph_of(request.getfixturevalue(name))
    report = validate(graph)
    assert report.conforms, report.text
    assert report.results == (), report.text


def test_validation_leaves_the_graph_alone(small: Graph) -> None:
    graph = copy(small)
    before = set(graph)
    validate(graph)
    assert set(graph) == before


def test_validation_leaves_the_shapes_alone(small: Graph) -> None:
    shapes = kg.rdf.validate._shapes(kg.rdf.validate.SHAPES)
    before = set(shapes)
    validate(small)
    assert set(shapes) == before


def test_the_shapes_are_well_formed_shacl() -> None:
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=Graph().parse(SHAPES),
                                         meta_shacl=True)
    assert conforms, text


# ------------------------------------------------------------------------- finding nodes to break


def first(graph: Graph, kind: URIRef) -> URIRef:
    """The first node of a kind, by IRI, so each case breaks the same node every run."""
    return min(n for n in graph.subjects(RDF.type, kind) if isinstance(n, URIRef))


def event(graph: Graph) -> URIRef:
    return min(n for n in graph.subjects(SCHEMA.organizer, None) if isinstance(n, URIRef))


def article(graph: Graph) -> URIRef:
    return min(n for n in graph.subjects(SCHEMA.about, event(graph)) if isinstance(n, URIRef))


def reporter(graph: Graph) -> URIRef:
    return min(n for n in graph.objects(article(graph), SCHEMA.author) if isinstance(n, URIRef))


def speaker(graph: Graph) -> URIRef:
    return min(n for n in graph.objects(event(graph), KG.speaker) if isinstance(n, URIRef))


def holder(graph: Graph) -> URIRef:
    return min(n for n in graph.subjects(ORG.holds, None) if isinstance(n, URIRef))


def post(graph: Graph) -> URIRef:
    return first(graph, ORG.Post)


def membership(graph: Graph) -> URIRef:
    return first(graph, ORG.Membership)


def group(graph: Graph) -> URIRef:
    return first(graph, KG.StudyGroup)


def union(graph: Graph) -> URIRef:
    """An organisation that is not a study group."""
    return min(n for n in graph.subjects(SCHEMA.areaServed, None) if isinstance(n, URIRef))


def area(graph: Graph) -> URIRef:
    """An administrative area inside another."""
    return min(n for n in graph.subjects(RDF.type, SCHEMA.AdministrativeArea)
               if (n, SCHEMA.containedInPlace, None) in graph)


def phrase(graph: Graph) -> URIRef:
    return first(graph, NIF.Phrase)


def context(graph: Graph) -> URIRef:
    return first(graph, NIF.Context)


def rename(graph: Graph, old: URIRef, new: URIRef | BNode) -> None:
    for s, p, o in list(graph.triples((old, None, None))):
        graph.remove((s, p, o))
        graph.add((new, p, o))
    for s, p, o in list(graph.triples((None, None, old))):
        graph.remove((s, p, o))
        graph.add((s, p, new))


# ----------------------------------------------------------------------------- one break per case

Break = Callable[[Graph], None]
CASES: list[Any] = []


def case(name: str, path: str = "", *, constraint: str = "",
         severity: str = "Violation") -> Callable[[Break], Break]:
    """Register a break: the shape (or named SPARQL constraint) and path it must trip."""
    def register(fn: Break) -> Break:
        CASES.append(pytest.param(fn, name, path, constraint, severity, id=fn.__name__))
        return fn
    return register


@case("kgsh:PersonNameShape", "foaf:name", constraint="sh:MinCountConstraintComponent")
def person_without_a_name(g: Graph) -> None:
    g.remove((speaker(g), FOAF.name, None))


@case("kgsh:PersonNameShape", "foaf:name", constraint="sh:UniqueLangConstraintComponent")
def person_with_a_second_zh_name(g: Graph) -> None:
    g.add((speaker(g), FOAF.name, Literal("别名", lang="zh")))


@case("kgsh:PersonNameShape", "foaf:name",
      constraint="kgsh:RequiredLanguageConstraintComponent")
def person_named_only_in_a_sub_tag_of_zh(g: Graph) -> None:
    g.set((speaker(g), FOAF.name, Literal("宋五", lang="zh-Hant")))


@case("kgsh:PersonNameShape", "foaf:name", constraint="sh:PatternConstraintComponent")
def person_named_in_pinyin_tagged_zh(g: Graph) -> None:
    g.set((speaker(g), FOAF.name, Literal("Song Wu", lang="zh")))


@case("kgsh:PersonNameShape", "foaf:name", constraint="sh:LanguageInConstraintComponent")
def person_named_in_english(g: Graph) -> None:
    g.add((speaker(g), FOAF.name, Literal("Song Wu", lang="en")))


@case("kgsh:PinyinTaggedShape", "skos:altLabel")
def pinyin_tagged_zh(g: Graph) -> None:
    g.add((speaker(g), SKOS.altLabel, Literal("Song Wu", lang="zh")))


@case("kgsh:PinyinTaggedShape", "skos:altLabel")
def chinese_tagged_pinyin(g: Graph) -> None:
    g.add((area(g), SKOS.altLabel, Literal("温州", lang="zh-Latn-pinyin")))


@case("kgsh:PinyinTaggedShape", "skos:altLabel", constraint="sh:DatatypeConstraintComponent")
def label_without_a_language(g: Graph) -> None:
    g.add((first(g, ORG.Role), SKOS.altLabel, Literal("zhu xi")))


@case("kgsh:OnePinyinShape", "skos:altLabel")
def two_pinyin_labels(g: Graph) -> None:
    g.add((speaker(g), SKOS.altLabel, Literal("Song Wuu", lang="zh-Latn-pinyin")))


@case("kgsh:HolderShape")
def organisation_holding_a_post(g: Graph) -> None:
    g.add((union(g), ORG.holds, post(g)))


@case("kgsh:HoldsShape", "org:holds")
def holding_an_organisation(g: Graph) -> None:
    g.add((holder(g), ORG.holds, union(g)))


@case("kgsh:PostInShape", "org:postIn", constraint="sh:MinCountConstraintComponent")
def post_without_post_in(g: Graph) -> None:
    g.remove((post(g), ORG.postIn, None))


@case("kgsh:PostInShape", "org:postIn", constraint="sh:ClassConstraintComponent")
def post_in_a_place(g: Graph) -> None:
    g.set((post(g), ORG.postIn, area(g)))


@case("kgsh:PostRoleShape", "org:role")
def post_without_a_role(g: Graph) -> None:
    g.remove((post(g), ORG.role, None))


@case("kgsh:PostHeldByShape", "org:heldBy")
def post_held_by_nobody(g: Graph) -> None:
    g.remove((post(g), ORG.heldBy, None))


@case("kgsh:PostHolderShape", "^org:holds")
def post_held_by_another(g: Graph) -> None:
    g.add((reporter(g), ORG.holds, post(g)))


@case("kgsh:PostLabelShape", "skos:prefLabel")
def post_with_two_zh_labels(g: Graph) -> None:
    g.add((post(g), SKOS.prefLabel, Literal("另一个职位", lang="zh")))


@case("kgsh:StatusShape", "kg:status")
def post_with_a_status_of_no_kind(g: Graph) -> None:
    g.add((post(g), KG.status, KG.Titles))


@case("kgsh:PostMembershipShape", "^kg:post")
def post_without_a_membership(g: Graph) -> None:
    g.remove((None, KG.post, post(g)))


@case("kgsh:DerivedFromPhraseShape", "prov:wasDerivedFrom")
def post_read_from_nowhere(g: Graph) -> None:
    g.remove((post(g), PROV.wasDerivedFrom, None))


@case("kgsh:RoleLabelShape", "skos:prefLabel",
      constraint="kgsh:RequiredLanguageConstraintComponent")
def role_labelled_only_in_english(g: Graph) -> None:
    role = first(g, ORG.Role)
    for label in list(g.objects(role, SKOS.prefLabel)):
        g.remove((role, SKOS.prefLabel, label))
    g.add((role, SKOS.prefLabel, Literal("Chair", lang="en")))


@case("kgsh:RoleLabelShape", "skos:prefLabel", constraint="sh:UniqueLangConstraintComponent")
def role_with_two_english_labels(g: Graph) -> None:
    g.add((first(g, ORG.Role), SKOS.prefLabel, Literal("Head", lang="en")))
    g.add((first(g, ORG.Role), SKOS.prefLabel, Literal("Boss", lang="en")))


@case("kgsh:RoleSchemeShape", "skos:inScheme")
def role_outside_the_titles(g: Graph) -> None:
    g.remove((first(g, ORG.Role), SKOS.inScheme, None))


@case("kgsh:MembershipMemberShape", "org:member")
def membership_of_an_organisation(g: Graph) -> None:
    g.add((membership(g), ORG.member, union(g)))


@case("kgsh:MembershipOrganizationShape", "org:organization")
def membership_without_organisation(g: Graph) -> None:
    g.remove((membership(g), ORG.organization, None))


@case("kgsh:MembershipRoleShape", "org:role")
def membership_with_two_roles(g: Graph) -> None:
    roles = sorted(g.subjects(RDF.type, ORG.Role))
    g.add((membership(g), ORG.role, roles[0]))
    g.add((membership(g), ORG.role, roles[1]))


@case("kgsh:MembershipPostShape", "kg:post")
def membership_of_no_post(g: Graph) -> None:
    g.remove((membership(g), KG.post, None))


@case("kgsh:MembershipAgreesShape-member", "kg:post/org:heldBy")
def membership_of_someone_else(g: Graph) -> None:
    g.set((membership(g), ORG.member, reporter(g)))


@case("kgsh:MembershipAgreesShape-organization", "kg:post/org:postIn")
def membership_in_another_organisation(g: Graph) -> None:
    g.set((membership(g), ORG.organization, group(g)))


@case("kgsh:MembershipAgreesShape-role", "kg:post/org:role")
def membership_with_another_role(g: Graph) -> None:
    theirs = g.value(membership(g), ORG.role)
    other = min(r for r in g.subjects(RDF.type, ORG.Role) if r != theirs)
    g.set((membership(g), ORG.role, other))


@case("kgsh:OrganizationLabelShape", "skos:prefLabel",
      constraint="sh:MinCountConstraintComponent")
def organisation_without_a_name(g: Graph) -> None:
    g.remove((union(g), SKOS.prefLabel, None))


@case("kgsh:OrganizationLabelShape", "skos:prefLabel",
      constraint="sh:UniqueLangConstraintComponent")
def organisation_with_two_zh_names(g: Graph) -> None:
    g.add((union(g), SKOS.prefLabel, Literal("另一个名称", lang="zh")))


@case("kgsh:SubOrganizationShape", "org:subOrganizationOf")
def unit_inside_a_place(g: Graph) -> None:
    g.add((union(g), ORG.subOrganizationOf, area(g)))


@case("kgsh:AreaServedShape", "schema:areaServed")
def serving_a_person(g: Graph) -> None:
    g.add((union(g), SCHEMA.areaServed, speaker(g)))


@case("kgsh:ClassificationShape", "org:classification", constraint="sh:InConstraintComponent")
def organisation_of_an_unknown_kind(g: Graph) -> None:
    g.set((union(g), ORG.classification, KG.Titles))


@case("kgsh:ClassificationShape", "org:classification",
      constraint="sh:MinCountConstraintComponent")
def organisation_of_no_kind(g: Graph) -> None:
    g.remove((union(g), ORG.classification, None))


@case("kgsh:StudyGroupShape")
def study_group_not_a_unit(g: Graph) -> None:
    g.remove((group(g), RDF.type, ORG.OrganizationalUnit))


@case("kgsh:StudyGroupKindShape", "org:classification")
def study_group_classified_as_a_union(g: Graph) -> None:
    g.set((group(g), ORG.classification, KG.TradeUnion))


@case("kgsh:PlaceLabelShape", "skos:prefLabel")
def place_without_a_name(g: Graph) -> None:
    g.remove((area(g), SKOS.prefLabel, None))


@case("kgsh:NotationShape", "skos:notation", constraint="sh:PatternConstraintComponent")
def area_code_with_letters(g: Graph) -> None:
    g.set((area(g), SKOS.notation, Literal("12ab")))


@case("kgsh:NotationShape", "skos:notation", constraint="sh:MinCountConstraintComponent")
def area_without_a_code(g: Graph) -> None:
    g.remove((area(g), SKOS.notation, None))


@case("kgsh:ContainedInAreaShape", "schema:containedInPlace")
def area_inside_an_organisation(g: Graph) -> None:
    g.set((area(g), SCHEMA.containedInPlace, union(g)))


@case("kgsh:FirstYearShape", "kg:firstYear")
def first_year_as_a_gyear(g: Graph) -> None:  # not in OWL 2's datatype map
    g.set((area(g), KG.firstYear, Literal("1983", datatype=GYEAR)))


@case("kgsh:LastYearShape", "kg:lastYear")
def two_last_years(g: Graph) -> None:
    g.add((area(g), KG.lastYear, Literal(2016)))
    g.add((area(g), KG.lastYear, Literal(2017)))


@case("kgsh:YearsInOrder", "kg:firstYear")
def last_year_before_first(g: Graph) -> None:
    g.set((area(g), KG.firstYear, Literal(2020)))
    g.set((area(g), KG.lastYear, Literal(2010)))


@case("kgsh:DevelopmentZoneShape")
def zone_as_an_administrative_area(g: Graph) -> None:
    g.add((first(g, KG.DevelopmentZone), RDF.type, SCHEMA.AdministrativeArea))


@case("kgsh:ZoneCityShape", "schema:containedInPlace")
def zone_in_no_city(g: Graph) -> None:
    g.remove((first(g, KG.DevelopmentZone), SCHEMA.containedInPlace, None))


@case("kgsh:AttendeeShape", "schema:attendee")
def organisation_attending(g: Graph) -> None:
    g.add((event(g), SCHEMA.attendee, union(g)))


@case("kgsh:AttendanceShape",
      "kg:speaker|kg:listener|kg:participant|kg:leader|kg:chair|kg:companion|kg:inspector")
def organisation_speaking(g: Graph) -> None:
    g.add((event(g), KG.speaker, union(g)))
    g.add((event(g), SCHEMA.attendee, union(g)))


def _took_part_without_attending(how: URIRef) -> Break:
    def brk(g: Graph) -> None:
        g.add((event(g), how, reporter(g)))
    return brk


for _how in ("speaker", "listener", "participant", "leader", "chair", "companion", "inspector"):
    _brk = _took_part_without_attending(KG[_how])
    _brk.__name__ = f"{_how}_not_attending"
    case("kgsh:AttendanceImpliesAttendee", f"kg:{_how}")(_brk)


@case("kgsh:AttendanceImpliesAttendee", "kg:speaker")
def attendee_removed(g: Graph) -> None:
    g.remove((event(g), SCHEMA.attendee, speaker(g)))


@case("kgsh:OrganizerShape", "schema:organizer")
def organised_by_a_union(g: Graph) -> None:
    g.set((event(g), SCHEMA.organizer, union(g)))


@case("kgsh:SuperEventShape", "schema:superEvent")
def part_of_a_person(g: Graph) -> None:
    g.set((event(g), SCHEMA.superEvent, speaker(g)))


@case("kgsh:GroupDiscussionMeetingShape", "schema:superEvent")
def discussion_outside_the_meeting(g: Graph) -> None:
    g.remove((event(g), SCHEMA.superEvent, None))


@case("kgsh:HeadlineShape", "schema:headline", constraint="sh:UniqueLangConstraintComponent")
def two_zh_headlines(g: Graph) -> None:
    g.add((article(g), SCHEMA.headline, Literal("另一个标题", lang="zh")))


@case("kgsh:HeadlineShape", "schema:headline", constraint="sh:DatatypeConstraintComponent")
def headline_without_a_language(g: Graph) -> None:
    g.add((article(g), SCHEMA.headline, Literal("Headline")))


@case("kgsh:HeadlineZhShape", "schema:headline", severity="Warning")
def report_without_a_headline(g: Graph) -> None:
    g.remove((article(g), SCHEMA.headline, None))


@case("kgsh:ArticleAuthorShape", "schema:author")
def written_by_an_organisation(g: Graph) -> None:
    g.add((article(g), SCHEMA.author, union(g)))


@case("kgsh:ArticleAboutShape", "schema:about")
def report_about_a_person(g: Graph) -> None:
    g.set((article(g), SCHEMA.about, speaker(g)))


@case("kgsh:ArticlePartShape", "schema:isPartOf|schema:hasPart")
def report_part_of_an_event(g: Graph) -> None:
    g.set((article(g), SCHEMA.isPartOf, event(g)))


@case("kgsh:ArticleMentionsShape", "schema:mentions")
def mentioning_an_organisation(g: Graph) -> None:
    g.add((article(g), SCHEMA.mentions, union(g)))


@case("kgsh:ArticleSourceShape", "prov:wasDerivedFrom")
def report_read_from_nowhere(g: Graph) -> None:
    g.remove((article(g), PROV.wasDerivedFrom, None))


@case("kgsh:ArticleUrlShape", "schema:url")
def report_published_at_two_addresses(g: Graph) -> None:
    g.add((article(g), SCHEMA.url, URIRef("https://example.com/a")))
    g.add((article(g), SCHEMA.url, URIRef("https://example.com/b")))


@case("kgsh:ArticleUrlShape", "schema:url")
def report_published_at_a_string(g: Graph) -> None:
    g.add((article(g), SCHEMA.url, Literal("https://example.com/a")))


def merge(g: Graph) -> URIRef:
    """A derivation as the resolver writes one (the small graph has one report: none)."""
    node = URIRef(str(article(g)) + "-merge")
    g.add((first(g, FOAF.Person), PROV.qualifiedDerivation, node))
    g.add((node, RDF.type, PROV.Derivation))
    g.add((node, PROV.entity, article(g)))
    g.add((node, KG.reason, Literal("same organisation: 某某市总工会", lang="en")))
    return node


@case("kgsh:DerivationReasonShape", "kg:reason")
def merge_without_a_reason(g: Graph) -> None:
    g.remove((merge(g), KG.reason, None))


@case("kgsh:DerivationReasonShape", "kg:reason")
def merge_with_a_bare_reason(g: Graph) -> None:
    g.set((merge(g), KG.reason, Literal("same name")))


@case("kgsh:DerivationReportShape", "prov:entity")
def merge_from_a_person(g: Graph) -> None:
    g.set((merge(g), PROV.entity, first(g, FOAF.Person)))


@case("kgsh:CaptionShape", "schema:caption")
def photograph_without_a_caption(g: Graph) -> None:
    g.remove((first(g, SCHEMA.Photograph), SCHEMA.caption, None))


@case("kgsh:PhotographerShape", "schema:creator")
def photograph_by_an_organisation(g: Graph) -> None:
    g.set((first(g, SCHEMA.Photograph), SCHEMA.creator, union(g)))


@case("kgsh:PhotographArticleShape", "schema:isPartOf")
def photograph_in_no_report(g: Graph) -> None:
    g.remove((first(g, SCHEMA.Photograph), SCHEMA.isPartOf, None))


@case("kgsh:QuotationAuthorShape", "schema:author", constraint="sh:MinCountConstraintComponent")
def quotation_by_nobody(g: Graph) -> None:
    g.remove((first(g, SCHEMA.Quotation), SCHEMA.author, None))


@case("kgsh:QuotationAuthorShape", "schema:author", constraint="sh:MaxCountConstraintComponent")
def quotation_by_two(g: Graph) -> None:
    for person in sorted(g.objects(event(g), KG.speaker)):
        g.add((first(g, SCHEMA.Quotation), SCHEMA.author, person))


@case("kgsh:QuotationArticleShape", "schema:isPartOf")
def quotation_in_no_report(g: Graph) -> None:
    g.remove((first(g, SCHEMA.Quotation), SCHEMA.isPartOf, None))


@case("kgsh:QuotationTextShape", "schema:text", constraint="sh:MinCountConstraintComponent")
def quotation_without_text(g: Graph) -> None:
    g.remove((first(g, SCHEMA.Quotation), SCHEMA.text, None))


@case("kgsh:QuotationTextShape", "schema:text", constraint="sh:PatternConstraintComponent")
def quotation_of_empty_text(g: Graph) -> None:
    g.set((first(g, SCHEMA.Quotation), SCHEMA.text, Literal("", lang="zh")))


@case("kgsh:QuotationTextShape", "schema:text", constraint="sh:PatternConstraintComponent")
def quotation_of_blank_text(g: Graph) -> None:
    g.set((first(g, SCHEMA.Quotation), SCHEMA.text, Literal(" \u3000", lang="zh")))


@case("kgsh:QuotationTextShape", "schema:text",
      constraint="kgsh:RequiredLanguageConstraintComponent")
def quotation_without_a_language(g: Graph) -> None:
    g.set((first(g, SCHEMA.Quotation), SCHEMA.text, Literal("我们要创新")))


@case("kgsh:QuotationTextShape", "schema:text", constraint="sh:MaxCountConstraintComponent")
def quotation_with_two_texts(g: Graph) -> None:
    g.add((first(g, SCHEMA.Quotation), SCHEMA.text, Literal("另一句话", lang="zh")))


@case("kgsh:QuotationSourceShape", "prov:wasDerivedFrom")
def quotation_read_from_nowhere(g: Graph) -> None:
    g.remove((first(g, SCHEMA.Quotation), PROV.wasDerivedFrom, None))


@case("kgsh:QuotationBySpeaker", "schema:author")
def quotation_by_the_reporter(g: Graph) -> None:
    g.set((first(g, SCHEMA.Quotation), SCHEMA.author, reporter(g)))


@case("kgsh:AnchorShape", "nif:anchorOf", constraint="sh:MinCountConstraintComponent")
def phrase_without_an_anchor(g: Graph) -> None:
    g.remove((phrase(g), NIF.anchorOf, None))


@case("kgsh:AnchorShape", "nif:anchorOf", constraint="sh:DatatypeConstraintComponent")
def anchor_with_a_language(g: Graph) -> None:
    anchor = g.value(phrase(g), NIF.anchorOf)
    g.set((phrase(g), NIF.anchorOf, Literal(str(anchor), lang="zh")))


@case("kgsh:BeginIndexShape", "nif:beginIndex", constraint="sh:LessThanConstraintComponent")
def begin_at_the_end(g: Graph) -> None:
    end = g.value(phrase(g), NIF.endIndex)
    g.set((phrase(g), NIF.beginIndex, end))


@case("kgsh:BeginIndexShape", "nif:beginIndex", constraint="sh:DatatypeConstraintComponent")
def begin_as_an_integer(g: Graph) -> None:
    begin = g.value(phrase(g), NIF.beginIndex)
    assert isinstance(begin, Literal)
    g.set((phrase(g), NIF.beginIndex, Literal(int(begin))))


@case("kgsh:EndIndexShape", "nif:endIndex")
def phrase_without_an_end(g: Graph) -> None:
    g.remove((phrase(g), NIF.endIndex, None))


@case("kgsh:ReferenceContextShape", "nif:referenceContext")
def phrase_in_a_person(g: Graph) -> None:
    g.set((phrase(g), NIF.referenceContext, speaker(g)))


@case("kgsh:TaIdentRefShape", "itsrdf:taIdentRef")
def phrase_naming_an_organisation(g: Graph) -> None:
    named = min(s for s in g.subjects(ITSRDF.taIdentRef, None) if isinstance(s, URIRef))
    g.set((named, ITSRDF.taIdentRef, union(g)))


@case("kgsh:AnchorMatchesOffsets", "nif:anchorOf")
def anchor_not_at_its_offsets(g: Graph) -> None:
    g.set((phrase(g), NIF.anchorOf, Literal("别处")))


@case("kgsh:PhraseIriMatchesOffsets")
def phrase_iri_naming_other_offsets(g: Graph) -> None:
    old = phrase(g)
    rename(g, old, URIRef(str(old).split("#")[0] + "#char=0,1"))


@case("kgsh:IsStringShape", "nif:isString")
def context_without_text(g: Graph) -> None:
    g.remove((context(g), NIF.isString, None))


@case("kgsh:ContextBeginShape", "nif:beginIndex")
def context_beginning_at_one(g: Graph) -> None:
    g.set((context(g), NIF.beginIndex, Literal(1, datatype=NON_NEGATIVE)))


@case("kgsh:ContextEndShape", "nif:endIndex")
def context_without_an_end(g: Graph) -> None:
    g.remove((context(g), NIF.endIndex, None))


@case("kgsh:ContextEndIsLength", "nif:endIndex")
def context_ending_past_its_text(g: Graph) -> None:
    end = g.value(context(g), NIF.endIndex)
    assert isinstance(end, Literal)
    g.set((context(g), NIF.endIndex, Literal(int(end) + 1, datatype=NON_NEGATIVE)))


@case("kgsh:IriShape", constraint="sh:PatternConstraintComponent")
def iri_with_chinese(g: Graph) -> None:
    rename(g, speaker(g), URIRef("https://example.org/kg/id/person/宋五"))


@case("kgsh:IriShape", constraint="sh:NodeKindConstraintComponent")
def blank_node_person(g: Graph) -> None:
    rename(g, speaker(g), BNode())


def test_results_that_read_the_same_are_one_line(small: Graph) -> None:
    graph = copy(small)
    person_named_in_english(graph)  # not @zh, not in Chinese characters: two results
    report = validate(graph)
    assert len(report.results) == 2
    assert len({r.constraint for r in report.results}) == 2
    (line,) = report.lines
    assert report.text == f"{line}\nDoes not conform: 1 violation.\n"


@pytest.mark.parametrize(("brk", "name", "path", "constraint", "severity"), CASES)
def test_a_break_is_named(small: Graph, brk: Break, name: str, path: str, constraint: str,
                          severity: str) -> None:
    graph = copy(small)
    brk(graph)
    report = validate(graph)
    found = [r for r in report.results
             if name in (r.shape, r.constraint) and r.path == path
             and (not constraint or r.constraint == constraint)]
    assert found, report.text
    assert report.conforms is (severity != "Violation"), report.text
    lines = report.text.splitlines()
    for result in found:
        assert result.severity == severity
        assert result.line in lines
        assert result.line.startswith(f"{severity}: {result.focus} {path}".rstrip() + " — ")
        # an English sentence, not the validator's default or a raw IRI
        assert result.message and "http" not in result.message, result.message
        assert "ConstraintComponent" not in result.message, result.message
    assert lines[-1].startswith("Conforms: " if report.conforms else "Does not conform: ")


def test_every_shape_has_a_case() -> None:
    shapes = Graph().parse(SHAPES)
    bookkeeping = {RDF.type, SH.property, SH.sparql, SH.targetClass, SH.targetSubjectsOf,
                   SH.message, SH.severity, SH.path, URIRef("http://www.w3.org/2000/01/rdf-schema#label")}
    checked = set()
    for kind in (SH.NodeShape, SH.PropertyShape, SH.SPARQLConstraint):
        for node in shapes.subjects(RDF.type, kind):
            # a node shape that only gathers property shapes fails through them
            if kind == SH.SPARQLConstraint or set(shapes.predicates(node)) - bookkeeping:
                checked.add(str(node).replace(str(KGSH), "kgsh:"))
    covered = {param.values[1] for param in CASES}
    assert checked - covered == set()
    assert covered - checked == set()


# ----------------------------------------------------------------------------- the report


def broken(small: Graph) -> Graph:
    graph = copy(small)
    for brk in (anchor_not_at_its_offsets, person_without_a_name, post_without_post_in,
                report_without_a_headline, quotation_by_the_reporter, area_code_with_letters):
        brk(graph)
    return graph


def test_report_is_sorted_and_deterministic(small: Graph) -> None:
    first_report, second_report = validate(broken(small)), validate(broken(small))
    assert first_report == second_report
    assert first_report.text == second_report.text
    lines = first_report.text.splitlines()[:-1]
    assert lines == list(first_report.lines) == [r.line for r in first_report.results]
    violations = [line for line in lines if line.startswith("Violation: ")]
    warnings = [line for line in lines if line.startswith("Warning: ")]
    assert violations and warnings
    assert lines == sorted(violations) + sorted(warnings)
    assert first_report.text.endswith("Does not conform: 6 violations, 1 warning.\n")


def test_report_lines_read_well(small: Graph) -> None:
    report = validate(broken(small))
    lines = report.text.splitlines()
    assert "Violation: id:doc/" in lines[0]
    notation = next(line for line in lines if "skos:notation" in line)
    assert notation.startswith("Violation: id:place/")
    assert notation.endswith(' skos:notation — an administrative area has exactly one '
                             'skos:notation, its six-digit area code (value: "12ab")')
    assert any(line.startswith("Warning: id:article/") and "schema:headline" in line
               for line in lines)


def test_report_is_plain_data(small: Graph) -> None:
    report = validate(broken(small))
    assert isinstance(report, ValidationReport)
    assert all(isinstance(r, Violation) for r in report.results)
    for result in report.results:
        for value in (result.focus, result.path, result.message, result.severity, result.shape,
                      result.constraint, result.value):
            assert isinstance(value, str)
    with pytest.raises(AttributeError):
        report.conforms = True  # type: ignore[misc]


def test_a_long_value_is_cut_and_kept_on_one_line(small: Graph) -> None:
    graph = copy(small)
    graph.set((phrase(graph), NIF.anchorOf, Literal("很长的话\n" * 40)))
    report = validate(graph)
    (result,) = [r for r in report.results if r.path == "nif:anchorOf"]
    assert result.value.startswith('"很长的话\\n') and result.value.endswith('…"')
    assert len(result.value) < 100
    assert "\n" not in result.line


def test_warnings_alone_conform(small: Graph) -> None:
    graph = copy(small)
    report_without_a_headline(graph)
    report = validate(graph)
    assert report.conforms
    assert [r.severity for r in report.results] == ["Warning"]
    assert report.text.endswith("Conforms: 0 violations, 1 warning.\n")


# ----------------------------------------------------------------------------- the shapes file


def test_missing_shapes_is_a_data_error(tmp_path: Path, small: Graph,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kg.rdf.validate, "SHAPES", tmp_path / "shapes.ttl")
    with pytest.raises(DataError, match="SHACL shapes not found: .*shapes.ttl"):
        validate(small)


def test_malformed_shapes_is_a_data_error(tmp_path: Path, small: Graph,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shapes.ttl"
    path.write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\nthis is not turtle\n",
                    encoding="utf-8")
    monkeypatch.setattr(kg.rdf.validate, "SHAPES", path)
    with pytest.raises(DataError, match="SHACL shapes are malformed"):
        validate(small)


def test_cli_validate_exit_codes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli
    runner = CliRunner()
    out = tmp_path / "out"
    jiangsu = Path(__file__).resolve().parents[1] / "fixtures" / "jiangsu.txt"
    assert runner.invoke(cli, ["build", str(jiangsu), "-o", str(out)]).exit_code == 0
    good = runner.invoke(cli, ["validate", str(out / "graph.ttl")])
    assert (good.exit_code, good.output) == (0, "Conforms: 0 violations.\n")
    broken = Graph().parse(out / "graph.ttl")
    broken.remove((None, ORG.postIn, None))
    broken.serialize(tmp_path / "broken.ttl", format="turtle")
    bad = runner.invoke(cli, ["validate", str(tmp_path / "broken.ttl")])
    assert bad.exit_code == 1
    assert "org:postIn" in bad.output and bad.output.rstrip().endswith(".")
