"""kg.view.kinds: the kinds of node and edge and their names."""

from __future__ import annotations

from kg.view.kinds import (
    EDGE_KINDS,
    NEUTRAL_GROUP,
    NODE_KINDS,
    concept_label,
    edge_names,
    node_names,
    shared_name,
)
from tests.view.helpers import KG


def test_names_with_and_without_a_group_kind() -> None:
    assert node_names("学习组") == {"person": "人物", "organisation": "机构", "place": "地区",
                                  "group": "学习组"}
    assert node_names()["group"] == NEUTRAL_GROUP == "分组"
    assert edge_names("学习组")["attendance"] == "出席学习组"
    assert edge_names()["attendance"] == "出席"
    assert list(node_names()) != [] and set(node_names()) == set(NODE_KINDS)
    assert tuple(edge_names()) == EDGE_KINDS


def test_concept_labels_come_from_the_ontology() -> None:
    assert concept_label(KG.StudyGroupKind) == "学习组"
    assert concept_label(KG.TradeUnion) == "工会"
    assert concept_label(KG.NoSuchKind) == ""


def test_shared_name() -> None:
    assert shared_name(["学习组", "学习组"]) == "学习组"
    assert shared_name(["学习组", "工会"]) == ""
    assert shared_name(["学习组", ""]) == ""
    assert shared_name([]) == ""
