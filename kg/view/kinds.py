"""The kinds of node and edge the view draws, their names in Chinese, and a node or tie as read."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib.term import Node

from kg.rdf.namespace import KG

NODE_KINDS = ("person", "organisation", "place", "group")
EDGE_KINDS = ("post", "attendance", "authored", "suborganisation", "area", "within")

# Attendance: the sub-properties of schema:attendee, in the order their labels are joined.
ROLES = ((KG.leader, "组长"), (KG.speaker, "发言"), (KG.listener, "听取"),
         (KG.participant, "参加"))
ROLE_ORDER = tuple(label for _, label in ROLES)
ATTENDED = "出席"  # schema:attendee and no sub-property
WROTE = "撰稿"  # a reporter with no schema:jobTitle
PHOTOGRAPHED = "摄影"

NODE_NAMES = {"person": "人物", "organisation": "机构", "place": "地区", "group": "学习组"}
EDGE_NAMES = {"post": "任职", "attendance": "出席学习组", "authored": "撰稿",
              "suborganisation": "下属机构", "area": "服务地区", "within": "属于"}


@dataclass(slots=True)
class Entity:
    """A node as read from the graph: its kind, ``@zh`` label, pinyin and RDF term."""

    kind: str
    label: str
    pinyin: str
    term: Node


@dataclass(slots=True)
class Tie:
    """An edge as read from the graph: its kind, its labels and evidence, in reading order."""

    kind: str
    labels: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)

