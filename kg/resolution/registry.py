"""The resolvers by name: a dict and a decorator."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from kg.errors import KGError
from kg.resolution.base import Identities, PersonRecord

Resolver = Callable[[Sequence[PersonRecord]], Identities]

#: The resolvers, by name (fill it with :func:`resolver`).
RESOLVERS: dict[str, Resolver] = {}
#: The resolver used unless another is asked for.
DEFAULT = "by-name"


def resolver(name: str) -> Callable[[Resolver], Resolver]:
    """Register a function that turns person records into identities under ``name``."""
    def register(function: Resolver) -> Resolver:
        if name in RESOLVERS:
            raise ValueError(f"a resolver named {name!r} is already registered")
        RESOLVERS[name] = function
        return function
    return register


def get_resolver(name: str) -> Resolver:
    """The resolver of this name.

    Raises:
        KGError: no resolver has that name; the message lists them.
    """
    if name not in RESOLVERS:
        raise KGError(f"no resolver named {name!r}; the resolvers are: "
                      f"{', '.join(sorted(RESOLVERS))}")
    return RESOLVERS[name]
