"""A genre's word lists: its data file, with the lists of the genre it extends."""

from __future__ import annotations

import pytest

from kg.errors import DataError
from kg.extraction.genres import base
from kg.extraction.genres.base import load_words


def test_a_genre_extends_another() -> None:
    words = load_words("study-meeting")
    assert words.words("meeting", "words")[:2] == ("学习会", "学习班")  # its own first
    assert "座谈会" in words.words("meeting", "words")  # then the news genre's
    assert words.mark("photo_mark") == "摄"  # a mark it does not set is the base's
    assert words.mark("section_mark") == "——"
    assert words.words("layout", "group_marks")  # set by study-meeting itself


def test_unknown_keys_are_a_data_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "read_toml", lambda *parts: {"layuot": {}})
    with pytest.raises(DataError, match="unknown keys"):
        load_words("news")


@pytest.mark.parametrize(("data", "message"), [
    ({"layout": {"photomark": "摄"}}, "unknown key layout.photomark; known: byline_ends"),
    ({"layout": {"photo_mark": ["摄"]}}, "layout.photo_mark must be one mark"),
    ({"meeting": {"words": "会议"}}, "meeting.words must be a list of words"),
])
def test_keys_and_their_kinds_are_checked(monkeypatch: pytest.MonkeyPatch, data: dict[str, object],
                                          message: str) -> None:
    monkeypatch.setattr(base, "read_toml", lambda *parts: data)
    with pytest.raises(DataError, match=message):
        load_words("news")


def test_code_asking_for_a_mark_as_a_list_fails_loudly() -> None:
    with pytest.raises(KeyError):
        load_words("news").words("layout", "photo_mark")
    with pytest.raises(KeyError):
        load_words("news").mark("nothing")
