"""The graph meets the public contract (W3C ORG, FOAF, SKOS, schema.org, NIF)."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import FOAF, SKOS

from kg.extraction import read_text
from kg.rdf.graph import build_graph
from kg.rdf.namespace import KG, ORG
from kg.resolution import Identities, Identity

PREFIXES = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
"""


@pytest.fixture(scope="module")
def graph(jiangsu: str) -> Graph:
    return build_graph([read_text(jiangsu, name="jiangsu.txt")])


def rows(graph: Graph, query: str) -> set[tuple[str, ...]]:
    return {tuple(str(v) for v in row) for row in graph.query(PREFIXES + query)}


def test_posts(graph: Graph) -> None:
    found = rows(graph, """SELECT ?n ?on ?rn WHERE {
        ?p a foaf:Person ; foaf:name ?n ; org:holds ?post .
        ?post a org:Post ; org:postIn ?o ; org:role ?r .
        ?r a org:Role ; skos:prefLabel ?rn . ?o a org:Organization ; skos:prefLabel ?on .
        FILTER(lang(?rn) = "zh") }""")
    assert ("孔令东", "句容市总工会", "主席") in found
    assert ("单雪梅", "苏州、无锡学习组", "组长") in found


def test_places_and_areas(graph: Graph) -> None:
    found = rows(graph, """SELECT ?on ?pn ?cn WHERE {
        ?o skos:prefLabel ?on ; schema:areaServed ?pl .
        ?pl a schema:AdministrativeArea ; skos:prefLabel ?pn ; schema:containedInPlace ?c .
        ?c skos:prefLabel ?cn . FILTER(lang(?pn) = "zh" && lang(?cn) = "zh") }""")
    assert ("南京市溧水区总工会", "南京市溧水区", "南京市") in found
    assert ("句容市总工会", "句容市", "镇江市") in found


def test_unit_inside_its_organisation(graph: Graph) -> None:
    found = rows(graph, """SELECT ?un ?on WHERE { ?u org:subOrganizationOf ?o .
        ?u skos:prefLabel ?un . ?o skos:prefLabel ?on }""")
    assert ("江苏省总工会经审办", "江苏省总工会") in found


def test_groups_events_articles(graph: Graph) -> None:
    attendance = rows(graph, """SELECT ?n ?gn WHERE {
        ?e a schema:Event ; schema:organizer ?g ; schema:attendee ?p ; schema:superEvent ?m .
        ?g a org:OrganizationalUnit ; skos:prefLabel ?gn . ?p foaf:name ?n }""")
    assert ("韦国清", "南京、镇江学习组") in attendance
    bylines = rows(graph, """SELECT ?n ?h WHERE {
        ?a a schema:NewsArticle ; schema:author ?p ; schema:about ?e ; schema:headline ?h .
        ?p foaf:name ?n }""")
    assert ("林晓春", "服务职工是工会的根本任务") in bylines
    quotes = rows(graph, """SELECT ?n ?t WHERE {
        ?q a schema:Quotation ; schema:author ?p ; schema:isPartOf ?a ; schema:text ?t .
        ?a a schema:NewsArticle . ?p foaf:name ?n }""")
    assert ("钱立新", "我们将继续推进职工服务阵地建设。") in quotes


def test_mentions_anchor_the_raw_text(graph: Graph, jiangsu: str) -> None:
    found = rows(graph, """SELECT ?a ?b ?e WHERE {
        ?m a nif:Phrase ; nif:anchorOf ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
           nif:referenceContext ?doc ; itsrdf:taIdentRef ?p . ?p a foaf:Person }""")
    assert found
    for anchor, begin, end in found:
        assert jiangsu[int(begin):int(end)] == anchor
    assert ("钱立\n\n新", ) in {(a,) for a, _, _ in found}


def test_chinese_labels_carry_zh_and_iris_are_ascii(graph: Graph) -> None:
    for s, p, o in graph:
        for term in (s, p, o):
            if not isinstance(term, Literal):
                assert str(term).isascii(), term
        if p in (FOAF.name, SKOS.prefLabel) and any("\u4e00" <= c <= "\u9fff" for c in o):
            assert o.language == "zh", (s, p, o)


def test_one_pref_label_per_language(graph: Graph) -> None:
    for subject in set(graph.subjects(SKOS.prefLabel, None)):
        languages = [o.language for o in graph.objects(subject, SKOS.prefLabel)]
        assert len(languages) == len(set(languages)), subject


def test_turtle_is_byte_identical_across_runs(jiangsu: str) -> None:
    def turtle() -> str:
        return build_graph([read_text(jiangsu)]).serialize(format="turtle")
    assert turtle() == turtle()


def test_base_iri_is_the_users(jiangsu: str) -> None:
    g = build_graph([read_text(jiangsu)], base="http://data.example.net/x/")
    assert all(str(s).startswith("http://data.example.net/x/")
               for s in g.subjects(ORG.holds, None))


def test_each_post_is_also_a_membership_read_from_the_text(graph: Graph, jiangsu: str) -> None:
    found = rows(graph, """PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX kg: <https://example.org/kg/ns#>
        SELECT ?n ?on ?t ?a WHERE {
        ?m a org:Membership ; org:member/foaf:name ?n ; org:organization/skos:prefLabel ?on ;
           org:role/skos:prefLabel ?t ; kg:post ?post ; prov:wasDerivedFrom/nif:anchorOf ?a .
        ?p org:holds ?post . FILTER(lang(?t) = "zh") }""")
    assert ("孔令东", "句容市总工会", "主席", "市总工会主席") in found
    holds = rows(graph, "SELECT ?post WHERE { ?p org:holds ?post }")
    memberships = rows(graph, "SELECT ?m WHERE { ?m a org:Membership }")
    assert len(holds) == len(memberships)


def test_titles_are_concepts_of_the_titles_scheme(graph: Graph) -> None:
    found = rows(graph, """PREFIX kg: <https://example.org/kg/ns#>
        SELECT ?zh ?en ?py WHERE { ?r a org:Role ; skos:inScheme kg:Titles ;
        skos:prefLabel ?zh , ?en ; skos:altLabel ?py .
        FILTER(lang(?zh) = "zh" && lang(?en) = "en" && lang(?py) = "zh-Latn-pinyin") }""")
    assert ("常务副主席", "Executive vice-chair", "chang wu fu zhu xi") in found


def test_person_iris_come_from_the_identities_not_the_names() -> None:
    one = read_text("杭州市总工会主席王小明表示,要服务职工。\n", name="a.txt")
    two = read_text("宁波市总工会主席王小明表示,要服务职工。\n", name="b.txt")
    (first,), (second,) = one.extraction.people, two.extraction.people
    apart = Identities([Identity("aaaaaa", "王小明", ((one.key, first.key),)),
                        Identity("bbbbbb", "王小明", ((two.key, second.key),))])
    graph = build_graph([one, two], apart)
    people = sorted(str(p) for p in graph.subjects(FOAF.name, None))
    assert [p.rsplit("/", 1)[1] for p in people] == ["wang-xiaoming-aaaaaa",
                                                     "wang-xiaoming-bbbbbb"]
    posts = rows(graph, "SELECT ?p ?post WHERE { ?p org:holds ?post }")
    assert len(posts) == 2 and len({p for p, _ in posts}) == 2
    together = build_graph([one, two])  # the default resolver: one name, one person
    assert len(set(together.subjects(FOAF.name, None))) == 1


def test_the_same_report_twice_is_one_report(transcript: str) -> None:
    report = read_text(transcript)
    once = build_graph([report])
    assert len(build_graph([report, report])) == len(once)


def test_a_post_carries_the_status_the_report_gives_it() -> None:

    report = read_text("会议决定,任命李三四为某某部部长,免去王五六的某某部部长职务。\n")
    graph = build_graph([report])
    found = rows(graph, """PREFIX kg: <https://example.org/kg/ns#>
        SELECT ?n ?s WHERE { ?p foaf:name ?n ; org:holds ?post . ?post kg:status ?s }""")
    assert found == {("李三四", str(KG.Appointed)), ("王五六", str(KG.Removed))}


TRADITIONAL = ("省總工會召開學習會\n\n本報訊 記者王小明報道 會上,臨安市人大常委會副主任、"
               "市總工會主席楊大為表示,要服務職工。\n")


def test_a_traditional_report_keeps_its_names_as_written() -> None:
    graph = build_graph([read_text(TRADITIONAL, name="trad.txt", genre="news")])
    names = rows(graph, """SELECT ?name ?simple WHERE { ?p a foaf:Person ; foaf:name ?name .
        OPTIONAL { ?p skos:altLabel ?simple FILTER(lang(?simple) = "zh-Hans") } }""")
    assert ("楊大為", "杨大为") in names
    orgs = rows(graph, "SELECT ?o WHERE { ?p org:holds/org:postIn/skos:prefLabel ?o }")
    assert ("临安市总工会",) in orgs  # organisations are named by kg, in simplified characters
    anchors = rows(graph, "SELECT ?a WHERE { ?m a nif:Phrase ; nif:anchorOf ?a ; "
                          "itsrdf:taIdentRef ?p . ?p a foaf:Person }")
    assert ("楊大為",) in anchors


def test_each_join_of_a_mention_to_a_person_says_why() -> None:
    one = read_text("本报讯 2015年3月2日 杭州市西湖区委书记齐一民出席会议。\n", name="a.txt")
    two = read_text("本报讯 2018年5月6日 杭州市副市长齐一民主持会议。\n", name="b.txt")
    graph = build_graph([one, two])
    found = rows(graph, """SELECT ?person ?report ?reason WHERE {
        ?person prov:qualifiedDerivation ?d . ?d a prov:Derivation ;
        prov:entity ?report ; kg:reason ?reason }""")
    assert len(found) == 1
    (person, report, reason), = found
    assert {person} == {str(p) for p in graph.subjects(FOAF.name, None)}
    assert report.rsplit("/", 1)[1] in (one.key, two.key)
    assert reason == "posts in the same place, or one inside the other"
