"""Han characters, punctuation classes, terminal width."""

from __future__ import annotations

import pytest

from kg.chinese import (
    FULL_STOPS,
    PARAGRAPH_ENDS,
    SENTENCE_ENDS,
    any_width,
    display_width,
    is_han,
)


def test_han() -> None:
    assert is_han("王") and is_han("㐀")
    assert not is_han("a") and not is_han("、")


def test_the_classes_are_built_from_one_another() -> None:
    assert set(FULL_STOPS) <= set(SENTENCE_ENDS) and set(FULL_STOPS) <= set(PARAGRAPH_ENDS)
    assert "\n" in SENTENCE_ENDS and "”" in PARAGRAPH_ENDS


def test_any_width_adds_the_full_width_forms() -> None:
    assert set(any_width("。!?")) == set("。!?！？")


@pytest.mark.parametrize(("text", "width"), [
    ("abc", 3), ("王小明", 6), ("e\u0301", 1), ("a\u200bb", 2), ("", 0)])
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width
