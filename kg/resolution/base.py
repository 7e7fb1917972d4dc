"""What a resolver is given and what it returns.

A resolver is given, for every person of every report, what the report says of them
(:class:`PersonRecord`: the name, the report and its date, the sections they appear in,
their posts with the organisations and places of those posts, where the name stands) and
decides which records are one person: an :class:`Identity` each, with the evidence for
every merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from kg.model import Post, Span


@dataclass(frozen=True, slots=True)
class PersonRecord:
    """Everything one report says of one person."""

    report: str  # the report's key
    person: str  # the person's key in that report
    name: str
    year: int | None  # when the report was written
    sections: tuple[str, ...]  # names of the sections they appear in ("" for the body)
    posts: tuple[Post, ...]
    organisations: tuple[str, ...]  # names of the organisations of their posts
    places: tuple[str, ...]  # keys of the places those organisations serve
    mentions: tuple[Span, ...]  # where their name stands
    # for each of ``places``, its key and the keys of the places it lies in, nearest first
    # (the province last)
    ancestry: tuple[tuple[str, ...], ...] = ()
    named: tuple[str, ...] = ()  # everyone the report names with posts, sorted (themselves too)
    # the keys of the places the report's posts serve and of the places they lie in, sorted:
    # where the report is (shared by its records, like ``named``)
    around: tuple[str, ...] = ()

    @property
    def companions(self) -> frozenset[str]:
        """The others the report names with posts."""
        return frozenset(self.named).difference((self.name,))

    @property
    def provinces(self) -> frozenset[str]:
        """The keys of the provinces their posts' places lie in."""
        return frozenset(chain[-1] for chain in self.ancestry)

    @property
    def ref(self) -> tuple[str, str]:
        """(report, person): the record's key."""
        return (self.report, self.person)

    def lean(self) -> PersonRecord:
        """The record without what only shows it (its posts, mentions and sections): what a
        store's index keeps for the resolvers, which weigh the rest."""
        return replace(self, posts=(), mentions=(), sections=())

    def __reduce__(self) -> tuple[type[PersonRecord], tuple[object, ...]]:
        # a store's index holds thousands: pickled by position, not field by field; the
        # report's ``named`` is one tuple that all its records share, pickled once
        return PersonRecord, tuple(getattr(self, name) for name in self.__slots__)


@dataclass(frozen=True, slots=True)
class Merge:
    """Why a record was judged the same person as the identity's earlier records."""

    report: str
    person: str
    reason: str  # in English, e.g. "same name"


@dataclass(frozen=True, slots=True)
class Identity:
    """One person across reports."""

    key: str  # stable and ASCII: the part of the person's IRI that tells namesakes apart
    name: str
    records: tuple[tuple[str, str], ...]  # (report, person) of every record, sorted
    evidence: tuple[Merge, ...] = ()  # a merge for every record after the earliest


class Identities(Mapping[tuple[str, str], Identity]):
    """The identity of every record, by (report, person)."""

    def __init__(self, identities: Iterable[Identity]) -> None:
        self.people = tuple(sorted(identities, key=lambda i: (i.name, i.key)))
        self._by_ref = {ref: identity for identity in self.people for ref in identity.records}

    def __getitem__(self, ref: tuple[str, str]) -> Identity:
        return self._by_ref[ref]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return iter(self._by_ref)

    def __len__(self) -> int:
        return len(self._by_ref)
