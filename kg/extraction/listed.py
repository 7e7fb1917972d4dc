"""Names listed: without posts ("A、B、C等出席", "出席会议的还有A、B、C"), or after a chain's
name, holding its posts when its title stands over the list ("副市长A、B、C"); and a name
after a word for people of no post ("回迁居民李某某").

A run of two or more items joined by 、 in which every item is a name (a surname and one or
two characters, no place's name, no word of the grammar): the first item ends where the
text before it does, the last starts where the text after it does (and ends before a word a
name ends before: 等, 及, 陪同 …). A run with one item that is no name ("高度、全面、深度")
is a list of something else. After a word that opens a list (还有, 的有), one name or more
("出席会议的还有A。").
"""

from __future__ import annotations

import re

from kg.extraction.chains import ChainItem, PersonRef
from kg.extraction.lexicon import org_kinds
from kg.extraction.members import on_behalf
from kg.extraction.names import (
    MIDDLE_DOTS,
    boundary_strength,
    dotted_name_at,
    inside_a_name,
    is_han,
    looks_like_a_name,
    name_at,
)
from kg.extraction.words import grammar
from kg.model import Span


def find_listed(text: str, begin: int, end: int, place_names: frozenset[str]) -> list[PersonRef]:
    """The names of every list of names in ``text[begin:end]``."""
    refs = _after_openers(text, begin, end, place_names)
    refs += [r for r in _after_nouns(text, begin, end, place_names)
             if not any(o.name_span == r.name_span for o in refs)]
    for run in _runs(text, begin, end):
        first = _name_ending(text, run[0], begin, place_names)
        last = None if first is None else _name_starting(text, run[-1] + 1, end, place_names)
        if first is None or last is None:
            continue
        if _things(text, last.end):
            continue
        spans = [first, *(Span(a + 1, b) for a, b in zip(run, run[1:], strict=False)), last]
        joined = _joined_last(text, last.end, end, place_names)
        if joined is not None:  # A、B和C: C the last
            spans.append(joined)
            last = joined
        items = [text[s.start:s.end] for s in spans]
        if all(_is_name(item, place_names) for item in items[1:-1]) \
                and (len(items) > 2 or text.startswith(grammar().two_names_before, last.end)
                     or _after_a_category(text, first.start)) \
                and len({item[-1] for item in items}) > 1:  # 便民、利民、安民: words alike
            member = _members_after(text, last.end)
            refs += [PersonRef(name=item, name_span=span, start=span.start, items=member)
                     for item, span in zip(items, spans, strict=True)
                     if not any(r.name_span == span for r in refs)]
    return sorted(refs, key=lambda r: r.start)


def find_listed_after(text: str, refs: list[PersonRef], end: int) -> list[PersonRef]:
    """The names listed after a chain's name with 、 (副总经理王一、李二、张三): each holds the
    chain's posts when its title stands right before the first name (a title over a list)."""
    found: list[PersonRef] = []
    chains = [(r.start, r.end) for r in refs]
    for ref in refs:
        over = bool(ref.items) and ref.items[-1].title_span.end == ref.name_span.start \
            and not ref.items[-1].after_name
        pos = ref.name_span.end
        while pos + 1 < end and text[pos] == "、":
            if any(a <= pos + 1 < b for a, b in chains):
                break  # 书记A、余杭区区长B: the next chain, not a name in the list
            length = name_at(text, pos + 1, end=end, expected=True)
            if not length or not looks_like_a_name(text[pos + 1:pos + 1 + length],
                                                    expected=True):
                break
            span = Span(pos + 1, pos + 1 + length)
            found.append(PersonRef(name=text[span.start:span.end], name_span=span,
                                   start=span.start, items=ref.items if over else ()))
            pos = span.end
    return found


def _after_openers(text: str, begin: int, end: int,
                   place_names: frozenset[str]) -> list[PersonRef]:
    """The names listed after a word that opens a list, up to the clause's end: every item
    a name, or none counts. An opener that begins with 的 follows a verb of taking part."""
    refs: list[PersonRef] = []
    for opener in grammar().list_openers:
        at = text.find(opener, begin, end)
        while at >= 0:
            if not opener.startswith("的") or _after_taking_part(text, begin, at):
                found = _listed_from(text, at + len(opener), end, place_names)
                refs += [r for r in found if not any(o.name_span == r.name_span for o in refs)]
            at = text.find(opener, at + 1, end)
    return refs


_FULL_NAME = 3  # characters of a name after a word for people: 居民收入 holds none


def _after_nouns(text: str, begin: int, end: int,
                 place_names: frozenset[str]) -> list[PersonRef]:
    """The full names after words for people of no post (回迁居民李敬某家中)."""
    refs: list[PersonRef] = []
    for noun in grammar().people_nouns:
        at = text.find(noun, begin, end)
        while at >= 0:
            span = _name_starting(text, at + len(noun), end, place_names)
            if span is not None and span.end - span.start >= _FULL_NAME:
                refs.append(PersonRef(name=text[span.start:span.end], name_span=span,
                                      start=span.start))
            at = text.find(noun, at + 1, end)
    return refs


def _listed_from(text: str, pos: int, end: int, place_names: frozenset[str]) -> list[PersonRef]:
    """The names listed right after an opener (and a colon, a category), if the list ends
    where a list may end."""
    pos += text.startswith(":", pos)
    pos += len(next((c for c in grammar().categories if text.startswith(c, pos)), ""))
    found: list[PersonRef] = []
    while (span := _name_starting(text, pos, end, place_names, expected=True)) is not None:
        found.append(PersonRef(name=text[span.start:span.end], name_span=span, start=span.start))
        pos = span.end + 1
        if text[span.end:span.end + 1] != "、":
            break
    closed = found and text[found[-1].name_span.end:found[-1].name_span.end + 1] in _CLOSE
    return found if closed else []


_CLOSE = ("", "。", ",", ";", "等")  # what may follow the last name after an opener


def _after_taking_part(text: str, begin: int, at: int) -> bool:
    """Whether a verb of taking part stands in the clause before ``at`` (参加会议的有)."""
    clause = max(begin, *(text.rfind(d, begin, at) + 1 for d in ",;:"))
    return any(text.find(verb, clause, at) >= 0 for verb in grammar().taking_part)


def _members_after(text: str, end: int) -> tuple[ChainItem, ...]:
    """The member's title after a list and 等 (A、B、C等代表: each a deputy), as a post."""
    if not text.startswith(_ETC, end):
        return ()
    at = end + len(_ETC)
    member = next((m for m in grammar().members_after_names if text.startswith(m, at)
                   and not inside_a_name(text, at, m)
                   and not on_behalf(text, at + len(m))), None)
    if member is None:
        return ()
    return (ChainItem("", Span(at, at), member, Span(at, at + len(member)), trimmed=False,
                      after_name=True),)


_ETC = "等"


def _joined_last(text: str, pos: int, end: int, place_names: frozenset[str]) -> Span | None:
    """The name that 和 or 及 joins to a list's end at ``pos`` (A、B和C等), if one."""
    if text[pos:pos + 1] not in _LAST_JOINERS:
        return None
    return _name_starting(text, pos + 1, end, place_names, expected=True)


_LAST_JOINERS = "和及"


def _things(text: str, end: int) -> bool:
    """Whether a list ending at ``end`` is one of things: 等 and a word for them after it."""
    return text.startswith(_ETC, end) and \
        text.startswith(grammar().things_after_lists, end + len(_ETC))


def _after_a_category(text: str, pos: int) -> bool:
    """Whether a category of people ends at ``pos`` (市领导A、B出席: two names are a list)."""
    return any(text.startswith(c, pos - len(c)) for c in grammar().categories)


def _runs(text: str, begin: int, end: int) -> list[list[int]]:
    """The positions of the 、 of each run of items joined by 、 (items of up to 4 characters,
    or a name in dotted parts, no other delimiter between)."""
    runs: list[list[int]] = []
    mark = text.find("、", begin, end)
    while mark >= 0:
        item = text[runs[-1][-1] + 1:mark] if runs else ""
        if runs and (len(item) <= 4 or _dotted(item)) and all(
                c != "、" and (c.isalpha() or c in MIDDLE_DOTS) for c in item):
            runs[-1].append(mark)
        else:
            runs.append([mark])
        mark = text.find("、", mark + 1, end)
    return runs


_LONGEST_DOTTED = 14  # characters of a name in dotted parts (艾力更·依明巴海: 8)
_DOT_RE = re.compile(f"[{MIDDLE_DOTS}]")


def _dotted(item: str) -> bool:
    """Whether an item is one name in dotted parts (艾力·买买提)."""
    return _DOT_RE.search(item) is not None and \
        dotted_name_at(item, 0, len(item)) == len(item)


def _is_name(text: str, place_names: frozenset[str], *, expected: bool = False) -> bool:
    if _dotted(text):
        return True
    return looks_like_a_name(text, expected=expected) and text not in place_names and not any(
        text[i:] in org_kinds() for i in range(len(text)))


def _name_ending(text: str, end: int, floor: int, place_names: frozenset[str]) -> Span | None:
    """The name that ends right before the list's first 、 ("…领导何运平、")."""
    found = _DOT_RE.search(text, max(floor, end - _LONGEST_DOTTED), end)
    if found:  # a name in dotted parts: its first part starts after a word or a mark
        dot = found.start()
        for start in range(max(floor, dot - 6), dot):
            if _dotted(text[start:end]) and (start == floor or not is_han(text[start - 1])
                                             or boundary_strength(text, start) == 2):
                return Span(start, end)
    for length in (3, 2, 4):
        start = end - length
        if start >= floor and _is_name(text[start:end], place_names):
            return Span(start, end)
    return None


def _name_starting(text: str, start: int, end: int, place_names: frozenset[str], *,
                   expected: bool = False) -> Span | None:
    """The name that starts right after the list's last 、 ("、万鼎等"), or after a word that
    opens a list (where a name is ``expected``)."""
    length = dotted_name_at(text, start, end) or name_at(text, start, end=end, expected=expected)
    if length and _is_name(text[start:start + length], place_names, expected=expected):
        return Span(start, start + length)
    return None
