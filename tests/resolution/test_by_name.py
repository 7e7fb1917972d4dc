"""The by-name resolver: one name in one build is one person, whatever the order."""

from __future__ import annotations

from kg.model import Span
from kg.resolution import RESOLVERS, Merge, PersonRecord
from kg.resolution.by_name import by_name


def record(report: str, person: str, name: str) -> PersonRecord:
    return PersonRecord(report=report, person=person, name=name, year=None, sections=(),
                        posts=(), organisations=(), places=(), mentions=(Span(0, 2),))


RECORDS = [record("r2", "p1", "王伟"), record("r1", "p3", "王伟"), record("r1", "p1", "李娜")]


def test_one_name_one_identity_with_the_evidence_for_each_merge() -> None:
    identities = by_name(RECORDS)
    wang = identities[("r1", "p3")]
    assert wang is identities[("r2", "p1")]
    assert wang.records == (("r1", "p3"), ("r2", "p1"))
    assert wang.evidence == (Merge("r2", "p1", "same name"),)
    assert identities[("r1", "p1")].evidence == ()
    assert [i.name for i in identities.people] == ["李娜", "王伟"]


def test_the_result_does_not_depend_on_the_order() -> None:
    assert by_name(RECORDS).people == by_name(list(reversed(RECORDS))).people


def test_keys_are_stable_ascii_digests_of_the_name() -> None:
    key = by_name(RECORDS)[("r1", "p1")].key
    assert key == by_name([record("r9", "p7", "李娜")])[("r9", "p7")].key
    assert key.isascii() and len(key) == 6


def test_it_is_registered() -> None:
    assert RESOLVERS["by-name"] is by_name
