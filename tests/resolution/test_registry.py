"""Resolvers by name."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from kg.errors import KGError
from kg.resolution import RESOLVERS, Identities, PersonRecord, resolver
from kg.resolution.registry import get_resolver


def test_a_resolver_registers_once_and_is_found_by_name() -> None:
    @resolver("test-nobody")
    def nobody(records: Sequence[PersonRecord]) -> Identities:
        return Identities([])

    try:
        assert get_resolver("test-nobody") is nobody
        with pytest.raises(ValueError, match="already registered"):
            resolver("test-nobody")(nobody)
    finally:
        del RESOLVERS["test-nobody"]
    with pytest.raises(KGError, match="the resolvers are: by-name"):
        get_resolver("test-nobody")
