"""Where and when a report was written, from the places it names."""

from __future__ import annotations

from collections import Counter, defaultdict

from kg.extraction.automata import automaton, occurrences
from kg.extraction.gazetteer import (
    Gazetteer,
    full_names_in,
    short_name,
    years,
    years_in_use,
)
from kg.model import Place


def infer_setting(text: str) -> tuple[str | None, int | None]:
    """The report's province and year, from the places it names with their full names.

    The province is the one most of the named places lie in; the year is the latest one in
    which the most of them were in use under the names the report gives them. Only the years
    the area codes know are tried, so the answer does not change with the calendar; when the
    names fit up to the last of them, the year is not known.
    """
    names = sorted(set(full_names_in(text)))
    votes: dict[str, float] = defaultdict(float)
    for name in names:
        provinces = {p for _, _, p in years_in_use(name)}
        for home in provinces:
            votes[home] += 1 / len(provinces)
    province = max(sorted(votes), key=lambda p: votes[p]) if votes else None
    periods = [[(s, e) for s, e, p in years_in_use(name) if p == province]
               or [(s, e) for s, e, _ in years_in_use(name)] for name in names]
    scores = {candidate: sum(any(s <= candidate and (e is None or candidate <= e)
                                 for s, e in spans) for spans in periods)
              for candidate in years()}
    if not names or len(set(scores.values())) == 1:
        return province, None  # the names fit every year alike: nothing to infer
    best = max(scores.values())
    latest = max(y for y, score in scores.items() if score == best)
    if latest == years()[-1]:
        return province, None  # they fit to the last year the data knows: no end to infer
    return province, latest


def main_city(text: str, gaz: Gazetteer, province: Place | None) -> Place | None:
    """The report's own city: the city of its province it names most, by its short name
    (黄石) or its full one (黄石市), a prefecture-level one before a county-level one (武穴市)
    named as often; None if it names none."""
    if province is None:
        return None
    cities = _cities(gaz, province)
    written = [short if (short := short_name(city.name)) and len(short) >= 2 else city.name
               for city in cities]
    named = Counter(word for _, word in occurrences(automaton((w, w) for w in written), text))
    counts = [(-named[word], city.level != "prefecture", city.key, city)
              for city, word in zip(cities, written, strict=True) if named[word]]
    return min(counts)[3] if counts else None  # one pass over the text for every city


def _cities(gaz: Gazetteer, province: Place) -> list[Place]:
    """The province's prefecture-level cities, and the county-level cities in them."""
    cities = []
    for prefecture in gaz.children(province):
        if prefecture.level == "prefecture":
            cities.append(prefecture)
            cities += [c for c in gaz.children(prefecture) if c.name.endswith("市")]
    return cities
