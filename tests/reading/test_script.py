"""Reports in traditional characters are read through their simplified form, one for one."""

from __future__ import annotations

import pytest

from kg.reading import normalise
from kg.reading.script import simplified

TRADITIONAL = "臨安市人大常委會副主任、市總工會主席楊大為出席會議並講話。"
SIMPLIFIED = "临安市人大常委会副主任、市总工会主席杨大为出席会议并讲话。"


def test_traditional_text_is_simplified_one_for_one() -> None:
    assert simplified(TRADITIONAL) == SIMPLIFIED
    text = f"{TRADITIONAL}\n\n{TRADITIONAL}\n"
    assert simplified(text) == f"{SIMPLIFIED}\n\n{SIMPLIFIED}\n"


@pytest.mark.parametrize("text", [
    SIMPLIFIED,
    "区人大代表张乾在会上发言。",  # 乾 is simplified too: a name is never changed
    "乾",  # too short to tell
    "Hangzhou, 2024",
])
def test_simplified_text_is_left_alone(text: str) -> None:
    assert simplified(text) is None


def test_a_few_traditional_characters_in_simplified_text_are_left_alone() -> None:
    text = SIMPLIFIED * 5 + "張乾"
    assert simplified(text) is None


def test_normalised_text_reads_simplified_and_maps_back_to_traditional() -> None:
    text = normalise(TRADITIONAL + "\n")
    assert text.text.startswith(SIMPLIFIED)
    name = text.text.index("杨大为")
    assert text.raw[text.offsets[name]:text.offsets[name + 2] + 1] == "楊大為"
