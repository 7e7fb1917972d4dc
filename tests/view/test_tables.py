"""kg.view.tables and its writers: people, memberships, organisations and reports as rows,
as CSV files, an Excel workbook and Popolo JSON. Three invented reports, two dated."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
import rdflib

from kg.extraction import read_text
from kg.model import Report
from kg.rdf.graph import build_graph
from kg.resolution import resolve
from kg.view.exports import csv_files, popolo, xlsx_bytes
from kg.view.tables import COLUMNS, ReportRow, Tables, node_id, read_tables, table_rows

A = """湖州市召开安全生产推进会

本报讯 2019年3月5日 记者韩小路报道 3月5日,湖州市召开安全生产推进会。
湖州市委书记甄一鸣出席会议并讲话。
安吉县县长黎二丰在会上强调,要狠抓落实。
湖州市委副书记温三川参加会议。
湖州市总工会经审办主任陆五岳参加会议。
"""
B = """湖州市召开经济工作推进会

本报讯 2021年6月1日 记者韩小路报道 6月1日,湖州市召开经济工作推进会。
湖州市委书记甄一鸣出席会议并讲话。
湖州市委副书记温三川参加会议。
会议任命黎二丰为湖州市副市长。
"""
C = """安吉县召开防汛抗旱推进会

本报讯 记者韩小路报道 安吉县召开防汛抗旱推进会。
安吉县县长黎二丰出席会议并讲话。
安吉县副县长方四海参加会议。
"""
TEXTS = {"a.txt": A, "b.txt": B, "c.txt": C}


def invented_reports() -> list[Report]:
    """The three reports, read as kg build reads them."""
    return [read_text(text, name=name) for name, text in TEXTS.items()]


def invented_graph() -> rdflib.Graph:
    """The three reports' graph, who is who decided across them."""
    reports = invented_reports()
    return build_graph(reports, resolve(reports))


@pytest.fixture(scope="module")
def tables() -> Tables:
    return read_tables(invented_graph())


def by_name(rows: tuple[object, ...], **match: str) -> object:
    """The one row whose attributes have the values given."""
    found = [row for row in rows if all(getattr(row, k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


def test_people_have_a_name_pinyin_and_their_number_of_reports(tables: Tables) -> None:
    people = {p.name: (p.pinyin, p.reports) for p in tables.people}
    assert people == {"甄一鸣": ("Zhen Yiming", 2), "黎二丰": ("Li Erfeng", 3),
                      "温三川": ("Wen Sanchuan", 2), "陆五岳": ("Lu Wuyue", 1),
                      "方四海": ("Fang Sihai", 1), "韩小路": ("Han Xiaolu", 3)}


def test_ids_are_the_last_segment_of_the_iri_and_rows_are_sorted(tables: Tables) -> None:
    for name in COLUMNS:
        rows = getattr(tables, name)
        assert rows, name
        assert [row.id for row in rows] == sorted(row.id for row in rows)
        for row in rows:
            assert row.iri.endswith("/" + row.id)
            assert row.id == node_id(rdflib.URIRef(row.iri))
    assert {p.iri.split("/")[-2] for p in tables.people} == {"person"}
    assert {m.iri.split("/")[-2] for m in tables.memberships} == {"membership"}


def test_a_membership_read_in_two_reports_is_one_row_with_both_dates(tables: Tables) -> None:
    row = by_name(tables.memberships, person="甄一鸣")
    assert (row.organisation, row.title, row.title_en, row.status) == \
        ("湖州市委", "书记", "Secretary", "held")
    assert (row.first_seen, row.last_seen, len(row.readings)) == ("2019-03-05", "2021-06-01", 2)
    cells = dict(zip(COLUMNS["memberships"], row.cells(), strict=True))
    report_a = by_name(tables.reports, file="a.txt")
    assert cells["source_report"] == report_a.id  # the earliest reading
    assert A[cells["begin"]:cells["end"]] == cells["source_text"] == "湖州市委书记"
    assert cells["person_id"] == by_name(tables.people, name="甄一鸣").id
    assert cells["organisation_id"] == by_name(tables.organisations, name="湖州市委").id


def test_undated_readings_count_but_give_no_date(tables: Tables) -> None:
    county = by_name(tables.memberships, person="黎二丰", title="县长")
    assert (county.first_seen, county.last_seen, len(county.readings)) == \
        ("2019-03-05", "2019-03-05", 2)
    assert [r.file for r in county.readings] == ["a.txt", "c.txt"]  # dated first
    deputy = by_name(tables.memberships, person="方四海")
    assert (deputy.first_seen, deputy.last_seen) == ("", "")
    assert C[deputy.readings[0].begin:deputy.readings[0].end] == "安吉县副县长"


def test_status_comes_from_the_report(tables: Tables) -> None:
    statuses = {(m.person, m.title): m.status for m in tables.memberships}
    assert statuses[("黎二丰", "副市长")] == "appointed"  # 任命黎二丰为湖州市副市长
    assert statuses[("黎二丰", "县长")] == "held"


def test_organisations_have_kind_parent_and_place(tables: Tables) -> None:
    committee = by_name(tables.organisations, name="湖州市委")
    assert (committee.kind, committee.place, committee.parent_id) == ("党组织", "湖州市", "")
    assert committee.pinyin == "hu zhou shi wei"
    unit = by_name(tables.organisations, name="湖州市总工会经审办")
    union = by_name(tables.organisations, name="湖州市总工会")
    assert (unit.parent_id, union.kind) == (union.id, "工会")


def test_reports_have_file_headline_and_date(tables: Tables) -> None:
    assert sorted((r.file, r.headline, r.date) for r in tables.reports) == [
        ("a.txt", "湖州市召开安全生产推进会", "2019-03-05"),
        ("b.txt", "湖州市召开经济工作推进会", "2021-06-01"),
        ("c.txt", "安吉县召开防汛抗旱推进会", "")]


def test_csv_files_hold_every_row_under_a_header(tables: Tables) -> None:
    files = csv_files(tables)
    assert sorted(files) == ["memberships.csv", "organisations.csv", "people.csv",
                             "reports.csv"]
    for name, columns in COLUMNS.items():
        rows = list(csv.reader(io.StringIO(files[f"{name}.csv"])))
        assert tuple(rows[0]) == columns
        expected = [["" if c is None else str(c) for c in row]
                    for row in table_rows(tables, name)]
        assert rows[1:] == expected
    assert "甄一鸣" in files["people.csv"] and "\r" not in files["people.csv"]


def _sheets(data: bytes) -> dict[str, list[list[str]]]:
    """A workbook's sheets as rows of cell text (enough of the format for these tests)."""
    book = zipfile.ZipFile(io.BytesIO(data))
    strings = [re.sub(r"<[^>]+>", "", s) for s in re.findall(
        r"<si>(.*?)</si>", book.read("xl/sharedStrings.xml").decode("utf-8"), re.S)]
    names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode("utf-8"))
    sheets = {}
    for number, name in enumerate(names, start=1):
        xml = book.read(f"xl/worksheets/sheet{number}.xml").decode("utf-8")
        rows = []
        for row in re.findall(r"<row [^>]*>(.*?)</row>", xml, re.S):
            cells = []
            for attrs, value in re.findall(r"<c ([^>]*?)(?:/>|>(.*?)</c>)", row, re.S):
                text = re.sub(r"<[^>]+>", "", value)
                cells.append(strings[int(text)] if 't="s"' in attrs else f"#{text}")
            rows.append(cells)
        sheets[name] = rows
    return sheets


def test_the_workbook_has_the_four_tables_as_sheets(tables: Tables) -> None:
    data = xlsx_bytes(tables)
    sheets = _sheets(data)
    assert list(sheets) == list(COLUMNS)
    assert sheets["people"][0] == list(COLUMNS["people"])
    assert len(sheets["memberships"]) == len(tables.memberships) + 1
    zhen = next(row for row in sheets["people"] if "甄一鸣" in row)
    assert zhen[-1] == "#2"  # the number of reports is a number
    assert xlsx_bytes(tables) == data  # the same tables, the same bytes


def test_the_workbook_keeps_text_that_looks_like_a_number_or_formula_as_text() -> None:
    report = ReportRow("000123", "https://example.org/kg/id/report/000123", "=SUM(A1)",
                       "+1", "2020", "")
    sheets = _sheets(xlsx_bytes(Tables((), (), (), (report,))))
    assert sheets["reports"][1] == ["000123", report.iri, "=SUM(A1)", "+1", "2020"]


def test_popolo_holds_persons_organizations_and_memberships(tables: Tables) -> None:
    data = popolo(tables)
    assert sorted(data) == ["memberships", "organizations", "persons"]
    person = next(p for p in data["persons"] if p["name"] == "甄一鸣")
    assert person["other_names"] == [{"name": "Zhen Yiming", "note": "pinyin"}]
    assert person["identifiers"][0]["identifier"].endswith("/" + person["id"])
    unit = next(o for o in data["organizations"] if o["name"] == "湖州市总工会经审办")
    union = next(o for o in data["organizations"] if o["name"] == "湖州市总工会")
    assert (unit["parent_id"], unit["classification"]) == (union["id"], "工会")
    assert "parent_id" not in union
    row = by_name(tables.memberships, person="甄一鸣")
    membership = next(m for m in data["memberships"] if m["id"] == row.id)
    assert membership["person_id"] == person["id"]
    assert (membership["role"], membership["label"]) == ("书记", "湖州市委书记")
    assert (membership["start_date"], membership["end_date"]) == ("2019-03-05", "2021-06-01")
    begin = A.index("湖州市委书记")
    assert membership["sources"][0] == {
        "url": f"{row.readings[0].phrase}",
        "note": f"a.txt: characters {begin}–{begin + 6}"}
    assert membership["sources"][0]["url"].endswith(f"#char={begin},{begin + 6}")
    assert [s["note"].split(":")[0] for s in membership["sources"]] == ["a.txt", "b.txt"]
    undated = next(m for m in data["memberships"] if m["person_id"].startswith("fang-"))
    assert "start_date" not in undated and "end_date" not in undated


def test_a_report_url_is_the_source_url() -> None:
    report = read_text(A, name="a.txt", source="https://news.example.com/a.html")
    tables = read_tables(build_graph([report]))
    assert {r.url for r in tables.reports} == {"https://news.example.com/a.html"}
    membership = popolo(tables)["memberships"][0]
    assert membership["sources"][0]["url"] == "https://news.example.com/a.html"
