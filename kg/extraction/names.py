"""Where a personal name or a title stands in the text.

Recognisers over the normalised text. They know words (the lexicon and the general grammar),
never people: a name is a surname and one or two characters standing where the grammar
expects a name — after a title, before a verb or a separator.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Container
from functools import cache, lru_cache

from kg.chinese import is_han
from kg.extraction.automata import Automaton, automaton
from kg.extraction.cached import by_identity
from kg.extraction.gazetteer import full_name_spans
from kg.extraction.lexicon import countries, national_bodies, org_kinds, surnames, titles
from kg.extraction.words import grammar


@cache
def _title_lengths(edge: int) -> dict[str, tuple[int, ...]]:
    """For each character a title starts (``edge`` 0) or ends (-1) with, the lengths of those
    titles, longest first."""
    lengths: dict[str, set[int]] = {}
    for title in titles():
        lengths.setdefault(title[edge], set()).add(len(title))
    return {char: tuple(sorted(found, reverse=True)) for char, found in lengths.items()}


def title_at(text: str, pos: int) -> str | None:
    """The longest title starting at ``pos``."""
    if pos >= len(text):
        return None
    table = titles()
    for length in _title_lengths(0).get(text[pos], ()):
        if length > 1 and text[pos:pos + length] in table:
            return text[pos:pos + length]
    return None


@cache
def _title_matcher() -> Automaton:
    return automaton((title, len(title)) for title in titles() if len(title) > 1)


def titles_from(text: str, begin: int, end: int) -> dict[int, str]:
    """The longest title starting at each position of ``[begin, end)`` that starts one, by
    position: :func:`title_at` for a whole span at once."""
    starts, found = _titles_in(text)
    first, last = bisect_left(starts, begin), bisect_left(starts, end)
    return dict(zip(starts[first:last], found[first:last], strict=True))


@by_identity
def _titles_in(text: str) -> tuple[list[int], list[str]]:
    """Where titles start in the text, and the longest starting at each, by start (one pass
    of the automaton over the text, not one per sentence)."""
    longest: dict[int, int] = {}
    places = dict(reversed(full_name_spans(text)))  # where a place's name starts → its end
    for last, length in _title_matcher().iter(text):
        start = last - length + 1
        if length > longest.get(start, 0) and not any(
                places.get(at, 0) > last + 1 for at in range(start + 1, last + 1)):
            longest[start] = length  # not 省长 in 湖南省长沙市: a place's name runs on
    starts = sorted(longest)
    return starts, [text[start:start + longest[start]] for start in starts]


def title_ending_at(text: str, end: int, start: int = 0) -> str | None:
    """The longest title ending at ``end`` (and starting at or after ``start``)."""
    if end <= start:
        return None
    table = titles()
    for length in _title_lengths(-1).get(text[end - 1], ()):
        if 1 < length <= end - start and text[end - length:end] in table:
            return text[end - length:end]
    return None


def boundary_strength(text: str, pos: int) -> int:
    """How surely a name may end before ``pos``: 2 surely, 1 maybe, 0 not.

    A joining character (和, 向 …) needs something after it: before punctuation or a verb it
    cannot join, so no name ends before it ("王小和说": the name is 王小和).
    """
    if pos >= len(text) or not is_han(text[pos]):
        return 2
    words = grammar()
    for length in (4, 3, 2):
        if text[pos:pos + length] in words.boundary_multi:
            return 2
    title = title_at(text, pos)
    if text[pos] in words.strong_single or (title and not inside_a_name(text, pos, title)):
        return 2  # before 说, or before a title (刘五副总裁; not 委员 of 委员会)
    if text[pos] in words.joiners and title_at(text, pos + 1) is not None:
        return 1  # "A和市长B": 和 joins two people
    if text[pos] in words.joiners and (
            pos + 1 >= len(text) or boundary_strength(text, pos + 1) > 0):
        return 0
    return 1 if text[pos] in words.boundary_words else 0


def _surname_length(candidate: str) -> int:
    table = surnames()
    if len(candidate) >= 3 and candidate[:2] in table:
        return 2
    return 1 if candidate[0] in table else 0


def name_at(text: str, pos: int, *, end: int | None = None, expected: bool = False) -> int:
    """The length of a personal name starting at ``pos``, or 0 if none stands there.

    A name is a surname and one or two given characters (two or three after a two-character
    surname), followed by something a name can end before. When both a two- and a
    three-character reading fit, the one followed by a surer boundary wins, then the longer.
    A reading that ends in a character that usually joins or follows a name (等, 也, 说, 和 …)
    counts only when nothing else fits, except a joining character right before punctuation
    ("王小和,"). Where a name is ``expected`` (after a title, in a list of names), it may begin
    with a joining character that is a surname too (副主任于学军), if no word of the grammar
    stands in the rest (主任于近日).
    """
    limit = len(text) if end is None else end
    options: list[tuple[int, int, int]] = []
    words = grammar()
    excluded, joiners = words.name_final_excluded, words.joiners
    for length, preference in ((3, 2), (2, 1), (4, 0)):
        if pos + length > limit:
            continue
        candidate = text[pos:pos + length]
        if not (_plausible(candidate, False) or expected and _joined(candidate)) or \
                in_a_country(text, pos, pos + length):
            continue
        surname = _surname_length(candidate)
        strength = boundary_strength(text, pos + length)
        if not strength:
            continue
        # the last character may rather join or follow a shorter name ("李四等", "王五说")
        doubtful = length - surname > 1 and candidate[-1] in excluded and not (
            candidate[-1] in joiners and _punctuation_at(text, pos + length))
        options.append((strength - 2 * doubtful, preference, length))
    return max(options)[2] if options else 0


def foreign_name_at(text: str, pos: int, end: int) -> int:
    """The length of a foreign name at ``pos`` (澳大利亚总理阿尔巴尼斯), or 0: the characters
    foreign names are written in, with a middle dot between parts, up to one that is none of
    them or a word a name ends before (马克龙夫人); two at least, and no more than
    :data:`LONGEST_FOREIGN_NAME` (a longer run is no name)."""
    words = grammar()
    letters, stops = words.foreign_name_characters, words.foreign_name_stops
    limit, at = min(end, len(text)), pos
    while at < limit and at - pos <= LONGEST_FOREIGN_NAME:
        if text[at] in letters and not (at - pos >= 2 and text.startswith(stops, at)):
            at += 1
        elif text[at] in MIDDLE_DOTS and at > pos and at + 1 < limit and \
                text[at + 1] in letters:
            at += 1
        else:
            break
    return at - pos if 2 <= at - pos <= LONGEST_FOREIGN_NAME else 0


LONGEST_FOREIGN_NAME = 12
MIDDLE_DOTS = "·•・"


def dotted_name_at(text: str, pos: int, end: int) -> int:
    """The length of a name in parts joined by a middle dot at ``pos`` (艾力江·吐尔逊,
    阿不都·热合曼: names of the Uyghur and other peoples, and foreign ones), or 0: a few
    Han characters, the dot, then Han characters up to where a name surely ends (of two such
    places side by side, the later: 买买提出席 ends before 出席)."""
    if not _has_dots(text):  # most reports: none at all
        return 0
    limit = min(end, len(text))
    first = text[pos + 1:min(pos + 7, limit)]
    if not any(d in first for d in MIDDLE_DOTS):  # most names: no dot in reach
        return 0
    dot = next(pos + 1 + at for at, c in enumerate(first) if c in MIDDLE_DOTS)
    if not all(is_han(c) for c in text[pos:dot]):
        return 0
    at = dot + 1
    while at < limit and at - dot <= 8 and (is_han(text[at]) or text[at] in MIDDLE_DOTS) \
            and (at == dot + 1 or text[at] in MIDDLE_DOTS or text[at - 1] in MIDDLE_DOTS
                 or boundary_strength(text, at) < 2
                 or is_han(text[at + 1:at + 2]) and boundary_strength(text, at + 1) == 2):
        at += 1  # …提出席: the name ends before 出席, not before 提出
    return at - pos if at > dot + 1 and text[at - 1] not in MIDDLE_DOTS else 0


def _punctuation_at(text: str, pos: int) -> bool:
    return pos >= len(text) or not is_han(text[pos])


def name_before(text: str, pos: int, start: int = 0) -> int:
    """The length of a name ending at ``pos`` (the name-before-title form: 张大明总书记)."""
    if pos > start and text[pos - 1] in grammar().joiners:
        return 0  # "向总书记问好": 向 joins, no name ends in it here
    for length in (3, 2, 4):
        begin = pos - length
        if begin >= start and looks_like_a_name(text[begin:pos]) and \
                not in_a_country(text, begin, pos):
            return length
    return 0


@by_identity
def _has_dots(text: str) -> bool:
    return any(dot in text for dot in MIDDLE_DOTS)


def held_in_a_state(text: str, pos: int) -> bool:
    """Whether a title at ``pos`` is held in a state named just before it, or in one of its
    bodies (挪威首相, 法国内政部长), not by an envoy stationed there (中国驻法国大使)."""
    starts, spans = _country_spans(text)
    if not spans:
        return False
    at = bisect_left(starts, pos - _longest_country() - _STATE_BODY)
    return any(pos - _STATE_BODY <= b <= pos and all(is_han(c) for c in text[b:pos])
               and STATIONED not in text[max(a - 1, 0):pos]
               for a, b in spans[at:bisect_left(starts, pos)])


STATIONED = "驻"
_STATE_BODY = 6  # the longest body of a state written between its name and a title (内政部)


def states_masked(segment: str) -> str:
    """The segment with the long form after a state's name (乌兹别克斯坦共和国) blotted out, so
    that no word is read inside it (和 in 共和国); as long as it was."""
    states = countries()
    for found in _long_forms().finditer(segment):
        at, long_form = found.start(), found.group()
        if any(segment[max(at - n, 0):at] in states for n in range(2, 9)):
            segment = segment[:at] + _BLOT * len(long_form) + segment[at + len(long_form):]
    return segment


_BLOT = "\u3000"  # no word holds it


@cache
def _long_forms() -> re.Pattern[str]:
    forms = sorted(grammar().state_long_forms, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms)))


def in_a_country(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps a state's name written around it (罗斯 in 俄罗斯,
    越南 itself)."""
    starts, spans = _country_spans(text)
    if not spans:
        return False
    first = bisect_left(starts, start - _longest_country() + 1)
    return any(a < end and start < b for a, b in spans[first:bisect_left(starts, end)])


@by_identity
def _country_spans(text: str) -> tuple[list[int], list[tuple[int, int]]]:
    """Where states are named in the text: their starts, and their spans, by start."""
    spans = sorted((last - length + 1, last + 1)
                   for last, length in _country_matcher().iter(text))
    return [a for a, _ in spans], spans


@cache
def _country_matcher() -> Automaton:
    return automaton((country, len(country)) for country in countries())


@cache
def _longest_country() -> int:
    return max(len(c) for c in countries())


def looks_like_a_name(candidate: str, *, expected: bool = False) -> bool:
    """Whether a string can be a name: a surname and one or two characters, no word of the
    grammar's inside it ("和告诉" is 和 and 告诉, not a name); where a name is ``expected``,
    one that begins with a joining character that is a surname too (向红军)."""
    return _plausible(candidate, True) or expected and _joined(candidate)


@lru_cache(maxsize=65536)  # the same few thousand strings again and again
def _plausible(candidate: str, inner_words: bool) -> bool:  # positional: a cheaper key
    """A surname and one or two characters (two or three after a compound surname), all Han;
    not a word the grammar or the lexicon knows (a title, a body, 关于); holding no name of
    an organisation's kind (临时政府); with ``inner_words``, holding no word of the grammar
    after its first character either ("和告诉")."""
    words = grammar()
    if not all(is_han(c) for c in candidate) or candidate in words.boundary_words or \
            candidate in national_bodies() or candidate in titles():
        return False
    surname = _surname_length(candidate)
    if not surname or len(candidate) - surname not in (1, 2):
        return False
    if (len(candidate) >= 3 and candidate[0] in words.joiners) or \
            candidate[-1] in words.particles or candidate[0] in words.title_joiners:
        return False  # 和本扬: 和 joins a name to the one before; 过了 ends in a particle
    if candidate[:2] in words.boundary_multi:  # 致谢: a verb, though 致 is a surname
        return False
    if _holds_any(candidate, words.not_names) or _holds_any(candidate[1:], _long_words()) \
            or candidate in _long_words():  # 常委会 (of 人大常委会委员长): a body's ending
        return False
    return not inner_words or not _holds_any(candidate[1:], words.boundary_multi)


def _joined(candidate: str) -> bool:
    """Whether a three-character candidate is a name that begins with a joining character
    (于, 向: surnames too), judged as a name without it would be."""
    joiner = candidate[0] in grammar().joiners
    return len(candidate) == 3 and joiner and _plausible("王" + candidate[1:], True)


def _holds_any(candidate: str, words: Container[str]) -> bool:
    """Whether any of the words stands inside the (short) candidate."""
    size = len(candidate)
    return any(candidate[i:j] in words for i in range(size) for j in range(i + 1, size + 1))


def holds_an_ending(text: str) -> bool:
    """Whether an organisation's ending (会, 委员会 …) stands anywhere in the (short) text."""
    return _holds_any(text, org_kinds())


@cache
def _long_words() -> frozenset[str]:
    """Titles and organisations' endings of two characters or more: no part of a name."""
    kinds = (suffix for suffix, kind in org_kinds().items()
             if kind.kind != "democratic_party")  # 民建, 民进 are given names too: 张民建
    return frozenset(w for w in (*titles(), *kinds) if len(w) >= 2)


def inside_a_name(text: str, pos: int, title: str) -> bool:
    """Whether the title at ``pos`` is part of an organisation's ending that runs on past it
    (委员 in 委员会, 常委 in 人大常委会, 主席 in 主席团)."""
    for kind, at in _endings_holding(title):
        start = pos - at
        if start >= 0 and start + len(kind) > pos + len(title) and text.startswith(kind, start):
            return True
    return False


@cache
def _endings_holding(title: str) -> tuple[tuple[str, int], ...]:
    """The organisation endings a title stands in, and where in them."""
    found: list[tuple[str, int]] = []
    for kind in org_kinds():
        at = kind.find(title)
        while at >= 0:
            found.append((kind, at))
            at = kind.find(title, at + 1)
    return tuple(found)
