"""Appointments and removals: 任命A为X, 免去B的X职务, 免去B兼任的X职务, 免去其X职务, and
lists of them: 免去A、B的X、Y职务, 任命A为X,B为Y.

Each gives the person a post with its status (appointed, removed) and makes them someone the
report names, not someone who took part.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from kg.chinese import DELIMITERS
from kg.extraction.chains import ChainItem, PersonRef
from kg.extraction.names import looks_like_a_name, title_ending_at
from kg.extraction.words import grammar
from kg.model import Span

_NAME = "[\u4e00-\u9fff]{2,4}?"
#: A body's session before its name (第十四届全国政协): not part of the body's name.
_SESSION = re.compile("第?[一二三四五六七八九十]+届")


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The verbs; a name and 为 after 任命; names (A、B) and 的 (or 其) after 免去, or the
    body's session or an abbreviation or national name right after them (免去A第十四届全国
    政协常委职务, 免去B市卫生健康委员会副主任职务); an honorific after a name (任命张三同志为)
    is not part of it."""
    g = grammar()
    verbs = re.compile("|".join(map(re.escape, g.appoint_words + g.remove_words)))
    honour = "(?:" + "|".join(map(re.escape, g.honorifics)) + ")?"
    appointed = re.compile(f"({_NAME}){honour}为")
    links = "|".join(map(re.escape, g.removal_links))
    anchors = "|".join(map(re.escape, (*g.place_abbreviations, *g.national_anchors)))
    removed = re.compile(f"{re.escape(g.removal_pronoun)}|((?:{_NAME}{honour}、)*{_NAME})"
                         f"{honour}(?:{links}|(?={_SESSION.pattern}|{anchors}))")
    return verbs, appointed, removed


def find_appointments(text: str, begin: int, end: int) -> list[PersonRef]:
    """Everyone appointed or removed in ``text[begin:end]``, with the posts: one verb may
    take several people and posts (免去A、B的X、Y职务; 任命A为X,B为Y)."""
    verbs, appointed, removed = _patterns()
    refs: list[PersonRef] = []
    sentence_end = end
    for verb in verbs.finditer(text, begin, sentence_end):
        removal = verb.group(0) in grammar().remove_words
        status = "removed" if removal else "appointed"
        pattern = removed if removal else appointed
        pos = verb.end()
        while (match := pattern.match(text, pos, end)) is not None:
            if pos > verb.end() and not _continues(match):
                break  # ",任命B为": the next verb's own
            items = _posts(text, match.end(), end, status)
            if not items:
                break
            if match.group(1) is None:  # 其: the person just named
                if refs:
                    refs[-1] = replace(refs[-1], items=refs[-1].items + items)
            else:
                refs += [PersonRef(name=name, name_span=span, start=verb.start(), items=items,
                                   role="referenced") for name, span in _names(match)]
            pos = items[-1].title_span.end + (len(grammar().removal_end) if removal else 0)
            if pos >= len(text) or text[pos] not in ",;":
                break
            pos += 1  # ",B为Y", ";C的Z职务": the same verb goes on, past a ; that ends
            end = max(end, _clause_end(text, pos))  # the sentence
    return refs + find_resignations(text, begin, sentence_end) + \
        find_profiles(text, begin, sentence_end)


def find_resignations(text: str, begin: int, end: int) -> list[PersonRef]:
    """Everyone who resigns a post in ``text[begin:end]``: A(提出)辞去X、Y职务; A、B(分别
    提出)辞去X职务, each of them."""
    refs: list[PersonRef] = []
    if not _resign_word().search(text, begin, end):
        return refs  # most sentences: no verb, so no name to try before one at each place
    for match in _resignation().finditer(text, begin, end):
        names = [(n, s) for n, s in _names(match) if looks_like_a_name(n)]
        items = _posts(text, match.end(), end, "removed") if names else ()
        refs += [PersonRef(name=name, name_span=span, start=span.start, items=items,
                           role="referenced") for name, span in names if items]
    return refs


def find_profiles(text: str, begin: int, end: int) -> list[PersonRef]:
    """A person a profile introduces ("A,男,1975年3月生,…,现任X、Y,拟任Z": a notice of cadres to
    be appointed): A, with the posts held now (X, Y); the post to come is not one yet."""
    match = _profile().match(text, begin, end)
    if match is None or not looks_like_a_name(match.group(1)):
        return []
    marks = [(at, mark) for mark in grammar().current_marks
             if (at := text.find(mark, match.end(), end)) >= 0]
    at, mark = min(marks, default=(-1, ""))
    items = _posts(text, at + len(mark), end, "") if at >= 0 else ()
    span = Span(match.start(1), match.end(1))
    return [PersonRef(name=match.group(1), name_span=span, start=span.start, items=items,
                      role="referenced")]


@cache
def _profile() -> re.Pattern[str]:
    sexes = "|".join(map(re.escape, grammar().profile_sexes))
    return re.compile(f"\\s*([\u4e00-\u9fff]{{2,4}}),(?:{sexes}),")


@cache
def _resignation() -> re.Pattern[str]:
    g = grammar()
    openers = "|".join(map(re.escape, g.resign_openers))
    verbs = "|".join(map(re.escape, g.resign_words))
    return re.compile(f"((?:{_NAME}、)*[\u4e00-\u9fff]{{2,3}})(?:{openers}){{0,2}}(?:{verbs})")


@cache
def _resign_word() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, grammar().resign_words)))


def _clause_end(text: str, pos: int) -> int:
    """Where the clause from ``pos`` ends: at its ; or full stop, or the line's end."""
    ends = [i for i in (text.find(c, pos) for c in ";。\n") if i >= 0]
    return min(ends, default=len(text))


def _continues(match: re.Match[str]) -> bool:
    """Whether a match after a comma is another person of the same verb (not a new verb)."""
    return match.group(1) is None or all(
        looks_like_a_name(name) for name, _ in _names(match))


def _names(match: re.Match[str]) -> list[tuple[str, Span]]:
    """The names of a match's first group (A、B), each with its span."""
    found, start = [], match.start(1)
    for name in match.group(1).split("、"):
        found.append((name, Span(start, start + len(name))))
        start += len(name) + 1
    return found


def _posts(text: str, begin: int, end: int, status: str) -> tuple[ChainItem, ...]:
    """The ``[organisation][title]`` posts from ``begin``: to a delimiter, or for a
    removal to 职务 (X、Y职务: each of them); an appointment's posts joined by 、 too."""
    if status == "removed":
        stop = text.find(grammar().removal_end, begin, end)
        pieces = _pieces(text, begin, stop) if stop >= 0 else []
    else:
        pieces = []
        start = begin
        while start < end:
            stop = start
            while stop < end and text[stop] not in DELIMITERS:
                stop += 1
            pieces.append((start, stop))
            if stop >= end or text[stop] != "、" or _PERSON_NEXT.match(text, stop + 1, end):
                break
            start = stop + 1
    items: list[ChainItem] = []
    for start, stop in pieces:
        title = title_ending_at(text, stop, start)
        if title is None:
            return tuple(items)
        at = stop - len(title)
        if (session := _SESSION.match(text, start, at)) is not None:
            start = session.end()  # 第十四届全国政协委员: a member of 全国政协
        items.append(ChainItem(org=text[start:at], org_span=Span(start, at), title=title,
                               title_span=Span(at, stop), trimmed=False, after_name=True,
                               status=status))
    return tuple(items)


def _pieces(text: str, begin: int, stop: int) -> list[tuple[int, int]]:
    """The 、-separated pieces of ``text[begin:stop]``, as spans (none across a delimiter)."""
    if any(c in DELIMITERS and c != "、" for c in text[begin:stop]):
        return []
    pieces, start = [], begin
    for index in range(begin, stop + 1):
        if index == stop or text[index] == "、":
            pieces.append((start, index))
            start = index + 1
    return pieces


#: After 、 in an appointment: another person (B为), not another post.
_PERSON_NEXT = re.compile(f"{_NAME}为")
