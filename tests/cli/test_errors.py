"""The same fault ends every command the same way: one line on stderr and the same code."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cli.errors import FAILED, Command, command
from kg.errors import QueryError
from tests.cli.common import assert_one_error_line, run

GRAPH_COMMANDS = [
    ["export", "{graph}", "-f", "nt"],
    ["query", "posts", "-g", "{graph}"],
    ["serve", "{graph}", "--port", "0"],
    ["validate", "{graph}"],
    ["view", "{graph}", "-o", "{out}"],
    ["stats", "{graph}"],
]


@pytest.mark.parametrize("args", GRAPH_COMMANDS, ids=lambda a: a[0])
def test_a_missing_graph_is_one_line_and_exit_1_in_every_command(tmp_path: Path,
                                                                 args: list[str]) -> None:
    graph = tmp_path / "none.ttl"
    filled = [a.format(graph=graph, out=tmp_path / "v.html") for a in args]
    assert_one_error_line(run(*filled), str(graph), "no such graph file")


def test_a_missing_report_is_one_line_and_exit_1(tmp_path: Path) -> None:
    assert_one_error_line(run("build", tmp_path / "none.txt", "-o", tmp_path / "out"),
                          "no such file")


def test_a_command_invoked_alone_maps_errors_too() -> None:
    @command()
    def broken() -> None:
        raise QueryError("malformed SPARQL: it says why")

    result = CliRunner().invoke(broken, [])
    assert (result.exit_code, result.stderr) == (FAILED, "Error: malformed SPARQL: it says why\n")


def test_every_command_is_one_of_ours() -> None:
    assert all(isinstance(c, Command) for c in cli.commands.values())


@pytest.mark.parametrize(("base", "says"), [
    ("https://example.org/a b/", "code point ' '"), ("https://example.org/<id>/", "'<'"),
    ('https://example.org/"id"/', "'\"'"), ("kg/id/", "No scheme"),
])
@pytest.mark.parametrize("verb", ["build", "add"])
def test_a_base_that_is_no_iri_is_a_usage_error(tmp_path: Path, base: str, says: str,
                                               verb: str) -> None:
    report = tmp_path / "r.txt"
    report.write_text("杭州召开推进会\n\n杭州市副市长齐一民出席会议。\n", "utf-8")
    where = ["-o", tmp_path / "out"] if verb == "build" else ["--store", tmp_path / "store"]
    result = run(verb, report, *where, "--base", base)
    assert result.exit_code == 2 and "is not an absolute IRI" in result.stderr
    assert says in result.stderr and "Traceback" not in result.output


def test_a_base_without_a_closing_slash_gets_one(tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_text("杭州召开推进会\n\n杭州市副市长齐一民出席会议。\n", "utf-8")
    run("build", report, "-o", tmp_path / "out", "-f", "nt", "--base", "https://example.org/id")
    written = (tmp_path / "out" / "graph.nt").read_text("utf-8")
    assert "<https://example.org/id/doc/" in written and "/iddoc/" not in written


def test_what_is_not_a_graph_file_says_what_it_is(tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    page.write_text("<html></html>", "utf-8")
    assert_one_error_line(run("query", "posts", "-g", page), "is not a graph file kg reads")
    assert_one_error_line(run("stats", tmp_path), "is a directory, not a graph file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_graph_from_a_named_pipe_is_read_once(tmp_path: Path) -> None:
    pipe = tmp_path / "graph.nt"
    os.mkfifo(pipe)
    triple = '<https://example.org/a> <http://xmlns.com/foaf/0.1/name> "齐一民"@zh .\n'
    command = [sys.executable, "-m", "kg", "query", "SELECT ?n { ?p foaf:name ?n }", "-g",
               str(pipe), "-f", "csv"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as kg:
        threading.Thread(target=pipe.write_text, args=(triple, "utf-8"), daemon=True).start()
        out, err = kg.communicate(timeout=120)  # a second opening would wait for ever
    assert kg.returncode == 0 and "齐一民" in out.decode(), err.decode()


def test_a_file_kg_cannot_read_is_one_line_and_exit_1(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    graph = tmp_path / "graph.ttl"
    graph.write_text("<a:b> <a:c> <a:d> .\n", "utf-8")
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)  # as if unreadable:
    real = Path.open  # click no longer checks first (a usage error, exit 2), kg says it

    def refused(self: Path, *args: object, **kwargs: object) -> object:
        if self == graph:
            raise PermissionError(13, "Permission denied")
        return real(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", refused)
    assert_one_error_line(run("stats", graph), "cannot be read (Permission denied)")
