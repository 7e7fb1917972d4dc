"""The plain text of a report written in Markdown or HTML, and what its markup says of it.

The plain text is what kg reads and what the graph keeps as the report's text: offsets count
in it. Markdown: the front matter (``---`` … ``---``) is metadata, and the line markers
(#, >, list marks) and emphasis are not text; its title is the first line if no heading
opens the text. HTML: the text of the body, a paragraph for
each block element; the ``<title>`` is the first line if no heading gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from kg.errors import InputError

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_HEADED = re.compile(r"\A\s*#")
_LINE_MARKS = re.compile(r"^[ \t]*(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+|\d+\.[ \t]+)+", re.M)
_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # an image: its text
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # a link: its text
    (re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # emphasis, code
)
_BLOCKS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section",
           "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "figure",
           "figcaption", "td", "th", "dd", "dt", "hr"}
_BLOCK = "\x00"  # a block's edge in the parsed text (decoded reports have no NUL)
_WIDE_BREAK = re.compile(r"(?<=[^\x00-\x7f])[ \t\r]*\n\s*(?=[^\x00-\x7f])")
_SKIPPED = {"script", "style", "noscript", "template", "head", "svg", "iframe"}


@dataclass(frozen=True, slots=True)
class Plain:
    """A report's plain text, and what its markup says of it (front matter, <meta>)."""

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)


def plain(text: str, suffix: str) -> Plain:
    """The plain text of a file's text, by its kind (``.md``, ``.html``; else as it is)."""
    suffix = suffix.lower()
    if suffix in (".md", ".markdown"):
        return markdown(text)
    if suffix in (".html", ".htm", ".xhtml"):
        return html(text)
    return Plain(text)


def markdown(text: str) -> Plain:
    """Markdown's plain text and its front matter.

    Raises:
        InputError: the front matter is not YAML.
    """
    metadata: dict[str, Any] = {}
    front = _FRONT.match(text)
    if front:
        import yaml  # here: only Markdown with front matter needs it

        try:
            loaded = yaml.safe_load(front.group(1))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" at line {mark.line + 2}" if mark is not None else ""
            raise InputError(f"the front matter is not YAML{where}: "
                             f"{getattr(error, 'problem', None) or 'unreadable'}") from error
        metadata = loaded if isinstance(loaded, dict) else {}
        text = text[front.end():]
        if metadata.get("title") and not _HEADED.match(text):
            text = f"{metadata['title']}\n\n{text}"
    text = _LINE_MARKS.sub("", text)
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return Plain(text, metadata)


def html(text: str) -> Plain:
    """HTML's plain text: the body's text, a paragraph for each block."""
    parser = _TextParser()
    parser.feed(text)
    parser.close()
    text = _WIDE_BREAK.sub("", "".join(parser.parts))  # a line cut inside Chinese text
    paragraphs = [" ".join(block.split()) for block in text.split(_BLOCK)]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph]
    if parser.title and not (paragraphs and parser.heading):
        paragraphs.insert(0, parser.title)
    return Plain("\n\n".join(paragraphs) + "\n", parser.metadata)


class _TextParser(HTMLParser):
    """Collects the text of an HTML page, a line break at each block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0
        self.in_title = False
        self.title = ""
        self.heading = False
        self.metadata: dict[str, Any] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag == "title":
            self.in_title = True
        elif tag in _BLOCKS:
            self.parts.append(_BLOCK)
            self.heading = self.heading or tag == "h1"
        if tag == "link" and dict(attrs).get("rel") == "canonical" and dict(attrs).get("href"):
            self.metadata["canonical"] = dict(attrs)["href"]
        if tag == "meta":
            found = dict(attrs)
            key, content = found.get("name") or found.get("property"), found.get("content")
            if key and content:
                self.metadata[key] = content

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCKS:
            self.parts.append(_BLOCK)

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data.strip()
        elif not self.skipping:
            self.parts.append(data)
