"""A user's own decisions on who is who, which override the resolver's.

A decisions file holds one decision a line: ``same`` or ``different``, then two records as
``kg people NAME`` prints them (``REPORT:PERSON``, the report's key and the person's key in
that report), separated by spaces or tabs; ``#`` starts a comment::

    # the two 王伟 of these reports are one man
    same       3f2a1b9c0d4e:p3   9a8b7c6d5e4f:p12
    different  3f2a1b9c0d4e:p3   77aa00bb11cc:p1
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError

Ref = tuple[str, str]  # (report, person)


@dataclass(frozen=True, slots=True)
class Decisions:
    """Pairs of records the user says are one person (``same``) or two (``different``)."""

    same: tuple[tuple[Ref, Ref], ...] = ()
    different: frozenset[frozenset[Ref]] = field(default_factory=frozenset)

    def apart(self, a: Ref, b: Ref) -> bool:
        """Whether the user says these two records are different people."""
        return frozenset((a, b)) in self.different


def parse_ref(text: str) -> Ref:
    """``REPORT:PERSON`` as a record's (report, person).

    Raises:
        ValueError: it is not of that form.
    """
    report, colon, person = text.partition(":")
    if not colon or not report or not person:
        raise ValueError(f"{text!r} is not REPORT:PERSON")
    return report, person


def read_decisions(path: Path) -> Decisions:
    """The decisions in a file.

    Raises:
        InputError: the file cannot be read, or a line is not ``same|different A B``.
    """
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the decisions file {path}: {error}") from error
    same: list[tuple[Ref, Ref]] = []
    different: set[frozenset[Ref]] = set()
    for number, line in enumerate(lines, 1):
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        try:
            if len(words) != 3 or words[0] not in ("same", "different"):
                raise ValueError("expected: same|different REPORT:PERSON REPORT:PERSON")
            a, b = parse_ref(words[1]), parse_ref(words[2])
        except ValueError as error:
            raise InputError(f"{path}, line {number}: {error}") from error
        if words[0] == "same":
            same.append((a, b))
        else:
            different.add(frozenset((a, b)))
    return Decisions(tuple(same), frozenset(different))
