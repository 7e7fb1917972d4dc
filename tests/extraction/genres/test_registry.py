"""Genres by name, and the choice of one from a report's own marks."""

from __future__ import annotations

import functools

import pytest

from kg.errors import GenreError
from kg.extraction.genres import AUTO, GENRES, Genre, choose, detect, genre, get_genre
from kg.extraction.genres.news import News


def test_the_registry_holds_the_genres() -> None:
    assert {"news", "study-meeting"} <= set(GENRES)
    assert get_genre("news") is get_genre("news")  # made once
    assert isinstance(get_genre("study-meeting"), Genre)


def test_an_unknown_name_lists_the_genres() -> None:
    with pytest.raises(GenreError, match="no genre named 'memo'; the genres are: news"):
        get_genre("memo")


def test_a_name_is_registered_once() -> None:
    with pytest.raises(ValueError, match="already registered"):
        genre("news")(News)


def test_auto_picks_the_genre_whose_marks_the_text_shows(transcript: str) -> None:
    assert detect(transcript).name == "study-meeting"
    assert detect("杭州市总工会主席王小明表示,要服务职工。").name == "news"
    assert choose("杭州学习组——\n", AUTO).name == "study-meeting"
    assert choose("杭州学习组——\n", "news").name == "news"


def test_every_genre_has_its_data_and_a_description() -> None:
    for name in GENRES:
        assert get_genre(name).description


def test_a_new_genre_plugs_in(monkeypatch: pytest.MonkeyPatch) -> None:
    """A genre defined elsewhere: registered by name, chosen by its marks, read with its words."""
    from kg.extraction import extract
    from kg.extraction.genres import registry
    from kg.extraction.genres.base import GenreWords

    monkeypatch.setattr(registry, "GENRES", registry.Registry("genre"))
    monkeypatch.setattr(registry, "get_genre", functools.cache(registry.get_genre.__wrapped__))
    registry.GENRES.update({"news": News})

    @registry.genre("notice")
    class Notice(News):
        def load_words(self) -> GenreWords:
            news = News().words
            return GenreWords("an appointment notice", news.layout,
                              {**news.participation, "participant": ["任命"]}, news.meeting)

        def score(self, raw: str) -> int:
            return raw.count("任免")

    raw = "人事任免\n\n杭州市政府任命王小明为杭州市总工会主席。\n"
    assert registry.detect(raw).name == "notice"
    assert registry.detect("杭州市总工会主席王小明表示,很好。").name == "news"
    notice = registry.get_genre("notice")
    assert isinstance(notice, Notice)
    assert extract(raw, genre=notice)[1].genre == "notice"
