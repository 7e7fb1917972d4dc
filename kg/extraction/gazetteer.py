"""The places a report may name, as they stood in a given year.

Places come from ``kg/data/areacodes.csv`` (yescallop/areacodes, CC0): every county-level and
higher division of China since 1981 with the years it was in use; what division names are
made of (their kinds) from ``kg/data/places.toml``.
"""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kg.errors import DataError
from kg.extraction.cached import by_identity
from kg.model import Place
from kg.resources import read_text, read_toml

_ETHNIC_AUTONOMY = re.compile(r"^(.{2,}?)(?:[\u4e00-\u9fff]{1,3}族)+自治(?:县|州|旗|区)$")


@dataclass(frozen=True, slots=True)
class Divisions:
    """What division names are made of (``kg/data/places.toml``)."""

    suffixes: tuple[str, ...]  # how a name ends: its kind, longest first
    generic: frozenset[str]  # names of no division in particular (市辖区)
    levels: dict[str, str]  # the area codes' levels → province | prefecture | county
    below_county: tuple[str, ...]  # how the names of townships, villages … end


@cache
def divisions() -> Divisions:
    """What division names are made of."""
    data = read_toml("data", "places.toml")
    return Divisions(tuple(data["suffixes"]), frozenset(data["generic"]), dict(data["levels"]),
                     tuple(data["below_county"]))


def short_name(name: str) -> str | None:
    """The name a division goes by without its kind: 景宁畲族自治县 → 景宁, 杭州市 → 杭州."""
    match = _ETHNIC_AUTONOMY.match(name)
    if match:
        return match.group(1)
    for suffix in divisions().suffixes:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


@dataclass(frozen=True, slots=True)
class _Row:
    code: str
    province: str
    prefecture: str
    name: str
    level: str
    start: int
    end: int | None


class Gazetteer:
    """Places by name, as in use in one year."""

    def __init__(self, rows: list[_Row], year: int | None) -> None:
        self.year = year
        live = [r for r in rows if year is None or (r.start <= year and (r.end is None
                                                                           or year <= r.end))]
        if year is None:  # keep the latest entry of each code
            latest: dict[tuple[str, str], _Row] = {}
            for row in live:
                ident = (row.code, row.name)
                if ident not in latest or row.start > latest[ident].start:
                    latest[ident] = row
            live = list(latest.values())
        self._by_key: dict[str, Place] = {}
        provinces = {r.province: r for r in live if r.level == "province"}
        prefectures = {(r.province, r.name): r for r in live if r.level == "prefecture"}
        for row in sorted(live, key=lambda r: (r.code, r.start)):
            key = row.code if row.code not in self._by_key else f"{row.code}-{row.start}"
            parent: str | None = None
            label = row.name
            if row.level == "prefecture" and row.province in provinces:
                parent = provinces[row.province].code
            elif row.level == "county":
                city = prefectures.get((row.province, row.prefecture))
                if city is not None:
                    parent = city.code
                    if row.name.endswith("区"):
                        label = city.name + row.name
                elif row.province in provinces:
                    parent = provinces[row.province].code
                    if row.name.endswith("区"):
                        label = row.province + row.name
            self._by_key[key] = Place(key=key, name=row.name, label=label, level=row.level,
                                      province=row.province, parent=parent, start=row.start,
                                      end=row.end)
        self.by_name: dict[str, list[Place]] = defaultdict(list)
        self.by_short: dict[str, list[Place]] = defaultdict(list)
        for place in self._by_key.values():
            if place.name in divisions().generic:
                continue
            self.by_name[place.name].append(place)
            short = short_name(place.name)
            if short:
                self.by_short[short].append(place)
        self.names = sorted(set(self.by_name) | set(self.by_short), key=lambda n: (-len(n), n))
        self.known = frozenset(self.names)  # every name and short name a place goes by

    def place(self, key: str) -> Place:
        """The place with this key (area code)."""
        return self._by_key[key]

    def get(self, key: str) -> Place | None:
        """The place with this key, or None."""
        return self._by_key.get(key)

    def lookup(self, name: str) -> list[Place]:
        """Places a name may stand for, full names before short ones."""
        return list(self.by_name.get(name, [])) + [p for p in self.by_short.get(name, [])
                                                   if p.name != name]

    def province_named(self, name: str) -> Place | None:
        """The province-level division with this name, if any."""
        for place in self.by_name.get(name, []):
            if place.level == "province":
                return place
        return None

    def children(self, place: Place) -> list[Place]:
        """The places that lie directly in ``place``, by key."""
        return sorted((p for p in self._by_key.values() if p.parent == place.key),
                      key=lambda p: p.key)

    def ancestors(self, place: Place) -> list[Place]:
        """The place, its city, its province …, nearest first."""
        chain = [place]
        while chain[-1].parent is not None and chain[-1].parent in self._by_key:
            chain.append(self._by_key[chain[-1].parent])
        return chain


@cache
def _rows() -> tuple[_Row, ...]:
    text = read_text("data", "areacodes.csv").lstrip("\ufeff")
    rows = []
    for record in csv.DictReader(io.StringIO(text)):
        try:
            rows.append(_Row(
                code=record["代码"], province=record["一级行政区"],
                prefecture=record["二级行政区"], name=record["名称"],
                level=divisions().levels[record["级别"]], start=int(record["启用时间"]),
                end=int(record["变更/弃用时间"]) if record["变更/弃用时间"] else None))
        except (KeyError, ValueError) as error:
            raise DataError(f"kg/data/areacodes.csv has a malformed row: {record}") from error
    return tuple(rows)


@cache
def gazetteer(year: int | None = None) -> Gazetteer:
    """The places in use in ``year`` (None: as they are now)."""
    return Gazetteer(list(_rows()), year)


def years_in_use(name: str) -> list[tuple[int, int | None, str]]:
    """Every period a division of this full name was in use: (start, end, province)."""
    return _periods().get(name, [])


@cache
def _periods() -> dict[str, list[tuple[int, int | None, str]]]:
    periods: dict[str, list[tuple[int, int | None, str]]] = defaultdict(list)
    for row in _rows():
        periods[row.name].append((row.start, row.end, row.province))
    return dict(periods)


@cache
def all_full_names() -> frozenset[str]:
    """Every full division name ever in use (three characters or more)."""
    return frozenset(r.name for r in _rows() if len(r.name) >= 3
                     and r.name not in divisions().generic)


@cache
def _full_name_ends() -> tuple[re.Pattern[str], dict[str, tuple[int, ...]]]:
    """A pattern for the characters full division names end with (县, 区, 市 …), and the
    lengths of the names that end with each, longest first."""
    lengths: dict[str, set[int]] = defaultdict(set)
    for name in all_full_names():
        lengths[name[-1]].add(len(name))
    pattern = re.compile("[" + re.escape("".join(sorted(lengths))) + "]")
    return pattern, {end: tuple(sorted(ns, reverse=True)) for end, ns in lengths.items()}


def full_names_in(text: str) -> list[str]:
    """The :func:`all_full_names` in a text, left to right, none overlapping: where several
    start at one place, the longest."""
    out: list[str] = []
    reach = 0
    for start, end in full_name_spans(text):
        if start >= reach:
            out.append(text[start:end])
            reach = end
    return out


@by_identity
def full_name_spans(text: str) -> list[tuple[int, int]]:
    """Where the :func:`all_full_names` stand in a text, overlapping ones too, by start (the
    longest first); found once for a report, however many times asked.

    Each name ends with one of a few characters (县, 区, 市 …), so only the text before those
    is looked up: many times faster than an automaton of thousands of names.
    """
    names = all_full_names()
    pattern, lengths = _full_name_ends()
    found: list[tuple[int, int]] = []  # (start, end)
    for match in pattern.finditer(text):
        end = match.end()
        found += [(end - n, end) for n in lengths[match.group()]
                  if n <= end and text[end - n:end] in names]
    found.sort(key=lambda span: (span[0], -span[1]))
    return found


@cache
def division_count() -> int:
    """How many divisions the area codes record (each name a code had, with its years)."""
    return len(_rows())


def years() -> range:
    """The years the area codes know, from the first to the last they record a change in."""
    rows = _rows()
    last = max(max(r.start for r in rows), max(r.end for r in rows if r.end is not None))
    return range(min(r.start for r in rows), last + 1)
