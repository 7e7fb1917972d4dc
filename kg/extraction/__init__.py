"""Extraction: from a report's text to its people, posts, organisations, places and sections.

The report's genre (:mod:`kg.extraction.genres`) reads its layout and knows how its people
take part; the general grammar (names, chains of posts) and the gazetteer (places as they
stood when the report was written) are shared by every genre.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from kg.extraction.chains import Anchors, KnownNames
from kg.extraction.dates import read_date
from kg.extraction.gazetteer import gazetteer, years
from kg.extraction.genres import AUTO, GENRES, Genre, choose
from kg.extraction.lexicon import countries
from kg.extraction.orgs import OrgResolver
from kg.extraction.passes import Introductions, People, SectionReader
from kg.extraction.places import PlaceResolver
from kg.extraction.setting import infer_setting, main_city
from kg.extraction.words import grammar
from kg.model import Extraction, Report, Text
from kg.reading import normalise
from kg.reading.script import simplified

__all__ = ["AUTO", "GENRES", "extract", "infer_setting", "read_text"]


def read_text(raw: str, *, name: str = "", genre: str | Genre = AUTO,
              date: str | None = None, source: str | None = None) -> Report:
    """A report from its text, read as :func:`extract` reads it.

    Args:
        raw: the report's text.
        name: its file name, for the record.
        genre: the genre to read it as, or ``auto``.
        date: when it was written (YYYY[-MM[-DD]]); read from the text if None.
        source: the address it was published at, if known.
    """
    text, extraction = extract(raw, genre=genre, date=date)
    return Report(name, text, extraction, source)


def extract(raw: str, *, genre: str | Genre = AUTO,
            date: str | None = None) -> tuple[Text, Extraction]:
    """Read one report.

    Args:
        raw: the report's text as read from its file.
        genre: the genre to read it as (a name, or ``auto`` to let the text's marks choose).
        date: when the report was written (YYYY[-MM[-DD]]); if None, read from its text
            where it says so (:func:`kg.extraction.dates.read_date`), else unknown. The
            places are those in use that year; with no date, the year the places named fit.

    Returns:
        The normalised text (for offsets) and everything read from it.
    """
    with _no_cycle_collection():
        return _extract(raw, genre=genre, date=date)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Reading a report makes hundreds of thousands of small objects and no reference
    cycles; the cycle collector's passes over them, more frequent as they grow, cost a
    tenth of the time on a megabyte, and more on larger reports. It runs again once the
    report is read."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _extract(raw: str, *, genre: str | Genre, date: str | None) -> tuple[Text, Extraction]:
    chars = simplified(raw) or raw  # traditional characters read as simplified
    chosen = genre if isinstance(genre, Genre) else choose(chars, genre)
    text = normalise(raw, chosen.marks(), chars=chars)
    body = text.text
    province_name, inferred = infer_setting(body)
    date = date or read_date(body)
    year = int(date[:4]) if date else inferred
    gaz = gazetteer(year if year is not None else years()[-1])
    province = gaz.province_named(province_name) if province_name else None
    places = PlaceResolver(gaz, province, main_city(body, gaz, province))
    orgs = OrgResolver(places, body)
    layout = chosen.layout(text)
    anchors = Anchors(frozenset(gaz.names) | countries(),
                      grammar().national_anchors + chosen.organiser_abbreviations)
    found = Introductions.find(body, layout, anchors)
    people = People()
    reader = SectionReader(text, chosen, places, orgs, people)
    known = KnownNames(body, found.names)
    sections = tuple(reader.read(index, section, found, known)
                     for index, section in enumerate(layout.sections))
    for name in sorted(found.names):
        people.key(name)
    return text, Extraction(
        genre=chosen.name, title=layout.title, subtitle=layout.subtitle, meeting=layout.meeting,
        province=province.key if province else None, year=year, date=date,
        people=people.all(text),
        organisations=tuple(sorted(orgs.known.values(), key=lambda o: o.name)),
        places=tuple(sorted(places.used.values(), key=lambda p: p.key)),
        sections=sections,
        mentions=tuple(sorted(people.mentions.values(), key=lambda m: m.span.start)))
