"""The general grammar's word lists (``kg/data/grammar.toml``), as one typed object.

What every kind of report shares: where a name ends, how a chain of posts is anchored, how
places are abbreviated. What is particular to one kind of report is its genre's
(:mod:`kg.extraction.genres`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from functools import cache
from typing import Any

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
    profile_sexes: tuple[str, ...]  # A,男,…: a profile in a notice of cadres to be appointed
    current_marks: tuple[str, ...]  # 现任X: the posts held now
    removal_links: tuple[str, ...]
    removal_pronoun: str
    removal_end: str
    former_marks: tuple[str, ...]
    members_after_names: dict[str, str]  # title after a name → the national body of its kind
    categories: tuple[str, ...]  # 省领导 in 省领导A、B出席: a group, not a post
    list_openers: tuple[str, ...]  # 出席会议的还有A、B: names listed after these
    people_nouns: tuple[str, ...]  # 村民王某: a person's name after these, no post
    two_names_before: tuple[str, ...]  # A、B等出席: a list of two names before these
    whole_groups: tuple[str, ...]  # 全体 in 全体委员: a group's title, no one's post
    title_modifiers: tuple[str, ...]  # 新任 in 集团公司新任董事长: of neither org nor title
    title_bodies: dict[str, list[str]]  # education → school: where such titles are held
    taking_part: tuple[str, ...]  # 参加会议的有A: 的有 opens a list after these
    things_after_lists: tuple[str, ...]  # 农业、扶贫等部门: a list of things before 等 these
    on_behalf_objects: tuple[str, ...]  # 代表各方: 代表 is a verb before these
    led_bodies: dict[str, str]  # 团 in 团省委 → 共青团: a body's name before a place's
    own_abbreviations: dict[str, str]  # 校 in 校党委 → 学校: the report's own organisation
    foreign_name_characters: frozenset[str]  # 阿尔巴尼斯: what a foreign name is written in
    foreign_name_stops: tuple[str, ...]  # 夫人 in 马克龙夫人: words a foreign name ends before
    honorifics: tuple[str, ...]  # 同志 in 任命张三同志为: after a name, not part of it
    state_long_forms: tuple[str, ...]  # 共和国 after 乌兹别克斯坦: part of the state's name
    boundary_multi: frozenset[str]  # derived: the boundary words of more than one character


#: The fields made from the others, not read from the file.
_DERIVED = {"boundary_multi"}
#: The lists kept longest first (the first that matches is the longest).
_LONGEST_FIRST = {"development_zones", "appoint_words", "remove_words"}
#: How a field's value is made from the file's, by the field's type.
_AS: dict[str, Callable[[Any], Any]] = {
    "frozenset": frozenset, "tuple": tuple, "dict": dict, "str": str,
}


def _made_as(field_type: object) -> Callable[[Any], Any]:
    """The maker of a field's type, named as written ("frozenset[str]") or, compiled, a
    class (frozenset)."""
    name = field_type.split("[")[0] if isinstance(field_type, str) else \
        getattr(field_type, "__name__", "")
    return _AS[name]


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
    values: dict[str, Any] = {}
    for f in fields(Grammar):
        if f.name not in _DERIVED:
            value = data[f.name]
            if f.name in _LONGEST_FIRST:
                value = sorted(value, key=len, reverse=True)
            values[f.name] = _made_as(f.type)(value)
    return Grammar(**values, boundary_multi=frozenset(
        w for w in data["boundary_words"] if len(w) > 1))
