"""A report's text in pieces: paragraphs, and sentences (a quotation's own full stops do not
end one)."""

from __future__ import annotations

import re

from kg.chinese import FULL_STOPS, SENTENCE_ENDS
from kg.model import Span


def paragraphs(text: str) -> list[Span]:
    """The paragraphs of the normalised text (one per line)."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line:
            spans.append(Span(start, start + len(line)))
        start += len(line) + 1
    return spans


def sentences(text: str, begin: int, end: int) -> list[Span]:
    """Sentences of ``text[begin:end]``; a quotation's own full stops do not end one."""
    spans = []
    depth = 0
    start = begin
    for match in _MARKS.finditer(text, begin, end):  # only the characters that matter
        index, char = match.start(), match.group()
        if char in "“「":
            depth += 1
        elif char in "”」":
            depth = max(0, depth - 1)
        if char == "\n":
            depth = 0
        if depth == 0 and (char in SENTENCE_ENDS or (char in "”」" and index > start
                                                    and text[index - 1] in FULL_STOPS)
                           and (index + 1 >= end or text[index + 1] == "\n")):
            if index + 1 > start:
                spans.append(Span(start, index + 1))
            start = index + 1
    if start < end:
        spans.append(Span(start, end))
    return [s for s in spans if text[s.start:s.end].strip()]


_MARKS = re.compile("[" + re.escape("“「”」" + SENTENCE_ENDS) + "]")
