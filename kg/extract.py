"""From a normalised report to an :class:`~kg.model.Extraction`: structure, people, posts,
organisations, places, study groups, who took part and how, and what they said."""

from __future__ import annotations

import datetime as _dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import groupby

from kg.gazetteer import Gazetteer, all_full_names, gazetteer, grammar, org_kinds, years_in_use
from kg.grammar import (
    ChainItem,
    PersonRef,
    Reading,
    find_chains,
    find_known,
    find_titled,
    group_lists,
    is_han,
    name_at,
    read_predicate,
    sentences,
    split_org,
)
from kg.model import (
    Byline,
    Extraction,
    Group,
    Mention,
    Organisation,
    Person,
    Place,
    Post,
    Quotation,
    Span,
)
from kg.normalise import Text, normalise

__all__ = ["extract", "infer_setting"]


@dataclass(slots=True)
class _Section:
    name: str | None
    span: Span
    headline: str | None = None
    body: list[Span] = field(default_factory=list)  # paragraphs (or their rest) to read
    bylines: list[Byline] = field(default_factory=list)
    captions: list[tuple[str, Span]] = field(default_factory=list)


def _paragraphs(text: str) -> list[Span]:
    spans, start = [], 0
    for index, char in enumerate(text + "\n"):
        if char == "\n":
            if index > start:
                spans.append(Span(start, index))
            start = index + 1
    return spans


def _is_header(line: str) -> bool:
    mark = grammar()["header_end"]
    return line.endswith(mark) and not line.startswith(mark) and len(line) <= 40


def _byline(text: str, para: Span) -> tuple[list[Byline], int] | None:
    """Reporters credited at the start of a paragraph ("本报讯 记者X 见习记者Y报道")."""
    g = grammar()
    line = text[para.start:para.end]
    head = next((s for s in g["byline_start"] if line.startswith(s)), None)
    if head is None:
        return None
    stop = -1
    for mark in g["byline_end"]:
        stop = line.find(mark, len(head), len(head) + 60)
        if stop >= 0:
            break
    if stop < 0:
        return None
    credits = _credits(text, para.start + len(head), para.start + stop, "reporter")
    return (credits, para.start + stop + len(mark)) if credits else None


def _credits(text: str, begin: int, end: int, role: str) -> list[Byline]:
    """Names after byline titles in ``text[begin:end]``."""
    titles = sorted(grammar()["byline_titles"], key=len, reverse=True)
    found: list[tuple[int, str]] = []
    pos = begin
    while pos < end:
        title = next((t for t in titles if text.startswith(t, pos)), None)
        if title:
            found.append((pos, title))
            pos += len(title)
        else:
            pos += 1
    credits = []
    for index, (at, title) in enumerate(found):
        stop = found[index + 1][0] if index + 1 < len(found) else end
        start = at + len(title)
        while start < stop and not is_han(text[start]):
            start += 1
        finish = start
        while finish < stop and is_han(text[finish]):
            finish += 1
        if 2 <= finish - start <= 4:
            credits.append(Byline(text[start:finish], title, role, Span(start, finish)))
    return credits


def _caption(text: str, para: Span) -> tuple[list[Byline], int] | None:
    """A photo credit ending a paragraph ("记者X 摄")."""
    mark = grammar()["photo_mark"]
    line = text[para.start:para.end].rstrip().rstrip(")")
    if not line.endswith(mark):
        return None
    core = line[: -len(mark)].rstrip()
    cut = max(core.rfind(c) for c in "。!?!?(") + 1
    credits = _credits(text, para.start + cut, para.start + len(core), "photographer")
    if not credits:
        name = core[cut:].strip()
        if 2 <= len(name) <= 4 and name_at(name, 0):
            at = para.start + line.index(name, cut)
            credits = [Byline(name, "", "photographer", Span(at, at + len(name)))]
    if not credits:
        return None
    start = min(c.span.start for c in credits)
    while start > para.start and text[start - 1] not in "。!?!?":
        start -= 1
    return credits, start


def _structure(text: str) -> tuple[list[str], list[_Section]]:
    paragraphs = _paragraphs(text)
    heads: list[str] = []
    sections: list[_Section] = []
    for para in paragraphs:
        line = text[para.start:para.end]
        if _is_header(line):
            sections.append(_Section(line[: -len(grammar()["header_end"])].strip(), para))
            continue
        if not sections:
            if len(line) <= 60 and not any(c in line for c in "。!?"):
                heads.append(line)
                continue
            sections.append(_Section(None, para))
        section = sections[-1]
        section.span = Span(section.span.start, para.end)
        byline = _byline(text, para)
        if byline:
            section.bylines.extend(byline[0])
            para = Span(byline[1], para.end)
        elif (section.name and section.headline is None and not section.body
              and len(line) <= 60 and not any(c in line for c in "。!?,")):
            section.headline = line.strip()
            continue
        caption = _caption(text, para)
        if caption:
            section.bylines.extend(caption[0])
            section.captions.append((text[para.start:caption[1]].strip(),
                                     Span(para.start, caption[1])))
            para = Span(para.start, caption[1])
        section.body.append(para)
    return heads, sections


def _full_place_names(text: str) -> list[str]:
    names = all_full_names()
    found = []
    pos = 0
    while pos < len(text):
        for length in range(min(10, len(text) - pos), 2, -1):
            if text[pos:pos + length] in names:
                found.append(text[pos:pos + length])
                pos += length - 1
                break
        pos += 1
    return found


def infer_setting(text: str) -> tuple[str | None, int | None]:
    """The report's province and year, from the places it names with their full names.

    The province is the one most of the named places lie in; the year is the latest one in
    which the most of them were in use under the names the report gives them.
    """
    names = sorted(set(_full_place_names(text)))
    votes: dict[str, float] = defaultdict(float)
    for name in names:
        provinces = {p for _, _, p in years_in_use(name)}
        for home in provinces:
            votes[home] += 1 / len(provinces)
    province = max(sorted(votes), key=lambda p: votes[p]) if votes else None
    scores: dict[int, int] = {}
    for candidate in range(1981, _dt.date.today().year + 1):
        scores[candidate] = 0
        for name in names:
            periods = [(s, e) for s, e, p in years_in_use(name) if p == province] or \
                [(s, e) for s, e, _ in years_in_use(name)]
            if any(s <= candidate and (e is None or candidate <= e) for s, e in periods):
                scores[candidate] += 1
    if not names or len(set(scores.values())) == 1:
        return province, None  # the names fit every year alike: nothing to infer
    best = max(scores.values())
    return province, max(y for y, score in scores.items() if score == best)


class _Places:
    """Resolves place names in the context of a report, a study group and a post chain."""

    def __init__(self, gaz: Gazetteer, province: Place | None) -> None:
        self.gaz = gaz
        self.province = province
        self.zones: dict[str, Place] = {}
        self.used: dict[str, Place] = {}

    def resolve(self, name: str, context: list[Place], regions: tuple[Place, ...]) -> Place | None:
        candidates = self.gaz.lookup(name)
        full = [p for p in candidates if p.name == name]
        candidates = full or candidates
        if not candidates:
            return None
        inside = self.within
        filters = [
            [p for p in candidates if any(inside(p, c) for c in context[-1:])],
            [p for p in candidates if any(inside(p, c) or inside(c, p) or c.key == p.key
                                          for c in context)],
            [p for p in candidates if any(inside(p, r) or p.key == r.key for r in regions)],
            [p for p in candidates if self.province is not None
             and (inside(p, self.province) or p.key == self.province.key)],
            candidates if len(candidates) == 1 or full else [],
        ]
        for chosen in filters:
            if chosen:
                return sorted(chosen, key=lambda p: p.key)[0]
        return None

    def within(self, place: Place, container: Place) -> bool:
        """Whether ``place`` lies inside ``container``."""
        return any(a.key == container.key for a in self.gaz.ancestors(place)[1:])

    def zone(self, label: str, city: Place | None) -> Place:
        key = "zone-" + label
        if key not in self.zones:
            self.zones[key] = Place(key=key, name=label, label=label, level="zone",
                                    province=city.province if city else "",
                                    parent=city.key if city else None)
        return self.zones[key]

    def use(self, place: Place | None) -> None:
        while place is not None and place.key not in self.used:
            self.used[place.key] = place
            if place.parent is None:
                break
            place = self.gaz.get(place.parent) or self.zones.get(place.parent)


class _Orgs:
    """Resolves the organisations of post chains (abbreviations, bare bodies and units)."""

    def __init__(self, places: _Places) -> None:
        self.places = places
        self.known: dict[str, Organisation] = {}

    def add(self, org: Organisation) -> Organisation:
        if org.name not in self.known:
            self.known[org.name] = org
            self.places.use(self.places.gaz.get(org.place or "")
                            or self.places.zones.get(org.place or ""))
        return self.known[org.name]

    def resolve_chain(self, items: tuple[ChainItem, ...], regions: tuple[Place, ...],
                      group: str | None) -> list[tuple[Organisation, ChainItem]]:
        chain_places: list[Place] = []
        previous: Organisation | None = None
        out: list[tuple[Organisation, ChainItem]] = []
        for item in items:
            org = self._resolve(item.org, chain_places, previous, regions, group)
            if org is None:
                continue
            place = self.places.gaz.get(org.place or "") or self.places.zones.get(org.place or "")
            if place is not None:
                chain_places.append(place)
            previous = org
            out.append((org, item))
        return out

    def _resolve(self, text: str, chain: list[Place], previous: Organisation | None,
                 regions: tuple[Place, ...], group: str | None) -> Organisation | None:
        g = grammar()
        if not text:
            return previous
        if group and text in g["group_abbreviations"]:
            return self.add(Organisation(group, "study_group"))
        label, place, rest = self._prefix(text, chain, regions)
        if label is None:  # a bare body or unit: 总工会, 经审办
            parts = split_org(text)
            scope = parts[0][2] if parts else "unit"
            if scope == "body" and chain:
                label, place = chain[-1].label, chain[-1]
            elif previous is not None:
                return self._units(self._enclosing(previous), parts)
            else:
                label = ""
        if not rest:
            return self.add(Organisation(label, "government", place=place.key if place else None))
        parts = split_org(rest)
        first = parts[0]
        kind = first[1]
        if first[0] == "委" and label and label[-1] in g["place_abbreviations"]:
            kind = "party"
        org = self.add(Organisation(label + first[0], kind, place=place.key if place else None))
        return self._units(org, parts[1:])

    def _units(self, org: Organisation, parts: list[tuple[str, str, str]]) -> Organisation:
        for piece, kind, _ in parts:
            org = self.add(Organisation(org.name + piece, kind, parent=org.name))
        return org

    def _enclosing(self, org: Organisation) -> Organisation:
        """The organisation a bare unit belongs to: the nearest one that serves a place."""
        while org.parent is not None and org.place is None and org.parent in self.known:
            org = self.known[org.parent]
        return org

    def _prefix(self, text: str, chain: list[Place],
                regions: tuple[Place, ...]) -> tuple[str | None, Place | None, str]:
        """The place an organisation's name starts with: (its label, the place, the rest)."""
        g = grammar()
        for anchor in g["national_anchors"]:
            if text.startswith(anchor):
                return anchor, None, text[len(anchor):]
        gaz = self.places.gaz
        tokens: list[tuple[str, Place, bool]] = []
        pos = 0
        while pos < len(text):
            match = next((text[pos:pos + n] for n in range(min(10, len(text) - pos), 1, -1)
                          if text[pos:pos + n] in gaz.by_name or text[pos:pos + n] in gaz.by_short),
                         None)
            if match is None:
                break
            context = chain + [t[1] for t in tokens]
            place = self.places.resolve(match, context, regions)
            if place is None or (tokens and not self.places.within(place, tokens[-1][1])):
                break  # "南京江北新区": 江北 is not a division of 南京
            tokens.append((match, place, match == place.name))
            pos += len(match)
        if not tokens:
            letter = text[0]
            if letter in g["place_abbreviations"] and len(text) > 1:
                place = self._abbreviated(letter, chain)
                if place is not None:
                    return place.label, place, text[1:]
            return None, None, text
        last = tokens[-1][1]
        zone_end = _zone_end(text, pos)
        if zone_end:  # 杭州高新区, 金华经济技术开发区, 南京江北新区: named as written
            label = text[:zone_end]
            return label, self.places.zone(label, last), text[zone_end:]
        if tokens[-1][2]:
            return last.label, last, text[pos:]
        return text[:pos], last, text[pos:]

    def _abbreviated(self, letter: str, chain: list[Place]) -> Place | None:
        """省 is the report's province; 市/县/区 the nearest place of that kind in the chain."""
        if letter == grammar()["province_abbreviation"]:
            return self.places.province
        for place in reversed(chain):
            if place.name.endswith(letter) or place.label.endswith(letter):
                return place
        return chain[-1] if chain else None


def _zone_end(text: str, pos: int) -> int:
    """Where a development zone's name that starts at ``pos`` ends (0: none starts there)."""
    zones = sorted(grammar()["development_zones"], key=len, reverse=True)
    for length in range(0, 5):  # a zone may have a name of its own: 江北新区
        head = text[pos:pos + length]
        if not all(is_han(c) for c in head) or any(k in head for k in org_kinds()):
            break
        zone = next((z for z in zones if text.startswith(z, pos + length)), None)
        if zone:
            return pos + length + len(zone)
    return 0


def _enumerated_places(text: str, span: Span, places: _Places,
                       regions: tuple[Place, ...]) -> list[Place]:
    """Places listed by name, "余姚、慈溪、奉化" or "海曙、江东、江北等": two or more in a row."""
    known = places.gaz.by_name.keys() | places.gaz.by_short.keys()

    def edge(piece: str, at_start: bool) -> str | None:
        for n in range(min(10, len(piece)), 1, -1):
            if (piece[:n] if at_start else piece[-n:]) in known:
                return piece[:n] if at_start else piece[-n:]
        return None

    pieces = text[span.start:span.end].split("、")
    names: list[str | None] = []
    for index, piece in enumerate(pieces):
        if index == 0:
            names.append(edge(piece, at_start=False))  # the list starts where the name does
        elif index == len(pieces) - 1:
            names.append(edge(piece, at_start=True))  # … and ends where the name ends
        else:
            names.append(piece if piece in known else None)
    found: list[Place] = []
    for listed, run in groupby(names, key=lambda name: name is not None):
        run_names = [name for name in run if name is not None]
        if listed and len(run_names) >= 2:
            resolved = [places.resolve(name, [], regions) for name in run_names]
            if all(resolved):
                found.extend(p for p in resolved if p is not None)
    return found


def extract(raw: str, *, year: int | None = None) -> tuple[Text, Extraction]:
    """Read one report.

    Args:
        raw: the report's text as read from its file.
        year: the year the report was written; inferred from the places it names if None.

    Returns:
        The normalised text (for offsets) and everything read from it.
    """
    text = normalise(raw)
    body = text.text
    province_name, inferred = infer_setting(body)
    year = year if year is not None else inferred
    gaz = gazetteer(year if year is not None else _dt.date.today().year)
    province = gaz.province_named(province_name) if province_name else None
    places = _Places(gaz, province)
    orgs = _Orgs(places)
    place_names = frozenset(gaz.names)
    heads, sections = _structure(body)

    # pass 1: everyone introduced with a post chain or a title after the name
    chains: dict[int, list[PersonRef]] = {}
    titled: dict[int, list[PersonRef]] = {}
    known: set[str] = set()
    for index, section in enumerate(sections):
        chains[index], titled[index] = [], []
        for para in section.body:
            for sentence in sentences(body, para.start, para.end):
                found = find_chains(body, sentence.start, sentence.end, place_names)
                chains[index].extend(found)
                chains_spans = [(r.start, r.end) for r in found]
                for ref in find_titled(body, sentence.start, sentence.end):
                    if not any(a < ref.end and ref.start < b for a, b in chains_spans):
                        titled[index].append(ref)
                known.update(r.name for r in found)
                known.update(r.name for r in titled[index])
    known_names = sorted(known, key=lambda n: (-len(n), n))

    posts: dict[str, dict[tuple[str, str], Post]] = defaultdict(dict)
    mentions: dict[tuple[int, int], Mention] = {}
    groups: list[Group] = []
    for index, section in enumerate(sections):
        regions = _regions(section.name, places)
        for region in regions:
            places.use(region)
        group_name = section.name
        if group_name:
            orgs.add(Organisation(group_name, "study_group"))
        roles: set[tuple[str, str]] = set()
        quotes: list[Quotation] = []
        for para in section.body:
            previous: Span | None = None
            for sentence in sentences(body, para.start, para.end):
                refs = [r for r in chains[index] + titled[index]
                        if sentence.start <= r.start < sentence.end]
                taken = [(r.start, r.end) for r in refs]
                refs += find_known(body, sentence.start, sentence.end, known_names, taken)
                for ref in refs:
                    mentions[(ref.name_span.start, ref.name_span.end)] = Mention(ref.name,
                                                                                 ref.name_span)
                    for org, item in orgs.resolve_chain(ref.items, regions, group_name):
                        key = (org.name, item.title)
                        if key not in posts[ref.name]:
                            posts[ref.name][key] = Post(org.name, item.title,
                                                        Span(item.org_span.start,
                                                             item.title_span.end))
                        if group_name and org.name == group_name:
                            roles.add((ref.name, "leader"))
                said_spans: list[Span] = []
                for run in group_lists(body, refs):
                    reading = read_predicate(body, sentence, run, previous)
                    if any(s.start <= run[0].start < s.end for s in said_spans):
                        reading = Reading("referenced")  # named inside someone's words
                    elif reading.quote is not None and reading.quote.start > run[0].start:
                        said_spans.append(reading.quote)
                    for ref in run:
                        roles.add((ref.name, reading.role))
                        if reading.role == "speaker" and reading.quote is not None:
                            said = body[reading.quote.start:reading.quote.end].strip()
                            quotes.append(Quotation(ref.name, said, reading.quote,
                                                    group_name or ""))
                for place in _enumerated_places(body, sentence, places, regions):
                    places.use(place)
                previous = sentence
        for byline in section.bylines:
            mentions[(byline.span.start, byline.span.end)] = Mention(byline.name, byline.span)
            posts.setdefault(byline.name, {})
        groups.append(Group(
            key=f"g{len(groups) + 1}", name=group_name or "",
            span=section.span, headline=section.headline,
            regions=tuple(r.key for r in regions), bylines=tuple(section.bylines),
            roles=tuple(sorted(roles)), quotations=tuple(quotes),
            captions=tuple(section.captions)))

    for name in known:
        posts.setdefault(name, {})
    people = tuple(Person(name, tuple(sorted(p.values(), key=lambda x: (x.span.start, x.title))))
                   for name, p in sorted(posts.items()))
    title = heads[0] if heads else ""
    subtitle = next((h for h in heads[1:] if h.startswith("——")), None)
    return text, Extraction(
        title=title, subtitle=subtitle.lstrip("—").strip() if subtitle else None,
        meeting=_meeting(heads, body), province=province.key if province else None, year=year,
        people=people,
        organisations=tuple(sorted(orgs.known.values(), key=lambda o: o.name)),
        places=tuple(sorted(places.used.values(), key=lambda p: p.key)),
        groups=tuple(groups),
        mentions=tuple(sorted(mentions.values(), key=lambda m: m.span.start)))


def _regions(name: str | None, places: _Places) -> tuple[Place, ...]:
    """The cities a study group covers, from its name: "杭州、湖州学习组"."""
    if not name:
        return ()
    core = name
    for mark in grammar()["group_marks"]:
        core = core.replace(mark, "")
    found = []
    for token in re.split(r"[、,,和及与]", core):
        token = token.strip()
        if not token:
            continue
        place = places.resolve(token, [], ())
        if place is not None and place.level in ("prefecture", "province") and (
                places.province is None or place.province == places.province.name):
            found.append(place)
    return tuple(found)


def _meeting(heads: list[str], text: str) -> str | None:
    """The meeting the report is about: the first "…学习会" (会议, 座谈会 …) in its title."""
    words = "|".join(re.escape(w) for w in grammar()["meeting_words"])
    for line in heads + [text[:400]]:
        match = re.search(rf"[\u4e00-\u9fff]{{2,20}}?(?:{words})", line.lstrip("—"))
        if match:
            return match.group(0)
    return None

