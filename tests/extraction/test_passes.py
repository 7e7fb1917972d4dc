"""Reading a whole report: who took part and how, what they said, where names stand."""

from __future__ import annotations

from kg.extraction import extract
from kg.model import Extraction
from tests.extraction.conftest import REPORT
from tests.helpers import names, posts, quotes, roles


def test_roles(meeting: Extraction) -> None:
    got = roles(meeting, meeting.sections[0])
    assert got["韦三"] == ("listener", "referenced")
    assert got["欧阳四"] == ("listener",)
    for speaker in ("宋五", "徐六", "祁七", "蔡八", "汤九", "丁十"):
        assert got[speaker] == ("speaker",)


def test_quotations(meeting: Extraction) -> None:
    said = quotes(meeting, meeting.sections[0])
    assert said["宋五"] == "要服务职工"
    assert said["蔡八"] == "我们要创新。"


def test_people_are_keyed_in_the_order_first_named(meeting: Extraction) -> None:
    assert [p.key for p in meeting.people] == [f"p{i}" for i in range(1, len(meeting.people) + 1)]
    assert meeting.people[0].name == "韦三"
    assert {m.person for m in meeting.mentions} <= set(names(meeting))


def test_mentions_point_at_names_in_the_raw_text() -> None:
    # a layout that cuts lines: "革。" starts a line with the end of a word
    raw = REPORT.replace("宋五", "宋\n\n五").replace("要改革。", "要改\n\n革。")
    text, ex = extract(raw)
    who = names(ex)
    found = {}
    for mention in ex.mentions:
        begin, end = text.raw_span(mention.span)
        assert raw[begin:end].replace("\n", "") == who[mention.person]
        found[who[mention.person]] = raw[begin:end]
    assert found["宋五"] == "宋\n\n五"


def test_second_report_generalises(jiangsu: str) -> None:
    ex = extract(jiangsu)[1]
    assert ex.province == "320000"
    got = posts(ex)
    assert got["孔令东"] == {("句容市人大常委会", "副主任"), ("句容市总工会", "主席")}
    assert got["华建业"] == {("南京江北新区总工会", "主席")}
    assert got["严志刚"] == {("南京市溧水区总工会", "主席")}
    assert got["钱立新"] == {("镇江市总工会", "党组书记"), ("镇江市总工会", "常务副主席")}
    assert got["单雪梅"] >= {("苏州、无锡学习组", "组长")}
    assert "祁永" in got  # a two-character name broken by the layout


def test_bundled_report(transcript: str) -> None:
    ex = extract(transcript)[1]
    assert (ex.genre, ex.province, ex.year) == ("study-meeting", "330000", 2015)
    assert len(ex.sections) == 6
    assert len(ex.people) > 90
    assert all(len(s.bylines) >= 1 for s in ex.sections)


def test_the_genre_can_be_named() -> None:
    as_news = extract(REPORT, genre="news")[1]
    assert as_news.genre == "news"
    assert [s.kind for s in as_news.sections] == ["body"]  # no group headers in news
