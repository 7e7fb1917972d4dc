"""Places as in use when the report was written, resolved in context."""

from __future__ import annotations

from kg.extraction import extract
from kg.extraction.gazetteer import gazetteer
from kg.extraction.places import PlaceResolver, enumerated_places, zone_end
from kg.model import Extraction, Span
from tests.extraction.conftest import REPORT


def test_places_as_in_use_when_written(meeting: Extraction) -> None:
    assert meeting.year == 2016  # the latest year 临安市 (to 2017) and 奉化市 (to 2016) fit
    labels = {p.label: p.parent for p in meeting.places}
    assert labels["舟山市普陀区"] == "330900"
    assert labels["临安市"] == "330100"
    assert labels["奉化市"] == "330200"
    for listed in ("余姚市", "慈溪市", "宁海县"):  # places listed by their short names
        assert labels[listed] == "330200"
    zone = next(p for p in meeting.places if p.label == "杭州高新区")
    assert (zone.level, zone.parent) == ("zone", "330100")


def test_date_overrides_the_inferred_year() -> None:
    ex = extract(REPORT, date="2020")[1]
    assert ex.year == 2020
    assert "临安市" not in {p.label for p in ex.places}  # it became 临安区 in 2017


def resolver() -> PlaceResolver:
    gaz = gazetteer(2015)
    return PlaceResolver(gaz, gaz.province_named("浙江省"))


def test_a_bare_name_resolves_near_the_chain_then_in_the_province() -> None:
    places = resolver()
    ningbo = places.resolve("宁波", [], ())
    assert ningbo is not None and ningbo.label == "宁波市"
    district = places.resolve("江北区", [ningbo], ())
    assert district is not None and district.label == "宁波市江北区"
    assert places.resolve("朝阳", [], ()) is None  # a short name of several, none nearby


def test_used_places_bring_their_parents() -> None:
    places = resolver()
    places.use(places.resolve("西湖区", [], ()))
    assert {p.label for p in places.used.values()} == {"杭州市西湖区", "杭州市", "浙江省"}


def test_zone_names_end_with_a_zone_word() -> None:
    assert zone_end("杭州高新区总工会", 2) == 5
    assert zone_end("南京江北新区总工会", 2) == 6  # a zone with a name of its own
    assert zone_end("杭州市总工会", 2) == 0


def test_places_listed_by_name() -> None:
    text = "余姚、慈溪、宁海等县市工会也参加了讨论。"
    found = enumerated_places(text, Span(0, len(text)), resolver(), ())
    assert [p.label for p in found] == ["余姚市", "慈溪市", "宁海县"]
