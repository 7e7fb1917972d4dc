"""Registries refuse a name given twice and register what they decorate."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.registry import Registry


def test_register_and_refuse_twice() -> None:
    things: Registry[object] = Registry("thing")

    @things.register("double")
    def double(x: int) -> int:
        return 2 * x

    assert things == {"double": double}
    assert things.add("one", 1) == 1
    with pytest.raises(ValueError, match="a thing named 'one' is already registered"):
        things.add("one", 2)


def test_lookup_lists_the_names() -> None:
    things: Registry[int] = Registry("thing")
    things.add("b", 2)
    things.add("a", 1)
    assert things.lookup("a") == 1
    with pytest.raises(KGError, match="no thing named 'c'; the things are: a, b, or none"):
        things.lookup("c", also=", or none")
