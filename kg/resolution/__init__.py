"""Resolution: who is who across the mentions and the reports of a build.

:func:`records` gathers, for every person of every report, the evidence a resolver weighs;
a resolver (registered by name, :data:`RESOLVERS`) turns the records into identities.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kg.model import Report, Span
from kg.resolution import by_name, evidence  # noqa: F401 — registers the resolvers
from kg.resolution.base import Identities, Identity, Merge, PersonRecord
from kg.resolution.decisions import Decisions, read_decisions
from kg.resolution.registry import DEFAULT, RESOLVERS, get_resolver, resolver

__all__ = ["DEFAULT", "RESOLVERS", "Decisions", "Identities", "Identity", "Merge",
           "PersonRecord", "read_decisions", "records", "resolve", "resolve_records",
           "resolver"]


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
        parents = {p.key: p.parent for p in ex.places}
        names = tuple(sorted({p.name for p in ex.people if p.posts}))  # not reporters
        around = tuple(sorted({k for o in ex.organisations if o.place is not None
                               for k in _ancestry(o.place, parents)}))
        for person in ex.people:
            orgs = tuple(dict.fromkeys(post.org for post in person.posts))
            places = tuple(sorted({p for o in orgs if (p := serves.get(o)) is not None}))
            found.append(PersonRecord(
                report=report.key, person=person.key, name=person.name,
                year=int(ex.date[:4]) if ex.date else ex.year,
                sections=tuple(sorted(sections[person.key])), posts=person.posts,
                organisations=orgs, places=places, mentions=tuple(mentions[person.key]),
                ancestry=tuple(_ancestry(key, parents) for key in places),
                named=names, around=around))
    return found


def _ancestry(key: str, parents: dict[str, str | None]) -> tuple[str, ...]:
    """A place's key and the keys of the places it lies in, nearest first."""
    chain = [key]
    while (parent := parents.get(chain[-1])) is not None and parent not in chain:
        chain.append(parent)
    return tuple(chain)


def resolve(reports: Sequence[Report], resolver_name: str = DEFAULT,
            decisions: Decisions | None = None) -> Identities:
    """The identity of every person of every report, by the resolver named, following the
    user's decisions (:mod:`kg.resolution.decisions`) if given."""
    return resolve_records(records(reports), resolver_name, decisions)


def resolve_records(found: Sequence[PersonRecord], resolver_name: str = DEFAULT,
                    decisions: Decisions | None = None) -> Identities:
    """The identity of every record (see :func:`resolve`)."""
    return get_resolver(resolver_name)(found, decisions)
