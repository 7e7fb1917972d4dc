"""When a report was written, where its text says so.

A paper's edition line anywhere ("（2025年03月07日第 06 版）"); a full date in the report's
head, its lines up to the end of its first paragraph of prose ("本报讯 2019年11月29日",
"2021-06-09"); or a month and day there ("6月6日") with the year the text gives elsewhere
("2021年"). A date further down tells of something else ("2005年8月15日，时任…": a past
event the report recalls). Otherwise the text does not say, and the date is unknown: never
the calendar's.
"""

from __future__ import annotations

import datetime
import re

_TOP = 300  # a report says its own date near its top
_FULL_STOP = "。"  # a paragraph with one is prose, not a headline or a dateline
_DATE = r"((?:19|20)\d\d)\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?"
_FULL = re.compile(_DATE)
_EDITION = re.compile(rf"[（(]\s*{_DATE}\s*第\s*\d+\s*版\s*[）)]")
_MONTH_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def read_date(text: str) -> str | None:
    """The report's date as ISO 8601 (YYYY-MM-DD), if its text says it; else None."""
    top = _head(text)
    full = _EDITION.search(text) or _FULL.search(top)
    if full and _valid(int(full.group(2)), int(full.group(3))):
        return f"{full.group(1)}-{int(full.group(2)):02d}-{int(full.group(3)):02d}"
    day = _MONTH_DAY.search(top)
    year = _YEAR.search(text)
    if day and year and _valid(int(day.group(1)), int(day.group(2))):
        return f"{year.group(1)}-{int(day.group(1)):02d}-{int(day.group(2)):02d}"
    return None


def _head(text: str) -> str:
    """The report's head: its lines up to the end of its first paragraph of prose (the
    lead), and no more than :data:`_TOP` characters."""
    end = 0
    for line in text[:_TOP].splitlines(keepends=True):
        end += len(line)
        if _FULL_STOP in line:
            break
    return text[:end]


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
