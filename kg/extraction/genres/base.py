"""What a genre is: how one kind of report is laid out and how its people take part.

A genre reads the layout of its kind of report (:class:`Layout`: title, subtitle, the
meeting's name, and sections with their headlines, bylines and captions), gives the marks
that tell normalisation which line breaks are the writer's, and the words that tell how
people took part. Its word lists live in ``kg/data/genres/NAME.toml``; a file may extend
another genre's (``extends = "news"``), its lists coming first.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any, ClassVar

from kg.errors import DataError
from kg.extraction.places import PlaceResolver
from kg.extraction.predicates import ROLES, Participation
from kg.model import Caption, Organisation, Place, Span, Text
from kg.reading import Marks
from kg.resources import read_toml


@dataclass(frozen=True, slots=True)
class Credit:
    """A byline's or a photo credit's name, with the title given and the role."""

    name: str
    title: str
    role: str  # reporter | photographer
    span: Span


@dataclass(frozen=True, slots=True)
class SectionLayout:
    """A section as laid out: where it is, its name and headline, what to read in it."""

    kind: str  # body | discussion (see kg.model.Section)
    name: str | None
    span: Span
    headline: str | None
    body: tuple[Span, ...]  # the paragraphs (or what is left of them) to read people in
    credits: tuple[Credit, ...] = ()
    captions: tuple[Caption, ...] = ()


@dataclass(frozen=True, slots=True)
class Layout:
    """A report as laid out."""

    title: str
    subtitle: str | None
    meeting: str | None
    sections: tuple[SectionLayout, ...]


#: What a genre's data file may hold: each table's keys, each a list of words or one mark.
#: A genre that needs words of a new kind adds its key here, so a typo in a file or in code
#: is an error rather than an empty list.
KEYS: dict[str, dict[str, type]] = {
    "layout": {"subtitle_mark": str, "section_mark": str, "photo_mark": str,
               "byline_starts": list, "byline_ends": list, "byline_titles": list,
               "group_marks": list},
    "participation": {"speaker": list, "listener": list, "participant": list, "chair": list,
                      "companion": list, "inspector": list, "companion_frames": list,
                      "agent_marks": list,
                      "attribution_frames": list, "attribution_nouns": list,
                      "organiser_abbreviations": list},
    "meeting": {"words": list},
}


@dataclass(frozen=True, slots=True)
class GenreWords:
    """A genre's word lists, as its data file gives them (see ``kg/data/genres/news.toml``)."""

    description: str
    layout: dict[str, Any]
    participation: dict[str, Any]
    meeting: dict[str, Any]

    def words(self, table: str, key: str) -> tuple[str, ...]:
        """A list of one table (``()`` where the file has none)."""
        if KEYS[table][key] is not list:
            raise KeyError(f"{table}.{key} is a mark, not a list")
        return tuple(getattr(self, table).get(key, ()))

    def mark(self, key: str) -> str:
        """A single mark of the layout table (``""`` where the file has none)."""
        if KEYS["layout"][key] is not str:
            raise KeyError(f"layout.{key} is a list, not a mark")
        value: str = self.layout.get(key, "")
        return value


def load_words(name: str) -> GenreWords:
    """A genre's word lists, its base genre's after its own.

    Raises:
        DataError: the file is missing, or has a table or key of the wrong shape.
    """
    data = read_toml("data", "genres", f"{name}.toml")
    _check(name, data)
    tables: dict[str, dict[str, Any]] = {t: dict(data.get(t, {})) for t in KEYS}
    if "extends" in data:
        base = load_words(data["extends"])
        for table in KEYS:
            own = tables[table]
            for key, value in getattr(base, table).items():
                if isinstance(value, list) and key in own:
                    own[key] = list(own[key]) + [v for v in value if v not in own[key]]
                else:
                    own.setdefault(key, value)
    return GenreWords(data.get("description", ""), **tables)


def _check(name: str, data: dict[str, Any]) -> None:
    """Every table and key known (:data:`KEYS`), every value of its kind."""
    where = f"kg/data/genres/{name}.toml"
    unknown = set(data) - {"extends", "description", *KEYS}
    if unknown:
        raise DataError(f"{where}: unknown keys {sorted(unknown)}")
    for table, keys in KEYS.items():
        for key, value in data.get(table, {}).items():
            if key not in keys:
                raise DataError(f"{where}: unknown key {table}.{key}; known: "
                                f"{', '.join(sorted(keys))}")
            if not isinstance(value, keys[key]) or (
                    isinstance(value, list) and not all(isinstance(v, str) for v in value)):
                kind = "a list of words" if keys[key] is list else "one mark"
                raise DataError(f"{where}: {table}.{key} must be {kind}")


class Genre:
    """A kind of report. Subclass it, register the subclass with :func:`genre`, and give it
    a data file ``kg/data/genres/NAME.toml`` (see :mod:`kg.extraction.genres`)."""

    name: ClassVar[str] = ""
    #: Chosen by ``--genre auto`` when no genre recognises a report as its own.
    fallback: ClassVar[bool] = False

    def __init__(self) -> None:
        self.words = self.load_words()

    def load_words(self) -> GenreWords:
        """The genre's word lists: ``kg/data/genres/NAME.toml`` (a genre defined outside kg
        may give its own)."""
        return load_words(self.name)

    @property
    def description(self) -> str:
        """What kind of report the genre reads, in a line."""
        return self.words.description

    @cached_property
    def participation(self) -> Participation:
        """The words that tell how people took part."""
        words = self.words
        return Participation(
            roles={role: words.words("participation", role) for role in ROLES},
            companion_frames=words.words("participation", "companion_frames"),
            agent_marks=words.words("participation", "agent_marks"),
            attribution_frames=words.words("participation", "attribution_frames"),
            attribution_nouns=words.words("participation", "attribution_nouns"))

    @cached_property
    def organiser_abbreviations(self) -> tuple[str, ...]:
        """Words for a section's own organiser in a chain of posts (学习组 in 学习组组长)."""
        return self.words.words("participation", "organiser_abbreviations")

    def marks(self) -> Marks:
        """Which line breaks the writer made: see :class:`kg.reading.Marks`."""
        return Marks()

    def score(self, raw: str) -> int:
        """How many of the genre's own marks the text shows (0: none, not this genre)."""
        return 0

    def layout(self, text: Text) -> Layout:
        """The report's layout, from its normalised text (strings as written: ``original``)."""
        raise NotImplementedError

    def regions(self, section: SectionLayout, places: PlaceResolver) -> tuple[Place, ...]:
        """The places a section covers (none unless the genre knows how to tell)."""
        return ()

    def organiser(self, section: SectionLayout) -> Organisation | None:
        """The organisation that held a section's discussion, if the genre names one."""
        return None
