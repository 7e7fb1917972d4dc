"""The ``by-name`` resolver: within one build, one name is one person."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from kg.ids import digest
from kg.resolution.base import Identities, Identity, Merge, PersonRecord
from kg.resolution.decisions import Decisions
from kg.resolution.registry import resolver


@resolver("by-name")
def by_name(records: Sequence[PersonRecord], decisions: Decisions | None = None) -> Identities:
    """Every record of a name is one person; each merge says "same name" (the user's
    decisions are not asked: use the ``evidence`` resolver for them).

    The identity's key is a digest of the name, so the same name gets the same IRI in every
    build; the result does not depend on the order of the records.
    """
    by_name: dict[str, list[PersonRecord]] = defaultdict(list)
    for record in records:
        by_name[record.name].append(record)
    identities = []
    for name, group in by_name.items():
        refs = sorted({r.ref for r in group})
        evidence = tuple(Merge(report, person, "same name") for report, person in refs[1:])
        identities.append(Identity(digest(name, size=6), name, tuple(refs), evidence))
    return Identities(identities)
