"""How people took part, and what they said (invented names)."""

from __future__ import annotations

import pytest

from kg.extraction.chains import find_chains, find_known, group_lists
from kg.extraction.genres import get_genre
from kg.extraction.predicates import read_predicate
from kg.model import Span
from tests.extraction.test_chains import ANCHORS

WORDS = get_genre("study-meeting").participation


def reading(text: str, names: list[str], previous: str = "") -> tuple[str, str | None]:
    full = previous + text
    start = len(previous)
    refs = find_chains(full, start, len(full), ANCHORS)
    taken = [(r.start, r.end) for r in refs]
    refs += find_known(full, start, len(full), names, taken)
    (run,) = group_lists(full, refs)
    result = read_predicate(full, Span(start, len(full)), run,
                            Span(0, start) if previous else None, WORDS)
    quote = full[result.quote.start:result.quote.end] if result.quote else None
    return result.role, quote


@pytest.mark.parametrize(("text", "names", "role", "quote"), [
    ("省总工会副主席王三听取讨论发言。", [], "listener", None),
    ("省总工会副主席王三到学习组参加讨论。", [], "participant", None),
    ("省总工会副主席王三参加讨论。", [], "participant", None),
    ("杭州市总工会主席李四表示,要服务职工。", [], "speaker", "要服务职工"),
    ("杭州市总工会主席李四说:“要服务职工。”", [], "speaker", "要服务职工。"),
    ("“要服务职工。”杭州市总工会主席李四说。", [], "speaker", "要服务职工。"),
    ("李四在发言中说,工会要有为。", ["李四"], "speaker", "工会要有为"),
    ("张一、李二等对工作提出了看法和建议。", ["张一", "李二"], "speaker",
     "对工作提出了看法和建议"),
    ("李四的讲话很好。", ["李四"], "referenced", None),
    ("李四在会上的讲话很好。", ["李四"], "referenced", None),
    ("大家评价李四,很好。", ["李四"], "referenced", None),
])
def test_read_predicate(text: str, names: list[str], role: str, quote: str | None) -> None:
    assert reading(text, names) == (role, quote)


def test_attribution_frame_gives_the_sentence_before() -> None:
    role, quote = reading("这是张一、李二的观点。", ["张一", "李二"], previous="工会要有实力。")
    assert (role, quote) == ("speaker", "工会要有实力。")


def test_the_words_are_the_genres() -> None:
    text, said = "这是张一、李二的共同学习体会。", "工会要有实力。"
    assert reading(text, ["张一", "李二"], previous=said) == ("speaker", said)
    full = said + text
    refs = find_known(full, len(said), len(full), ["张一", "李二"], [])
    (run,) = group_lists(full, refs)
    news = get_genre("news").participation  # its nouns: 体会, not 共同学习体会
    result = read_predicate(full, Span(len(said), len(full)), run, Span(0, len(said)), news)
    assert result.role == "referenced"


def roles(text: str, names: list[str]) -> list[tuple[list[str], str]]:
    """Each run of people in the sentence and its role."""
    refs = find_known(text, 0, len(text), names, [])
    return [([ref.name for ref in run],
             read_predicate(text, Span(0, len(text)), run, None, WORDS).role)
            for run in group_lists(text, refs)]


@pytest.mark.parametrize(("text", "names", "expected"), [
    ("会议由张一主持。", ["张一"], [(["张一"], "chair")]),
    ("张一主持会议并讲话。", ["张一"], [(["张一"], "chair")]),
    ("张一出席会议。", ["张一"], [(["张一"], "participant")]),
    ("张一到东湖镇调研。", ["张一"], [(["张一"], "inspector")]),
    ("张一陪同考察。", ["张一"], [(["张一"], "companion")]),
    ("张一在李二、王三陪同下考察企业。", ["张一", "李二", "王三"],
     [(["张一"], "inspector"), (["李二", "王三"], "companion")]),
    ("张一在李二的陪同下视察。", ["张一", "李二"],
     [(["张一"], "inspector"), (["李二"], "companion")]),
])
def test_roles_in_meetings_and_visits(text: str, names: list[str],
                                      expected: list[tuple[list[str], str]]) -> None:
    assert roles(text, names) == expected


def test_a_category_before_names_is_no_post_and_they_take_part() -> None:
    assert roles("市领导张一、李二、王三参加会议。", ["张一", "李二", "王三"]) == [
        (["张一", "李二", "王三"], "participant")]
