"""``kg export`` to tables (csv, xlsx), Popolo JSON and the ties network; ``kg build -f`` for
the formats the exporters' registry holds."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import subprocess
import sys
import zipfile
from pathlib import Path

import networkx as nx
import pytest

from tests.cli.common import assert_one_error_line, run
from tests.view.test_tables import TEXTS

TABLES = ["memberships.csv", "organisations.csv", "people.csv", "reports.csv"]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The invented reports as files."""
    folder = tmp_path_factory.mktemp("reports")
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def graph(reports: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Their graph, as kg build writes it."""
    out = tmp_path_factory.mktemp("built")
    result = run("build", reports, "-o", out, "-f", "turtle")
    assert result.exit_code == 0, result.output
    return out / "graph.ttl"


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_csv_writes_four_tables_into_a_directory(graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    result = run("export", graph, "-f", "csv", "-o", out)
    assert (result.exit_code, result.stdout) == (0, ""), result.output
    assert sorted(p.name for p in out.iterdir()) == TABLES
    people = {row["name"]: row for row in read_csv(out / "people.csv")}
    assert people["黎二丰"]["reports"] == "3" and people["黎二丰"]["pinyin"] == "Li Erfeng"
    memberships = read_csv(out / "memberships.csv")
    zhen = next(row for row in memberships if row["person"] == "甄一鸣")
    assert (zhen["organisation"], zhen["title"], zhen["first_seen"], zhen["last_seen"],
            zhen["readings"], zhen["status"]) == ("湖州市委", "书记", "2019-03-05",
                                                  "2021-06-01", "2", "held")
    assert zhen["person_id"] == people["甄一鸣"]["id"]
    reports = {row["id"]: row for row in read_csv(out / "reports.csv")}
    assert reports[zhen["source_report"]]["file"] == "a.txt"
    begin, end = int(zhen["begin"]), int(zhen["end"])
    assert TEXTS["a.txt"][begin:end] == zhen["source_text"] == "湖州市委书记"
    assert [row["id"] for row in memberships] == sorted(row["id"] for row in memberships)


def test_csv_needs_a_directory(graph: Path, tmp_path: Path) -> None:
    assert_one_error_line(run("export", graph, "-f", "csv"), "-o DIR")
    assert list(tmp_path.iterdir()) == []


def test_csv_writes_all_its_files_or_none(graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "tables"
    (out / "reports.csv").mkdir(parents=True)  # a file cannot replace this directory
    assert_one_error_line(run("export", graph, "-f", "csv", "-o", out), str(out))
    assert sorted(p.name for p in out.iterdir()) == ["reports.csv"]
    assert (out / "reports.csv").is_dir()


def test_xlsx_to_a_file_and_to_a_pipe(graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "tables.xlsx"
    written = run("export", graph, "-f", "xlsx", "-o", out)
    assert (written.exit_code, written.stdout) == (0, ""), written.output
    piped = run("export", graph, "-f", "xlsx")
    assert piped.exit_code == 0
    assert piped.stdout_bytes == out.read_bytes()
    book = zipfile.ZipFile(out)
    workbook = book.read("xl/workbook.xml").decode("utf-8")
    assert all(f'<sheet name="{name}"' in workbook
               for name in ("people", "memberships", "organisations", "reports"))
    assert "甄一鸣" in book.read("xl/sharedStrings.xml").decode("utf-8")


def test_xlsx_is_not_written_to_a_terminal(graph: Path) -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "kg", "export", str(graph), "-f", "xlsx"],
                              stdout=follower, stderr=subprocess.PIPE, timeout=120,
                              check=False)
        os.close(follower)
        printed = b""
        try:
            while chunk := os.read(leader, 4096):
                printed += chunk
        except OSError:  # the terminal is closed once everything is read
            pass
    finally:
        os.close(leader)
    assert done.returncode == 1
    assert printed == b""
    lines = done.stderr.decode("utf-8").splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: xlsx is binary"), lines


def test_popolo_to_standard_output(graph: Path) -> None:
    result = run("export", graph, "-f", "popolo")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    people = {p["id"]: p["name"] for p in data["persons"]}
    organisations = {o["id"]: o["name"] for o in data["organizations"]}
    held = {(people[m["person_id"]], organisations[m["organization_id"]], m["role"],
             m.get("start_date", ""), m.get("end_date", "")) for m in data["memberships"]}
    assert ("甄一鸣", "湖州市委", "书记", "2019-03-05", "2021-06-01") in held
    assert ("方四海", "安吉县", "副县长", "", "") in held


def test_ties_as_csv_and_graphml(graph: Path, tmp_path: Path) -> None:
    result = run("export", graph, "-f", "ties-csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    pair = next(r for r in rows if {r["source_name"], r["target_name"]} == {"甄一鸣", "温三川"})
    assert (pair["weight"], pair["same_org_years"], pair["same_events"]) == ("4", "2", "2")
    out = tmp_path / "ties.graphml"
    assert run("export", graph, "-f", "ties-graphml", "-o", out).exit_code == 0
    network = nx.read_graphml(out)
    assert network.number_of_edges() == len(rows)
    assert {network.nodes[n]["name"] for n in network} >= {"甄一鸣", "温三川", "韩小路"}


def test_a_store_exports_the_same_tables(reports: Path, graph: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("add", reports, "--store", store).exit_code == 0
    from_store, from_file = tmp_path / "a", tmp_path / "b"
    assert run("export", store, "-f", "csv", "-o", from_store).exit_code == 0
    assert run("export", graph, "-f", "csv", "-o", from_file).exit_code == 0
    for name in TABLES:
        assert (from_store / name).read_text("utf-8") == (from_file / name).read_text("utf-8")


def test_build_writes_the_registered_formats_but_not_the_tables(reports: Path,
                                                                 tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("build", reports, "-o", out, "-f", "popolo", "-f", "ties-csv",
                 "-f", "ties-graphml")
    assert result.exit_code == 0, result.output
    assert {"graph.popolo.json", "graph.ties.csv", "graph.ties.graphml"} <= {
        p.name for p in out.iterdir()}
    assert json.loads((out / "graph.popolo.json").read_text("utf-8"))["persons"]
    refused = run("build", reports, "-o", tmp_path / "csv", "-f", "csv")
    assert refused.exit_code == 2
    help_text = run("export", "--help").stdout
    assert "xlsx" in help_text and "ties-graphml" in help_text
