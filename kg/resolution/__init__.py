"""Resolution: who is who across the mentions and the reports of a build.

:func:`records` gathers, for every person of every report, the evidence a resolver weighs;
a resolver (registered by name, :data:`RESOLVERS`) turns the records into identities.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kg.model import Report, Span
from kg.resolution import by_name  # noqa: F401 — registers the resolver
from kg.resolution.base import Identities, Identity, Merge, PersonRecord
from kg.resolution.registry import DEFAULT, RESOLVERS, get_resolver, resolver

__all__ = ["DEFAULT", "RESOLVERS", "Identities", "Identity", "Merge", "PersonRecord",
           "records", "resolve", "resolver"]


def records(reports: Sequence[Report]) -> list[PersonRecord]:
    """What each report says of each of its people."""
    found = []
    for report in reports:
        ex = report.extraction
        serves = {o.name: o.place for o in ex.organisations}
        sections: dict[str, set[str]] = defaultdict(set)
        for section in ex.sections:
            for key in ({p.person for p in section.participants}
                        | {b.person for b in section.bylines}
                        | {q.person for q in section.quotations}):
                sections[key].add(section.name)
        mentions: dict[str, list[Span]] = defaultdict(list)
        for mention in ex.mentions:
            mentions[mention.person].append(mention.span)
        for person in ex.people:
            orgs = tuple(dict.fromkeys(post.org for post in person.posts))
            found.append(PersonRecord(
                report=report.key, person=person.key, name=person.name,
                year=int(ex.date[:4]) if ex.date else ex.year,
                sections=tuple(sorted(sections[person.key])), posts=person.posts,
                organisations=orgs,
                places=tuple(sorted({p for o in orgs if (p := serves.get(o)) is not None})),
                mentions=tuple(mentions[person.key])))
    return found


def resolve(reports: Sequence[Report], resolver_name: str = DEFAULT) -> Identities:
    """The identity of every person of every report, by the resolver named."""
    return get_resolver(resolver_name)(records(reports))
