"""Normalise a raw report while keeping a map from each character back to the raw text.

Four things change. Characters that show nothing (a zero-width space, a soft hyphen, a
direction mark) are left out, so a name they stand in reads whole. Full-width punctuation,
letters and digits become ASCII (:func:`kg.chinese.fold`: reports write both); a report in
traditional characters is read in simplified ones (:mod:`kg.reading.script`). Line breaks
that the layout put inside a paragraph are removed, so that a name cut by the layout
("王小\\n\\n明") reads whole; paragraphs are separated by one "\\n". Which breaks are the
writer's depends on the kind of report: a genre says it with :class:`Marks` (a section's
header stands alone, a photo credit ends a block, a byline starts one). What is read from
the text is given back as written (:meth:`kg.model.Text.original`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.chinese import PARAGRAPH_ENDS, fold, is_han
from kg.model import Offsets, Text
from kg.reading.script import simplified

_SPACE = " \t\u3000\xa0\r"
# characters that show nothing and join or part nothing a reader sees: zero-width spaces and
# joiners, the word joiner, a byte-order mark inside the text, the soft hyphen, direction marks
_INVISIBLE = re.compile("[\u200b-\u200f\u2060\ufeff\xad\u202a-\u202e\u2066-\u2069]")
_SHORT_LINE = 40
_WRAPPED = 40  # a line longer than this that ends mid-sentence was cut by the layout
_CONTINUING = ",、。”;:!?"  # after one character at a line's start: the rest of a word


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


def normalise(raw: str, marks: Marks | None = None, *, wrapped: bool | None = None,
              chars: str | None = None) -> Text:
    """Normalise ``raw`` (see the module docstring), keeping the offset map.

    Args:
        raw: the report as read from its file.
        marks: the lines that are blocks of their own (default: none but paragraph ends).
        wrapped: whether the layout cut lines inside paragraphs (None: the text tells, see
            :func:`is_wrapped`); if not, every line is a paragraph of its own.
        chars: ``raw`` one character for one in the script kg reads, if already made
            (default: :func:`~kg.reading.script.simplified`, or ``raw`` itself).

    Returns:
        The normalised text and its map back to ``raw``.
    """
    marks = marks or Marks()
    found = _lines(raw, chars if chars is not None else simplified(raw) or raw)
    if wrapped is None:
        wrapped = is_wrapped([chars for _, chars, _ in found], marks)
    lines: list[str] = []  # each kept line
    pieces: list[list[Sequence[int]]] = []  # the raw offsets of each kept line, in runs
    breaks: list[int] = []  # raw index of the break that ended each kept line
    for offsets, chars, end in found:
        if wrapped and lines and marks.joins(lines[-1], chars):
            lines[-1] += chars
            pieces[-1].append(offsets)
            breaks[-1] = end
        else:
            lines.append(chars)
            pieces.append([offsets])
            breaks.append(end)
    mapping: list[Sequence[int]] = []
    for index, runs in enumerate(pieces):
        if index:
            mapping.append((min(breaks[index - 1], len(raw) - 1),))
        mapping.extend(runs)
    return Text(raw=raw, text="\n".join(lines), offsets=Offsets(mapping))


def _lines(raw: str, chars: str) -> list[tuple[Sequence[int], str, int]]:
    """Each line that is not blank: the raw offsets of its characters (spaces at its ends
    left out), its characters folded (read from ``chars``, the raw text one character for
    one in the script kg reads), and where the break after it stands."""
    found: list[tuple[Sequence[int], str, int]] = []
    chars = fold(chars)  # one character for one: the offsets hold
    start = 0
    for line in raw.split("\n"):
        stop = start + len(line)
        begin = stop - len(line.lstrip(_SPACE))
        end = start + len(line.rstrip(_SPACE))
        if begin < end and _INVISIBLE.search(raw, begin, end):  # read as if not there
            kept = [i for i in range(begin, end) if not _INVISIBLE.match(raw, i)]
            if kept:
                found.append((kept, "".join(chars[i] for i in kept), stop))
        elif begin < end:
            found.append((range(begin, end), chars[begin:end], stop))
        start = stop + 1
    return found


def is_wrapped(lines: list[str], marks: Marks) -> bool:
    """Whether the layout cut the text's lines inside paragraphs: some long line ends in the
    middle of a sentence, or some line starts with the last character of a word cut off
    ("设。”…"). If not, a short line without a full stop (a caption, a heading) is a
    paragraph of its own, not the start of the next one."""
    return any(len(line) > _WRAPPED and line[-1] not in PARAGRAPH_ENDS
               and not line.endswith(marks.alone + marks.ends) for line in lines) or any(
        len(line) > 1 and is_han(line[0]) and line[1] in _CONTINUING for line in lines)
