"""Extraction on small invented reports, and on the bundled one."""

from __future__ import annotations

import pytest

from kg.extract import extract, infer_setting
from kg.model import Extraction

REPORT = """会议标题

——全省工会干部学习会分组讨论实录

舟山、宁波学习组——

工会要有新作为

本报讯 记者林一 见习记者许二报道 昨天,舟山、宁波学习组开展讨论。\
省人大常委会副主任、省总工会主席韦三,\
省总工会经审会副主任、经审办主任欧阳四听取讨论发言。

普陀区总工会主席宋五表示,要服务职工。宁波海曙区总工会主席徐六、奉化市政协副主席,市总工会主席祁七认为,韦三的讲话很好。象山县政协副主席、总工会主席蔡八说:“我们要创新。”

临安市总工会主席汤九提出,要改革。杭州高新区人大常委会副主任、区总工会主席丁十表示,要落实。

余姚、慈溪、宁海等县市工会也参加了讨论。韦三、欧阳四听取分组讨论发言。记者邱明 摄
"""


@pytest.fixture(scope="module")
def report() -> Extraction:
    return extract(REPORT)[1]


def posts(ex: Extraction) -> dict[str, set[tuple[str, str]]]:
    return {p.name: {(post.org, post.title) for post in p.posts} for p in ex.people}


@pytest.mark.parametrize(("name", "expected"), [
    ("韦三", {("浙江省人大常委会", "副主任"), ("浙江省总工会", "主席")}),  # 省 is the province
    # a unit keeps its parent: 经审办 after 省总工会经审会 is 浙江省总工会经审办
    ("欧阳四", {("浙江省总工会经审会", "副主任"), ("浙江省总工会经审办", "主任")}),
    ("宋五", {("舟山市普陀区总工会", "主席")}),  # a bare district in the group's cities
    ("徐六", {("宁波市海曙区总工会", "主席")}),  # a city's short name before a district
    ("祁七", {("奉化市政协", "副主席"), ("奉化市总工会", "主席")}),  # 市 through a comma
    ("蔡八", {("象山县政协", "副主席"), ("象山县总工会", "主席")}),  # a bare body
    ("汤九", {("临安市总工会", "主席")}),
    ("丁十", {("杭州高新区人大常委会", "副主任"), ("杭州高新区总工会", "主席")}),
])
def test_posts_resolve_abbreviations(report: Extraction, name: str,
                                     expected: set[tuple[str, str]]) -> None:
    assert posts(report)[name] == expected


def test_units_keep_their_parent(report: Extraction) -> None:
    orgs = {o.name: o for o in report.organisations}
    assert orgs["浙江省总工会经审办"].parent == "浙江省总工会"
    assert orgs["浙江省总工会"].place == "330000"


def test_places_as_in_use_when_written(report: Extraction) -> None:
    assert report.year == 2016  # the latest year 临安市 (to 2017) and 奉化市 (to 2016) fit
    labels = {p.label: p.parent for p in report.places}
    assert labels["舟山市普陀区"] == "330900"
    assert labels["临安市"] == "330100"
    assert labels["奉化市"] == "330200"
    for listed in ("余姚市", "慈溪市", "宁海县"):  # places listed by their short names
        assert labels[listed] == "330200"
    zone = next(p for p in report.places if p.label == "杭州高新区")
    assert (zone.level, zone.parent) == ("zone", "330100")


def test_date_overrides_the_inferred_year() -> None:
    ex = extract(REPORT, year=2020)[1]
    assert ex.year == 2020
    assert "临安市" not in {p.label for p in ex.places}  # it became 临安区 in 2017


def test_structure(report: Extraction) -> None:
    (group,) = report.groups
    assert group.name == "舟山、宁波学习组"
    assert group.headline == "工会要有新作为"
    assert group.regions == ("330900", "330200")
    assert [(b.name, b.title, b.role) for b in group.bylines] == [
        ("林一", "记者", "reporter"), ("许二", "见习记者", "reporter"),
        ("邱明", "记者", "photographer")]
    assert report.meeting == "全省工会干部学习会"


def test_roles(report: Extraction) -> None:
    roles = dict.fromkeys({n for n, _ in report.groups[0].roles}, ())
    for name, role in report.groups[0].roles:
        roles[name] += (role,)
    assert roles["韦三"] == ("listener", "referenced")
    assert roles["欧阳四"] == ("listener",)
    for speaker in ("宋五", "徐六", "祁七", "蔡八", "汤九", "丁十"):
        assert roles[speaker] == ("speaker",)
    quotes = {q.author: q.text for q in report.groups[0].quotations}
    assert quotes["宋五"] == "要服务职工"
    assert quotes["蔡八"] == "我们要创新。"


def test_mentions_point_at_names_in_the_raw_text() -> None:
    raw = REPORT.replace("宋五", "宋\n\n五")
    text, ex = extract(raw)
    found = {}
    for mention in ex.mentions:
        begin, end = text.raw_span(mention.span)
        assert raw[begin:end].replace("\n", "") == mention.name
        found[mention.name] = raw[begin:end]
    assert found["宋五"] == "宋\n\n五"


def test_infer_setting_picks_the_province_and_a_year_all_names_fit() -> None:
    assert infer_setting("临安市和富阳区和洞头县") == ("浙江省", 2015)
    assert infer_setting("没有地名") == (None, None)
    assert infer_setting("杭州市和宁波市") == ("浙江省", None)  # they fit every year alike


def test_second_report_generalises(jiangsu: str) -> None:
    ex = extract(jiangsu)[1]
    assert ex.province == "320000"
    got = posts(ex)
    assert got["孔令东"] == {("句容市人大常委会", "副主任"), ("句容市总工会", "主席")}
    assert got["华建业"] == {("南京江北新区总工会", "主席")}
    assert got["严志刚"] == {("南京市溧水区总工会", "主席")}
    assert got["钱立新"] == {("镇江市总工会", "党组书记"), ("镇江市总工会", "常务副主席")}
    assert got["单雪梅"] >= {("苏州、无锡学习组", "组长")}
    assert "祁永" in got  # a two-character name broken by the layout


def test_bundled_report(transcript: str) -> None:
    ex = extract(transcript)[1]
    assert (ex.province, ex.year) == ("330000", 2015)
    assert len(ex.groups) == 6
    assert len(ex.people) > 90
    assert all(len(g.bylines) >= 1 for g in ex.groups)


def test_byline_in_parentheses_and_a_credit_in_parentheses() -> None:
    raw = ("标题\n\n温州学习组——\n\n大标题\n\n本报讯(记者 张三一 通讯员 李四二)昨天开展讨论。"
           "龙湾区总工会主席王小虎表示,要干实事。(记者 钱六六 摄)\n")
    (group,) = extract(raw)[1].groups
    assert [(b.name, b.title, b.role) for b in group.bylines] == [
        ("张三一", "记者", "reporter"), ("李四二", "通讯员", "reporter"),
        ("钱六六", "记者", "photographer")]
    assert ("王小虎", "speaker") in group.roles


def test_a_report_without_study_groups_still_reads_people_and_words() -> None:
    ex = extract("杭州市总工会主席王小明表示,要服务职工。\n")[1]
    assert posts(ex) == {"王小明": {("杭州市总工会", "主席")}}
    (section,) = ex.groups
    assert section.name == ""
    assert [q.text for q in section.quotations] == ["要服务职工"]
