"""Organisations as chains name them: abbreviations resolved, units inside their parent."""

from __future__ import annotations

import pytest

from kg.extraction.orgs import split_org
from kg.model import Extraction
from tests.helpers import posts


@pytest.mark.parametrize(("name", "expected"), [
    ("韦三", {("浙江省人大常委会", "副主任"), ("浙江省总工会", "主席")}),  # 省 is the province
    # a unit keeps its parent: 经审办 after 省总工会经审会 is 浙江省总工会经审办
    ("欧阳四", {("浙江省总工会经审会", "副主任"), ("浙江省总工会经审办", "主任")}),
    ("宋五", {("舟山市普陀区总工会", "主席")}),  # a bare district in the group's cities
    ("徐六", {("宁波市海曙区总工会", "主席")}),  # a city's short name before a district
    ("祁七", {("奉化市政协", "副主席"), ("奉化市总工会", "主席")}),  # 市 through a comma
    ("蔡八", {("象山县政协", "副主席"), ("象山县总工会", "主席")}),  # a bare body
    ("汤九", {("临安市总工会", "主席")}),
    ("丁十", {("杭州高新区人大常委会", "副主任"), ("杭州高新区总工会", "主席")}),
])
def test_posts_resolve_abbreviations(meeting: Extraction, name: str,
                                     expected: set[tuple[str, str]]) -> None:
    assert posts(meeting)[name] == expected


def test_units_keep_their_parent(meeting: Extraction) -> None:
    orgs = {o.name: o for o in meeting.organisations}
    assert orgs["浙江省总工会经审办"].parent == "浙江省总工会"
    assert orgs["浙江省总工会"].place == "330000"


def test_the_section_organiser_is_an_organisation(meeting: Extraction) -> None:
    orgs = {o.name: o for o in meeting.organisations}
    assert orgs["舟山、宁波学习组"].kind == "study_group"


@pytest.mark.parametrize(("org", "expected"), [
    ("总工会干部学校", [("总工会", "trade_union"), ("干部学校", "school")]),
    ("人大常委会", [("人大常委会", "people_congress")]),
    ("监狱管理局工会", [("监狱管理局", "government"), ("工会", "trade_union")]),
    ("铁路局杭州办事处工会", [("铁路局", "government"), ("杭州办事处", "other"),
                            ("工会", "trade_union")]),
    ("教育工会", [("教育工会", "trade_union")]),
    ("工人日报社", [("工人日报社", "newspaper")]),
])
def test_split_org(org: str, expected: list[tuple[str, str]]) -> None:
    assert [(piece, kind) for piece, kind, _ in split_org(org)] == expected
