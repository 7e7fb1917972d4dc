"""Bylines and photo credits as papers and agencies write them (invented names)."""

from __future__ import annotations

import pytest

from kg.extraction import extract
from kg.extraction.genres import get_genre
from kg.extraction.genres.credits import byline, find_credits
from kg.model import Span
from tests.helpers import bylines

WORDS = get_genre("news").credit_words  # type: ignore[attr-defined]


def credits(line: str) -> list[tuple[str, str, str]] | None:
    found = byline(line, Span(0, len(line)), WORDS)
    if found is None:
        return None
    return [(c.name, c.title, line[c.span.start:c.span.end]) for c in found[0]]


@pytest.mark.parametrize(("line", "expected"), [
    ("本报讯 记者林一一 通讯员许二报道 昨天开会。",
     [("林一一", "记者", "林一一"), ("许二", "通讯员", "许二")]),
    ("本报讯(记者 张三一)昨天开会。", [("张三一", "记者", "张三一")]),
    ("新华社北京3月5日电(记者 王五 赵六六)", [("王五", "记者", "王五"),
                                          ("赵六六", "记者", "赵六六")]),
    ("本报记者 韩  鑫 王 浩", [("韩鑫", "记者", "韩  鑫"), ("王浩", "记者", "王 浩")]),
    ("记者 钱七七 通讯员 孙八", [("钱七七", "记者", "钱七七"), ("孙八", "通讯员", "孙八")]),
    ("记者今天获悉,会议召开。", None),  # no name after the title: no byline
    ("央视网消息(新闻联播):会议召开。", None),
    ("(通讯员 李一浩)1月31日,公司召开大会。", [("李一浩", "通讯员", "李一浩")]),  # a company's
    ("(上接第一版)公司召开大会。", None),
    ("某某网1月13日讯(本版文图 某某日报记者 阙一龙 练二福)12日上午,会议开幕。",
     [("阙一龙", "记者", "阙一龙"), ("练二福", "记者", "练二福")]),  # any outlet's dateline
    ("作者:某某商报 某某全媒体记者 刘一辉 李点", [("刘一辉", "记者", "刘一辉"),
                                            ("李点", "记者", "李点")]),
])
def test_bylines(line: str, expected: list[tuple[str, str, str]] | None) -> None:
    assert credits(line) == expected


def test_several_names_after_one_title() -> None:
    text = "记者 甲乙 丙丁"
    assert [c.name for c in find_credits(text, 0, len(text), ("记者",), "reporter")] == [
        "甲乙", "丙丁"]


def test_a_byline_line_after_the_headline_is_no_heading() -> None:
    raw = "标题一行\n\n本报记者 韩  鑫\n\n杭州市总工会主席王小明表示,要干实事。\n"
    ex = extract(raw, genre="news")[1]
    assert ex.title == "标题一行"
    assert bylines(ex, ex.sections[0]) == [("韩鑫", "记者", "reporter")]
