"""The words the extractor knows before it reads: titles, organisation kinds, surnames.

Each is a table shipped in ``kg/data`` (see its README for how each was compiled); nothing
here names a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.resources import read_rows


@cache
def titles() -> dict[str, str]:
    """Bare titles (主席, 常务副主席 …) mapped to their English labels."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in read_rows("data", "titles.tsv")}


@dataclass(frozen=True, slots=True)
class OrgKind:
    """How an organisation's name ends, its kind, and how a bare mention of it attaches."""

    suffix: str
    kind: str
    scope: str  # body | unit


@cache
def org_kinds() -> dict[str, OrgKind]:
    """Organisation-name endings, longest first."""
    kinds = [OrgKind(row[0], row[1], row[2]) for row in read_rows("data", "orgkinds.tsv")]
    kinds.sort(key=lambda k: (-len(k.suffix), k.suffix))
    return {k.suffix: k for k in kinds}


@cache
def surnames() -> dict[str, str]:
    """Surnames mapped to the reading they take as a surname ("" where it is the usual one)."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in read_rows("data", "surnames.txt")}
