"""Chains of posts, names before titles, names read again, lists of people (invented names)."""

from __future__ import annotations

import pytest

from kg.extraction.chains import Anchors, find_chains, find_known, find_titled, group_lists
from kg.extraction.gazetteer import gazetteer
from kg.extraction.genres import get_genre
from kg.extraction.words import grammar

ANCHORS = Anchors(frozenset(gazetteer(2015).names),
                  grammar().national_anchors + get_genre("study-meeting").organiser_abbreviations)


def chains(text: str) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(ref.name, [(item.org, item.title) for item in ref.items])
            for ref in find_chains(text, 0, len(text), ANCHORS)]


@pytest.mark.parametrize(("text", "expected"), [
    # a title with no organisation of its own takes the previous one (resolved later)
    ("省总工会党组副书记、巡视员、副主席王三听取发言。",
     [("王三", [("省总工会", "党组副书记"), ("", "巡视员"), ("", "副主席")])]),
    # a chain runs through a comma to its name
    ("文成县政协副主席,县总工会主席刘五说。",
     [("刘五", [("文成县政协", "副主席"), ("县总工会", "主席")])]),
    # several people in a row
    ("桐庐县总工会主席张一、安吉县总工会主席李二等表示,",
     [("张一", [("桐庐县总工会", "主席")]), ("李二", [("安吉县总工会", "主席")])]),
    # names joined by 和 / 及
    ("宁海县总工会主席赵六和象山县总工会主席钱七及遂昌县总工会主席孙八认为",
     [("赵六", [("宁海县总工会", "主席")]), ("钱七", [("象山县总工会", "主席")]),
      ("孙八", [("遂昌县总工会", "主席")])]),
    # words before the organisation are not part of it
    ("大家围绕讲话以及省人大常委会副主任、省总工会主席周九的讲话精神",
     [("周九", [("省人大常委会", "副主任"), ("省总工会", "主席")])]),
    ("这是临海市总工会主席吴十的观点。", [("吴十", [("临海市总工会", "主席")])]),
    ("上午9时,学习组组长、嘉兴市总工会主席郑一宣布开始",
     [("郑一", [("学习组", "组长"), ("嘉兴市总工会", "主席")])]),
    ("工会主席们认为", []),
    ("龙泉、云和等县市总工会主席共同认为", []),
])
def test_find_chains(text: str, expected: list[tuple[str, list[tuple[str, str]]]]) -> None:
    assert chains(text) == expected


def test_chain_keeps_offsets() -> None:
    text = "衢州市总工会主席王五表示"
    (ref,) = find_chains(text, 0, len(text), ANCHORS)
    assert text[ref.name_span.start:ref.name_span.end] == "王五"
    assert ref.start == 0
    item = ref.items[0]
    assert text[item.org_span.start:item.title_span.end] == "衢州市总工会主席"


@pytest.mark.parametrize(("text", "expected"), [
    ("学习贯彻张大明总书记系列讲话", ["张大明"]),
    ("学习贯彻习总书记重要讲话", []),  # 习 alone is no name
    ("王小二同志说", ["王小二"]),
])
def test_name_before_title(text: str, expected: list[str]) -> None:
    assert [r.name for r in find_titled(text, 0, len(text))] == expected


def test_known_names_are_found_alone_and_not_inside_taken_spans() -> None:
    text = "王爱国说,王爱国的发言"
    refs = find_known(text, 0, len(text), ["王爱国"], [(0, 3)])
    assert [(r.name, r.start) for r in refs] == [("王爱国", 5)]


def test_group_lists_joins_people_by_separators() -> None:
    text = "张一、李二和王三等表示,赵四说"
    refs = find_known(text, 0, len(text), ["张一", "李二", "王三", "赵四"], [])
    runs = group_lists(text, refs)
    assert [[r.name for r in run] for run in runs] == [["张一", "李二", "王三"], ["赵四"]]


def test_a_genres_own_words_anchor_an_organisation() -> None:
    text = "我们学习组组长王五表示"
    news = Anchors(ANCHORS.place_names, grammar().national_anchors)
    assert [i.org for i in find_chains(text, 0, len(text), ANCHORS)[0].items] == ["学习组"]
    assert [i.org for i in find_chains(text, 0, len(text), news)[0].items] == ["我们学习组"]


@pytest.mark.parametrize(("text", "expected"), [
    ("会上,王五一主任表示,要干实事。", [("王五一", ["主任"])]),  # a name that opens a clause
    ("学习张大明总书记的讲话", [("张大明", ["总书记"])]),  # a marker after a name, anywhere
    ("余六二委员说,很好。", [("余六二", ["委员"])]),
    ("人大华侨委员会副主任", []),  # 委员 after no name that opens a clause
    ("居民李四三告诉总书记", []),  # 告诉 is no part of a name ("和告诉")
])
def test_titles_after_names(text: str, expected: list[tuple[str, list[str]]]) -> None:
    refs = find_titled(text, 0, len(text))
    assert [(r.name, [i.title for i in r.items]) for r in refs] == expected


def test_a_member_after_a_chain_joins_it() -> None:
    text = "某省农业科学院研究员陈七四委员说"
    (ref,) = find_chains(text, 0, len(text), ANCHORS)
    assert ref.name == "陈七四"
    assert [(i.title, i.after_name) for i in ref.items] == [("研究员", False), ("委员", True)]
    assert text[ref.end:] == "说"


def test_a_title_held_before_is_a_former_post() -> None:
    text = "某某促进会会长、国资委监事会原主席段一二出席"
    (ref,) = find_chains(text, 0, len(text), ANCHORS)
    assert [(i.org, i.title, i.status) for i in ref.items] == [
        ("某某促进会", "会长", ""), ("国资委监事会", "主席", "former")]


@pytest.mark.parametrize(("text", "name", "orgs"), [
    # a conjunction inside a name is no clause: 和, 与 open one only before a place
    ("某某招标与采购服务平台负责人刘五六表示", "刘五六", ["某某招标与采购服务平台"]),
    ("某某县发展和改革委员会副主任王一二说", "王一二", ["某某县发展和改革委员会"]),
    # a Latin name in brackets is part of the organisation's
    ("美国某某数据集团(ABC)中国区副总裁陈七七等", "陈七七", ["美国某某数据集团(ABC)中国区"]),
    # a name with no surname that a member's title follows
    ("某省民政厅厅长益西达瓦委员说", "益西达瓦", ["省民政厅", ""]),
    # a title after the name ends it: 刘五六副总裁
    ("某平台负责人刘五六副总裁出席", "刘五六", ["某平台"]),
    # a national body's name holds a county's (资源): the body's name wins
    ("自然资源部部长王一二作了说明", "王一二", ["自然资源部"]),
    # 的 makes the title the organisation's; what modifies the title is no part of it
    ("中央办公厅分管日常工作的副主任王一二作报告", "王一二", ["中央办公厅"]),
    ("岳西县某某村的党支部书记王一二说", "王一二", ["岳西县某某村"]),
    ("集团公司新任董事长、党委书记王一革出席", "王一革", ["集团公司", ""]),  # 新任
    # a title inside a place's name is none (省长 in 湖南省长沙市; 市长 in 西安市长安区)
    ("全国人大代表、湖南省长沙市市长周一明说", "周一明", ["全国人大", "湖南省长沙市"]),
    ("西安市长安区区长王一一出席", "王一一", ["西安市长安区"]),
    # a county's short name inside a zone's name starts nothing (安新 in 雄安新区)
    ("雄安新区党工委书记张一一发言", "张一一", ["雄安新区"]),
    # a clause opens after a place: the organisation starts at the next place
    ("日照市代表团由日照市委书记杨一一带队", "杨一一", ["日照市委"]),
])
def test_chains_in_real_forms(text: str, name: str, orgs: list[str]) -> None:
    (ref,) = [r for r in find_chains(text, 0, len(text), ANCHORS) if r.name == name]
    assert [i.org for i in ref.items] == orgs


def test_the_longest_title_after_a_name_wins() -> None:
    text = "栗一二委员长主持会议。"
    assert [(r.name, r.titled) for r in find_titled(text, 0, len(text))] == [
        ("栗一二", "委员长")]


def test_a_whole_groups_title_is_no_ones_post() -> None:
    text = "第四届某某委员会全体委员、第三届某某委员会主任李一云出席"
    (ref,) = [r for r in find_chains(text, 0, len(text), ANCHORS) if r.name == "李一云"]
    assert [(i.org, i.title) for i in ref.items] == [("第三届某某委员会", "主任")]


@pytest.mark.parametrize(("text", "name"), [
    ("王一一总经理出席。", "王一一"),
    ("王一总经理出席。", "王一"),  # not 王一总 and 经理
    ("大会由梁一华院长主持。", "梁一华"),  # after 由, the one who chairs
])
def test_names_before_their_titles(text: str, name: str) -> None:
    assert [r.name for r in find_titled(text, 0, len(text))] == [name]


def test_a_longer_title_holds_no_name() -> None:
    text = "中央书记处书记、国务委员等参加植树。"  # 国务委员, not 国务 and 委员
    assert find_titled(text, 0, len(text)) == []
