"""The prefixes kg writes its graphs with, as IRIs: the contract's vocabularies and the
project's own terms (the base of a graph's resources is bound as ``id:`` beside them). A
table of text, so that reading a graph or a store for a query loads nothing of rdflib;
:mod:`kg.rdf.namespace` makes its namespaces from it."""

from __future__ import annotations

PREFIXES: dict[str, str] = {
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "itsrdf": "http://www.w3.org/2005/11/its/rdf#",
    "prov": "http://www.w3.org/ns/prov#",
    "kg": "https://example.org/kg/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "dcterms": "http://purl.org/dc/terms/",
}
