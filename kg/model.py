"""Plain immutable data passed between the pipeline's steps (no rdflib types here)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the normalised text, ``text[start:end]``."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative division (from the area codes) or a development zone."""

    key: str  # area code, or "zone-" + name for a development zone
    name: str  # as the area codes write it: 西湖区
    label: str  # the full name a reader expects: 杭州市西湖区
    level: str  # province | prefecture | county | zone
    province: str  # name of the province-level division
    parent: str | None  # key of the place it lies in
    start: int | None = None  # first year in use
    end: int | None = None  # last year in use


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation with its full name, abbreviations resolved."""

    name: str
    kind: str  # an organisation-kind id from orgkinds.tsv
    parent: str | None = None  # name of the organisation it is a unit of
    place: str | None = None  # key of the place it serves


@dataclass(frozen=True, slots=True)
class Post:
    """A title held at an organisation, as read at ``span``."""

    org: str
    title: str
    span: Span


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name as it stands in the text."""

    name: str
    span: Span


@dataclass(frozen=True, slots=True)
class Quotation:
    """A statement the report attributes to a person."""

    author: str
    text: str
    span: Span
    group: str


@dataclass(frozen=True, slots=True)
class Byline:
    """A reporter or photographer credited for a section."""

    name: str
    title: str
    role: str  # reporter | photographer
    span: Span


@dataclass(frozen=True, slots=True)
class Group:
    """A study group's section of the report."""

    key: str  # g1, g2 ... in order of appearance
    name: str  # "" for a report that is not in study groups
    span: Span  # the whole section
    headline: str | None
    regions: tuple[str, ...]  # place keys of the prefecture-level cities it covers
    bylines: tuple[Byline, ...] = ()
    roles: tuple[tuple[str, str], ...] = ()  # (person name, role), sorted
    quotations: tuple[Quotation, ...] = ()
    captions: tuple[tuple[str, Span], ...] = ()  # (caption text, span)


@dataclass(frozen=True, slots=True)
class Person:
    """A named person with the posts read for them."""

    name: str
    posts: tuple[Post, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one report."""

    title: str
    subtitle: str | None
    meeting: str | None
    province: str | None  # place key
    year: int | None
    people: tuple[Person, ...]
    organisations: tuple[Organisation, ...]
    places: tuple[Place, ...]
    groups: tuple[Group, ...]
    mentions: tuple[Mention, ...]
