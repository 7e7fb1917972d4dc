"""``kg people`` and ``kg build --decisions``: who a name is across reports, and the user's
own decisions (invented reports and names)."""

from __future__ import annotations

from pathlib import Path

import rdflib
from rdflib.namespace import FOAF

from tests.cli.common import CAREER_REPORTS, assert_one_error_line, career_reports, run

REPORTS = CAREER_REPORTS
corpus = career_reports


def test_people_shows_each_person_and_why(tmp_path: Path) -> None:
    result = run("people", "齐一民", corpus(tmp_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "齐一民: 2 people in 3 reports"
    assert sum(line.startswith("person ") for line in lines) == 2
    assert any("a.txt  杭州市西湖区委书记" in line for line in lines)
    assert "      joined: posts in the same place, or one inside the other" in lines


def test_people_of_a_name_no_report_gives(tmp_path: Path) -> None:
    result = run("people", "王五", corpus(tmp_path))
    assert result.stdout == "王五: named in none of the 3 reports\n"


def test_decisions_override_the_resolver(tmp_path: Path) -> None:
    folder = corpus(tmp_path)
    shown = run("people", "齐一民", folder).stdout
    refs = [line.split()[0] for line in shown.splitlines() if line.startswith("  ")
            and ":p" in line]
    decisions = tmp_path / "decisions.txt"
    decisions.write_text(f"same {refs[0]} {refs[-1]}\n", "utf-8")
    assert run("people", "齐一民", folder, "--decisions", decisions).stdout.startswith(
        "齐一民: 1 person in 3 reports")
    out = tmp_path / "out"
    assert run("build", folder, "-o", out, "--decisions", decisions).exit_code == 0
    graph = rdflib.Graph().parse(out / "graph.ttl")
    assert len(set(graph.subjects(FOAF.name, rdflib.Literal("齐一民", lang="zh")))) == 1
    assert len(set(rdflib.Graph().parse(run_build(tmp_path, folder)).subjects(
        FOAF.name, rdflib.Literal("齐一民", lang="zh")))) == 2


def run_build(tmp_path: Path, folder: Path) -> Path:
    out = tmp_path / "plain"
    assert run("build", folder, "-o", out, "-f", "turtle").exit_code == 0
    return out / "graph.ttl"


def test_a_bad_decisions_file_is_one_line(tmp_path: Path) -> None:
    decisions = tmp_path / "decisions.txt"
    decisions.write_text("maybe a:p1 b:p2\n", "utf-8")
    assert_one_error_line(run("people", "齐一民", corpus(tmp_path), "--decisions", decisions),
                          "line 1", "same|different")


def test_build_reads_stdin_and_lists(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli
    folder = corpus(tmp_path)
    result = CliRunner().invoke(cli, ["build", "-", "-o", str(tmp_path / "o1")],
                                input=REPORTS["a.txt"].encode())
    assert result.exit_code == 0, result.output
    listing = tmp_path / "list.txt"
    listing.write_text("reports/a.txt\nreports/c.txt\n", "utf-8")
    result = run("build", "--files-from", listing, "-o", tmp_path / "o2")
    assert result.exit_code == 0, result.output
    assert "people         2" in result.stdout  # a person in each, not the same one
    assert run("build", "-o", tmp_path / "o3").exit_code == 2
    assert folder.is_dir()


def test_a_store_shows_the_same_as_its_reports(tmp_path: Path) -> None:
    folder, store = corpus(tmp_path), tmp_path / "store"
    run("add", folder, "--store", store)
    from_store = run("people", "齐一民", "--store", store)
    assert from_store.exit_code == 0, from_store.output
    assert from_store.stdout == run("people", "齐一民", folder).stdout  # posts shown too
