"""Normalise a raw report while keeping a map from each character back to the raw text.

Two things change: ASCII punctuation becomes its full-width form (this report kind mixes
both), and line breaks that the layout put inside a paragraph are removed, so that a name cut
by the layout ("王小\\n\\n明") reads whole. Paragraphs are separated by one "\\n".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.gazetteer import grammar
from kg.model import Span

# ASCII punctuation that Chinese text writes full-width; a comma between digits stays.
_WIDE = str.maketrans({",": ",", ":": ":", ";": ";", "?": "?", "!": "!", "(": "(", ")": ")"})
_TERMINAL = "。!?…;”’」』"
_SPACE = " \t\u3000\xa0\r"


@dataclass(frozen=True, slots=True)
class Text:
    """Normalised text with, for each of its characters, the index of its source character."""

    raw: str
    text: str
    offsets: tuple[int, ...]

    def raw_span(self, span: Span) -> tuple[int, int]:
        """Return the raw ``[begin, end)`` that ``span`` of the normalised text was read from."""
        if span.end <= span.start:
            begin = self.offsets[span.start] if span.start < len(self.offsets) else len(self.raw)
            return begin, begin
        return self.offsets[span.start], self.offsets[span.end - 1] + 1

    def raw_text(self, span: Span) -> str:
        """The raw characters behind ``span``, layout breaks included."""
        begin, end = self.raw_span(span)
        return self.raw[begin:end]


def _is_heading_end(line: str) -> bool:
    g = grammar()
    return line.endswith(g["header_end"]) or line.endswith(g["photo_mark"])


def _starts_block(line: str) -> bool:
    g = grammar()
    mark = g["header_end"]
    return line.startswith(mark) or line.endswith(mark) or line.startswith(tuple(g["byline_start"]))


def _joins(previous: str, line: str) -> bool:
    """Whether a break between two lines was put there by the layout, not by the writer."""
    if not previous or previous[-1] in _TERMINAL or _is_heading_end(previous):
        return False
    return not _starts_block(line)


def normalise(raw: str) -> Text:
    """Normalise ``raw`` (see the module docstring), keeping the offset map.

    Args:
        raw: the report as read from its file.

    Returns:
        The normalised text and its map back to ``raw``.
    """
    lines: list[tuple[str, list[int]]] = []  # (text, offsets) of each kept line
    breaks: list[int] = []  # raw index of the break that ended each kept line
    for match in re.finditer(r"[^\n]*", raw):
        if match.start() > 0 and raw[match.start() - 1] != "\n":
            continue  # finditer's empty match right after a line
        begin, end = match.start(), match.end()
        while begin < end and raw[begin] in _SPACE:
            begin += 1
        while end > begin and raw[end - 1] in _SPACE:
            end -= 1
        if begin == end:
            continue
        chars = _widen(raw[begin:end])
        offsets = list(range(begin, end))
        if lines and _joins(lines[-1][0], chars):
            lines[-1] = (lines[-1][0] + chars, lines[-1][1] + offsets)
            breaks[-1] = match.end()
        else:
            lines.append((chars, offsets))
            breaks.append(match.end())
    text: list[str] = []
    mapping: list[int] = []
    for index, (chars, offsets) in enumerate(lines):
        if index:
            text.append("\n")
            mapping.append(min(breaks[index - 1], len(raw) - 1))
        text.append(chars)
        mapping.extend(offsets)
    return Text(raw=raw, text="".join(text), offsets=tuple(mapping))


def _widen(line: str) -> str:
    """Full-width punctuation, except a comma or colon between digits (1,000 and 9:30)."""
    wide = line.translate(_WIDE)
    if "," in line or ":" in line:
        chars = list(wide)
        for i, char in enumerate(line):
            if char in ",:" and 0 < i < len(line) - 1 and line[i - 1].isdigit() \
                    and line[i + 1].isdigit():
                chars[i] = char
        wide = "".join(chars)
    return wide
