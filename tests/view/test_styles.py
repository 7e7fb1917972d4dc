"""kg.view.styles: each kind's look and the vis-network options."""

from __future__ import annotations

from kg.view.kinds import EDGE_KINDS, NODE_KINDS
from kg.view.styles import EDGE_STYLES, NODE_STYLES, vis_options


def test_every_kind_has_a_style_of_its_own() -> None:
    assert tuple(NODE_STYLES) == NODE_KINDS
    assert tuple(EDGE_STYLES) == EDGE_KINDS
    assert len({s.shape for s in NODE_STYLES.values()}) == len(NODE_KINDS)
    assert len({s.background for s in NODE_STYLES.values()}) == len(NODE_KINDS)
    assert len({(s.color, s.dashes) for s in EDGE_STYLES.values()}) == len(EDGE_KINDS)


def test_big_pages_get_smaller_fonts_and_hide_edges_while_moving() -> None:
    small, big = vis_options(False), vis_options(True)
    assert big["nodes"]["font"]["size"] < small["nodes"]["font"]["size"]
    assert big["interaction"]["hideEdgesOnDrag"] and not small["interaction"]["hideEdgesOnDrag"]
    assert small["physics"] == big["physics"] == {"enabled": False}
    assert {k: v["shape"] for k, v in small["groups"].items()} == {
        k: s.shape for k, s in NODE_STYLES.items()}
