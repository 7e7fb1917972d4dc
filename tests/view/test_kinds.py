"""kg.view.kinds: the kinds of node and edge and their names."""

from __future__ import annotations

from kg.view.kinds import EDGE_KINDS, EDGE_NAMES, NODE_KINDS, NODE_NAMES, ROLE_ORDER, ROLES


def test_every_kind_has_a_name() -> None:
    assert set(NODE_NAMES) == set(NODE_KINDS)
    assert set(EDGE_NAMES) == set(EDGE_KINDS)
    assert ROLE_ORDER == tuple(label for _, label in ROLES) == ("组长", "发言", "听取", "参加")
