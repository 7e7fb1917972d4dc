"""The general grammar's word lists (``kg/data/grammar.toml``), as one typed object.

What every kind of report shares: where a name ends, how a chain of posts is anchored, how
places are abbreviated. What is particular to one kind of report is its genre's
(:mod:`kg.extraction.genres`).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache

from kg.errors import DataError
from kg.resources import read_toml


@dataclass(frozen=True, slots=True)
class Grammar:
    """The general grammar's word lists; ``kg/data/grammar.toml`` says what each is for."""

    boundary_words: frozenset[str]
    strong_single: frozenset[str]
    name_final_excluded: frozenset[str]
    not_names: frozenset[str]
    particles: frozenset[str]
    title_joiners: frozenset[str]
    titled_units: frozenset[str]
    names_then_title: tuple[str, ...]
    clause_openers: tuple[str, ...]
    national_anchors: tuple[str, ...]
    place_abbreviations: frozenset[str]
    province_abbreviation: str
    development_zones: tuple[str, ...]  # longest first
    joiners: frozenset[str]
    national_sessions: tuple[str, ...]
    appoint_words: tuple[str, ...]
    remove_words: tuple[str, ...]
    resign_words: tuple[str, ...]
    resign_openers: tuple[str, ...]
    removal_links: tuple[str, ...]
    removal_pronoun: str
    removal_end: str
    former_marks: tuple[str, ...]
    members_after_names: dict[str, str]  # title after a name → the national body of its kind
    categories: tuple[str, ...]  # 省领导 in 省领导A、B出席: a group, not a post
    on_behalf_objects: tuple[str, ...]  # 代表各方: 代表 is a verb before these
    led_bodies: dict[str, str]  # 团 in 团省委 → 共青团: a body's name before a place's
    own_abbreviations: dict[str, str]  # 校 in 校党委 → 学校: the report's own organisation
    boundary_multi: frozenset[str]  # derived: the boundary words of more than one character


#: The fields made from the others, not read from the file.
_DERIVED = {"boundary_multi"}


@cache
def grammar() -> Grammar:
    """The general grammar (read once).

    Raises:
        DataError: the file lacks a list or has one it should not.
    """
    data = read_toml("data", "grammar.toml")
    names = {f.name for f in fields(Grammar)} - _DERIVED
    if set(data) != names:
        raise DataError(f"kg/data/grammar.toml: expected the lists {sorted(names)}, "
                        f"found {sorted(data)}")
    return Grammar(
        boundary_words=frozenset(data["boundary_words"]),
        strong_single=frozenset(data["strong_single"]),
        name_final_excluded=frozenset(data["name_final_excluded"]),
        not_names=frozenset(data["not_names"]),
        particles=frozenset(data["particles"]),
        title_joiners=frozenset(data["title_joiners"]),
        titled_units=frozenset(data["titled_units"]),
        names_then_title=tuple(data["names_then_title"]),
        clause_openers=tuple(data["clause_openers"]),
        national_anchors=tuple(data["national_anchors"]),
        place_abbreviations=frozenset(data["place_abbreviations"]),
        province_abbreviation=data["province_abbreviation"],
        development_zones=tuple(sorted(data["development_zones"], key=len, reverse=True)),
        joiners=frozenset(data["joiners"]),
        national_sessions=tuple(data["national_sessions"]),
        appoint_words=tuple(sorted(data["appoint_words"], key=len, reverse=True)),
        remove_words=tuple(sorted(data["remove_words"], key=len, reverse=True)),
        resign_words=tuple(data["resign_words"]),
        resign_openers=tuple(data["resign_openers"]),
        removal_links=tuple(data["removal_links"]),
        removal_pronoun=data["removal_pronoun"],
        removal_end=data["removal_end"],
        former_marks=tuple(data["former_marks"]),
        members_after_names=dict(data["members_after_names"]),
        categories=tuple(data["categories"]),
        on_behalf_objects=tuple(data["on_behalf_objects"]),
        led_bodies=dict(data["led_bodies"]),
        own_abbreviations=dict(data["own_abbreviations"]),
        boundary_multi=frozenset(w for w in data["boundary_words"] if len(w) > 1),
    )
