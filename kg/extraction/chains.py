"""Chains of posts before a name, names before their title, names read again, and lists of
people: where each person stands in a sentence and with which posts."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from kg.chinese import DELIMITERS, HAN_RANGES, LIST_JOINERS, is_han
from kg.extraction.automata import Automaton, automaton, occurrences
from kg.extraction.lexicon import countries, org_kinds, titles
from kg.extraction.members import member_name_at, members, national_names, on_behalf
from kg.extraction.names import (
    boundary_strength,
    dotted_name_at,
    foreign_name_at,
    held_in_a_state,
    inside_a_name,
    looks_like_a_name,
    name_at,
    name_before,
    states_masked,
    title_ending_at,
    titles_from,
)
from kg.extraction.words import grammar
from kg.model import Span


@dataclass(frozen=True, slots=True)
class ChainItem:
    """One ``[organisation][title]`` link of a post chain; the organisation may be empty."""

    org: str
    org_span: Span
    title: str
    title_span: Span
    trimmed: bool  # words before the organisation were cut off (the chain starts here)
    after_name: bool = False  # written after the name (王五委员, 任命王五为…)
    status: str = ""  # appointed | removed | former, where the text says so; else ""


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person standing in a sentence: name, and the post chain before it if any."""

    name: str
    name_span: Span
    start: int  # where the chain (or the name) begins
    items: tuple[ChainItem, ...] = ()
    titled: str | None = None  # a title after the name (张大明总书记)
    role: str | None = None  # how they took part, where the grammar knows it (an appointee)
    #: Where the reference ends (after a title that follows the name, if any).
    end: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        after = max((i.title_span.end for i in self.items if i.after_name), default=0)
        object.__setattr__(self, "end", max(
            self.name_span.end + (len(self.titled) if self.titled else 0), after))


@dataclass(frozen=True, slots=True)
class Anchors:
    """What an organisation's name in a chain of posts may start with."""

    place_names: frozenset[str]  # the names of the places in use
    words: tuple[str, ...]  # national names (全国, 中央 …) and the genre's own (学习组)


def org_start(text: str, begin: int, end: int, anchors: Anchors) -> tuple[int, bool]:
    """Where the organisation in ``text[begin:end]`` begins, and whether words were cut off.

    The organisation starts at the segment's start when that is a place, an abbreviation
    (省, 市 …) or a national name, or when the segment holds no clause words; otherwise at the
    first such anchor after the last clause word (以及, 这是, 评价 …).
    """
    segment = text[begin:end]
    words = grammar()
    while segment[:1] in words.particles:  # 了宪法法律委 after 听取: the body starts after 了
        begin, segment = begin + 1, segment[1:]
    if not segment:
        return begin, False
    if _anchor_at(segment, 0, anchors):  # a place first, unless a clause opens before
        cut = max((m.end() for m in _clause_words().finditer(states_masked(segment))),
                  default=0) if _clause_words().search(segment) else 0  # (代表团由日照市委)
        anchored = 0 < cut < len(segment) and _anchor_at(segment, cut, anchors)
        return (begin + cut, True) if anchored else (begin, False)
    cut = strong = 0  # after the last clause word; after the last that joins no names
    plain = states_masked(segment)  # 和 in 乌兹别克斯坦共和国 opens no clause
    for word in words.clause_openers:
        index = plain.rfind(word)
        if index >= 0:
            cut = max(cut, index + len(word))
            if word not in words.joiners or index == 0:  # "和欧盟委员会": joins a name before
                strong = max(strong, index + len(word))
    known = next((len(segment) - len(n) for n in national_names() if segment.endswith(n)),
                 -1) if segment.endswith(national_names()) else -1  # one call, most segments
    if known >= cut:  # 自然资源部: a national body's name, though 资源 names a county too
        return begin + known, known > 0
    zone = next((len(segment) - len(w) for w in words.development_zones
                 if segment.endswith(w)), len(segment))
    for index in range(cut, len(segment)):
        if _anchor_at(segment, index, anchors) and not 0 < index < zone < index + 2:
            if any(kind in segment[cut:index] for kind in org_kinds()):
                break  # 美国国际数据集团(IDG)中国区: the place is inside a name
            return begin + index, True  # (not 安新 in 雄安新区: a zone's name runs on)
    # 和, 与 … open a clause only before a place or a national name: 发展和改革委员会 is one
    return begin + strong, strong > 0


def _anchor_at(segment: str, index: int, anchors: Anchors) -> bool:
    words = grammar()
    if segment.startswith(_led_bodies(), index):  # 团省委, 民盟杭州市委: a body, then a place
        for word in words.led_bodies:
            if segment.startswith(word, index) and index + len(word) < len(segment) and \
                    _anchor_at(segment, index + len(word), anchors):
                return True
    if segment[index] in words.place_abbreviations:
        return index + 1 < len(segment)
    if segment.startswith(anchors.words, index):
        return True
    names, states = anchors.place_names, countries()  # a state's name starts its body's
    return any((piece := segment[index:index + n]) in names or piece in states
               for n in range(min(8, len(segment) - index), 1, -1))


@cache
def _clause_words() -> re.Pattern[str]:
    return re.compile("|".join(sorted(map(re.escape, grammar().clause_openers), key=len,
                                      reverse=True)))


@cache
def _led_bodies() -> tuple[str, ...]:
    return tuple(grammar().led_bodies)


def find_chains(text: str, begin: int, end: int, anchors: Anchors, *,
                titles: dict[int, str] | None = None) -> list[PersonRef]:
    """Every ``[org][title]、[org][title]…NAME`` in ``text[begin:end]``, left to right.

    ``titles``: :func:`~kg.extraction.names.titles_from` of the span, if already found.
    """
    refs: list[PersonRef] = []
    floor = begin
    found = titles_from(text, begin, end) if titles is None else titles
    for pos in sorted(found):
        title = found[pos]
        if pos < floor or pos + len(title) >= end or inside_a_name(text, pos, title):
            continue
        length = _name_after(text, pos, title, end)
        if not length:
            continue
        name_start = pos + len(title)
        items = _chain_back(text, floor, pos, title, anchors)
        name_end = name_start + length
        member = next((m for m in grammar().members_after_names if text.startswith(m, name_end)
                       and not inside_a_name(text, name_end, m)
                       and not on_behalf(text, name_end + len(m))), None) \
            if text.startswith(members(), name_end) else None
        if member is not None:  # 院长王五委员: and a member of the report's CPPCC
            items.append(ChainItem("", Span(name_end, name_end), member,
                                   Span(name_end, name_end + len(member)), trimmed=False,
                                   after_name=True))
        start = items[0].org_span.start if items[0].org else items[0].title_span.start
        refs.append(PersonRef(name=text[name_start:name_end],
                              name_span=Span(name_start, name_end), start=start,
                              items=tuple(items)))
        floor = name_end + (len(member) if member else 0)
    return refs


def _name_after(text: str, pos: int, title: str, end: int) -> int:
    """The length of the name after the title at ``pos``: a foreign name after a state's
    title (挪威首相斯特勒), else a Chinese one, else a member's (厅长益西达瓦委员)."""
    after = pos + len(title)
    foreign = foreign_name_at(text, after, end) if held_in_a_state(text, pos) else 0
    return foreign or dotted_name_at(text, after, end) or \
        name_at(text, after, end=end, expected=True) \
        or member_name_at(text, after)


def _segment_start(text: str, floor: int, end: int) -> int:
    """Where the segment that ends at ``end`` starts: after a delimiter, but across a Latin
    name or a few characters in brackets (美国国际数据集团(IDG)中国区, 博世(中国)投资)."""
    index = end
    while index > floor:
        if text[index - 1] == ")":
            opening = text.rfind("(", floor, index - 1)
            if opening >= 0 and _BRACKETED.fullmatch(text, opening + 1, index - 1):
                index = opening
                continue
        if text[index - 1] in DELIMITERS or (  # 主席兼部长会议主席: 兼 after a title
                text[index - 1] in grammar().title_joiners
                and title_ending_at(text, index - 1, floor) is not None):
            break
        index -= 1
    return index


def _before_of(text: str, start: int, end: int) -> int:
    """Where an organisation written before a title ends: before a word that modifies the
    title (新任); before a 的 that makes the title its (叶河村的党支部书记), and then after its
    name's ending (中央办公厅分管日常工作的副主任: 中央办公厅)."""
    modifiers = grammar().title_modifiers
    if text.endswith(modifiers, start, end):  # 集团公司新任董事长: the 集团公司's
        return end - next(len(m) for m in modifiers if text.endswith(m, start, end))
    of = text.find(OF, start, end)
    if of < 0:
        return end
    head = text[start:of]
    if not _kind_ending(head):
        for at in range(len(head) - 1, 0, -1):
            if _kind_ending(head[:at]):
                return start + at
    return of


def _kind_ending(name: str) -> str:
    """The organisation kind a name ends in (厅 of 中央办公厅), or ""."""
    return next((kind for kind in org_kinds() if name.endswith(kind)), "")


# What a bracket inside an organisation's name holds: a Latin name (IDG), or a few
# characters (博世(中国)投资有限公司, 某某(集团)有限公司).
_BRACKETED = re.compile(rf"[A-Za-z0-9][A-Za-z0-9 .&-]*|[{HAN_RANGES}]{{1,6}}")


def _chain_back(text: str, floor: int, title_pos: int, title: str,
                anchors: Anchors) -> list[ChainItem]:
    """The chain's links, read backwards from the title just before a name."""
    items: list[ChainItem] = []
    org_end, current = title_pos, title
    while True:
        seg = _segment_start(text, floor, org_end)
        start, trimmed = org_start(text, seg, org_end, anchors)
        former = org_end > start and text[org_end - 1] in grammar().former_marks
        written = _before_of(text, start, org_end - 1 if former else org_end)  # 原主席
        if items and text.endswith(grammar().whole_groups, start, written):
            break  # 全体委员、主任A: the members are a group; A's post is the last
        items.append(ChainItem(org=text[start:written], org_span=Span(start, written),
                               title=current, title_span=Span(org_end, org_end + len(current)),
                               trimmed=trimmed, status="former" if former else ""))
        if trimmed or seg <= floor or not (text[seg - 1] in "、," or
                                           text[seg - 1] in grammar().title_joiners):
            break
        previous = title_ending_at(text, seg - 1, floor)
        if previous is None:
            if text[seg - 1] == "、" and seg - 1 > floor and len(items) > 1:
                items.pop()  # "市直机关、县直机关负责人,": the heads of several bodies
            break
        org_end, current = seg - 1 - len(previous), previous
    items.reverse()
    return items


def find_titled(text: str, begin: int, end: int, *,
                titles: dict[int, str] | None = None) -> list[PersonRef]:
    """Names written before their title: 张大明总书记 (after the grammar's markers, anywhere),
    王五主任表示 (any title, where the name opens a clause).

    ``titles``: :func:`~kg.extraction.names.titles_from` of the span, if already found.
    """
    refs: dict[int, PersonRef] = {}
    members = grammar().members_after_names
    found = titles_from(text, begin, end) if titles is None else titles
    for marker, at in _markers_in(text, begin, end):
            if any(len(found.get(at - back, "")) > back + len(marker) - 1
                   for back in (1, 2, 3)):
                continue  # 委员 of 国务委员: a longer title's end, no name before it
            if at - 1 > begin and text[at - 1] == _DEPUTY and _is_title(_DEPUTY + marker):
                marker, at = _DEPUTY + marker, at - 1  # 陈五副委员长: the deputy's title
            # 王五代表执法检查组报告: 代表 is the verb, the name still a name
            verb = marker in members and on_behalf(text, at + len(marker))
            length = name_before(text, at, begin)
            opens = at - length == begin or not is_han(text[at - length - 1]) \
                or text[at - length - 1] == OF  # 来自基层的赵六代表
            if length and (opens or marker not in members) and at - length not in refs:
                refs[at - length] = _titled(text, at - length, at, marker,  # 委员长, not 委员
                                            post=not verb)
    for pos in sorted({at - length for at in found for length in (3, 2, 4)}):
        if pos < begin or pos in refs or (pos > begin and is_han(text[pos - 1])
                                          and text[pos - 1] not in _AGENT):
            continue  # a name that opens a clause only (or follows 由: 会议由A院长主持)
        for length in (3, 2, 4):
            title = found.get(pos + length) if pos + length < end else None
            within = found.get(pos + length - 1, "")  # 王一总经理: not 王一总 and 经理
            whole = found.get(pos, "")  # 国务委员: one title, no 国务 before 委员
            if title is not None and looks_like_a_name(text[pos:pos + length]) and \
                    len(within) <= len(title) and len(whole) < length + len(title) and \
                    boundary_strength(text, pos + length + len(title)):
                refs[pos] = _titled(text, pos, pos + length, title)
                break
    return [refs[at] for at in sorted(refs)]


_DEPUTY = "副"
_AGENT = "由"  # 会议由A院长主持: the one who does it, a name after it
OF = "的"  # 来自基层的赵六代表: what describes someone named with a title ends before it


def _is_title(word: str) -> bool:
    return word in titles()


@cache
def _markers() -> tuple[Automaton, dict[str, int]]:
    """An automaton of the grammar's titles written after names, and each one's rank (the
    longest first)."""
    ranked = sorted(grammar().names_then_title, key=len, reverse=True)
    return automaton((m, m) for m in ranked), {marker: rank for rank, marker in enumerate(ranked)}


def _markers_in(text: str, begin: int, end: int) -> list[tuple[str, int]]:
    """Each title-after-a-name marker in ``[begin, end)`` and where it stands: the longest
    markers first, each left to right."""
    markers, rank = _markers()
    found = [(marker, begin + last - len(marker) + 1)
             for last, marker in occurrences(markers, text[begin:end])]
    return sorted(found, key=lambda hit: (rank[hit[0]], hit[1]))


def _titled(text: str, begin: int, end: int, title: str, *, post: bool = True) -> PersonRef:
    """A name at ``text[begin:end]`` with ``title`` after it; the title a post if it is one
    (and ``post``)."""
    span = Span(end, end + len(title))
    items = (ChainItem("", Span(end, end), title, span, trimmed=False, after_name=True),) \
        if post and title in titles() else ()
    return PersonRef(name=text[begin:end], name_span=Span(begin, end), start=begin,
                     items=items, titled=title)


class KnownNames:
    """Where names already read stand in a text: found at once, with one automaton, so that
    reading sentence after sentence does not search for every name in each."""

    def __init__(self, text: str, names: Iterable[str]) -> None:
        matcher = automaton((name, name) for name in names)
        found = sorted((last - len(name) + 1, name) for last, name in occurrences(matcher, text))
        self._found = found
        self._starts = [start for start, _ in found]

    def within(self, begin: int, end: int, taken: list[tuple[int, int]]) -> list[PersonRef]:
        """The names in ``[begin, end)`` outside the spans in ``taken``: the longest first, and
        each name left to right, none overlapping another."""
        hits = [(start, name) for start, name in
                self._found[bisect_left(self._starts, begin):bisect_left(self._starts, end)]
                if start + len(name) <= end]
        refs: list[PersonRef] = []
        busy = list(taken)
        for start, name in sorted(hits, key=lambda hit: (-len(hit[1]), hit[1], hit[0])):
            stop = start + len(name)
            if not any(a < stop and start < b for a, b in busy):
                refs.append(PersonRef(name=name, name_span=Span(start, stop), start=start))
                busy.append((start, stop))
        return refs


def find_known(text: str, begin: int, end: int, names: Iterable[str],
               taken: list[tuple[int, int]]) -> list[PersonRef]:
    """Occurrences of names already read elsewhere, outside the spans in ``taken`` (for one
    span; :class:`KnownNames` for many in one text)."""
    return KnownNames(text[:end], names).within(begin, end, taken)


def group_lists(text: str, refs: list[PersonRef]) -> list[list[PersonRef]]:
    """Runs of people joined only by 、 , 和 及 与 (the subjects of one predicate)."""
    runs: list[list[PersonRef]] = []
    for ref in sorted(refs, key=lambda r: r.start):
        if runs:
            gap = text[runs[-1][-1].end:ref.start]
            for joiner in LIST_JOINERS:
                gap = gap.replace(joiner, "")
            if not gap:
                runs[-1].append(ref)
                continue
        runs.append([ref])
    return runs
