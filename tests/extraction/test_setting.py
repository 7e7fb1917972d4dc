"""The province and year a report was written in, from the places it names."""

from __future__ import annotations

from kg.extraction.gazetteer import years
from kg.extraction.setting import infer_setting


def test_the_province_and_the_latest_year_all_names_fit() -> None:
    assert infer_setting("临安市和富阳区和洞头县") == ("浙江省", 2015)


def test_no_place_no_setting() -> None:
    assert infer_setting("没有地名") == (None, None)


def test_names_that_fit_every_year_give_no_year() -> None:
    assert infer_setting("杭州市和宁波市") == ("浙江省", None)


def test_names_that_fit_to_the_end_of_the_data_give_no_year() -> None:
    # 富阳区 began in 2014 and is still in use: any year since fits, so none is claimed,
    # and the answer does not move with the calendar
    assert infer_setting("杭州市富阳区") == ("浙江省", None)
    assert years()[0] == 1981 and years()[-1] >= 2023
