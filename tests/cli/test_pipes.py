"""``-`` as a file: commands read standard input and write standard output, so they pipe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner, Result

from kg.cli import cli
from tests.cli.common import TRANSCRIPT, assert_one_error_line, run

REPORT = "南京市总工会召开会议\n\n南京市总工会主席王小明主持会议。\n"
SUFFIXES = {"turtle": "ttl", "nt": "nt", "trig": "trig", "nquads": "nq", "json-ld": "jsonld",
            "xml": "rdf"}


def piped(*args: str | Path, data: str | bytes) -> Result:
    return CliRunner().invoke(cli, [str(a) for a in args], input=data)


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small report's graph in every format kg writes."""
    folder = tmp_path_factory.mktemp("graphs")
    report = folder / "report.txt"
    report.write_text(REPORT, "utf-8")
    formats = [arg for fmt in SUFFIXES for arg in ("-f", fmt)]
    assert run("build", report, "-o", folder, *formats).exit_code == 0
    return folder


def test_a_build_in_a_pipe(tmp_path: Path) -> None:
    """``cat report | kg build - -o - -f nt | wc -l`` counts the triples; the summary is on
    standard error, and nothing is written in the working directory."""
    done = subprocess.run([sys.executable, "-m", "kg", "build", "-", "-o", "-", "-f", "nt"],
                          input=TRANSCRIPT.read_bytes(), capture_output=True, cwd=tmp_path,
                          check=True)
    lines = done.stdout.decode("utf-8").splitlines()
    summary = dict(line.split(maxsplit=1) for line in done.stderr.decode().splitlines())
    assert len(lines) == int(summary["triples"]) == len(
        rdflib.Graph().parse(data=done.stdout, format="nt"))
    assert list(tmp_path.iterdir()) == []


def test_a_build_to_standard_output_is_turtle_unless_told(tmp_path: Path) -> None:
    result = piped("build", "-", "-o", "-", data=REPORT)
    assert result.exit_code == 0, result.output
    assert len(rdflib.Graph().parse(data=result.stdout, format="turtle")) > 10
    assert "王小明" in result.stdout and "people" in result.stderr


def test_standard_output_takes_one_format() -> None:
    result = piped("build", "-", "-o", "-", "-f", "nt", "-f", "turtle", data=REPORT)
    assert_one_error_line(result, "one format")


@pytest.mark.parametrize("fmt", sorted(SUFFIXES))
def test_a_graph_on_standard_input_is_read_in_any_format(graphs: Path, fmt: str) -> None:
    data = (graphs / f"graph.{SUFFIXES[fmt]}").read_bytes()
    result = piped("export", "-", "-f", "nt", data=data)
    assert result.exit_code == 0, result.output
    expected = rdflib.Graph().parse(graphs / "graph.nt", format="nt")
    assert len(rdflib.Graph().parse(data=result.stdout, format="nt")) == len(expected)


def test_what_is_not_a_graph_on_standard_input_is_one_line() -> None:
    assert_one_error_line(piped("stats", "-", data="not a graph\n"), "-: not a readable")


def test_export_and_view_write_dash_to_standard_output(graphs: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    export = run("export", graphs / "graph.ttl", "-f", "nt", "-o", "-")
    assert export.exit_code == 0 and "王小明" in export.stdout
    view = run("view", graphs / "graph.ttl", "-o", "-")
    assert view.exit_code == 0 and view.stdout.startswith("<!DOCTYPE html>")
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_a_query_on_standard_input(graphs: Path) -> None:
    result = piped("query", "-", "-g", graphs / "graph.ttl", "-f", "csv",
                   data="SELECT ?name { ?p <http://xmlns.com/foaf/0.1/name> ?name "
                        'FILTER(lang(?name) = "zh") }')
    assert result.exit_code == 0 and result.stdout.split() == ["name", "王小明"]
    graph = piped("query", "posts", "-g", "-", "-f", "csv",
                  data=(graphs / "graph.ttl").read_bytes())
    assert graph.exit_code == 0 and "王小明" in graph.stdout


def test_a_query_and_its_graph_cannot_both_be_standard_input() -> None:
    result = piped("query", "-", "-g", "-", data="")
    assert result.exit_code == 2 and "not both" in result.stderr

