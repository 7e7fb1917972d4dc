"""The ``evidence`` resolver: the mentions of one name are one person only where the reports
give reason to think so; namesakes stay apart.

For each name, the records (what one report says of the person) are read in a fixed order:
by year, then report. Each joins the person it fits best, or starts a new one:

- **against** joining: the user's decision that two records are different people; posts in
  different provinces (with no organisation in common); posts in unrelated places (neither
  lies in the other) in the same year — nobody holds office in two counties at once;
- **for** joining: an organisation in common (3), a place in common or one inside the other
  (a career from county to city to province, 2), the same province (a move to a neighbouring
  city, 1), others the reports both name (1 each, at most 2);
- a record with no post's place or organisation joins, among the people of the report's
  provinces, the one its co-mentions clearly point to, or the only one; otherwise it stays
  apart.

The user's ``same`` decisions join records before anything else. Every join is recorded
with the reason: what the record shares with the person's other records (so it changes only
when they do); the result does not depend on the order of the records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from kg.ids import digest
from kg.resolution.base import Identities, Identity, Merge, PersonRecord
from kg.resolution.decisions import Decisions, Ref
from kg.resolution.registry import resolver

SAME_ORG, RELATED_PLACE, SAME_PROVINCE, COMPANION, MOST_COMPANIONS = 3, 2, 1, 1, 2


@dataclass(slots=True)
class _Person:
    """One person being gathered: their records and everything those say."""

    records: list[PersonRecord] = field(default_factory=list)
    orgs: set[str] = field(default_factory=set)
    chains: set[tuple[str, ...]] = field(default_factory=set)  # their places' ancestries
    provinces: set[str] = field(default_factory=set)
    companions: set[str] = field(default_factory=set)
    by_year: dict[int, set[tuple[str, ...]]] = field(  # the places held each year
        default_factory=lambda: defaultdict(set))

    def add(self, record: PersonRecord) -> None:
        self.records.append(record)
        self.orgs.update(record.organisations)
        self.chains.update(record.ancestry)
        self.provinces.update(record.provinces)
        self.companions.update(record.companions)
        if record.year is not None and record.ancestry:
            self.by_year[record.year].update(record.ancestry)

    def join(self, other: _Person) -> None:
        for record in other.records:
            self.add(record)


def _inside(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether one place lies in the other (or is it) below the province: a county in its
    city, a city's two posts; not anything in the province, which holds them all."""
    return a[0] in b[:-1] or b[0] in a[:-1] or (a[0] == b[0] and len(a) > 1)


def _apart(x: _Person, y: _Person, decisions: Decisions) -> bool:
    """Whether two people being gathered cannot be one: the user says so; posts in different
    provinces with no organisation in common; posts in unrelated places in one year; or
    years that overlap in places apart from each other."""
    if decisions.different and any(decisions.apart(a.ref, b.ref)
                                   for a in x.records for b in y.records):
        return True
    if x.provinces and y.provinces and not x.provinces & y.provinces and not x.orgs & y.orgs:
        return True
    for year in x.by_year.keys() & y.by_year.keys():
        if all(a[0] not in b and b[0] not in a for a in x.by_year[year]
               for b in y.by_year[year]):
            return True
    overlap = x.by_year and y.by_year and max(min(x.by_year), min(y.by_year)) <= min(
        max(x.by_year), max(y.by_year))
    return bool(overlap) and not any(_inside(a, b) for a in x.chains for b in y.chains)


def _for(x: _Person, y: _Person) -> int:
    """How much says two people being gathered are one."""
    score = SAME_ORG if x.orgs & y.orgs else 0
    if any(_inside(a, b) for a in x.chains for b in y.chains):
        score += RELATED_PLACE
    elif x.provinces & y.provinces:
        score += SAME_PROVINCE
    return score + min(len(x.companions & y.companions), MOST_COMPANIONS) * COMPANION


def _merge(people: list[_Person], decisions: Decisions, least: int) -> list[_Person]:
    """Join people while some pair has at least ``least`` for it and nothing against, the
    pair with the most first."""
    while True:
        best: tuple[int, int, int] | None = None
        for i, j in combinations(range(len(people)), 2):
            score = _for(people[i], people[j])
            if score >= least and (best is None or score > best[0]) and \
                    not _apart(people[i], people[j], decisions):
                best = (score, i, j)
        if best is None:
            return people
        _, i, j = best
        people[i].join(people.pop(j))


def _place_bare(record: PersonRecord, people: list[_Person], decisions: Decisions) -> None:
    """A record with no post's place or organisation looks among the people of the
    report's own provinces (those of no province if none is; everyone if the report has no
    place). It joins the one its co-mentions point to (twice as many names in common as
    any other), else the only one; else it stays apart."""
    open_to = [p for p in people if not any(decisions.apart(record.ref, r.ref)
                                            for r in p.records)]
    if record.around:
        open_to = [p for p in open_to if p.provinces.intersection(record.around)] or \
            [p for p in open_to if not p.provinces]
    shared = [len(p.companions.intersection(record.companions)) for p in open_to]
    top, second = [*sorted(shared, reverse=True), 0, 0][:2]
    if top and top >= 2 * second:
        open_to[shared.index(top)].add(record)
    elif len(open_to) == 1:
        open_to[0].add(record)
    else:
        people.append(_alone(record))


def _order(record: PersonRecord) -> tuple[int, str, str]:
    return (record.year if record.year is not None else 10_000, record.report, record.person)


def _joined_by_user(records: Sequence[PersonRecord], decisions: Decisions) -> list[_Person]:
    """The people the user's ``same`` decisions make (records joined through any chain)."""
    by_ref = {r.ref: r for r in records}
    root: dict[Ref, Ref] = {}

    def find(ref: Ref) -> Ref:
        while root.get(ref, ref) != ref:
            ref = root[ref]
        return ref

    for a, b in decisions.same:
        if a in by_ref and b in by_ref:
            root[max(find(a), find(b))] = min(find(a), find(b))
    groups: dict[Ref, list[PersonRecord]] = defaultdict(list)
    for ref in sorted(root.keys() | set(root.values())):
        groups[find(ref)].append(by_ref[ref])
    people = []
    for group in groups.values():
        person = _Person()
        for record in sorted(group, key=_order):
            person.add(record)
        people.append(person)
    return people


def _alone(record: PersonRecord) -> _Person:
    person = _Person()
    person.add(record)
    return person


def _same_posts(records: list[PersonRecord], decisions: Decisions) -> list[_Person]:
    """The records of the same posts' organisations, each set one person at once (a
    governor named in a hundred reports), unless the user has told any records apart."""
    if decisions.different:
        return [_alone(r) for r in records]
    people: dict[tuple[str, ...], _Person] = {}
    for record in records:
        key = tuple(sorted(record.organisations))
        if key in people:
            people[key].add(record)
        else:
            people[key] = _alone(record)
    return list(people.values())


def _gather(records: Sequence[PersonRecord], decisions: Decisions) -> list[_Person]:
    """The people of one name: joined first on strong evidence (an organisation, a place),
    then on weaker (the province at other times, co-mentions), then the bare mentions."""
    people = _joined_by_user(records, decisions)
    done = {r.ref for p in people for r in p.records}
    rest = sorted((r for r in records if r.ref not in done), key=_order)
    people += _same_posts([r for r in rest if r.places or r.organisations], decisions)
    people = _merge(_merge(people, decisions, RELATED_PLACE), decisions, 1)
    for record in (r for r in rest if not (r.places or r.organisations)):
        _place_bare(record, people, decisions)
    return people


def _identities(name: str, people: Iterable[_Person], decisions: Decisions) -> list[Identity]:
    """Each person as an identity whose key stays the same from build to build: a digest
    of the name and the province they serve in most (the name alone if none)."""
    found: list[tuple[str, tuple[Ref, ...], _Person]] = []
    for person in people:
        homes = Counter(p for r in person.records for p in r.provinces)
        home = min(homes, key=lambda p: (-homes[p], p)) if homes else ""
        found.append((home, tuple(sorted(r.ref for r in person.records)), person))
    identities, keys = [], set()
    chosen = {ref for pair in decisions.same for ref in pair}
    for home, refs, person in sorted(found, key=lambda f: (f[0], f[1])):
        key = digest(name, home, size=6) if home else digest(name, size=6)
        if key in keys:  # namesakes of one province: told apart by their first record
            key = digest(name, home, *refs[0], size=6)
        keys.add(key)
        why = _reasons(person.records, chosen)
        identities.append(Identity(key, name, refs, tuple(Merge(*ref, why[ref])
                                                          for ref in refs[1:])))
    return identities


def _reasons(records: Sequence[PersonRecord], chosen: set[Ref]) -> dict[Ref, str]:
    """Why each record is the person of the others: what it shares with them, the surest
    first (an organisation; a place below the province; the province; people named with
    them). It depends only on who the person's records are, so it changes only when they do."""
    def counts(values: Iterable[Iterable[str]]) -> Counter[str]:
        return Counter(v for each in values for v in set(each))

    orgs = counts(r.organisations for r in records)
    places = counts((k for chain in r.ancestry for k in chain[:-1]) for r in records)
    provinces = counts(r.provinces for r in records)
    companions = counts(r.companions for r in records)
    why = {}
    for r in records:
        shared_orgs = sorted(o for o in set(r.organisations) if orgs[o] > 1)
        if r.ref in chosen:
            reason = "the user's decision: same"
        elif shared_orgs:
            reason = f"same organisation: {shared_orgs[0]}"
        elif any(places[k] > 1 for chain in r.ancestry for k in set(chain[:-1])):
            reason = "posts in the same place, or one inside the other"
        elif any(provinces[p] > 1 for p in r.provinces):
            reason = "posts in the same province, at different times"
        elif any(companions[c] > 1 for c in r.companions):
            reason = "named with people their other reports name too"
        else:
            reason = "same name, nothing against"
        why[r.ref] = reason
    return why


@resolver("evidence")
def by_evidence(records: Sequence[PersonRecord],
                decisions: Decisions | None = None) -> Identities:
    """Who is who, from the evidence of the records (see the module's description)."""
    decisions = decisions or Decisions()
    by_name: dict[str, list[PersonRecord]] = defaultdict(list)
    for record in {r.ref: r for r in records}.values():  # a report given twice is one
        by_name[record.name].append(record)
    return Identities(identity for name in sorted(by_name)
                      for identity in _identities(name, _gather(by_name[name], decisions),
                                                decisions))
