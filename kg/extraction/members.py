"""Members' titles after names: "院长王五委员" (and a member of the report's CPPCC), a
name of any form before one ("厅长益西达瓦委员"), and 代表 as the verb "on behalf of"
("代表各民主党派致辞")."""

from __future__ import annotations

from functools import cache

from kg.chinese import is_han
from kg.extraction.lexicon import national_bodies, org_kinds
from kg.extraction.names import inside_a_name
from kg.extraction.words import grammar


def on_behalf(text: str, pos: int) -> bool:
    """Whether what follows a member's title makes it a verb: 代表各民主党派, 代表党中央."""
    return text.startswith(grammar().on_behalf_objects, pos) or \
        text.startswith(national_names(), pos)


@cache
def national_names() -> tuple[str, ...]:
    return tuple(national_bodies())


def member_name_at(text: str, pos: int) -> int:
    """The length of a name at ``pos`` that a member's title follows, whatever its form
    (厅长益西达瓦委员: names of four characters with no surname among them)."""
    words = grammar()
    for length in (4, 3, 2):
        if not text.startswith(members(), pos + length):
            continue
        candidate = text[pos:pos + length]
        member = next((m for m in words.members_after_names
                       if text.startswith(m, pos + length)), None)
        if len(candidate) == length and all(is_han(c) for c in candidate) \
                and member is not None and not inside_a_name(text, pos + length, member) \
                and candidate[0] not in words.boundary_words | words.title_joiners \
                and not any(w in candidate for w in words.not_names) \
                and not any(w in candidate for w in words.boundary_multi) \
                and not any(kind in candidate for kind in org_kinds()):
            return length  # not "向市政协委员", not "兼某某委员会"
    return 0


@cache
def members() -> tuple[str, ...]:
    return tuple(grammar().members_after_names)
