"""When a report was written, where its text says so.

A full date near the top ("（2025年03月07日第 06 版）", "本报讯 2019年11月29日",
"2021-06-09"); or a month and day near the top ("6月6日") with the year the text gives
elsewhere ("2021年"). Otherwise the text does not say, and the date is unknown: never the
calendar's.
"""

from __future__ import annotations

import datetime
import re

_TOP = 300  # a report says its own date near its top
_FULL = re.compile(r"((?:19|20)\d\d)\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def read_date(text: str) -> str | None:
    """The report's date as ISO 8601 (YYYY-MM-DD), if its text says it; else None."""
    top = text[:_TOP]
    full = _FULL.search(top)
    if full and _valid(int(full.group(2)), int(full.group(3))):
        return f"{full.group(1)}-{int(full.group(2)):02d}-{int(full.group(3)):02d}"
    day = _MONTH_DAY.search(top)
    year = _YEAR.search(text)
    if day and year and _valid(int(day.group(1)), int(day.group(2))):
        return f"{year.group(1)}-{int(day.group(1)):02d}-{int(day.group(2)):02d}"
    return None


def check_date(value: str) -> str:
    """``value`` if it is a date kg takes (YYYY, YYYY-MM or YYYY-MM-DD, a real one).

    Raises:
        ValueError: it is not.
    """
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match or not 1949 <= int(match.group(1)) <= 2100:
        raise ValueError(f"{value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD")
    month, day = int(match.group(2) or 1), int(match.group(3) or 1)
    if not _valid(month, day, int(match.group(1))):
        raise ValueError(f"{value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def _valid(month: int, day: int, year: int = 2000) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True
