"""From a normalised report and its genre's layout to an :class:`~kg.model.Extraction`.

Two passes over the sections. The first finds everyone introduced with a post chain or a
title after the name; the second reads each sentence again for those people (and every
later mention of their names), resolves their posts' organisations and places, and reads
what they did and said.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field, replace

from kg.chinese import is_han
from kg.extraction.appointments import find_appointments
from kg.extraction.chains import (
    Anchors,
    ChainItem,
    KnownNames,
    PersonRef,
    find_chains,
    find_titled,
    group_lists,
)
from kg.extraction.gazetteer import full_name_spans
from kg.extraction.genres import Genre, Layout, SectionLayout
from kg.extraction.listed import find_listed, find_listed_after
from kg.extraction.names import titles_from
from kg.extraction.orgs import Context, OrgResolver, Scope
from kg.extraction.places import PlaceResolver, enumerated_places
from kg.extraction.predicates import Reading, read_predicate
from kg.extraction.segments import sentences
from kg.model import (
    Byline,
    Mention,
    Participant,
    Person,
    Place,
    Post,
    Quotation,
    Section,
    Span,
    Text,
)


@dataclass(slots=True)
class People:
    """The people of one report: a key each (p1, p2 … by first mention), posts, mentions.

    Within one report one name is one person; who is who across reports is the resolver's.
    """

    keys: dict[str, str] = field(default_factory=dict)  # name -> key
    posts: dict[str, dict[tuple[str, str], Post]] = field(default_factory=dict)
    mentions: dict[tuple[int, int], Mention] = field(default_factory=dict)

    def key(self, name: str) -> str:
        """The person of this name (added if new)."""
        if name not in self.keys:
            self.keys[name] = f"p{len(self.keys) + 1}"
            self.posts[self.keys[name]] = {}
        return self.keys[name]

    def mention(self, name: str, span: Span) -> str:
        """Record that ``name`` stands at ``span``; the person's key."""
        key = self.key(name)
        self.mentions[(span.start, span.end)] = Mention(key, span)
        return key

    def hold(self, key: str, post: Post) -> None:
        """Record a post (the first reading of an organisation and title wins)."""
        self.posts[key].setdefault((post.org, post.title), post)

    def all(self, text: Text) -> tuple[Person, ...]:
        """Everyone, in key order, with their posts in the order they were read, and their
        name as the report writes it where that differs (traditional characters)."""
        first: dict[str, Span] = {}
        for mention in sorted(self.mentions.values(), key=lambda m: m.span.start):
            first.setdefault(mention.person, mention.span)
        people = []
        for name, key in self.keys.items():
            posts = sorted(self.posts[key].values(), key=lambda p: (p.span.start, p.title))
            written = _as_written(text, first[key], name) if key in first else None
            people.append(Person(key, name, tuple(posts), written))
        return tuple(people)


def _as_written(text: Text, span: Span, name: str) -> str | None:
    """The name as the report writes it at ``span``, if not as kg reads it (楊大為); the
    padding of a padded name ("韩  鑫") is no part of it."""
    written = "".join(c for c in text.original(span) if is_han(c))
    return written if len(written) == len(name) and written != name else None


@dataclass(frozen=True, slots=True)
class Introductions:
    """What the first pass found: each section's people with posts or titles, and every name."""

    refs: tuple[tuple[PersonRef, ...], ...]  # by section
    names: tuple[str, ...]  # longest first
    sentences: dict[Span, list[Span]]  # each paragraph's

    @classmethod
    def find(cls, text: str, layout: Layout, anchors: Anchors) -> Introductions:
        """Everyone introduced with a post: appointed or removed, by a chain of posts, or
        with a title after the name (each kind only where no earlier kind stands)."""
        by_section: list[tuple[PersonRef, ...]] = []
        known: set[str] = set()
        split: dict[Span, list[Span]] = {}
        for section in layout.sections:
            found: list[PersonRef] = []
            for para in section.body:
                split[para] = sentences(text, para.start, para.end)
                for sentence in split[para]:
                    found += _introduced(text, sentence, anchors)
            by_section.append(tuple(found))
            known.update(ref.name for ref in found)
        by_section = [tuple(_shorter_known(text, ref, known) for ref in refs)
                      for refs in by_section]
        known = {ref.name for refs in by_section for ref in refs}
        return cls(tuple(by_section), tuple(sorted(known, key=lambda n: (-len(n), n))), split)


def _shorter_known(text: str, ref: PersonRef, known: set[str]) -> PersonRef:
    """A name read with a character of the word before it (学习乔石同志 read as 习乔石) is
    the shorter name the report also gives alone (乔石)."""
    name, span = ref.name, ref.name_span
    if len(name) < 3 or name[1:] not in known or span.start == 0 or \
            not is_han(text[span.start - 1]) or \
            any(item.title_span.end == span.start for item in ref.items):
        return ref  # a name right after its title (书记张国华) is read whole
    shorter = Span(span.start + 1, span.end)
    return replace(ref, name=name[1:], name_span=shorter,
                   start=shorter.start if ref.start == span.start else ref.start)


def _introduced(text: str, sentence: Span, anchors: Anchors) -> list[PersonRef]:
    """The people a sentence introduces with a post, the surest reading first: appointed or
    removed, in a chain of posts (and listed after one), with a title after the name, listed
    alone; each reading kept where no surer one stands."""
    begin, end = sentence.start, sentence.end
    titles = titles_from(text, begin, end)
    chains = find_chains(text, begin, end, anchors, titles=titles)
    taken = find_appointments(text, begin, end)
    for found in (chains + find_listed_after(text, chains, end),
                  find_titled(text, begin, end, titles=titles),
                  find_listed(text, begin, end, anchors.place_names)):
        taken += [ref for ref in found if not any(o.start < ref.end and ref.start < o.end
                                                  for o in taken)]
    return taken


_COUNTY_LETTERS = "县区"  # 县委书记 with no county before it in the chain (a city has defaults)


def _as_punctuated(text: Text, item: ChainItem) -> ChainItem:
    """The link with its organisation's punctuation as the report writes it (（集团）)."""
    org = text.punctuated(item.org_span)
    return item if org == item.org else replace(item, org=org)


class SectionReader:
    """Reads the people of one section: their posts, how they took part, what they said."""

    def __init__(self, text: Text, genre: Genre, places: PlaceResolver, orgs: OrgResolver,
                 people: People) -> None:
        self.written = text  # for what is read out of it, as written
        self.text = text.text
        self.genre, self.places, self.orgs, self.people = genre, places, orgs, people

    def read(self, index: int, section: SectionLayout, found: Introductions,
             known: KnownNames) -> Section:
        """The section read, with its people keyed in :attr:`people`."""
        refs = found.refs[index]
        regions = self.genre.regions(section, self.places)
        for region in regions:
            self.places.use(region)
        organiser = self.genre.organiser(section)
        if organiser is not None:
            self.orgs.add(organiser)
        scope = Scope(regions, organiser, frozenset(self.genre.organiser_abbreviations))
        roles: set[tuple[str, str]] = set()
        quotes: list[Quotation] = []
        by_start = sorted(range(len(refs)), key=lambda i: refs[i].start)
        starts = [refs[i].start for i in by_start]
        for para in section.body:
            previous: Span | None = None
            for sentence in found.sentences[para]:
                here = [refs[i] for i in sorted(by_start[bisect_left(starts, sentence.start):
                                                          bisect_left(starts, sentence.end)])]
                taken = [(r.start, r.end) for r in here]
                here += known.within(sentence.start, sentence.end, taken)
                self._posts(sentence, here, scope, roles)
                self._predicates(sentence, here, previous, scope, roles, quotes)
                for place in enumerated_places(self.text, sentence, self.places, regions):
                    self.places.use(place)
                previous = sentence
        bylines = tuple(Byline(self.people.mention(c.name, c.span), c.title, c.role, c.span)
                        for c in section.credits)
        return Section(
            key=f"g{index + 1}", kind=section.kind, name=section.name or "", span=section.span,
            headline=section.headline, regions=tuple(r.key for r in regions),
            organiser=organiser.name if organiser else None, bylines=bylines,
            participants=tuple(Participant(p, r) for p, r in sorted(roles)),
            quotations=tuple(quotes), captions=section.captions)

    def _posts(self, sentence: Span, refs: list[PersonRef], scope: Scope,
               roles: set[tuple[str, str]]) -> None:
        """Each person's mention, and the posts of their chain (a title after the name counts
        once the sentence shows the person take part: :meth:`_predicates`). The places the
        sentence names in full before a chain count as its places ("来到德清县,在县委书记A陪同
        下": 德清县's 县委)."""
        context = Context()  # what the sentence's posts read so far give the next chain
        named = self._named_places(sentence, scope) if any(
            ref.items and ref.items[0].org[:1] in _COUNTY_LETTERS for ref in refs) else []
        for ref in sorted(refs, key=lambda r: r.start):
            while named and named[0][0] <= ref.start:
                context.places.append(named.pop(0)[1])
            self.people.mention(ref.name, ref.name_span)
            if ref.titled is None:
                self._hold(ref, scope, roles, context)

    def _named_places(self, sentence: Span, scope: Scope) -> list[tuple[int, Place]]:
        """The places a sentence names in full (德清县), where each name ends."""
        spans = full_name_spans(self.text)  # the whole report's, found once
        found = []
        for index in range(bisect_left(spans, (sentence.start, 0)), len(spans)):
            start, end = spans[index]
            if start >= sentence.end:
                break
            place = self.places.resolve(self.text[start:end], [], scope.regions) \
                if end <= sentence.end else None
            if place is not None:
                found.append((end, place))
        return sorted(found, key=lambda pair: pair[0])

    def _hold(self, ref: PersonRef, scope: Scope, roles: set[tuple[str, str]],
              context: Context | None = None) -> None:
        """The posts of a person's chain (or of the title after the name); ``context``: what
        the sentence's earlier posts give it (see :class:`~kg.extraction.orgs.Context`)."""
        key = self.people.key(ref.name)
        items = tuple(_as_punctuated(self.written, item) for item in ref.items)
        for org, item in self.orgs.resolve_chain(items, scope, context):
            self.people.hold(key, Post(org.name, item.title,
                                       Span(item.org_span.start, item.title_span.end),
                                       item.status))
            if scope.organiser is not None and org.name == scope.organiser.name:
                roles.add((key, "leader"))

    def _predicates(self, sentence: Span, refs: list[PersonRef], previous: Span | None,
                    scope: Scope, roles: set[tuple[str, str]],
                    quotes: list[Quotation]) -> None:
        """How each run of people in the sentence took part, and what speakers said."""
        said: list[Span] = []
        for run in group_lists(self.text, refs):
            reading = read_predicate(self.text, sentence, run, previous,
                                     self.genre.participation)
            if any(s.start <= run[0].start < s.end for s in said):
                reading = Reading("referenced")  # named inside someone's words
            elif reading.quote is not None and reading.quote.start > run[0].start:
                said.append(reading.quote)
            for ref in run:
                key = self.people.key(ref.name)
                roles.add((key, ref.role or reading.role))
                if ref.titled is not None and reading.role != "referenced":
                    self._hold(ref, scope, roles)
                if reading.role == "speaker" and reading.quote is not None:
                    words = self.written.original(reading.quote).strip()
                    quotes.append(Quotation(key, words, reading.quote))

