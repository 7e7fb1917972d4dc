"""Normalise a raw report while keeping a map from each character back to the raw text.

Two things change. Full-width punctuation, letters and digits become ASCII
(:func:`kg.chinese.fold`: reports write both). Line breaks that the layout put inside a
paragraph are removed, so that a name cut by the layout ("王小\\n\\n明") reads whole;
paragraphs are separated by one "\\n". Which breaks are the writer's depends on the kind of
report: a genre says it with :class:`Marks` (a section's header stands alone, a photo
credit ends a block, a byline starts one). What is read from the text is given back as
written (:meth:`kg.model.Text.original`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.chinese import PARAGRAPH_ENDS, fold
from kg.model import Text

_SPACE = " \t\u3000\xa0\r"
_SHORT_LINE = 40


@dataclass(frozen=True, slots=True)
class Marks:
    """How a kind of report marks the lines that are blocks of their own."""

    alone: tuple[str, ...] = ()  # a line ending so stands alone (a section's header)
    ends: tuple[str, ...] = ()  # a line ending so ends a block (a photo credit)
    starts: tuple[str, ...] = ()  # a line starting so starts a block (a subtitle, a byline)
    short: tuple[str, ...] = ()  # a short line starting so stands alone ("本报记者 X Y")

    def joins(self, previous: str, line: str) -> bool:
        """Whether a break between two lines was put there by the layout, not the writer."""
        if not previous or previous[-1] in PARAGRAPH_ENDS:
            return False
        if previous.endswith(self.alone + self.ends):
            return False
        if previous.startswith(self.short) and len(previous) <= _SHORT_LINE:
            return False
        return not (line.startswith(self.starts) or line.endswith(self.alone))


def normalise(raw: str, marks: Marks | None = None) -> Text:
    """Normalise ``raw`` (see the module docstring), keeping the offset map.

    Args:
        raw: the report as read from its file.
        marks: the lines that are blocks of their own (default: none but paragraph ends).

    Returns:
        The normalised text and its map back to ``raw``.
    """
    marks = marks or Marks()
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
        chars = fold(raw[begin:end])
        offsets = list(range(begin, end))
        if lines and marks.joins(lines[-1][0], chars):
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
