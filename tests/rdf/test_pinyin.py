"""Pinyin labels: people's surnames as surnames, places by name and kind."""

from __future__ import annotations

import pytest

from kg.rdf import pinyin


@pytest.mark.parametrize(("name", "expected"), [
    ("曾玲", "Zeng Ling"),
    ("单雪梅", "Shan Xuemei"),
    ("仇志远", "Qiu Zhiyuan"),
    ("解春生", "Xie Chunsheng"),
    ("欧阳春兰", "Ouyang Chunlan"),
    ("区小明", "Ou Xiaoming"),
])
def test_pinyin_reads_surnames_as_surnames(name: str, expected: str) -> None:
    assert pinyin.person(name) == expected


@pytest.mark.parametrize(("label", "expected"), [
    ("杭州市西湖区", "Hangzhou Shi Xihu Qu"),
    ("临安市", "Lin'an Shi"),
    ("景宁畲族自治县", "Jingning Shezuzizhixian"),
    ("浙江省", "Zhejiang Sheng"),
])
def test_place_pinyin(label: str, expected: str) -> None:
    assert pinyin.place(label) == expected


@pytest.mark.parametrize(("label", "city", "short", "expected"), [
    ("杭州高新区", "杭州市", "杭州", "Hangzhou Gaoxinqu"),
    ("杭州市经济技术开发区", "杭州市", "杭州", "Hangzhou Shi Jingjijishukaifaqu"),
    ("江北新区", "南京市", "南京", "Jiangbeixinqu"),
])
def test_a_zone_reads_after_its_city(label: str, city: str, short: str, expected: str) -> None:
    assert pinyin.within(label, city, short) == expected


def test_plain_and_initials() -> None:
    assert pinyin.plain("常务副主席") == "chang wu fu zhu xi"
    assert pinyin.initials("杭州市总工会") == "hzszgh"
