"""Values made from a whole report's text, kept while the report is read."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def by_identity(make: Callable[[str], T]) -> Callable[[str], T]:
    """``make`` kept for the last few texts, by identity: a report is read span by span, and
    a cache by value would compare it, at every span, with an equal one read before."""
    held: dict[int, tuple[str, T]] = {}

    def made(text: str) -> T:
        kept = held.get(id(text))
        if kept is not None and kept[0] is text:
            return kept[1]
        value = make(text)
        if len(held) >= 4:
            del held[next(iter(held))]
        held[id(text)] = (text, value)  # the text held: its id stays its own
        return value

    return made
