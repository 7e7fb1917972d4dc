"""The kinds of node and edge the view draws, their names in Chinese, and a node or tie as read.

The name of the group kind is not fixed: a study meeting has 学习组, an inspection or a
congress session other kinds of group. A group is an ``org:OrganizationalUnit`` whose
``org:classification`` is a concept of the project's ontology (``kg/ontology/kg.ttl``); its
``skos:prefLabel @zh`` names the kind (学习组 for ``kg:StudyGroupKind``). When the groups of
a network share one such name the view uses it, else the neutral :data:`NEUTRAL_GROUP`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph
from rdflib.namespace import SKOS
from rdflib.term import Node

from kg.rdf.namespace import KG
from kg.resources import read_text

NODE_KINDS = ("person", "organisation", "place", "group")
EDGE_KINDS = ("post", "attendance", "authored", "suborganisation", "area", "within")

# Attendance: the sub-properties of schema:attendee, in the order their labels are joined.
ROLES = ((KG.chair, "主持"), (KG.leader, "组长"), (KG.inspector, "考察"), (KG.speaker, "发言"),
         (KG.listener, "听取"), (KG.companion, "陪同"), (KG.participant, "参加"))
ROLE_ORDER = tuple(label for _, label in ROLES)
ATTENDED = "出席"  # schema:attendee and no sub-property
WROTE = "撰稿"  # a reporter with no schema:jobTitle
PHOTOGRAPHED = "摄影"

#: What a group is called when the network's groups have no one name of their kind.
NEUTRAL_GROUP = "分组"

_NODE_NAMES = {"person": "人物", "organisation": "机构", "place": "地区"}
_EDGE_NAMES = {"post": "任职", "authored": "撰稿", "suborganisation": "下属机构",
               "area": "服务地区", "within": "属于"}


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


def node_names(group: str = "") -> dict[str, str]:
    """The Chinese name of each node kind, the group kind called ``group`` (if any)."""
    return {**_NODE_NAMES, "group": group or NEUTRAL_GROUP}


def edge_names(group: str = "") -> dict[str, str]:
    """The Chinese name of each edge kind: attendance is 出席学习组, or 出席 without a name."""
    names = {**_EDGE_NAMES, "attendance": ATTENDED + group}
    return {kind: names[kind] for kind in EDGE_KINDS}


def shared_name(names: Iterable[str]) -> str:
    """The one name all of ``names`` share, or ``""`` when they differ, are blank or none."""
    distinct = set(names)
    return distinct.pop() if len(distinct) == 1 and "" not in distinct else ""


def concept_label(concept: Node) -> str:
    """The ontology's ``skos:prefLabel @zh`` of a concept (学习组 for kg:StudyGroupKind), or
    ``""`` when the ontology does not name it."""
    return _zh_labels().get(str(concept), "")


@cache
def _zh_labels() -> dict[str, str]:
    """Each concept of the ontology with its ``skos:prefLabel @zh`` (the first, sorted).

    Read with pyoxigraph's parser: rdflib's takes 30 times as long, on every build.
    """
    labels: dict[str, list[str]] = {}
    for quad in pyoxigraph.parse(read_text("ontology", "kg.ttl"),
                                 format=pyoxigraph.RdfFormat.TURTLE):
        value = quad.object
        if quad.predicate.value == str(SKOS.prefLabel) and isinstance(value, pyoxigraph.Literal) \
                and (value.language or "").lower() == "zh":
            labels.setdefault(quad.subject.value, []).append(value.value)
    return {concept: sorted(names)[0] for concept, names in labels.items()}
