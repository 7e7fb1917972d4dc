"""Appointments and removals: 任命A为X, 免去B的X职务, 免去B兼任的X职务, 免去其X职务.

Each gives the person a post with its status (appointed, removed) and makes them someone the
report names, not someone who took part.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.chinese import DELIMITERS
from kg.extraction.chains import ChainItem, PersonRef
from kg.extraction.names import title_ending_at
from kg.extraction.words import grammar
from kg.model import Span

_NAME = "[\u4e00-\u9fff]{2,4}?"


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The verbs; a name and 为 after 任命; a name and 的 (or 其) after 免去."""
    g = grammar()
    verbs = re.compile("|".join(map(re.escape, g.appoint_words + g.remove_words)))
    appointed = re.compile(f"({_NAME})为")
    links = "|".join(map(re.escape, g.removal_links))
    removed = re.compile(f"{re.escape(g.removal_pronoun)}|({_NAME})(?:{links})")
    return verbs, appointed, removed


def find_appointments(text: str, begin: int, end: int) -> list[PersonRef]:
    """Everyone appointed or removed in ``text[begin:end]``, with the post."""
    verbs, appointed, removed = _patterns()
    refs: list[PersonRef] = []
    for verb in verbs.finditer(text, begin, end):
        removal = verb.group(0) in grammar().remove_words
        match = (removed if removal else appointed).match(text, verb.end(), end)
        if match is None:
            continue
        item = _post(text, match.end(), end, "removed" if removal else "appointed")
        if item is None:
            continue
        if match.group(1) is None:  # 其: the person just named
            if refs:
                refs[-1] = replace(refs[-1], items=refs[-1].items + (item,))
            continue
        span = Span(match.start(1), match.end(1))
        refs.append(PersonRef(name=match.group(1), name_span=span, start=verb.start(),
                              items=(item,), role="referenced"))
    return refs


def _post(text: str, begin: int, end: int, status: str) -> ChainItem | None:
    """The ``[organisation][title]`` from ``begin`` to a delimiter (a removal's to 职务)."""
    stop = begin
    while stop < end and text[stop] not in DELIMITERS:
        stop += 1
    if status == "removed":
        stop = text.find(grammar().removal_end, begin, stop)
        if stop < 0:
            return None
    title = title_ending_at(text, stop, begin)
    if title is None:
        return None
    at = stop - len(title)
    return ChainItem(org=text[begin:at], org_span=Span(begin, at), title=title,
                     title_span=Span(at, stop), trimmed=False, after_name=True, status=status)
