"""Who wrote a report and who took its photos: bylines and photo credits.

Bylines as papers and agencies write them: "本报讯 记者X 见习记者Y报道", "本报讯(记者 X)",
"新华社北京3月5日电(记者 X Y)", a line "本报记者 X Y", "记者 X 通讯员 Y". Names may be
padded to the width of three characters ("韩  鑫" is 韩鑫; its span holds the padding).
Photo credits end a caption: "……记者X 摄".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.chinese import FULL_STOPS
from kg.extraction.genres.base import Credit
from kg.extraction.names import name_at
from kg.model import Span

_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_PADDING = re.compile(r" {1,3}")
_SHORT_LINE = 40  # a line of credits alone is no longer than this


@dataclass(frozen=True, slots=True)
class CreditWords:
    """A genre's words for credits (its data file's [layout] table)."""

    starts: tuple[str, ...]  # what a byline starts with (本报讯, 新华社 …)
    ends: tuple[str, ...]  # what ends it, in this order (报道, ")" …)
    titles: tuple[str, ...]  # the titles credits give (记者 …), longest first
    photo_mark: str  # what ends a photo credit (摄)


def byline(text: str, para: Span, words: CreditWords) -> tuple[list[Credit], int] | None:
    """Reporters credited at the start of a paragraph, and where the rest of it starts.

    The paragraph starts with a byline word (本报讯 …) and the credits run to the first of
    the byline's ends; or it starts with a credit's title (本报记者, 记者) and is a short line
    of credits alone.
    """
    line = text[para.start:para.end]
    dateline = _DATELINE.match(line)  # 东南网1月13日讯(记者 X Y): any outlet's dateline
    head = dateline.group() if dateline else next((s for s in words.starts
                                                    if line.startswith(s)), None)
    if head is None:
        if not line.startswith(words.titles) or len(line) > _SHORT_LINE or any(
                c in line for c in FULL_STOPS + ","):
            return None
        head, stop, mark = "", len(line), ""
    else:
        stop, mark = _end(line, len(head), words.ends)
        if stop < 0:
            if len(line) > _SHORT_LINE or any(c in line for c in FULL_STOPS + ","):
                return None
            stop = len(line)  # "本报记者 X Y": a line of credits alone
    credits = find_credits(text, para.start + len(head), para.start + stop, words.titles,
                           "reporter")
    return (credits, para.start + stop + len(mark)) if credits else None


_DATELINE = re.compile(r"[^\s,。(]{1,12}?\d{1,2}月\d{1,2}日[讯电](?=\()")


def _end(line: str, start: int, ends: tuple[str, ...]) -> tuple[int, str]:
    """Where the first of ``ends`` to be found within 60 characters stands, and which."""
    for mark in ends:
        stop = line.find(mark, start, start + 60)
        if stop >= 0:
            return stop, mark
    return -1, ""


def find_credits(text: str, begin: int, end: int, titles: tuple[str, ...],
                 role: str) -> list[Credit]:
    """The names after each credit's title in ``text[begin:end]``: "记者 张三 李四" is two."""
    found: list[tuple[int, str]] = []
    pos = begin
    while pos < end:
        title = next((t for t in titles if text.startswith(t, pos)), None)
        if title:
            found.append((pos, title))
            pos += len(title)
        else:
            pos += 1
    credits = []
    for index, (at, title) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else end
        for span in _names(text, at + len(title), stop):
            name = re.sub(r"\s+", "", text[span.start:span.end])
            credits.append(Credit(name, title, role, span))
    return credits


def _names(text: str, begin: int, end: int) -> list[Span]:
    """The names written one after another in ``text[begin:end]``, separated by spaces; two
    single characters with spaces between are one name padded to width ("韩  鑫")."""
    runs = [Span(m.start(), m.end()) for m in _HAN_RUN.finditer(text, begin, end)]
    names: list[Span] = []
    index = 0
    while index < len(runs):
        run = runs[index]
        if run.end - run.start == 1 and index + 1 < len(runs) \
                and runs[index + 1].end - runs[index + 1].start == 1 \
                and _PADDING.fullmatch(text, run.end, runs[index + 1].start):
            names.append(Span(run.start, runs[index + 1].end))
            index += 2
            continue
        if 2 <= run.end - run.start <= 4:
            names.append(run)
        elif names or run.end - run.start > 4:
            break  # words after the names: the credits are over
        index += 1
    return names


def caption(text: str, para: Span, words: CreditWords) -> tuple[list[Credit], int] | None:
    """A photo credit ending a paragraph ("记者X 摄"), and where the caption ends."""
    mark = words.photo_mark
    line = text[para.start:para.end].rstrip().rstrip(")")
    if not mark or not line.endswith(mark):
        return None
    core = line[: -len(mark)].rstrip()
    cut = max(core.rfind(c) for c in FULL_STOPS + "(") + 1
    credits = find_credits(text, para.start + cut, para.start + len(core), words.titles,
                           "photographer")
    if not credits:
        name = core[cut:].strip()
        if 2 <= len(name) <= 4 and name_at(name, 0):
            at = para.start + line.index(name, cut)
            credits = [Credit(name, "", "photographer", Span(at, at + len(name)))]
    if not credits:
        return None
    start = min(c.span.start for c in credits)
    while start > para.start and text[start - 1] not in FULL_STOPS:
        start -= 1
    return credits, start
