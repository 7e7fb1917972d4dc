"""kg.view.tooltips: the plain-text tooltips of nodes and edges."""

from __future__ import annotations

import networkx as nx
import pytest
import rdflib
from rdflib import Literal

from kg.view.network import to_networkx
from kg.view.page import render_view
from kg.view.tooltips import edge_tooltip
from tests.view.helpers import (
    ID,
    ITSRDF,
    NIF,
    PROV,
    nodes_and_edges,
    org,
    person,
    post,
    small_graph,
)


def test_person_tooltip_posts_group_sentence_and_quotation(network: nx.MultiDiGraph) -> None:
    tooltip = network.nodes[str(ID["person-wang-yi"])]["tooltip"]
    assert tooltip.splitlines() == [
        "王一",
        "人物 · Wang Yi",
        "职务：常州市人大常委会副主任",
        "职务：常州市总工会主席",
        "学习组：常州学习组（发言）",
        # the sentence around the first nif:Phrase whose itsrdf:taIdentRef is the person
        "原文：常州市人大常委会副主任、市总工会主席王一表示,工会工作要创新。",
        "“工会工作要创新”",
        str(ID["person-wang-yi"]),
    ]


def test_other_tooltips(network: nx.MultiDiGraph) -> None:
    assert network.nodes[str(ID["org-cz-union"])]["tooltip"].splitlines() == [
        "常州市总工会", "机构 · chang zhou shi zong gong hui", "服务地区：常州市",
        "任职：王一（主席）", str(ID["org-cz-union"])]
    assert network.nodes[str(ID["place-320481"])]["tooltip"].splitlines() == [
        "溧阳市", "地区 · li yang shi", "区划代码：320481", "属于：常州市",
        str(ID["place-320481"])]
    assert network.nodes[str(ID["group-g1"])]["tooltip"].splitlines() == [
        "常州学习组", "学习组 · chang zhou xue xi zu", "成员：3 人", "报道：钱四（撰稿）",
        str(ID["group-g1"])]


def test_unclassified_groups_are_called_by_the_neutral_name() -> None:
    # new: the group kind's name comes from the graph; without one the tooltips say 分组
    network = to_networkx(small_graph(classified=False))
    assert "分组：常州学习组（发言）" in network.nodes[str(ID["person-wang-yi"])]["tooltip"]
    assert network.nodes[str(ID["group-g1"])]["tooltip"].splitlines()[1] == (
        "分组 · chang zhou xue xi zu")
    assert not any("学习组：" in tip or "学习组 ·" in tip
                   for _, tip in network.nodes(data="tooltip"))


def test_sentence_is_cut_around_a_long_mention_and_joins_layout_breaks() -> None:
    graph = rdflib.Graph()
    who = person(graph, "p", "沈建平")
    doc = ID["doc"]
    text = "甲" * 80 + "。前文" + "乙" * 70 + "沈建\n\n平说" + "丙" * 70 + "。后文"
    begin = text.index("沈建")
    graph.add((doc, NIF.isString, Literal(text)))
    mention = ID["m"]
    graph.add((mention, NIF.beginIndex, Literal(begin)))
    graph.add((mention, NIF.endIndex, Literal(begin + 5)))
    graph.add((mention, NIF.referenceContext, doc))
    graph.add((mention, ITSRDF.taIdentRef, who))
    line = next(x for x in to_networkx(graph).nodes[str(who)]["tooltip"].splitlines()
                if x.startswith("原文："))
    assert line == "原文：…" + "乙" * 50 + "沈建平说" + "丙" * 49 + "…"


@pytest.mark.parametrize("stop", ["。", "！", "？", "!", "?"])
def test_sentences_end_at_full_stops_of_either_width(stop: str) -> None:
    graph = rdflib.Graph()
    who = person(graph, "p", "沈建平")
    doc = ID["doc"]
    text = f"前一句{stop}沈建平说好{stop}后一句"
    graph.add((doc, NIF.isString, Literal(text)))
    mention = ID["m"]
    graph.add((mention, NIF.beginIndex, Literal(4)))
    graph.add((mention, NIF.endIndex, Literal(7)))
    graph.add((mention, NIF.referenceContext, doc))
    graph.add((mention, ITSRDF.taIdentRef, who))
    assert f"原文：沈建平说好{stop}" in to_networkx(graph).nodes[str(who)]["tooltip"]


def test_tooltip_has_pinyin_posts_and_quotation_as_plain_text() -> None:
    nodes, _ = nodes_and_edges(render_view(small_graph()))
    titles = {n["label"]: n["title"] for n in nodes}
    pinyin = {n["label"]: n["pinyin"] for n in nodes}
    assert "Wang Yi" in titles["王一"] and pinyin["王一"] == "Wang Yi"
    assert "常州市人大常委会副主任" in titles["王一"]
    assert "工会工作要创新" in titles["王一"]
    # The quotation keeps its text verbatim: tooltips are plain text, not pre-escaped HTML.
    assert "要服务职工<script>alert(1)</script>" in titles["李二"]
    assert "&lt;" not in titles["李二"]


def test_edge_tooltip_names_both_ends_and_the_source_text() -> None:
    graph = rdflib.Graph()
    who = person(graph, "p", "张五")
    where = org(graph, "o", "某市总工会")
    post(graph, who, where, "a", "主席")
    graph.add((ID["post-a"], PROV.wasDerivedFrom, ID["phrase"]))
    graph.add((ID["phrase"], NIF.anchorOf, Literal("市总工会主席")))
    _, edges = nodes_and_edges(render_view(graph))
    assert edges[0]["title"] == "张五 → 某市总工会\n任职：主席\n原文：市总工会主席"


def test_attendance_edge_tooltip_names_the_group_kind() -> None:
    _, edges = nodes_and_edges(render_view(small_graph()))
    assert "王一 → 常州学习组\n出席学习组：发言" in {e["title"] for e in edges}
    # new: without a name for the group kind, attendance is 出席
    _, edges = nodes_and_edges(render_view(small_graph(classified=False)))
    assert "王一 → 常州学习组\n出席：发言" in {e["title"] for e in edges}


def test_edge_tooltip_without_a_label_lists_each_text_once() -> None:
    assert edge_tooltip("甲", "乙", "属于", "", ["b", "a", "b"]) == (
        "甲 → 乙\n属于\n原文：a\n原文：b")


def test_a_persons_tooltip_gives_their_career_by_date() -> None:
    from kg.extraction import read_text
    from kg.rdf.graph import build_graph

    reports = [read_text("本报讯 2015年3月2日 杭州市西湖区委书记齐一民出席会议。\n"),
               read_text("本报讯 2018年5月6日 杭州市副市长齐一民主持会议。\n"),
               read_text("本报讯 2019年7月1日 杭州市副市长齐一民参加会议。\n")]
    network = to_networkx(build_graph(reports))
    tooltip = next(data["tooltip"] for _, data in network.nodes(data=True)
                   if data["tooltip"].startswith("齐一民\n"))
    assert [line for line in tooltip.splitlines() if line.startswith("履历：")] == [
        "履历：2015-03-02 杭州市西湖区委书记", "履历：2018-05-06 – 2019-07-01 杭州市副市长"]
