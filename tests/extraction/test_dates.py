"""A report's date, where its text says it; else unknown."""

from __future__ import annotations

import pytest

from kg.extraction.dates import check_date, read_date


@pytest.mark.parametrize(("text", "expected"), [
    ("标题\n(2025年03月07日第 06 版)\n正文", "2025-03-07"),
    ("本报讯 2019年11月29日,会议召开。", "2019-11-29"),
    ("发布时间 2021-06-09\n正文", "2021-06-09"),
    ("6月6日,2021年招商推介会在武汉举行。", "2021-06-06"),  # the year from elsewhere
    ("14日上午,市政协召开会议。", None),  # a day alone says no date
    ("6月6日,会议召开。", None),  # no year anywhere
    ("2021年2月30日", None),  # no such day
    # a date after the lead tells of something else
    ("山区小镇的新变化\n\n本台消息：党的十八大以来，这个山区小镇的面貌发生了很大的变化，游客越来越多。\n\n"
     "2005年8月15日，时任省委书记来到这里考察。", None),
    ("山区小镇的新变化\n\n本台消息：10月2日，这个山区小镇迎来了今年的第一百万名游客，面貌焕然一新。\n\n"
     "2005年8月15日，时任省委书记来到这里考察。", "2005-10-02"),  # the year from elsewhere
    ("标题\n\n" + "正文很长。" * 80 + "\n《 人民日报 》( 2024年05月07日 第 04 版)", "2024-05-07"),
])
def test_read_date(text: str, expected: str | None) -> None:
    assert read_date(text) == expected


@pytest.mark.parametrize("value", ["2015", "2015-03", "2016-02-29"])
def test_dates_taken(value: str) -> None:
    assert check_date(value) == value


@pytest.mark.parametrize("value", ["15", "1900", "2016-13-01", "2015-02-29", "2015/03/01"])
def test_dates_refused(value: str) -> None:
    with pytest.raises(ValueError, match="is not a date"):
        check_date(value)
