"""Reading an extraction by people's names, for assertions that say who did what."""

from __future__ import annotations

from kg.model import Extraction, Section


def names(ex: Extraction) -> dict[str, str]:
    """Each person's key → name."""
    return {p.key: p.name for p in ex.people}


def posts(ex: Extraction) -> dict[str, set[tuple[str, str]]]:
    """Each person's name → their (organisation, title) pairs."""
    return {p.name: {(post.org, post.title) for post in p.posts} for p in ex.people}


def roles(ex: Extraction, section: Section) -> dict[str, tuple[str, ...]]:
    """Each person's name → how they took part in the section (sorted)."""
    who = names(ex)
    found: dict[str, tuple[str, ...]] = {}
    for participant in section.participants:
        name = who[participant.person]
        found[name] = tuple(sorted((*found.get(name, ()), participant.role)))
    return found


def quotes(ex: Extraction, section: Section) -> dict[str, str]:
    """Each speaker's name → what they said (the last quotation)."""
    who = names(ex)
    return {who[q.person]: q.text for q in section.quotations}


def bylines(ex: Extraction, section: Section) -> list[tuple[str, str, str]]:
    """The section's credits as (name, title, role)."""
    who = names(ex)
    return [(who[b.person], b.title, b.role) for b in section.bylines]
