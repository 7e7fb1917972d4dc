"""Reports written in traditional characters, read in simplified ones.

The lexicons, the grammar and the area codes are written in simplified characters, so a
report in traditional characters is matched through its simplified form (OpenCC's ``t2s``).
The form is one character for one, so offsets into it are offsets into the report; what the
graph says of it as written (names, quotations) is read from the report itself.

A report counts as traditional when a good share of its Han characters have another
simplified form; a simplified report is left alone, so that the few characters both scripts
use (乾 in a name) are never changed.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from kg.chinese import HAN_BLOCKS, HAN_RANGES

_HAN = re.compile(f"[{HAN_RANGES}]+")

#: The share of Han characters that must change for a text to count as traditional.
TRADITIONAL_SHARE = 0.05
#: … and how many at least (a short heading with one such character is not a report).
TRADITIONAL_LEAST = 3


@cache
def _converter() -> Any:
    import opencc  # here: only reports in traditional characters need it

    return opencc.OpenCC("t2s")


@cache
def _changing() -> re.Pattern[str]:
    """Any Han character that has another simplified form (every one converted at once)."""
    chars = [chr(code) for first, last in HAN_BLOCKS for code in range(first, last + 1)]
    converted = _converter().convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):  # never seen: then one by one
        converted = [_converter().convert(char) for char in chars]
    changing = "".join(a for a, b in zip(chars, converted, strict=True) if a != b)
    return re.compile(f"[{re.escape(changing)}]")


def simplified(text: str) -> str | None:
    """The text in simplified characters, one for one, if it is written in traditional ones
    (None if it is not)."""
    han = sum(len(run) for run in _HAN.findall(text))
    if han < TRADITIONAL_LEAST:
        return None
    if len(_changing().findall(text)) < max(TRADITIONAL_LEAST, TRADITIONAL_SHARE * han):
        return None
    converter = _converter()
    lines = text.split("\n")
    out = []
    for line in lines:
        converted = converter.convert(line)  # in phrases: 頭髮 头发, 理髮 理发
        if len(converted) != len(line):  # a phrase of another length: character by character
            converted = "".join(converter.convert(c) for c in line)
        out.append(converted if len(converted) == len(line) else line)
    return "\n".join(out)
