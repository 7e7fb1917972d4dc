"""kg.view.stats: exact numbers on tests/fixtures/small.ttl (``kg stats``: tests/cli/test_view.py).

The fixture as an undirected graph: 14 nodes, 15 edges, one component. 常州学习组 has
王一, 李二 and 赵三 (attendance) and 钱四 (its reporter); 王一 holds posts in 常州市人大常委会
and 常州市总工会, which serve 常州市 (in 江苏省); 李二 in 溧阳市总工会, serving 溧阳市 (in
常州市); 赵三 in 浙江省总工会, serving 浙江省, with the unit 浙江省总工会经审办.

Betweenness, normalised by (n-1)(n-2)/2 = 78 pairs:

* 赵三 cuts {浙江省总工会, 经审办, 浙江省} from the other 10 nodes: 3 × 10 = 30 pairs.
* 王一: the 6 nodes on the group's side (the group, 钱四, 赵三 and his three) reach
  常州市人大常委会, 常州市总工会, 常州市 and 江苏省 only through him (24); 李二 reaches the two
  organisations through him (2); 人大常委会–总工会 has two shortest paths, one through him
  (0.5): 26.5.
* 浙江省总工会 cuts {经审办} and {浙江省} from the other 11 and each other: 2 × 11 + 1 = 23.
"""

from __future__ import annotations

import pytest
import rdflib

from kg.view.network import to_networkx
from kg.view.stats import Ranked, Stats, format_stats, graph_stats, network_stats
from tests.view.helpers import SMALL as FIXTURE

ID = "https://example.org/kg/id/"


@pytest.fixture(scope="module")
def small() -> Stats:
    return graph_stats(rdflib.Graph().parse(FIXTURE, format="turtle"))


def test_counts_by_kind(small: Stats) -> None:
    assert small.nodes == 14
    assert small.edges == 15
    assert small.nodes_by_kind == (("person", 4), ("organisation", 5), ("place", 4), ("group", 1))
    assert small.edges_by_kind == (("post", 4), ("attendance", 3), ("authored", 1),
                                   ("suborganisation", 1), ("area", 4), ("within", 2))


def test_components(small: Stats) -> None:
    assert small.components == 1
    assert small.component_sizes == (14,)


def test_highest_degree_people_and_organisations(small: Stats) -> None:
    # ties by label (code point order): 浙 U+6D59 < 王 U+738B, 常 U+5E38 < 李 U+674E
    assert small.degree == (
        Ranked(f"{ID}org-province-union", "浙江省总工会", "organisation", 3.0),
        Ranked(f"{ID}person-wang-yi", "王一", "person", 3.0),
        Ranked(f"{ID}org-cz-npc", "常州市人大常委会", "organisation", 2.0),
        Ranked(f"{ID}org-cz-union", "常州市总工会", "organisation", 2.0),
        Ranked(f"{ID}person-li-er", "李二", "person", 2.0),
    )
    # the group (4 neighbours) and 常州市 (4) are not ranked: only people and organisations


def test_betweenness(small: Stats) -> None:
    assert [(r.label, r.kind) for r in small.betweenness] == [
        ("赵三", "person"), ("王一", "person"), ("浙江省总工会", "organisation"),
        ("李二", "person"), ("溧阳市总工会", "organisation")]
    values = [r.value for r in small.betweenness]
    assert values[:3] == [pytest.approx(30 / 78), pytest.approx(26.5 / 78),
                          pytest.approx(23 / 78)]
    assert small.betweenness_sample == 0


def test_top_and_components_of_a_split_graph() -> None:
    network = to_networkx(rdflib.Graph().parse(FIXTURE, format="turtle"))
    network.remove_node(f"{ID}group-g1")
    result = network_stats(network, top=2)
    assert result.components == 3  # 钱四 alone; 赵三's side; the 常州 side
    assert result.component_sizes == (8, 4, 1)
    assert len(result.degree) == len(result.betweenness) == 2


def test_stats_is_frozen(small: Stats) -> None:
    with pytest.raises(AttributeError):
        small.nodes = 0  # type: ignore[misc]


def test_big_graphs_estimate_betweenness() -> None:
    import networkx as nx

    network = nx.MultiDiGraph()
    network.add_node("hub", label="hub", kind="organisation")
    for i in range(1050):  # a star of 1,050 spokes, each two edges long
        network.add_node(f"a{i}", label=f"a{i}", kind="person")
        network.add_node(f"b{i}", label=f"b{i}", kind="person")
        network.add_edge(f"a{i}", "hub", kind="post")
        network.add_edge(f"b{i}", f"a{i}", kind="post")
    result = network_stats(network)
    assert result.betweenness_sample == 500
    assert result.betweenness[0].label == "hub"
    assert "estimated from 500 sources" in format_stats(result)


def test_empty_graph() -> None:
    result = graph_stats(rdflib.Graph())
    assert (result.nodes, result.edges, result.components) == (0, 0, 0)
    assert result.degree == result.betweenness == ()
    assert "(none)" in format_stats(result)


EXPECTED_TABLE = """\
nodes             14
  person          4
  organisation    5
  place           4
  group           1
edges             15
  post            4
  attendance      3
  authored        1
  suborganisation 1
  area            4
  within          2
components        1 (sizes 14)

most connected (neighbours)
  浙江省总工会      organisation 3
  王一              person       3
  常州市人大常委会  organisation 2
  常州市总工会      organisation 2
  李二              person       2

bridges (betweenness centrality)
  赵三          person       0.385
  王一          person       0.340
  浙江省总工会  organisation 0.295
  李二          person       0.167
  溧阳市总工会  organisation 0.115
"""


def test_the_table_aligns_chinese_labels(small: Stats) -> None:
    # CJK characters take two columns (kg.chinese.display_width)
    assert format_stats(small) + "\n" == EXPECTED_TABLE
