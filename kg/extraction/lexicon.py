"""The words the extractor knows before it reads: titles, organisation kinds, national bodies,
countries, surnames.

Each is a table shipped in ``kg/data`` (see its README for how each was compiled); nothing
here names a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kg.chinese import fold
from kg.resources import read_rows


@dataclass(frozen=True, slots=True)
class Title:
    """A title as reports write it before a name (``kg/data/titles.tsv`` says each part)."""

    title: str
    kind: str  # party, state, congress … or general
    english: str
    of: str = ""  # with no organisation written: "" the previous one, "government", or a name


#: The deputy forms a title marked 副 takes, with their English.
_DEPUTIES = (("副", "Deputy"), ("常务副", "Executive deputy"), ("第一副", "First deputy"))


@cache
def titles() -> dict[str, Title]:
    """Every title, the deputy forms (副市长, 常务副主任 …) included, by its text."""
    rows = read_rows("data", "titles.tsv")
    found: dict[str, Title] = {}
    for title, kind, english, *rest in rows:
        of, forms = (rest + ["", ""])[:2]
        if forms == "副":
            lower = english[:1].lower() + english[1:]
            for prefix, label in _DEPUTIES:
                found.setdefault(prefix + title, Title(prefix + title, kind, f"{label} {lower}",
                                                       of))
    for title, kind, english, *rest in rows:  # a row of its own wins over a form made above
        found[title] = Title(title, kind, english, (rest + [""])[0])
    return found


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
def countries() -> frozenset[str]:
    """The world's states by their short Chinese names (菲律宾, 刚果(金)), punctuation folded
    as in the text kg reads."""
    return frozenset(fold(row[0]) for row in read_rows("data", "countries.txt"))


@cache
def surnames() -> dict[str, str]:
    """Surnames mapped to the reading they take as a surname ("" where it is the usual one)."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in read_rows("data", "surnames.txt")}


@cache
def national_bodies() -> dict[str, tuple[str, str]]:
    """National bodies by their names, short forms and the words that stand for them (国家 for
    中华人民共和国): each → (full name, kind)."""
    found: dict[str, tuple[str, str]] = {}
    for name, kind, *rest in read_rows("data", "national.tsv"):
        for alias in [name, *" ".join(rest).split()]:
            found[alias] = (name, kind)
    return found


def national_name(written: str) -> str:
    """The name a post in a national body is given: as written for the body's own names and
    short forms (国家发展改革委), the full name for a word that stands for it (国家)."""
    return _national_words().get(written, written)


@cache
def _national_words() -> dict[str, str]:
    return {word: name for name, _, *rest in read_rows("data", "national.tsv")
            for word in (rest[1].split() if len(rest) > 1 else [])}
