"""Plain immutable data passed between the pipeline's stages (no rdflib types here).

A report is read into an :class:`Extraction`: its people, organisations and places, and its
sections (a study group's discussion, or the whole report), each with a kind, a headline,
bylines, captions, and the people who took part with how they took part. People are known
inside a report by a key (``p1``, ``p2`` …); the resolver decides who they are across
reports.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import overload

from kg.chinese import is_han
from kg.ids import digest


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the normalised text, ``text[start:end]``."""

    start: int
    end: int

    def __reduce__(self) -> tuple[type[Span], tuple[int, int]]:
        return Span, (self.start, self.end)  # pickled often (a store's index): kept short


class Offsets(Sequence[int]):
    """For each character of a normalised text, the index of its raw character: kept as the
    runs normalising makes (a line's characters are a range; a break between lines is one
    index), not one number per character."""

    __slots__ = ("_pieces", "_starts", "_length")

    def __init__(self, pieces: Iterable[Sequence[int]]) -> None:
        self._pieces = [piece for piece in pieces if len(piece)]
        self._starts: list[int] = []
        length = 0
        for piece in self._pieces:
            self._starts.append(length)
            length += len(piece)
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("offset out of range")
        run = bisect_right(self._starts, index) - 1
        return self._pieces[run][index - self._starts[run]]

    def __iter__(self) -> Iterator[int]:
        for piece in self._pieces:
            yield from piece

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and len(other) == self._length and \
            all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __reduce__(self) -> tuple[type[Offsets], tuple[list[Sequence[int]]]]:
        return Offsets, (self._pieces,)


@dataclass(frozen=True, slots=True)
class Text:
    """Normalised text with, for each of its characters, the index of its source character."""

    raw: str
    text: str
    offsets: Sequence[int]  # Offsets, or any sequence of as many indices as characters

    def raw_span(self, span: Span) -> tuple[int, int]:
        """Return the raw ``[begin, end)`` that ``span`` of the normalised text was read from."""
        if span.end <= span.start:
            begin = self.offsets[span.start] if span.start < len(self.offsets) else len(self.raw)
            return begin, begin
        return self.offsets[span.start], self.offsets[span.end - 1] + 1

    def raw_text(self, span: Span) -> str:
        """The raw characters behind ``span``, layout breaks included."""
        begin, end = self.raw_span(span)
        return self.raw[begin:end]

    def punctuated(self, span: Span) -> str:
        """``span`` in the characters kg reads (simplified), its punctuation, letters and
        digits as the report writes them (（集团）, not (集团)): for names kg composes."""
        written = self.original(span)
        read = self.text[span.start:span.end]
        if len(written) != len(read) or written == read:
            return written
        return "".join(r if is_han(r) else w for w, r in zip(written, read, strict=True))

    def original(self, span: Span) -> str:
        """``span`` as the report writes it: its characters unfolded (，not ,), the layout's
        breaks left out."""
        if span.end <= span.start:
            return ""
        first, last = self.offsets[span.start], self.offsets[span.end - 1]
        if last - first == span.end - span.start - 1:  # offsets rise strictly: nothing left
            # out between the first and the last, so the raw characters are one slice
            return self.raw[first:last + 1]
        return "".join(self.raw[i] for i in self.offsets[span.start:span.end])


@dataclass(frozen=True, slots=True)
class Place:
    """An administrative division (from the area codes) or a development zone."""

    key: str  # area code, or "zone-" + name for a development zone
    name: str  # as the area codes write it: 西湖区
    label: str  # the full name a reader expects: 杭州市西湖区
    level: str  # province | prefecture | county | zone
    province: str  # name of the province-level division
    parent: str | None  # key of the place it lies in
    start: int | None = None  # first year in use
    end: int | None = None  # last year in use


@dataclass(frozen=True, slots=True)
class Organisation:
    """An organisation with its full name, abbreviations resolved."""

    name: str
    kind: str  # an organisation-kind id from orgkinds.tsv
    parent: str | None = None  # name of the organisation it is a unit of
    place: str | None = None  # key of the place it serves


@dataclass(frozen=True, slots=True)
class Post:
    """A title held at an organisation, as read at ``span``."""

    org: str
    title: str
    span: Span
    status: str = ""  # appointed | removed | former where the text says so, else held

    def __reduce__(self) -> tuple[type[Post], tuple[str, str, Span, str]]:
        return Post, (self.org, self.title, self.span, self.status)


@dataclass(frozen=True, slots=True)
class Person:
    """Someone a report names: the report's key for them, the name, the posts read."""

    key: str  # p1, p2 … in the order the report first names them
    name: str  # in simplified characters, as kg reads it
    posts: tuple[Post, ...] = ()
    written: str | None = None  # the name as the report writes it, if not so (楊大為)


@dataclass(frozen=True, slots=True)
class Mention:
    """A person's name where it stands in the text."""

    person: str  # the key of the person named
    span: Span


@dataclass(frozen=True, slots=True)
class Quotation:
    """A statement the report attributes to a person."""

    person: str
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Byline:
    """A reporter or photographer credited for a section."""

    person: str
    title: str  # 记者, 见习记者 … ("" when the credit gives none)
    role: str  # reporter | photographer
    span: Span


@dataclass(frozen=True, slots=True)
class Caption:
    """A photo's caption, with the credit that ends it."""

    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Participant:
    """How a person took part in a section: speaker, listener, participant, leader, or
    referenced (only talked about)."""

    person: str
    role: str


@dataclass(frozen=True, slots=True)
class Section:
    """A part of a report: the whole report, or a group's discussion within the meeting."""

    key: str  # g1, g2 … in order of appearance
    kind: str  # body (the report itself) | discussion (a part of the meeting a group held)
    name: str  # as the text names it ("" for the body)
    span: Span  # the whole section
    headline: str | None
    regions: tuple[str, ...] = ()  # place keys of the areas it covers
    organiser: str | None = None  # name of the organisation that held the discussion
    bylines: tuple[Byline, ...] = ()
    participants: tuple[Participant, ...] = ()  # sorted
    quotations: tuple[Quotation, ...] = ()
    captions: tuple[Caption, ...] = ()


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything read from one report."""

    genre: str  # the name of the genre that read it
    title: str
    subtitle: str | None
    meeting: str | None
    province: str | None  # place key
    year: int | None  # the year whose places the report was read with
    date: str | None  # when it was written, as far as known (YYYY[-MM[-DD]]), else None
    people: tuple[Person, ...]
    organisations: tuple[Organisation, ...]
    places: tuple[Place, ...]
    sections: tuple[Section, ...]
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class Report:
    """One report as read: its file name, its text, and what was read from it."""

    name: str
    text: Text
    extraction: Extraction
    source: str | None = None  # the address it was published at, if its file says

    @cached_property
    def key(self) -> str:
        """The report's identity: a digest of its text, the same for the same text."""
        return digest(self.text.raw, size=12)
