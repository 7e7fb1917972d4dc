"""The plain text of Markdown and HTML reports, and the date their markup gives."""

from __future__ import annotations

import datetime

import pytest

from kg.errors import InputError
from kg.reading.markup import html, markdown, plain

MARKDOWN = """---
title: 省总工会召开学习会
date: 2021-03-05
---
# 省总工会召开学习会

> 本报讯（记者 王小明）

- **临安市总工会主席**李四出席会议。
1. 会议由[张三](https://example.org/a)主持。
"""

HTML = """<!doctype html><html><head><title>省总工会召开学习会_新闻</title>
<meta name="date" content="2021-03-05"><style>p {color: red}</style>
<script>var x = "王五出席";</script></head>
<body><h1>省总工会召开学习会</h1><p>本报讯&nbsp;（记者 王小明）</p>
<div><p>临安市总工会主席<b>李四</b>
出席会议。</p></div><nav><ul><li>首页</li></ul></nav></body></html>"""


def test_markdown_front_matter_and_marks() -> None:
    found = markdown(MARKDOWN)
    assert found.metadata == {"title": "省总工会召开学习会", "date": datetime.date(2021, 3, 5)}
    assert found.text.splitlines() == [
        "省总工会召开学习会", "", "本报讯（记者 王小明）", "",
        "临安市总工会主席李四出席会议。", "会议由张三主持。"]


def test_markdown_title_opens_a_text_without_heading() -> None:
    found = markdown("---\ntitle: 省总工会召开学习会\n---\n李四出席会议。\n")
    assert found.text == "省总工会召开学习会\n\n李四出席会议。\n"


def test_markdown_without_front_matter_keeps_its_rules() -> None:
    assert markdown("李四出席会议。\n\n---\n\n王五主持。\n").text == \
        "李四出席会议。\n\n---\n\n王五主持。\n"


def test_markdown_bad_front_matter() -> None:
    with pytest.raises(InputError, match="front matter is not YAML"):
        markdown("---\ntitle: [unclosed\n---\n正文\n")


def test_html_body_text_a_paragraph_per_block() -> None:
    found = html(HTML)
    assert found.metadata == {"date": "2021-03-05"}
    assert found.text.split("\n\n") == [
        "省总工会召开学习会", "本报讯 （记者 王小明）", "临安市总工会主席李四出席会议。",
        "首页\n"]


def test_html_title_when_no_heading() -> None:
    found = html("<html><head><title>学习会</title></head><body><p>李四出席。</p></body></html>")
    assert found.text == "学习会\n\n李四出席。\n"


@pytest.mark.parametrize(("suffix", "kept"), [(".txt", True), (".MD", False), (".htm", False)])
def test_plain_by_suffix(suffix: str, kept: bool) -> None:
    text = "# <p>标题</p>\n"
    assert (plain(text, suffix).text == text) is kept
