"""IRIs minted from content: ASCII, stable, under the user's base."""

from __future__ import annotations

from kg.rdf.iris import Minter, title_iri
from kg.resolution import Identity


def test_title_iris_are_pinyin_slugs() -> None:
    assert str(title_iri("常务副主席")).endswith("#title-chang-wu-fu-zhu-xi")


def test_minted_iris_are_ascii_and_stable() -> None:
    mint = Minter("https://example.org/kg/id/")
    org = mint.org("杭州市总工会")
    assert str(org).isascii() and org == mint.org("杭州市总工会")
    assert str(mint.place("330106")) == "https://example.org/kg/id/place/330106"
    assert str(mint.place("zone-杭州高新区")).startswith("https://example.org/kg/id/place/zone-hzgxq-")
    person = mint.person(Identity("1a2b3c", "曾小明", ()))
    assert str(person) == "https://example.org/kg/id/person/zeng-xiaoming-1a2b3c"
