"""Genres by name, and the choice of one from a report's own marks."""

from __future__ import annotations

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
