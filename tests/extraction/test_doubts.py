"""Why a report's reading may fall short: said, not silent (invented texts)."""

from __future__ import annotations

import pytest

from kg.extraction import read_text
from kg.extraction.doubts import doubts


@pytest.mark.parametrize(("text", "says"), [
    ("The meeting on flood control was held in Hangzhou on Monday.\n", "little of it is Chinese"),
    ("…… —— ！！！\n", "no letters"),
    ("<p>杭州召开推进会</p><p><b>杭州市副市长齐一民</b>出席会议。</p><p>一</p><br><br>\n",
     "HTML tags"),
    ("今天天气很好，我们去公园散步，看见湖边的柳树发芽了。" * 10 + "\n", "no official found"),
])
def test_a_doubtful_report_says_why(text: str, says: str) -> None:
    assert any(says in doubt for doubt in doubts(read_text(text, name="r.txt")))


def test_a_report_read_well_has_no_doubts() -> None:
    text = ("杭州召开推进会\n\n本报讯 杭州市副市长齐一民出席会议并讲话。"
            + "会议强调，要抓好落实。" * 20)
    assert doubts(read_text(text + "\n", name="r.txt")) == ()
