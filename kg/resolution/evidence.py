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
- a record with no post's place or organisation joins the person its co-mentions point to,
  or the only person of that name; otherwise it stays apart.

The user's ``same`` decisions join records before anything else. Every join is recorded
with its reasons; the result does not depend on the order of the records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from kg.ids import digest
from kg.resolution.base import Identities, Identity, Merge, PersonRecord
from kg.resolution.decisions import Decisions, Ref
from kg.resolution.registry import resolver

SAME_ORG, RELATED_PLACE, SAME_PROVINCE, COMPANION, MOST_COMPANIONS = 3, 2, 1, 1, 2


@dataclass(slots=True)
class _Person:
    """One person being gathered: their records and everything those say."""

    records: list[PersonRecord] = field(default_factory=list)
    reasons: dict[Ref, str] = field(default_factory=dict)  # why each record after the first
    orgs: set[str] = field(default_factory=set)
    lineage: set[str] = field(default_factory=set)  # their places and the places those lie in
    places: set[str] = field(default_factory=set)
    provinces: set[str] = field(default_factory=set)
    companions: set[str] = field(default_factory=set)
    by_year: dict[int, list[tuple[str, ...]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, record: PersonRecord, reason: str = "") -> None:
        if self.records:
            self.reasons[record.ref] = reason
        self.records.append(record)
        self.orgs.update(record.organisations)
        self.places.update(record.places)
        self.provinces.update(record.provinces)
        self.companions.update(record.companions)
        for chain in record.ancestry:
            self.lineage.update(chain)
            if record.year is not None:
                self.by_year[record.year].append(chain)


def _against(record: PersonRecord, person: _Person, decisions: Decisions) -> bool:
    """Whether anything says the record is not this person."""
    if any(decisions.apart(record.ref, other.ref) for other in person.records):
        return True
    if record.provinces and person.provinces and not record.provinces & person.provinces \
            and not person.orgs.intersection(record.organisations):
        return True  # posts in different provinces
    held = person.by_year.get(record.year) if record.year is not None else None
    return bool(held and record.ancestry) and all(
        a[0] not in b and b[0] not in a for a in record.ancestry for b in held or ())


def _for(record: PersonRecord, person: _Person) -> tuple[int, list[str]]:
    """How much says the record is this person, and what."""
    score, reasons = 0, []
    orgs = sorted(person.orgs.intersection(record.organisations))
    if orgs:
        score += SAME_ORG
        reasons.append(f"same organisation: {orgs[0]}")
    chains = record.ancestry
    if any(c[0] in person.lineage for c in chains) or any(
            p in c for c in chains for p in person.places):
        score += RELATED_PLACE
        reasons.append("posts in the same place, or one inside the other")
    elif person.provinces.intersection(record.provinces):
        score += SAME_PROVINCE
        reasons.append("posts in the same province")
    shared = sorted(person.companions.intersection(record.companions))
    if shared:
        score += min(len(shared), MOST_COMPANIONS) * COMPANION
        reasons.append("named with " + "、".join(shared[:3]))
    return score, reasons


def _choose(record: PersonRecord, people: list[_Person],
            decisions: Decisions) -> tuple[_Person | None, str]:
    """The person the record joins, and why; None to start a new one."""
    open_to = [p for p in people if not _against(record, p, decisions)]
    scored = [(_for(record, p), index, p) for index, p in enumerate(people) if p in open_to]
    best = max(scored, key=lambda s: (s[0][0], -s[1]), default=None)
    if best is not None and best[0][0] > 0:
        return best[2], "; ".join(best[0][1])
    if len(people) == 1 and open_to:
        return people[0], "same name, nothing against"
    return None, ""


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
            person.add(record, "the user's decision: same")
        people.append(person)
    return people


def _gather(records: Sequence[PersonRecord], decisions: Decisions) -> list[_Person]:
    """The people of one name."""
    people = _joined_by_user(records, decisions)
    done = {r.ref for p in people for r in p.records}
    rest = sorted((r for r in records if r.ref not in done), key=_order)
    placed = [r for r in rest if r.places or r.organisations]
    for record in placed + [r for r in rest if not (r.places or r.organisations)]:
        person, reason = _choose(record, people, decisions)
        if person is None:
            people.append(person := _Person())
        person.add(record, reason)
    return people


def _identities(name: str, people: Iterable[_Person]) -> list[Identity]:
    """Each person as an identity whose key stays the same from build to build: a digest
    of the name and the province they serve in most (the name alone if none)."""
    found: list[tuple[str, tuple[Ref, ...], _Person]] = []
    for person in people:
        homes = Counter(p for r in person.records for p in r.provinces)
        home = min(homes, key=lambda p: (-homes[p], p)) if homes else ""
        found.append((home, tuple(sorted(r.ref for r in person.records)), person))
    identities, keys = [], set()
    for home, refs, person in sorted(found, key=lambda f: (f[0], f[1])):
        key = digest(name, home, size=6) if home else digest(name, size=6)
        if key in keys:  # namesakes of one province: told apart by their first record
            key = digest(name, home, *refs[0], size=6)
        keys.add(key)
        first_reason = person.reasons.get(refs[0], "")
        evidence = tuple(Merge(report, key_, person.reasons.get((report, key_), first_reason))
                         for report, key_ in refs[1:])
        identities.append(Identity(key, name, refs, evidence))
    return identities


@resolver("evidence")
def by_evidence(records: Sequence[PersonRecord],
                decisions: Decisions | None = None) -> Identities:
    """Who is who, from the evidence of the records (see the module's description)."""
    decisions = decisions or Decisions()
    by_name: dict[str, list[PersonRecord]] = defaultdict(list)
    for record in records:
        by_name[record.name].append(record)
    return Identities(identity for name in sorted(by_name)
                      for identity in _identities(name, _gather(by_name[name], decisions)))
