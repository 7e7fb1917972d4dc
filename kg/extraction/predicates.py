"""How the people of a sentence took part: spoke (and what they said), listened, took part,
or were only talked about. The words that tell it are the genre's."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.chinese import DELIMITERS
from kg.extraction.automata import Automaton, automaton, occurrences
from kg.extraction.chains import OF, PersonRef
from kg.extraction.words import grammar
from kg.model import Span

#: How people take part in a meeting or visit (each has its words in a genre's data).
ROLES = ("speaker", "listener", "participant", "chair", "companion", "inspector")


@dataclass(frozen=True, slots=True)
class Participation:
    """A genre's words for how people take part."""

    roles: dict[str, tuple[str, ...]]  # a role of ROLES → the words for it
    companion_frames: tuple[str, ...]  # "在A、B陪同下": what follows the companions
    agent_marks: tuple[str, ...]  # "会议由A主持": words before people who do what follows
    attribution_frames: tuple[str, ...]  # "这是A、B的观点": the frame before the people …
    attribution_nouns: tuple[str, ...]  # … and the nouns after them
    # derived: every role's words in one pattern (the longest first), and each word's role
    # (the first role that lists it)
    _words: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _roles: dict[str, str] = field(init=False, repr=False, compare=False)
    _speech: Automaton = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        roles: dict[str, str] = {}
        for role, listed in self.roles.items():
            for word in listed:
                roles.setdefault(word, role)
        ranked = sorted(roles, key=len, reverse=True)
        object.__setattr__(self, "_roles", roles)
        object.__setattr__(self, "_words", re.compile("|".join(map(re.escape, ranked))
                                                      if ranked else "(?!)"))
        object.__setattr__(self, "_speech", automaton(
            (word, len(word)) for word in self.roles.get("speaker", ())))

    def first_role_word(self, rest: str) -> tuple[str | None, int, str]:
        """The role of the first word for one in ``rest`` (the longest of those starting
        there), where it stands, and the word; words where someone else's company starts
        ("在B陪同下") do not count."""
        match = self._words.search(rest)
        while match is not None and rest.startswith(self.companion_frames, match.start()):
            match = self._words.search(rest, match.start() + 1)
        if match is None:
            return None, 0, ""
        return self._roles[match[0]], match.start(), match[0]

    def speech_end(self, text: str, begin: int, end: int) -> int:
        """Where the last word for speaking that lies inside ``text[begin:end]`` ends (the
        last verb of a clause: "在发言中说"), or ``begin`` if none does."""
        return begin + max((last + 1 for last, _ in occurrences(self._speech, text[begin:end])),
                           default=0)


@dataclass(frozen=True, slots=True)
class Reading:
    """What a run of people did in its sentence, and the words they said if any."""

    role: str  # a role of ROLES, or referenced
    quote: Span | None = None


def read_predicate(text: str, sentence: Span, run: list[PersonRef], previous: Span | None,
                   words: Participation) -> Reading:
    """Classify what a run of people did, from the words after it (and before it).

    Args:
        text: the normalised text.
        sentence: the sentence the run stands in.
        run: the people, in order.
        previous: the sentence before this one in the paragraph, if any.
        words: the genre's words for taking part.

    Returns:
        The role, and the span of what they said for a speaker.
    """
    first, last = run[0], run[-1]
    after = last.end
    while after < sentence.end and text[after] in "等人、,,":
        after += 1
    if text.startswith("等人", last.end):
        after = max(after, last.end + 2)
    rest = text[after:sentence.end]
    before = text[sentence.start:first.start]
    if before.endswith("在") and rest.removeprefix("的").startswith(words.companion_frames):
        return Reading("companion")  # "在A、B(的)陪同下"
    # someone only talked about: "王五的讲话", "王五在会上的讲话"
    possessive = re.match(r"(?:在[^,,。、]{0,12}?)?的", rest)
    if possessive and not rest[possessive.end():].startswith(words.companion_frames):
        noun = rest[possessive.end():]
        framed = before.rstrip().endswith(words.attribution_frames)
        if framed and noun.startswith(words.attribution_nouns):
            return Reading("speaker", previous)
        return Reading("referenced")
    initial = (not before or before[-1] in DELIMITERS or _opens_chain(first)
               or before.endswith(words.agent_marks) or before.endswith(grammar().categories)
               or first.titled is not None and before.endswith(OF))  # 来自基层的赵六代表说
    if not initial:
        return Reading("referenced")
    role, at, word = words.first_role_word(rest)
    if role is None:
        return Reading("participant" if rest.strip("。 ") else "referenced")
    if role != "speaker":
        return Reading(role)
    return Reading("speaker", _said(text, sentence, (after, at, word), first.start, words))


def _opens_chain(ref: PersonRef) -> bool:
    return ref.titled is None and bool(ref.items) and ref.items[0].trimmed is False


def _said(text: str, sentence: Span, verb: tuple[int, int, str], run_start: int,
          words: Participation) -> Span:
    """The words a speaker said.

    After the verb and a colon or comma: what follows ("表示,……", "说:“……”"); a verb that
    ends the sentence: the quotation before the speaker ("“……”X说。"); otherwise the report's
    own account of what they said ("对……提出了看法和建议").

    Args:
        text: the normalised text.
        sentence: the sentence.
        verb: where the words after the speakers start, the verb's index in them, the verb.
        run_start: where the speakers start.
        words: the genre's words for taking part.
    """
    after, at, word = verb
    end = sentence.end
    while end > after and text[end - 1] in "。;;\n":
        end -= 1
    clause_end = after + at
    while clause_end < end and text[clause_end] not in ",,::;;“。":
        clause_end += 1
    pos = max(after + at + len(word), words.speech_end(text, after + at, clause_end))
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
