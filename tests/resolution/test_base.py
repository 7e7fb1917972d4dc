"""Identities by record, sorted by name."""

from __future__ import annotations

import pytest

from kg.resolution import Identities, Identity


def test_identities_map_each_record_to_its_identity() -> None:
    a = Identity("k1", "王伟", (("r1", "p1"), ("r2", "p4")))
    b = Identity("k2", "李娜", (("r1", "p2"),))
    identities = Identities([a, b])
    assert identities[("r2", "p4")] is a
    assert len(identities) == 3 and set(identities) == {("r1", "p1"), ("r2", "p4"), ("r1", "p2")}
    assert [i.name for i in identities.people] == ["李娜", "王伟"]
    with pytest.raises(KeyError):
        identities[("r9", "p1")]
