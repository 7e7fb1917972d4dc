"""kg.view.select: finding nodes by name or pinyin, and the subgraph selectors."""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib

from kg.errors import AmbiguousNameError, NodeNotFoundError
from kg.view.network import to_networkx
from kg.view.select import around, find_node, group_view, place_tree, search_key
from tests.view.helpers import ID, labels, person


@pytest.mark.parametrize("text", ["Zheng Rongsheng", "zheng rongsheng", "ZHENGRONGSHENG",
                                  "Zhèng Róngshèng", "zheng-rong sheng", "ｚｈｅｎｇ ｒｏｎｇ"
                                  "ｓｈｅｎｇ"])
def test_search_key_folds_case_diacritics_spaces_and_width(text: str) -> None:
    assert search_key(text) == "zhengrongsheng"


def test_search_key_keeps_chinese_and_folds_u_umlaut() -> None:
    assert search_key("郑 荣胜") == "郑荣胜"
    assert search_key("Lǚ Bu") == search_key("lv bu") == search_key("lu bu") == "lubu"


@pytest.mark.parametrize("name", ["王一", "wang yi", "Wáng Yī", str(ID["person-wang-yi"])])
def test_find_node_by_name_pinyin_or_iri(network: nx.MultiDiGraph, name: str) -> None:
    assert find_node(network, name) == str(ID["person-wang-yi"])


def test_around_depth_0_1_2(network: nx.MultiDiGraph) -> None:
    assert labels(around(network, "王一", 0)) == {"王一"}
    assert labels(around(network, "王一", 1)) == {"王一", "常州市人大常委会", "常州市总工会",
                                                 "常州学习组"}
    part = around(network, "wang yi", 2)
    assert labels(part) == {"王一", "常州市人大常委会", "常州市总工会", "常州学习组",
                            "常州市", "李二", "赵三", "钱四"}
    assert part.graph["focus"] == str(ID["person-wang-yi"])
    # a subgraph keeps every edge between its nodes, with its attributes
    assert part.number_of_edges() == 8
    assert part.edges[str(ID["person-wang-yi"]), str(ID["org-cz-union"]),
                      str(ID["post-b"])]["label"] == "主席"


def test_around_an_organisation(network: nx.MultiDiGraph) -> None:
    assert labels(around(network, "浙江省总工会", 1)) == {
        "浙江省总工会", "浙江省总工会经审办", "浙江省", "赵三"}


def test_group_view(network: nx.MultiDiGraph) -> None:
    part = group_view(network, "常州学习组")
    # the group, its people, their organisations, the places these serve and contain them
    assert labels(part) == {"常州学习组", "王一", "李二", "赵三", "钱四", "常州市人大常委会",
                            "常州市总工会", "溧阳市总工会", "浙江省总工会", "常州市", "溧阳市",
                            "浙江省", "江苏省"}
    assert part.graph["focus"] == str(ID["group-g1"])
    assert part.graph["group_kind"] == "学习组"  # a part keeps what its groups are called


@pytest.mark.parametrize(("place", "expected"), [
    ("常州市", {"常州市", "溧阳市", "常州市人大常委会", "常州市总工会", "溧阳市总工会", "王一",
             "李二"}),
    ("江苏省", {"江苏省", "常州市", "溧阳市", "常州市人大常委会", "常州市总工会", "溧阳市总工会",
             "王一", "李二"}),
    ("浙江省", {"浙江省", "浙江省总工会", "浙江省总工会经审办", "赵三"}),
    ("Li Yang Shi", {"溧阳市", "溧阳市总工会", "李二"}),
])
def test_place_tree(network: nx.MultiDiGraph, place: str, expected: set[str]) -> None:
    assert labels(place_tree(network, place)) == expected


def test_unknown_names_list_close_matches(network: nx.MultiDiGraph) -> None:
    with pytest.raises(NodeNotFoundError, match="no place named '常州' in the graph; "
                                                "close matches: 常州市"):
        place_tree(network, "常州")
    with pytest.raises(NodeNotFoundError, match="close matches: 常州学习组"):
        group_view(network, "杭州学习组")
    with pytest.raises(NodeNotFoundError, match="close matches: 王一"):
        around(network, "wang", 2)
    # a person is not a place; only the right kind is suggested
    with pytest.raises(NodeNotFoundError) as error:
        place_tree(network, "王一")
    assert "王一" not in str(error.value).split(";")[1]


def test_unknown_group_lists_the_groups(network: nx.MultiDiGraph) -> None:
    with pytest.raises(NodeNotFoundError, match="the groups are: 常州学习组"):
        group_view(network, "xyz")


def test_ambiguous_name_lists_the_candidates() -> None:
    graph = rdflib.Graph()
    person(graph, "a", "张五")
    person(graph, "b", "章五")
    network = to_networkx(graph)
    with pytest.raises(AmbiguousNameError, match="2 nodes are named 'zhang wu'.*张五.*章五"):
        around(network, "zhang wu", 1)
    assert find_node(network, "章五") == str(ID["b"])


def test_negative_depth(network: nx.MultiDiGraph) -> None:
    with pytest.raises(ValueError, match="depth"):
        around(network, "王一", -1)
