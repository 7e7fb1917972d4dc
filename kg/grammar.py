"""The grammar of post chains, names, lists of people and what they did.

Recognisers over the normalised text. They know words (from ``kg.gazetteer``), never
people: a name is a surname and one or two characters standing where the grammar expects a
name — after a title, before a verb or a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from kg.gazetteer import grammar, org_kinds, surnames, titles
from kg.model import Span

DELIMITERS = "、,,;;::“”‘’「」()()\n。!?!?…《》 "
SENTENCE_END = "。!?!?;;\n"
LIST_JOINERS = ("以及", "、", ",", "和", "及", "与", " ")


def is_han(char: str) -> bool:
    """Whether ``char`` is a CJK ideograph."""
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


@cache
def _title_max() -> int:
    return max(len(t) for t in titles())


@cache
def _boundary() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    words = grammar()["boundary_words"]
    multi = frozenset(w for w in words if len(w) > 1)
    single = frozenset(w for w in words if len(w) == 1)
    return multi, single, frozenset(grammar()["strong_single"])


def title_at(text: str, pos: int) -> str | None:
    """The longest title starting at ``pos``."""
    table = titles()
    for length in range(min(_title_max(), len(text) - pos), 1, -1):
        if text[pos:pos + length] in table:
            return text[pos:pos + length]
    return None


def title_ending_at(text: str, end: int, start: int = 0) -> str | None:
    """The longest title ending at ``end`` (and starting at or after ``start``)."""
    table = titles()
    for length in range(min(_title_max(), end - start), 1, -1):
        if text[end - length:end] in table:
            return text[end - length:end]
    return None


def boundary_strength(text: str, pos: int) -> int:
    """How surely a name may end before ``pos``: 2 surely, 1 maybe, 0 not.

    A joining character (和, 向 …) needs something after it: before punctuation or a verb it
    cannot join, so no name ends before it ("王小和说": the name is 王小和).
    """
    if pos >= len(text) or not is_han(text[pos]):
        return 2
    multi, single, strong = _boundary()
    for length in (4, 3, 2):
        if text[pos:pos + length] in multi:
            return 2
    if text[pos] in strong:
        return 2
    if text[pos] in grammar()["joiners"] and (
            pos + 1 >= len(text) or boundary_strength(text, pos + 1) > 0):
        return 0
    return 1 if text[pos] in single else 0


def _surname_length(candidate: str) -> int:
    table = surnames()
    if len(candidate) >= 3 and candidate[:2] in table:
        return 2
    return 1 if candidate[0] in table else 0


def name_at(text: str, pos: int, *, end: int | None = None) -> int:
    """The length of a personal name starting at ``pos``, or 0 if none stands there.

    A name is a surname and one or two given characters (two or three after a two-character
    surname), followed by something a name can end before. When both a two- and a
    three-character reading fit, the one followed by a surer boundary wins, then the longer.
    A reading that ends in a character that usually joins or follows a name (等, 也, 说, 和 …)
    counts only when nothing else fits, except a joining character right before punctuation
    ("王小和,").
    """
    limit = len(text) if end is None else end
    options: list[tuple[int, int, int]] = []
    excluded = grammar()["name_final_excluded"]
    joiners = grammar()["joiners"]
    not_names = grammar()["not_names"]
    for length, preference in ((3, 2), (2, 1), (4, 0)):
        if pos + length > limit:
            continue
        candidate = text[pos:pos + length]
        if not all(is_han(c) for c in candidate) or candidate in not_names:
            continue
        surname = _surname_length(candidate)
        if not surname or length - surname not in (1, 2):
            continue
        strength = boundary_strength(text, pos + length)
        if not strength:
            continue
        # the last character may rather join or follow a shorter name ("李四等", "王五说")
        doubtful = length - surname > 1 and candidate[-1] in excluded and not (
            candidate[-1] in joiners and _punctuation_at(text, pos + length))
        options.append((strength - 2 * doubtful, preference, length))
    return max(options)[2] if options else 0


def _punctuation_at(text: str, pos: int) -> bool:
    return pos >= len(text) or not is_han(text[pos])


def name_before(text: str, pos: int, start: int = 0) -> int:
    """The length of a name ending at ``pos`` (the name-before-title form: 张大明总书记)."""
    for length in (3, 2, 4):
        begin = pos - length
        if begin < start:
            continue
        candidate = text[begin:pos]
        if not all(is_han(c) for c in candidate) or candidate in grammar()["not_names"]:
            continue
        surname = _surname_length(candidate)
        if surname and length - surname in (1, 2):
            return length
    return 0


@dataclass(frozen=True, slots=True)
class ChainItem:
    """One ``[organisation][title]`` link of a post chain; the organisation may be empty."""

    org: str
    org_span: Span
    title: str
    title_span: Span
    trimmed: bool  # words before the organisation were cut off (the chain starts here)


@dataclass(frozen=True, slots=True)
class PersonRef:
    """A person standing in a sentence: name, and the post chain before it if any."""

    name: str
    name_span: Span
    start: int  # where the chain (or the name) begins
    items: tuple[ChainItem, ...] = ()
    titled: str | None = None  # a title after the name (张大明总书记)

    @property
    def end(self) -> int:
        """Where the reference ends (after a following title, if any)."""
        return self.name_span.end + (len(self.titled) if self.titled else 0)


def _anchors() -> tuple[str, ...]:
    g = grammar()
    return tuple(g["national_anchors"]) + tuple(g["group_abbreviations"])


def org_start(text: str, begin: int, end: int, place_names: frozenset[str]) -> tuple[int, bool]:
    """Where the organisation in ``text[begin:end]`` begins, and whether words were cut off.

    The organisation starts at the segment's start when that is a place, an abbreviation
    (省, 市 …) or a national name, or when the segment holds no clause words; otherwise at the
    first such anchor after the last clause word (以及, 这是, 评价 …).
    """
    segment = text[begin:end]
    if not segment or _anchor_at(segment, 0, place_names):
        return begin, False
    cut = 0
    for word in grammar()["clause_openers"]:
        index = segment.rfind(word)
        if index >= 0:
            cut = max(cut, index + len(word))
    for index in range(cut, len(segment)):
        if _anchor_at(segment, index, place_names):
            return begin + index, True
    return begin + cut, cut > 0


def _anchor_at(segment: str, index: int, place_names: frozenset[str]) -> bool:
    if segment[index] in grammar()["place_abbreviations"]:
        return index + 1 < len(segment)
    if segment.startswith(_anchors(), index):
        return True
    return any(segment.startswith(name, index) for name in _names_from(segment[index:],
                                                                       place_names))


def _names_from(rest: str, place_names: frozenset[str]) -> list[str]:
    return [rest[:n] for n in range(min(8, len(rest)), 1, -1) if rest[:n] in place_names]


def find_chains(text: str, begin: int, end: int, place_names: frozenset[str]) -> list[PersonRef]:
    """Every ``[org][title]、[org][title]…NAME`` in ``text[begin:end]``, left to right."""
    refs: list[PersonRef] = []
    pos = begin
    floor = begin
    while pos < end:
        title = title_at(text, pos)
        if title is None or pos + len(title) >= end:
            pos += 1
            continue
        length = name_at(text, pos + len(title), end=end)
        if not length:
            pos += 1
            continue
        name_start = pos + len(title)
        items = _chain_back(text, floor, pos, title, place_names)
        name = text[name_start:name_start + length]
        start = items[0].org_span.start if items[0].org else items[0].title_span.start
        refs.append(PersonRef(name=name, name_span=Span(name_start, name_start + length),
                              start=start, items=tuple(items)))
        pos = floor = name_start + length
    return refs


def _segment_start(text: str, floor: int, end: int) -> int:
    index = end
    while index > floor and text[index - 1] not in DELIMITERS:
        index -= 1
    return index


def _chain_back(text: str, floor: int, title_pos: int, title: str,
                place_names: frozenset[str]) -> list[ChainItem]:
    """The chain's links, read backwards from the title just before a name."""
    items: list[ChainItem] = []
    org_end, current = title_pos, title
    while True:
        seg = _segment_start(text, floor, org_end)
        start, trimmed = org_start(text, seg, org_end, place_names)
        items.append(ChainItem(org=text[start:org_end], org_span=Span(start, org_end),
                               title=current, title_span=Span(org_end, org_end + len(current)),
                               trimmed=trimmed))
        if trimmed or seg <= floor or text[seg - 1] not in "、,,":
            break
        previous = title_ending_at(text, seg - 1, floor)
        if previous is None:
            break
        org_end, current = seg - 1 - len(previous), previous
    items.reverse()
    return items


def find_titled(text: str, begin: int, end: int) -> list[PersonRef]:
    """Names written before their title: 张大明总书记."""
    refs = []
    for title in grammar()["names_then_title"]:
        for match in re.finditer(re.escape(title), text[begin:end]):
            at = begin + match.start()
            length = name_before(text, at, begin)
            if length:
                refs.append(PersonRef(name=text[at - length:at], name_span=Span(at - length, at),
                                      start=at - length, titled=title))
    return refs


def find_known(text: str, begin: int, end: int, names: list[str],
               taken: list[tuple[int, int]]) -> list[PersonRef]:
    """Occurrences of names already read elsewhere, outside the spans in ``taken``."""
    refs: list[PersonRef] = []
    busy = list(taken)
    for name in names:  # longest first
        start = text.find(name, begin, end)
        while start >= 0:
            stop = start + len(name)
            if not any(a < stop and start < b for a, b in busy):
                refs.append(PersonRef(name=name, name_span=Span(start, stop), start=start))
                busy.append((start, stop))
            start = text.find(name, stop, end)
    return refs


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


def sentences(text: str, begin: int, end: int) -> list[Span]:
    """Sentences of ``text[begin:end]``; a quotation's own full stops do not end one."""
    spans = []
    depth = 0
    start = begin
    for index in range(begin, end):
        char = text[index]
        if char in "“「":
            depth += 1
        elif char in "”」":
            depth = max(0, depth - 1)
        if char == "\n":
            depth = 0
        if depth == 0 and (char in SENTENCE_END or (char in "”」" and index > start
                                                    and text[index - 1] in "。!?!?")
                           and (index + 1 >= end or text[index + 1] == "\n")):
            if index + 1 > start:
                spans.append(Span(start, index + 1))
            start = index + 1
    if start < end:
        spans.append(Span(start, end))
    return [s for s in spans if text[s.start:s.end].strip()]


@dataclass(frozen=True, slots=True)
class Reading:
    """What a run of people did in its sentence, and the words they said if any."""

    role: str  # speaker | listener | participant | referenced
    quote: Span | None = None


def read_predicate(text: str, sentence: Span, run: list[PersonRef],
                   previous: Span | None) -> Reading:
    """Classify what a run of people did, from the words after it (and before it).

    Args:
        text: the normalised text.
        sentence: the sentence the run stands in.
        run: the people, in order.
        previous: the sentence before this one in the paragraph, if any.

    Returns:
        The role, and the span of what they said for a speaker.
    """
    g = grammar()
    first, last = run[0], run[-1]
    after = last.end
    while after < sentence.end and text[after] in "等人、,,":
        after += 1
    if text.startswith("等人", last.end):
        after = max(after, last.end + 2)
    rest = text[after:sentence.end]
    before = text[sentence.start:first.start]
    # someone only talked about: "王五的讲话", "王五在会上的讲话"
    possessive = re.match(r"(?:在[^,,。、]{0,12}?)?的", rest)
    if possessive:
        noun = rest[possessive.end():]
        framed = before.rstrip().endswith(tuple(g["attribution_frames"]))
        if framed and noun.startswith(tuple(g["attribution_nouns"])):
            return Reading("speaker", previous)
        return Reading("referenced")
    initial = not before or before[-1] in DELIMITERS or _opens_chain(first)
    if not initial:
        return Reading("referenced")
    role, at, word = _first_role_word(rest)
    if role is None:
        return Reading("participant" if rest.strip("。 ") else "referenced")
    if role != "speaker":
        return Reading(role)
    return Reading("speaker", _said(text, sentence, after, at, word, first.start))


def _opens_chain(ref: PersonRef) -> bool:
    return bool(ref.items) and ref.items[0].trimmed is False


def _first_role_word(rest: str) -> tuple[str | None, int, str]:
    best: tuple[int, int, str, str] | None = None
    for role, words in grammar()["roles"].items():
        for word in words:
            index = rest.find(word)
            if index >= 0 and (best is None or (index, -len(word)) < (best[0], best[1])):
                best = (index, -len(word), role, word)
    if best is None:
        return None, 0, ""
    return best[2], best[0], best[3]


def _said(text: str, sentence: Span, after: int, at: int, word: str, run_start: int) -> Span:
    """The words a speaker said.

    After the verb and a colon or comma: what follows ("表示,……", "说:“……”"); a verb that
    ends the sentence: the quotation before the speaker ("“……”X说。"); otherwise the report's
    own account of what they said ("对……提出了看法和建议").
    """
    end = sentence.end
    while end > after and text[end - 1] in "。;;\n":
        end -= 1
    clause_end = after + at
    while clause_end < end and text[clause_end] not in ",,::;;“。":
        clause_end += 1
    verb_end = after + at + len(word)
    speech = grammar()["roles"]["speaker"]
    for index in range(after + at, clause_end):  # "在发言中说": the last verb of the clause
        for verb in speech:
            if text.startswith(verb, index) and index + len(verb) <= clause_end:
                verb_end = max(verb_end, index + len(verb))
    pos = verb_end
    while pos < end and text[pos] in "道 ":
        pos += 1
    if pos < end and text[pos] in ",,::“「":
        while pos < end and text[pos] in ",,:: ":
            pos += 1
        if pos < end and text[pos] in "“「":
            close = text.find("”" if text[pos] == "“" else "」", pos + 1, sentence.end)
            if close > 0:
                return Span(pos + 1, close)
        if pos < end:
            return Span(pos, end)
    if pos >= end:  # "“……”X说。": the quotation stands before the speaker
        before = re.sub(r"[,,\s]+$", "", text[sentence.start:run_start])
        if before.endswith(("”", "」")):
            close = sentence.start + len(before) - 1
            opening = text.rfind("“" if text[close] == "”" else "「", sentence.start, close)
            if opening >= 0:
                return Span(opening + 1, close)
    return Span(after, end) if end > after else Span(sentence.start, sentence.end)


def split_org(org: str) -> list[tuple[str, str, str]]:
    """Split an organisation's name into nested units: (text, kind, scope) each.

    "总工会干部学校" → [("总工会", …), ("干部学校", …)]. A unit ends where a known ending
    ends, unless a longer known ending runs across that point ("人大常委会" is one body).
    """
    kinds = org_kinds()
    ends: dict[int, str] = {}
    spans: list[tuple[int, int]] = []
    for suffix in kinds:
        start = org.find(suffix)
        while start >= 0:
            spans.append((start, start + len(suffix)))
            if start + len(suffix) not in ends or len(suffix) > len(ends[start + len(suffix)]):
                ends[start + len(suffix)] = suffix
            start = org.find(suffix, start + 1)
    cuts = [e for e in sorted(ends) if not any(a < e < b for a, b in spans)]
    if not cuts or cuts[-1] != len(org):
        cuts.append(len(org))
    parts: list[tuple[str, str, str]] = []
    previous = 0
    for cut in cuts:
        if cut <= previous:
            continue
        piece = org[previous:cut]
        kind = kinds.get(ends.get(cut, ""))
        parts.append((piece, kind.kind if kind else "other", kind.scope if kind else "unit"))
        previous = cut
    return parts
