"""kg.view.network: the RDF graph read as a networkx graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import Literal
from rdflib.namespace import SKOS

from kg.view.network import to_networkx
from tests.view.helpers import (
    ID,
    KG,
    SCRIPT_PAYLOAD,
    group,
    hostile_graph,
    person,
    small_graph,
)


def test_to_networkx_nodes_kinds_and_labels(network: nx.MultiDiGraph) -> None:
    kinds: dict[str, set[str]] = {}
    for node, data in network.nodes(data=True):
        assert data["id"] == node
        kinds.setdefault(data["kind"], set()).add(data["label"])
    assert kinds == {
        "person": {"王一", "李二", "赵三", "钱四"},
        "organisation": {"浙江省总工会", "常州市人大常委会", "常州市总工会", "溧阳市总工会",
                         "浙江省总工会经审办"},
        "place": {"浙江省", "常州市", "江苏省", "溧阳市"},
        "group": {"常州学习组"},
    }


def test_to_networkx_edges_kinds_and_labels(network: nx.MultiDiGraph) -> None:
    label = dict(network.nodes(data="label"))
    edges = {(label[u], label[v], d["kind"], d["label"]) for u, v, d in network.edges(data=True)}
    assert edges == {
        ("王一", "常州市人大常委会", "post", "副主任"),
        ("王一", "常州市总工会", "post", "主席"),
        ("李二", "溧阳市总工会", "post", "主席"),
        ("赵三", "浙江省总工会", "post", "副主席"),
        ("浙江省总工会经审办", "浙江省总工会", "suborganisation", ""),
        ("浙江省总工会", "浙江省", "area", ""),
        ("常州市人大常委会", "常州市", "area", ""),
        ("常州市总工会", "常州市", "area", ""),
        ("溧阳市总工会", "溧阳市", "area", ""),
        ("常州市", "江苏省", "within", ""),
        ("溧阳市", "常州市", "within", ""),
        ("王一", "常州学习组", "attendance", "发言"),
        ("李二", "常州学习组", "attendance", "发言"),
        ("赵三", "常州学习组", "attendance", "听取"),
        # the reporter of the group's article is tied to the group
        ("钱四", "常州学习组", "authored", "撰稿"),
    }
    assert network.number_of_edges() == 15
    # one edge per post, keyed by the post
    assert {k for _, _, k, d in network.edges(keys=True, data=True) if d["kind"] == "post"} == {
        str(ID[f"post-{x}"]) for x in "abcd"}


def test_to_networkx_attributes_are_graphml_safe(tmp_path: Path) -> None:
    graph = to_networkx(hostile_graph())
    for _, data in graph.nodes(data=True):
        assert set(data) == {"id", "label", "kind", "pinyin", "tooltip"}
        assert all(isinstance(v, str) for v in data.values())
    for _, _, data in graph.edges(data=True):
        assert set(data) == {"kind", "label", "evidence"}
        assert all(isinstance(v, str) for v in data.values())
    nx.write_graphml(graph, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.number_of_nodes() == graph.number_of_nodes()
    assert back.number_of_edges() == graph.number_of_edges()
    assert back.nodes[str(ID["evil"])]["label"] == SCRIPT_PAYLOAD
    nx.write_gexf(graph, tmp_path / "g.gexf")
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() == graph.number_of_nodes()


def test_to_networkx_is_ordered_and_deterministic(network: nx.MultiDiGraph) -> None:
    shuffled = rdflib.Graph()
    for triple in sorted(small_graph(), reverse=True):
        shuffled.add(triple)
    again = to_networkx(shuffled)
    assert list(network.nodes(data=True)) == list(again.nodes(data=True))
    assert list(network.edges(keys=True, data=True)) == list(again.edges(keys=True, data=True))
    kinds = [kind for _, kind in network.nodes(data="kind")]
    assert kinds == sorted(kinds, key=["person", "organisation", "place", "group"].index)


def test_pinyin_from_the_graph_else_made(network: nx.MultiDiGraph) -> None:
    assert network.nodes[str(ID["person-wang-yi"])]["pinyin"] == "Wang Yi"  # skos:altLabel
    assert network.nodes[str(ID["person-li-er"])]["pinyin"] == "Li Er"  # made with pypinyin


def test_made_pinyin_reads_surnames_as_surnames_and_skips_punctuation() -> None:
    graph = rdflib.Graph()
    person(graph, "p", "曾小明")
    group(graph, "g", "杭州、湖州学习组")
    pinyin = dict(to_networkx(graph).nodes(data="pinyin"))
    assert pinyin[str(ID["p"])] == "Zeng Xiaoming"  # 曾 as a surname, as kg build writes it
    assert pinyin[str(ID["g"])] == "hang zhou hu zhou xue xi zu"  # no "、" among the syllables


# The group kind's name: this task reads it from the ontology, instead of 学习组 always.
@pytest.mark.parametrize(("kinds", "expected"), [
    ([KG.StudyGroupKind], "学习组"),
    ([KG.StudyGroupKind, KG.StudyGroupKind], "学习组"),
    ([KG.TradeUnion], "工会"),
    ([KG.StudyGroupKind, KG.TradeUnion], ""),  # mixed
    ([KG.StudyGroupKind, None], ""),  # one group unclassified
    ([None], ""),
    ([KG.NoSuchKind], ""),  # a concept the ontology does not name
    ([], ""),
])
def test_group_kind_is_the_groups_shared_classification(kinds: list[rdflib.URIRef | None],
                                                        expected: str) -> None:
    graph = rdflib.Graph()
    for i, kind in enumerate(kinds):
        group(graph, f"g{i}", f"第{i}组", kind)
    assert to_networkx(graph).graph["group_kind"] == expected


def test_group_kind_of_the_small_graph() -> None:
    assert to_networkx(small_graph()).graph["group_kind"] == "学习组"
    assert to_networkx(small_graph(classified=False)).graph["group_kind"] == ""


def test_a_group_with_two_classifications_has_no_one_name() -> None:
    graph = rdflib.Graph()
    node = group(graph, "g", "某组", KG.StudyGroupKind)
    graph.add((node, rdflib.URIRef("http://www.w3.org/ns/org#classification"), KG.TradeUnion))
    graph.add((node, SKOS.altLabel, Literal("mou zu", lang="zh-Latn-pinyin")))
    assert to_networkx(graph).graph["group_kind"] == ""
