"""The ``study-meeting`` genre: a meeting in study groups, each group's section under a header.

After the report's headline, each section starts with a header that names the group and ends
with —— ("杭州、湖州学习组——"), then the section's own headline, byline and text. The group's
name says which cities it covers; "学习组组长" is a post in the section's own group. Bylines,
captions and the words for taking part are the news genre's, with the group's own added.
"""

from __future__ import annotations

import re
from functools import cached_property

from kg.chinese import LIST_JOINERS
from kg.extraction.genres.base import SectionLayout
from kg.extraction.genres.news import News
from kg.extraction.genres.registry import genre
from kg.extraction.places import PlaceResolver
from kg.model import Organisation, Place
from kg.reading import Marks

_HEADER_CHARS = 40  # a section's header is no longer than this


@genre("study-meeting")
class StudyMeeting(News):
    """A meeting in study groups, each group's section under a header ending in ——."""

    fallback = False

    @cached_property
    def section_mark(self) -> str:
        """A short line that ends with this is a section's header (——)."""
        return self.words.mark("section_mark")

    @cached_property
    def group_marks(self) -> tuple[str, ...]:
        """Words in a header that name a group (学习组, 小组 …)."""
        return self.words.words("layout", "group_marks")

    def marks(self) -> Marks:
        """A section's header stands alone; the rest as in news."""
        news = super().marks()
        return Marks(alone=(self.section_mark,), ends=news.ends, starts=news.starts,
                     short=news.short)

    def header(self, line: str) -> str | None:
        """The group's name, if the line is a section's header ("杭州、湖州学习组——")."""
        mark = self.section_mark
        if line.endswith(mark) and not line.startswith(mark) and len(line) <= _HEADER_CHARS:
            name = line[: -len(mark)].strip()
            if any(m in name for m in self.group_marks):  # not a kicker ("聚焦两会——")
                return name
        return None

    def score(self, raw: str) -> int:
        """The number of section headers (each names a group)."""
        return sum(1 for line in raw.splitlines() if self.header(line.strip()) is not None)

    def regions(self, section: SectionLayout, places: PlaceResolver) -> tuple[Place, ...]:
        """The cities a study group covers, from its name: "杭州、湖州学习组"."""
        if not section.name:
            return ()
        core = section.name
        for mark in self.group_marks:
            core = core.replace(mark, "")
        found = []
        for token in re.split("|".join(map(re.escape, LIST_JOINERS)), core):
            token = token.strip()
            if not token:
                continue
            place = places.resolve(token, [], ())
            if place is not None and place.level in ("prefecture", "province") and (
                    places.province is None or place.province == places.province.name):
                found.append(place)
        return tuple(found)

    def organiser(self, section: SectionLayout) -> Organisation | None:
        """The study group that held the section's discussion."""
        return Organisation(section.name, "study_group") if section.name else None
