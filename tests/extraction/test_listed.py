"""Names listed without posts (invented names)."""

from __future__ import annotations

import pytest

from kg.extraction.gazetteer import gazetteer
from kg.extraction.listed import find_listed

PLACES = frozenset(gazetteer(2015).names)


@pytest.mark.parametrize(("text", "expected"), [
    ("市县领导何一二、曹三四、张五六等参加。", ["何一二", "曹三四", "张五六"]),
    ("李一一、何二二等陪同,吴三三、穆四四、姜五五及有关部门负责同志参加。",
     ["李一一", "何二二", "吴三三", "穆四四", "姜五五"]),
    ("建设地区稳定、融合和繁荣的大家庭", []),  # two alone need 等: "A、B和C" lists three
    ("党中央、国务院作出部署", []),  # bodies, not people
    ("“高度、全面、深度、务实”", []),  # one item is no name: a list of something else
    ("余姚、慈溪、宁海等县市", []),  # places
    # after a word that opens a list: two names, or one
    ("出席会议的还有齐一民、丁二。", ["齐一民", "丁二"]),
    ("出席会议的还有:齐一民。", ["齐一民"]),
    ("参加活动的有市领导齐一民、丁二。", ["齐一民", "丁二"]),
    ("我们还有很多工作要做。", []),
    ("市领导齐一民、丁二出席。", ["齐一民", "丁二"]),  # two names after a category
    ("加强领导班子、干部队伍建设。", []),
    # two names before a verb of taking part
    ("刘一坦、钱二虎代表全体获奖人员发言。", ["刘一坦", "钱二虎"]),
    ("要促进稳定、融合发展。", []),
    ("他跑到县里的农业、扶贫等部门取经。", []),
    ("集团领导陈一达、张二强、沈三明和董四生等参加。", ["陈一达", "张二强", "沈三明", "董四生"]),
    ("加强党建、团建和工会工作。", []),  # things: 等 and a word for them
    ("抓紧落实完善制度的有关事宜,依法组织。", []),  # 的有 opens a list after taking part only
    ("参加座谈的有齐一民、丁二。", ["齐一民", "丁二"]),
    # a full name after a word for people of no post
    ("走进回迁居民李敬一家中看望。", ["李敬一"]),
    ("居民收入稳步增长。", []),
    # a name in dotted parts is one item, first, within or last
    ("丁一祥、许二亮、艾力更·依明巴海、肖三出席大会。",
     ["丁一祥", "许二亮", "艾力更·依明巴海", "肖三"]),
    ("艾力更·依明巴海、肖三、何四峰出席大会。", ["艾力更·依明巴海", "肖三", "何四峰"]),
    ("丁一祥、艾力·买买提出席大会。", ["丁一祥", "艾力·买买提"]),  # 出席, not 提出
    ("还有齐一民说的那件事。", []),  # the name does not end the list
])
def test_lists_of_names(text: str, expected: list[str]) -> None:
    assert [r.name for r in find_listed(text, 0, len(text), PLACES)] == expected
