"""What the view's tests share that is not a fixture: namespaces, small graph builders, the
payloads of the injection tests and a reader of the page's data."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import rdflib
from rdflib import RDF, Literal, URIRef
from rdflib.namespace import FOAF, SKOS

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SMALL = FIXTURES / "small.ttl"

ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
SCHEMA = rdflib.Namespace("https://schema.org/")
KG = rdflib.Namespace("https://example.org/kg/ns#")
ID = rdflib.Namespace("https://example.org/kg/id/")
NIF = rdflib.Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = rdflib.Namespace("http://www.w3.org/2005/11/its/rdf#")
PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")

SCRIPT_PAYLOAD = "</script><script>alert(1)</script>"
IMG_PAYLOAD = "<img src=x onerror=alert(1)>"

_DATA = re.compile(r'<script type="application/json" id="kg-data">(.*?)</script>', re.DOTALL)


def small_graph(*, classified: bool = True) -> rdflib.Graph:
    """tests/fixtures/small.ttl; its study group classified kg:StudyGroupKind as ``kg build``
    writes it, unless ``classified`` is false."""
    graph = rdflib.Graph().parse(SMALL, format="turtle")
    if classified:
        graph.add((ID["group-g1"], ORG.classification, KG.StudyGroupKind))
    return graph


def page_data(html: str) -> dict[str, Any]:
    """The page's JSON data block, parsed."""
    found = _DATA.findall(html)
    assert len(found) == 1
    data: dict[str, Any] = json.loads(found[0])
    return data


def nodes_and_edges(html: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    data = page_data(html)
    return data["nodes"], data["edges"]


def labelled_edges(html: str) -> set[tuple[str, str, str]]:
    nodes, edges = nodes_and_edges(html)
    label = {n["id"]: n["label"] for n in nodes}
    return {(label[e["from"]], label[e["to"]], e.get("label", "")) for e in edges}


def labels(graph: Any) -> set[str]:
    return {data["label"] for _, data in graph.nodes(data=True)}


def person(graph: rdflib.Graph, key: str, name: str) -> URIRef:
    node = ID[key]
    graph.add((node, RDF.type, FOAF.Person))
    graph.add((node, FOAF.name, Literal(name, lang="zh")))
    return node


def org(graph: rdflib.Graph, key: str, label: str) -> URIRef:
    node = ID[key]
    graph.add((node, RDF.type, ORG.Organization))
    graph.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
    return node


def post(graph: rdflib.Graph, holder: URIRef, where: URIRef, key: str, title: str) -> None:
    node, role = ID[f"post-{key}"], ID[f"role-{key}"]
    graph.add((holder, ORG.holds, node))
    graph.add((node, ORG.postIn, where))
    graph.add((node, ORG.role, role))
    graph.add((role, SKOS.prefLabel, Literal(title, lang="zh")))


def group(graph: rdflib.Graph, key: str, label: str, kind: URIRef | None = None) -> URIRef:
    """A group (an org:OrganizationalUnit), classified ``kind`` if given."""
    node = ID[key]
    graph.add((node, RDF.type, ORG.OrganizationalUnit))
    graph.add((node, SKOS.prefLabel, Literal(label, lang="zh")))
    if kind is not None:
        graph.add((node, ORG.classification, kind))
    return node


def hostile_graph() -> rdflib.Graph:
    """The small graph with script and markup in a name, pinyin, title and quotation."""
    graph = small_graph()
    evil = person(graph, "evil", SCRIPT_PAYLOAD)
    graph.add((evil, SKOS.altLabel, Literal(IMG_PAYLOAD, lang="zh-Latn-pinyin")))
    where = org(graph, "evil-org", IMG_PAYLOAD + " & 'quote' \" href=x")
    post(graph, evil, where, "evil", SCRIPT_PAYLOAD)
    quote = ID["quote-evil"]
    graph.add((quote, RDF.type, SCHEMA.Quotation))
    graph.add((quote, SCHEMA.author, evil))
    graph.add((quote, SCHEMA.text, Literal("<!--<script>" + SCRIPT_PAYLOAD, lang="zh")))
    return graph
