"""How each kind of node and edge looks, and the vis-network options of the page.

============  ==========  ========   ===============  ===========================
node kind     shape       colour     edge kind        style
============  ==========  ========   ===============  ===========================
person        dot         red        post             blue, labelled with the title
organisation  box         blue       attendance       orange, labelled with how
place         triangle    green      authored         purple, dashed
group         diamond     orange     suborganisation  grey, dashed
                                     area             green, dotted
                                     within           dark green, dashed
============  ==========  ========   ===============  ===========================

The names the legend gives them are in :mod:`kg.view.kinds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["EDGE_STYLES", "FONT_FACE", "NODE_STYLES", "EdgeStyle", "NodeStyle", "vis_options"]

FONT_FACE = (
    "Noto Sans CJK SC, Source Han Sans SC, WenQuanYi Micro Hei, Microsoft YaHei, "
    "PingFang SC, sans-serif"
)
_LABEL_MAX_PX = 120  # labels wrap at this width


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """A node kind's vis-network shape and colours."""

    shape: str
    background: str
    border: str
    font_color: str


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """An edge kind's colour, dashes (empty: a solid line) and width."""

    color: str
    dashes: tuple[int, ...]
    width: float


NODE_STYLES = {
    "person": NodeStyle("dot", "#e15759", "#a12d2f", "#222222"),
    "organisation": NodeStyle("box", "#d4e6f7", "#4e79a7", "#1f3b5a"),
    "place": NodeStyle("triangle", "#59a14f", "#366b2f", "#222222"),
    "group": NodeStyle("diamond", "#f28e2b", "#b35f10", "#222222"),
}
EDGE_STYLES = {
    "post": EdgeStyle("#4e79a7", (), 1.6),
    "attendance": EdgeStyle("#f28e2b", (), 1.6),
    "authored": EdgeStyle("#b07aa1", (4, 3), 1.4),
    "suborganisation": EdgeStyle("#7f7f7f", (8, 5), 1.2),
    "area": EdgeStyle("#59a14f", (2, 4), 1.2),
    "within": EdgeStyle("#366b2f", (8, 5), 1.2),
}


def vis_options(big: bool) -> dict[str, Any]:
    """vis-network options: physics off (positions are precomputed), groups carry the styles."""
    font = 11 if big else 14
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        "nodes": {
            "borderWidth": 1.5,
            "font": {"face": FONT_FACE, "size": font, "color": "#222222"},
            # long names wrap (vis breaks even unspaced CJK text) instead of covering neighbours
            "widthConstraint": {"maximum": _LABEL_MAX_PX},
            # size by number of neighbours; the square root is applied in the page's script
            "scaling": {
                "min": 6 if big else 9,
                "max": 30 if big else 36,
                "label": {"enabled": True, "min": font, "max": 2 * font, "drawThreshold": 5,
                          "maxVisible": 30},
            },
        },
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "font": {
                "face": FONT_FACE,
                "size": 9 if big else 12,
                "align": "middle",
                "color": "#333333",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
            "color": {"inherit": False},
        },
        "groups": {
            kind: {
                "shape": style.shape,
                "color": {
                    "background": style.background,
                    "border": style.border,
                    "highlight": {"background": style.background, "border": "#000000"},
                    "hover": {"background": style.background, "border": "#000000"},
                },
                "font": {"color": style.font_color},
            }
            for kind, style in NODE_STYLES.items()
        },
    }

