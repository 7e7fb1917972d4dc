"""The study-meeting genre: group sections under headers, their cities, the group's leader."""

from __future__ import annotations

from kg.extraction import extract
from kg.extraction.genres import get_genre
from kg.model import Extraction
from tests.helpers import bylines, posts, roles

STUDY = get_genre("study-meeting")


def test_structure(meeting: Extraction) -> None:
    (section,) = meeting.sections
    assert (section.kind, section.name) == ("discussion", "舟山、宁波学习组")
    assert section.organiser == "舟山、宁波学习组"
    assert section.headline == "工会要有新作为"
    assert section.regions == ("330900", "330200")
    assert bylines(meeting, section) == [
        ("林一", "记者", "reporter"), ("许二", "见习记者", "reporter"),
        ("邱明", "记者", "photographer")]
    assert meeting.meeting == "全省工会干部学习会"


def test_byline_in_parentheses_and_a_credit_in_parentheses() -> None:
    raw = ("标题\n\n温州学习组——\n\n大标题\n\n本报讯(记者 张三一 通讯员 李四二)昨天开展讨论。"
           "龙湾区总工会主席王小虎表示,要干实事。(记者 钱六六 摄)\n")
    ex = extract(raw)[1]
    (section,) = ex.sections
    assert bylines(ex, section) == [
        ("张三一", "记者", "reporter"), ("李四二", "通讯员", "reporter"),
        ("钱六六", "记者", "photographer")]
    assert roles(ex, section)["王小虎"] == ("speaker",)


def test_the_group_leader_holds_a_post_in_the_group() -> None:
    raw = ("标题\n\n温州学习组——\n\n大标题\n\n"
           "学习组组长、龙湾区总工会主席王小虎表示,要干实事。\n")
    ex = extract(raw)[1]
    assert ("温州学习组", "组长") in posts(ex)["王小虎"]
    assert "leader" in roles(ex, ex.sections[0])["王小虎"]


def test_score_counts_headers_that_name_a_group() -> None:
    assert STUDY.score("标题\n杭州、湖州学习组——\n正文\n宁波小组——\n") == 2
    assert STUDY.score("标题\n——副标题\n正文——\n") == 0


def test_words_extend_the_news_genre() -> None:
    news = get_genre("news")
    assert set(news.participation.roles["participant"]) < set(
        STUDY.participation.roles["participant"])
    assert "到学习组" in STUDY.participation.roles["participant"]
    assert STUDY.organiser_abbreviations == ("学习组", "本组", "小组")
    assert STUDY.marks().alone == ("——",)
