"""IRIs for the graph's resources, minted from content so that every run gives the same."""

from __future__ import annotations

from collections import Counter
from functools import cache

from rdflib import URIRef

from kg.extraction.lexicon import titles
from kg.ids import digest, slug
from kg.rdf import pinyin
from kg.rdf.namespace import KG_NS
from kg.resolution import Identity


def title_iri(title: str) -> URIRef:
    """The concept of a bare title in kg:Titles: 常务副主席 → kg:title-chang-wu-fu-zhu-xi;
    titles that sound alike take their tones: 厅长 → kg:title-ting1-zhang3, 庭长 → …-ting2-…."""
    local = slug(pinyin.plain(title))
    if local in _homophones():
        local = slug(pinyin.with_tones(title))
    return minted(f"{KG_NS}title-{local}")


def minted(value: str) -> URIRef:
    """An IRI kg made, from a base checked once and ASCII keys: made without rdflib's check
    of each (which only warns, and took a fifth of the time writing a report's
    statements)."""
    return str.__new__(URIRef, value)


@cache
def _homophones() -> frozenset[str]:
    """The toneless slugs that more than one title of the lexicon shares."""
    counts = Counter(slug(pinyin.plain(title)) for title in titles())
    return frozenset(local for local, n in counts.items() if n > 1)


class Minter:
    """IRIs under one base: ``{base}{kind}/{local}``."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __call__(self, kind: str, local: str) -> URIRef:
        return minted(f"{self.base}{kind}/{local}")

    def org(self, name: str) -> URIRef:
        """An organisation, by its full name."""
        return self("org", f"{slug(pinyin.initials(name))[:24]}-{digest(name)}")

    def place(self, key: str) -> URIRef:
        """A place, by its area code (a development zone by its name)."""
        if key.startswith("zone-"):
            name = key[len("zone-"):]
            return self("place", f"zone-{slug(pinyin.initials(name))}-{digest(name, size=6)}")
        return self("place", key)

    def person(self, identity: Identity) -> URIRef:
        """A person, by the identity the resolver gave them: a readable slug of the name and
        the identity's key (which tells namesakes apart)."""
        return self("person", f"{slug(pinyin.person(identity.name))}-{identity.key}")
