"""The resolvers by name: a dict and a decorator."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from kg.registry import Registry
from kg.resolution.base import Identities, PersonRecord
from kg.resolution.decisions import Decisions


class Resolver(Protocol):
    """Turns person records into identities, following the user's decisions if given."""

    def __call__(self, records: Sequence[PersonRecord], /,
                 decisions: Decisions | None = None) -> Identities: ...


#: The resolvers, by name (fill it with :func:`resolver`).
RESOLVERS: Registry[Resolver] = Registry("resolver")
#: The resolver used unless another is asked for.
DEFAULT = "evidence"


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a function that turns person records into identities under ``name``."""
    return RESOLVERS.register(name)


def get_resolver(name: str) -> Resolver:
    """The resolver of this name.

    Raises:
        KGError: no resolver has that name; the message lists them.
    """
    return RESOLVERS.lookup(name)
