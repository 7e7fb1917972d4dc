"""A report's file read whole: decoded, its markup taken off, its date found."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import InputError
from kg.reading import Document, read_report


def test_markdown_report(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("---\ndate: 2021-03-05\n---\n# 学习会\n\n**李四**出席。\n", "utf-8")
    assert read_report(path) == Document("学习会\n\n李四出席。\n", "2021-03-05")


def test_html_report_in_gb18030(tmp_path: Path) -> None:
    page = ('<html><head><meta property="article:published_time" '
            'content="2021-03-05T08:00:00+08:00"></head><body><h1>省总工会召开学习会</h1>'
            '<p>临安市总工会主席李四出席会议并讲话。</p></body></html>')
    path = tmp_path / "report.html"
    path.write_bytes(page.encode("gb18030"))
    assert read_report(path) == Document(
        "省总工会召开学习会\n\n临安市总工会主席李四出席会议并讲话。\n", "2021-03-05")


@pytest.mark.parametrize("date", ["yesterday", "2021-13-01", ""])
def test_a_date_that_is_not_one_is_none(tmp_path: Path, date: str) -> None:
    path = tmp_path / "report.md"
    path.write_text(f"---\ndate: '{date}'\n---\n李四出席。\n", "utf-8")
    assert read_report(path).date is None


def test_markup_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("<html><head><script>x()</script></head><body> </body></html>", "utf-8")
    with pytest.raises(InputError, match=f"^{path}: is empty$"):
        read_report(path)


def test_bad_front_matter_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("---\ntitle: [unclosed\n---\n正文\n", "utf-8")
    with pytest.raises(InputError) as caught:
        read_report(path)
    assert str(caught.value).startswith(f"{path}: the front matter is not YAML")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("name", "text", "source"), [
    ("a.md", "---\nurl: https://news.example.cn/a/1.html\n---\n李四出席。\n",
     "https://news.example.cn/a/1.html"),
    ("a.html", '<html><head><link rel="canonical" href="https://news.example.cn/b.html">'
               '</head><body><p>李四出席。</p></body></html>', "https://news.example.cn/b.html"),
    ("a.html", '<html><head><meta property="og:url" content="http://example.cn/c">'
               '</head><body><p>李四出席。</p></body></html>', "http://example.cn/c"),
    ("a.md", "---\nurl: not an address\n---\n李四出席。\n", None),
])
def test_where_a_report_was_published(tmp_path: Path, name: str, text: str,
                                      source: str | None) -> None:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    assert read_report(path).source == source


def test_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("李四出席。\n".encode())))
    assert read_report(Path("-")) == Document("李四出席。\n")
