"""Registries: things by name, filled by a decorator where each is defined.

Genres, resolvers, export formats and result formats are each a :class:`Registry`; the CLI
builds its choices from their keys, so ``--help`` lists what is registered.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from kg.errors import KGError

T = TypeVar("T")


class Registry(dict[str, T]):
    """A dict of things by name that refuses a name given twice.

    Args:
        kind: what it holds, for messages ("genre", "resolver" …).
    """

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind

    def add(self, name: str, item: T) -> T:
        """Register ``item`` under ``name``.

        Raises:
            ValueError: the name is taken.
        """
        if name in self:
            raise ValueError(f"a {self.kind} named {name!r} is already registered")
        self[name] = item
        return item

    def register(self, name: str) -> Callable[[T], T]:
        """A decorator that registers what it decorates under ``name``."""
        def decorate(item: T) -> T:
            return self.add(name, item)
        return decorate

    def lookup(self, name: str, error: type[KGError] = KGError, also: str = "") -> T:
        """What is registered under ``name``.

        Raises:
            KGError: (or ``error``) nothing is; the message lists every name, then ``also``.
        """
        if name not in self:
            raise error(f"no {self.kind} named {name!r}; the {self.kind}s are: "
                        f"{', '.join(sorted(self))}{also}")
        return self[name]
