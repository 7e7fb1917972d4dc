"""Organisations as chains of posts name them: full names with abbreviations resolved (市 is
the chain's city, a bare 总工会 the previous place's), units inside their organisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

from kg.extraction.automata import Automaton, automaton, occurrences
from kg.extraction.chains import ChainItem
from kg.extraction.gazetteer import all_full_names, divisions
from kg.extraction.lexicon import (
    countries,
    national_bodies,
    national_name,
    org_kinds,
    titles,
)
from kg.extraction.places import PlaceResolver, zone_end
from kg.extraction.words import grammar
from kg.model import Organisation, Place

#: A body's term within its name (省十二届人大常委会, 十九届中央纪委): not part of the body's.
_SESSION = re.compile("第?[一二三四五六七八九十]+届(?=全国|人大|人民代表大会|政协|中央|中共|纪委)")


@dataclass(frozen=True, slots=True)
class Scope:
    """Where a chain of posts is read: its section's regions and the organisation that held
    the section (a post in one of ``abbreviations`` is a post there: 学习组组长)."""

    regions: tuple[Place, ...] = ()
    organiser: Organisation | None = None
    abbreviations: frozenset[str] = frozenset()


@dataclass(slots=True)
class Context:
    """What a sentence's posts read so far give the next chain in it: their places (市长 in
    "重庆市委书记A和市长B" is 重庆's) and the last organisation (总经理 in "某集团董事长A、
    总经理B" is the group's)."""

    places: list[Place] = field(default_factory=list)
    org: Organisation | None = None


class OrgResolver:
    """Resolves the organisations of post chains (abbreviations, bare bodies and units)."""

    def __init__(self, places: PlaceResolver, text: str = "") -> None:
        self.places = places
        self.text = text
        self.known: dict[str, Organisation] = {}
        self.own: str | None = None  # the report's own organisation, once it says 校党委 …
        self._headline: dict[str, str] = {}  # its name as the headline begins with it
        self._written_as: dict[str, str] = {}  # a township's name → as first written
        self._prefixes: dict[tuple[str, tuple[str, ...], tuple[str, ...]],
                             tuple[str | None, Place | None, str]] = {}
        # the national bodies the report names (全国政协 by any of its names), and whether it
        # is about the national sessions: it names those, or one of the members' bodies
        bodies = national_bodies()
        self.mentioned = frozenset(bodies[alias][0]
                                   for _, alias in occurrences(_national_matcher(), text))
        members = set(grammar().members_after_names.values())
        self.national = any(w in text for w in grammar().national_sessions) or bool(
            self.mentioned & members)

    def add(self, org: Organisation) -> Organisation:
        """Keep an organisation (the first of a name wins) and the place it serves."""
        if org.name not in self.known:
            self.known[org.name] = org
            self.places.use(self.places.get(org.place))
        return self.known[org.name]

    def resolve_chain(self, items: tuple[ChainItem, ...], scope: Scope,
                      context: Context | None = None) -> list[tuple[Organisation, ChainItem]]:
        """The organisation of each link of a chain of posts, abbreviations resolved (省, 市
        as the places before them: in the chain, then in the ``context`` of the sentence's
        earlier posts, which this chain's are added to)."""
        context = context if context is not None else Context()
        chain_places = context.places
        previous: Organisation | None = None
        out: list[tuple[Organisation, ChainItem]] = []
        for item in items:
            if item.after_name and not item.org and item.title in grammar().members_after_names:
                org = self.report_body(grammar().members_after_names[item.title])
            elif item.org:
                org = self._resolve(_with_unit(item.org, item.title), chain_places, previous,
                                    scope)
            else:  # a bare title: of the post before it, in this chain or the sentence's
                org = self._implied(item.title, chain_places, previous or context.org, scope)
            if org is None or len(org.name) < 2:  # 老主任: no body
                continue
            place = self.places.get(org.place)
            if place is not None:
                chain_places.append(place)
            previous = context.org = org
            out.append((org, item))
        return out

    def report_body(self, national: str) -> Organisation | None:
        """The body of the kind of ``national`` (全国政协) the report is about: one of that
        kind it has named in a chain of posts (杭州市政协), else the national one if the
        report names it or the national sessions; else none."""
        full, kind = national_bodies()[national]
        local = next((o for o in self.known.values() if o.kind == kind), None)
        if local is not None:
            return local
        if self.national or full in self.mentioned:
            return self.add(Organisation(full, kind))
        return None

    def _implied(self, title: str, chain: list[Place], previous: Organisation | None,
                 scope: Scope) -> Organisation | None:
        """The organisation of a title written with none of its own: a head of government
        (市长) the government of the place of its level (市政府, as reports write it, if the
        report does not say which); a title that belongs to one body
        (总书记) that body when the chain names none; any other the one before it."""
        known = titles().get(title)
        held_in = grammar().title_bodies.get(known.kind) if known is not None else None
        if held_in is not None and previous is not None and previous.kind not in held_in:
            previous = None  # 纪委书记A,副校长B: the vice-principal is not the commission's
        if known is not None and known.of == "government":
            level = title.removesuffix("长")[-1:]
            place = self._abbreviated(level, chain, scope.regions, strict=True)
            if place is not None:
                return self.add(Organisation(place.label, "government", place=place.key))
            if previous is None or previous.kind != "government":  # no city known: the
                return self.add(Organisation(f"{level}政府", "government"))  # 市政府's 市长
        if known is not None and known.of not in ("", "government") and previous is None:
            return self.add(Organisation(known.of, org_kind(known.of)))
        if previous is None and known is not None and known.kind == "party" and self.own:
            return self.add(Organisation(self.own, org_kind(self.own)))  # 党委副书记: ours
        headed = self._headline_body(title.removesuffix("长")[-1:]) if title.endswith("长") \
            and previous is None else ""
        if len(headed) > 1:  # 院长 in 市第一人民医院's news: its president
            return self.add(Organisation(headed, org_kind(headed)))
        return previous

    def _headline_body(self, generic: str) -> str:
        """The organisation the report's headline begins with, if its name ends as
        ``generic`` does (市第一人民医院 for 医院, 院); else ``generic``."""
        if generic not in self._headline:
            line = self.text.split("\n", 1)[0]
            ends = [k for k in org_kinds() if k.endswith(generic[-1:]) and k in line]
            at = min((line.find(k) + len(k) for k in ends), default=0)
            head = line[:at]  # the body's name, unless a verb stands in it (到市公安局调研)
            self._headline[generic] = head if at > 1 and not any(
                w in head for w in grammar().boundary_words) else generic
        return self._headline[generic]

    def _resolve(self, text: str, chain: list[Place], previous: Organisation | None,
                 scope: Scope) -> Organisation | None:
        if "届" in text:  # 省十二届人大常委会: the body, whichever its term
            text = _SESSION.sub("", text)
        if scope.organiser is not None and text in scope.abbreviations:
            return self.add(scope.organiser)
        if text in national_bodies():
            return self.add(Organisation(national_name(text), national_bodies()[text][1]))
        if text in countries():  # 菲律宾总统: the state
            return self.add(Organisation(text, "government"))
        own = next((w for w in grammar().own_abbreviations if text.startswith(w)
                    and (text == w or text[len(w):] in org_kinds())), None)
        if own is not None:  # 校党委: the school's party committee
            self.own = self._headline_body(grammar().own_abbreviations[own])
            text = self.own + text[len(own):]
        local = _local_name(text)
        if local:  # 吕艺镇 alone: as the report first writes it, 山东省滨州市博兴县吕艺镇
            text = self._written(local) + text[len(local):]
        led = self._led(text, chain, previous, scope)
        if led is not None:
            return led
        label, place, rest = self._prefix(text, chain, scope.regions)
        if label is None:  # a bare body or unit: 总工会, 经审办; or a body by its own name
            parts = split_org(text)
            reach = parts[0][2] if parts else "unit"
            if parts and parts[0][0] not in org_kinds():  # 娲石集团: named, not a unit
                return self._units(self.add(Organisation(parts[0][0], parts[0][1])), parts[1:])
            if reach == "body" and chain:
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
        if first[0] == "委" and label and label[-1] in grammar().place_abbreviations:
            kind = "party"
        org = self.add(Organisation(label + first[0], kind, place=place.key if place else None))
        return self._units(org, parts[1:])

    def _units(self, org: Organisation, parts: Sequence[tuple[str, str, str]]) -> Organisation:
        for piece, kind, _ in parts:
            org = self.add(Organisation(org.name + piece, kind, parent=org.name))
        return org

    def _led(self, text: str, chain: list[Place], previous: Organisation | None,
             scope: Scope) -> Organisation | None:
        """A body named by a party or the League before a place (民盟省委 → 民盟浙江省委,
        团市委 → 共青团杭州市委), or None."""
        for word, name in grammar().led_bodies.items():
            if not text.startswith(word):
                continue
            rest = text[len(word):]
            if rest and rest not in national_bodies():
                known = set(self.known)
                body = self._resolve(rest, chain, previous, scope)
                if body is not None and body.name not in known:
                    del self.known[body.name]  # 浙江省委 read inside 民盟浙江省委 only
                if body is not None and body.place is not None:
                    return self.add(Organisation(name + body.name, org_kind(name),
                                                 place=body.place))
        return None

    def _enclosing(self, org: Organisation) -> Organisation:
        """The organisation a bare unit belongs to: the nearest one that serves a place."""
        while org.parent is not None and org.place is None and org.parent in self.known:
            org = self.known[org.parent]
        return org

    def _prefix(self, text: str, chain: list[Place],
                regions: tuple[Place, ...]) -> tuple[str | None, Place | None, str]:
        """The place an organisation's name starts with: (its label, the place, the rest);
        each name read once in each context (a report names the same bodies again and
        again)."""
        key = (text, tuple(p.key for p in chain), tuple(r.key for r in regions))
        if key not in self._prefixes:
            self._prefixes[key] = self._read_prefix(text, chain, regions)
        return self._prefixes[key]

    def _read_prefix(self, text: str, chain: list[Place],
                     regions: tuple[Place, ...]) -> tuple[str | None, Place | None, str]:
        g = grammar()
        for anchor in g.national_anchors:
            if text.startswith(anchor):
                return anchor, None, text[len(anchor):]
        gaz = self.places.gaz
        tokens: list[tuple[str, Place, bool]] = []
        pos = 0
        while pos < len(text):
            match = next((text[pos:pos + n] for n in range(min(10, len(text) - pos), 1, -1)
                          if text[pos:pos + n] in gaz.known), None)
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
            if letter in g.place_abbreviations and len(text) > 1:
                place = self._abbreviated(letter, chain, regions)
                if place is not None:
                    return place.label, place, text[1:]
            return None, None, text
        last = tokens[-1][1]
        zone = zone_end(text, pos)
        if zone:  # 杭州高新区, 金华经济技术开发区, 南京江北新区: named as written
            label = text[:zone]
            return label, self.places.zone(label, last), text[zone:]
        if tokens[-1][2] and not _local_name(text[pos:]):
            return last.label, last, text[pos:]
        return text[:pos], last, text[pos:]  # as written: 杭州西湖区, 贵州省盘州市淤泥乡…

    def _written(self, local: str) -> str:
        """A township's or village's name with the places the report first writes before it
        (the name alone if it writes none); each name looked up once."""
        if local not in self._written_as:
            self._written_as[local] = self._first_written(local)
        return self._written_as[local]

    def _first_written(self, local: str) -> str:
        gaz = self.places.gaz
        at = self.text.find(local)
        while at >= 0:
            start = at
            while True:
                found = next((n for n in range(min(10, start), 1, -1)
                              if self.text[start - n:start] in gaz.by_name), 0)
                if not found:
                    break
                start -= found
            if start < at:
                return self.text[start:at] + local
            at = self.text.find(local, at + 1)
        return local

    def _abbreviated(self, letter: str, chain: list[Place], regions: tuple[Place, ...],
                     *, strict: bool = False) -> Place | None:
        """省 is the report's province; 市/县/区 the nearest place of that kind in the chain,
        else (市) the section's one city or the report's city; else, unless ``strict``, the
        chain's last place."""
        if letter == grammar().province_abbreviation:
            return self.places.province
        for place in reversed(chain):
            if place.name.endswith(letter) or place.label.endswith(letter):
                return place
        if letter == "市":
            cities = [r for r in regions if r.level == "prefecture"]
            if len(cities) == 1:
                return cities[0]
            if not chain and self.places.city is not None:
                return self.places.city
        return None if strict else (chain[-1] if chain else None)


def _with_unit(org: str, title: str) -> str:
    """财政部长 is the 部长 of 财政部: a unit's head whose unit the name leaves out; 湖南省长
    the 省长 of 湖南省: a head of government whose place's name shares its first character."""
    unit = title.removesuffix("长")[-1:]
    if title.endswith("长") and org + unit in all_full_names():
        return org + unit
    if not title.endswith("长") or unit not in grammar().titled_units:
        return org
    named = re.sub(r"[(（][^()（）]*[)）]$", "", org)  # 组织部(统战部): the unit is named
    return org if named.endswith(unit) else org + unit


@cache
def _local_pattern() -> re.Pattern[str]:
    ends = "|".join(map(re.escape, divisions().below_county))
    return re.compile(rf"[\u4e00-\u9fff]{{1,6}}?(?:{ends})")


def _local_name(text: str) -> str:
    """The name of a township, village … that ``text`` starts with, if any."""
    match = _local_pattern().match(text)
    return match.group(0) if match else ""


def org_kind(name: str) -> str:
    """The kind of an organisation, from how its name ends."""
    parts = split_org(name)
    return parts[-1][1] if parts else "other"


@cache
def _national_matcher() -> Automaton:
    """An automaton that finds the national bodies' names, by any of them."""
    return automaton((alias, alias) for alias in national_bodies())


@cache
def _kind_matcher() -> Automaton:
    """An automaton that finds every organisation ending in a name."""
    return automaton((suffix, suffix) for suffix in org_kinds())


@lru_cache(maxsize=8192)  # a report names the same organisations again and again
def split_org(org: str) -> tuple[tuple[str, str, str], ...]:
    """Split an organisation's name into nested units: (text, kind, scope) each.

    "总工会干部学校" → [("总工会", …), ("干部学校", …)]. A unit ends where a known ending
    ends, unless a longer known ending runs across that point ("人大常委会" is one body).
    """
    kinds = org_kinds()
    ends: dict[int, str] = {}
    spans: list[tuple[int, int]] = []
    for last, suffix in _kind_matcher().iter(org):
        spans.append((last + 1 - len(suffix), last + 1))
        if last + 1 not in ends or len(suffix) > len(ends[last + 1]):
            ends[last + 1] = suffix
    cuts = [e for e in sorted(ends) if not any(a < e < b for a, b in spans)]
    if not cuts or cuts[-1] != len(org):
        cuts.append(len(org))
    parts: list[tuple[str, str, str]] = []
    previous = 0
    for cut in cuts:
        if cut <= previous:
            continue
        piece = org[previous:cut]
        kind = kinds.get(ends.get(cut, ""))
        parts.append((piece, kind.kind if kind else "other", kind.scope if kind else "unit"))
        previous = cut
    return tuple(parts)
