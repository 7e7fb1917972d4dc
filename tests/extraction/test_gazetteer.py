"""The places of the area codes, as in use in a year."""

from __future__ import annotations

import pytest

from kg.extraction.gazetteer import (
    all_full_names,
    divisions,
    gazetteer,
    short_name,
    years,
    years_in_use,
)


@pytest.mark.parametrize(("name", "short"), [
    ("杭州市", "杭州"),
    ("景宁畲族自治县", "景宁"),
    ("神农架林区", "神农架"),
    ("浦东新区", "浦东"),
    ("新疆维吾尔自治区", "新疆维吾尔"),
    ("市", None),
])
def test_short_names(name: str, short: str | None) -> None:
    assert short_name(name) == short


def test_a_place_is_found_as_it_stood_in_the_year() -> None:
    (linan,) = gazetteer(2015).lookup("临安市")
    assert (linan.parent, linan.level, linan.label) == ("330100", "county", "临安市")
    assert gazetteer(2020).lookup("临安市") == []
    (district,) = gazetteer(2020).lookup("临安区")
    assert district.label == "杭州市临安区"  # districts are named with their city


def test_short_names_are_looked_up_after_full_ones() -> None:
    found = gazetteer(2015).lookup("宁波")
    assert found[0].name == "宁波市"


def test_ancestors_run_up_to_the_province() -> None:
    gaz = gazetteer(2015)
    (xihu,) = gaz.lookup("西湖区")[:1]
    assert [p.name for p in gaz.ancestors(xihu)] == ["西湖区", "杭州市", "浙江省"]
    assert gaz.province_named("浙江省") is not None
    assert gaz.province_named("杭州市") is None


def test_generic_names_are_no_places() -> None:
    assert "市辖区" in divisions().generic
    assert gazetteer(2015).lookup("市辖区") == []
    assert "市辖区" not in all_full_names()


def test_years_in_use_and_the_data_years() -> None:
    assert (2014, None, "浙江省") in years_in_use("富阳区")
    assert years()[0] == 1981
