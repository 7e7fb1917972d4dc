"""Places as a report names them: resolved in context (the chain of posts, the section's
regions, the report's province), development zones inside their city, and lists of places."""

from __future__ import annotations

from itertools import groupby

from kg.chinese import is_han
from kg.extraction.gazetteer import Gazetteer
from kg.extraction.names import holds_an_ending
from kg.extraction.words import grammar
from kg.model import Place, Span


class PlaceResolver:
    """Resolves place names in the context of a report, a section and a chain of posts, and
    keeps the places used (with the places they lie in)."""

    def __init__(self, gaz: Gazetteer, province: Place | None,
                 city: Place | None = None) -> None:
        self.gaz = gaz
        self.province = province
        self.city = city  # the report's own city, if it has one
        self.zones: dict[str, Place] = {}
        self.used: dict[str, Place] = {}
        self._above: dict[str, frozenset[str]] = {}  # a place's key → the keys it lies in
        self._resolved: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Place | None] = {}

    def resolve(self, name: str, context: list[Place], regions: tuple[Place, ...]) -> Place | None:
        """The place a name stands for: inside the chain's last place, near the chain's places,
        in the section's regions, in the report's province, or the only one of that name."""
        key = (name, tuple(p.key for p in context), tuple(r.key for r in regions))
        if key not in self._resolved:
            self._resolved[key] = self._resolve(name, context, regions)
        return self._resolved[key]

    def _resolve(self, name: str, context: list[Place],
                 regions: tuple[Place, ...]) -> Place | None:
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
        above = self._above.get(place.key)
        if above is None:
            above = self._above[place.key] = frozenset(
                a.key for a in self.gaz.ancestors(place)[1:])
        return container.key in above

    def zone(self, label: str, city: Place | None) -> Place:
        """The development zone of this name, inside ``city``."""
        key = "zone-" + label
        if key not in self.zones:
            self.zones[key] = Place(key=key, name=label, label=label, level="zone",
                                    province=city.province if city else "",
                                    parent=city.key if city else None)
        return self.zones[key]

    def use(self, place: Place | None) -> None:
        """Keep a place, and the places it lies in, for the graph."""
        while place is not None and place.key not in self.used:
            self.used[place.key] = place
            if place.parent is None:
                break
            place = self.gaz.get(place.parent) or self.zones.get(place.parent)


    def get(self, key: str | None) -> Place | None:
        """The division or zone with this key."""
        return self.gaz.get(key or "") or self.zones.get(key or "")


def zone_end(text: str, pos: int) -> int:
    """Where a development zone's name that starts at ``pos`` ends (0: none starts there)."""
    zones = grammar().development_zones
    for length in range(0, 5):  # a zone may have a name of its own: 江北新区
        head = text[pos:pos + length]
        if not all(is_han(c) for c in head) or (head and holds_an_ending(head)):
            break
        zone = next((z for z in zones if text.startswith(z, pos + length)), None)
        if zone:
            return pos + length + len(zone)
    return 0


def enumerated_places(text: str, span: Span, places: PlaceResolver,
                       regions: tuple[Place, ...]) -> list[Place]:
    """Places listed by name, "余姚、慈溪、奉化" or "海曙、江东、江北等": two or more in a row."""
    if "、" not in text[span.start:span.end]:
        return []
    known = places.gaz.known

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
