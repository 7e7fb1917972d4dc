"""Where a name or a title stands: each rule on small invented examples."""

from __future__ import annotations

import pytest

from kg.extraction import extract
from kg.extraction.names import name_at, title_at


@pytest.mark.parametrize(("text", "expected"), [
    ("王小明表示,", "王小明"),
    ("朱红认为,", "朱红"),  # 认为 is a surer boundary than 为
    ("应雄也交流了", "应雄"),  # a name does not end in 也
    ("戴英等认为", "戴英"),
    ("李四、", "李四"),
    ("欧阳春兰表示", "欧阳春兰"),  # a two-character surname
    ("周松宽在发言时", "周松宽"),
    ("蒋基发、", "蒋基发"),  # 发 may end a name
    ("郇卓均提出", "郇卓均"),
    ("王小和,", "王小和"),  # a joining character before punctuation ends the name
    ("王小和丽水市", "王小"),  # … but joins before a name
    ("陶宇向说", "陶宇向"),  # 向 needs an object; 说 is none
    ("武健向等,", "武健向"),
    ("魏向在发言中说", "魏向"),  # no shorter reading, so 向 ends the name
    ("姜主说。", "姜主"),  # 说 follows a name rather than ends one
    ("们认为", ""),  # no surname
    ("共同认为", ""),  # a word, not a name
    ("王", ""),
])
def test_name_at(text: str, expected: str) -> None:
    assert text[: name_at(text, 0)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("常务副主席", "常务副主席"),
    ("党组副书记、", "党组副书记"),
    ("副主任王", "副主任"),
    ("总工会", None),
])
def test_title_at_takes_the_longest(text: str, expected: str | None) -> None:
    assert title_at(text, 0) == expected


@pytest.mark.parametrize(("raw", "absent"), [
    ("国家主席张一会见俄罗斯总理米某。", "罗斯"),  # no name inside a state's name
    ("老乡们高声向总书记问好。", "高声向"),  # 向 joins: no name ends in it before a title
    ("考察第一站,总书记来到位于河北的林场。", "来到位"),  # 来到 is a verb
    ("主席团成员在主席台执行主席席就座。", "席就座"),
    ("会见全球首席执行官委员会代表。", "全球"),
    ("国务院组成人员出席会议,有关部门、单位负责人列席会议。", "单位"),
    ("会议听取了李民副委员长作的报告。", "李民副"),  # the deputy's title: 副委员长
    ("会议审议了全国人大常委会委员长会议的议案。", "常委会"),  # a body's ending, no name
    ("市长于会上指出,要抓好落实。", "于会上"),  # 于 a preposition here
    ("主任于近日调研。", "于近日"),
    ("他在大学与教师团队师生代表座谈交流。", "师生"),  # a group of people, not a name
    ("李某向与会的某某委员会委员致谢并对委员致以敬意。", "致谢并对"),  # verbs, no member
])
def test_words_that_are_not_names(raw: str, absent: str) -> None:
    assert absent not in {p.name for p in extract(raw + "\n")[1].people}


def test_a_name_followed_by_a_time_word() -> None:
    raw = "中共中央政治局常委、全国政协主席汪一近日在甘孜调研。\n"
    assert "汪一" in {p.name for p in extract(raw)[1].people}


def test_a_name_read_with_the_word_before_it_is_the_shorter_name() -> None:
    raw = "赵石同志是优秀的领导人。大家表示,要学习赵石同志的崇高风范。\n"
    assert {p.name for p in extract(raw)[1].people} == {"赵石"}


@pytest.mark.parametrize("raw", [
    "受国务院委托,国家发展改革委副主任于晓峰作了说明。",  # 于 a surname right after a title
    "副市长向建华、于晓峰出席。",  # … and in a list of names
    "出席会议的还有丁二、向建华。",
])
def test_a_surname_that_is_also_a_joining_character(raw: str) -> None:
    names = {p.name for p in extract(raw + "\n")[1].people}
    assert names & {"于晓峰", "向建华"} and not names & {"晓峰", "建华"}


def test_on_behalf_of_a_government_is_no_deputys_title() -> None:
    raw = "省长苏一林代表省人民政府向大会作政府工作报告。\n"
    (person,) = extract(raw)[1].people
    assert [q.title for q in person.posts] == ["省长"]


def test_a_name_before_an_adverb() -> None:
    raw = "会上,校长丁一明全面总结了本学期的工作。\n"
    assert "丁一明" in {p.name for p in extract(raw)[1].people}


def test_a_school_reports_bare_titles_are_the_schools() -> None:
    raw = ("学校召开工作会议。\n会议由校党委书记朱一一主持。党委副书记符二二,党委副书记、"
           "纪委书记刘三,副校长徐四四出席。\n")
    posts = {p.name: [(q.org, q.title) for q in p.posts] for p in extract(raw)[1].people}
    assert posts["符二二"] == [("学校", "党委副书记")]
    assert posts["徐四四"] == [("学校", "副校长")]  # not the discipline commission's
