"""What makes a report's reading doubtful, said so that nothing degrades in silence: a text
that is mostly not Chinese, one that still holds a web page's markup, one that yields no
official at all."""

from __future__ import annotations

import re

from kg.chinese import is_han
from kg.model import Report

#: Below this share of Chinese characters (of those that are not spaces or punctuation),
#: a text is not one kg reads well.
LEAST_CHINESE = 0.3
#: A text this long (in characters) that names nobody with a post is worth a word.
LONG_ENOUGH = 200
_TAG = re.compile(r"</?(?:p|div|span|br|a|img|strong|b|em|font|table|td|tr)\b[^<>]*>", re.I)
_MARKUP = 5  # this many tags in a plain text: a page saved as text


def doubts(report: Report) -> tuple[str, ...]:
    """Why what kg read from ``report`` may fall short of what it holds (none if nothing)."""
    text = report.text.text
    letters = [c for c in text if c.isalnum()]
    found = []
    if not letters:
        found.append("it holds no letters, only marks")
    else:
        share = sum(map(is_han, letters)) / len(letters)
        if share < LEAST_CHINESE:
            found.append(f"little of it is Chinese ({share:.0%} of its letters); kg reads "
                         "Chinese reports")
    if len(_TAG.findall(text)) >= _MARKUP:
        found.append("it holds HTML tags; save a web page with the ending .html, so that "
                     "kg reads it as a page")
    if len(text) >= LONG_ENOUGH and not any(p.posts for p in report.extraction.people):
        found.append(f"no official found in its {len(text):,} characters")
    return tuple(found)
