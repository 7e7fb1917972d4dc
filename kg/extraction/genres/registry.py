"""The genres by name: a dict and a decorator, and the choice of one for a report."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from kg.defaults import AUTO
from kg.errors import GenreError
from kg.extraction.genres.base import Genre
from kg.registry import Registry

#: The genre classes, by name (fill it with :func:`genre`).
GENRES: Registry[type[Genre]] = Registry("genre")


def genre(name: str) -> Callable[[type[Genre]], type[Genre]]:
    """Register a :class:`Genre` subclass under ``name`` (its data file is ``NAME.toml``)."""
    def register(cls: type[Genre]) -> type[Genre]:
        cls.name = name
        return GENRES.add(name, cls)
    return register


@cache
def get_genre(name: str) -> Genre:
    """The genre of this name (made once).

    Raises:
        GenreError: no genre has that name; the message lists them.
    """
    return GENRES.lookup(name, GenreError, also=f" (or {AUTO})")()


def detect(raw: str) -> Genre:
    """The genre whose own marks the text shows most; the fallback genre if none shows any."""
    scored = sorted((-get_genre(name).score(raw), name) for name in GENRES)
    if scored and scored[0][0] < 0:
        return get_genre(scored[0][1])
    fallbacks = sorted(name for name, cls in GENRES.items() if cls.fallback)
    if not fallbacks:
        raise GenreError("no genre recognises this report and none is a fallback")
    return get_genre(fallbacks[0])


def choose(raw: str, name: str = AUTO) -> Genre:
    """The genre to read a report with: the one named, or for ``auto`` the detected one."""
    return detect(raw) if name == AUTO else get_genre(name)
